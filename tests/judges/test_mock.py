"""`make mock` (scripts/mock.py): Prism on the package's bundled spec, as another language's service would use it.

The script is started as a user starts it, a subprocess of its own process group; the test reads the
URL from its first line, lists the documented job through ``FoasClient`` in JSON and in XML, sends
unsigned requests by ``Accept``, and stops it with SIGTERM as a terminal's Ctrl-C would.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from foas_client import Credentials, FoasClient, Job
from tests.judges.tools import LISTEN_TIMEOUT, ROOT, node_tool
from tests.support.pages import request_path

EXAMPLES = ROOT / "spec" / "examples"
DOCUMENTED_PAGE = json.loads((EXAMPLES / "GetRefPackageJob.documented.json").read_bytes())
DOCUMENTED_JOB: dict[str, Any] = DOCUMENTED_PAGE["Jobs"]["Job"][0]
ANY_CREDENTIALS = Credentials("the-mock-ignores-the-key-id", "and-the-signature")
PROJECT, PACKAGE = "project1", "package1.jar"
FIRST_LINE = re.compile(r"mock: (?P<url>http://127\.0\.0\.1:\d+) \(Prism, examples of spec/examples\)")


class Mock:
    """``scripts/mock.py`` running, its stdout in ``log``."""

    def __init__(self, process: subprocess.Popen[bytes], log: Path) -> None:
        self.process = process
        self.log = log
        self.base_url = self._first_line_url()
        self._wait_listening()

    def _output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def _first_line_url(self) -> str:
        deadline = time.monotonic() + LISTEN_TIMEOUT
        while time.monotonic() < deadline:
            first, newline, _ = self._output().partition("\n")
            if newline:
                match = FIRST_LINE.fullmatch(first)
                assert match, f"unexpected first line: {first!r}"
                return match.group("url")
            if self.process.poll() is not None:
                pytest.fail(f"scripts/mock.py exited with {self.process.returncode}: {self._output()}")
            time.sleep(0.05)  # polling a file being written: no event to wait on
        pytest.fail(f"scripts/mock.py printed no first line within {LISTEN_TIMEOUT} s")

    def _wait_listening(self) -> None:
        port = int(self.base_url.rpartition(":")[2])
        deadline = time.monotonic() + LISTEN_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"scripts/mock.py exited with {self.process.returncode}: {self._output()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)  # polling a port that is not open yet
        pytest.fail(f"the mock did not listen on {self.base_url} within {LISTEN_TIMEOUT} s: {self._output()}")

    def stop(self) -> int:
        """SIGTERM to the group (the script and Prism); returns the script's exit status."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        return self.process.returncode


@pytest.fixture(scope="module")
def mock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mock]:
    node_tool("prism")  # fails with the way to install it when it is missing
    log = tmp_path_factory.mktemp("mock") / "mock.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "mock.py")],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own group: stop() ends the script and Prism, nothing else
        )
    try:
        running = Mock(process, log)
    except BaseException:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
        raise
    yield running
    assert running.stop() == 0, log.read_text(encoding="utf-8", errors="replace")


def as_documented(job: Job) -> dict[str, Any]:
    """The job as a dict, CR LF read as LF in ``Code``: what XML makes of the JSON example's line ends."""
    document = job.to_dict()
    document["Code"] = document["Code"].replace("\r\n", "\n")
    return document


EXPECTED = as_documented(Job.from_dict(DOCUMENTED_JOB))


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_the_client_lists_the_documented_job_with_all_its_fields(mock: Mock, response_format: str) -> None:
    with FoasClient(endpoint=mock.base_url, credentials=ANY_CREDENTIALS, response_format=response_format) as client:
        jobs = list(client.iter_jobs(PROJECT, PACKAGE))
    assert len(jobs) == 1
    decoded = as_documented(jobs[0])
    assert len(DOCUMENTED_JOB) == 19 and set(decoded) == set(DOCUMENTED_JOB)  # every field, none unset
    assert decoded == EXPECTED


@pytest.mark.parametrize(
    ("accept", "example"),
    [("application/json", "GetRefPackageJob.documented.json"), ("application/xml", "GetRefPackageJob.documented.xml")],
)
def test_an_unsigned_request_gets_the_documented_example_by_accept(mock: Mock, accept: str, example: str) -> None:
    url = mock.base_url + request_path("GetRefPackageJob", projectName=PROJECT, packageName=PACKAGE)
    response = httpx.get(url, headers={"Accept": accept})  # no Authorization: the mock does not require one
    assert response.status_code == 200
    assert response.headers["content-type"] == accept
    expected = (EXAMPLES / example).read_bytes()
    if accept == "application/json":
        assert response.json() == json.loads(expected)  # Prism re-serialises JSON
    else:
        assert response.content == expected  # an XML example is sent verbatim
