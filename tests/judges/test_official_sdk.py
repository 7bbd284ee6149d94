"""The official legacy Python SDK against the fake's own process, as a team not using this package would call it.

aliyun-python-sdk-core and aliyun-python-sdk-foas, pinned exactly below, go in a venv of their own made
by the test (they pull old dependencies: a vendored requests, jmespath, cryptography), never beside
the project's. ``python -m foas_client.testing serve`` runs as a subprocess; ``official_sdk_client.py``
runs with the SDK's interpreter and prints each call's outcome as JSON. The SDK signs ROA v1 over the
decoded path and sends it encoded, and splits a SignatureDoesNotMatch message on ``:``: the fake must
accept the first and word the second as the service does, or the SDK raises an ``IndexError``.

Skipped only when the package registry cannot provide the SDK, and never under CI (``CI=true``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.publishing import new_venv

OFFICIAL_SDK = ("aliyun-python-sdk-core==2.16.1", "aliyun-python-sdk-foas==2.11.1")
CLIENT = Path(__file__).with_name("official_sdk_client.py")
GENERATED_JOBS = 25  # beside the documented one: 26 jobs, three pages of 10
FIRST_LINE = re.compile(r"fake: (?P<url>http://\S+) access_key_id=(?P<id>\S+) access_key_secret=(?P<secret>\S+)")
# What pip says when the index cannot give a package: only then may the test skip (outside CI).
UNAVAILABLE = ("No matching distribution found", "Could not find a version", "NewConnectionError", "Max retries")


@pytest.fixture(scope="module")
def sdk_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The python of a fresh venv holding the official SDK and what it requires, from the package registry."""
    home = tmp_path_factory.mktemp("official-sdk")
    python = new_venv(home / "venv")
    command = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", *OFFICIAL_SDK]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        output = done.stdout[-2000:] + done.stderr[-2000:]
        if os.environ.get("CI") != "true" and any(reason in output for reason in UNAVAILABLE):
            pytest.skip(f"the package registry cannot provide {', '.join(OFFICIAL_SDK)}: {output[-300:]}")
        pytest.fail(f"pip install {' '.join(OFFICIAL_SDK)} failed:\n{output}")
    return python


@pytest.fixture(scope="module")
def fake_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[re.Match[str], Path]]:
    """``python -m foas_client.testing serve --port 0 --jobs N -v``: its first line, parsed, and the file
    its stderr goes to, where ``-v`` names each verified request's signature version and path."""
    log = tmp_path_factory.mktemp("official-sdk-fake") / "stderr.txt"
    command = [sys.executable, "-m", "foas_client.testing", "serve", "--port", "0", "--jobs", str(GENERATED_JOBS), "-v"]
    with log.open("w") as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        found = FIRST_LINE.match(first)
        assert found, f"unexpected first line: {first!r}; stderr: {log.read_text()[-2000:]}"
        yield found, log
    finally:
        process.terminate()  # SIGTERM: the fake stops and exits 0
        process.communicate(timeout=30)
    assert process.returncode == 0, log.read_text()[-2000:]


@pytest.fixture(scope="module")
def results(sdk_python: Path, fake_process: tuple[re.Match[str], Path]) -> dict[str, Any]:
    first, _ = fake_process
    env = {name: value for name, value in os.environ.items() if not name.startswith(("PYTHON", "VIRTUAL_ENV"))}
    command = [str(sdk_python), str(CLIENT), first["url"], first["id"], first["secret"]]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded: dict[str, Any] = json.loads(done.stdout)
    return loaded


def _ok(outcome: dict[str, Any]) -> dict[str, Any]:
    assert "ok" in outcome, outcome
    ok: dict[str, Any] = outcome["ok"]
    return ok


def test_json_gives_the_documented_job(results: dict[str, Any]) -> None:
    page = _ok(results["json"])
    assert page["TotalCount"] == 1 + GENERATED_JOBS
    assert page["JobNames"][0] == "job1"  # the documented job, first


def test_xml_is_served_and_read(results: dict[str, Any]) -> None:
    page = _ok(results["xml"])
    assert page["status"] == 200 and page["content_type"].startswith("application/xml")
    assert page["root"] == "GetRefPackageJobResponse"
    assert page["TotalCount"] == str(1 + GENERATED_JOBS) and page["JobNames"][0] == "job1"


def test_pages_one_and_two_add_up(results: dict[str, Any]) -> None:
    first, second = (_ok(outcome) for outcome in results["pages"])
    assert (first["PageIndex"], second["PageIndex"]) == (1, 2)
    assert first["TotalCount"] == second["TotalCount"] == 1 + GENERATED_JOBS
    assert first["TotalPage"] == second["TotalPage"] == 3
    assert len(first["JobIds"]) == len(second["JobIds"]) == 10
    assert not set(first["JobIds"]) & set(second["JobIds"])


@pytest.mark.parametrize(("case", "wire"), [("space", "my%20pkg.jar"), ("chinese", "%E4%B8%AD%E6%96%87%E5%8C%85.jar")])
def test_a_name_to_encode_verifies(
    results: dict[str, Any], fake_process: tuple[re.Match[str], Path], case: str, wire: str
) -> None:
    # Signed over the decoded path, sent encoded: the fake verifies it, and has no such package's jobs.
    page = _ok(results[case])
    assert (page["TotalCount"], page["JobIds"]) == (0, [])
    _, log = fake_process
    assert f"signature v1 verified: GET /api/v2/projects/project1/packages/{wire}/jobs" in log.read_text()


def test_a_wrong_secret_is_the_sdk_s_server_exception(results: dict[str, Any]) -> None:
    outcome = results["wrong_secret"]
    assert "exception" not in outcome, outcome  # not the IndexError of a message without a colon
    error = outcome["ServerException"]
    assert error["code"] in ("SignatureDoesNotMatch", "InvalidAccessKeySecret")
    assert error["status"] == 400 and error["request_id"]
    assert "server string to sign is:" in error["message"] or error["code"] == "InvalidAccessKeySecret"
