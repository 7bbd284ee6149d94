"""The done-when of the sweep and the guarded delete, judged by an independent loopback service.

``sweep_service.SweepService`` knows nothing of ``foas_client``: it checks every signature with the
official SDK's code, serves the three listings in JSON and XML, records each DELETE, and measures what
the client cannot vouch for itself (requests in flight at once, when each request arrived). The
``foas`` command runs as a user runs it: ``main(argv)`` in process, or a process of its own where it
is interrupted with SIGINT.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from foas_client._cli import main
from tests.judges.sweep_service import PREFIX, SweepService, held, malformed, server_error, throttled
from tests.support.roa_server import RoaVerifyingServer

KEY_ID, SECRET, TOKEN = "judge-key-id", "judge-secret-value-0123456789", "judge-sts-token-abcdefghijklmnop"
FIRST_IDS = 5  # the refusal names the first jobs: as many as the guard keeps (lifecycle.checks.FIRST_IDS)


def data() -> dict[str, dict[str, list[str]]]:
    """Two projects; in each, some packages no job references, some with one page of jobs, some with several."""
    projects: dict[str, dict[str, list[str]]] = {}
    for project, count in (("alpha", 11), ("beta team", 6)):
        projects[project] = {
            f"lib-{index:02d}.jar": [f"{project[:2]}-job-{index}-{n}" for n in range((index % 3) * 6)]
            for index in range(count)
        }
    return projects


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
    monkeypatch.delenv("ALIBABA_CLOUD_SECURITY_TOKEN", raising=False)
    monkeypatch.delenv("FOAS_ENDPOINT", raising=False)


@pytest.fixture
def service() -> SweepService:
    return SweepService(data(), {KEY_ID: SECRET})


@pytest.fixture
def server(service: SweepService) -> Iterator[RoaVerifyingServer]:
    with service.serve() as running:
        yield running


@pytest.fixture
def foas(server: RoaVerifyingServer, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([*argv, "--endpoint", server.base_url])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def unreferenced(service: SweepService, project: str) -> list[str]:
    return [name for name, jobs in service.projects[project].items() if not jobs]


def signed(server: RoaVerifyingServer) -> bool:
    return bool(server.received) and all(request.signature_ok for request in server.received)


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_the_sweep_lists_exactly_the_unreferenced_packages_and_exits_0(
    foas: Any, service: SweepService, server: RoaVerifyingServer, response_format: str
) -> None:
    code, out, err = foas(
        "unreferenced-packages", "--project-name", "alpha", "--output", "json", "--response-format", response_format
    )
    assert (code, err) == (0, "")
    records = json.loads(out)
    assert [r["packageName"] for r in records] == list(service.projects["alpha"])
    assert [r["packageName"] for r in records if r["status"] == "unreferenced"] == unreferenced(service, "alpha")
    for record in records:
        assert record["totalCount"] == len(service.projects["alpha"][record["packageName"]])
    assert service.deletes == [] and signed(server)


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_exit_code_is_1_when_some_package_is_unreferenced_and_0_when_none_is(
    foas: Any, service: SweepService, response_format: str
) -> None:
    service.projects["used"] = {"a.jar": ["j1"], "b.jar": ["j2", "j3"]}
    options = ("--exit-code", "--output", "jsonl", "--response-format", response_format)
    assert foas("unreferenced-packages", "--project-name", "alpha", *options)[0] == 1
    assert foas("unreferenced-packages", "--project-name", "used", *options)[0] == 0
    assert foas("unreferenced-packages", "--all-projects", *options)[0] == 1


def test_a_guarded_delete_of_a_referenced_package_sends_no_delete_and_exits_1(
    foas: Any, service: SweepService, server: RoaVerifyingServer
) -> None:
    name, jobs = max(service.projects["alpha"].items(), key=lambda pair: len(pair[1]))
    code, out, err = foas("delete-package", "--yes", "--project-name", "alpha", "--package-name", name)
    assert code == 1 and out == ""
    (line,) = err.splitlines()
    assert str(len(jobs)) in line and all(job in line for job in jobs[:FIRST_IDS])
    assert service.deletes == [] and signed(server)


@pytest.mark.parametrize("signature", ["v3", "v1"])
def test_a_dry_run_sends_nothing_at_all(
    foas: Any, service: SweepService, server: RoaVerifyingServer, signature: str
) -> None:
    name = unreferenced(service, "beta team")[0]
    argv = ("delete-package", "--project-name", "beta team", "--package-name", name, "--signature-version", signature)
    code, out, err = foas(*argv, "--dry-run")
    assert (code, err) == (0, "") and out.startswith("DELETE ")
    assert server.received == [] and service.arrivals == [] and service.deletes == []  # not even the guard's read


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_a_guarded_delete_of_an_unreferenced_package_sends_exactly_one_delete_and_exits_0(
    foas: Any, service: SweepService, server: RoaVerifyingServer, response_format: str
) -> None:
    name = unreferenced(service, "beta team")[0]
    code, _, err = foas(
        "delete-package",
        "--yes",
        "--project-name",
        "beta team",
        "--package-name",
        name,
        "--response-format",
        response_format,
    )
    assert (code, err) == (0, "")
    assert service.deletes == [service.package_path("beta team", name)] and signed(server)


def test_a_failed_listing_is_reported_failed_and_never_deleted(
    foas: Any, service: SweepService, tmp_path: Path
) -> None:
    free = unreferenced(service, "alpha")
    broken, malformed_one = free[0], free[1]
    service.faults[service.jobs_path("alpha", broken), 1] = server_error
    service.faults[service.jobs_path("alpha", malformed_one), 1] = malformed
    service.faults[f"{PREFIX}/beta team/packages", 2] = server_error  # the package listing's page 2
    evidence = tmp_path / "evidence.jsonl"
    code, out, err = foas(
        "unreferenced-packages",
        "--project-name",
        "alpha",
        "--project-name",
        "beta team",
        "--output",
        "json",
        "--delete",
        "--yes",
        "--max-attempts",
        "1",
        "--evidence",
        str(evidence),
    )
    assert code == 8
    records = {(r["projectName"], r["packageName"]): r for r in json.loads(out)}
    assert records["alpha", broken]["status"] == records["alpha", malformed_one]["status"] == "failed"
    assert "InternalError" in records["alpha", broken]["error"]
    project = records["beta team", None]
    assert project["status"] == "failed" and "InternalError" in project["error"]
    page_one = list(service.projects["beta team"])[: service.package_page_size]
    assert [name for (p, name) in records if p == "beta team" and name] == page_one  # page 2's are not guessed
    deleted = set(service.deletes)
    assert service.package_path("alpha", broken) not in deleted
    assert service.package_path("alpha", malformed_one) not in deleted
    assert deleted == {
        service.package_path(p, name) for (p, name), r in records.items() if r["status"] == "unreferenced"
    }
    assert "not everything was decided" in err


def test_every_decision_is_in_the_evidence_with_its_request_ids(
    foas: Any, service: SweepService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN)
    evidence = tmp_path / "evidence.jsonl"
    code, out, err = foas(
        "unreferenced-packages",
        "--project-name",
        "alpha",
        "--delete",
        "--yes",
        "--output",
        "json",
        "--evidence",
        str(evidence),
    )
    assert code == 0
    text = evidence.read_text(encoding="utf-8")
    assert SECRET not in text + out + err and TOKEN not in text + out + err
    lines = [json.loads(line) for line in text.splitlines()]
    sweep = [line for line in lines if line["step"] == "sweep"]
    assert [line["packageName"] for line in sweep] == list(service.projects["alpha"])
    for line in sweep:
        sent = service.request_ids[service.jobs_path("alpha", line["packageName"])]
        assert line["requestIds"] == sent[: line["pagesRead"]]  # the sweep's pages, the guard's come after
        assert line["decision"] in ("referenced", "unreferenced") and line["time"].endswith("Z")
        assert line["clientVersion"] and line["endpoint"].startswith("http://127.0.0.1")
    guards = {line["packageName"]: line for line in lines if line["step"] == "guard"}
    deletes = {line["packageName"]: line for line in lines if line["step"] == "delete"}
    assert set(guards) == set(deletes) == set(unreferenced(service, "alpha"))
    for name, line in deletes.items():
        assert line["decision"] == "deleted"
        assert line["requestIds"] == service.request_ids[service.package_path("alpha", name)]
        assert guards[name]["requestIds"] == service.request_ids[service.jobs_path("alpha", name)][-1:]


def test_a_throttled_answer_slows_the_whole_sweep(foas: Any, service: SweepService) -> None:
    service.latency = 0.01
    seen: list[float] = []
    retry_after = 0.8
    service.faults[service.jobs_path("alpha", "lib-04.jar"), 1] = throttled(int(retry_after * 1000), seen)
    code, out, _ = foas(
        "unreferenced-packages",
        "--project-name",
        "alpha",
        "--project-name",
        "beta team",
        "--output",
        "jsonl",
        "--concurrency",
        "4",
    )
    assert code == 0 and all(json.loads(line)["status"] != "failed" for line in out.splitlines())
    (throttled_at,) = seen
    # Requests already on their way may land just after the throttled answer; then none until it lifts.
    quiet = [a for a in service.arrivals if throttled_at + 0.2 < a.at < throttled_at + retry_after - 0.1]
    after = [a for a in service.arrivals if a.at >= throttled_at + retry_after - 0.1]
    assert quiet == [] and len(after) > 4  # the whole sweep waited, then went on


def test_the_concurrency_budget_is_shared_by_every_listing(foas: Any, service: SweepService) -> None:
    service.latency = 0.02
    code, _, _ = foas("unreferenced-packages", "--all-projects", "--output", "jsonl", "--concurrency", "3")
    assert code == 0
    assert service.max_in_flight <= 3
    assert service.max_in_flight >= 2  # it did run requests side by side


def test_ctrl_c_during_the_guard_sends_no_delete(service: SweepService, server: RoaVerifyingServer) -> None:
    name = unreferenced(service, "alpha")[0]
    release = threading.Event()
    path = service.jobs_path("alpha", name)
    service.faults[path, 1] = held(release, service._answer("GET", path, {}, 1, False))  # type: ignore[arg-type]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "foas_client",
            "delete-package",
            "--yes",
            "--project-name",
            "alpha",
            "--package-name",
            name,
            "--endpoint",
            server.base_url,
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert service.received_jobs.wait(30), "the guard never asked"
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        release.set()
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130 and "interrupted" in err
    assert service.deletes == []
