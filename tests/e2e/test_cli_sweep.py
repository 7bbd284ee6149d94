"""``foas unreferenced-packages`` and the guarded ``foas delete-package`` in process, against the fake on loopback.

What is expected comes from the data given to the fake (the packages, the jobs referencing them). The
fake records every request it answers (``request_log``, ``deletes``), so a test can say that no DELETE
was sent, or exactly one; a front of it answers chosen paths 500. Exit codes as the spec's commands
document them: 0 decided, 8 undecided, 1 found or refused.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from foas_client._cli import ExitCode
from foas_client._core.credentials import ENV_SECURITY_TOKEN
from foas_client._core.lifecycle.checks import FIRST_IDS
from foas_client._core.testing.answers import Answer
from foas_client._core.testing.server import LoopbackServer
from foas_client.models import Job, Package
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, make_jobs, make_packages
from tests.support.pages import request_path

PROJECT = "team α"
SWEEP = ("unreferenced-packages", "--project-name", PROJECT)

pytestmark = pytest.mark.usefixtures("environment")


def packages_path(project: str) -> str:
    """Where the project's packages are listed, percent-decoded as the fake records it."""
    return unquote(request_path("ListPackage", projectName=project))


def jobs_path(package: str) -> str:
    """Where the jobs referencing a package of PROJECT are listed, percent-decoded."""
    return unquote(request_path("GetRefPackageJob", projectName=PROJECT, packageName=package))


def package_path(package: str) -> str:
    """Where a package of PROJECT is deleted, percent-decoded."""
    return unquote(request_path("DeletePackage", projectName=PROJECT, packageName=package))


class FailingPaths:
    """The fake, answering, except on the ``paths`` given (percent-decoded, without the query): those are
    answered 500 here and never reach the fake, so its ``request_log`` does not hold them."""

    def __init__(self, service: FakeFoasService, paths: set[str]) -> None:
        self.service = service
        self.paths = paths

    def answer(self, method: str, raw_target: str, headers: Mapping[str, str]) -> Answer:
        if unquote(raw_target.partition("?")[0]) in self.paths:
            body = {"RequestId": "FAIL-0001", "Code": "InternalError", "Message": "the service failed"}
            return Answer(500, {"Content-Type": "application/json"}, json.dumps(body).encode())
        return self.service.answer(method, raw_target, headers)


@pytest.fixture
def packages() -> list[tuple[Package, list[Job]]]:
    """The project's packages in listing order, each with the jobs referencing it: a third of them none,
    the others 7 or 14."""
    made = make_packages(9, project_name=PROJECT)
    return [
        (package, make_jobs((index % 3) * 7, project_name=PROJECT, package_name=package.package_name, seed=index))
        for index, package in enumerate(made)
    ]


@pytest.fixture
def referenced(packages: list[tuple[Package, list[Job]]]) -> dict[str, list[str]]:
    """Each package's job ids, in listing order."""
    return {package.package_name: [job.job_id for job in jobs] for package, jobs in packages}


@pytest.fixture
def service(packages: list[tuple[Package, list[Job]]]) -> FakeFoasService:
    service = FakeFoasService()
    service.add_packages(PROJECT, [package for package, _ in packages])
    for package, jobs in packages:
        if jobs:
            service.add_jobs(PROJECT, package.package_name, jobs)
    return service


@pytest.fixture
def failing() -> set[str]:
    """Paths (percent-decoded, without the query) answered 500 InternalError instead of by the fake."""
    return set()


@pytest.fixture
def fake(service: FakeFoasService, failing: set[str]) -> Iterator[LoopbackServer]:
    """The fake behind ``FailingPaths`` on loopback: what ``foas`` (``conftest.py``) runs against."""
    with LoopbackServer(FailingPaths(service, failing)) as running:
        yield running


def unreferenced(referenced: dict[str, list[str]]) -> set[str]:
    return {name for name, jobs in referenced.items() if not jobs}


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_json_lists_every_package_with_its_count_marking_the_unreferenced(
    foas: Any, referenced: dict[str, list[str]], service: FakeFoasService, response_format: str
) -> None:
    run = foas(*SWEEP, "--output", "json", "--response-format", response_format)
    assert (run.code, run.err) == (ExitCode.OK, "")
    records = json.loads(run.out)
    assert [r["packageName"] for r in records] == list(referenced)  # every package, in listing order
    assert {r["packageName"] for r in records if r["status"] == "unreferenced"} == unreferenced(referenced)
    for r in records:
        jobs = referenced[r["packageName"]]
        assert r["projectName"] == PROJECT and r["totalCount"] == len(jobs)
        assert r["firstJobIds"] == jobs[:FIRST_IDS] and r["requestIds"] and r["package"]["PackageName"]
    assert service.deletes == []


def test_exit_code_says_whether_some_package_is_unreferenced(foas: Any, referenced: dict[str, list[str]]) -> None:
    assert foas(*SWEEP, "--exit-code", "--output", "jsonl").code == 1
    everything = [name for name, jobs in referenced.items() if jobs]
    run = foas(*SWEEP, "--exit-code", "--package-name", everything[0], "--output", "jsonl")
    # the filter leaves one package, which a job references: nothing unreferenced
    assert run.code == 0 and [json.loads(line)["packageName"] for line in run.out.splitlines()] == [everything[0]]


def test_a_failed_package_listing_exits_undecided_and_is_never_unreferenced(
    foas: Any, referenced: dict[str, list[str]], failing: set[str]
) -> None:
    broken = sorted(unreferenced(referenced))[0]
    failing.add(jobs_path(broken))
    run = foas(*SWEEP, "--output", "csv")
    assert run.code == ExitCode.UNDECIDED == 8
    rows = {row["packageName"]: row for row in csv.DictReader(io.StringIO(run.out))}
    assert rows[broken]["status"] == "failed" and "InternalError" in rows[broken]["error"]
    assert {name for name, row in rows.items() if row["status"] == "unreferenced"} == unreferenced(referenced) - {
        broken
    }
    assert len(run.err.splitlines()) == 1 and "not everything was decided" in run.err
    assert foas(*SWEEP, "--exit-code", "--output", "csv").code == ExitCode.UNDECIDED  # 8 wins over "found"


def test_a_failed_project_listing_is_reported_not_skipped(foas: Any, failing: set[str]) -> None:
    failing.add(packages_path("gone"))
    run = foas(*SWEEP, "--project-name", "gone", "--output", "json")
    assert run.code == ExitCode.UNDECIDED
    failed = [r for r in json.loads(run.out) if r["status"] == "failed"]
    assert failed == [failed[0]] and failed[0]["projectName"] == "gone" and failed[0]["packageName"] is None


def test_the_guarded_delete_refuses_a_referenced_package_naming_count_and_jobs(
    foas: Any, referenced: dict[str, list[str]], service: FakeFoasService
) -> None:
    name, jobs = max(referenced.items(), key=lambda pair: len(pair[1]))
    run = foas("delete-package", "--yes", "--project-name", PROJECT, "--package-name", name)
    assert run.code == 1 and run.out == ""
    (line,) = run.err.splitlines()
    assert str(len(jobs)) in line and all(job in line for job in jobs[:FIRST_IDS]) and name in line
    assert service.deletes == []


def test_the_guarded_delete_of_an_unreferenced_package_sends_one_delete(
    foas: Any, referenced: dict[str, list[str]], service: FakeFoasService, tmp_path: Path
) -> None:
    name = sorted(unreferenced(referenced))[0]
    evidence = tmp_path / "evidence.jsonl"
    run = foas(
        "delete-package", "--yes", "--project-name", PROJECT, "--package-name", name, "--evidence", str(evidence)
    )
    assert (run.code, run.err) == (0, "")
    assert [record.path for record in service.deletes] == [package_path(name)]
    guard, deleted = (json.loads(line) for line in evidence.read_text(encoding="utf-8").splitlines())
    assert (guard["decision"], deleted["decision"]) == ("unreferenced", "deleted")
    assert guard["requestIds"] and deleted["requestIds"] and guard["packageName"] == deleted["packageName"] == name


def test_force_deletes_a_referenced_package_without_the_guard(
    foas: Any, referenced: dict[str, list[str]], service: FakeFoasService
) -> None:
    name = next(name for name, jobs in referenced.items() if jobs)
    assert foas("delete-package", "--yes", "--project-name", PROJECT, "--package-name", name, "--force").code == 0
    assert [record.method for record in service.request_log] == ["DELETE"]


def test_delete_without_yes_and_without_a_terminal_is_refused_before_anything_is_sent(
    foas: Any, service: FakeFoasService
) -> None:
    run = foas(*SWEEP, "--delete")
    assert run.code == ExitCode.USAGE and "--yes" in run.err
    assert service.requests == 0


def test_delete_yes_deletes_exactly_the_unreferenced_each_guarded_again(
    foas: Any, referenced: dict[str, list[str]], service: FakeFoasService, tmp_path: Path
) -> None:
    evidence = tmp_path / "e.jsonl"
    run = foas(*SWEEP, "--delete", "--yes", "--output", "jsonl", "--evidence", str(evidence))
    assert run.code == 0
    deleted = {record.path.rpartition("/")[2] for record in service.deletes}
    assert deleted == unreferenced(referenced) and len(service.deletes) == len(deleted)
    requests = [(record.method, record.path) for record in service.request_log]
    for name in deleted:  # each DELETE follows a guard's listing of the same package
        index = requests.index(("DELETE", package_path(name)))
        assert requests[index - 1] == ("GET", jobs_path(name))
    lines = [json.loads(line) for line in evidence.read_text(encoding="utf-8").splitlines()]
    assert sum(line["step"] == "sweep" for line in lines) == len(referenced)
    assert {line["packageName"] for line in lines if line["decision"] == "deleted"} == deleted
    assert len(run.err.splitlines()) == len(deleted) and len(run.out.splitlines()) == len(referenced)


def test_no_secret_reaches_the_output_or_the_evidence(
    foas: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, failing: set[str]
) -> None:
    token = "STS-token-never-to-be-shown-0123456789abcdef"
    monkeypatch.setenv(ENV_SECURITY_TOKEN, token)
    failing.add(packages_path(PROJECT))
    evidence = tmp_path / "e.jsonl"
    shown = []
    for output in ("json", "table", "csv"):
        run = foas(*SWEEP, "--output", output, "-v", "--evidence", str(evidence))
        shown.append(f"{run.code}{run.out}{run.err}")
    shown.append(evidence.read_text(encoding="utf-8"))
    for text in shown:
        assert TEST_CREDENTIALS.access_key_secret not in text and token not in text
