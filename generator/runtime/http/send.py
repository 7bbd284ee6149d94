"""One attempt sent through an httpx client's transport, as the client's own ``send`` would send it, less
the two things a signed API call never wants: cookies and redirects.

The request is built once per attempt from the channel's arguments (the client's default headers
first, the call's over them, the client's timeout unless the call has its own), signed by the client's
``auth`` flow, handed to the client's event hooks, sent by the transport the client picks for the URL
(its proxies and mounts included), and read whole. What httpx's ``send`` adds on top, and why it is
left out:

- its cookie jar's reading of answers: every answer's headers are copied into a ``urllib`` request
  and an ``email`` message for ``http.cookiejar`` to look for ``Set-Cookie``, about a fifth of a small
  call's own work. The service sets no cookie, and a signed request must not carry one that an answer
  (a proxy's) set: it is not signed. The cookies a caller gives the client (the generated
  ``Client(cookies=...)``) are still sent, as httpx sends them;
- redirects: the clients never follow one (httpx's default too); a 3xx is answered as an error;
- its state machine (``RuntimeError`` once closed): the channel refuses an attempt on a closed client.

httpx's INFO line per request (``HTTP Request: GET ... "HTTP/1.1 200 OK"``, shown by ``foas -vv``) is
written on httpx's logger as httpx writes it. ``Client._transport_for_url`` is the one private name
used: how the client picks a proxy or mount for a URL, stable across httpx releases since 0.18
(a test pins it).
"""

from __future__ import annotations

import datetime
import logging
import time
from typing import Any

import httpx

__all__ = ["asend", "build", "send"]

_HTTPX_LOGGER = logging.getLogger("httpx")
_UNSIGNED = httpx.Auth()  # httpx's flow for a client without auth: the request as it is


def build(http: httpx.Client | httpx.AsyncClient, sent: dict[str, Any]) -> httpx.Request:
    """The request of one attempt: ``sent`` (``httpx.Request``'s arguments, an absolute ``url``, and
    ``timeout``) over the client's default headers and timeout."""
    arguments = dict(sent)
    headers = httpx.Headers(http.headers)
    headers.update(arguments.pop("headers", None) or {})
    timeout = arguments.pop("timeout", None)
    timeout = http.timeout if timeout is None else httpx.Timeout(timeout)
    extensions = {"timeout": timeout.as_dict(), **arguments.pop("extensions", {})}
    request = httpx.Request(headers=headers, extensions=extensions, **arguments)
    if http.cookies:  # the caller's own (Client(cookies=...)), never an answer's: none is kept
        http.cookies.set_cookie_header(request)
    return request


def send(http: httpx.Client, sent: dict[str, Any]) -> httpx.Response:
    """One attempt of ``sent`` through ``http``: signed, hooked, sent, read whole (see the module docstring).

    Raises:
        httpx.TransportError: the transport's failure; or what ``http``'s auth flow and hooks raise.
    """
    request = build(http, sent)
    flow = (http.auth or _UNSIGNED).sync_auth_flow(request)
    try:
        request = next(flow)
        for hook in http.event_hooks["request"]:
            hook(request)
        start = time.perf_counter()
        response = http._transport_for_url(request.url).handle_request(request)
        try:
            _answered(request, response)
            for hook in http.event_hooks["response"]:
                hook(response)
            response.read()
            try:
                flow.send(response)
            except StopIteration:  # a signer's flow ends once it has signed the one request
                pass
            else:
                raise _second_request()
        except BaseException:
            response.close()
            raise
    finally:
        flow.close()
    response.elapsed = datetime.timedelta(seconds=time.perf_counter() - start)
    return response


async def asend(http: httpx.AsyncClient, sent: dict[str, Any]) -> httpx.Response:
    """The async twin of ``send``: the auth flow and the hooks awaited."""
    request = build(http, sent)
    flow = (http.auth or _UNSIGNED).async_auth_flow(request)
    try:
        request = await flow.__anext__()
        for hook in http.event_hooks["request"]:
            await hook(request)
        start = time.perf_counter()
        response = await http._transport_for_url(request.url).handle_async_request(request)
        try:
            _answered(request, response)
            for hook in http.event_hooks["response"]:
                await hook(response)
            await response.aread()
            try:
                await flow.asend(response)
            except StopAsyncIteration:
                pass
            else:
                raise _second_request()
        except BaseException:
            await response.aclose()
            raise
    finally:
        await flow.aclose()
    response.elapsed = datetime.timedelta(seconds=time.perf_counter() - start)
    return response


def _answered(request: httpx.Request, response: httpx.Response) -> None:
    response.request = request
    if _HTTPX_LOGGER.isEnabledFor(logging.INFO):  # httpx's own line, as its send writes it
        _HTTPX_LOGGER.info(
            'HTTP Request: %s %s "%s %d %s"',
            request.method,
            request.url,
            response.http_version,
            response.status_code,
            response.reason_phrase,
        )


def _second_request() -> RuntimeError:
    return RuntimeError("an auth flow asked for a second request: the clients sign each attempt once")
