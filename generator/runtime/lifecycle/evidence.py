"""The evidence of what a guard, a sweep or a delete decided: one JSON line per decision.

Each line says where (the path arguments by their wire names, the region, the endpoint), when (UTC,
ISO 8601), what was read (the operation, its item count as the service announced it, the pages read,
every RequestId of those pages, or of the DELETE), what was decided (``unreferenced``, ``referenced``,
``failed``, ``refused``, ``deleted``...) and why a failure failed, and which client decided it (its
version). It is what an audit asks for after a deletion.

No secret reaches it: a record holds only the fields above, and any text in it that holds the value of
the credential variables of the environment is masked (belt and braces: none should be there). Lines are
appended (a file opened in append mode) and flushed one by one, under a lock: threads may share a log.
"""

from __future__ import annotations

import datetime
import json
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from ..credentials import environment_secrets
from ..errors import InvalidParameterError

__all__ = ["EvidenceLog", "EvidenceTarget"]

EvidenceTarget = str | os.PathLike[str] | IO[str]


def _masked(value: Any, secrets: Sequence[str]) -> Any:
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, "***")
        return value
    if isinstance(value, list):
        return [_masked(one, secrets) for one in value]
    if isinstance(value, dict):
        return {key: _masked(one, secrets) for key, one in value.items()}
    return value


class EvidenceLog:
    """Where decisions are written: a path (opened for appending, made if missing) or a writable text file.

    Args:
        target: the path or the file; ``None``: nothing is written.
        region, endpoint: the client's, written on each line.
        version: gives the client's version (called once, only when there is a target).

    Raises:
        InvalidParameterError: the path cannot be opened for appending (naming it and why).
    """

    def __init__(
        self, target: EvidenceTarget | None, *, region: str, endpoint: str, version: Callable[[], str]
    ) -> None:
        self._lock = threading.Lock()
        self._owned = False
        self._out: IO[str] | None
        if target is None or not isinstance(target, (str, os.PathLike)):
            self._out = target
        else:
            path = Path(target)
            try:
                self._out = path.open("a", encoding="utf-8")
            except OSError as error:
                raise InvalidParameterError(f"evidence: cannot append to {str(path)!r}: {error.strerror}") from None
            self._owned = True
        self._base = {"region": region, "endpoint": endpoint, "clientVersion": version() if self._out else ""}
        self._secrets = environment_secrets()  # masked in every line (the environment's, read once)

    def write(
        self,
        decision: str,
        arguments: Mapping[str, str],
        *,
        operation: str,
        count: int | None = None,
        pages_read: int = 0,
        request_ids: Sequence[str] = (),
        reason: str | None = None,
        **more: Any,
    ) -> None:
        """One line: ``decision`` on ``arguments`` (path arguments by wire name), from ``operation``'s answers."""
        if self._out is None:
            return
        now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        record: dict[str, Any] = {"time": now, "decision": decision, **arguments, "operation": operation}
        record.update(totalCount=count, pagesRead=pages_read, requestIds=list(request_ids))
        if reason is not None:
            record["reason"] = reason
        record.update(more)
        record.update(self._base)
        line = json.dumps(_masked(record, self._secrets), ensure_ascii=False) + "\n"
        with self._lock:
            self._out.write(line)
            self._out.flush()

    def close(self) -> None:
        """Closes the file this log opened (a file given to it is the caller's to close)."""
        if self._owned and self._out is not None:
            self._out.close()
            self._out = None
