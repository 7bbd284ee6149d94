"""``with_options`` and ``with_raw_response`` over real loopback HTTP, for both clients.

The fake (``FakeFoasService(...).serve()``, with ``Fault`` injection) plays slow and failing answers;
``RoaVerifyingServer`` (written independently of the package) checks each signature and records the
headers and the client port of every request, which tells whether a connection was reused.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import stamina

from foas_client import AsyncFoasClient, Credentials, FoasClient, GetRefPackageJobResponse, RawResponse
from foas_client.errors import InvalidParameterError, NotFoundError, ServerError, TimeoutError
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, Fault, LoopbackFake
from tests.support.roa_server import RoaVerifyingServer, scripted

PROJECT, PACKAGE = "project1", "package1.jar"  # the vendor's documented example
EXAMPLES = Path(__file__).resolve().parents[2] / "spec" / "examples"
DOCUMENTED_JSON = (EXAMPLES / "GetRefPackageJob.documented.json").read_bytes()
OK = (200, {"Content-Type": "application/json", "x-acs-request-id": "REQ-OK"}, DOCUMENTED_JSON)
KEY = Credentials("test-id", "test-secret")
SLOW = 0.6  # seconds the slow answers take: well above the derived client's timeout, well below the parent's
SHORT = 0.2  # seconds: the derived client's timeout

T = TypeVar("T")


@pytest.fixture
def service() -> FakeFoasService:
    return FakeFoasService.with_documented_jobs()


@pytest.fixture
def fake(service: FakeFoasService) -> Iterator[LoopbackFake]:
    with service.serve() as running:
        yield running


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def calls(
    mode: str, endpoint: str, script: Callable[[Any], Awaitable[Any]] | Callable[[Any], Any], **options: Any
) -> Any:
    """``script(client)`` with a client of ``mode`` on ``endpoint``; the async script is awaited."""
    if mode == "sync":
        with FoasClient(endpoint=endpoint, credentials=options.pop("credentials", TEST_CREDENTIALS), **options) as c:
            return script(c)

    async def go() -> Any:
        credentials = options.pop("credentials", TEST_CREDENTIALS)
        async with AsyncFoasClient(endpoint=endpoint, credentials=credentials, **options) as c:
            return await script(c)

    return asyncio.run(go())


def get(client: Any) -> Any:
    """One plain call: the model, or for the async client its awaitable."""
    return client.get_ref_package_job(PROJECT, PACKAGE)


def get_raw(client: Any) -> Any:
    return client.with_raw_response.get_ref_package_job(PROJECT, PACKAGE)


def both(mode: str, *steps: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A script running ``steps`` on one client in turn, returning their results (each step's result
    awaited for the async client; a raised exception is returned, not raised)."""
    if mode == "sync":

        def sync_script(client: Any) -> list[Any]:
            out = []
            for step in steps:
                try:
                    out.append(step(client))
                except Exception as error:
                    out.append(error)
            return out

        return sync_script

    async def async_script(client: Any) -> list[Any]:
        out = []
        for step in steps:
            try:
                out.append(await step(client))
            except Exception as error:
                out.append(error)
        return out

    return async_script


@pytest.mark.parametrize("fault", [Fault.delay(SLOW), Fault.slow_body(SLOW)], ids=["headers late", "body late"])
def test_with_options_timeout_ends_a_slow_answer_the_parent_waits_for(
    mode: str, fake: LoopbackFake, service: FakeFoasService, fault: Fault
) -> None:
    def derived(client: Any) -> Any:
        service.inject(fault)
        return client.with_options(timeout=SHORT, max_attempts=1).get_ref_package_job(PROJECT, PACKAGE)

    def parent(client: Any) -> Any:
        service.inject(fault)
        return client.get_ref_package_job(PROJECT, PACKAGE)

    timed_out, answered = calls(mode, fake.base_url, both(mode, derived, parent))
    assert isinstance(timed_out, TimeoutError), timed_out
    assert "0.2 s" in str(timed_out) or "did not answer in time" in str(timed_out)
    assert isinstance(answered, GetRefPackageJobResponse) and answered.total_count >= 1


def test_with_options_max_attempts_and_deadline_hold_per_call(
    mode: str, fake: LoopbackFake, service: FakeFoasService
) -> None:
    def once(client: Any) -> Any:
        service.inject(Fault.error(503), Fault.error(503))
        return client.with_options(max_attempts=1).get_ref_package_job(PROJECT, PACKAGE)

    def thrice(client: Any) -> Any:  # the parent's 3 attempts absorb the same two failures
        return client.get_ref_package_job(PROJECT, PACKAGE)

    before = service.requests
    failed, recovered = calls(mode, fake.base_url, both(mode, once, thrice))
    assert isinstance(failed, ServerError) and failed.status_code == 503
    assert isinstance(recovered, GetRefPackageJobResponse)
    assert service.requests - before == 1 + 2  # once; then the second 503 and the answer


def test_with_options_deadline_holds_per_call(mode: str, fake: LoopbackFake, service: FakeFoasService) -> None:
    def past_deadline(client: Any) -> Any:  # the first attempt outlasts the deadline: no second one
        service.inject(Fault.delay(0.3))
        return client.with_options(deadline=0.1, timeout=0.2).get_ref_package_job(PROJECT, PACKAGE)

    def in_time(client: Any) -> Any:  # the parent's deadline (10 s) lets the second attempt run
        service.inject(Fault.delay(0.3))
        return client.with_options(timeout=0.2).get_ref_package_job(PROJECT, PACKAGE)

    # stamina's test mode counts attempts only; the deadline is the subject here, so real retries
    with stamina.set_testing(False):
        before = service.requests
        late, answered = calls(mode, fake.base_url, both(mode, past_deadline, in_time))
    assert isinstance(late, TimeoutError), late
    assert isinstance(answered, GetRefPackageJobResponse), answered
    assert service.requests - before == 1 + 2


def test_with_options_headers_are_sent_signed_and_the_pool_is_shared(mode: str) -> None:
    with RoaVerifyingServer({KEY.access_key_id: KEY.access_key_secret}, scripted(OK, OK, OK)) as server:

        def step(client: Any) -> Any:
            derived = client.with_options(headers={"x-acs-trace": "t-1", "X-Team": "data"})
            assert derived._http is client._http and type(derived) is type(client)
            assert derived.with_raw_response is not client.with_raw_response
            return derived.get_ref_package_job(PROJECT, PACKAGE)

        results = calls(mode, server.base_url, both(mode, get, step, get), credentials=KEY)
    assert all(isinstance(r, GetRefPackageJobResponse) for r in results), results
    first, derived, last = server.received
    assert all(r.signature_ok for r in server.received)
    assert derived.headers["x-acs-trace"] == "t-1" and derived.headers["x-team"] == "data"
    assert "x-acs-trace" in derived.headers["authorization"]  # an x-acs-* header is signed
    assert "x-acs-trace" not in first.headers and "x-acs-trace" not in last.headers  # the parent's stay its own
    assert first.peer == derived.peer == last.peer  # one connection, reused by parent and derived


def test_closing_a_derived_client_leaves_the_parent_s_pool_open(mode: str, fake: LoopbackFake) -> None:
    if mode == "sync":
        with FoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS) as client:
            with client.with_options(timeout=5) as derived:
                derived.get_ref_package_job(PROJECT, PACKAGE)
            with pytest.raises(InvalidParameterError, match="is closed"):
                derived.get_ref_package_job(PROJECT, PACKAGE)
            assert not client._http.is_closed
            client.get_ref_package_job(PROJECT, PACKAGE)
            other = client.with_options(max_attempts=1)
        with pytest.raises(InvalidParameterError, match="is closed"):  # the owner closed the pool
            other.get_ref_package_job(PROJECT, PACKAGE)
        return

    async def go() -> None:
        async with AsyncFoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS) as client:
            async with client.with_options(timeout=5) as derived:
                await derived.get_ref_package_job(PROJECT, PACKAGE)
            with pytest.raises(InvalidParameterError, match="is closed"):
                await derived.get_ref_package_job(PROJECT, PACKAGE)
            assert not client._http.is_closed
            await client.get_ref_package_job(PROJECT, PACKAGE)
            other = client.with_options(max_attempts=1)
        with pytest.raises(InvalidParameterError, match="is closed"):
            await other.get_ref_package_job(PROJECT, PACKAGE)

    asyncio.run(go())


def test_with_raw_response_after_a_retried_503(mode: str, fake: LoopbackFake, service: FakeFoasService) -> None:
    def raw(client: Any) -> Any:
        service.inject(Fault.error(503))
        return get_raw(client)

    answer, plain = calls(mode, fake.base_url, both(mode, raw, get))
    assert isinstance(answer, RawResponse), answer
    assert answer.attempts == 2 and answer.status_code == 200
    assert answer.request_id and answer.request_id == answer.parse().request_id
    assert answer.elapsed > 0 and answer.http_response.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    # the same model as the plain call's, but for the RequestId the fake makes afresh for each answer
    assert {**answer.parse().to_dict(), "RequestId": ""} == {**plain.to_dict(), "RequestId": ""}
    assert type(answer.parse()) is type(plain)


def test_with_raw_response_on_a_derived_client_counts_its_own_attempts(
    mode: str, fake: LoopbackFake, service: FakeFoasService
) -> None:
    def raw(client: Any) -> Any:
        service.inject(Fault.error(503), Fault.error(503))
        return client.with_options(max_attempts=3).with_raw_response.get_ref_package_job(PROJECT, PACKAGE)

    (answer,) = calls(mode, fake.base_url, both(mode, raw), max_attempts=1)
    assert isinstance(answer, RawResponse) and answer.attempts == 3


def test_with_raw_response_raises_the_typed_error(mode: str, fake: LoopbackFake, service: FakeFoasService) -> None:
    def missing(client: Any) -> Any:
        service.inject(Fault.error(404))
        return client.with_raw_response.get_ref_package_job(PROJECT, PACKAGE)

    def failing(client: Any) -> Any:
        service.inject(Fault.error(503), Fault.error(503))
        return client.with_raw_response.get_ref_package_job(PROJECT, PACKAGE)

    not_found, server_error = calls(mode, fake.base_url, both(mode, missing, failing), max_attempts=2)
    assert isinstance(not_found, NotFoundError), not_found
    assert isinstance(server_error, ServerError) and server_error.status_code == 503


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"timeout": 0}, "timeout"),
        ({"timeout": None}, "timeout"),
        ({"timeout": "5"}, "timeout"),
        ({"timeout": math.nan}, "timeout"),
        ({"max_attempts": 0}, "max_attempts"),
        ({"max_attempts": "3"}, "max_attempts"),
        ({"max_attempts": True}, "max_attempts"),
        ({"deadline": -1}, "deadline"),
        ({"deadline": "10"}, "deadline"),
        ({"headers": [("a", "b")]}, "headers"),
        ({"headers": {"X-Bad": "a\r\nInjected: 1"}}, "headers"),
        ({"headers": {"Bad Name": "a"}}, "headers"),
        ({"headers": {"Authorization": "Bearer x"}}, "headers"),
        ({"headers": {"X-Number": 5}}, "headers"),
    ],
)
def test_with_options_checks_each_option_at_once(options: dict[str, Any], named: str) -> None:
    for client in (
        FoasClient(endpoint="http://127.0.0.1:9", credentials=TEST_CREDENTIALS),
        AsyncFoasClient(endpoint="http://127.0.0.1:9", credentials=TEST_CREDENTIALS),
    ):
        with pytest.raises(InvalidParameterError, match=named) as raised:
            client.with_options(**options)
        assert "Injected" not in str(raised.value) and "Bearer" not in str(raised.value)


def test_with_options_keeps_what_it_is_not_given() -> None:
    client = FoasClient(endpoint="http://127.0.0.1:9", credentials=TEST_CREDENTIALS, timeout=7, max_attempts=5)
    derived = client.with_options(headers={"X-A": "1"}).with_options(deadline=None, headers={"X-B": "2"})
    assert derived.settings.attempt_timeout == 7 and derived.settings.retry.max_attempts == 5
    assert derived.settings.retry.deadline is None and dict(derived.settings.headers) == {"X-A": "1", "X-B": "2"}
    assert client.settings.retry.deadline == 10 and not client.settings.headers
    assert derived.settings.signer is client.settings.signer  # the same credentials
    client.close()
