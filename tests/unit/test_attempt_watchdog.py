"""The attempt watchdog (``_attempt_timeout``): it shuts a socket down at its attempt's deadline, and
a stream of attempts each due a full timeout later does not wake its thread on every request."""

from __future__ import annotations

import socket
import time

from foas_client._core.http.attempt_timeout import _Attempt, _Watchdog


class _CountingWatchdog(_Watchdog):
    """Counts how often a new attempt wakes the thread."""

    def __init__(self) -> None:
        super().__init__()
        self.wakeups = 0
        notify = self._cv.notify

        def counted(n: int = 1) -> None:
            self.wakeups += 1
            notify(n)

        self._cv.notify = counted  # type: ignore[method-assign]


def _settled(watchdog: _Watchdog) -> None:
    """Waits until the thread is waiting (it holds the lock otherwise)."""
    deadline = time.monotonic() + 5
    while watchdog._wakes_at == float("inf") and time.monotonic() < deadline:
        with watchdog._cv:
            pass
        time.sleep(0.001)


def test_attempts_due_later_do_not_wake_the_thread() -> None:
    watchdog = _CountingWatchdog()
    first = _Attempt(time.monotonic() + 10, 10, None)
    watchdog.watch(first)
    _settled(watchdog)
    for _ in range(50):  # a listing: each attempt finishes before the next starts, each due later
        attempt = _Attempt(time.monotonic() + 10, 10, None)
        watchdog.watch(attempt)
        watchdog.finish(attempt)
    assert watchdog.wakeups == 0


def test_an_attempt_due_sooner_wakes_the_thread_and_its_socket_is_shut_down_in_time() -> None:
    watchdog = _CountingWatchdog()
    watchdog.watch(_Attempt(time.monotonic() + 10, 10, None))
    _settled(watchdog)
    left, right = socket.socketpair()
    with left, right:
        left.settimeout(5)
        soon = _Attempt(time.monotonic() + 0.05, 0.05, left)
        watchdog.watch(soon)
        assert watchdog.wakeups == 1
        started = time.monotonic()
        assert left.recv(1) == b""  # the read ends: the socket was shut down, not left to its 5 s
        assert time.monotonic() - started < 2
        assert soon.expired
