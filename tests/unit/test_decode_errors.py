"""Error statuses through the generated endpoint: a typed ApiError with the body's Code, Message and RequestId,
whatever the media type, never ``None`` and never a bare exception."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest

from foas_client.api.packages import get_ref_package_job
from foas_client.errors import (
    ApiError,
    AuthError,
    DecodeError,
    FoasError,
    NotFoundError,
    ServerError,
    ThrottlingError,
)
from tests.contract.helpers import ERROR_JSON, ERROR_XML, FakeServer, serving

# The values of spec/examples/Error.example.{json,xml}.
DOCUMENTED_ERROR = {
    "status_code": 404,
    "code": "InvalidPackage.NotFound",
    "message": "The specified package does not exist.",
    "request_id": "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77",
    "host_id": "foas.cn-hangzhou.aliyuncs.com",
    "recommend": "https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound",
}


def sync(server: FakeServer) -> object:
    return get_ref_package_job.sync("project1", "package1.jar", client=server.client())


def sync_detailed(server: FakeServer) -> object:
    return get_ref_package_job.sync_detailed("project1", "package1.jar", client=server.client())


def asyncio_plain(server: FakeServer) -> object:
    return asyncio.run(get_ref_package_job.asyncio("project1", "package1.jar", client=server.client()))


def asyncio_detailed(server: FakeServer) -> object:
    return asyncio.run(get_ref_package_job.asyncio_detailed("project1", "package1.jar", client=server.client()))


CALLS = [sync, sync_detailed, asyncio_plain, asyncio_detailed]
Call = Callable[[FakeServer], object]


def json_error(status: int, **fields: str) -> FakeServer:
    return FakeServer(status=status, body=json.dumps(fields).encode(), content_type="application/json")


def raised(call: Call, server: FakeServer) -> ApiError:
    with pytest.raises(ApiError) as caught:
        call(server)
    assert len(server.requests) == 1
    return caught.value


def fields(error: ApiError) -> dict[str, Any]:
    return {name: getattr(error, name) for name in DOCUMENTED_ERROR}


@pytest.mark.parametrize("call", CALLS)
def test_the_documented_error_is_the_same_not_found_error_in_json_and_xml(call: Call) -> None:
    from_json, from_xml = raised(call, serving(ERROR_JSON, 404)), raised(call, serving(ERROR_XML, 404))
    for error in (from_json, from_xml):
        assert type(error) is NotFoundError
        assert isinstance(error, FoasError)
        assert fields(error) == DOCUMENTED_ERROR
        text = str(error)
        assert "\n" not in text and "\r" not in text
        assert "InvalidPackage.NotFound" in text
        assert "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77" in text
    assert str(from_json) == str(from_xml)


def test_a_multi_line_message_still_gives_a_one_line_error() -> None:
    error = raised(sync, json_error(400, Code="InvalidParameter", Message="line one\nline two\r\n", RequestId="R1"))
    assert str(error) == "HTTP 400 InvalidParameter: line one line two (RequestId R1)"


@pytest.mark.parametrize("call", CALLS)
def test_an_html_error_page_is_a_server_error_with_a_detail(call: Call) -> None:
    server = FakeServer(status=503, body=b"<html><body>Service Unavailable</body></html>", content_type="text/html")
    error = raised(call, server)
    assert type(error) is ServerError
    assert error.status_code == 503
    assert (error.code, error.request_id, error.body) == (None, None, None)
    assert error.detail and "text/html" in error.detail
    assert error.detail in str(error)
    assert "\n" not in str(error)


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (400, "Throttling.User", ThrottlingError),
        (429, "Throttling", ThrottlingError),
        (403, "InvalidAccessKeyId.NotFound", AuthError),  # an auth code, although it ends in NotFound
        (400, "SignatureDoesNotMatch", AuthError),
        (404, "InvalidProject.NotFound", NotFoundError),
        (500, "InternalError", ServerError),
        (400, "InvalidParameter", ApiError),
    ],
)
def test_status_and_code_choose_the_error_class(status: int, code: str, expected: type[ApiError]) -> None:
    error = raised(sync, json_error(status, Code=code, Message="m", RequestId="R"))
    assert type(error) is expected
    assert (error.status_code, error.code, error.message, error.request_id) == (status, code, "m", "R")


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [(302, b"", None), (302, b"<a href='/elsewhere'>moved</a>", "text/html"), (204, b"", None), (201, b"{}", None)],
)
def test_an_undocumented_status_raises_an_api_error(
    call: Call, status: int, body: bytes, content_type: str | None
) -> None:
    error = raised(call, FakeServer(status=status, body=body, content_type=content_type))
    assert type(error) is ApiError
    assert error.status_code == status
    assert error.detail


@pytest.mark.parametrize("call", [sync, asyncio_plain])
@pytest.mark.parametrize("status", [599, 420])
def test_a_status_outside_httpstatus_raises_the_typed_error(call: Call, status: int) -> None:
    error = raised(call, json_error(status, Code="ServiceUnavailable", Message="m", RequestId="R"))
    assert type(error) is (ServerError if status >= 500 else ApiError)


@pytest.mark.parametrize("call", [sync_detailed, asyncio_detailed])
@pytest.mark.parametrize("status", [599, 420])
def test_a_status_outside_httpstatus_raises_the_typed_error_from_detailed(call: Call, status: int) -> None:
    error = raised(call, json_error(status, Code="ServiceUnavailable", Message="m", RequestId="R"))
    assert type(error) is (ServerError if status >= 500 else ApiError)


def test_a_success_body_that_does_not_decode_carries_status_and_content_type() -> None:
    server = FakeServer(status=200, body=b'{"TotalCount": "abc"}', content_type="application/json;charset=UTF-8")
    with pytest.raises(DecodeError) as caught:
        sync(server)
    assert (caught.value.path, caught.value.status_code) == ("TotalCount", 200)
    assert caught.value.content_type == "application/json;charset=UTF-8"
