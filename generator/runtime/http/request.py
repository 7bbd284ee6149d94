"""The one request path: every call of every operation, from the clients, the paging, the command line
and the generated endpoint functions alike.

``request`` (sync) and ``arequest`` (async) take an ``Operation`` (its spec and its endpoint module's
pure ``build`` and ``parse``), the call's arguments and the ``Channel`` to send through, and run, in
this order and in one place:

1. the argument checks against the spec (``InvalidParameterError``, nothing sent);
2. ``build``: the request, once;
3. the attempts: the first alone, then, once it failed with an error worth another, the channel's
   retry loop (``retry.retry_after_first``; stamina is loaded only then): each sent by ``send``
   through the channel's httpx client (no cookie jar, no redirects), signed afresh by its
   ``httpx.Auth`` (a new Date and nonce), logged (``attempt_log``), bounded by the attempt timeout and
   the size cap (event hooks on the channel's httpx client), its answer ``parse``d into the model or
   the typed error that decides whether another attempt follows.

The two differ only where one awaits.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Generic, Literal, TypeVar, overload

import attrs
import httpx

from ..arguments import check_arguments
from ..errors import InvalidParameterError
from ..operation import Operation
from ..unset import Unset
from .attempt_log import REQUEST_ID_HEADER, AttemptLog
from .attempt_timeout import ATTEMPT_SECONDS
from .paths import absolute_url
from .raw_response import RawResponse
from .retry import RetryPolicy, aretry_after_first, retry_after_first, transport_error
from .send import asend, send

__all__ = ["Channel", "arequest", "request"]

R = TypeVar("R")
T = TypeVar("T")
_HttpT = TypeVar("_HttpT", httpx.Client, httpx.AsyncClient)


@attrs.frozen
class Channel(Generic[_HttpT]):
    """Where a call goes and by which rules: an httpx client (signing, timeouts and caps set on it), the
    retry policy (for the attempts after the first: ``retry.retry_after_first``), the host the attempt log names.

    ``closed``: the ``InvalidParameterError`` message for an attempt once ``http`` is closed, or
    ``released`` is set (checked before each attempt, and when httpx refuses one because another
    thread closed it meanwhile). ``released``: set by a client that shares ``http`` without owning it
    (``with_options``) when it is closed, as it must leave the pool open.

    ``timeout``: seconds each attempt may take, whole and per step, sent with each request instead of
    ``http``'s own (``None``: ``http``'s). ``headers``: sent with each request; the operation's own
    headers (its action and version) win over them.
    """

    http: _HttpT
    retry: RetryPolicy
    host: str
    closed: str = "the httpx client is closed: make a new one for more calls"
    timeout: float | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    released: threading.Event | None = None

    def refuse_if_closed(self) -> None:
        """Raises ``InvalidParameterError`` (``closed``) if ``http`` is closed or the channel released."""
        if self.http.is_closed or (self.released is not None and self.released.is_set()):
            raise InvalidParameterError(self.closed)

    @classmethod
    def sync(cls, http: httpx.Client, retry: RetryPolicy | None = None) -> Channel[httpx.Client]:
        """A channel through ``http`` with ``retry`` (default: ``RetryPolicy()``'s defaults)."""
        return Channel(http, retry or RetryPolicy(), http.base_url.host)

    @classmethod
    def asynchronous(cls, http: httpx.AsyncClient, retry: RetryPolicy | None = None) -> Channel[httpx.AsyncClient]:
        """The async twin of ``sync``."""
        return Channel(http, retry or RetryPolicy(), http.base_url.host)


@overload
def request(operation: Operation[R], arguments: Mapping[str, object], channel: Channel[httpx.Client]) -> R: ...
@overload
def request(
    operation: Operation[R], arguments: Mapping[str, object], channel: Channel[httpx.Client], *, raw: Literal[True]
) -> RawResponse[R]: ...
@overload
def request(
    operation: Operation[Any],
    arguments: Mapping[str, object],
    channel: Channel[httpx.Client],
    *,
    parse: Callable[[httpx.Response], T],
) -> T: ...
def request(
    operation: Operation[R],
    arguments: Mapping[str, object],
    channel: Channel[httpx.Client],
    *,
    parse: Callable[[httpx.Response], T] | None = None,
    raw: bool = False,
) -> R | T | RawResponse[Any]:
    """One call of ``operation`` with ``arguments`` (by the generated argument names; ``None`` and
    ``UNSET``: not sent), through ``channel``, with its retries.

    ``parse`` replaces the operation's own (the endpoint module's ``*_detailed`` functions return the
    status and headers with the model). ``raw``: return a ``RawResponse`` of the model, with the
    final answer's status and headers, the attempts made and the time taken.

    Raises:
        InvalidParameterError: an argument the spec does not allow; nothing was sent.
        ApiError, DecodeError, TransportError: as ``parse`` and the transport raise them, after the retries.
    """
    sent, log = _prepare(operation, arguments, channel)
    parsed = _parser(parse or operation.parse, log, raw)
    begun = time.monotonic()
    try:
        return _attempt(channel, sent, parsed, log)  # type: ignore[no-any-return]
    except Exception as error:
        failed = error  # handed on below, outside this block: no "during handling" chain
    return retry_after_first(channel.retry, failed, begun, _attempt, channel, sent, parsed, log)  # type: ignore[no-any-return]


@overload
async def arequest(
    operation: Operation[R], arguments: Mapping[str, object], channel: Channel[httpx.AsyncClient]
) -> R: ...
@overload
async def arequest(
    operation: Operation[R],
    arguments: Mapping[str, object],
    channel: Channel[httpx.AsyncClient],
    *,
    raw: Literal[True],
) -> RawResponse[R]: ...
@overload
async def arequest(
    operation: Operation[Any],
    arguments: Mapping[str, object],
    channel: Channel[httpx.AsyncClient],
    *,
    parse: Callable[[httpx.Response], T],
) -> T: ...
async def arequest(
    operation: Operation[R],
    arguments: Mapping[str, object],
    channel: Channel[httpx.AsyncClient],
    *,
    parse: Callable[[httpx.Response], T] | None = None,
    raw: bool = False,
) -> R | T | RawResponse[Any]:
    """The async twin of ``request``: the same checks, attempts, logs and errors."""
    sent, log = _prepare(operation, arguments, channel)
    parsed = _parser(parse or operation.parse, log, raw)
    begun = time.monotonic()
    try:
        return await _async_attempt(channel, sent, parsed, log)
    except Exception as error:
        failed = error
    return await aretry_after_first(channel.retry, failed, begun, _async_attempt, channel, sent, parsed, log)


def _prepare(
    operation: Operation[Any], arguments: Mapping[str, object], channel: Channel[Any]
) -> tuple[dict[str, Any], AttemptLog]:
    """The checked arguments built into httpx's ``request`` arguments, and the call's attempt log."""
    given = {name: value for name, value in arguments.items() if value is not None and not isinstance(value, Unset)}
    check_arguments(operation.spec.parameters, given)
    sent = absolute_url(operation.build(**given), channel.http.base_url)
    if channel.headers:
        sent["headers"] = {**channel.headers, **sent.get("headers", {})}
    if channel.timeout is not None:  # each step (httpx's timeout) and the whole attempt (AttemptTimeout)
        sent["timeout"] = channel.timeout
        sent["extensions"] = {**sent.get("extensions", {}), ATTEMPT_SECONDS: channel.timeout}
    spec = operation.spec
    return sent, AttemptLog(spec.operation_id, spec.method, channel.host, channel.retry.will_retry)


def _parser(parse: Callable[[httpx.Response], Any], log: AttemptLog, raw: bool) -> Callable[[httpx.Response], Any]:
    """``parse``, or with ``raw`` a parser that wraps its model in a ``RawResponse`` noting the log's attempts."""
    if not raw:
        return parse

    def parse_raw(response: httpx.Response) -> RawResponse[Any]:
        model = parse(response)  # first: an error answer raises, and the retry loop decides on it
        return RawResponse(response, model=model, attempts=log.number, elapsed=time.monotonic() - log.started)

    return parse_raw


def _attempt(
    channel: Channel[httpx.Client], sent: dict[str, Any], parse: Callable[[httpx.Response], T], log: AttemptLog
) -> T:
    with log.attempt() as fields:
        with _sending(channel):
            response = send(channel.http, sent)
        return _answered(fields, response, parse)


async def _async_attempt(
    channel: Channel[httpx.AsyncClient], sent: dict[str, Any], parse: Callable[[httpx.Response], T], log: AttemptLog
) -> T:
    with log.attempt() as fields:
        with _sending(channel):
            response = await asend(channel.http, sent)
        return _answered(fields, response, parse)


@contextmanager
def _sending(channel: Channel[Any]) -> Iterator[None]:
    """Around the send of one attempt: nothing is sent once the channel's client is closed, and a
    transport failure becomes this package's error (retried as the policy says). ``RuntimeError`` is
    httpx's word for a client another thread closed as the attempt started (not retried)."""
    channel.refuse_if_closed()
    try:
        yield
    except (httpx.TransportError, ssl.SSLError) as exc:  # see transport_error
        raise transport_error(exc) from exc
    except RuntimeError:
        channel.refuse_if_closed()
        raise


def _answered(fields: dict[str, Any], response: httpx.Response, parse: Callable[[httpx.Response], T]) -> T:
    """The attempt's answer parsed, its status and RequestIds noted for the attempt log first."""
    fields.update(status=response.status_code, request_id=response.headers.get(REQUEST_ID_HEADER))
    result = parse(response)
    fields["body_request_id"] = getattr(result, "request_id", None)
    return result
