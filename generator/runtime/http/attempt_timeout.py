"""A bound on the whole of one attempt, from sending the request to the body's last byte, sync and async alike.

httpx's timeouts bound each step (connect, each write, each read): a server that sends a byte a
little more often than the read timeout holds a request as long as it likes. ``AttemptTimeout`` is
a pair of httpx event hooks that adds the missing rule, *an attempt ends within ``seconds`` of being
sent*: the request hook starts the clock (after signing, so each retry gets a fresh budget), the
response hook reads the body through a stream that checks the clock at every chunk and raises
this package's ``TimeoutError`` (a ``TransportError``: retried like any timeout) once time is up.

A check at each chunk alone would let one last read wait a full read timeout past the deadline (a
server that goes quiet just before it). So the socket the body is read from is also handed to a
watchdog: one daemon thread shared by every client, which shuts the socket down at the deadline.
A blocked read, sync or async, then returns at once and the error becomes the same
``TimeoutError``. Shutting a socket down from another thread is safe (unlike closing it, it
leaves the descriptor to its owner) and works the same under a sync client, asyncio or trio;
cancelling instead would need one mechanism per concurrency model and could not interrupt a sync
read at all. Without a socket (an in-process transport) the per-chunk check still holds.

Before the response headers arrive, the steps stay bounded by httpx's own timeouts (each at most
``seconds``); the watchdog cannot reach a socket before httpx hands the response over.
"""

from __future__ import annotations

import heapq
import itertools
import math
import os
import socket
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Iterator

import httpx

from ..errors import TimeoutError
from .limits import _DONE

__all__ = ["ATTEMPT_SECONDS", "AttemptTimeout"]

_CLOCK = "foas_client.attempt_deadline"  # request extension: the attempt's deadline (time.monotonic())
# Request extension: this request's own bound in seconds, instead of the hook's. A client made by
# ``with_options(timeout=...)`` shares its parent's httpx client, hooks included: the bound travels
# with each request, so one pool serves clients with different timeouts.
ATTEMPT_SECONDS = "foas_client.attempt_seconds"


class _Attempt:
    """One attempt's deadline and the socket its body is read from."""

    __slots__ = ("deadline", "done", "expired", "seconds", "sock")

    def __init__(self, deadline: float, seconds: float, sock: object | None) -> None:
        self.deadline = deadline
        self.seconds = seconds
        self.sock = sock
        self.expired = False
        self.done = False

    def error(self) -> TimeoutError:
        return TimeoutError(
            f"the answer was not complete within the timeout of {self.seconds:g} s (one attempt, "
            "from sending the request to the last byte)"
        )

    def check(self) -> None:
        if self.expired or time.monotonic() >= self.deadline:
            self.expired = True
            raise self.error()


class _Watchdog:
    """Shuts down the socket of every watched attempt still reading at its deadline (one shared thread)."""

    def __init__(self) -> None:
        self._pid = os.getpid()
        self._cv = threading.Condition(threading.Lock())
        self._heap: list[tuple[float, int, _Attempt]] = []
        self._order = itertools.count()  # ties: never compare two attempts
        self._thread: threading.Thread | None = None
        # When the thread wakes up next on its own (infinity: not before it is notified). A new
        # attempt wakes it only if its deadline comes sooner: a listing's attempts, each due a full
        # timeout later, cost no thread switch.
        self._wakes_at = math.inf

    def watch(self, attempt: _Attempt) -> None:
        with self._cv:
            if self._pid != os.getpid():  # forked: the thread did not come along
                self._pid, self._heap, self._thread, self._wakes_at = os.getpid(), [], None, math.inf
            self._drop_finished()
            heapq.heappush(self._heap, (attempt.deadline, next(self._order), attempt))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="foas-attempt-watchdog", daemon=True)
                self._thread.start()
            elif attempt.deadline < self._wakes_at:  # due before the thread would look again
                self._cv.notify()

    def finish(self, attempt: _Attempt) -> None:
        """The attempt's body is read or abandoned: from now on its socket is not ours to shut down."""
        with self._cv:  # never while the watchdog is shutting it down
            attempt.done = True

    def _drop_finished(self) -> None:
        while self._heap and self._heap[0][2].done:
            heapq.heappop(self._heap)

    def _run(self) -> None:
        with self._cv:
            while True:
                self._drop_finished()
                if not self._heap:
                    self._wakes_at = math.inf
                    self._cv.wait()
                    continue
                wait = self._heap[0][0] - time.monotonic()
                if wait > 0:
                    self._wakes_at = self._heap[0][0]
                    self._cv.wait(wait)
                    continue
                attempt = heapq.heappop(self._heap)[2]
                attempt.expired = True
                if attempt.sock is not None:
                    _shutdown(attempt.sock)


_WATCHDOG = _Watchdog()


class _TimedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """The response's stream, its clock checked at every chunk; read by a sync or an async client."""

    def __init__(self, stream: httpx.SyncByteStream | httpx.AsyncByteStream, attempt: _Attempt) -> None:
        self._stream = stream
        self._attempt = attempt

    def __iter__(self) -> Iterator[bytes]:
        if not isinstance(self._stream, httpx.SyncByteStream):
            raise RuntimeError("a sync read of an async response stream")
        try:
            for chunk in self._stream:
                self._attempt.check()
                yield chunk
        except httpx.TransportError as exc:
            if self._attempt.expired:  # the watchdog ended the read
                raise self._attempt.error() from exc
            raise

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if not isinstance(self._stream, httpx.AsyncByteStream):
            raise RuntimeError("an async read of a sync response stream")
        try:
            async for chunk in self._stream:
                self._attempt.check()
                yield chunk
        except httpx.TransportError as exc:
            if self._attempt.expired:
                raise self._attempt.error() from exc
            raise

    def close(self) -> None:
        _WATCHDOG.finish(self._attempt)
        if isinstance(self._stream, httpx.SyncByteStream):
            self._stream.close()

    async def aclose(self) -> None:
        _WATCHDOG.finish(self._attempt)
        if isinstance(self._stream, httpx.AsyncByteStream):
            await self._stream.aclose()


class AttemptTimeout:
    """httpx event hooks that end an attempt ``seconds`` after its request is sent, body included.

    Install ``request`` as a request hook and ``response`` as the *first* response hook (so that the
    clock sees the body as it comes off the wire); both work in ``httpx.Client`` and
    ``httpx.AsyncClient``. A response whose body is not complete by then raises this package's
    ``TimeoutError`` while it is read (so ``Client.send`` raises it too), and the connection is closed.

    A request whose ``ATTEMPT_SECONDS`` extension holds a positive number gets that bound instead.

    Args:
        seconds: the most one attempt may take, from sending to the last byte of the body.
    """

    def __init__(self, seconds: float) -> None:
        if not seconds > 0:
            raise ValueError(f"seconds must be positive, got {seconds!r}")
        self.seconds = seconds

    def __repr__(self) -> str:
        return f"{type(self).__name__}(seconds={self.seconds:g})"

    def _seconds(self, request: httpx.Request) -> float:
        own = request.extensions.get(ATTEMPT_SECONDS)
        return own if isinstance(own, (int, float)) and own > 0 else self.seconds

    def request(self, request: httpx.Request) -> Awaitable[None]:
        request.extensions[_CLOCK] = time.monotonic() + self._seconds(request)
        return _DONE

    def response(self, response: httpx.Response) -> Awaitable[None]:
        seconds = self._seconds(response.request)
        deadline = response.request.extensions.get(_CLOCK)
        if not isinstance(deadline, float):  # a request this hook did not start
            deadline = time.monotonic() + seconds
        attempt = _Attempt(deadline, seconds, _socket_of(response))
        attempt.check()  # the headers alone took all the time
        response.stream = _TimedStream(response.stream, attempt)
        if attempt.sock is not None:
            _WATCHDOG.watch(attempt)
        return _DONE


def _socket_of(response: httpx.Response) -> object | None:
    """The socket the body comes from, by httpx's documented ``network_stream`` response extension.

    A ``socket.socket`` (``ssl.SSLSocket`` included) under a sync client; asyncio's ``TransportSocket``
    or trio's socket under an async one: each has a ``shutdown(how)``.
    """
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    return sock if callable(getattr(sock, "shutdown", None)) else None


def _shutdown(sock: object) -> None:
    """shutdown(2) both ways: a blocked or pending read on the socket sees the end of the stream at once."""
    try:
        if isinstance(sock, socket.socket):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain call, also for an ssl.SSLSocket
        else:
            sock.shutdown(socket.SHUT_RDWR)  # type: ignore[attr-defined]
    except OSError:  # closed meanwhile: nothing left to end
        pass
