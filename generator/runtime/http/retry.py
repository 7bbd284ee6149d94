"""The retry policy both clients share; stamina (a maintained retry library) runs the loop.

Each attempt goes through the whole httpx request, so the signer signs it again with a fresh
Date and nonce. Retried: connection failures and timeouts, HTTP 5xx, HTTP 429, ``Throttling*``
codes and any error carrying ``x-acs-retry-after``; never any other 4xx. The waits: the server's
``x-acs-retry-after`` up to the call's deadline, else its ``Retry-After`` up to ``RETRY_AFTER_CAP``,
else exponential backoff. ``stamina.set_testing(True)`` turns the waiting off in tests.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

import attrs
import httpx

from ..errors import ApiError, ServerError, ThrottlingError, TimeoutError, TransportError

if TYPE_CHECKING:
    import stamina

__all__ = [
    "CALL_STARTED",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_ATTEMPTS",
    "RETRY_DECIDED",
    "RetryPolicy",
    "retry_hook",
    "translated_transport_errors",
    "transport_error",
]

DEFAULT_MAX_ATTEMPTS = 3  # two transient failures in a row are absorbed
DEFAULT_DEADLINE = 10.0  # seconds: a failing call stops retrying after about this long
WAIT_INITIAL = 0.2  # seconds before the first retry, doubling after
WAIT_MAX = 4.0  # seconds: the longest exponential wait
WAIT_JITTER = 0.3  # seconds: at most this much random delay is added to each wait
RETRY_AFTER_CAP = 5.0  # seconds: a server's Retry-After is honoured up to this
# The time.monotonic() start of the call the current thread or task is making: the retry hook counts
# x-acs-retry-after's cap (the time left before the deadline) from it, with one caller for all calls.
CALL_STARTED: ContextVar[float | None] = ContextVar("foas_client_call_started", default=None)
# Told of each retry decision made in the current thread or task: the error and what ``retry_hook`` said
# (``False``, ``True`` for backoff, or the seconds to wait). A sweep sets it to close its shared gate on a
# throttled answer (``lifecycle.budget``), so that every worker waits, not only the throttled call.
RETRY_DECIDED: ContextVar[Callable[[Exception, bool | float], None] | None] = ContextVar(
    "foas_client_retry_decided", default=None
)


def retry_hook(error: Exception, *, remaining: float | None = None) -> bool | float:
    """Whether ``error`` is worth another attempt; a float is the wait the server asked for (capped).

    ``x-acs-retry-after``'s wait is capped by ``remaining``, the seconds left before the call's deadline
    (``None``: no deadline), so the next attempt starts by the deadline; ``Retry-After``'s by
    ``RETRY_AFTER_CAP``. A wait may be ``0.0``: a retry at once, not a refusal (test with ``is not False``).
    """
    if isinstance(error, (ThrottlingError, ServerError)):
        if error.acs_retry_after is not None:  # the official SDKs wait exactly this long (darabonba-openapi #283)
            wait = max(error.acs_retry_after, 0.0)
            return wait if remaining is None else min(wait, max(remaining, 0.0))
        if error.retry_after is not None:
            return min(max(error.retry_after, 0.0), RETRY_AFTER_CAP)
        return True
    if isinstance(error, ApiError):
        return False
    return isinstance(error, TransportError)  # TimeoutError included


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How many attempts, and for how long, a call may take.

    Attributes:
        max_attempts: attempts in all, the first included (1 turns retries off).
        deadline: seconds after which no new attempt starts (``None``: no limit).
    """

    max_attempts: int = attrs.field(default=DEFAULT_MAX_ATTEMPTS, validator=attrs.validators.ge(1))
    deadline: float | None = DEFAULT_DEADLINE

    def _settings(self) -> dict[str, float | int | None]:
        return {
            "attempts": self.max_attempts,
            "timeout": self.deadline,
            "wait_initial": WAIT_INITIAL,
            "wait_max": WAIT_MAX,
            "wait_jitter": WAIT_JITTER,
        }

    def will_retry(self, error: Exception, attempt: int, elapsed: float) -> bool:
        """Whether the loop retries after ``error`` ended attempt number ``attempt``, ``elapsed`` seconds into
        the call: a retryable error, attempts left, the deadline not passed (what the loop's settings say)."""
        in_time = self.deadline is None or elapsed < self.deadline
        return self.wait(error, elapsed) is not False and attempt < self.max_attempts and in_time

    def wait(self, error: Exception, elapsed: float | None = None) -> bool | float:
        """``retry_hook`` for a call ``elapsed`` seconds old (``None``: not started), with its deadline:
        ``False``, ``True`` (backoff) or the seconds to wait before the next attempt."""
        if self.deadline is None:
            return retry_hook(error)
        return retry_hook(error, remaining=self.deadline - (elapsed or 0.0))

    def _hook(self, started: float | None) -> Callable[[Exception], bool | float]:
        def hook(error: Exception) -> bool | float:  # the call's start, given or as the request path noted it
            begun = started if started is not None else CALL_STARTED.get()
            decided = self.wait(error, None if begun is None else time.monotonic() - begun)
            observer = RETRY_DECIDED.get()
            if observer is not None:
                observer(error, decided)
            return decided

        return hook

    # stamina (and tenacity under it) is imported at a client's first call, not with the package.
    def caller(self, *, started: float | None = None) -> stamina.BoundRetryingCaller:
        """stamina's retrying caller for this policy; ``started``: the call's ``time.monotonic()`` start,
        from which the time left before the deadline is counted (``None``: ``CALL_STARTED``'s value in
        the calling context, as the request path sets it for each call, else the whole deadline). One
        caller serves every call of a client."""
        import stamina

        return stamina.RetryingCaller(**self._settings()).on(self._hook(started))  # type: ignore[arg-type]

    def async_caller(self, *, started: float | None = None) -> stamina.BoundAsyncRetryingCaller:
        """The async twin of ``caller``."""
        import stamina

        return stamina.AsyncRetryingCaller(**self._settings()).on(self._hook(started))  # type: ignore[arg-type]


def transport_error(exc: httpx.TransportError | ssl.SSLError) -> TransportError:
    """This package's ``TimeoutError`` or ``TransportError`` for one of httpx's transport exceptions, or
    for a TLS failure that httpx's async transport lets through unwrapped (a client certificate the
    server refuses is only known at the first read under TLS 1.3)."""
    if isinstance(exc, httpx.TimeoutException):
        return TimeoutError(f"{type(exc).__name__}: the service did not answer in time")
    return TransportError(f"{type(exc).__name__}: {str(exc) or 'the request did not complete'}")


@contextmanager
def translated_transport_errors() -> Iterator[None]:
    """httpx's transport exceptions, raised as this package's ``TimeoutError``/``TransportError``."""
    try:
        yield
    except (httpx.TransportError, ssl.SSLError) as exc:
        raise transport_error(exc) from exc
