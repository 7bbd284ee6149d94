"""What the fake answers, and how it can fail: ``Answer``, the injected ``Fault``s, ``Misbehaviour``.

Plain data, shared by the fake's request handling (``_fake_service``) and by what acts its answers
out (``_fake_transport`` in process, ``_fake_server`` on loopback); it imports neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import attrs

__all__ = ["Answer", "Answers", "Fault", "Misbehaviour"]


@attrs.frozen
class Fault:
    """One injected fault, used by the next request that reaches the fake.

    Build them with the class methods: ``Fault.error(503)``, ``Fault.throttle()``, ``Fault.reset()``,
    ``Fault.malformed()``, ``Fault.html()``, ``Fault.delay(seconds)``, ``Fault.slow_body(seconds)``,
    ``Fault.truncate()``.
    """

    kind: str
    status: int = 200
    code: str | None = None
    message: str | None = None
    body: bytes | None = None
    content_type: str | None = None
    seconds: float = 0.0
    retry_after: str | None = None
    acs_retry_after: str | None = None

    @classmethod
    def error(
        cls, status: int, code: str | None = None, message: str | None = None, *, acs_retry_after: str | None = None
    ) -> Fault:
        """An Alibaba error body with ``status`` (Code defaults by status, e.g. 503 ServiceUnavailable);
        ``acs_retry_after``: the ``x-acs-retry-after`` header's value (milliseconds), sent as given."""
        return cls("status", status=status, code=code, message=message, acs_retry_after=acs_retry_after)

    @classmethod
    def throttle(
        cls,
        status: int = 400,
        code: str = "Throttling.User",
        retry_after: str | None = None,
        *,
        acs_retry_after: str | None = None,
    ) -> Fault:
        """A throttling answer, as the service sends it (HTTP 400 or 429, Code ``Throttling*``), with
        ``Retry-After`` and ``x-acs-retry-after`` (milliseconds) set to the values given, sent as given."""
        return cls(
            "status",
            status=status,
            code=code,
            message="Request was denied due to user flow control.",
            retry_after=retry_after,
            acs_retry_after=acs_retry_after,
        )

    @classmethod
    def malformed(
        cls, body: bytes = b'{"TotalCount": 1, "Jobs": {"Job": [{"JobId": ', content_type: str = "application/json"
    ) -> Fault:
        """A 200 whose body does not decode (default: truncated JSON)."""
        return cls("body", body=body, content_type=content_type)

    @classmethod
    def html(cls, status: int = 502) -> Fault:
        """An HTML error page, as a proxy or load balancer sends it."""
        page = f"<html><head><title>{status} Bad Gateway</title></head><body><h1>{status}</h1></body></html>"
        return cls("body", status=status, body=page.encode(), content_type="text/html")

    @classmethod
    def reset(cls) -> Fault:
        """The connection is closed without an answer (a reset on loopback)."""
        return cls("reset")

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """The answer's headers come ``seconds`` late."""
        return cls("delay", seconds=seconds)

    @classmethod
    def slow_body(cls, seconds: float) -> Fault:
        """The headers come at once, the body ``seconds`` later (loopback only; in process, a delay)."""
        return cls("slow_body", seconds=seconds)

    @classmethod
    def truncate(cls) -> Fault:
        """The body stops halfway through its announced Content-Length and the connection closes."""
        return cls("truncate")


@attrs.define
class Misbehaviour:
    """Pagination bugs a server may have, for testing the client's guards.

    Attributes:
        ignore_page_index: every request gets the first page.
        shrink_totals_by: after the first page, the item and page totals shrink by this many items.
        empty_from_page: pages from this one on are empty, whatever the totals say.
    """

    ignore_page_index: bool = False
    shrink_totals_by: int = 0
    empty_from_page: int | None = None


@attrs.frozen
class Answer:
    """What the fake answers: a status, headers and body, or a fault the transport must act out."""

    status: int
    headers: Mapping[str, str]
    body: bytes
    fault: Fault | None = None
    delay: float = 0.0


class Answers(Protocol):
    """What a transport or a server needs of a fake: the answer to one request."""

    def answer(self, method: str, raw_target: str, headers: Mapping[str, str]) -> Answer:
        """The answer to one request (``raw_target``: the path and query exactly as sent)."""
        ...
