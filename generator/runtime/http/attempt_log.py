"""One ``logging`` record per attempt of a call, on the ``foas_client`` logger, for sync and async clients.

A record says: the operationId, the method, the host, the HTTP status (or the exception's class when
there was no answer), the RequestId (the ``x-acs-request-id`` header, else the decoded body's, from the
answer or the ``ApiError``), the attempt's number, its elapsed milliseconds and the retry decision.
Levels: DEBUG for a success, WARNING for a failure that will be retried, ERROR for the final failure.
The same fields are in ``record.foas_attempt`` (a dict) for structured handlers.

A record never holds credentials, a token, a signature, a URL query or a message from the service:
only the fields above. The request path (``request``) notes each attempt's status and RequestId
header in the attempt's fields before parsing the answer; each call has its own log, so concurrent
calls (threads or tasks) do not mix their records.

``FOAS_LOG`` turns the records on without a code change, as openai-python's ``OPENAI_LOG`` does: read
once, when this module is imported, ``debug`` writes every record to stderr and ``info`` those of
INFO and above (the failed attempts: a success is DEBUG). Any other value, or none, adds nothing.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

__all__ = ["ENV_LOG", "LOGGER", "LOG_FORMAT", "REQUEST_ID_HEADER", "AttemptLog", "environment_handler", "setup_logging"]

LOGGER = logging.getLogger("foas_client")
# A library leaves output to the application: without this, logging's last-resort handler would print
# the ERROR records on stderr of a program that configured no logging.
LOGGER.addHandler(logging.NullHandler())
REQUEST_ID_HEADER = "x-acs-request-id"  # the RequestId of an answer, whatever its body

ENV_LOG = "FOAS_LOG"  # the debug switch: debug or info
_ENV_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
# [2026-12-06 21:53:02 foas_client WARNING] GetRefPackageJob GET foas.cn-hangzhou.aliyuncs.com -> 503 ...
LOG_FORMAT = "[%(asctime)s %(name)s %(levelname)s] %(message)s"
_environment_handler: logging.Handler | None = None


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to the ``sys.stderr`` of the moment, so that a program (or a test) that replaces it is followed."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def setup_logging(environ: Mapping[str, str] | None = None) -> logging.Handler | None:
    """Applies ``FOAS_LOG`` from ``environ`` (default: ``os.environ``); returns the handler added, else ``None``.

    ``debug`` or ``info`` (in any case) sets the ``foas_client`` logger to that level and adds one
    handler writing to stderr with ``LOG_FORMAT``; the records still reach the application's own
    handlers too. Any other value, or none, changes nothing: an unknown value is ignored rather than
    refused, as a misspelt debug switch must not stop a program. Called again, it replaces the
    handler it added before instead of adding a second one.
    """
    global _environment_handler
    level = _ENV_LEVELS.get((os.environ if environ is None else environ).get(ENV_LOG, "").strip().lower())
    if level is None:
        return None
    if _environment_handler is not None:
        LOGGER.removeHandler(_environment_handler)
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT, datefmt="%Y-%m-%d %H:%M:%S"))
    LOGGER.addHandler(handler)
    LOGGER.setLevel(level)
    _environment_handler = handler
    return handler


def environment_handler() -> logging.Handler | None:
    """The handler that ``FOAS_LOG`` added, if any: the command line sets it aside while it prints the records."""
    return _environment_handler


class AttemptLog:
    """The log of one call's attempts: ``attempt()`` around each, numbering them from 1.

    ``will_retry(error, number, elapsed)`` is the retry policy's decision for a failed attempt; it
    is what the record says, as the retry loop decides the same way.
    """

    def __init__(
        self, operation_id: str, method: str, host: str, will_retry: Callable[[Exception, int, float], bool]
    ) -> None:
        self.operation_id = operation_id
        self.method = method
        self.host = host
        self.will_retry = will_retry
        self.number = 0
        self.started = time.monotonic()

    @contextmanager
    def attempt(self) -> Iterator[dict[str, Any]]:
        """Around one attempt; the record is written as it ends. Yields the fields, to add the result's."""
        self.number += 1
        fields: dict[str, Any] = {"operation_id": self.operation_id, "method": self.method, "host": self.host}
        fields.update(status=None, request_id=None, attempt=self.number)
        start = time.monotonic()
        try:
            yield fields
        except Exception as error:
            retry = self.will_retry(error, self.number, time.monotonic() - self.started)
            status = getattr(error, "status_code", None)
            fields["status"] = status if isinstance(status, int) else fields["status"]
            fields["error"] = type(error).__name__
            body_id = getattr(error, "request_id", None)
            self._write(fields, start, logging.WARNING if retry else logging.ERROR, retry, body_id)
            raise
        else:
            self._write(fields, start, logging.DEBUG, False, fields.pop("body_request_id", None))

    @staticmethod
    def _write(fields: dict[str, Any], start: float, level: int, retry: bool, body_request_id: object) -> None:
        if not LOGGER.isEnabledFor(level):
            return
        if not fields["request_id"] and isinstance(body_request_id, str):
            fields["request_id"] = body_request_id
        fields["elapsed_ms"] = round((time.monotonic() - start) * 1000, 1)
        fields["decision"] = "will retry" if retry else "final"
        outcome = fields.get("error") or fields["status"]
        if fields.get("error") and fields["status"] is not None:
            outcome = f"{fields['status']} {fields['error']}"
        LOGGER.log(
            level,
            "%s %s %s -> %s RequestId=%s attempt=%d elapsed_ms=%.1f %s",
            fields["operation_id"],
            fields["method"],
            fields["host"],
            outcome,
            fields["request_id"],
            fields["attempt"],
            fields["elapsed_ms"],
            fields["decision"],
            extra={"foas_attempt": dict(fields)},
        )


setup_logging()  # once, at import: FOAS_LOG set later is not seen, as with OPENAI_LOG
