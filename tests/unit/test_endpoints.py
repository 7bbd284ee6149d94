"""Where a region's requests go: the spec's ``x-endpoints`` table, the regional rule, and ``endpoint=``.

Expectations come from the spec itself (the table read from the YAML), plus a few literal rows of
the official SDKs' endpoint map, so that a wrong table in the spec is caught too. Requests go through
an ``httpx.MockTransport`` that records them: the host is what the client would connect to, and the
headers and query are what the service would read.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from foas_client import AsyncFoasClient, Credentials, FoasClient
from foas_client.errors import InvalidParameterError

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "spec" / "foas.openapi.yaml").read_text(encoding="utf-8"))
SERVER = SPEC["servers"][0]
DOCUMENTED_JSON = (ROOT / "spec" / "examples" / "GetRefPackageJob.documented.json").read_bytes()
CREDENTIALS = Credentials("LTAI5tEndpointKey", "endpoint-Secret-7f3a")

# region -> host, as the spec's server object lists them (host -> regions)
SPEC_HOSTS: dict[str, str] = {region: host for host, regions in SERVER["x-endpoints"].items() for region in regions}


def regional_url(region: str) -> str:
    """The server URL template of the spec, for ``region``."""
    return str(SERVER["url"]).replace("{regionId}", region)


def test_the_spec_lists_each_region_once() -> None:
    listed = [region for regions in SERVER["x-endpoints"].values() for region in regions]
    assert len(listed) == len(set(listed)) == len(SPEC_HOSTS)


@pytest.mark.parametrize("client_class", [FoasClient, AsyncFoasClient])
@pytest.mark.parametrize("region", sorted(SPEC_HOSTS))
def test_every_region_of_the_spec_table_goes_to_its_host(client_class: Any, region: str) -> None:
    client = client_class(region_id=region, credentials=CREDENTIALS)

    assert client.settings.endpoint == f"https://{SPEC_HOSTS[region]}"
    assert client.settings.region_id == region


@pytest.mark.parametrize(
    ("region", "endpoint"),
    [
        ("cn-hangzhou", "https://foas.cn-hangzhou.aliyuncs.com"),
        ("cn-shanghai", "https://foas.cn-shanghai.aliyuncs.com"),
        ("ap-northeast-1", "https://foas.ap-northeast-1.aliyuncs.com"),
        ("cn-hongkong", "https://foas.aliyuncs.com"),
        ("cn-chengdu", "https://foas.aliyuncs.com"),
        ("cn-shanghai-inner", "https://foas.aliyuncs.com"),
        ("us-east-1", "https://foas.ap-northeast-1.aliyuncs.com"),
        ("eu-central-1", "https://foas.ap-northeast-1.aliyuncs.com"),
        ("ap-south-1", "https://foas.ap-northeast-1.aliyuncs.com"),
    ],
)
def test_rows_of_the_official_endpoint_map(region: str, endpoint: str) -> None:
    assert FoasClient(region_id=region, credentials=CREDENTIALS).settings.endpoint == endpoint


@pytest.mark.parametrize("region", ["ap-southeast-1", "cn-nowhere-9", "xx-test-1"])
def test_a_region_the_table_does_not_name_follows_the_regional_rule(region: str) -> None:
    assert region not in SPEC_HOSTS
    endpoint = FoasClient(region_id=region, credentials=CREDENTIALS).settings.endpoint
    assert endpoint == regional_url(region) == f"https://foas.{region}.aliyuncs.com"


def test_the_environment_s_region_picks_the_host_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIBABA_CLOUD_REGION_ID", "cn-hongkong")
    assert FoasClient(credentials=CREDENTIALS).settings.endpoint == "https://foas.aliyuncs.com"


def test_endpoint_overrides_the_table() -> None:
    client = FoasClient(region_id="us-east-1", endpoint="http://127.0.0.1:9/", credentials=CREDENTIALS)
    assert (client.settings.endpoint, client.settings.region_id) == ("http://127.0.0.1:9", "us-east-1")


def recorder(seen: list[httpx.Request]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"Content-Type": "application/json"}, content=DOCUMENTED_JSON)

    return handler


@pytest.mark.parametrize(
    ("region", "host"),
    [("cn-hongkong", "foas.aliyuncs.com"), ("us-east-1", "foas.ap-northeast-1.aliyuncs.com")],
)
def test_the_request_goes_to_the_mapped_host_and_still_names_the_caller_s_region(region: str, host: str) -> None:
    seen: list[httpx.Request] = []
    transport = httpx.MockTransport(recorder(seen))
    with FoasClient(region_id=region, credentials=CREDENTIALS, transport=transport) as client:
        page = client.get_ref_package_job("project1", "package1.jar")

    async def call_async() -> None:
        async with AsyncFoasClient(region_id=region, credentials=CREDENTIALS, transport=transport) as client:
            await client.get_ref_package_job("project1", "package1.jar")

    asyncio.run(call_async())

    assert page.total_count == json.loads(DOCUMENTED_JSON)["TotalCount"]
    assert len(seen) == 2
    for request in seen:
        assert (request.url.scheme, request.url.host) == ("https", host)
        assert request.headers["x-acs-region-id"] == region
        assert request.url.params["RegionId"] == region


# --- endpoint= must be a base URL: refused at construction, nothing sent ------------------------------


@pytest.mark.parametrize("client_class", [FoasClient, AsyncFoasClient])
@pytest.mark.parametrize(
    ("endpoint", "message"),
    [
        ("", "endpoint: expected an http:// or https:// URL with a host, got ''"),
        ("foas.cn-hangzhou.aliyuncs.com", "endpoint: expected an http:// or https:// URL with a host"),
        ("127.0.0.1:8080", "endpoint: expected an http:// or https:// URL with a host"),
        ("ftp://foas.example.com", "endpoint: expected an http:// or https:// URL with a host, got 'ftp://"),
        ("http://", "endpoint: expected a host after http://"),
        ("https://:443/foas", "endpoint: expected a host after https://"),
        ("http://127.0.0.1:99999", "endpoint: port 99999 is out of range"),
        (" https://foas.example.com", "endpoint: spaces or control characters"),
        ("https://foas.example.com/?a=1", "endpoint: expected no user info, query or fragment"),
        ("https://foas.example.com#x", "endpoint: expected no user info, query or fragment"),
    ],
    ids=["empty", "no-scheme", "host-port", "ftp", "no-host", "port-only", "bad-port", "space", "query", "fragment"],
)
def test_an_endpoint_that_is_not_a_base_url_is_refused_at_construction(
    client_class: Any, endpoint: str, message: str
) -> None:
    seen: list[httpx.Request] = []
    transport = httpx.MockTransport(recorder(seen))
    with pytest.raises(InvalidParameterError) as caught:
        client_class(region_id="cn-hangzhou", endpoint=endpoint, credentials=CREDENTIALS, transport=transport)

    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)
    assert seen == []


def test_a_password_in_a_refused_endpoint_is_not_repeated() -> None:
    with pytest.raises(InvalidParameterError) as caught:
        FoasClient(endpoint="https://user:hunter2@proxy.example", credentials=CREDENTIALS)
    assert "hunter2" not in str(caught.value)
    assert "user info" in str(caught.value)


@pytest.mark.parametrize(
    "endpoint",
    ["http://127.0.0.1:8080", "https://proxy.example/foas/", "http://[::1]:9", "HTTPS://Foas.Example.com"],
)
def test_http_and_https_base_urls_are_accepted(endpoint: str) -> None:
    client = FoasClient(endpoint=endpoint, credentials=CREDENTIALS)
    assert client.settings.endpoint == endpoint.rstrip("/")
