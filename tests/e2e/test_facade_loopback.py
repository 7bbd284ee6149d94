"""FoasClient and AsyncFoasClient over real HTTP on 127.0.0.1, against a server that verifies every signature.

Each wire behaviour runs through both clients (the ``call`` fixture). Retries run with stamina's test mode
(no waits, see ``conftest.py``); a slow server is a request held on a ``threading.Event``, never a sleep.
"""

from __future__ import annotations

import asyncio
import builtins
import hashlib
import json
import logging
import re
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote

import httpx
import pytest
from stamina.instrumentation import RetryDetails

from foas_client import AsyncFoasClient, Credentials, FoasClient, GetRefPackageJobResponse
from foas_client._core.http.core import ENV_REGION_ID
from foas_client._core.http.retry import RETRY_AFTER_CAP, retry_hook
from foas_client.errors import (
    ApiError,
    AuthError,
    CredentialsError,
    FoasError,
    InvalidParameterError,
    NotFoundError,
    ServerError,
    ThrottlingError,
    TimeoutError,
    TransportError,
)
from tests.support.pages import operation_id_of, operation_path, spec
from tests.support.roa_server import (
    CLOSE,
    RESET,
    Hold,
    ReceivedRequest,
    Reply,
    RoaVerifyingServer,
    scripted,
    verify_roa_signature,
    verify_v3_signature,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "spec" / "examples"
DOCUMENTED_JSON = (EXAMPLES / "GetRefPackageJob.documented.json").read_bytes()
ROOTED_XML = (EXAMPLES / "GetRefPackageJob.rooted.xml").read_bytes()
FRAGMENT_XML = (EXAMPLES / "GetRefPackageJob.documented.xml").read_bytes()
ERROR_JSON = (EXAMPLES / "Error.example.json").read_text(encoding="utf-8")
ERROR_XML = (EXAMPLES / "Error.example.xml").read_text(encoding="utf-8")
TEMPLATE_CODE = "InvalidPackage.NotFound"  # the Code of both error templates
JSON_TYPE = {"Content-Type": "application/json"}
XML_TYPE = {"Content-Type": "text/xml;charset=utf-8"}

KEY_ID = "LTAI5tLoopbackKeyId"
SECRET = "loopback-Secret-Value-9876"
TOKEN = "sts-Loopback-Token-5432"
WRONG_SECRET = "wrong-Secret-Value-1111"
CREDENTIALS = Credentials(KEY_ID, SECRET)
OPERATION_ID = operation_id_of("get_ref_package_job")  # the spec operation the client method calls
REGION = "cn-shanghai"
PROJECT = "bayes team/α"
PACKAGE = "blink_test_datastream.jar"

EXPECTED = GetRefPackageJobResponse.from_dict(json.loads(DOCUMENTED_JSON))
OK: Reply = (200, JSON_TYPE, DOCUMENTED_JSON)


def respond_by_accept(request: ReceivedRequest) -> Reply:
    """The documented example: rooted XML (``text/xml;charset=utf-8``) when asked for XML, else JSON."""
    if request.headers.get("accept") == "application/xml":
        return 200, XML_TYPE, ROOTED_XML
    return OK


def error_json(status: int, code: str = TEMPLATE_CODE, headers: dict[str, str] | None = None) -> Reply:
    return status, {**JSON_TYPE, **(headers or {})}, ERROR_JSON.replace(TEMPLATE_CODE, code).encode()


def error_xml(status: int, code: str = TEMPLATE_CODE) -> Reply:
    return status, XML_TYPE, ERROR_XML.replace(TEMPLATE_CODE, code).encode()


def normalised(page: GetRefPackageJobResponse) -> dict[str, Any]:
    """The page as a dict, with the CR LF of the JSON example's ``Code`` as XML reads it (LF; see DESIGN.md)."""
    document = page.to_dict()
    for job in document["Jobs"]["Job"]:
        job["Code"] = job["Code"].replace("\r\n", "\n")
    return document


@pytest.fixture(scope="module")
def shared_server() -> Iterator[RoaVerifyingServer]:
    with RoaVerifyingServer({KEY_ID: SECRET}) as instance:
        yield instance


@pytest.fixture
def server(shared_server: RoaVerifyingServer) -> RoaVerifyingServer:
    """The module's verifying server, with nothing received yet and answering ``respond_by_accept``.

    Tests script it by replacing ``respond``. One server per module: stopping one takes half a second.
    """
    shared_server.received.clear()
    shared_server.respond = respond_by_accept
    return shared_server


# --- one call through either client ------------------------------------------------------------------

# httpx builds a TLS context (~20 ms: it loads the CA bundle) for every client it makes; the calls below
# share one through their own (plain-HTTP) transports, so that 150 clients stay fast. The clients that
# build their transport themselves are exercised by the context-manager tests.
TLS_CONTEXT = httpx.create_ssl_context()


class Call(Protocol):
    def __call__(
        self,
        endpoint: str,
        package: str = PACKAGE,
        *,
        credentials: Credentials = CREDENTIALS,
        page_size: int | None = None,
        page_index: int | None = None,
        **options: Any,
    ) -> GetRefPackageJobResponse: ...


def call_sync(
    endpoint: str,
    package: str = PACKAGE,
    *,
    credentials: Credentials = CREDENTIALS,
    page_size: int | None = None,
    page_index: int | None = None,
    **options: Any,
) -> GetRefPackageJobResponse:
    transport = httpx.HTTPTransport(verify=TLS_CONTEXT)
    with FoasClient(
        endpoint=endpoint, credentials=credentials, region_id=REGION, transport=transport, **options
    ) as client:
        return client.get_ref_package_job(PROJECT, package, page_size=page_size, page_index=page_index)


def call_async(
    endpoint: str,
    package: str = PACKAGE,
    *,
    credentials: Credentials = CREDENTIALS,
    page_size: int | None = None,
    page_index: int | None = None,
    **options: Any,
) -> GetRefPackageJobResponse:
    async def run() -> GetRefPackageJobResponse:
        transport = httpx.AsyncHTTPTransport(verify=TLS_CONTEXT)
        async with AsyncFoasClient(
            endpoint=endpoint, credentials=credentials, region_id=REGION, transport=transport, **options
        ) as client:
            return await client.get_ref_package_job(PROJECT, package, page_size=page_size, page_index=page_index)

    return asyncio.run(run())


@pytest.fixture(params=["sync", "async"])
def call(request: pytest.FixtureRequest) -> Call:
    """``FoasClient`` or ``AsyncFoasClient``, opened, called once and closed."""
    return call_sync if request.param == "sync" else call_async  # type: ignore[return-value]


def nonces(server: RoaVerifyingServer) -> list[str]:
    return [seen.headers["x-acs-signature-nonce"] for seen in server.received]


# --- 1. signed requests, path segments, headers and formats ------------------------------------------

AWKWARD_NAMES = [
    "my pkg.jar",
    "a/b.jar",
    "what?.jar",
    "hash#tag.jar",
    "100%.jar",
    "%2F%2E%2E.jar",
    "a+b.jar",
    "..",
    ".",
    "中文包.jar",
    "a/../b?.jar",
    "../../etc/passwd",
    "x&RegionId=evil",
    "~tilde;semi,comma@at:colon.jar",
    "quote'\"<>|\\.jar",
    "tab\tnew\nline.jar",
    "📦 emoji.jar",
]


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_awkward_package_name_arrives_as_one_verified_segment(
    call: Call, server: RoaVerifyingServer, name: str
) -> None:
    page = call(server.base_url, name)

    assert page == EXPECTED
    [seen] = server.received
    assert seen.signature_ok
    path, _, query = seen.raw_target.partition("?")
    segments = path.split("/")
    template = operation_path(OPERATION_ID).split("/")
    assert len(segments) == len(template), seen.raw_target  # no '/', '?', '#' or dot segment escaped its segment
    values = {"{projectName}": PROJECT, "{packageName}": name}
    assert [unquote(segment) for segment in segments] == [values.get(part, part) for part in template]
    assert parse_qs(query, keep_blank_values=True) == {"RegionId": [REGION]}


def test_request_carries_the_documented_headers_and_query(call: Call, server: RoaVerifyingServer) -> None:
    call(server.base_url, page_size=50, page_index=2)

    [seen] = server.received
    assert (seen.signature_ok, seen.signature_version) == (True, "v3")  # the default
    assert seen.method == "GET"
    assert seen.headers["x-acs-action"] == OPERATION_ID
    assert seen.headers["x-acs-version"] == spec()["info"]["version"]
    assert seen.headers["x-acs-region-id"] == REGION
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", seen.headers["x-acs-date"])
    assert seen.headers["x-acs-signature-nonce"]
    assert seen.headers["x-acs-content-sha256"] == hashlib.sha256(b"").hexdigest()  # a GET has no body
    assert seen.headers["accept"] == "application/json"
    signed = seen.headers["authorization"].partition("SignedHeaders=")[2].partition(",")[0].split(";")
    assert seen.headers["authorization"].startswith(f"ACS3-HMAC-SHA256 Credential={KEY_ID},SignedHeaders=")
    assert {"host", *(name for name in seen.headers if name.startswith("x-acs-"))} == set(signed)
    assert "date" not in seen.headers
    assert "x-acs-security-token" not in seen.headers
    query = parse_qs(seen.raw_target.partition("?")[2], keep_blank_values=True)
    assert query == {"RegionId": [REGION], "pageSize": ["50"], "pageIndex": ["2"]}


def test_signature_v1_carries_the_roa_headers(call: Call, server: RoaVerifyingServer) -> None:
    call(server.base_url, page_size=50, page_index=2, signature_version="v1")

    [seen] = server.received
    assert (seen.signature_ok, seen.signature_version) == (True, "v1")
    assert seen.method == "GET"
    assert seen.headers["x-acs-action"] == OPERATION_ID
    assert seen.headers["x-acs-version"] == spec()["info"]["version"]
    assert seen.headers["x-acs-region-id"] == REGION
    assert seen.headers["x-acs-signature-method"] == "HMAC-SHA1"
    assert seen.headers["x-acs-signature-version"] == "1.0"
    assert seen.headers["accept"] == "application/json"
    assert seen.headers["authorization"].startswith(f"acs {KEY_ID}:")
    assert "x-acs-security-token" not in seen.headers
    query = parse_qs(seen.raw_target.partition("?")[2], keep_blank_values=True)
    assert query == {"RegionId": [REGION], "pageSize": ["50"], "pageIndex": ["2"]}


@pytest.mark.parametrize(("response_format", "accept"), [("json", "application/json"), ("xml", "application/xml")])
def test_accept_follows_response_format(
    call: Call, server: RoaVerifyingServer, response_format: str, accept: str
) -> None:
    page = call(server.base_url, response_format=response_format)

    [seen] = server.received
    assert seen.signature_ok
    assert seen.headers["accept"] == accept
    assert page.request_id == "31FDAE27-F135-4DAB-9C75-FADD6B0C4D1D"
    assert page.total_count == 1
    assert page.jobs.job[0].job_id == "9t9m6jfw8rb44iexhbpv3tnz"
    assert page.jobs.job[0].is_committed is True
    assert page.jobs.job[0].create_time == 1551161842000


@pytest.mark.parametrize(
    "xml_reply",
    [(200, XML_TYPE, ROOTED_XML), (200, {"Content-Type": "application/xml"}, FRAGMENT_XML)],
    ids=["rooted-text-xml", "fragment-application-xml"],
)
def test_xml_answer_decodes_into_the_same_model_as_json(
    call: Call, server: RoaVerifyingServer, xml_reply: Reply
) -> None:
    server.respond = scripted(OK, xml_reply)

    from_json = call(server.base_url, response_format="json")
    from_xml = call(server.base_url, response_format="xml")

    assert [seen.headers["accept"] for seen in server.received] == ["application/json", "application/xml"]
    assert from_json == EXPECTED
    assert normalised(from_xml) == normalised(from_json)
    assert type(from_xml.jobs.job[0].job_type) is type(from_json.jobs.job[0].job_type)


# --- 2. STS credentials ------------------------------------------------------------------------------


def test_sts_token_is_sent_and_signed(call: Call, server: RoaVerifyingServer) -> None:
    page = call(server.base_url, credentials=Credentials(KEY_ID, SECRET, TOKEN))

    assert page == EXPECTED
    [seen] = server.received
    assert seen.signature_ok
    assert seen.headers["x-acs-security-token"] == TOKEN
    tampered = {**seen.headers, "x-acs-security-token": TOKEN + "x"}
    assert not verify_roa_signature(seen.method, seen.raw_target, tampered, {KEY_ID: SECRET}.get)


# --- 3. wrong secret ---------------------------------------------------------------------------------


def test_wrong_secret_gives_one_line_auth_error_and_is_not_retried(call: Call, server: RoaVerifyingServer) -> None:
    with pytest.raises(AuthError) as caught:
        call(server.base_url, credentials=Credentials(KEY_ID, WRONG_SECRET), max_attempts=3)

    error = caught.value
    assert error.status_code == 403
    assert error.code == "SignatureDoesNotMatch"
    assert error.request_id
    text = str(error)
    assert "\n" not in text
    assert error.code in text
    assert error.request_id in text
    assert len(server.received) == 1
    assert not server.received[0].signature_ok


# --- 4. error bodies: JSON and XML alike --------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code", "error_class"),
    [
        (404, TEMPLATE_CODE, NotFoundError),
        (403, "Forbidden.RAM", AuthError),
        (400, "Throttling.User", ThrottlingError),
        (503, "ServiceUnavailable", ServerError),
        (400, "InvalidParameter", ApiError),
    ],
)
def test_json_and_xml_error_bodies_decode_into_the_same_error(
    call: Call, server: RoaVerifyingServer, status: int, code: str, error_class: type[ApiError]
) -> None:
    server.respond = scripted(error_json(status, code), error_xml(status, code))
    errors = []
    for response_format in ("json", "xml"):
        with pytest.raises(ApiError) as caught:
            call(server.base_url, response_format=response_format, max_attempts=1)
        errors.append(caught.value)

    from_json, from_xml = errors
    assert type(from_json) is type(from_xml) is error_class
    fields = ("status_code", "code", "message", "request_id", "host_id", "recommend", "retry_after", "detail")
    assert [getattr(from_xml, name) for name in fields] == [getattr(from_json, name) for name in fields]
    assert (from_json.status_code, from_json.code) == (status, code)
    assert from_json.request_id == "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77"
    assert from_json.message == "The specified package does not exist."
    assert str(from_xml) == str(from_json)
    assert len(server.received) == 2


# --- 5. retries --------------------------------------------------------------------------------------

TRANSIENT = {
    "503": error_json(503, "ServiceUnavailable"),
    "503-html-proxy-page": (503, {"Content-Type": "text/html"}, b"<html><body>Bad gateway</body></html>"),
    "429": error_json(429, "Throttling"),
    "429-empty-body": (429, {}, b""),
    "400-Throttling.User": error_json(400, "Throttling.User"),
    "500-xml": error_xml(500, "InternalError"),
    "connection-reset": RESET,
    "closed-without-answer": CLOSE,
}


@pytest.mark.parametrize("failure", TRANSIENT.values(), ids=TRANSIENT.keys())
def test_transient_failure_then_success_is_retried_with_a_fresh_signature(
    call: Call, server: RoaVerifyingServer, retries: list[RetryDetails], failure: Reply
) -> None:
    server.respond = scripted(failure, OK)

    page = call(server.base_url)

    assert page == EXPECTED
    assert len(server.received) == 2
    assert all(seen.signature_ok for seen in server.received)
    first, second = nonces(server)
    assert first != second
    assert server.received[0].headers["authorization"] != server.received[1].headers["authorization"]
    assert len(retries) == 1
    expected = TransportError if failure in (RESET, CLOSE) else (ServerError, ThrottlingError)
    assert isinstance(retries[0].caused_by, expected)


@pytest.mark.parametrize("max_attempts", [1, 2, 3])
def test_persistent_503_stops_after_max_attempts(call: Call, server: RoaVerifyingServer, max_attempts: int) -> None:
    server.respond = scripted(*[error_json(503, "ServiceUnavailable")] * 3, OK)

    with pytest.raises(ServerError) as caught:
        call(server.base_url, max_attempts=max_attempts)

    assert caught.value.status_code == 503
    assert caught.value.code == "ServiceUnavailable"
    assert len(server.received) == max_attempts
    assert len(set(nonces(server))) == max_attempts
    assert all(seen.signature_ok for seen in server.received)


def test_default_max_attempts_is_three(call: Call, server: RoaVerifyingServer) -> None:
    server.respond = scripted(*[error_json(503, "ServiceUnavailable")] * 4)

    with pytest.raises(ServerError):
        call(server.base_url)

    assert len(server.received) == 3


@pytest.mark.parametrize(
    ("reply", "error_class"),
    [
        (error_json(403, "Forbidden.RAM"), AuthError),
        (error_json(401, "InvalidAccessKeyId.NotFound"), AuthError),
        (error_json(404, TEMPLATE_CODE), NotFoundError),
        (error_xml(404, TEMPLATE_CODE), NotFoundError),
        (error_json(400, "InvalidParameter"), ApiError),
        (error_json(409, "Conflict"), ApiError),
    ],
    ids=["403", "401", "404-json", "404-xml", "400", "409"],
)
def test_client_errors_other_than_throttling_are_not_retried(
    call: Call, server: RoaVerifyingServer, retries: list[RetryDetails], reply: Reply, error_class: type[ApiError]
) -> None:
    server.respond = scripted(reply, OK)  # a retry would succeed: only no retry makes the call fail

    with pytest.raises(ApiError) as caught:
        call(server.base_url, max_attempts=3)

    assert type(caught.value) is error_class
    assert caught.value.status_code == reply[0]
    assert len(server.received) == 1
    assert retries == []


@pytest.mark.parametrize(
    ("status", "retry_after", "parsed", "wait"),
    [
        (429, "2", 2.0, 2.0),
        (503, "2", 2.0, 2.0),
        (503, "0", 0.0, 0.0),
        (429, "86400", 86400.0, RETRY_AFTER_CAP),
        (503, "Thu, 01 Jan 1970 00:00:00 GMT", 0.0, 0.0),
        (503, "soon", None, True),
    ],
)
def test_retry_after_reaches_the_retry_hook(
    call: Call,
    server: RoaVerifyingServer,
    retries: list[RetryDetails],
    status: int,
    retry_after: str,
    parsed: float | None,
    wait: float | bool,
) -> None:
    server.respond = scripted(error_json(status, "Throttling.User", {"Retry-After": retry_after}), OK)

    assert call(server.base_url) == EXPECTED

    assert len(server.received) == 2
    [retry] = retries
    assert isinstance(retry.caused_by, ApiError)
    assert retry.caused_by.retry_after == parsed
    assert retry_hook(retry.caused_by) == wait
    assert type(retry_hook(retry.caused_by)) is type(wait)


def test_undecodable_retry_after_is_ignored(call: Call, server: RoaVerifyingServer) -> None:
    server.respond = scripted(error_json(503, "ServiceUnavailable", {"Retry-After": "\xb2"}), OK)

    assert call(server.base_url) == EXPECTED
    assert len(server.received) == 2


# --- 6. timeouts -------------------------------------------------------------------------------------

TIMEOUT = 0.3


@pytest.mark.parametrize("max_attempts", [1, 2])
def test_slow_server_raises_timeout_error_within_bound(
    call: Call, server: RoaVerifyingServer, release: threading.Event, max_attempts: int
) -> None:
    server.respond = lambda _request: Hold(release, OK)

    started = time.monotonic()
    with pytest.raises(TimeoutError) as caught:
        call(server.base_url, timeout=TIMEOUT, max_attempts=max_attempts)
    elapsed = time.monotonic() - started

    assert isinstance(caught.value, builtins.TimeoutError)
    assert isinstance(caught.value, TransportError)
    assert isinstance(caught.value.__cause__, httpx.TimeoutException)
    assert "\n" not in str(caught.value)
    assert elapsed < TIMEOUT * max_attempts + 1.7
    assert elapsed >= TIMEOUT * max_attempts * 0.9  # each attempt did wait for its timeout
    assert len(server.received) == max_attempts  # a timeout is retried
    assert all(seen.signature_ok for seen in server.received)


def test_timeout_then_success(call: Call, server: RoaVerifyingServer, release: threading.Event) -> None:
    server.respond = scripted(Hold(release, OK), OK)

    assert call(server.base_url, timeout=TIMEOUT) == EXPECTED
    assert len(server.received) == 2
    assert len(set(nonces(server))) == 2


# --- 7. connection refused ---------------------------------------------------------------------------


@pytest.fixture
def refused_url() -> Iterator[str]:
    """A loopback port bound but not listening: connecting is refused, and no one else can take the port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_connection_refused_raises_transport_error_after_retries(
    call: Call, refused_url: str, retries: list[RetryDetails]
) -> None:
    with pytest.raises(TransportError) as caught:
        call(refused_url, max_attempts=3)

    assert not isinstance(caught.value, TimeoutError)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert "\n" not in str(caught.value)
    assert len(retries) == 2
    assert all(isinstance(retry.caused_by, TransportError) for retry in retries)


# --- 8. no secret in any output ----------------------------------------------------------------------


def error_texts(error: BaseException) -> Iterator[str]:
    """str and repr of an error and of every exception it chains to."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield str(current)
        yield repr(current)
        yield repr(vars(current))
        current = current.__cause__ or current.__context__


def test_no_secret_in_reprs_errors_or_logs(
    call: Call, server: RoaVerifyingServer, refused_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    secrets = (SECRET, TOKEN, WRONG_SECRET)
    sts = Credentials(KEY_ID, SECRET, TOKEN)
    outputs: list[str] = []
    for client in (
        FoasClient(endpoint=server.base_url, credentials=sts, region_id=REGION),
        AsyncFoasClient(endpoint=server.base_url, credentials=sts, region_id=REGION),
    ):
        outputs += [repr(client), str(client), repr(client.settings), repr(client.settings.signer)]
    server.respond = scripted(error_json(503, "ServiceUnavailable"), OK)
    caplog.set_level(logging.DEBUG)

    assert call(server.base_url, credentials=sts) == EXPECTED  # after one retry
    errors: list[FoasError] = []
    with pytest.raises(AuthError) as auth:
        call(server.base_url, credentials=Credentials(KEY_ID, WRONG_SECRET, TOKEN))
    errors.append(auth.value)
    with pytest.raises(TransportError) as refused:
        call(refused_url, credentials=sts, max_attempts=2)
    errors.append(refused.value)
    with pytest.raises(CredentialsError) as empty:
        Credentials(KEY_ID, "")
    errors.append(empty.value)

    loggers = {record.name.partition(".")[0] for record in caplog.records}
    assert {"httpx", "httpcore", "stamina"} <= loggers, loggers  # the capture did see every library
    assert server.received[2].headers["x-acs-security-token"] == TOKEN  # the token did go out
    outputs += [text for error in errors for text in error_texts(error)]
    outputs += [caplog.text]
    outputs += [repr(record.msg) + repr(record.args) + repr(vars(record)) for record in caplog.records]
    for secret in secrets:
        leaks = [text for text in outputs if secret in text]
        assert not leaks, f"{secret!r} leaked: {leaks[:3]}"


# --- 9. endpoint, region, credentials and argument checks (construction only, no network) ------------

CLIENT_CLASSES = [FoasClient, AsyncFoasClient]
ClientClass = Callable[..., FoasClient | AsyncFoasClient]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (
        ENV_REGION_ID,
        "ALIBABA_CLOUD_ACCESS_KEY_ID",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        "ALIBABA_CLOUD_SECURITY_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize("client_class", CLIENT_CLASSES)
@pytest.mark.parametrize(
    ("env_region", "kwargs", "endpoint", "region"),
    [
        (None, {}, "https://foas.cn-hangzhou.aliyuncs.com", "cn-hangzhou"),
        (None, {"region_id": "cn-shanghai"}, "https://foas.cn-shanghai.aliyuncs.com", "cn-shanghai"),
        ("ap-southeast-1", {}, "https://foas.ap-southeast-1.aliyuncs.com", "ap-southeast-1"),
        ("ap-southeast-1", {"region_id": "cn-beijing"}, "https://foas.cn-beijing.aliyuncs.com", "cn-beijing"),
        (None, {"endpoint": "http://127.0.0.1:1/"}, "http://127.0.0.1:1", "cn-hangzhou"),
        ("cn-shenzhen", {"endpoint": "https://proxy.example/foas"}, "https://proxy.example/foas", "cn-shenzhen"),
        (None, {"region_id": "cn-shanghai", "endpoint": "http://127.0.0.1:1"}, "http://127.0.0.1:1", "cn-shanghai"),
    ],
    ids=["default", "region", "env-region", "arg-beats-env", "endpoint", "endpoint-env-region", "endpoint-wins"],
)
def test_endpoint_and_region_resolution(
    clean_env: pytest.MonkeyPatch,
    client_class: ClientClass,
    env_region: str | None,
    kwargs: dict[str, str],
    endpoint: str,
    region: str,
) -> None:
    if env_region is not None:
        clean_env.setenv(ENV_REGION_ID, env_region)

    client = client_class(credentials=CREDENTIALS, **kwargs)

    assert client.settings.endpoint == endpoint
    assert client.settings.region_id == region
    assert client.settings.signer.region_id == region
    assert endpoint in repr(client)


@pytest.mark.parametrize("client_class", CLIENT_CLASSES)
@pytest.mark.parametrize("token", [None, TOKEN])
def test_credentials_come_from_the_environment_when_none_are_given(
    clean_env: pytest.MonkeyPatch, client_class: ClientClass, token: str | None
) -> None:
    clean_env.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tFromEnv")
    clean_env.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
    if token is not None:
        clean_env.setenv("ALIBABA_CLOUD_SECURITY_TOKEN", token)

    client = client_class(region_id=REGION)
    operation = {"x-acs-action": OPERATION_ID, "x-acs-version": spec()["info"]["version"]}  # the endpoint's own
    url = client.settings.endpoint + "/api/v2/projects/p/packages/q/jobs"
    request = httpx.Request("GET", url, headers=operation)
    client.settings.signer.sign_request(request)  # signs in place; nothing is sent

    assert request.headers["Authorization"].startswith("ACS3-HMAC-SHA256 Credential=LTAI5tFromEnv,")
    assert request.headers.get("x-acs-security-token") == token
    target = request.url.raw_path.decode()
    assert verify_v3_signature("GET", target, request.headers, b"", {"LTAI5tFromEnv": SECRET}.get)

    v1 = client_class(region_id=REGION, signature_version="v1")
    request = httpx.Request("GET", url, headers=operation)
    v1.settings.signer.sign_request(request)
    assert request.headers["Authorization"].startswith("acs LTAI5tFromEnv:")
    assert request.headers.get("x-acs-security-token") == token
    assert verify_roa_signature("GET", target, request.headers, {"LTAI5tFromEnv": SECRET}.get)


@pytest.mark.parametrize("client_class", CLIENT_CLASSES)
def test_no_credentials_anywhere_is_a_credentials_error(
    clean_env: pytest.MonkeyPatch, client_class: ClientClass
) -> None:
    for name in ("alibabacloud_credentials", "alibabacloud_credentials.client"):
        clean_env.setitem(sys.modules, name, None)

    with pytest.raises(CredentialsError, match="ALIBABA_CLOUD_ACCESS_KEY_ID"):
        client_class(region_id=REGION)


@pytest.mark.parametrize("client_class", CLIENT_CLASSES)
@pytest.mark.parametrize(
    "kwargs",
    [
        {"response_format": "yaml"},
        {"response_format": "JSON"},
        {"timeout": 0},
        {"timeout": -1.5},
        {"max_attempts": 0},
        {"max_attempts": -2},
    ],
    ids=["format-yaml", "format-upper", "timeout-0", "timeout-negative", "attempts-0", "attempts-negative"],
)
def test_invalid_arguments_are_refused(client_class: ClientClass, kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        client_class(credentials=CREDENTIALS, endpoint="http://127.0.0.1:1", **kwargs)

    assert isinstance(caught.value, ValueError)
    assert next(iter(kwargs)) in str(caught.value)


@pytest.mark.parametrize("client_class", CLIENT_CLASSES)
@pytest.mark.parametrize("timeout", [float("nan"), float("inf")], ids=["nan", "inf"])
def test_non_finite_timeout_is_refused(client_class: ClientClass, timeout: float) -> None:
    with pytest.raises(InvalidParameterError, match="timeout"):
        client_class(credentials=CREDENTIALS, endpoint="http://127.0.0.1:1", timeout=timeout)


@pytest.mark.parametrize("client_class", CLIENT_CLASSES)
@pytest.mark.parametrize("from_env", [False, True], ids=["argument", "environment"])
def test_region_id_cannot_redirect_the_default_endpoint(
    clean_env: pytest.MonkeyPatch, client_class: ClientClass, from_env: bool
) -> None:
    region = "evil.example/x#"
    if from_env:
        clean_env.setenv(ENV_REGION_ID, region)
    kwargs = {} if from_env else {"region_id": region}

    with pytest.raises(InvalidParameterError, match="region"):
        client = client_class(credentials=CREDENTIALS, **kwargs)
        assert httpx.URL(client.settings.endpoint).host == "foas.evil.example"  # where it would send


@pytest.mark.parametrize("package", ["", None])
def test_empty_package_name_is_refused_before_sending(call: Call, server: RoaVerifyingServer, package: Any) -> None:
    with pytest.raises(InvalidParameterError):
        call(server.base_url, package)
    assert server.received == []


# --- 10. context managers ----------------------------------------------------------------------------


def test_sync_context_manager_closes(server: RoaVerifyingServer) -> None:
    with FoasClient(endpoint=server.base_url, credentials=CREDENTIALS, region_id=REGION) as client:
        assert client.get_ref_package_job(PROJECT, PACKAGE) == EXPECTED
        assert client.get_ref_package_job(PROJECT, PACKAGE) == EXPECTED  # the connection is reused
        http = client._client.get_httpx_client()
        assert not http.is_closed
    assert http.is_closed
    assert len(server.received) == 2


def test_sync_context_manager_closes_when_the_block_raises(server: RoaVerifyingServer) -> None:
    server.respond = scripted(error_json(404))
    with (
        pytest.raises(NotFoundError),
        FoasClient(endpoint=server.base_url, credentials=CREDENTIALS, region_id=REGION) as client,
    ):
        client.get_ref_package_job(PROJECT, PACKAGE)
    assert client._client.get_httpx_client().is_closed


def test_async_context_manager_closes(server: RoaVerifyingServer) -> None:
    async def run() -> httpx.AsyncClient:
        async with AsyncFoasClient(endpoint=server.base_url, credentials=CREDENTIALS, region_id=REGION) as client:
            pages = await asyncio.gather(*(client.get_ref_package_job(PROJECT, PACKAGE) for _ in range(3)))
            assert pages == [EXPECTED] * 3
            http = client._client.get_async_httpx_client()
            assert not http.is_closed
        return http

    http = asyncio.run(run())
    assert http.is_closed
    assert len(server.received) == 3
    assert all(seen.signature_ok for seen in server.received)


def test_async_context_manager_closes_when_the_block_raises(server: RoaVerifyingServer) -> None:
    server.respond = scripted(error_json(404))

    async def run() -> AsyncFoasClient:
        client = AsyncFoasClient(endpoint=server.base_url, credentials=CREDENTIALS, region_id=REGION)
        with pytest.raises(NotFoundError):
            async with client:
                await client.get_ref_package_job(PROJECT, PACKAGE)
        return client

    assert asyncio.run(run())._client.get_async_httpx_client().is_closed


def test_close_without_any_call() -> None:
    FoasClient(endpoint="http://127.0.0.1:1", credentials=CREDENTIALS).close()
    asyncio.run(AsyncFoasClient(endpoint="http://127.0.0.1:1", credentials=CREDENTIALS).aclose())
