"""A loopback HTTP server that checks signatures, V3 and ROA v1, written independently of ``foas_client``.

``verify_roa_signature`` recomputes the v1 signature from what came over the wire (the raw request
target and the headers) following the published algorithm; ``verify_v3_signature`` recomputes the V3
one with the official SDK's own code (``alibabacloud_openapi_util``'s ``get_authorization``, a dev
dependency). Neither imports anything from the package, so a bug in the client's signer cannot hide
itself here.

Besides a ``(status, headers, body)`` answer, a responder may return ``RESET`` (abort the connection
with a TCP RST, no answer), ``CLOSE`` (close it cleanly, no answer) or ``Hold(event, then)`` (answer
``then`` only once ``event`` is set); ``scripted(...)`` plays such replies in order, one per request.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import socket
import struct
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import final
from urllib.parse import parse_qsl

from alibabacloud_openapi_util.client import Client as OpenApiUtil
from Tea.request import TeaRequest

__all__ = [
    "CLOSE",
    "RESET",
    "Disconnect",
    "Hold",
    "ReceivedRequest",
    "Reply",
    "Responder",
    "RoaVerifyingServer",
    "scripted",
    "signature_version",
    "verify_roa_signature",
    "verify_v3_signature",
]

V3 = "ACS3-HMAC-SHA256"
_ISO8601_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_V3_AUTHORIZATION = re.compile(rf"^{V3} Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{{64}})$")


def signature_version(headers: Mapping[str, str]) -> str | None:
    """``"v3"`` or ``"v1"`` by the scheme of the Authorization header, ``None`` for neither."""
    authorization = {name.lower(): value for name, value in headers.items()}.get("authorization", "")
    if authorization.startswith(V3 + " "):
        return "v3"
    return "v1" if authorization.startswith("acs ") else None


def verify_v3_signature(
    method: str,
    raw_target: str,
    headers: Mapping[str, str],
    body: bytes,
    secret_for_key: Callable[[str], str | None],
) -> bool:
    """Whether a request carries a valid V3 (ACS3-HMAC-SHA256) signature, by the official algorithm.

    Args:
        method: the request line's method.
        raw_target: the request line's target exactly as received (percent-encoded path and query).
        headers: the received headers, names in any case.
        body: the received body.
        secret_for_key: the AccessKeySecret of an AccessKeyId, ``None`` for an unknown id.

    Returns:
        ``True`` only if Authorization is ``ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<names>,Signature=<hex>``
        for a known id; ``host`` and every ``x-acs-*`` header received are among the signed names (and
        ``content-type`` when one was received); ``x-acs-content-sha256`` is the hex SHA-256 of ``body``;
        ``x-acs-date`` is ISO 8601 UTC; a nonce, ``x-acs-action`` and ``x-acs-version`` are present; and
        ``get_authorization`` over the received path, the decoded query and the signed headers gives the
        same Authorization.
    """
    h = {name.lower(): value for name, value in headers.items()}
    match = _V3_AUTHORIZATION.match(h.get("authorization", ""))
    if match is None:
        return False
    key_id, signed_list, _ = match.groups()
    secret = secret_for_key(key_id)
    if secret is None:
        return False
    signed = signed_list.split(";")
    must_sign = [name for name in h if name == "host" or name == "content-type" or name.startswith("x-acs-")]
    if any(name not in signed for name in must_sign) or any(name not in h for name in signed):
        return False
    if h.get("x-acs-content-sha256") != hashlib.sha256(body).hexdigest():
        return False
    if not _ISO8601_UTC.match(h.get("x-acs-date", "")):
        return False
    if not (h.get("x-acs-signature-nonce") and h.get("x-acs-action") and h.get("x-acs-version")):
        return False
    path, _, query = raw_target.partition("?")
    request = TeaRequest()
    request.method = method
    request.pathname = path
    request.query = dict(parse_qsl(query, keep_blank_values=True))
    request.headers = {name: h[name] for name in signed}
    expected = OpenApiUtil.get_authorization(request, V3, h["x-acs-content-sha256"], key_id, secret)
    return hmac.compare_digest(expected, h["authorization"])


def verify_roa_signature(
    method: str, raw_target: str, headers: Mapping[str, str], secret_for_key: Callable[[str], str | None]
) -> bool:
    """Whether a request carries a valid ROA v1 (HMAC-SHA1) signature.

    Args:
        method: the request line's method.
        raw_target: the request line's target exactly as received (percent-encoded path and query).
        headers: the received headers, names in any case.
        secret_for_key: the AccessKeySecret of an AccessKeyId, ``None`` for an unknown id.

    Returns:
        ``True`` only if Authorization is ``acs <id>:<signature>`` for a known id, the signing headers are
        present (HMAC-SHA1, version 1.0, a nonce, an RFC 1123 GMT Date) and the signature matches.
    """
    h = {name.lower(): value for name, value in headers.items()}
    scheme, _, credential = h.get("authorization", "").partition(" ")
    key_id, _, given = credential.rpartition(":")
    if scheme != "acs" or not key_id or not given:
        return False
    secret = secret_for_key(key_id)
    if secret is None:
        return False
    if h.get("x-acs-signature-method") != "HMAC-SHA1" or h.get("x-acs-signature-version") != "1.0":
        return False
    if not h.get("x-acs-signature-nonce") or not h.get("date", "").endswith(" GMT"):
        return False
    try:
        parsedate_to_datetime(h["date"])
    except (TypeError, ValueError):
        return False

    lines = [method, h.get("accept", ""), h.get("content-md5", ""), h.get("content-type", ""), h["date"]]
    lines += [name + ":" + h[name] for name in sorted(h) if name.startswith("x-acs-")]
    path, _, query = raw_target.partition("?")
    pairs = sorted(parse_qsl(query, keep_blank_values=True), key=lambda pair: pair[0])
    if pairs:
        path += "?" + "&".join(key + "=" + value if value else key for key, value in pairs)
    lines.append(path)
    expected = hmac.new(secret.encode(), "\n".join(lines).encode(), hashlib.sha1).digest()
    return hmac.compare_digest(base64.b64encode(expected).decode(), given)


@dataclass(frozen=True)
class ReceivedRequest:
    """One request as the server saw it: the raw request-line target and headers (names lower-cased),
    and the signature's version (``"v3"``, ``"v1"`` or ``None``) and whether it verified; ``peer``: the
    client's port, which tells one connection from another."""

    method: str
    raw_target: str
    headers: dict[str, str]
    signature_ok: bool
    signature_version: str | None = None
    peer: int = 0


Answer = tuple[int, dict[str, str], bytes]


@dataclass(frozen=True)
class Disconnect:
    """Drop the connection without answering: ``abort`` sends a TCP RST, otherwise a clean close (FIN)."""

    abort: bool


RESET = Disconnect(abort=True)
CLOSE = Disconnect(abort=False)


@dataclass(frozen=True)
class Hold:
    """Send nothing until ``release`` is set (or ``max_wait`` seconds pass), then reply ``then``.

    Tests set ``release`` at teardown; ``max_wait`` only bounds a forgotten event.
    """

    release: threading.Event
    then: Reply = field(default_factory=lambda: _ok(None))
    max_wait: float = 30.0


Reply = Answer | Disconnect | Hold
Responder = Callable[[ReceivedRequest], Reply]


def scripted(*steps: Reply | Responder) -> Responder:
    """A responder playing ``steps`` in order, one per correctly signed request.

    A step is a reply or a responder called with the request. Once the script is played out, every
    further request gets HTTP 418 ``TestScript.Exhausted`` (not retried by a client), so an unexpected
    extra request shows up as a failure rather than as a success.
    """
    remaining = list(steps)
    lock = threading.Lock()

    def respond(request: ReceivedRequest) -> Reply:
        with lock:
            step = remaining.pop(0) if remaining else None
        if step is None:
            return _error(418, "TestScript.Exhausted", "no scripted reply left for this request")
        return step(request) if callable(step) else step

    return respond


def _ok(_: ReceivedRequest | None) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/json"}, b'{"RequestId": "ok"}'


def _error(status: int, code: str, message: str) -> tuple[int, dict[str, str], bytes]:
    body = {"RequestId": str(uuid.uuid4()), "HostId": "127.0.0.1", "Code": code, "Message": message}
    return status, {"Content-Type": "application/json"}, json.dumps(body).encode()


@final
class RoaVerifyingServer:
    """A threaded HTTP server on 127.0.0.1 (free port) answering 403 to any badly signed request,
    signed V3 or ROA v1 (each request's version is in its ``ReceivedRequest``).

    A request with a valid signature and an unseen nonce goes to ``respond`` (default: 200 and a small JSON
    body); a bad signature gets 403 ``SignatureDoesNotMatch``, a reused nonce 403 ``SignatureNonceUsed``.
    Every request is appended to ``received`` (before it is answered, so a held request is counted).
    Use as a context manager, or ``start()``/``stop()``.

    Args:
        secrets: AccessKeyId → AccessKeySecret.
        respond: builds the reply for a correctly signed request: (status, headers, body), or
            ``RESET``/``CLOSE``/``Hold`` (see the module docstring); may be replaced between requests.
    """

    def __init__(self, secrets: Mapping[str, str], respond: Responder = _ok) -> None:
        self.secrets = dict(secrets)
        self.respond = respond
        self.received: list[ReceivedRequest] = []
        self._nonces: set[str] = set()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="roa-verifying-server", daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> RoaVerifyingServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> RoaVerifyingServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _answer(self, method: str, raw_target: str, headers: dict[str, str], body: bytes, peer: int = 0) -> Reply:
        version = signature_version(headers)
        if version == "v3":
            ok = verify_v3_signature(method, raw_target, headers, body, self.secrets.get)
        else:
            ok = verify_roa_signature(method, raw_target, headers, self.secrets.get)
        request = ReceivedRequest(method, raw_target, headers, ok, version, peer)
        nonce = headers.get("x-acs-signature-nonce", "")
        with self._lock:
            self.received.append(request)
            replayed = ok and nonce in self._nonces
            self._nonces.add(nonce)
        if not ok:
            return _error(403, "SignatureDoesNotMatch", "the request signature does not match")
        if replayed:
            return _error(403, "SignatureNonceUsed", "the signature nonce has been used")
        return self.respond(request)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            disable_nagle_algorithm = True  # headers and body go in two writes: avoid the delayed-ACK stall
            protocol_version = "HTTP/1.1"

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {name.lower(): value for name, value in self.headers.items()}
                reply = server._answer(self.command, self.path, headers, body, self.client_address[1])
                while isinstance(reply, Hold):
                    reply.release.wait(reply.max_wait)
                    reply = reply.then
                if isinstance(reply, Disconnect):
                    self._disconnect(abort=reply.abort)
                    return
                status, out_headers, body = reply
                try:
                    self.send_response(status)
                    for name, value in out_headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the client gave up (e.g. timed out while held): nothing to answer
                    self.close_connection = True

            def _disconnect(self, *, abort: bool) -> None:
                self.close_connection = True
                if abort:  # SO_LINGER 0: close() sends RST instead of FIN
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.rfile.close()  # its reference would keep the socket open past close()
                    self.connection.close()

            do_GET = do_POST = do_PUT = do_DELETE = _handle

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output quiet

        return Handler
