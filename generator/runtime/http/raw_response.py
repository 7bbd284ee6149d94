"""``RawResponse``: a call's answer as it came over the wire, with the model it decoded to.

What ``client.with_raw_response.<method>(...)`` returns, as openai-python's ``with_raw_response``
returns its ``LegacyAPIResponse``. Unlike there, the model is decoded inside the retry loop, before
the call returns: an error body sent with a success status is an error, and only the decoded answer
says whether another attempt follows. ``parse()`` hands that model over.
"""

from __future__ import annotations

from typing import Generic, TypeVar

import attrs
import httpx

from .attempt_log import REQUEST_ID_HEADER

__all__ = ["RawResponse"]

T = TypeVar("T")


@attrs.frozen(repr=False)
class RawResponse(Generic[T]):
    """The final attempt's HTTP answer to one call, and its decoded model (``parse()``).

    Attributes:
        http_response: the httpx response of the attempt that succeeded (its body read).
        attempts: attempts the call made, the successful one included (1: no retry).
        elapsed: seconds from the call's start to the decoded answer, retries and their waits included
            (the last attempt's own time is ``http_response.elapsed``).
    """

    http_response: httpx.Response
    _model: T = attrs.field(alias="model")
    attempts: int
    elapsed: float

    @property
    def status_code(self) -> int:
        """The HTTP status of the answer (a success: an error status raised the typed error instead)."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The answer's headers, case-insensitive."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The service's RequestId: the ``x-acs-request-id`` header, else the decoded body's; ``None`` if neither."""
        found = self.http_response.headers.get(REQUEST_ID_HEADER) or getattr(self._model, "request_id", None)
        return found if isinstance(found, str) else None

    def parse(self) -> T:
        """The decoded model: what the plain method returns for the same answer."""
        return self._model

    def __repr__(self) -> str:
        return (
            f"<RawResponse [{self.status_code}] request_id={self.request_id!r} attempts={self.attempts} "
            f"elapsed={self.elapsed:.3f}s>"
        )
