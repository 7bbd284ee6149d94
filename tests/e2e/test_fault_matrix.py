"""The fault matrix: every way the service (or what stands in front of it) fails, over real loopback HTTP.

Each case is a ``FakeFoasService`` with faults queued (``Fault``) or pagination bent (``Misbehaviour``),
served on 127.0.0.1, and called through ``FoasClient`` and ``AsyncFoasClient`` in JSON and in XML, then
through the ``foas`` command in process and, for a few, as a process of its own. Each case states what a
user expects: the call retries and succeeds, or it fails with one clear typed error (and the command
with one line on stderr and its exit code), after the expected number of requests, never showing the
secret. Retries do not wait (``stamina.set_testing``, in process); a slow server is a fault the fake
acts out and its stop wakes, never a sleep here. Each test records its outcome, its requests and its
time (``record_property``: see them with ``--junitxml``).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import stamina

from foas_client import AsyncFoasClient, Credentials, FoasClient
from foas_client._cli import ExitCode, main
from foas_client._core.credentials import ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN
from foas_client._core.http.core import ENV_REGION_ID
from foas_client.errors import (
    AuthError,
    DecodeError,
    FoasError,
    PaginationError,
    ServerError,
    ThrottlingError,
    TimeoutError,
    TransportError,
)
from foas_client.testing import FakeFoasService, Fault, LoopbackFake, Misbehaviour, make_jobs

KEY_ID, SECRET = "LTAI5tFaultMatrixKey", "fault-Matrix-Secret-4c1b"
CREDENTIALS = Credentials(KEY_ID, SECRET)
PROJECT, PACKAGE = "project1", "package1.jar"  # the documented job
BIG_PACKAGE, BIG_COUNT, PAGE_SIZE = "big.jar", 25, 10  # three pages
TIMEOUT = 0.2  # seconds per attempt: the slow faults last far longer (until the fake stops)
SLOW = 30.0  # seconds a slow fault would last; the fake's stop wakes it
ATTEMPTS = 3  # the client's default
HTML_200 = Fault.malformed(b"<html><body><h1>Service Unavailable</h1></body></html>", content_type="text/html")


@dataclass(frozen=True)
class Case:
    """One fault scenario and what a user expects of it."""

    faults: tuple[Fault, ...] = ()
    misbehaviour: Misbehaviour | None = None
    error: type[FoasError] | None = None  # None: the call succeeds
    requests: int = 1  # requests the fake sees
    exit_code: ExitCode = ExitCode.OK
    listing: bool = False  # read every page (iter_jobs, --all) of a 25-job listing
    after_page_1: tuple[Fault, ...] = ()  # queued once the first page arrived: they hit page 2
    slow: bool = False  # the failure takes TIMEOUT per attempt
    marks: tuple[Any, ...] = field(default=())


CASES: dict[str, Case] = {
    "503 then success": Case((Fault.error(503),), requests=2),
    "503 every time": Case((Fault.error(503),) * 3, error=ServerError, requests=3, exit_code=ExitCode.API_ERROR),
    "429 then success": Case((Fault.throttle(429),), requests=2),
    "429 with Retry-After then success": Case((Fault.throttle(429, retry_after="1"),), requests=2),
    "429 every time": Case((Fault.throttle(429),) * 3, error=ThrottlingError, requests=3, exit_code=ExitCode.API_ERROR),
    "Throttling.User (400) then success": Case((Fault.throttle(),), requests=2),
    "Throttling.User (400) every time": Case(
        (Fault.throttle(),) * 3, error=ThrottlingError, requests=3, exit_code=ExitCode.API_ERROR
    ),
    "reset connection then success": Case((Fault.reset(),), requests=2),
    "reset connection every time": Case(
        (Fault.reset(),) * 3, error=TransportError, requests=3, exit_code=ExitCode.TRANSPORT
    ),
    "slow headers then success": Case((Fault.delay(SLOW),), requests=2, slow=True),
    "slow headers every time": Case(
        (Fault.delay(SLOW),) * 3, error=TimeoutError, requests=3, exit_code=ExitCode.TRANSPORT, slow=True
    ),
    "slow body then success": Case((Fault.slow_body(SLOW),), requests=2, slow=True),
    "slow body every time": Case(
        (Fault.slow_body(SLOW),) * 3, error=TimeoutError, requests=3, exit_code=ExitCode.TRANSPORT, slow=True
    ),
    "truncated body then success": Case((Fault.truncate(),), requests=2),
    "truncated body every time": Case(
        (Fault.truncate(),) * 3, error=TransportError, requests=3, exit_code=ExitCode.TRANSPORT
    ),
    "HTML error page (502) then success": Case((Fault.html(),), requests=2),
    "HTML error page (502) every time": Case(
        (Fault.html(),) * 3, error=ServerError, requests=3, exit_code=ExitCode.API_ERROR
    ),
    "HTML page with 200": Case((HTML_200,), error=DecodeError, exit_code=ExitCode.UNDECODABLE),
    "truncated JSON with 200": Case((Fault.malformed(),), error=DecodeError, exit_code=ExitCode.UNDECODABLE),
    "bad credentials (403)": Case(
        (Fault.error(403, "InvalidAccessKeyId.NotFound"),), error=AuthError, exit_code=ExitCode.API_ERROR
    ),
    "all pages": Case(listing=True, requests=3),
    "503 on page 2 then success": Case(after_page_1=(Fault.error(503),), listing=True, requests=4),
    "repeating pages": Case(
        misbehaviour=Misbehaviour(ignore_page_index=True),
        error=PaginationError,
        requests=2,
        exit_code=ExitCode.UNDECODABLE,
        listing=True,
    ),
    "shrinking totals": Case(
        misbehaviour=Misbehaviour(shrink_totals_by=PAGE_SIZE),
        error=PaginationError,
        requests=2,
        exit_code=ExitCode.UNDECODABLE,
        listing=True,
    ),
    "empty page before the announced end": Case(
        misbehaviour=Misbehaviour(empty_from_page=2),
        error=PaginationError,
        requests=2,
        exit_code=ExitCode.UNDECODABLE,
        listing=True,
    ),
}


def cases(*names: str) -> list[Any]:
    return [pytest.param(name, id=name, marks=CASES[name].marks) for name in names or CASES]


@pytest.fixture(autouse=True)
def no_backoff() -> Iterator[None]:
    """Retries at once, and at most the client's own ``max_attempts`` (3)."""
    with stamina.set_testing(True, attempts=ATTEMPTS, cap=True):
        yield


@pytest.fixture(scope="module")
def stopper() -> Iterator[ThreadPoolExecutor]:
    """Stops fakes in the background (a stop waits up to 0.5 s for the server loop; its first step wakes
    every held answer at once); all are stopped before the module ends."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        yield pool


def prepared(name: str) -> FakeFoasService:
    case = CASES[name]
    service = FakeFoasService.with_documented_jobs(credentials=[CREDENTIALS])
    service.add_jobs(PROJECT, BIG_PACKAGE, make_jobs(BIG_COUNT, project_name=PROJECT, package_name=BIG_PACKAGE))
    if case.misbehaviour is not None:
        service.misbehaviour = case.misbehaviour
    service.inject(*case.faults)
    return service


@pytest.fixture
def serve(stopper: ThreadPoolExecutor) -> Iterator[Callable[[FakeFoasService], LoopbackFake]]:
    started: list[LoopbackFake] = []

    def start(service: FakeFoasService) -> LoopbackFake:
        fake = service.serve().start()
        started.append(fake)
        return fake

    yield start
    for fake in started:
        stopper.submit(fake.stop)


@dataclass
class Observed:
    value: Any
    error: BaseException | None
    elapsed: float
    requests: int

    def describe(self) -> str:
        if self.error is None:
            count = len(self.value) if isinstance(self.value, list) else self.value.total_count
            return f"ok: {count} jobs" if isinstance(self.value, list) else f"ok: TotalCount {count}"
        return f"{type(self.error).__name__}: {self.error}"


def call(case: Case, service: FakeFoasService, fake: LoopbackFake, mode: str, response_format: str) -> Any:
    options: dict[str, Any] = {
        "endpoint": fake.base_url,
        "credentials": CREDENTIALS,
        "response_format": response_format,
        "timeout": TIMEOUT,
    }
    jobs: list[Any] = []

    def arrived(job: Any) -> None:
        jobs.append(job)
        if len(jobs) == 1:  # page 1 is in; with concurrency 1, page 2 is asked for only now
            service.inject(*case.after_page_1)

    if mode == "sync":
        with FoasClient(**options) as client:
            if not case.listing:
                return client.get_ref_package_job(PROJECT, PACKAGE)
            for job in client.iter_jobs(PROJECT, BIG_PACKAGE, page_size=PAGE_SIZE):
                arrived(job)
            return jobs

    async def run() -> Any:
        async with AsyncFoasClient(**options) as client:
            if not case.listing:
                return await client.get_ref_package_job(PROJECT, PACKAGE)
            async for job in client.iter_jobs(PROJECT, BIG_PACKAGE, page_size=PAGE_SIZE):
                arrived(job)
            return jobs

    return asyncio.run(run())


def observe(name: str, serve: Callable[[FakeFoasService], LoopbackFake], mode: str, response_format: str) -> Observed:
    case = CASES[name]
    service = prepared(name)
    fake = serve(service)
    started = time.perf_counter()
    value: Any = None
    error: BaseException | None = None
    try:
        value = call(case, service, fake, mode, response_format)
    except Exception as exc:
        error = exc
    return Observed(value, error, time.perf_counter() - started, service.requests)


def assert_expected(name: str, observed: Observed, record: Callable[[str, object], None]) -> None:
    case = CASES[name]
    record("outcome", observed.describe())
    record("requests", observed.requests)
    record("elapsed_ms", round(observed.elapsed * 1000, 1))
    if case.error is None:
        assert observed.error is None, observed.describe()
        if case.listing:
            assert [job.job_id for job in observed.value] == [
                job.job_id for job in make_jobs(BIG_COUNT, project_name=PROJECT, package_name=BIG_PACKAGE)
            ]
        else:
            assert observed.value.jobs.job[0].job_id == "9t9m6jfw8rb44iexhbpv3tnz"
    else:
        assert isinstance(observed.error, case.error), observed.describe()
        text = str(observed.error)
        assert "\n" not in text and text.strip()
        assert SECRET not in text and SECRET not in repr(observed.error)
    assert observed.requests == case.requests
    bound = TIMEOUT * case.requests + 1.0 if case.slow else 1.0
    assert observed.elapsed < bound


@pytest.mark.parametrize("response_format", ["json", "xml"])
@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("name", cases())
def test_the_client(name: str, mode: str, response_format: str, serve: Any, record_property: Any) -> None:
    assert_expected(name, observe(name, serve, mode, response_format), record_property)


@pytest.mark.parametrize("name", ["reset connection every time", "truncated body every time"])
def test_an_async_transport_error_says_what_happened(name: str, serve: Any) -> None:
    observed = observe(name, serve, "async", "json")
    assert isinstance(observed.error, TransportError), observed.describe()
    assert not str(observed.error).rstrip().endswith(":"), str(observed.error)


# --- the command ---------------------------------------------------------------------------------------


@dataclass
class Run:
    code: int
    out: str
    err: str
    elapsed: float
    requests: int


def arguments(name: str, endpoint: str) -> list[str]:
    case = CASES[name]
    package = BIG_PACKAGE if case.listing else PACKAGE
    paging = ["--all", "--page-size", str(PAGE_SIZE)] if case.listing else []
    return [
        "get-ref-package-job",
        *("--project-name", PROJECT, "--package-name", package, *paging),
        *("--endpoint", endpoint, "--output", "json", "--timeout", str(TIMEOUT)),
    ]


def assert_command(name: str, run: Run, record: Callable[[str, object], None]) -> None:
    case = CASES[name]
    record("exit_code", run.code)
    record("stderr", run.err.strip())
    record("requests", run.requests)
    record("elapsed_ms", round(run.elapsed * 1000, 1))
    assert "Traceback" not in run.err
    assert SECRET not in run.out + run.err
    assert run.code == case.exit_code, run.err
    if case.error is None:
        assert run.err == ""
        expected = BIG_COUNT if case.listing else 1
        assert len(json.loads(run.out)) == expected
    else:
        lines = run.err.splitlines()
        assert len(lines) == 1 and run.err.endswith("\n"), run.err
        assert lines[0].startswith("foas: error: ")


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv(ENV_ACCESS_KEY_ID, KEY_ID)
    monkeypatch.setenv(ENV_ACCESS_KEY_SECRET, SECRET)
    monkeypatch.delenv(ENV_SECURITY_TOKEN, raising=False)
    monkeypatch.delenv(ENV_REGION_ID, raising=False)
    return monkeypatch


COMMAND_CASES = [name for name, case in CASES.items() if not case.after_page_1]  # --all reads pages ahead


@pytest.mark.parametrize("name", cases(*COMMAND_CASES))
def test_the_command_in_process(
    name: str, serve: Any, environment: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], record_property: Any
) -> None:
    service = prepared(name)
    fake = serve(service)
    capsys.readouterr()
    started = time.perf_counter()
    code = main(arguments(name, fake.base_url))
    elapsed = time.perf_counter() - started
    captured = capsys.readouterr()
    assert_command(name, Run(code, captured.out, captured.err, elapsed, service.requests), record_property)


PROCESS_CASES = [
    "503 then success",
    "reset connection every time",
    "HTML error page (502) every time",
    "shrinking totals",
]


@pytest.mark.parametrize("name", cases(*PROCESS_CASES))
def test_the_command_as_a_process(name: str, serve: Any, record_property: Any) -> None:
    # A real process: real backoff waits (stamina's, 0.2 s doubling plus jitter), the real stderr.
    service = prepared(name)
    fake = serve(service)
    environment = {**os.environ, ENV_ACCESS_KEY_ID: KEY_ID, ENV_ACCESS_KEY_SECRET: SECRET}
    for name_ in (ENV_SECURITY_TOKEN, ENV_REGION_ID):
        environment.pop(name_, None)
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "foas_client", *arguments(name, fake.base_url)],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        cwd=Path(__file__).parent,
    )
    elapsed = time.perf_counter() - started
    run = Run(completed.returncode, completed.stdout, completed.stderr, elapsed, service.requests)
    assert_command(name, run, record_property)
    assert elapsed < 10
