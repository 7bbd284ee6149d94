"""Path parameters reach the wire as exactly one percent-encoded segment each, whatever the name holds."""

from __future__ import annotations

import asyncio
import re
from urllib.parse import unquote

import httpx
import pytest

from foas_client._core.http.paths import absolute_url, path_segment
from foas_client.api.packages import get_ref_package_job
from foas_client.errors import InvalidParameterError
from tests.contract.helpers import FakeServer

AWKWARD = [
    "a/../b?.jar",
    "..",
    ".",
    "...",
    "x y#z",
    "100%.jar",
    "%2F",
    "%2E%2E",
    "中文包.jar",
    "a+b",
    "a;b=c&d",
    "back\\slash",
    "~user",
    "tab\there",
]
ENCODED_SEGMENT = re.compile(r"(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})+")  # unreserved characters and escapes, nothing else


def sent_segments(server: FakeServer) -> list[str]:
    (request,) = server.requests
    raw_path = request.url.raw_path.decode("ascii")
    assert "?" not in raw_path  # no query: nothing of a name spilled into one
    assert request.url.query == b""
    return raw_path.split("/")[1:]


@pytest.mark.parametrize("name", AWKWARD)
def test_a_name_is_sent_as_exactly_one_segment(name: str) -> None:
    server = FakeServer()
    get_ref_package_job.sync(name, name + "#pkg", client=server.client())
    segments = sent_segments(server)
    assert len(segments) == 7
    assert segments[:3] == ["api", "v2", "projects"]
    assert segments[4:7:2] == ["packages", "jobs"]
    project, package = segments[3], segments[5]
    assert ENCODED_SEGMENT.fullmatch(project) and ENCODED_SEGMENT.fullmatch(package)
    assert unquote(project, errors="strict") == name
    assert unquote(package, errors="strict") == name + "#pkg"


def test_the_async_endpoint_encodes_alike() -> None:
    server = FakeServer()
    asyncio.run(get_ref_package_job.asyncio("a/../b?.jar", "..", client=server.client()))
    assert sent_segments(server) == ["api", "v2", "projects", "a%2F..%2Fb%3F.jar", "packages", "%2E%2E", "jobs"]


@pytest.mark.parametrize(("project", "package", "parameter"), [("", "p.jar", "projectName"), ("p", "", "packageName")])
def test_an_empty_name_is_refused_and_nothing_is_sent(project: str, package: str, parameter: str) -> None:
    server = FakeServer()
    with pytest.raises(InvalidParameterError) as caught:
        get_ref_package_job.sync(project, package, client=server.client())
    assert parameter in str(caught.value)
    with pytest.raises(InvalidParameterError):
        asyncio.run(get_ref_package_job.asyncio(project, package, client=server.client()))
    with pytest.raises(InvalidParameterError):
        get_ref_package_job.sync_detailed(project, package, client=server.client())
    assert server.requests == []


@pytest.mark.parametrize("base", ["http://127.0.0.1:8080", "https://foas.cn-hangzhou.aliyuncs.com/", "http://h/prefix"])
@pytest.mark.parametrize("name", AWKWARD)
def test_the_url_written_out_whole_is_the_one_httpx_builds_from_path_and_params(base: str, name: str) -> None:
    params = {"RegionId": "cn-hangzhou", "pageSize": 20, "note": name, "flag": True, "empty": ""}
    path = "/api/v2/projects/" + path_segment(name, "projectName") + "/jobs"
    with httpx.Client(base_url=base) as client:
        expected = client.build_request("GET", path, params=params).url
        kwargs = absolute_url({"method": "get", "url": path, "params": params}, client.base_url)
        sent = client.build_request(**kwargs).url
        assert (sent.scheme, sent.netloc, sent.raw_path) == (expected.scheme, expected.netloc, expected.raw_path)
        assert absolute_url({"method": "get", "url": path}, client.base_url)["url"] == str(
            expected.copy_with(query=None)
        )


def test_expand_encodes_each_value_as_one_segment_and_names_the_wire_name() -> None:
    from foas_client._core.http.paths import expand

    assert expand("/p/{a}/q/{b}", {"a": ("x/../y", "A"), "b": ("..", "B")}) == "/p/x%2F..%2Fy/q/%2E%2E"
    with pytest.raises(InvalidParameterError, match=r"^B must not be empty"):
        expand("/p/{a}/q/{b}", {"a": ("x", "A"), "b": ("", "B")})
