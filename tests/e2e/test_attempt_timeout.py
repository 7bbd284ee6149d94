"""``timeout`` bounds a whole attempt, from sending the request to the last byte, over real loopback HTTP.

A body that trickles in, each byte well within the read timeout, must not hold a call as long as the
server likes; nor may a body that stops mid-way keep a read waiting a whole read timeout past the
attempt's end. The stub below answers headers at once, then paces its body itself (it is the server's
behaviour under test, not a synchronisation) and stops on its own after ``STUB_LIFETIME`` seconds, or
when the test ends. The figures asserted are the user's: the call fails with ``TimeoutError`` within
about ``timeout``, sync and async; with retries, ``deadline`` still bounds the whole call.
"""

from __future__ import annotations

import asyncio
import builtins
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
import stamina

from foas_client import AsyncFoasClient, Credentials, FoasClient
from foas_client._core.http.retry import WAIT_INITIAL, WAIT_JITTER
from foas_client.errors import TimeoutError

CREDENTIALS = Credentials("LTAI5tTrickleKey", "trickle-Secret-31c9")
TIMEOUT = 1.0  # seconds: the attempt's bound under test
BYTE_EVERY = 0.2  # seconds between two bytes of a trickled body: far within the read timeout
STUB_LIFETIME = 10.0  # seconds after which the stub stops sending by itself
SLACK = 0.5  # seconds a call may take past its bound on a busy 2-core machine
HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"


@dataclass
class TrickleServer:
    """Answers every request with headers, then one byte every ``BYTE_EVERY`` s for ``body_for`` s, then silence."""

    body_for: float = STUB_LIFETIME
    requests: int = 0
    stop: threading.Event = field(default_factory=threading.Event)
    listener: socket.socket = field(default_factory=socket.socket)
    threads: list[threading.Thread] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def start(self) -> TrickleServer:
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.listener.settimeout(0.05)  # so that the accept loop sees ``stop``
        self._spawn(self._accept)
        return self

    def close(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()
        self.listener.close()

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self.threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        born = time.monotonic()
        while not self.stop.is_set() and time.monotonic() - born < STUB_LIFETIME:
            try:
                conn, _ = self.listener.accept()
            except builtins.TimeoutError:  # no connection yet (not the package's TimeoutError)
                continue
            self.requests += 1
            self._spawn(self._answer, conn)

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(STUB_LIFETIME)
            received = b""
            while b"\r\n\r\n" not in received:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                received += chunk
            started = time.monotonic()
            try:
                conn.sendall(HEADERS)
                while not self.stop.wait(BYTE_EVERY) and time.monotonic() - started < STUB_LIFETIME:
                    if time.monotonic() - started < self.body_for:
                        conn.sendall(b" ")
            except OSError:  # the client gave up and closed the connection
                return


@pytest.fixture
def stub() -> Iterator[Callable[[float], TrickleServer]]:
    servers: list[TrickleServer] = []

    def start(body_for: float = STUB_LIFETIME) -> TrickleServer:
        servers.append(TrickleServer(body_for=body_for).start())
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def call_sync(server: TrickleServer, **options: float | int | None) -> None:
    with FoasClient(endpoint=server.base_url, credentials=CREDENTIALS, **options) as client:  # type: ignore[arg-type]
        client.get_ref_package_job("project1", "package1.jar")


def call_async(server: TrickleServer, **options: float | int | None) -> None:
    async def call() -> None:
        async with AsyncFoasClient(endpoint=server.base_url, credentials=CREDENTIALS, **options) as client:  # type: ignore[arg-type]
            await client.get_ref_package_job("project1", "package1.jar")

    asyncio.run(call())


CALLS = {"sync": call_sync, "async": call_async}
Call = Callable[..., None]


def timed_failure(call: Call, server: TrickleServer, **options: float | int | None) -> tuple[float, TimeoutError]:
    started = time.monotonic()
    with pytest.raises(TimeoutError) as caught:
        call(server, **options)
    return time.monotonic() - started, caught.value


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
@pytest.mark.parametrize(
    "body_for",
    [STUB_LIFETIME, 0.7],
    ids=["a byte every 0.2 s", "a few bytes, then silence"],  # the second: a read would wait a whole timeout more
)
def test_timeout_ends_an_attempt_whose_body_is_not_complete_in_time(
    stub: Callable[[float], TrickleServer], call: Call, body_for: float, record_property: Callable[[str, object], None]
) -> None:
    server = stub(body_for)

    elapsed, error = timed_failure(call, server, timeout=TIMEOUT, max_attempts=1)

    record_property("elapsed_s", round(elapsed, 3))
    assert TIMEOUT - 0.05 <= elapsed < TIMEOUT + SLACK
    assert server.requests == 1
    assert isinstance(error, builtins.TimeoutError)
    assert "timeout of 1 s" in str(error) and "\n" not in str(error)


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_each_attempt_is_bounded_and_retried_until_the_deadline(
    stub: Callable[[float], TrickleServer], call: Call, record_property: Callable[[str, object], None]
) -> None:
    server = stub(STUB_LIFETIME)
    deadline = 1.5  # the first attempt ends at 1 s, so a second starts; none after it

    with stamina.set_testing(False):  # the real backoff and deadline, not the suite's no-wait mode
        elapsed, _ = timed_failure(call, server, timeout=TIMEOUT, max_attempts=3, deadline=deadline)

    record_property("elapsed_s", round(elapsed, 3))
    assert server.requests == 2
    assert elapsed < 2 * TIMEOUT + WAIT_INITIAL + WAIT_JITTER + SLACK  # 2 attempts and one wait, not 3 and not a minute
