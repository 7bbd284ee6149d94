"""Each attempt goes through the httpx client's transport, as the client's ``send`` would send it, less
its cookie jar and redirects (``_core.http.send``): the client's headers and timeout, its auth flow,
its hooks, the transport it picks for the URL, the answer read whole, httpx's log line.

The operation and its arguments come from the spec (``_schema.OPERATIONS``); the answers from the fake.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import httpx
import pytest

from foas_client import AsyncFoasClient, Credentials, FoasClient
from foas_client._core.http import send
from foas_client._schema import OPERATION_IDS, OPERATIONS
from foas_client.errors import FoasError
from foas_client.testing import FakeFoasService

OPERATION = OPERATIONS[OPERATION_IDS["get_ref_package_job"]]
PATH = {p.python_name: str(p.example) for p in OPERATION.path_parameters}
CREDENTIALS = Credentials("id", "secret")


def recording(answer: Callable[[httpx.Request], httpx.Response]) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer(request)

    return httpx.MockTransport(handler), seen


def with_cookie(served: httpx.MockTransport) -> Callable[[httpx.Request], httpx.Response]:
    def answer(request: httpx.Request) -> httpx.Response:
        response = served.handle_request(request)
        response.headers["Set-Cookie"] = "session=from-a-proxy; Path=/"
        return response

    return answer


def test_a_cookie_the_answer_sets_is_never_sent_back() -> None:
    # A Cookie header is not signed: a signed request carries none, whoever set it.
    service = FakeFoasService.with_documented_examples(credentials=[CREDENTIALS])
    transport, seen = recording(with_cookie(service.transport()))
    with FoasClient(transport=transport, credentials=CREDENTIALS, endpoint="http://fake") as client:
        client.get_ref_package_job(**PATH)
        client.get_ref_package_job(**PATH)
    assert [request.headers.get("Cookie") for request in seen] == [None, None]


def test_the_cookies_the_caller_gives_the_client_are_sent_and_kept_as_given() -> None:
    answer = httpx.Response(200, headers={"Set-Cookie": "set=by-the-answer; Path=/"})
    transport, seen = recording(lambda request: answer)
    with httpx.Client(transport=transport, cookies={"given": "by-the-caller"}) as http:
        send.send(http, {"method": "GET", "url": "http://fake/x"})
        send.send(http, {"method": "GET", "url": "http://fake/x"})
        assert dict(http.cookies) == {"given": "by-the-caller"}
    assert [request.headers.get("Cookie") for request in seen] == ["given=by-the-caller"] * 2


def test_a_redirect_is_not_followed() -> None:
    transport, seen = recording(lambda request: httpx.Response(302, headers={"Location": "http://elsewhere/"}))
    with (
        FoasClient(transport=transport, credentials=CREDENTIALS, endpoint="http://fake") as client,
        pytest.raises(FoasError) as raised,
    ):
        client.get_ref_package_job(**PATH)
    assert [request.url.host for request in seen] == ["fake"]
    assert "302" in str(raised.value)


def test_the_answer_is_read_whole_and_timed() -> None:
    service = FakeFoasService.with_documented_examples(credentials=[CREDENTIALS])
    with FoasClient(transport=service.transport(), credentials=CREDENTIALS, endpoint="http://fake") as client:
        raw = client.with_raw_response.get_ref_package_job(**PATH)
    assert raw.http_response.is_closed and raw.http_response.content
    assert raw.http_response.elapsed.total_seconds() >= 0
    assert raw.http_response.request.headers["Authorization"]


def test_the_client_headers_and_timeout_go_with_the_call_ones_over_them() -> None:
    with httpx.Client(headers={"User-Agent": "ua", "Accept": "text/plain"}, timeout=7) as http:
        request = send.build(http, {"method": "GET", "url": "http://fake/x", "headers": {"Accept": "application/json"}})
        assert (request.headers["User-Agent"], request.headers["Accept"]) == ("ua", "application/json")
        assert request.extensions["timeout"] == httpx.Timeout(7).as_dict()
        own = send.build(http, {"method": "GET", "url": "http://fake/x", "timeout": 2.5})
        assert own.extensions["timeout"] == httpx.Timeout(2.5).as_dict()


def test_the_transport_the_client_picks_for_the_url_sends_it() -> None:
    # The one private name used: how httpx picks a mount (a proxy, or a transport per host) for a URL.
    mounted, seen = recording(lambda request: httpx.Response(200, json={}))
    unused, unseen = recording(lambda request: httpx.Response(500))
    with httpx.Client(transport=unused, mounts={"http://fake": mounted}) as http:
        assert http._transport_for_url(httpx.URL("http://fake/x")) is mounted
        response = send.send(http, {"method": "GET", "url": "http://fake/x"})
    assert response.status_code == 200 and len(seen) == 1 and unseen == []


def test_httpx_log_line_is_written_as_httpx_writes_it(caplog: pytest.LogCaptureFixture) -> None:
    service = FakeFoasService.with_documented_examples(credentials=[CREDENTIALS])
    with (
        caplog.at_level(logging.INFO, logger="httpx"),
        FoasClient(transport=service.transport(), credentials=CREDENTIALS, endpoint="http://fake") as client,
    ):
        client.get_ref_package_job(**PATH)
    lines = [record.getMessage() for record in caplog.records if record.name == "httpx"]
    assert len(lines) == 1 and lines[0].startswith("HTTP Request: GET http://fake/")
    assert lines[0].endswith('"HTTP/1.1 200 OK"')


def test_an_auth_flow_that_asks_for_a_second_request_is_refused() -> None:
    class Twice(httpx.Auth):
        def auth_flow(self, request: httpx.Request):  # type: ignore[no-untyped-def]
            yield request
            yield request

    with (
        httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(200)), auth=Twice()) as http,
        pytest.raises(RuntimeError, match="second request"),
    ):
        send.send(http, {"method": "GET", "url": "http://fake/x"})


def test_the_async_twin_sends_the_same() -> None:
    service = FakeFoasService.with_documented_examples(credentials=[CREDENTIALS])

    async def both() -> tuple[object, object]:
        async with AsyncFoasClient(
            transport=service.async_transport(), credentials=CREDENTIALS, endpoint="http://fake"
        ) as client:
            return await client.get_ref_package_job(**PATH), await client.get_ref_package_job(**PATH)

    first, second = asyncio.run(both())
    with FoasClient(transport=service.transport(), credentials=CREDENTIALS, endpoint="http://fake") as client:
        synchronous = client.get_ref_package_job(**PATH)
    assert type(first) is type(second) is type(synchronous)
