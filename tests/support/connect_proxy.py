"""A real HTTP CONNECT proxy on 127.0.0.1, for the tests of the clients' ``proxy`` setting.

It tunnels bytes between the client and the target it is asked for, as any forward proxy does for
HTTPS, and records each request line (``CONNECT 127.0.0.1:PORT HTTP/1.1``), so that a test can assert
that the traffic went through it. It tunnels to 127.0.0.1 only: a test can never reach another address
through it. A plain-http request (an absolute URL, not CONNECT) is refused with 405: no test needs it.
"""

from __future__ import annotations

import select
import socket
import socketserver
import threading
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["ConnectProxy"]


class ConnectProxy:
    """A CONNECT proxy on a free port of 127.0.0.1; a context manager. ``url`` is what to give ``proxy``."""

    def __init__(self) -> None:
        self.requests: list[str] = []  # every request line seen, in order
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def connects(self) -> list[str]:
        """The CONNECT targets seen (``host:port``)."""
        with self._lock:
            return [line.split()[1] for line in self.requests if line.startswith("CONNECT ")]

    def record(self, line: str) -> None:
        with self._lock:
            self.requests.append(line)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True


def _handler(proxy: ConnectProxy) -> type[socketserver.BaseRequestHandler]:
    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            client: socket.socket = self.request
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = client.recv(4096)
                if not chunk:
                    return
                head += chunk
            request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
            proxy.record(request_line)
            method, target, _ = [*request_line.split(" "), "", ""][:3]
            host, _, port = target.rpartition(":")
            if method != "CONNECT" or host != "127.0.0.1" or not port.isdigit():
                client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            try:
                upstream = socket.create_connection((host, int(port)), timeout=5)
            except OSError:
                client.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            with upstream:
                client.sendall(b"HTTP/1.1 200 Connection Established\r\n\r\n")
                _pump(client, upstream)

    return Handler


def _pump(a: socket.socket, b: socket.socket) -> None:
    """Copy bytes both ways until either side closes."""
    peers = {a: b, b: a}
    while True:
        readable, _, _ = select.select(list(peers), [], [], 10)
        if not readable:
            return
        for source in readable:
            try:
                data = source.recv(65536)
            except OSError:
                return
            if not data:
                return
            peers[source].sendall(data)
