"""The ``foas`` command as a separate process (``python -m foas_client`` and the console script).

What only a real process shows: the exit status, that stderr gets one line and no traceback, that
stamina's retry log is not printed by Python's last-resort handler, and a closed pipe. These runs wait
for real backoff where they retry (at most about 0.5 s); the in-process tests cover the rest.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from foas_client._core.credentials import ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN
from foas_client._core.http.core import ENV_REGION_ID
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, Fault, LoopbackFake, make_jobs

DOCUMENTED = ("get-ref-package-job", "--project-name", "project1", "--package-name", "package1.jar")
REQUEST_ID = r"\(RequestId [0-9A-F-]{36}\)"
CONSOLE_SCRIPT = Path(sys.executable).with_name("foas")


@pytest.fixture
def service() -> FakeFoasService:
    service = FakeFoasService.with_documented_jobs()
    service.add_jobs("p", "big.jar", make_jobs(2_345, project_name="p", package_name="big.jar"))
    return service


@pytest.fixture
def fake(service: FakeFoasService) -> Iterator[LoopbackFake]:
    with service.serve() as fake:
        yield fake


def environment(**changes: str | None) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in (ENV_SECURITY_TOKEN, ENV_REGION_ID)}
    env |= {
        ENV_ACCESS_KEY_ID: TEST_CREDENTIALS.access_key_id,
        ENV_ACCESS_KEY_SECRET: TEST_CREDENTIALS.access_key_secret,
    }
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def foas(
    *argv: str, env: dict[str, str] | None = None, command: tuple[str, ...] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(command or (sys.executable, "-m", "foas_client")), *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env or environment(),
        timeout=60,
    )


def one_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def test_python_m_foas_client_prints_the_documented_job(fake: LoopbackFake) -> None:
    result = foas(*DOCUMENTED, "--output", "json", "--endpoint", fake.base_url)
    assert (result.returncode, result.stderr) == (0, "")
    (job,) = json.loads(result.stdout)
    assert (job["JobId"], job["IsCommitted"], job["CreateTime"]) == ("9t9m6jfw8rb44iexhbpv3tnz", True, 1551161842000)


@pytest.mark.skipif(not CONSOLE_SCRIPT.exists(), reason="the `foas` console script is not installed next to python")
def test_the_console_script_runs_the_same_command(fake: LoopbackFake) -> None:
    result = foas(*DOCUMENTED, "--response-format", "xml", "--endpoint", fake.base_url, command=(str(CONSOLE_SCRIPT),))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-1] == "1 job on page 1 of 1 (1 in all)"
    assert "2020-03-09 03:01:50" in result.stdout
    usage = foas("get-ref-package-job", "--help", command=(str(CONSOLE_SCRIPT),))
    assert usage.returncode == 0 and usage.stdout.startswith("usage: foas get-ref-package-job")


def test_version_prints_the_installed_version_and_exits_0() -> None:
    expected = f"foas {importlib.metadata.version('foas-client')}\n"
    commands = [(sys.executable, "-m", "foas_client")]
    if CONSOLE_SCRIPT.exists():
        commands.append((str(CONSOLE_SCRIPT),))
    for command in commands:
        result = foas("--version", command=command)
        assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")
    assert "--version" in foas("--help").stdout


def test_an_api_error_is_one_line_with_its_code_and_request_id(fake: LoopbackFake, service: FakeFoasService) -> None:
    service.inject(Fault.error(404, "InvalidPackage.NotFound"))
    result = foas(*DOCUMENTED, "--endpoint", fake.base_url)
    assert (result.returncode, result.stdout) == (1, "")
    assert re.fullmatch(
        rf"foas: error: HTTP 404 InvalidPackage\.NotFound: InvalidPackage\.NotFound {REQUEST_ID}",
        one_line(result.stderr),
    )


def test_a_wrong_secret_never_shows_the_secret(fake: LoopbackFake) -> None:
    secret = "Process-Wrong-Secret-0815"
    result = foas(*DOCUMENTED, "-v", "--endpoint", fake.base_url, env=environment(**{ENV_ACCESS_KEY_SECRET: secret}))
    assert result.returncode == 1
    assert "SignatureDoesNotMatch" in result.stderr and re.search(REQUEST_ID, result.stderr)
    assert secret not in result.stdout + result.stderr


def test_retries_are_silent_by_default_and_shown_with_verbose(fake: LoopbackFake, service: FakeFoasService) -> None:
    service.inject(Fault.error(503))
    quiet = foas(*DOCUMENTED, "--output", "json", "--endpoint", fake.base_url)
    assert (quiet.returncode, quiet.stderr) == (0, "")  # no "stamina.retry_scheduled" from Python's last resort
    assert service.requests == 2
    service.inject(Fault.error(503))
    chatty = foas(*DOCUMENTED, "--output", "json", "--verbose", "--endpoint", fake.base_url)
    assert chatty.returncode == 0 and json.loads(chatty.stdout) == json.loads(quiet.stdout)
    assert re.search(
        rf"^foas: retry 1 in [\d.]+ s after ServerError: HTTP 503 ServiceUnavailable: .* {REQUEST_ID}$",
        chatty.stderr,
        re.M,
    )


def test_an_undecodable_answer_exits_3(fake: LoopbackFake, service: FakeFoasService) -> None:
    service.inject(Fault.malformed())
    result = foas(*DOCUMENTED, "--endpoint", fake.base_url)
    assert (result.returncode, result.stdout) == (3, "")
    assert one_line(result.stderr).startswith("foas: error: cannot decode HTTP 200 response (application/json)")


def test_a_timeout_exits_4(fake: LoopbackFake, service: FakeFoasService) -> None:
    service.inject(Fault.delay(5))
    result = foas(*DOCUMENTED, "--timeout", "0.2", "--max-attempts", "1", "--endpoint", fake.base_url)
    assert (result.returncode, result.stdout) == (4, "")
    assert "ReadTimeout: the service did not answer in time" in one_line(result.stderr)


def test_a_closed_port_exits_4() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = foas(*DOCUMENTED, "--max-attempts", "1", "--endpoint", f"http://127.0.0.1:{port}")
    assert (result.returncode, result.stdout) == (4, "")
    assert one_line(result.stderr).startswith("foas: error: ConnectError: ")


def test_missing_credentials_exit_5() -> None:
    if _official_chain_installed():  # its chain might find credentials on this machine
        pytest.skip("alibabacloud-credentials is installed: its chain may find credentials here")
    result = foas(*DOCUMENTED, env=environment(**{ENV_ACCESS_KEY_ID: None, ENV_ACCESS_KEY_SECRET: None}))
    assert (result.returncode, result.stdout) == (5, "")
    assert ENV_ACCESS_KEY_ID in one_line(result.stderr)


@pytest.mark.parametrize(
    ("variable", "part", "value"),
    [
        (ENV_SECURITY_TOKEN, "security_token", "Qx7Vk2Lm9Tz4Wp8R\n"),
        (ENV_ACCESS_KEY_SECRET, "access_key_secret", "Qx7Vk2Lm9Tz4Wp8R\r\n"),
        (ENV_ACCESS_KEY_ID, "access_key_id", "Qx7Vk2Lm9Tz4Wp8R\u00e9"),
    ],
    ids=["token-LF", "secret-CRLF", "id-non-ASCII"],
)
def test_a_credential_that_cannot_be_sent_exits_5_without_showing_it(
    fake: LoopbackFake, service: FakeFoasService, variable: str, part: str, value: str
) -> None:
    result = foas(*DOCUMENTED, "-v", "--endpoint", fake.base_url, env=environment(**{variable: value}))

    assert (result.returncode, result.stdout) == (5, "")
    assert one_line(result.stderr).startswith(f"foas: error: {part} holds a ")
    visible = value.strip()[:16]
    assert not any(visible[i : i + 4] in result.stderr for i in range(len(visible) - 3)), result.stderr
    assert service.requests == 0


def _official_chain_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("alibabacloud_credentials") is not None


def test_a_usage_error_exits_2_with_one_line() -> None:
    result = foas("get-ref-package-job", "--project-name", "p")
    assert (result.returncode, result.stdout) == (2, "")
    assert one_line(result.stderr) == (
        "foas get-ref-package-job: error: the following arguments are required: --package-name "
        "(see 'foas get-ref-package-job --help')"
    )


def test_a_reader_that_stops_early_ends_the_command_quietly(fake: LoopbackFake) -> None:
    argv = ("get-ref-package-job", "--project-name", "p", "--package-name", "big.jar", "--all", "--output", "jsonl")
    with subprocess.Popen(
        [sys.executable, "-m", "foas_client", *argv, "--page-size", "100", "--endpoint", fake.base_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(),
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as `foas ... | head -1` does
        stderr = process.stderr.read().decode()
        code = process.wait(timeout=60)
    assert json.loads(first)["JobId"].startswith("00000000")
    assert (code, stderr) == (0, "")


def run_into_a_closed_pipe(*argv: str) -> tuple[int, str]:
    """Runs ``foas`` with stdout a pipe whose reader has already gone: every write gets EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # as `foas ... | head -1` once head has exited
    try:
        result = subprocess.run(
            [sys.executable, "-m", "foas_client", *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(),
            timeout=60,
        )
    finally:
        os.close(write_end)
    return result.returncode, result.stderr


@pytest.mark.parametrize("output", ["table", "json", "jsonl", "csv"])
@pytest.mark.parametrize("pages", ["one", "all"])
def test_every_output_ends_quietly_with_0_when_its_reader_has_gone(fake: LoopbackFake, output: str, pages: str) -> None:
    argv = [*DOCUMENTED, "--output", output, "--endpoint", fake.base_url]
    if pages == "all":
        argv[2:5] = ["p", "--package-name", "big.jar"]
        argv += ["--all", "--page-size", "100"]

    assert run_into_a_closed_pipe(*argv) == (0, "")


@pytest.mark.parametrize("view", ["text", "mermaid", "dot"])
def test_a_plan_ends_quietly_with_0_when_its_reader_has_gone(fake: LoopbackFake, view: str) -> None:
    assert run_into_a_closed_pipe("plan", *DOCUMENTED[1:], "--format", view, "--endpoint", fake.base_url) == (0, "")


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_the_plan_as_dot_draws_with_graphviz(fake: LoopbackFake) -> None:
    plan = foas("plan", *DOCUMENTED[1:], "--format", "dot", "--endpoint", fake.base_url)
    assert (plan.returncode, plan.stderr) == (0, "")
    svg = subprocess.run(["dot", "-Tsvg"], input=plan.stdout, capture_output=True, text=True, timeout=60)
    assert (svg.returncode, svg.stderr) == (0, "")
    assert svg.stdout.count('class="node"') == 4 and svg.stdout.count('class="edge"') == 3
