"""The testing fake as a downstream user meets it: documented data, generated data, faults, fixture."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import logging
import re
from urllib.parse import quote

import httpx
import pytest
import stamina

from foas_client import AsyncFoasClient, Credentials, FoasClient, KnownJobType
from foas_client.errors import AuthError, DecodeError, NotFoundError, ServerError, TransportError
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, Fault, LoopbackFake, make_jobs


@pytest.fixture(autouse=True)
def no_backoff() -> object:
    with stamina.set_testing(True, attempts=10, cap=True):
        yield


@pytest.fixture
def service() -> FakeFoasService:
    fake = FakeFoasService.with_documented_jobs()
    fake.add_jobs("p", "big.jar", make_jobs(250, project_name="p", package_name="big.jar"))
    return fake


def test_the_fixture_serves_the_documented_job_on_loopback(foas_fake: LoopbackFake) -> None:
    assert foas_fake.base_url.startswith("http://127.0.0.1:")
    with FoasClient(endpoint=foas_fake.base_url, credentials=TEST_CREDENTIALS) as client:
        page = client.get_ref_package_job("project1", "package1.jar")
    assert page.total_count == 1
    assert page.jobs.job[0].job_id == "9t9m6jfw8rb44iexhbpv3tnz"
    assert page.jobs.job[0].job_type is KnownJobType.FLINK_STREAM


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_pages_and_totals_are_consistent_in_both_formats(service: FakeFoasService, response_format: str) -> None:
    client = FoasClient(credentials=TEST_CREDENTIALS, transport=service.transport(), response_format=response_format)  # type: ignore[arg-type]
    page = client.get_ref_package_job("p", "big.jar", page_size=100, page_index=3)
    assert (page.total_count, page.total_page, page.page_index, page.page_size) == (250, 3, 3, 100)
    expected = [job.job_id for job in service.jobs("p", "big.jar")[200:]]
    assert [job.job_id for job in page.jobs.job] == expected


def test_generated_jobs_are_distinct_deterministic_and_realistic() -> None:
    first = make_jobs(50, project_name="p", package_name="x.jar", seed=7)
    again = make_jobs(50, project_name="p", package_name="x.jar", seed=7)
    assert first == again
    assert len({job.job_id for job in first}) == 50
    assert all("x.jar" in str(job.packages).split(",") for job in first)


def test_an_unknown_package_has_no_jobs(service: FakeFoasService) -> None:
    client = FoasClient(credentials=TEST_CREDENTIALS, transport=service.transport())
    page = client.get_ref_package_job("p", "nobody-uses-this.jar")
    assert page.total_count == 0
    assert page.jobs.job == []


def test_a_wrong_secret_is_refused_like_the_service_does(service: FakeFoasService) -> None:
    wrong = Credentials(TEST_CREDENTIALS.access_key_id, "not-the-secret")
    client = FoasClient(credentials=wrong, transport=service.transport())
    with pytest.raises(AuthError) as caught:
        client.get_ref_package_job("p", "big.jar")
    assert caught.value.code == "SignatureDoesNotMatch"
    assert caught.value.request_id


def test_faults_are_used_one_per_request_in_order(service: FakeFoasService) -> None:
    service.inject(Fault.error(503), Fault.throttle(), Fault.reset())
    with (
        service.serve() as fake,
        FoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS, max_attempts=4) as client,
    ):
        before = service.requests
        page = client.get_ref_package_job("p", "big.jar")
    assert page.total_count == 250
    assert service.requests - before == 4


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault.error(404, "InvalidPackage.NotFound"), NotFoundError),
        (Fault.malformed(), DecodeError),
        (Fault.html(502), ServerError),
        (Fault.truncate(), TransportError),
    ],
)
def test_each_fault_reaches_the_client_as_its_typed_error(
    service: FakeFoasService, fault: Fault, error: type[Exception]
) -> None:
    service.inject(*[fault] * 3)
    with (
        service.serve() as fake,
        FoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS) as client,
        pytest.raises(error),
    ):
        client.get_ref_package_job("p", "big.jar")


def test_the_async_transport_serves_the_async_client(service: FakeFoasService) -> None:
    async def run() -> int:
        async with AsyncFoasClient(credentials=TEST_CREDENTIALS, transport=service.async_transport()) as client:
            return sum([1 async for _ in client.iter_jobs("p", "big.jar", page_size=40, concurrency=3)])

    assert asyncio.run(run()) == 250


@pytest.mark.parametrize("query", ["pageIndex=0", "pageSize=abc", "pageIndex=2147483648", "pageSize=%C2%B2"])
def test_parameters_the_spec_refuses_are_refused_as_the_service_does(query: str) -> None:
    client = httpx.Client(transport=FakeFoasService().transport(), base_url="http://fake")
    answer = client.get(f"/api/v2/projects/p/packages/x.jar/jobs?{query}")
    assert answer.status_code == 400
    assert answer.json()["Code"] == "InvalidParameter"
    assert query.partition("=")[0] in answer.json()["Message"]


def test_generated_jobs_carry_the_path_arguments_and_ordered_times() -> None:
    jobs = make_jobs(20, project_name="proj", package_name="lib.jar", seed=1)
    assert {job.project_name for job in jobs} == {"proj"}
    assert [job.job_id for job in jobs] == sorted(str(job.job_id) for job in jobs)
    assert all(int(job.create_time) <= int(job.modify_time) for job in jobs)  # type: ignore[arg-type]


# -- signatures: V3 and ROA v1, as the official SDK generations sign them -------------------------------


def test_v3_and_v1_are_both_verified_and_recorded(service: FakeFoasService, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="foas_client.testing")
    for version in ("v3", "v1"):
        with FoasClient(
            credentials=TEST_CREDENTIALS, transport=service.transport(), signature_version=version
        ) as client:
            assert client.get_ref_package_job("p", "my pkg.jar").total_count == 0
    assert list(service.signature_versions) == ["v3", "v1"]
    logged = [record.getMessage() for record in caplog.records if record.name == "foas_client.testing"]
    assert logged == [
        "signature v3 verified: GET /api/v2/projects/p/packages/my%20pkg.jar/jobs",
        "signature v1 verified: GET /api/v2/projects/p/packages/my%20pkg.jar/jobs",
    ]


def _legacy_request(service: FakeFoasService, package: str, *, secret: str) -> httpx.Response:
    """A request signed as the legacy Python SDK signs it: ROA v1 over the *decoded* path, sent encoded.

    The string to sign is written out here, not taken from the package's signer."""
    encoded = "/api/v2/projects/p/packages/" + quote(package, safe="") + "/jobs"
    headers = {
        "Accept": "application/json",
        "Date": "Thu, 01 Jan 2026 00:00:00 GMT",
        "x-acs-region-id": "cn-hangzhou",
        "x-acs-signature-method": "HMAC-SHA1",
        "x-acs-signature-nonce": "n-1",
        "x-acs-signature-version": "1.0",
        "x-acs-version": "2018-11-11",
    }
    string = (
        "GET\napplication/json\n\n\nThu, 01 Jan 2026 00:00:00 GMT\n"
        "x-acs-region-id:cn-hangzhou\nx-acs-signature-method:HMAC-SHA1\nx-acs-signature-nonce:n-1\n"
        f"x-acs-signature-version:1.0\nx-acs-version:2018-11-11\n/api/v2/projects/p/packages/{package}/jobs"
        "?RegionId=cn-hangzhou"
    )
    digest = hmac.new(secret.encode(), string.encode(), hashlib.sha1).digest()
    headers["Authorization"] = f"acs {TEST_CREDENTIALS.access_key_id}:{base64.b64encode(digest).decode()}"
    with httpx.Client(transport=service.transport()) as client:
        return client.get("http://fake" + encoded + "?RegionId=cn-hangzhou", headers=headers)


@pytest.mark.parametrize("package", ["my pkg.jar", "中文包.jar"])
def test_v1_is_accepted_over_the_decoded_path_as_the_legacy_sdk_signs_it(
    service: FakeFoasService, package: str
) -> None:
    response = _legacy_request(service, package, secret=TEST_CREDENTIALS.access_key_secret)
    assert response.status_code == 200, response.text
    assert response.json()["TotalCount"] == 0
    assert list(service.signature_versions) == ["v1"]
    refused = _legacy_request(service, package, secret="not-the-secret")
    assert refused.json()["Code"] == "SignatureDoesNotMatch"
    assert list(service.signature_versions) == ["v1"]  # a refused request is not recorded


@pytest.mark.parametrize("version", ["v3", "v1"])
@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_a_wrong_signature_is_answered_with_the_server_string_to_sign(
    service: FakeFoasService, version: str, response_format: str
) -> None:
    token = "sts-Fake-Token-2468"
    service.credentials[TEST_CREDENTIALS.access_key_id] = Credentials(
        TEST_CREDENTIALS.access_key_id, TEST_CREDENTIALS.access_key_secret, token
    )
    wrong = Credentials(TEST_CREDENTIALS.access_key_id, "not-the-secret", token)
    with (
        FoasClient(
            credentials=wrong,
            transport=service.transport(),
            signature_version=version,  # type: ignore[arg-type]
            response_format=response_format,  # type: ignore[arg-type]
        ) as client,
        pytest.raises(AuthError) as caught,
    ):
        client.get_ref_package_job("p", "big.jar")

    error = caught.value
    assert (error.status_code, error.code) == (400, "SignatureDoesNotMatch")
    prefix, colon, server_string = (error.message or "").partition("server string to sign is:")
    assert colon and prefix == "Specified signature is not matched with our calculation. "
    if version == "v3":
        assert re.fullmatch(r"ACS3-HMAC-SHA256\n[0-9a-f]{64}", server_string)
    else:
        assert server_string.startswith(f"GET\napplication/{response_format}\n\n\n")
        assert "x-acs-security-token:***\n" in server_string  # the token is signed, never echoed
        assert server_string.endswith("/api/v2/projects/p/packages/big.jar/jobs?RegionId=cn-hangzhou")
    assert token not in str(error) and token not in repr(error)
    assert "\n" not in str(error)  # one line


def test_v3_must_sign_host_and_every_acs_header(service: FakeFoasService) -> None:
    with FoasClient(credentials=TEST_CREDENTIALS, transport=service.transport()) as client:
        request = httpx.Request("GET", "http://fake/api/v2/projects/p/packages/x/jobs?RegionId=cn-hangzhou")
        client.settings.signer.sign_request(request)
    request.headers["x-acs-extra"] = "added after signing"
    with httpx.Client(transport=service.transport()) as http:
        answer = http.send(request)
    assert answer.status_code == 400
    assert answer.json()["Code"] == "IncompleteSignature"
    assert "x-acs-extra" in answer.json()["Message"]
    assert list(service.signature_versions) == []
