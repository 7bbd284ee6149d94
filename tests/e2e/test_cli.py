"""The ``foas`` command in process (``main(argv)``) against the fake service on real loopback HTTP.

Every option and output, both wire formats, ``--all`` over thousands of jobs, the execution plan
view, and every failure: its exit code and its one line on stderr, which never holds the secret.
Retries run without waiting (stamina's test mode, see ``conftest.py``). The same command run as a
process is in ``test_cli_process.py``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from foas_client import FoasClient, Job
from foas_client._cli import ExitCode, main
from foas_client._core.cli.core import ALL_PAGES_CONCURRENCY
from foas_client._core.credentials import ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN
from foas_client._core.http.core import ENV_REGION_ID
from foas_client._core.paging import PageRules
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, Fault, LoopbackFake, make_jobs
from tests.support.pages import job_fields, operation, parameters, python_name, request_path

EXAMPLES = Path(__file__).resolve().parents[2] / "spec" / "examples"
DOCUMENTED_JOB = json.loads((EXAMPLES / "GetRefPackageJob.documented.json").read_bytes())["Jobs"]["Job"][0]
OPERATION_ID = "GetRefPackageJob"
DOCUMENTED = ("--project-name", "project1", "--package-name", "package1.jar")
BIG_PROJECT, BIG_PACKAGE, BIG_COUNT = "bayes team/α", "big.jar", 2_345
BIG = ("--project-name", BIG_PROJECT, "--package-name", BIG_PACKAGE)
LISTING = python_name(OPERATION_ID).replace("_", "-")  # the command is named after the operation
REQUEST_ID = re.compile(r"\(RequestId [0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\)$")

pytestmark = pytest.mark.usefixtures("environment")


@cache
def big_jobs() -> tuple[Job, ...]:
    return tuple(make_jobs(BIG_COUNT, project_name=BIG_PROJECT, package_name=BIG_PACKAGE))


def big_ids(start: int = 0) -> list[str]:
    return [str(job.job_id) for job in big_jobs()[start:]]


@pytest.fixture
def service() -> FakeFoasService:
    service = FakeFoasService.with_documented_jobs()
    service.add_jobs(BIG_PROJECT, BIG_PACKAGE, big_jobs())
    return service


@pytest.fixture(scope="module")
def stopper() -> Iterator[ThreadPoolExecutor]:
    """Stops fakes in the background (each stop waits up to 0.5 s for the server loop); all are
    stopped before the module ends."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        yield pool


@pytest.fixture
def fake(service: FakeFoasService, stopper: ThreadPoolExecutor) -> Iterator[LoopbackFake]:
    """The service on loopback. A test that holds an answer (``Fault.delay``) calls ``fake.stop()``
    itself, so that the held answer is released, and fails on its closed connection, within the test."""
    fake = service.serve().start()
    yield fake
    stopper.submit(fake.stop)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- the documented job ---------------------------------------------------------------------------


@pytest.mark.parametrize("wire", ["json", "xml"])
def test_json_output_is_the_documented_job_with_the_api_names_and_the_spec_types(foas, wire: str) -> None:
    run = foas(LISTING, *DOCUMENTED, "--output", "json", "--response-format", wire)
    assert (run.code, run.err) == (0, "")
    records = json.loads(run.out)
    assert isinstance(records, list) and len(records) == 1
    job = records[0]
    assert len(DOCUMENTED_JOB) == 19  # the vendor's documented job: every value it documents
    assert list(job) == [name for name in job_fields() if name in DOCUMENTED_JOB]  # the spec's names and order
    assert set(job) == set(DOCUMENTED_JOB)
    for name, documented in DOCUMENTED_JOB.items():
        assert job[name] == documented, name
        assert type(job[name]) is type(documented), name
    assert job["IsCommitted"] is True
    assert (job["CreateTime"], job["ModifyTime"], job["FolderId"]) == (1551161842000, 1583722910000, 10148)
    assert job["Creator"] == job["Modifier"] == "1709064687573327"  # a string in the spec, though all digits
    assert (job["JobId"], job["JobName"], job["JobType"], job["ApiType"]) == (
        "9t9m6jfw8rb44iexhbpv3tnz",
        "job1",
        "FLINK_STREAM",
        "DATASTREAM",
    )
    assert (job["ProjectName"], job["ClusterId"], job["QueueName"]) == ("bayes_team", "et2cloud****", "root.bayes_team")
    assert (job["EngineVersion"], job["Packages"], job["Description"]) == (
        "blink-3.4.4",
        "blink_test_datastream.jar",
        "",
    )
    assert job["Code"].endswith("ChinanTopSpeedWindowing2\r\nblink.job.name=datastream_prestest")
    assert job["Properties"].startswith("#checkpoint模式:EXACTLY_ONCE")
    assert json.loads(job["PlanJson"])["nodes"][3]["type"] == "Sink: Unnamed"


def test_jsonl_output_is_one_object_per_line(foas) -> None:
    run = foas(LISTING, *DOCUMENTED, "--output", "jsonl")
    assert (run.code, run.err) == (0, "")
    assert run.out.count("\n") == 1
    assert json.loads(run.out) == DOCUMENTED_JOB


def test_csv_output_is_a_header_of_the_spec_fields_and_a_row_per_job(foas) -> None:
    run = foas(LISTING, *DOCUMENTED, "--output", "csv")
    assert (run.code, run.err) == (0, "")
    header, *rows = list(csv.reader(io.StringIO(run.out, newline="")))
    assert header == job_fields()
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["IsCommitted"] == "true"
    assert row["CreateTime"] == "1551161842000"
    assert row["Code"] == DOCUMENTED_JOB["Code"]  # CR LF inside a quoted field survives
    assert row["PlanJson"] == DOCUMENTED_JOB["PlanJson"]
    assert row["Description"] == ""


def test_table_output_is_the_default_with_dates_and_a_footer(foas) -> None:
    run = foas(LISTING, *DOCUMENTED)
    assert (run.code, run.err) == (0, "")
    lines = run.out.splitlines()
    assert re.split(r"\s{2,}", lines[0].strip()) == [
        "JobId",
        "JobName",
        "JobType",
        "ApiType",
        "IsCommitted",
        "CreateTime (UTC)",
        "ModifyTime (UTC)",
        "EngineVersion",
    ]
    assert set(lines[1].strip()) == {"─"}
    assert re.split(r"\s{2,}", lines[2].strip()) == [
        "9t9m6jfw8rb44iexhbpv3tnz",
        "job1",
        "FLINK_STREAM",
        "DATASTREAM",
        "yes",
        "2019-02-26 06:17:22",
        "2020-03-09 03:01:50",
        "blink-3.4.4",
    ]
    assert lines[3:] == ["1 job on page 1 of 1 (1 in all)"]


def test_without_rich_the_table_is_plain_aligned_text(foas, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rich", None)  # as if the `cli` extra were not installed
    run = foas(LISTING, *DOCUMENTED)
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        "JobId                     JobName  JobType       ApiType     IsCommitted  CreateTime (UTC)     "
        "ModifyTime (UTC)     EngineVersion\n"
        "------------------------  -------  ------------  ----------  -----------  -------------------  "
        "-------------------  -------------\n"
        "9t9m6jfw8rb44iexhbpv3tnz  job1     FLINK_STREAM  DATASTREAM  yes          2019-02-26 06:17:22  "
        "2020-03-09 03:01:50  blink-3.4.4\n"
        "1 job on page 1 of 1 (1 in all)\n"
    )


@pytest.mark.parametrize("rich", [True, False], ids=["rich", "plain"])
def test_a_table_shows_blank_cells_for_fields_not_sent_and_text_as_text(
    foas, service: FakeFoasService, monkeypatch: pytest.MonkeyPatch, rich: bool
) -> None:
    if not rich:
        monkeypatch.setitem(sys.modules, "rich", None)
    service.add_jobs("p", "sparse.jar", [Job(job_id="[bold]x[/bold]", job_name="名前\n2", is_committed=False)])
    run = foas(LISTING, "--project-name", "p", "--package-name", "sparse.jar")
    assert (run.code, run.err) == (0, "")
    row = run.out.splitlines()[2]
    assert row.split() == ["[bold]x[/bold]", "名前", "2", "no"]  # no markup read, one line per job
    assert run.out.splitlines()[-1] == "1 job on page 1 of 1 (1 in all)"


def test_fields_the_server_did_not_send_are_left_out_of_json_and_blank_in_csv(foas, service: FakeFoasService) -> None:
    service.add_jobs("p", "sparse.jar", [Job(job_id="only-id", is_committed=False, folder_id=0)])
    run = foas(LISTING, "--project-name", "p", "--package-name", "sparse.jar", "--output", "json")
    assert json.loads(run.out) == [{"FolderId": 0, "IsCommitted": False, "JobId": "only-id"}]
    run = foas(LISTING, "--project-name", "p", "--package-name", "sparse.jar", "--output", "csv")
    header, row = list(csv.reader(io.StringIO(run.out, newline="")))
    assert {name: value for name, value in zip(header, row, strict=True) if value} == {
        "FolderId": "0",
        "IsCommitted": "false",
        "JobId": "only-id",
    }


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("json", "[]\n"),
        ("jsonl", ""),
        ("csv", ",".join(job_fields()) + "\n"),
        ("table", "0 jobs\n"),
    ],
)
@pytest.mark.parametrize("pages", [(), ("--all",)], ids=["one-page", "all"])
def test_a_package_no_job_references_prints_an_empty_listing(
    foas, output: str, expected: str, pages: tuple[str, ...]
) -> None:
    run = foas(LISTING, "--project-name", "project1", "--package-name", "unused.jar", "--output", output, *pages)
    assert (run.code, run.out, run.err) == (0, expected, "")


# -- pages ----------------------------------------------------------------------------------------


def test_page_size_and_page_index_choose_one_page(foas) -> None:
    run = foas(LISTING, *BIG, "--page-size", "5", "--page-index", "3", "--output", "jsonl")
    assert (run.code, run.err) == (0, "")
    assert [json.loads(line)["JobId"] for line in run.out.splitlines()] == big_ids()[10:15]
    table = foas(LISTING, *BIG, "--page-size", "5", "--page-index", "3")
    assert table.out.splitlines()[-1] == "5 jobs on page 3 of 469 (2345 in all)"
    assert len(table.out.splitlines()) == 2 + 5 + 1


def test_without_options_one_page_of_the_server_default_size_is_printed(foas) -> None:
    run = foas(LISTING, *BIG, "--output", "json")
    assert [job["JobId"] for job in json.loads(run.out)] == big_ids()[:10]


@pytest.mark.parametrize("wire", ["json", "xml"])
@pytest.mark.parametrize("output", ["json", "jsonl", "csv"])
def test_all_prints_every_job_once_in_order(foas, output: str, wire: str) -> None:
    run = foas(LISTING, *BIG, "--all", "--page-size", "100", "--output", output, "--response-format", wire)
    assert (run.code, run.err) == (0, "")
    if output == "json":
        ids = [job["JobId"] for job in json.loads(run.out)]
    elif output == "jsonl":
        ids = [json.loads(line)["JobId"] for line in run.out.splitlines()]
    else:
        header, *rows = list(csv.reader(io.StringIO(run.out, newline="")))
        ids = [row[header.index("JobId")] for row in rows]
    assert len(ids) == BIG_COUNT == len(set(ids))
    assert ids == big_ids()


@pytest.mark.parametrize("concurrency", ["1", "3", "64"])
def test_all_with_any_concurrency_prints_every_job_once_in_order(foas, concurrency: str) -> None:
    run = foas(LISTING, *BIG, "--all", "--page-size", "100", "--output", "jsonl", "--concurrency", concurrency)
    assert (run.code, run.err) == (0, "")
    assert [json.loads(line)["JobId"] for line in run.out.splitlines()] == big_ids()


def test_all_reads_each_page_once(foas, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk that checks each page hands the command its items: no page is read a second time (the
    first page once more, for the totals its progress line shows)."""
    reads: list[object] = []
    read = PageRules.read

    def counted(self: PageRules, page: object) -> object:
        reads.append(page)
        return read(self, page)

    monkeypatch.setattr(PageRules, "read", counted)
    run = foas(LISTING, *BIG, "--all", "--page-size", "500", "--output", "jsonl")
    assert (run.code, run.err) == (0, "")
    pages = -(-len(big_ids()) // 500)
    assert len(reads) == pages + 1
    assert len({id(page) for page in reads}) == pages


def test_all_records_are_the_jobs_as_served(foas) -> None:
    run = foas(LISTING, *BIG, "--all", "--page-size", "500", "--output", "jsonl")
    assert [json.loads(line) for line in run.out.splitlines()] == [job.to_dict() for job in big_jobs()]


def test_all_starts_at_page_index(foas) -> None:
    run = foas(LISTING, *BIG, "--all", "--page-size", "100", "--page-index", "20", "--output", "json")
    assert (run.code, run.err) == (0, "")
    assert [job["JobId"] for job in json.loads(run.out)] == big_ids(1_900)


def test_all_with_the_server_default_page_size(foas, service: FakeFoasService) -> None:
    service.add_jobs("p", "mid.jar", big_jobs()[:95])
    run = foas(LISTING, "--project-name", "p", "--package-name", "mid.jar", "--all", "--output", "jsonl")
    assert [json.loads(line)["JobId"] for line in run.out.splitlines()] == big_ids()[:95]
    assert service.requests == 10


def test_all_as_a_table_has_one_row_per_job_and_says_how_many_pages(foas) -> None:
    run = foas(LISTING, *BIG, "--all", "--page-size", "100")
    assert (run.code, run.err) == (0, "")
    lines = run.out.splitlines()
    assert len(lines) == 2 + BIG_COUNT + 1
    assert [line.split()[0] for line in lines[2:-1]] == big_ids()
    assert lines[-1] == "2345 jobs from 24 pages"


def test_jsonl_streams_each_page_as_it_arrives(service: FakeFoasService, fake: LoopbackFake, monkeypatch) -> None:
    class Recorder(io.StringIO):
        """stdout that notes how many requests the server had seen at each flush."""

        def __init__(self) -> None:
            super().__init__()
            self.lines = 0
            self.flushed: list[tuple[int, int]] = []  # (lines written so far, requests seen by then)

        def write(self, text: str) -> int:
            self.lines += text.count("\n")
            return super().write(text)

        def flush(self) -> None:
            self.flushed.append((self.lines, service.requests))

    out = Recorder()
    monkeypatch.setattr(sys, "stdout", out)
    code = main([LISTING, *BIG, "--all", "--page-size", "100", "--output", "jsonl", "--endpoint", fake.base_url])
    assert code == 0
    assert out.getvalue().count("\n") == BIG_COUNT
    assert [lines for lines, _ in out.flushed] == [*range(100, BIG_COUNT, 100), BIG_COUNT]  # a flush per page
    first_line_requests = out.flushed[0][1]
    assert first_line_requests <= 1 + ALL_PAGES_CONCURRENCY < 24  # printed long before the last page


# -- the client options ---------------------------------------------------------------------------


# The client's record of an attempt, as -v prints it (see attempt_log).
ATTEMPT_LINE = re.compile(
    rf"foas: {OPERATION_ID} GET 127\.0\.0\.1 -> (?P<outcome>[^ ]+(?: [A-Za-z]+)?) RequestId=[0-9A-F-]{{36}} "
    r"attempt=(?P<attempt>\d+) elapsed_ms=\d+\.\d (?P<decision>will retry|final)"
)


def test_verbose_shows_each_attempt_and_very_verbose_each_request(foas) -> None:
    run = foas(LISTING, *DOCUMENTED, "--region-id", "cn-shanghai", "--output", "json", "-v")
    assert run.code == 0 and json.loads(run.out)[0]["JobId"] == DOCUMENTED_JOB["JobId"]
    (line,) = run.err.splitlines()
    found = ATTEMPT_LINE.fullmatch(line)
    assert found and found.group("outcome", "attempt", "decision") == ("200", "1", "final"), line
    run = foas(LISTING, *DOCUMENTED, "--region-id", "cn-shanghai", "--output", "json", "-vv")
    request, attempt = run.err.splitlines()
    assert request.startswith("foas: HTTP Request: GET http://127.0.0.1:")
    path = request_path(OPERATION_ID, projectName="project1", packageName="package1.jar")
    assert f"{path}?RegionId=cn-shanghai" in request
    assert request.endswith('"HTTP/1.1 200 OK"')
    assert ATTEMPT_LINE.fullmatch(attempt)


def test_the_region_defaults_to_the_environment(foas, environment: pytest.MonkeyPatch) -> None:
    environment.setenv(ENV_REGION_ID, "eu-central-1")
    run = foas(LISTING, *DOCUMENTED, "--output", "json", "--verbose", "--verbose")
    assert "RegionId=eu-central-1" in run.err


@pytest.mark.parametrize(
    ("region", "endpoint"),
    [
        ("cn-shanghai", "https://foas.cn-shanghai.aliyuncs.com"),
        ("cn-hongkong", "https://foas.aliyuncs.com"),  # the spec's x-endpoints, as the official SDKs have it
        ("us-east-1", "https://foas.ap-northeast-1.aliyuncs.com"),
    ],
)
def test_the_endpoint_defaults_to_the_region_s_and_a_failure_to_reach_it_names_it(
    foas, environment: pytest.MonkeyPatch, region: str, endpoint: str
) -> None:
    # No test reaches the real endpoint: a proxy at a closed port makes the failure certain and
    # immediate (httpx honours the proxy variables), and the line names the endpoint the client chose.
    proxy = f"http://127.0.0.1:{closed_port()}"
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        environment.setenv(name, proxy)
    for name in ("NO_PROXY", "no_proxy"):
        environment.delenv(name, raising=False)
    run = foas(LISTING, *DOCUMENTED, "--region-id", region, "--max-attempts", "1", endpoint=None)
    assert run.code == ExitCode.TRANSPORT
    assert f"({endpoint}; timeout 10 s, 1 attempt)" in run.err_line


def test_max_attempts_retries_transient_failures(foas, service: FakeFoasService) -> None:
    service.inject(Fault.error(503), Fault.error(503))
    assert foas(LISTING, *DOCUMENTED, "--output", "json").code == 0  # default: 3 attempts
    assert service.requests == 3
    service.inject(Fault.error(503), Fault.error(503))
    run = foas(LISTING, *DOCUMENTED, "--max-attempts", "2")
    assert run.code == ExitCode.API_ERROR and run.out == ""
    assert run.err_line.startswith("foas: error: HTTP 503 ServiceUnavailable: ServiceUnavailable (RequestId ")
    assert REQUEST_ID.search(run.err_line)


def test_verbose_shows_retries_and_the_default_does_not(foas, service: FakeFoasService) -> None:
    service.inject(Fault.error(503))
    quiet = foas(LISTING, *DOCUMENTED, "--output", "json")
    assert (quiet.code, quiet.err) == (0, "")
    service.inject(Fault.error(503))
    chatty = foas(LISTING, *DOCUMENTED, "--output", "json", "-v")
    assert chatty.code == 0 and json.loads(chatty.out) == json.loads(quiet.out)
    retries = [line for line in chatty.err.splitlines() if line.startswith("foas: retry ")]
    assert len(retries) == 1
    assert re.fullmatch(
        r"foas: retry 1 in \d+\.\d\d s after ServerError: HTTP 503 ServiceUnavailable: ServiceUnavailable "
        r"\(RequestId [0-9A-F-]{36}\)",
        retries[0],
    )
    attempts = [ATTEMPT_LINE.fullmatch(line) for line in chatty.err.splitlines() if not line.startswith("foas: retry ")]
    assert [found.group("outcome", "attempt", "decision") for found in attempts if found] == [
        ("503 ServerError", "1", "will retry"),
        ("200", "2", "final"),
    ]
    assert len(attempts) == 2 and "HTTP Request" not in chatty.err  # httpx's lines are for -vv
    service.inject(Fault.error(503))
    louder = foas(LISTING, *DOCUMENTED, "--output", "json", "-vv")
    assert '"HTTP/1.1 503 Service Unavailable"' in louder.err and '"HTTP/1.1 200 OK"' in louder.err
    assert len([line for line in louder.err.splitlines() if ATTEMPT_LINE.fullmatch(line)]) == 2


def test_the_command_leaves_stamina_and_logging_as_it_found_them(foas, service: FakeFoasService) -> None:
    import logging

    from stamina.instrumentation import get_on_retry_hooks

    loggers = [logging.getLogger(name) for name in ("httpx", "foas_client")]
    hooks, states = get_on_retry_hooks(), [(logger.level, list(logger.handlers)) for logger in loggers]
    service.inject(Fault.error(503))
    foas(LISTING, *DOCUMENTED, "-vv")
    assert get_on_retry_hooks() == hooks
    assert [(logger.level, logger.handlers) for logger in loggers] == states


def test_timeout_gives_up_on_a_slow_answer(foas, service: FakeFoasService, fake: LoopbackFake) -> None:
    service.inject(Fault.delay(5))
    started = time.monotonic()
    run = foas(LISTING, *DOCUMENTED, "--timeout", "0.2", "--max-attempts", "1")
    assert time.monotonic() - started < 3
    fake.stop()
    assert (run.code, run.out) == (ExitCode.TRANSPORT, "")
    assert run.err_line.startswith("foas: error: ReadTimeout: the service did not answer in time (http://127.0.0.1:")
    assert run.err_line.endswith("; timeout 0.2 s, 1 attempt)")


def test_a_closed_port_is_a_transport_failure(foas) -> None:
    endpoint = f"http://127.0.0.1:{closed_port()}"
    run = foas(LISTING, *DOCUMENTED, endpoint=endpoint)
    assert (run.code, run.out) == (ExitCode.TRANSPORT, "")
    assert run.err_line.startswith("foas: error: ConnectError: ")
    assert run.err_line.endswith(f"({endpoint}; timeout 10 s, 3 attempts)")


# -- failures: one line, an exit code, never the secret -------------------------------------------


def test_a_wrong_secret_names_the_code_and_the_request_id(foas, environment: pytest.MonkeyPatch) -> None:
    secret = "Wrong-Secret-Value-4711"
    environment.setenv(ENV_ACCESS_KEY_SECRET, secret)
    for wire, version, server_string in (
        ("json", "v3", "server string to sign is:ACS3-HMAC-SHA256 "),  # the newline is a space on the one line
        ("xml", "v3", "server string to sign is:ACS3-HMAC-SHA256 "),
        ("json", "v1", "server string to sign is:GET application/json "),
    ):
        run = foas(LISTING, *DOCUMENTED, "--response-format", wire, "--signature-version", version)
        assert (run.code, run.out) == (ExitCode.API_ERROR, "")
        assert run.err_line.startswith("foas: error: HTTP 400 SignatureDoesNotMatch: Specified signature is not")
        assert server_string in run.err_line, run.err_line
        assert REQUEST_ID.search(run.err_line)
        assert secret not in run.err


def test_an_unknown_access_key_is_an_api_error(foas, environment: pytest.MonkeyPatch) -> None:
    environment.setenv(ENV_ACCESS_KEY_ID, "LTAI-unknown")
    run = foas(LISTING, *DOCUMENTED)
    assert run.code == ExitCode.API_ERROR
    assert "HTTP 403 InvalidAccessKeyId.NotFound: Specified access key is not found." in run.err_line


@pytest.mark.parametrize("wire", ["json", "xml"])
def test_a_missing_package_names_the_code_and_the_request_id(foas, service: FakeFoasService, wire: str) -> None:
    service.inject(Fault.error(404, "InvalidPackage.NotFound", "The specified package does not exist."))
    run = foas(LISTING, *DOCUMENTED, "--response-format", wire)
    assert (run.code, run.out) == (ExitCode.API_ERROR, "")
    assert run.err_line.startswith(
        "foas: error: HTTP 404 InvalidPackage.NotFound: The specified package does not exist. (RequestId "
    )
    assert REQUEST_ID.search(run.err_line)


def test_throttling_after_the_retries_is_an_api_error(foas, service: FakeFoasService) -> None:
    service.inject(Fault.throttle(), Fault.throttle(), Fault.throttle())
    run = foas(LISTING, *DOCUMENTED)
    assert run.code == ExitCode.API_ERROR
    assert "HTTP 400 Throttling.User: Request was denied due to user flow control." in run.err_line


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        (Fault.malformed(), "foas: error: cannot decode HTTP 200 response (application/json): "),
        (Fault.html(200), "foas: error: cannot decode HTTP 200 response (text/html): "),
        (
            Fault.malformed(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "application/xml"),
            "foas: error: cannot decode HTTP 200 response (application/xml): ",
        ),
    ],
    ids=["truncated-json", "html-page", "xml-with-entities"],
)
def test_an_undecodable_answer_exits_3(foas, service: FakeFoasService, fault: Fault, expected: str) -> None:
    service.inject(fault)
    run = foas(LISTING, *DOCUMENTED, "--output", "json")
    assert (run.code, run.out) == (ExitCode.UNDECODABLE, "")
    assert run.err_line.startswith(expected)


def test_a_proxy_s_html_error_page_is_an_api_error_without_a_code(foas, service: FakeFoasService) -> None:
    service.inject(Fault.html())
    run = foas(LISTING, *DOCUMENTED, "--max-attempts", "1")
    assert run.code == ExitCode.API_ERROR
    assert run.err_line.startswith("foas: error: HTTP 502: ")


def test_pages_that_do_not_add_up_exit_3_after_the_good_ones(foas, service: FakeFoasService) -> None:
    service.misbehaviour.ignore_page_index = True
    run = foas(LISTING, *BIG, "--all", "--page-size", "100", "--output", "jsonl")
    assert run.code == ExitCode.UNDECODABLE
    assert run.err_line.startswith(f"foas: error: {OPERATION_ID} page 2: ")
    assert [json.loads(line)["JobId"] for line in run.out.splitlines()] == big_ids()[:100]


def test_missing_credentials_exit_5_and_name_the_variables(foas, environment: pytest.MonkeyPatch) -> None:
    environment.delenv(ENV_ACCESS_KEY_ID)
    environment.delenv(ENV_ACCESS_KEY_SECRET)
    environment.setitem(sys.modules, "alibabacloud_credentials", None)
    environment.setitem(sys.modules, "alibabacloud_credentials.client", None)
    run = foas(LISTING, *DOCUMENTED)
    assert (run.code, run.out) == (ExitCode.CREDENTIALS, "")
    assert ENV_ACCESS_KEY_ID in run.err_line and ENV_ACCESS_KEY_SECRET in run.err_line


def test_half_set_credentials_exit_5(foas, environment: pytest.MonkeyPatch) -> None:
    environment.delenv(ENV_ACCESS_KEY_SECRET)
    run = foas(LISTING, *DOCUMENTED)
    assert run.code == ExitCode.CREDENTIALS
    assert run.err_line == f"foas: error: environment variable {ENV_ACCESS_KEY_SECRET} is not set or empty"


def test_an_unexpected_error_is_one_line_too(foas, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something\nunforeseen")

    monkeypatch.setattr(FoasClient, "get_ref_package_job", broken)
    run = foas(LISTING, *DOCUMENTED)
    assert run.code == ExitCode.INTERNAL
    assert run.err_line == "foas: internal error: RuntimeError: something unforeseen"


def test_ctrl_c_exits_130(foas, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(FoasClient, "get_ref_package_job", interrupted)
    run = foas(LISTING, *DOCUMENTED)
    assert (run.code, run.err_line) == (ExitCode.INTERRUPTED, "foas: interrupted")


SECRET = "Never-Print-This-Secret-0042"
TOKEN = "Never-Print-This-Token-0042"


@pytest.mark.parametrize("verbosity", ["-v", "-vv"])
@pytest.mark.parametrize(
    "scenario",
    ["wrong-secret", "server-error", "timeout", "undecodable", "verbose-retry", "success"],
)
def test_the_secret_and_the_token_never_appear(
    foas, service: FakeFoasService, fake: LoopbackFake, environment: pytest.MonkeyPatch, scenario: str, verbosity: str
) -> None:
    environment.setenv(ENV_ACCESS_KEY_SECRET, SECRET)
    environment.setenv(ENV_SECURITY_TOKEN, TOKEN)
    if scenario in ("server-error", "timeout", "undecodable", "verbose-retry", "success"):
        # credentials the fake accepts: the same secret and token
        service.credentials = {"sts-id": type(TEST_CREDENTIALS)("sts-id", SECRET, TOKEN)}
        environment.setenv(ENV_ACCESS_KEY_ID, "sts-id")
    else:
        environment.setenv(ENV_ACCESS_KEY_ID, TEST_CREDENTIALS.access_key_id)
    faults = {
        "server-error": [Fault.error(500)] * 3,
        "timeout": [Fault.delay(5)],
        "undecodable": [Fault.malformed()],
        "verbose-retry": [Fault.error(503)],
    }
    service.inject(*faults.get(scenario, []))
    extra = ["--timeout", "0.2", "--max-attempts", "1"] if scenario == "timeout" else []
    run = foas(LISTING, *DOCUMENTED, "--output", "json", verbosity, *extra)
    if scenario == "timeout":
        fake.stop()
    assert SECRET not in run.out + run.err and TOKEN not in run.out + run.err
    signatures = (
        "Authorization",
        "ACS3-HMAC-SHA256 Credential",
        "acs sts-id:",
        f"acs {TEST_CREDENTIALS.access_key_id}:",
    )
    assert not any(signed in run.out + run.err for signed in signatures)
    assert f"foas: {OPERATION_ID} GET 127.0.0.1 -> " in run.err  # the records were shown
    assert (run.code == 0) == (scenario in ("verbose-retry", "success"))


# -- usage ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "foas: error: the following arguments are required: COMMAND (see 'foas --help')"),
        ([LISTING], "the following arguments are required: --project-name, --package-name"),
        ([LISTING, "--project-name", "p"], "the following arguments are required: --package-name"),
        (
            [LISTING, *DOCUMENTED, "--page-size", "0"],
            "argument --page-size: must be an integer from 1 to 2147483647, got 0",
        ),
        ([LISTING, *DOCUMENTED, "--page-index", "x"], "argument --page-index: expected an integer, got 'x'"),
        ([LISTING, *DOCUMENTED, "--output", "yaml"], "argument --output: invalid choice: 'yaml'"),
        ([LISTING, *DOCUMENTED, "--response-format", "csv"], "argument --response-format: invalid choice: 'csv'"),
        ([LISTING, *DOCUMENTED, "--timeout", "0"], "argument --timeout: must be a positive number of seconds, got 0"),
        ([LISTING, *DOCUMENTED, "--timeout", "nan"], "argument --timeout: must be a positive number of seconds"),
        (
            [LISTING, *DOCUMENTED, "--max-attempts", "0"],
            "argument --max-attempts: must be an integer of at least 1, got 0",
        ),
        ([LISTING, *DOCUMENTED, "--endpoint", "ftp://x"], "argument --endpoint: expected an http:// or https:// URL"),
        ([LISTING, *DOCUMENTED, "--endpoint", ""], "argument --endpoint: expected an http:// or https:// URL"),
        ([LISTING, *DOCUMENTED, "--endpoint", "foas.example.com"], "argument --endpoint: expected an http://"),
        ([LISTING, *DOCUMENTED, "--endpoint", "http://"], "argument --endpoint: expected a host after http://"),
        ([LISTING, *DOCUMENTED, "--endpoint", "https://h?x=1"], "argument --endpoint: expected no user info, query"),
        (
            [LISTING, *DOCUMENTED, "--all", "--concurrency", "0"],
            "argument --concurrency: must be an integer from 1 to 64, got 0",
        ),
        ([LISTING, *DOCUMENTED, "--all", "--concurrency", "65"], "argument --concurrency: must be an integer from 1"),
        ([LISTING, *DOCUMENTED, "--surprise"], "unrecognized arguments: --surprise"),
        (["plan", *DOCUMENTED, "--job-id", "a", "--job-name", "b"], "argument --job-name: not allowed with"),
        (["plan", *DOCUMENTED, "--format", "svg"], "argument --format: invalid choice: 'svg'"),
        (["plan", *DOCUMENTED, "--page-index", "2"], "unrecognized arguments: --page-index 2"),
    ],
)
def test_usage_errors_exit_2_with_one_line(foas, service: FakeFoasService, argv: list[str], message: str) -> None:
    run = foas(*argv, endpoint=None)
    assert (run.code, run.out) == (ExitCode.USAGE, "")
    assert message in run.err_line
    assert re.match(r"foas( [a-z-]+)?: error: ", run.err_line)
    assert service.requests == 0


def test_an_empty_package_name_is_refused_before_sending(foas, service: FakeFoasService) -> None:
    run = foas(LISTING, "--project-name", "project1", "--package-name", "")
    assert (run.code, service.requests) == (ExitCode.USAGE, 0)
    assert "error: argument --package-name: must not be empty" in run.err_line


def spec_options() -> list[str]:
    """The listing's usage for the spec's parameters: the required ones, the page size and number, ``--all``,
    then the others, each in the spec's order."""
    declared = parameters(OPERATION_ID)
    paging = operation(OPERATION_ID)["x-pagination"]
    required = [p for p in declared if p.get("required")]
    pages = [p for name in (paging["sizeParameter"], paging["pageParameter"]) for p in declared if p["name"] == name]
    pages = [p for p in pages if p not in required]
    rest = [p for p in declared if p not in required and p not in pages]

    def option(parameter: dict[str, Any]) -> str:
        metavar = "INT" if parameter["schema"]["type"] == "integer" else "TEXT"
        text = f"--{python_name(parameter['name']).replace('_', '-')} {metavar}"
        return text if parameter in required else f"[{text}]"

    guards = ["[--exit-code]", "[--count]"]
    return [*map(option, required + pages), "[--all]", "[--concurrency N]", *guards, *map(option, rest)]


def test_help_prints_the_contract_usage_and_the_exit_codes(foas) -> None:
    run = foas(LISTING, "--help", endpoint=None)
    assert (run.code, run.err) == (0, "")
    usage = " ".join(run.out.split("\n\n")[0].split())
    assert usage == " ".join(
        [
            f"usage: foas {LISTING} [-h]",
            *spec_options(),
            "[--endpoint URL] [--response-format json|xml] [--output table|json|jsonl|csv] [--timeout SECONDS]",
            "[--max-attempts N] [--signature-version v3|v1] [--proxy URL] [--ca-bundle PATH | --no-verify]",
            "[--cert PATH] [--key PATH] [--max-connections N] [--max-keepalive-connections N]",
            "[--keepalive-expiry SECONDS] [--no-trust-env] [-v]",
        ]
    )
    for code in ExitCode:
        assert re.search(rf"^  {int(code)} +\S", run.out, re.M), code
    assert ENV_ACCESS_KEY_SECRET in run.out and ENV_REGION_ID in run.out
    top = foas("--help", endpoint=None)
    assert top.code == 0 and LISTING in top.out and "plan" in top.out


# -- progress -------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def terminal_stderr(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """stderr as a terminal, from here to the end of the test (called in the test: capsys takes
    sys.stderr over when the test starts, after the fixtures)."""
    stream = Terminal()
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setenv("TERM", "xterm-256color")
    for name in ("NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return stream


def test_all_shows_a_progress_bar_on_a_terminal(foas, monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = terminal_stderr(monkeypatch)
    run = foas(LISTING, *BIG, "--all", "--page-size", "100", "--output", "json")
    assert run.code == 0 and len(json.loads(run.out)) == BIG_COUNT
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", stderr.getvalue())  # without the terminal's control codes
    assert f"{OPERATION_ID} {BIG_PACKAGE}" in shown and "24/24 pages" in shown


@pytest.mark.parametrize(
    ("argv", "why"),
    [
        ((*BIG, "--all", "--page-size", "2000"), "two pages are over before a bar helps"),
        ((*BIG, "--page-size", "100"), "one page asked for"),
    ],
)
def test_no_progress_bar_for_few_pages(foas, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...], why: str) -> None:
    stderr = terminal_stderr(monkeypatch)
    run = foas(LISTING, *argv, "--output", "json")
    assert run.code == 0 and len(json.loads(run.out)) > 0
    assert stderr.getvalue() == "", why


def test_no_progress_bar_without_rich(foas, monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = terminal_stderr(monkeypatch)
    monkeypatch.setitem(sys.modules, "rich", None)
    run = foas(LISTING, *BIG, "--all", "--page-size", "100", "--output", "json")
    assert run.code == 0 and len(json.loads(run.out)) == BIG_COUNT
    assert stderr.getvalue() == ""


def test_no_progress_bar_over_output_streaming_to_the_same_terminal(
    fake: LoopbackFake, monkeypatch: pytest.MonkeyPatch
) -> None:
    stderr = terminal_stderr(monkeypatch)
    out = Terminal()
    monkeypatch.setattr(sys, "stdout", out)
    code = main([LISTING, *BIG, "--all", "--page-size", "100", "--output", "jsonl", "--endpoint", fake.base_url])
    assert code == 0 and out.getvalue().count("\n") == BIG_COUNT
    assert stderr.getvalue() == ""


# -- plan -----------------------------------------------------------------------------------------


def test_plan_shows_the_first_job_s_plan_as_text_by_default(foas, service: FakeFoasService) -> None:
    run = foas("plan", *DOCUMENTED)
    assert (run.code, run.err) == (0, "")
    lines = run.out.splitlines()
    assert lines[:4] == [
        "Job 9t9m6jfw8rb44iexhbpv3tnz (job1)",
        "Execution plan: 4 nodes",
        "[1] Data Source: Source: Custom Source (parallelism 1)",
        "    <- (no inputs)",
    ]
    assert lines[-2:] == ["[5] Data Sink: Sink: Unnamed (parallelism 1)", "    <- [4] FORWARD"]
    assert service.requests == 1


@pytest.mark.parametrize("wire", ["json", "xml"])
def test_plan_as_mermaid_and_dot(foas, wire: str) -> None:
    mermaid = foas("plan", *DOCUMENTED, "--format", "mermaid", "--response-format", wire)
    assert mermaid.code == 0 and mermaid.out.startswith("flowchart LR\n")
    assert '    n2 -->|"KEY-GROUP"| n4' in mermaid.out
    dot = foas("plan", *DOCUMENTED, "--format", "dot", "--response-format", wire)
    assert dot.code == 0 and dot.out.startswith("digraph plan {")
    assert '    n2 -> n4 [label="KEY-GROUP"];' in dot.out


@pytest.mark.parametrize("option", ["--job-id", "--job-name"])
def test_plan_finds_a_job_by_id_or_name_across_pages(foas, option: str) -> None:
    job = big_jobs()[1_234]
    value = job.job_id if option == "--job-id" else job.job_name
    run = foas("plan", *BIG, option, str(value), "--page-size", "100")
    assert run.code == 0
    assert run.out.splitlines()[0] == f"Job {job.job_id} ({job.job_name})"
    assert run.out.splitlines()[1] == "Execution plan: 5 nodes"


def test_plan_without_a_matching_job_exits_6(foas) -> None:
    run = foas("plan", *BIG, "--job-id", "no-such-job", "--page-size", "500")
    assert (run.code, run.out) == (ExitCode.NOTHING_TO_SHOW, "")
    assert run.err_line == (
        "foas: error: no job with --job-id 'no-such-job' in "
        "get-ref-package-job --project-name 'bayes team/α' --package-name 'big.jar'"
    )
    none = foas("plan", "--project-name", "project1", "--package-name", "unused.jar")
    assert none.code == ExitCode.NOTHING_TO_SHOW
    assert none.err_line.startswith("foas: error: no job in get-ref-package-job --project-name 'project1'")


def test_plan_of_a_job_without_a_plan_exits_6_and_a_broken_plan_exits_3(foas, service: FakeFoasService) -> None:
    service.add_jobs("p", "plans.jar", [Job(job_id="no-plan"), Job(job_id="broken", plan_json='{"nodes": [{"id": "x"')])
    run = foas("plan", "--project-name", "p", "--package-name", "plans.jar")
    assert run.code == ExitCode.NOTHING_TO_SHOW
    assert run.err_line == (
        "foas: error: job no-plan of get-ref-package-job --project-name 'p' --package-name 'plans.jar' has no PlanJson"
    )
    broken = foas("plan", "--project-name", "p", "--package-name", "plans.jar", "--job-id", "broken")
    assert broken.code == ExitCode.UNDECODABLE
    assert broken.err_line.startswith("foas: error: cannot decode response: PlanJson is not JSON: ")


def test_plan_failures_are_the_listing_s(foas, service: FakeFoasService) -> None:
    service.inject(Fault.error(404, "InvalidPackage.NotFound"))
    run = foas("plan", *DOCUMENTED)
    assert run.code == ExitCode.API_ERROR and "InvalidPackage.NotFound" in run.err_line


# -- hostile text in job fields ------------------------------------------------------------------------

HOSTILE_TEXT = "job\x1b[2J\x1b]0;owned\x07\u202eexe.txt\x9b\x00end"


@pytest.mark.parametrize("output", ["table", "csv"])
def test_control_and_escape_characters_from_job_fields_reach_the_terminal_as_visible_escapes(
    foas, service: FakeFoasService, output: str
) -> None:
    job = Job.from_dict({"JobId": "hostile", "JobName": HOSTILE_TEXT, "Description": "line1\r\nline2\x1b[0m"})
    service.add_jobs("p", "hostile.jar", [job])
    run = foas(LISTING, "--project-name", "p", "--package-name", "hostile.jar", "--output", output)
    assert (run.code, run.err) == (0, "")
    for char in "\x1b\x07\x9b\x00\u202e":
        assert char not in run.out, repr(char)
    assert "\\x1b[2J" in run.out and "\\u202e" in run.out
    if output == "csv":
        header, row = list(csv.reader(io.StringIO(run.out, newline="")))
        record = dict(zip(header, row, strict=True))
        assert record["Description"] == "line1\r\nline2\\x1b[0m"  # CSV keeps its quoted line breaks
        assert record["JobName"] == HOSTILE_TEXT.encode("unicode_escape").decode()


@pytest.mark.parametrize("wire", ["json", "xml"])
def test_an_error_body_sent_with_200_fails_the_listing_instead_of_printing_no_jobs(
    foas, service: FakeFoasService, wire: str
) -> None:
    service.inject(Fault.error(200, "InvalidPackage.NotFound", "package not found"))
    run = foas(LISTING, *DOCUMENTED, "--all", "--output", "json", "--response-format", wire)
    assert (run.code, run.out) == (ExitCode.API_ERROR, "")
    assert "HTTP 200 InvalidPackage.NotFound: package not found" in run.err_line
