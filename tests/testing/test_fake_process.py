"""``python -m foas_client.testing serve``: the fake as its own process, driven as a non-Python service would."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from foas_client import Credentials, FoasClient
from foas_client.errors import NotFoundError

_FIRST_LINE = re.compile(r"^fake: (?P<url>http://\S+) access_key_id=(?P<id>\S+) access_key_secret=(?P<secret>\S+)$")
_BOUND = 30.0  # seconds: a hung process fails the test instead of hanging the run


def _first_line(process: subprocess.Popen[str]) -> str:
    """The first line of the process's stdout, or a failure after ``_BOUND`` seconds."""
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout
    threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
    try:
        return lines.get(timeout=_BOUND)
    except queue.Empty:
        pytest.fail(f"no first line within {_BOUND} s")


@pytest.fixture
def fake_process() -> Iterator[subprocess.Popen[str]]:
    command = [sys.executable, "-m", "foas_client.testing", "serve", "--port", "0", "--jobs", "25", "--seed", "3"]
    command += ["--fault", "error:503"]  # the first request fails; the command's retry goes through
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        try:
            yield process
        finally:
            if process.poll() is None:
                process.kill()


def test_the_fake_serves_as_a_process_and_stops_on_sigterm(fake_process: subprocess.Popen[str]) -> None:
    match = _FIRST_LINE.match(_first_line(fake_process).rstrip("\n"))
    assert match is not None
    environment = {
        **os.environ,
        "FOAS_ENDPOINT": match["url"],
        "ALIBABA_CLOUD_ACCESS_KEY_ID": match["id"],
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": match["secret"],
    }
    environment.pop("ALIBABA_CLOUD_SECURITY_TOKEN", None)
    arguments = ["--project-name", "project1", "--package-name", "package1.jar", "--all", "--page-size", "10"]
    result = subprocess.run(
        [sys.executable, "-m", "foas_client", "get-ref-package-job", *arguments, "--output", "jsonl"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=_BOUND,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    jobs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(jobs) == 25 + 1  # the generated jobs and the documented one
    assert len({job["JobId"] for job in jobs}) == 26

    fake_process.send_signal(signal.SIGTERM)
    assert fake_process.wait(timeout=_BOUND) == 0


def test_a_bad_fault_is_refused() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "foas_client.testing", "serve", "--fault", "meteor"],
        capture_output=True,
        text=True,
        timeout=_BOUND,
        check=False,
    )
    assert result.returncode == 2
    assert "unknown fault 'meteor'" in result.stderr


def test_a_port_in_use_is_one_line_naming_it_and_a_failure() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "foas_client.testing", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=_BOUND,
            check=False,
        )

    assert result.returncode != 0
    assert result.stdout == ""  # no URL line: nothing is served
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert str(port) in lines[0]
    assert "Traceback" not in result.stderr


def test_verbose_logs_the_signature_version_of_each_request() -> None:
    command = [sys.executable, "-m", "foas_client.testing", "serve", "--port", "0", "-v"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        try:
            match = _FIRST_LINE.match(_first_line(process).rstrip("\n"))
            assert match is not None
            environment = {
                **os.environ,
                "FOAS_ENDPOINT": match["url"],
                "ALIBABA_CLOUD_ACCESS_KEY_ID": match["id"],
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET": match["secret"],
            }
            environment.pop("ALIBABA_CLOUD_SECURITY_TOKEN", None)
            for version in ("v3", "v1"):
                arguments = ["--project-name", "project1", "--package-name", "my pkg.jar", "--output", "json"]
                arguments += ["--signature-version", version]
                result = subprocess.run(
                    [sys.executable, "-m", "foas_client", "get-ref-package-job", *arguments],
                    env=environment,
                    capture_output=True,
                    text=True,
                    timeout=_BOUND,
                    check=False,
                )
                assert result.returncode == 0, result.stderr
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=_BOUND)
        finally:
            if process.poll() is None:
                process.kill()
    path = "/api/v2/projects/project1/packages/my%20pkg.jar/jobs"
    assert stderr.splitlines() == [
        f"fake: signature v3 verified: GET {path}",
        f"fake: signature v1 verified: GET {path}",
    ]


_ESTATE = re.compile(r"^fake: (?P<name>\S+): \d+ packages; referenced: (?P<used>.*); unreferenced: (?P<free>.*)$")


def _names(text: str) -> list[str]:
    return [] if text == "-" else text.split(", ")


def test_an_estate_is_served_as_printed_to_signed_requests_in_json_and_xml() -> None:
    command = [sys.executable, "-m", "foas_client.testing", "serve", "--port", "0"]
    command += ["--projects", "2", "--packages", "3", "--referenced", "0.5"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        try:
            match = _FIRST_LINE.match(_first_line(process).rstrip("\n"))
            assert match is not None
            summary = _first_line(process)
            assert summary.startswith("fake: 2 projects, 6 packages: "), summary
            printed = [_ESTATE.match(_first_line(process).rstrip("\n")) for _ in range(2)]
            owners = {line["name"]: (_names(line["used"]), _names(line["free"])) for line in printed if line}
            assert len(owners) == 2, printed
            credentials = Credentials(match["id"], match["secret"])
            for response_format, version in (("json", "v3"), ("xml", "v1")):
                with FoasClient(
                    endpoint=match["url"],
                    credentials=credentials,
                    response_format=response_format,  # type: ignore[arg-type]
                    signature_version=version,  # type: ignore[arg-type]
                ) as client:
                    assert [project.name for project in client.iter_projects()] == list(owners)
                    for name, (used, free) in owners.items():
                        assert (len(used), len(free)) == (2, 1)  # 3 packages, half of them (rounded up) used
                        listed = [str(package.package_name) for package in client.iter_packages(name)]
                        assert sorted(listed) == sorted(used + free)
                        counts = {package: client.get_ref_package_job(name, package).total_count for package in listed}
                        assert counts == {package: int(package in used) for package in listed}
            name, (used, free) = next(iter(owners.items()))
            with FoasClient(endpoint=match["url"], credentials=credentials) as client:
                client.delete_package(name, free[0])
                assert sorted(str(p.package_name) for p in client.iter_packages(name)) == sorted(used)
                with pytest.raises(NotFoundError):
                    client.get_package(name, free[0])
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=_BOUND) == 0
        finally:
            if process.poll() is None:
                process.kill()


@pytest.mark.parametrize(
    ("option", "value"), [("--projects", "-1"), ("--referenced", "1.5"), ("--jobs-per-package", "0")]
)
def test_an_impossible_estate_is_refused_naming_the_option(option: str, value: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "foas_client.testing", "serve", option, value],
        capture_output=True,
        text=True,
        timeout=_BOUND,
        check=False,
    )
    assert result.returncode == 2
    assert f"{option} must be" in result.stderr
    assert result.stdout == ""
