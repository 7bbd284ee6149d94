"""The retry policy both clients share; stamina (a maintained retry library) runs the loop.

Each attempt goes through the whole httpx request, so the signer signs it again with a fresh
Date and nonce. Retried: connection failures and timeouts, HTTP 5xx, HTTP 429, ``Throttling*``
codes and any error carrying ``x-acs-retry-after``; never any other 4xx. The waits: the server's
``x-acs-retry-after`` up to the call's deadline, else its ``Retry-After`` up to ``RETRY_AFTER_CAP``,
else exponential backoff. ``stamina.set_testing(True)`` turns the waiting off in tests.

The request path makes a call's first attempt alone, and hands the call to stamina's loop
(``retry_after_first``/``aretry_after_first``) only once that attempt failed with an error worth another. Most
calls succeed at once, and so never load stamina and tenacity (about 15 ms of a command's start-up)
nor pay for their loop.
"""

from __future__ import annotations

import functools
import ssl
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import httpx

from ..errors import ApiError, ServerError, ThrottlingError, TimeoutError, TransportError

if TYPE_CHECKING:
    import stamina

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_ATTEMPTS",
    "RETRY_DECIDED",
    "RetryPolicy",
    "aretry_after_first",
    "on_retry_hooks",
    "retry_after_first",
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
# Told of each retry decision made in the current thread or task: the error and what ``retry_hook`` said
# (``False``, ``True`` for backoff, or the seconds to wait). A sweep sets it to close its shared gate on a
# throttled answer (``lifecycle.budget``), so that every worker waits, not only the throttled call.
RETRY_DECIDED: ContextVar[Callable[[Exception, bool | float], None] | None] = ContextVar(
    "foas_client_retry_decided", default=None
)
T = TypeVar("T")


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

    def _settings(self, timeout: float | None = None) -> dict[str, float | int | None]:
        return {
            "attempts": self.max_attempts,
            "timeout": self.deadline if timeout is None else timeout,
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
        def hook(error: Exception) -> bool | float:
            decided = self.wait(error, None if started is None else time.monotonic() - started)
            observer = RETRY_DECIDED.get()
            if observer is not None:
                observer(error, decided)
            return decided

        return hook

    # stamina (and tenacity under it) is imported at a client's first call, not with the package.
    def caller(self, *, started: float | None = None) -> stamina.BoundRetryingCaller:
        """stamina's retrying caller for this policy; ``started``: the call's ``time.monotonic()`` start,
        from which the time left before the deadline is counted (``None``: the whole deadline). (The
        request path makes the first attempt itself, and loads stamina only when a retry is due:
        ``retry_after_first``.)"""
        import stamina

        return stamina.RetryingCaller(**self._settings()).on(self._hook(started))  # type: ignore[arg-type]

    def async_caller(self, *, started: float | None = None) -> stamina.BoundAsyncRetryingCaller:
        """The async twin of ``caller``."""
        import stamina

        return stamina.AsyncRetryingCaller(**self._settings()).on(self._hook(started))  # type: ignore[arg-type]


# -- the first attempt alone, stamina's loop for the rest ------------------------------------------


def retry_after_first(
    policy: RetryPolicy, failed: Exception, begun: float, function: Callable[..., T], /, *args: Any
) -> T:
    """The rest of a call whose first attempt, ``function(*args)`` begun at ``begun`` (``time.monotonic()``),
    failed with ``failed``: what ``policy.caller()`` would have done after that attempt.

    If ``retry_hook`` refuses ``failed`` (a 4xx, a decode error, a bug), it is raised as it is.
    Otherwise stamina takes over, loaded now: its loop is given ``failed`` as its own first attempt
    (the same wait, the same count, the same on-retry hooks and test mode) and the time left before
    the deadline, and calls ``function(*args)`` for each attempt after it.
    """
    left = _left(policy, begun)
    caller = _takeover(policy, failed, left).RetryingCaller(**policy._settings(left))
    return caller.on(policy._hook(begun))(_replaying(failed, function), *args)  # type: ignore[no-any-return]


async def aretry_after_first(
    policy: RetryPolicy, failed: Exception, begun: float, function: Callable[..., Awaitable[T]], /, *args: Any
) -> T:
    """The async twin of ``retry_after_first`` (stamina's async loop)."""
    left = _left(policy, begun)
    caller = _takeover(policy, failed, left).AsyncRetryingCaller(**policy._settings(left))
    return await caller.on(policy._hook(begun))(_areplaying(failed, function), *args)  # type: ignore[no-any-return]


def _left(policy: RetryPolicy, begun: float) -> float | None:
    """The seconds of ``policy``'s deadline left after the first attempt (stamina counts them from its start)."""
    return None if policy.deadline is None else max(policy.deadline - (time.monotonic() - begun), 0.0)


def _takeover(policy: RetryPolicy, error: Exception, left: float | None) -> Any:
    """stamina, loaded, for a call whose first attempt failed with ``error``; raises ``error`` if no retry is due:
    it is not worth one, or the deadline has passed (``left`` is 0: stamina would warn that its timeout of 0
    allows no retry, and make none)."""
    if retry_hook(error) is False or left == 0.0:
        raise error
    return _load_stamina()


def _replaying(error: Exception, function: Callable[..., T]) -> Callable[..., T]:
    """``function``, whose first call raises ``error`` (the attempt already made) instead of running it."""
    pending = [error]

    @functools.wraps(function)  # stamina names the callable in its on-retry hooks' details
    def attempt(*args: Any) -> T:
        if pending:
            raise pending.pop()
        return function(*args)

    return attempt


def _areplaying(error: Exception, function: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T]]:
    """The async twin of ``_replaying``."""
    pending = [error]

    @functools.wraps(function)
    async def attempt(*args: Any) -> T:
        if pending:
            raise pending.pop()
        return await function(*args)

    return attempt


# stamina's on-retry hooks for a scope (``on_retry_hooks``) opened before stamina was loaded: set
# when the first retry loads it, and put back as they were when the scope ends.
_HOOKS_LOCK = threading.Lock()
_scoped_hooks: list[Any] | None = None  # [hooks] while a scope waits for stamina; [hooks, before] once set


def _load_stamina() -> Any:
    import stamina

    with _HOOKS_LOCK:
        if _scoped_hooks is not None and len(_scoped_hooks) == 1:
            from stamina.instrumentation import get_on_retry_hooks, set_on_retry_hooks

            _scoped_hooks.append(get_on_retry_hooks())
            set_on_retry_hooks(_scoped_hooks[0])
    return stamina


@contextmanager
def on_retry_hooks(hooks: Sequence[Any]) -> Iterator[None]:
    """stamina's on-retry hooks are ``hooks`` inside the block (called with each scheduled retry's
    ``stamina.instrumentation.RetryDetails``), and as they were after it. stamina is not loaded for
    this: if no retry is due inside the block, it is never loaded at all. One scope at a time."""
    global _scoped_hooks
    if "stamina" in sys.modules:
        from stamina.instrumentation import get_on_retry_hooks, set_on_retry_hooks

        before = get_on_retry_hooks()
        set_on_retry_hooks(list(hooks))
        try:
            yield
        finally:
            set_on_retry_hooks(before)
        return
    with _HOOKS_LOCK:
        _scoped_hooks = [list(hooks)]
    try:
        yield
    finally:
        with _HOOKS_LOCK:
            scope, _scoped_hooks = _scoped_hooks, None
        if scope is not None and len(scope) == 2:
            from stamina.instrumentation import set_on_retry_hooks

            set_on_retry_hooks(scope[1])


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
