"""One budget for every request of a sweep: at most N in flight in all, and one gate they all wait at.

A sweep reads many listings at once (the containers', each container's subjects', each subject's
checked listing). ``SweepBudget`` (threads) and ``AsyncSweepBudget`` (asyncio) bound the requests in
flight across all of them, and hold a ``ThrottleGate``: when any request is throttled, the gate closes
for the wait the service asked for (``x-acs-retry-after``, as ``http.retry.retry_hook`` reads it), else
for a backoff that doubles with each throttled answer in a row, and no request of the sweep starts
before it opens again. The throttled call itself waits as its retry policy says (the same wait); the
others wait at the gate, instead of each finding the throttle alone.

The gate hears of a throttled answer through ``http.retry.RETRY_DECIDED``, which the budget sets around
each request it runs, and of a throttled call that gave up when the call raises.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

import attrs

from ..arguments import check_count
from ..errors import ThrottlingError
from ..http.retry import RETRY_DECIDED, WAIT_INITIAL, WAIT_MAX, retry_hook
from . import DEFAULT_CONCURRENCY

if TYPE_CHECKING:
    import asyncio

__all__ = ["DEFAULT_CONCURRENCY", "AsyncSweepBudget", "SweepBudget", "ThrottleGate"]

T = TypeVar("T")


@attrs.define
class ThrottleGate:
    """When requests may start again after a throttled answer; no I/O (the budgets do the waiting).

    Attributes:
        clock: seconds, monotonic (``time.monotonic``; a test gives its own).
        opens_at: the clock's reading before which no request starts.
        throttled: throttled answers in a row (a success resets it); each closes the gate for
            ``WAIT_INITIAL`` doubled that many times, up to ``WAIT_MAX``, when the service gave no wait.
        closings: how many times a throttled answer closed (or extended) the gate.
    """

    clock: Callable[[], float] = time.monotonic
    opens_at: float = 0.0
    throttled: int = 0
    closings: int = 0
    _lock: threading.Lock = attrs.field(factory=threading.Lock, repr=False)

    def note(self, error: Exception, decided: bool | float) -> None:
        """A retry decision (``RETRY_DECIDED``'s arguments): a throttled answer closes the gate."""
        if not isinstance(error, ThrottlingError):
            return
        with self._lock:
            # no wait from the service (``True``): a backoff, doubling with each throttled answer in a row
            seconds = min(WAIT_INITIAL * 2**self.throttled, WAIT_MAX) if isinstance(decided, bool) else decided
            self.throttled += 1
            self.closings += 1
            self.opens_at = max(self.opens_at, self.clock() + seconds)

    def passed(self) -> None:
        """A request answered without throttling: the backoff starts small again."""
        self.throttled = 0

    def wait_left(self) -> float:
        """Seconds before the gate opens (0 when open)."""
        return max(self.opens_at - self.clock(), 0.0)


def _checked(concurrency: int) -> int:
    return check_count(concurrency, "concurrency", minimum=1)


@contextmanager
def _observed(gate: ThrottleGate) -> Iterator[None]:
    token = RETRY_DECIDED.set(gate.note)
    try:
        yield
    except ThrottlingError as error:  # throttled to the last attempt: the others should still hold back
        gate.note(error, retry_hook(error))
        raise
    else:
        gate.passed()
    finally:
        RETRY_DECIDED.reset(token)


class SweepBudget:
    """The budget of a sweep run in threads: ``run(call)`` when a slot is free and the gate is open.

    Args:
        concurrency: requests in flight at once, at most, across every caller of ``run``.
        gate: the throttle gate (default: a new one on the monotonic clock).
        sleep: how to wait for the gate (default ``time.sleep``).

    Attributes:
        in_flight, max_in_flight: requests running now, and the most at once so far.
    """

    def __init__(
        self,
        concurrency: int = DEFAULT_CONCURRENCY,
        *,
        gate: ThrottleGate | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.concurrency = _checked(concurrency)
        self.gate = gate or ThrottleGate()
        self._slots = threading.BoundedSemaphore(self.concurrency)
        self._sleep = sleep
        self._count = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0

    def run(self, call: Callable[[], T]) -> T:
        """``call()`` once a slot is free and the gate open; the gate hears of its retries."""
        with self._slots:
            while (left := self.gate.wait_left()) > 0:
                self._sleep(left)
            with self._count:
                self.in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self.in_flight)
            try:
                with _observed(self.gate):
                    return call()
            finally:
                with self._count:
                    self.in_flight -= 1


class AsyncSweepBudget:
    """The async twin of ``SweepBudget``: ``await run(call)``; ``sleep`` defaults to ``asyncio.sleep``."""

    def __init__(
        self,
        concurrency: int = DEFAULT_CONCURRENCY,
        *,
        gate: ThrottleGate | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        import asyncio  # here: only the async sweep needs it

        self.concurrency = _checked(concurrency)
        self.gate = gate or ThrottleGate()
        self._slots: asyncio.Semaphore = asyncio.Semaphore(self.concurrency)
        self._sleep = sleep or asyncio.sleep
        self.in_flight = 0
        self.max_in_flight = 0

    async def run(self, call: Callable[[], Awaitable[T]]) -> T:
        """``await call()`` once a slot is free and the gate open."""
        async with self._slots:
            while (left := self.gate.wait_left()) > 0:
                await self._sleep(left)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            try:
                with _observed(self.gate):
                    return await call()
            finally:
                self.in_flight -= 1
