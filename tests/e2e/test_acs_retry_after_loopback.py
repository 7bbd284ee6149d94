"""``x-acs-retry-after`` over real loopback HTTP: waited out, by both clients and the ``foas`` command.

The official SDKs and CLI treat any error carrying ``x-acs-retry-after`` (a positive integer of
milliseconds) as throttling and wait that long (aliyun/darabonba-openapi PR #283, aliyun/aliyun-cli
PR #1395). Here the waits are real, measured with ``time.monotonic``, and stamina's own record of
each retry (``RetryDetails.wait_for``) shows which wait was chosen: the server's, not the backoff.
"""

from __future__ import annotations

import asyncio
import logging
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from stamina.instrumentation import RetryDetails

from foas_client import AsyncFoasClient, FoasClient, GetRefPackageJobResponse
from foas_client._cli import main
from foas_client._core.credentials import ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN
from foas_client._core.http.core import ENV_REGION_ID
from foas_client.errors import ApiError, ThrottlingError
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, Fault, LoopbackFake

# The vendor's documented example: project1/package1.jar holds the documented job.
PROJECT, PACKAGE = "project1", "package1.jar"
WAIT_MS = "300"
WAIT = 0.3  # seconds: WAIT_MS as the client reads it
IGNORED = ["", "0", "-5", "abc", "1.5"]  # what the official SDKs ignore: no throttling, no wait
BOUND = 30.0  # seconds: a hung process fails the test instead of hanging the run


@pytest.fixture(autouse=True)
def no_backoff() -> Iterator[None]:
    """Real waits here (the conftest's fixture of this name turns them off): the waits are the subject."""
    yield


@pytest.fixture
def service() -> FakeFoasService:
    return FakeFoasService.with_documented_jobs()


@pytest.fixture
def fake(service: FakeFoasService) -> Iterator[LoopbackFake]:
    with service.serve() as running:
        yield running


Call = Callable[..., GetRefPackageJobResponse]


def call_sync(endpoint: str, **options: Any) -> GetRefPackageJobResponse:
    with FoasClient(endpoint=endpoint, credentials=TEST_CREDENTIALS, **options) as client:
        return client.get_ref_package_job(PROJECT, PACKAGE)


def call_async(endpoint: str, **options: Any) -> GetRefPackageJobResponse:
    async def run() -> GetRefPackageJobResponse:
        async with AsyncFoasClient(endpoint=endpoint, credentials=TEST_CREDENTIALS, **options) as client:
            return await client.get_ref_package_job(PROJECT, PACKAGE)

    return asyncio.run(run())


@pytest.fixture(params=["sync", "async"])
def call(request: pytest.FixtureRequest) -> Call:
    return call_sync if request.param == "sync" else call_async


def timed(run: Callable[[], Any]) -> tuple[Any, float]:
    started = time.monotonic()
    result = run()
    return result, time.monotonic() - started


THROTTLED = {
    "Throttling.User": Fault.throttle(acs_retry_after=WAIT_MS),  # 400, as the service sends it
    "another Code": Fault.error(400, "InvalidParameter", acs_retry_after=WAIT_MS),  # throttling all the same
    "a 5xx": Fault.error(503, acs_retry_after=WAIT_MS),
}


@pytest.mark.parametrize("fault", THROTTLED.values(), ids=THROTTLED.keys())
def test_the_wait_is_waited_out_then_the_call_succeeds(
    call: Call, service: FakeFoasService, fake: LoopbackFake, retries: list[RetryDetails], fault: Fault
) -> None:
    service.inject(fault)

    page, elapsed = timed(lambda: call(fake.base_url))

    assert page.jobs.job[0].job_name == "job1"  # the documented job
    assert elapsed >= WAIT
    assert service.requests == 2
    [retry] = retries
    assert retry.wait_for == WAIT  # the server's wait, not the exponential backoff
    assert isinstance(retry.caused_by, ThrottlingError)
    assert retry.caused_by.retry_after == retry.caused_by.acs_retry_after == WAIT


def test_the_wait_outranks_retry_after(call: Call, service: FakeFoasService, fake: LoopbackFake) -> None:
    service.inject(Fault.throttle(retry_after="3", acs_retry_after=WAIT_MS))

    _, elapsed = timed(lambda: call(fake.base_url))

    assert WAIT <= elapsed < 3


def test_still_throttled_after_the_attempts_raises_with_the_wait(
    call: Call, service: FakeFoasService, fake: LoopbackFake
) -> None:
    service.inject(*[Fault.error(400, "InvalidParameter", acs_retry_after=WAIT_MS)] * 2)

    with pytest.raises(ThrottlingError) as caught:
        call(fake.base_url, max_attempts=2)

    assert caught.value.retry_after == WAIT
    assert caught.value.code == "InvalidParameter"
    assert service.requests == 2


@pytest.mark.parametrize("value", IGNORED)
def test_an_ignored_value_decides_nothing(call: Call, service: FakeFoasService, fake: LoopbackFake, value: str) -> None:
    service.inject(Fault.error(400, "InvalidParameter", acs_retry_after=value))

    with pytest.raises(ApiError) as caught:
        call(fake.base_url)

    assert type(caught.value) is ApiError  # not throttling: a plain 400, never retried
    assert (caught.value.retry_after, caught.value.acs_retry_after) == (None, None)
    assert service.requests == 1


def test_the_wait_is_capped_by_the_deadline(
    call: Call, service: FakeFoasService, fake: LoopbackFake, caplog: pytest.LogCaptureFixture
) -> None:
    deadline = 0.5
    service.inject(Fault.throttle(acs_retry_after="60000"))  # a minute

    with caplog.at_level(logging.DEBUG, logger="foas_client"):
        page, elapsed = timed(lambda: call(fake.base_url, deadline=deadline))

    assert page.jobs.job[0].job_name == "job1"
    assert deadline * 0.8 <= elapsed < deadline + 2  # waited until about the deadline, not a minute
    assert service.requests == 2
    decisions = [record.foas_attempt["decision"] for record in caplog.records if hasattr(record, "foas_attempt")]
    assert decisions == ["will retry", "final"]  # the attempt log agrees with the loop


def test_past_the_deadline_there_is_no_retry_and_the_log_agrees(call: Call, caplog: pytest.LogCaptureFixture) -> None:
    slow = FakeFoasService.with_documented_jobs(latency=0.3)  # the answer comes after the deadline
    slow.inject(Fault.throttle(acs_retry_after="60000"))

    with (
        slow.serve() as fake,
        caplog.at_level(logging.DEBUG, logger="foas_client"),
        pytest.raises(ThrottlingError) as caught,
    ):
        call(fake.base_url, deadline=0.2, timeout=5)

    assert caught.value.retry_after == 60.0
    assert slow.requests == 1
    records = [record.foas_attempt for record in caplog.records if hasattr(record, "foas_attempt")]
    assert [record["decision"] for record in records] == ["final"]


# --- the foas command ----------------------------------------------------------------------------


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv(ENV_ACCESS_KEY_ID, TEST_CREDENTIALS.access_key_id)
    monkeypatch.setenv(ENV_ACCESS_KEY_SECRET, TEST_CREDENTIALS.access_key_secret)
    monkeypatch.delenv(ENV_SECURITY_TOKEN, raising=False)
    monkeypatch.delenv(ENV_REGION_ID, raising=False)
    return monkeypatch


@pytest.mark.parametrize("fault", THROTTLED.values(), ids=THROTTLED.keys())
def test_the_command_waits_it_out_too(
    environment: pytest.MonkeyPatch,
    service: FakeFoasService,
    fake: LoopbackFake,
    capsys: pytest.CaptureFixture[str],
    fault: Fault,
) -> None:
    service.inject(fault)
    argv = ["get-ref-package-job", "--project-name", PROJECT, "--package-name", PACKAGE, "--output", "jsonl"]

    code, elapsed = timed(lambda: main([*argv, "--endpoint", fake.base_url]))

    captured = capsys.readouterr()
    assert (code, captured.err) == (0, "")
    assert '"JobName":"job1"' in captured.out.replace(" ", "")
    assert elapsed >= WAIT
    assert service.requests == 2


_FIRST_LINE = re.compile(r"^fake: (?P<url>http://\S+) ")


def test_the_fake_process_sends_the_header_when_told(environment: pytest.MonkeyPatch) -> None:
    """``serve --fault acs-retry-after:MS[:STATUS[:CODE]]``: the wire as a service in another process sees it."""
    command = [sys.executable, "-m", "foas_client.testing", "serve", "--port", "0"]
    command += ["--fault", f"acs-retry-after:{WAIT_MS}:400:InvalidParameter"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            match = _FIRST_LINE.match(process.stdout.readline())
            assert match is not None
            page, elapsed = timed(lambda: call_sync(match["url"]))
            assert page.jobs.job[0].job_name == "job1"
            assert elapsed >= WAIT
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=BOUND) == 0
