"""Signature V3 (ACS3-HMAC-SHA256): every signature checked against the official SDK's algorithm.

The oracle is ``alibabacloud_openapi_util.client.Client.get_authorization`` (PyPI alibabacloud-openapi-util,
a dev dependency), fed the request as the official SDK builds it: the path as sent, the query as a dict
of decoded values, and the headers to sign, each written out here from the fixed clock and nonce.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import httpx
import pytest
from alibabacloud_openapi_util.client import Client as OpenApiUtil
from Tea.request import TeaRequest

from foas_client import Acs3Signer, FoasClient, RoaSigner
from foas_client._core.credentials import Credentials
from foas_client._core.errors import CredentialsError, InvalidParameterError
from foas_client._core.http.paths import path_segment
from foas_client._core.http.signing_v3 import (
    ALGORITHM,
    canonical_headers,
    canonical_query,
    canonical_request,
    sign_v3,
    string_to_sign_v3,
)

KEY_ID = "LTAI5tTestKeyId"
SECRET = "s3cr3t-Secret-Value-0123"
TOKEN = "sts-Token-Value-4567"
FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0, tzinfo=timezone.utc)
FIXED_DATE = "2026-01-01T00:00:00Z"
FIXED_NONCE = "11111111-2222-3333-4444-555555555555"
HOST = "foas.cn-hangzhou.aliyuncs.com"
ENDPOINT = f"https://{HOST}"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
AWKWARD_NAMES = [
    "package1.jar",
    "my pkg.jar",
    "中文包.jar",
    "a/../b?.jar",
    "..",
    ".",
    "~tilde.jar",
    "a+b.jar",
    "100%.jar",
    "x&RegionId=evil",
    "k=v&.jar",
    "%2F%2E%2E.jar",
]
QUERIES = [
    {"RegionId": "cn-hangzhou"},
    {"RegionId": "cn-hangzhou", "pageSize": "50", "pageIndex": "2"},
    {"RegionId": "cn-hangzhou", "name": "a b+c&d=e~f%中"},
]


def fixed_signer(credentials: Credentials | None = None) -> Acs3Signer:
    return Acs3Signer(
        credentials or Credentials(KEY_ID, SECRET),
        region_id="cn-hangzhou",
        action="GetRefPackageJob",
        clock=lambda: FIXED_TIME,
        nonce=lambda: FIXED_NONCE,
    )


def signed(signer: httpx.Auth, request: httpx.Request) -> httpx.Request:
    return next(signer.auth_flow(request))


def official(method: str, pathname: str, query: dict[str, str], headers: dict[str, str], payload: str) -> str:
    """The Authorization the official SDK computes for this request."""
    request = TeaRequest()
    request.method = method
    request.pathname = pathname
    request.query = query
    request.headers = headers
    return OpenApiUtil.get_authorization(request, ALGORITHM, payload, KEY_ID, SECRET)


def expected_headers(token: str | None) -> dict[str, str]:
    """The headers the signer must sign for a GET of ``ENDPOINT``, written out from the fixed clock and nonce."""
    headers = {
        "host": HOST,
        "x-acs-action": "GetRefPackageJob",
        "x-acs-version": "2018-11-11",
        "x-acs-region-id": "cn-hangzhou",
        "x-acs-date": FIXED_DATE,
        "x-acs-signature-nonce": FIXED_NONCE,
        "x-acs-content-sha256": EMPTY_SHA256,
    }
    if token is not None:
        headers |= {"x-acs-security-token": token, "x-acs-accesskey-id": KEY_ID}
    return headers


def jobs_path(name: str) -> str:
    return f"/api/v2/projects/project1/packages/{path_segment(name, 'package_name')}/jobs"


# --- the oracle --------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", QUERIES, ids=["region", "paging", "awkward-value"])
@pytest.mark.parametrize("token", [None, TOKEN], ids=["ak", "sts"])
@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_signature_is_the_official_algorithms(name: str, token: str | None, query: dict[str, str]) -> None:
    request = httpx.Request("GET", ENDPOINT + jobs_path(name), params=query)

    out = signed(fixed_signer(Credentials(KEY_ID, SECRET, token)), request)

    sent_path = out.url.raw_path.decode().partition("?")[0]
    assert sent_path == jobs_path(name)  # the path is signed as sent
    headers = expected_headers(token)
    assert out.headers["Authorization"] == official("GET", sent_path, query, headers, EMPTY_SHA256)
    assert {name: out.headers[name] for name in headers} == headers


@pytest.mark.parametrize("name", [name for name in AWKWARD_NAMES if name not in (".", "..")])
def test_the_path_is_encoded_as_the_official_sdk_encodes_a_path_parameter(name: str) -> None:
    # '.' and '..' are the exception: sent as %2E and %2E%2E, since URL normalisation would remove them.
    assert path_segment(name, "package_name") == OpenApiUtil.get_encode_param(name)


def test_fixed_vector() -> None:
    request = httpx.Request(
        "GET", ENDPOINT + jobs_path("package1.jar"), params={"pageSize": "50", "RegionId": "cn-hangzhou"}
    )
    expected_canonical = (
        "GET\n"
        "/api/v2/projects/project1/packages/package1.jar/jobs\n"
        "RegionId=cn-hangzhou&pageSize=50\n"
        f"host:{HOST}\n"
        "x-acs-action:GetRefPackageJob\n"
        f"x-acs-content-sha256:{EMPTY_SHA256}\n"
        f"x-acs-date:{FIXED_DATE}\n"
        "x-acs-region-id:cn-hangzhou\n"
        f"x-acs-signature-nonce:{FIXED_NONCE}\n"
        "x-acs-version:2018-11-11\n"
        "\n"
        "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-region-id;x-acs-signature-nonce;x-acs-version\n"
        f"{EMPTY_SHA256}"
    )

    out = signed(fixed_signer(), request)

    string = f"{ALGORITHM}\n{hashlib.sha256(expected_canonical.encode()).hexdigest()}"
    assert canonical_request("GET", out.url.raw_path.decode(), out.headers, EMPTY_SHA256) == expected_canonical
    assert string_to_sign_v3(expected_canonical) == string
    signature = sign_v3(SECRET, string)
    assert signature == "8ab08fe699574f8819738bbc18ef064c2f6e2842308629807c3c182d6fbcdffe"  # pinned
    names = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-region-id;x-acs-signature-nonce;x-acs-version"
    assert (
        out.headers["Authorization"] == f"{ALGORITHM} Credential={KEY_ID},SignedHeaders={names},Signature={signature}"
    )
    query = {"pageSize": "50", "RegionId": "cn-hangzhou"}
    path = jobs_path("package1.jar")
    assert out.headers["Authorization"] == official("GET", path, query, expected_headers(None), EMPTY_SHA256)


def test_a_body_and_its_content_type_are_signed() -> None:
    body = b'{"JobName": "j\xc3\xa9"}'
    request = httpx.Request(
        "POST", ENDPOINT + "/api/v2/x", content=body, headers={"Content-Type": "application/json; charset=utf-8"}
    )

    out = signed(fixed_signer(), request)

    payload = hashlib.sha256(body).hexdigest()
    assert out.headers["x-acs-content-sha256"] == payload
    headers = {
        **expected_headers(None),
        "x-acs-content-sha256": payload,
        "content-type": "application/json; charset=utf-8",
    }
    assert out.headers["Authorization"] == official("POST", "/api/v2/x", {}, headers, payload)


def test_a_streamed_body_is_read_before_it_is_hashed() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    with httpx.Client(transport=httpx.MockTransport(handler), auth=fixed_signer()) as client:
        client.post(ENDPOINT + "/api/v2/x", content=iter([b"ab", b"c"]))

    assert seen[0].headers["x-acs-content-sha256"] == hashlib.sha256(b"abc").hexdigest()


def test_only_host_acs_and_content_type_headers_are_signed() -> None:
    headers = {"Host": "h", "X-ACS-Zeta": " padded ", "User-Agent": "u", "Accept": "a", "Content-Type": "t"}
    assert canonical_headers(headers) == ("content-type:t\nhost:h\nx-acs-zeta:padded\n", "content-type;host;x-acs-zeta")
    assert canonical_headers(headers, ["user-agent", "host"]) == ("user-agent:u\nhost:h\n", "user-agent;host")


def test_query_is_sorted_decoded_and_re_encoded() -> None:
    assert canonical_query("") == ""
    assert canonical_query("b=x+y&a=%E4%B8%AD&flag&c=%7E%2B") == "a=%E4%B8%AD&b=x%20y&c=~%2B&flag="
    assert canonical_query("k=2&k=1") == "k=1&k=2"


# --- the flow ----------------------------------------------------------------------------------------


def test_each_flow_gets_a_fresh_date_and_nonce() -> None:
    times = iter([FIXED_TIME, FIXED_TIME + timedelta(seconds=3)])
    signer = Acs3Signer(Credentials(KEY_ID, SECRET), region_id="cn-hangzhou", clock=lambda: next(times))
    request = httpx.Request("GET", ENDPOINT + jobs_path("p.jar"))

    first = dict(signed(signer, request).headers)
    second = dict(signed(signer, request).headers)  # a retry re-signs the same request

    assert (first["x-acs-date"], second["x-acs-date"]) == (FIXED_DATE, "2026-01-01T00:00:03Z")
    assert first["x-acs-signature-nonce"] != second["x-acs-signature-nonce"]
    assert first["authorization"] != second["authorization"]


def test_defaults_and_a_naive_or_shifted_clock() -> None:
    east = timezone(timedelta(hours=8))
    for clock in (lambda: datetime(2026, 1, 1), lambda: datetime(2026, 1, 1, 8, tzinfo=east)):
        out = signed(
            Acs3Signer(Credentials(KEY_ID, SECRET), region_id="r", clock=clock), httpx.Request("GET", ENDPOINT)
        )
        assert out.headers["x-acs-date"] == FIXED_DATE
    out = signed(Acs3Signer(Credentials(KEY_ID, SECRET), region_id="cn-beijing"), httpx.Request("GET", ENDPOINT))
    assert out.headers["x-acs-version"] == "2018-11-11"  # the package's binding knows the API version
    assert out.headers["x-acs-region-id"] == "cn-beijing"
    assert out.headers["Accept"] == "application/json"
    assert re.fullmatch(r"[0-9a-f-]{36}", out.headers["x-acs-signature-nonce"])


def test_a_v1_signature_left_on_the_request_is_replaced() -> None:
    request = httpx.Request("GET", ENDPOINT + jobs_path("p.jar"))
    signed(RoaSigner(Credentials(KEY_ID, SECRET, TOKEN), region_id="cn-hangzhou"), request)

    out = signed(fixed_signer(), request)

    for stale in ("Date", "x-acs-signature-method", "x-acs-signature-version", "x-acs-security-token"):
        assert stale not in out.headers
    assert out.headers["Authorization"].startswith(f"{ALGORITHM} Credential={KEY_ID},")
    assert out.headers["Authorization"] == official("GET", jobs_path("p.jar"), {}, expected_headers(None), EMPTY_SHA256)


def test_request_headers_for_action_version_and_region_win_over_the_defaults() -> None:
    headers = {"x-acs-action": "OtherAction", "x-acs-version": "2019-01-01", "x-acs-region-id": "eu-central-1"}
    out = signed(fixed_signer(), httpx.Request("GET", ENDPOINT + "/p", headers=headers))
    assert {name: out.headers[name] for name in headers} == headers


def test_the_provider_is_asked_at_each_flow_and_a_stale_token_is_dropped() -> None:
    answers = iter([Credentials("STS.first", SECRET, TOKEN), Credentials(KEY_ID, SECRET)])

    class Rotating:
        def get_credentials(self) -> Credentials:
            return next(answers)

    signer = Acs3Signer(Rotating(), region_id="cn-hangzhou")
    request = httpx.Request("GET", ENDPOINT + "/p")
    first = signed(signer, request)
    assert (first.headers["x-acs-security-token"], first.headers["x-acs-accesskey-id"]) == (TOKEN, "STS.first")
    second = signed(signer, request)
    assert "x-acs-security-token" not in second.headers
    assert "x-acs-accesskey-id" not in second.headers
    assert second.headers["Authorization"].startswith(f"{ALGORITHM} Credential={KEY_ID},")


def test_unusable_provider_credentials_are_refused_before_anything_is_signed() -> None:
    class Unchecked:  # a provider's answer without the checks of Credentials: a token read with its newline
        access_key_id, access_key_secret, security_token = KEY_ID, SECRET, TOKEN + "\n"

        def get_credentials(self) -> Credentials:
            return self  # type: ignore[return-value]

    request = httpx.Request("GET", ENDPOINT + "/p")
    with pytest.raises(CredentialsError, match="security_token") as caught:
        signed(Acs3Signer(Unchecked(), region_id="r"), request)
    assert "authorization" not in request.headers
    assert TOKEN not in str(caught.value) and SECRET not in str(caught.value)


def test_repr_shows_no_secret_or_token() -> None:
    text = repr(fixed_signer(Credentials(KEY_ID, SECRET, TOKEN)))
    assert text.startswith("Acs3Signer(")
    assert SECRET not in text and TOKEN not in text


# --- choosing the version ----------------------------------------------------------------------------


def test_clients_sign_v3_by_default_and_v1_when_asked() -> None:
    credentials = Credentials(KEY_ID, SECRET)
    with FoasClient(credentials=credentials, endpoint="http://127.0.0.1:9") as client:
        assert type(client.settings.signer).__name__ == "Acs3Signer"
    with FoasClient(credentials=credentials, endpoint="http://127.0.0.1:9", signature_version="v1") as client:
        assert type(client.settings.signer).__name__ == "RoaSigner"


@pytest.mark.parametrize("bad", ["v2", "V3", "", None, 3, ["v3"]])
def test_an_unknown_signature_version_is_refused_at_construction(bad: object) -> None:
    with pytest.raises(InvalidParameterError, match="signature_version"):
        FoasClient(credentials=Credentials(KEY_ID, SECRET), signature_version=bad)  # type: ignore[arg-type]


def test_encoding_helpers_agree_with_the_official_sdk() -> None:
    for text in ("a b", "中", "~", "+", "%", "&=", "/"):
        assert quote(text, safe="~") == OpenApiUtil.get_encode_param(text)
