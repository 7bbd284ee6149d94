"""A fake on real HTTP: a threaded server on 127.0.0.1 that acts out answers and faults on the wire.

It takes anything that answers requests (``Answers``); the fake service does not know it.
"""

from __future__ import annotations

import socket
import ssl
import struct
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import TYPE_CHECKING

from .answers import Answer, Answers

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["LoopbackServer"]


class LoopbackServer:
    """``service`` (anything that ``Answers``) served over HTTP/1.1 on ``host`` (default 127.0.0.1; a free port unless
    ``port`` is given), over TLS when ``ssl_context`` (a server-side context) is given.

    Use it as a context manager (or ``start()``/``stop()``); ``base_url`` is what to give a client's
    ``endpoint`` (``https://`` with TLS). Stopping wakes every delayed answer, so a test never waits on
    a fault. A TLS handshake the client or the server refuses closes that connection quietly.
    """

    def __init__(
        self, service: Answers, *, port: int = 0, host: str = "127.0.0.1", ssl_context: ssl.SSLContext | None = None
    ) -> None:
        self.service = service
        self._stopping = threading.Event()
        self._httpd = _Server((host, port), _handler(service, self._stopping))
        self._httpd.ssl_context = ssl_context
        self._httpd.daemon_threads = True
        # Polls shutdown every 50 ms (default 0.5 s): stopping a fake is fast enough for a test fixture.
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), name="foas-fake", daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        scheme = "http" if self._httpd.ssl_context is None else "https"
        return f"{scheme}://{host!s}:{port}"

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class _Server(ThreadingHTTPServer):
    # The stdlib's listen backlog of 5 drops connections when a client opens more at once (a 1 s retry each).
    request_queue_size = 128
    ssl_context: ssl.SSLContext | None = None

    def get_request(self) -> tuple[socket.socket, object]:
        connection, address = super().get_request()
        if self.ssl_context is not None:
            # The handshake happens at the first read, in the connection's own thread: a slow or
            # refused one never holds up the accepting loop.
            connection = self.ssl_context.wrap_socket(connection, server_side=True, do_handshake_on_connect=False)
        return connection, address


def _handler(service: Answers, stopping: threading.Event) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as clients pool connections
        disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

        def handle(self) -> None:
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout under test)
                self.close_connection = True
            except ssl.SSLError:  # a handshake refused, by either side (a test of certificates)
                self.close_connection = True

        def do_GET(self) -> None:
            answer = service.answer(self.command, self.path, dict(self.headers.items()))
            fault = answer.fault.kind if answer.fault is not None else None
            if answer.delay or fault == "delay":
                stopping.wait(answer.delay + (answer.fault.seconds if fault == "delay" and answer.fault else 0.0))
            if fault == "reset":
                self._reset()
                return
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self._body(answer, fault)

        def __getattr__(self, name: str) -> Callable[[], None]:
            # Every method (POST, TRACE, QUERY...) reaches the fake, which answers 405 to those the spec
            # does not list for the path, rather than http.server's 501 HTML page.
            if name.startswith("do_"):
                return self.do_GET
            raise AttributeError(name)

        def _body(self, answer: Answer, fault: str | None) -> None:
            if self.command == "HEAD":  # the headers of a GET, never its body (it would corrupt the next answer)
                return
            if fault == "truncate":
                self.wfile.write(answer.body[: len(answer.body) // 2])
                self.wfile.flush()
                self._reset()
            elif fault == "slow_body" and answer.fault is not None:
                half = len(answer.body) // 2
                self.wfile.write(answer.body[:half])
                self.wfile.flush()
                stopping.wait(answer.fault.seconds)
                self.wfile.write(answer.body[half:])
            else:
                self.wfile.write(answer.body)

        def _reset(self) -> None:
            # SO_LINGER 0: close() sends a TCP RST, as a crashed proxy would.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()

        def log_message(self, format: str, *args: object) -> None:  # quiet: tests read results, not logs
            pass

    return Handler
