"""The testing fake as a downstream user meets it: documented data, generated data, faults, fixture."""

from __future__ import annotations

import asyncio

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
