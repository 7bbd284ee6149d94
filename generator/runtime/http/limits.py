"""A cap on the size of a response body, enforced while it streams in, for sync and async clients alike.

An answer can be far larger than any page of jobs: a proxy's runaway page, a hostile server, a body
that never ends, a small gzip body that inflates to gigabytes. ``ResponseLimit`` is an httpx
response event hook: it refuses a ``Content-Length`` above the cap before reading a byte, and stops
reading a body whose decoded size grows past it, raising ``ResponseTooLargeError`` (a
``DecodeError``). It decodes ``gzip`` and ``deflate`` itself, in bounded steps, so that the cap
counts the bytes the decoders will see, not the bytes on the wire. Memory stays near the cap,
whatever the server sends.

    client = Client(
        base_url=...,
        headers={"Accept-Encoding": ACCEPT_ENCODING},
        httpx_args={"auth": signer, "event_hooks": {"response": [ResponseLimit(max_bytes)]}},
    )

``FoasClient``/``AsyncFoasClient`` install one with their ``max_response_bytes``.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Awaitable, Generator, Iterator
from typing import Protocol

import httpx

from ..errors import DecodeError, ResponseTooLargeError

__all__ = ["ACCEPT_ENCODING", "DEFAULT_MAX_RESPONSE_BYTES", "ResponseLimit", "ResponseTooLargeError"]

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024  # 64 MiB: about 25,000 jobs of 2.5 KB in one page
ACCEPT_ENCODING = "gzip, deflate"  # the codings ResponseLimit decodes; send this Accept-Encoding with it
_STEP = 64 * 1024  # bytes a decoder may produce at a time


class _Decoder(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...
    def flush(self) -> Iterator[bytes]: ...


class _Identity:
    def feed(self, data: bytes) -> Iterator[bytes]:
        if data:
            yield data

    def flush(self) -> Iterator[bytes]:
        return iter(())


class _Inflate:
    """gzip or deflate (zlib-wrapped, or raw as some servers send it), at most ``_STEP`` bytes at a time."""

    def __init__(self, coding: str, response: httpx.Response) -> None:
        self._gzip = coding in ("gzip", "x-gzip")
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16 if self._gzip else zlib.MAX_WBITS)
        self._started = False
        self._coding = coding
        self._response = response

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            if data and not self._started:
                self._started = True
                if not self._gzip:
                    try:
                        first = self._zlib.decompress(data, _STEP)
                    except zlib.error:  # not zlib-wrapped: raw deflate
                        self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                        first = self._zlib.decompress(data, _STEP)
                    yield first
                    data = b""
            if data:
                yield self._zlib.decompress(data, _STEP)
            while self._zlib.unconsumed_tail:
                yield self._zlib.decompress(self._zlib.unconsumed_tail, _STEP)
        except zlib.error as exc:
            raise _malformed(self._response, self._coding, exc) from None

    def flush(self) -> Iterator[bytes]:
        try:
            yield self._zlib.flush()
        except zlib.error as exc:
            raise _malformed(self._response, self._coding, exc) from None


class _Counter:
    """Decodes chunks and counts the decoded bytes against the cap."""

    def __init__(self, response: httpx.Response, limit: int, decoder: _Decoder) -> None:
        self._response = response
        self._limit = limit
        self._decoder = decoder
        self._seen = 0

    def feed(self, data: bytes) -> Iterator[bytes]:
        for piece in self._decoder.feed(data):
            if piece:
                yield self._counted(piece)

    def flush(self) -> Iterator[bytes]:
        for piece in self._decoder.flush():
            if piece:
                yield self._counted(piece)

    def _counted(self, piece: bytes) -> bytes:
        self._seen += len(piece)
        if self._seen > self._limit:
            raise _too_large(self._response, self._limit, "the body grew past")
        return piece


class _LimitedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """The response's stream, decoded and counted; read by a sync or an async client, as the inner one is.

    Closed (httpx closes a response's stream once its body is read), it lets go of the inner stream
    and of the counter, and gives nothing more. Both refer back to the response, which refers to this
    stream: kept, they would make the response and its body a cycle that only the cycle collector
    frees, at some later full collection, and a long listing would hold many pages' bodies until then.
    """

    def __init__(self, stream: httpx.SyncByteStream | httpx.AsyncByteStream, counter: _Counter) -> None:
        self._stream: httpx.SyncByteStream | httpx.AsyncByteStream = stream
        self._counter: _Counter | None = counter

    def __iter__(self) -> Iterator[bytes]:
        if not isinstance(self._stream, httpx.SyncByteStream):
            raise RuntimeError("a sync read of an async response stream")
        counter = self._counter
        if counter is None:
            return  # closed
        for chunk in self._stream:
            yield from counter.feed(chunk)
        yield from counter.flush()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if not isinstance(self._stream, httpx.AsyncByteStream):
            raise RuntimeError("an async read of a sync response stream")
        counter = self._counter
        if counter is None:
            return  # closed
        async for chunk in self._stream:
            for piece in counter.feed(chunk):
                yield piece
        for piece in counter.flush():
            yield piece

    def close(self) -> None:
        stream = self._stream
        self._stream, self._counter = _CLOSED, None
        if isinstance(stream, httpx.SyncByteStream):
            stream.close()

    async def aclose(self) -> None:
        stream = self._stream
        self._stream, self._counter = _CLOSED, None
        if isinstance(stream, httpx.AsyncByteStream):
            await stream.aclose()


_CLOSED = httpx.ByteStream(b"")  # what a closed _LimitedStream reads from, sync or async: nothing


class _Done:
    """What an async client awaits from the hook (whose work is already done); a sync client drops it.

    Not a coroutine: one that a sync client never awaits would warn.
    """

    def __await__(self) -> Generator[None, None, None]:
        return  # done at once
        yield  # (a generator function)


_DONE = _Done()


class ResponseLimit:
    """An httpx response event hook that caps the decoded size of every response body.

    Works in ``httpx.Client`` and ``httpx.AsyncClient`` alike (for the latter it returns an awaitable,
    as async hooks must). Send ``Accept-Encoding: gzip, deflate`` (``ACCEPT_ENCODING``) with it: it
    decodes those codings itself (and removes ``Content-Encoding`` from the response, whose content
    is then already decoded); a response in any other coding raises ``DecodeError``.

    Args:
        max_bytes: the largest body accepted, in bytes, after decoding (default 64 MiB).

    Raises (while the response is read):
        ResponseTooLargeError: ``Content-Length`` or the decoded body exceeds ``max_bytes``.
        DecodeError: an unsupported or malformed ``Content-Encoding``.
    """

    def __init__(self, max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES) -> None:
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
            raise ValueError(f"max_bytes must be a positive integer, got {max_bytes!r}")
        self.max_bytes = max_bytes

    def __repr__(self) -> str:
        return f"{type(self).__name__}(max_bytes={self.max_bytes})"

    def __call__(self, response: httpx.Response) -> Awaitable[None]:
        declared = response.headers.get("content-length", "").strip()
        if declared.isascii() and declared.isdigit() and int(declared) > self.max_bytes:
            raise _too_large(response, self.max_bytes, f"Content-Length {declared} is above")
        response.stream = _LimitedStream(response.stream, _Counter(response, self.max_bytes, _decoder(response)))
        return _DONE


def _decoder(response: httpx.Response) -> _Decoder:
    codings = [c.strip().lower() for c in response.headers.get("content-encoding", "").split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    if not codings:
        return _Identity()
    if len(codings) > 1 or codings[0] not in ("gzip", "x-gzip", "deflate"):
        raise DecodeError(
            f"unsupported Content-Encoding {', '.join(codings)!r}; asked for {ACCEPT_ENCODING}",
            status_code=response.status_code,
            content_type=response.headers.get("content-type"),
        )
    del response.headers["content-encoding"]  # decoded here, in bounded steps; httpx must not decode again
    return _Inflate(codings[0], response)


def _malformed(response: httpx.Response, coding: str, exc: zlib.error) -> DecodeError:
    return DecodeError(
        f"malformed {coding} body: {exc}",
        status_code=response.status_code,
        content_type=response.headers.get("content-type"),
    )


def _too_large(response: httpx.Response, limit: int, what: str) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{what} the limit of {limit} bytes (max_response_bytes); not read further",
        status_code=response.status_code,
        content_type=response.headers.get("content-type"),
    )
