"""ROA v1 signing: fixed vectors computed independently, the auth flow without a client, real loopback HTTP."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import logging
import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import quote, unquote

import httpx
import pytest

from foas_client._core.credentials import Credentials
from foas_client._core.errors import CredentialsError
from foas_client._core.http.signing import RoaSigner, canonical_resource, sign, string_to_sign
from tests.support.roa_server import RoaVerifyingServer, verify_roa_signature

KEY_ID = "LTAI5tTestKeyId"
SECRET = "s3cr3t-Secret-Value-0123"
TOKEN = "sts-Token-Value-4567"
FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0, tzinfo=timezone.utc)
FIXED_DATE = "Thu, 01 Jan 2026 00:00:00 GMT"
FIXED_NONCE = "11111111-2222-3333-4444-555555555555"
ENDPOINT = "https://foas.cn-hangzhou.aliyuncs.com"
JOBS_PATH = "/api/v2/projects/project1/packages/package1.jar/jobs"
RFC1123_GMT = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$")


def hmac_sha1_b64(secret: str, text: str) -> str:
    """The published algorithm, spelled out here so the test does not trust the module's ``sign``."""
    return base64.b64encode(hmac.new(secret.encode(), text.encode(), hashlib.sha1).digest()).decode()


def fixed_signer(credentials: Credentials | None = None) -> RoaSigner:
    return RoaSigner(
        credentials or Credentials(KEY_ID, SECRET),
        region_id="cn-hangzhou",
        version="2018-11-11",
        action="GetRefPackageJob",
        clock=lambda: FIXED_TIME,
        nonce=lambda: FIXED_NONCE,
    )


def signed(signer: RoaSigner, request: httpx.Request) -> httpx.Request:
    return next(signer.auth_flow(request))


# --- fixed vectors -----------------------------------------------------------------------------------


def test_fixed_vector_matches_hand_written_string_to_sign() -> None:
    request = httpx.Request(
        "GET", ENDPOINT + JOBS_PATH, params={"pageSize": "50", "RegionId": "cn-hangzhou", "pageIndex": "1"}
    )
    expected_string = (
        "GET\n"
        "application/json\n"
        "\n"
        "\n"
        "Thu, 01 Jan 2026 00:00:00 GMT\n"
        "x-acs-action:GetRefPackageJob\n"
        "x-acs-region-id:cn-hangzhou\n"
        "x-acs-signature-method:HMAC-SHA1\n"
        "x-acs-signature-nonce:11111111-2222-3333-4444-555555555555\n"
        "x-acs-signature-version:1.0\n"
        "x-acs-version:2018-11-11\n"
        "/api/v2/projects/project1/packages/package1.jar/jobs?RegionId=cn-hangzhou&pageIndex=1&pageSize=50"
    )

    out = signed(fixed_signer(), request)

    expected_signature = hmac_sha1_b64(SECRET, expected_string)
    assert expected_signature == "sISDzqutV3CrCnnZAIXu1uz0t7o="  # pinned: any change to the algorithm shows here
    assert out.headers["Authorization"] == f"acs {KEY_ID}:{expected_signature}"
    assert string_to_sign("GET", out.headers, out.url.raw_path.decode()) == expected_string
    assert sign(SECRET, expected_string) == expected_signature


def test_sts_token_is_sent_and_signed() -> None:
    request = httpx.Request("GET", ENDPOINT + JOBS_PATH, headers={"Accept": "application/xml"})
    expected_string = (
        "GET\n"
        "application/xml\n"
        "\n"
        "\n"
        "Thu, 01 Jan 2026 00:00:00 GMT\n"
        "x-acs-action:GetRefPackageJob\n"
        "x-acs-region-id:cn-hangzhou\n"
        "x-acs-security-token:sts-Token-Value-4567\n"
        "x-acs-signature-method:HMAC-SHA1\n"
        "x-acs-signature-nonce:11111111-2222-3333-4444-555555555555\n"
        "x-acs-signature-version:1.0\n"
        "x-acs-version:2018-11-11\n"
        "/api/v2/projects/project1/packages/package1.jar/jobs"
    )

    out = signed(fixed_signer(Credentials(KEY_ID, SECRET, TOKEN)), request)

    assert out.headers["x-acs-security-token"] == TOKEN
    assert out.headers["Accept"] == "application/xml"  # the request's own Accept is kept and signed
    assert out.headers["Authorization"] == f"acs {KEY_ID}:{hmac_sha1_b64(SECRET, expected_string)}"


def test_content_headers_and_custom_acs_headers_are_signed() -> None:
    headers = {
        "Content-MD5": "1B2M2Y8AsgTpgAmY7PhCfg==",
        "Content-Type": "application/json",
        "X-ACS-Zeta": "last",
        "X-Other": "not signed",
    }
    request = httpx.Request("GET", ENDPOINT + "/p", headers=headers)
    expected_string = (
        "GET\n"
        "application/json\n"
        "1B2M2Y8AsgTpgAmY7PhCfg==\n"
        "application/json\n"
        "Thu, 01 Jan 2026 00:00:00 GMT\n"
        "x-acs-action:GetRefPackageJob\n"
        "x-acs-region-id:cn-hangzhou\n"
        "x-acs-signature-method:HMAC-SHA1\n"
        "x-acs-signature-nonce:11111111-2222-3333-4444-555555555555\n"
        "x-acs-signature-version:1.0\n"
        "x-acs-version:2018-11-11\n"
        "x-acs-zeta:last\n"
        "/p"
    )

    out = signed(fixed_signer(), request)

    assert out.headers["Authorization"] == f"acs {KEY_ID}:{hmac_sha1_b64(SECRET, expected_string)}"


# --- query canonicalisation --------------------------------------------------------------------------


def test_query_is_sorted_decoded_and_empty_values_are_bare_keys() -> None:
    raw = "/a%2Fb/jobs?b=2&a=x%20y&flag&c=&d=%2B1+2&%E4%B8%AD=%E6%96%87"
    assert canonical_resource(raw) == "/a%2Fb/jobs?a=x y&b=2&c&d=+1 2&flag&中=文"


def test_query_sent_by_httpx_is_canonicalised_from_the_wire_form() -> None:
    request = httpx.Request("GET", ENDPOINT + "/p", params={"z": "a b", "a": "+&=", "m": "", "中": "文"})
    expected_string = (
        "GET\n"
        "application/json\n"
        "\n"
        "\n"
        "Thu, 01 Jan 2026 00:00:00 GMT\n"
        "x-acs-action:GetRefPackageJob\n"
        "x-acs-region-id:cn-hangzhou\n"
        "x-acs-signature-method:HMAC-SHA1\n"
        "x-acs-signature-nonce:11111111-2222-3333-4444-555555555555\n"
        "x-acs-signature-version:1.0\n"
        "x-acs-version:2018-11-11\n"
        "/p?a=+&=&m&z=a b&中=文"
    )

    out = signed(fixed_signer(), request)

    assert out.headers["Authorization"] == f"acs {KEY_ID}:{hmac_sha1_b64(SECRET, expected_string)}"


def test_path_without_query_and_with_empty_query() -> None:
    assert canonical_resource("/p%20q/r") == "/p%20q/r"
    assert canonical_resource("/p?") == "/p"


# --- the flow without a client -----------------------------------------------------------------------


def test_auth_flow_sets_every_header_and_ends_after_the_response() -> None:
    signer = RoaSigner(
        Credentials(KEY_ID, SECRET), region_id="cn-shanghai", version="2018-11-11", action="GetRefPackageJob"
    )
    flow = signer.auth_flow(httpx.Request("GET", ENDPOINT + JOBS_PATH))

    request = next(flow)

    headers = request.headers
    assert RFC1123_GMT.match(headers["Date"])
    sent_at = parsedate_to_datetime(headers["Date"])
    assert abs(sent_at - datetime.now(timezone.utc)) < timedelta(minutes=1)
    assert headers["Accept"] == "application/json"
    assert headers["x-acs-signature-method"] == "HMAC-SHA1"
    assert headers["x-acs-signature-version"] == "1.0"
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", headers["x-acs-signature-nonce"]
    )
    assert headers["x-acs-version"] == "2018-11-11"
    assert headers["x-acs-action"] == "GetRefPackageJob"
    assert headers["x-acs-region-id"] == "cn-shanghai"
    assert "x-acs-security-token" not in headers
    assert headers["Authorization"].startswith(f"acs {KEY_ID}:")
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200))


def test_each_flow_gets_a_fresh_nonce_and_date() -> None:
    times = iter([FIXED_TIME, FIXED_TIME + timedelta(seconds=3)])
    signer = RoaSigner(Credentials(KEY_ID, SECRET), region_id="cn-hangzhou", clock=lambda: next(times))
    request = httpx.Request("GET", ENDPOINT + JOBS_PATH)

    first = dict(signed(signer, request).headers)
    second = dict(signed(signer, request).headers)  # a retry re-signs the same request

    assert first["x-acs-signature-nonce"] != second["x-acs-signature-nonce"]
    assert (first["date"], second["date"]) == (FIXED_DATE, "Thu, 01 Jan 2026 00:00:03 GMT")
    assert first["authorization"] != second["authorization"]


def test_naive_and_non_utc_clock_values_are_written_as_gmt() -> None:
    naive = RoaSigner(Credentials(KEY_ID, SECRET), region_id="r", clock=lambda: datetime(2026, 1, 1))
    east = timezone(timedelta(hours=8))
    shifted = RoaSigner(Credentials(KEY_ID, SECRET), region_id="r", clock=lambda: datetime(2026, 1, 1, 8, tzinfo=east))
    for signer in (naive, shifted):
        assert signed(signer, httpx.Request("GET", ENDPOINT + "/p")).headers["Date"] == FIXED_DATE


def test_request_headers_for_action_version_and_region_win_over_the_signer_defaults() -> None:
    headers = {"x-acs-action": "OtherAction", "x-acs-version": "2019-01-01", "x-acs-region-id": "eu-central-1"}
    out = signed(fixed_signer(), httpx.Request("GET", ENDPOINT + "/p", headers=headers))
    assert {name: out.headers[name] for name in headers} == headers


class RotatingProvider:
    """Hands out STS credentials, then a plain AccessKey: the signer must ask once per request."""

    def __init__(self) -> None:
        self.calls = 0

    def get_credentials(self) -> Credentials:
        self.calls += 1
        if self.calls == 1:
            return Credentials("STS.first", SECRET, TOKEN)
        return Credentials(KEY_ID, SECRET)


def test_provider_is_asked_at_each_flow_and_a_stale_token_is_dropped() -> None:
    provider = RotatingProvider()
    signer = RoaSigner(provider, region_id="cn-hangzhou", clock=lambda: FIXED_TIME)
    request = httpx.Request("GET", ENDPOINT + JOBS_PATH)

    first = signed(signer, request)
    assert first.headers["x-acs-security-token"] == TOKEN
    assert first.headers["Authorization"].startswith("acs STS.first:")
    second = signed(signer, request)
    assert "x-acs-security-token" not in second.headers
    assert second.headers["Authorization"].startswith(f"acs {KEY_ID}:")
    assert provider.calls == 2


def test_provider_failure_propagates_as_credentials_error() -> None:
    class Empty:
        def get_credentials(self) -> Credentials:
            raise CredentialsError("no credentials")

    flow = RoaSigner(Empty(), region_id="r").auth_flow(httpx.Request("GET", ENDPOINT + "/p"))
    with pytest.raises(CredentialsError):
        next(flow)


class Unchecked:
    """What a provider may hand out: the attributes of ``Credentials`` without its checks."""

    def __init__(self, access_key_id: object, access_key_secret: object, security_token: object = None) -> None:
        self.access_key_id = access_key_id
        self.access_key_secret = access_key_secret
        self.security_token = security_token

    def get_credentials(self) -> Credentials:
        return self  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("provider", "part"),
    [
        (Unchecked(KEY_ID, SECRET, TOKEN + "\n"), "security_token"),
        (Unchecked(KEY_ID + "\r\n", SECRET), "access_key_id"),
        (Unchecked(KEY_ID, SECRET + "\x00"), "access_key_secret"),
        (Unchecked(KEY_ID, SECRET, "Tökén-" + TOKEN), "security_token"),
        (Unchecked(KEY_ID, None), "access_key_secret"),
    ],
    ids=["token-LF", "id-CRLF", "secret-NUL", "token-non-ASCII", "secret-missing"],
)
def test_unusable_credentials_from_a_provider_are_refused_before_any_header_is_set(
    provider: Unchecked, part: str
) -> None:
    request = httpx.Request("GET", ENDPOINT + JOBS_PATH)
    before = dict(request.headers)

    with pytest.raises(CredentialsError, match=f"returned unusable credentials: {part} ") as caught:
        next(RoaSigner(provider, region_id="cn-hangzhou").auth_flow(request))

    assert dict(request.headers) == before
    for value in (KEY_ID, SECRET, TOKEN):
        assert value not in str(caught.value) and value not in repr(caught.value)


def test_signer_does_not_need_the_body() -> None:
    assert RoaSigner.requires_request_body is False
    assert RoaSigner.requires_response_body is False


def test_independent_verifier_accepts_the_signers_output_and_rejects_tampering() -> None:
    out = signed(fixed_signer(), httpx.Request("GET", ENDPOINT + JOBS_PATH, params={"RegionId": "cn-hangzhou"}))
    target = out.url.raw_path.decode()
    secrets = {KEY_ID: SECRET}.get
    assert verify_roa_signature("GET", target, out.headers, secrets)
    assert not verify_roa_signature("GET", target.replace("project1", "project2"), out.headers, secrets)
    assert not verify_roa_signature("GET", target + "&x=1", out.headers, secrets)
    assert not verify_roa_signature("GET", target, out.headers, {KEY_ID: "other"}.get)
    assert not verify_roa_signature("GET", target, out.headers, lambda _key_id: None)


# --- real loopback HTTP ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[RoaVerifyingServer]:
    instance = RoaVerifyingServer({KEY_ID: SECRET}).start()
    yield instance
    instance.stop()


AWKWARD_NAMES = [
    "my pkg.jar",
    "a/b.jar",
    "what?.jar",
    "hash#tag.jar",
    "100%.jar",
    "a+b.jar",
    "..",
    ".",
    "中文包.jar",
    "a/../b?.jar",
    "~tilde",
    "x&y=z",
    "semi;colon,comma@at:colon.jar",
    "quote'\"<>|.jar",
]


def package_segment(name: str) -> str:
    """One percent-encoded path segment; dot segments escaped too, since httpx would resolve literal ones."""
    if name in (".", ".."):
        return name.replace(".", "%2E")
    return quote(name, safe="")


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_awkward_package_names_are_signed_as_sent(server: RoaVerifyingServer, name: str) -> None:
    path = f"/api/v2/projects/{quote('my project', safe='')}/packages/{package_segment(name)}/jobs"
    signer = RoaSigner(Credentials(KEY_ID, SECRET), region_id="cn-hangzhou")
    with httpx.Client(base_url=server.base_url, auth=signer) as client:
        response = client.get(path, params={"RegionId": "cn-hangzhou", "pageSize": 50, "note": name})

    assert response.status_code == 200, response.text
    seen = server.received[-1]
    assert seen.signature_ok
    segments = seen.raw_target.partition("?")[0].split("/")
    assert len(segments) == 8, seen.raw_target  # no '/', '?' or '#' leaked out of the segment
    assert segments[:6] == ["", "api", "v2", "projects", "my%20project", "packages"]
    assert unquote(segments[6]) == name
    assert segments[7] == "jobs"


def test_wrong_secret_is_refused(server: RoaVerifyingServer) -> None:
    signer = RoaSigner(Credentials(KEY_ID, "not-the-secret"), region_id="cn-hangzhou")
    with httpx.Client(base_url=server.base_url, auth=signer) as client:
        response = client.get(JOBS_PATH)
    assert response.status_code == 403


def test_async_client_uses_the_same_flow(server: RoaVerifyingServer) -> None:
    async def call() -> httpx.Response:
        signer = RoaSigner(Credentials(KEY_ID, SECRET), region_id="cn-hangzhou")
        async with httpx.AsyncClient(base_url=server.base_url, auth=signer) as client:
            return await client.get(f"/api/v2/projects/p/packages/{package_segment('a b/c')}/jobs")

    assert asyncio.run(call()).status_code == 200
    assert server.received[-1].signature_ok


# --- secrets never shown -----------------------------------------------------------------------------


def test_secret_and_token_never_appear_in_repr_str_or_logs(
    server: RoaVerifyingServer, caplog: pytest.LogCaptureFixture
) -> None:
    credentials = Credentials(KEY_ID, SECRET, TOKEN)
    signer = RoaSigner(credentials, region_id="cn-hangzhou")
    for text in (repr(signer), str(signer), repr(credentials), str(credentials)):
        assert SECRET not in text
        assert TOKEN not in text
    assert KEY_ID in repr(signer)

    caplog.set_level(logging.DEBUG)
    with httpx.Client(base_url=server.base_url, auth=signer) as client:
        response = client.get(JOBS_PATH)

    assert response.status_code == 200  # the STS token went out, and was accepted
    assert caplog.records, "httpx should have logged the request"
    logged = caplog.text + "".join(repr(record.args) + repr(record.__dict__) for record in caplog.records)
    assert SECRET not in logged
    assert TOKEN not in logged
