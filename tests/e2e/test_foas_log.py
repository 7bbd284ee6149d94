"""``FOAS_LOG`` and ``foas -v`` show the client's record of each attempt on stderr, and never a secret.

Each run is a separate process: ``FOAS_LOG`` is read once, when the package is imported. The
credentials are STS ones (a secret and a token), so that both are there to leak, at every level.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest

from foas_client import Credentials
from foas_client._core.credentials import ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN
from foas_client._core.http.attempt_log import ENV_LOG
from foas_client._core.http.core import ENV_REGION_ID
from foas_client.testing import FakeFoasService, Fault, LoopbackFake

KEY_ID = "sts-key-id-for-logs"
SECRET = "Log-Secret-Never-Shown-7731"
TOKEN = "CAIS-Log-Token-Never-Shown-7731"
DOCUMENTED = ("project1", "package1.jar")
# One record as FOAS_LOG's handler writes it (attempt_log.LOG_FORMAT).
RECORD = re.compile(
    r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d foas_client (?P<level>DEBUG|WARNING|ERROR)\] GetRefPackageJob GET "
    r"127\.0\.0\.1 -> (?P<outcome>.+?) RequestId=[0-9A-F-]{36} attempt=(?P<attempt>\d) elapsed_ms=[\d.]+ "
    r"(?P<decision>will retry|final)"
)
CALL = """
import sys
from foas_client import FoasClient
from foas_client.errors import ApiError
with FoasClient(endpoint=sys.argv[1], max_attempts=3) as client:
    try:
        client.get_ref_package_job(*sys.argv[2:])
    except ApiError as error:
        print(error.code)
"""


@pytest.fixture
def service() -> FakeFoasService:
    return FakeFoasService.with_documented_jobs(credentials=[Credentials(KEY_ID, SECRET, TOKEN)])


@pytest.fixture
def fake(service: FakeFoasService) -> Iterator[LoopbackFake]:
    with service.serve() as fake:
        yield fake


def _environment(log: str | None, *, secret: str = SECRET) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in (ENV_LOG, ENV_REGION_ID)}
    env |= {ENV_ACCESS_KEY_ID: KEY_ID, ENV_ACCESS_KEY_SECRET: secret, ENV_SECURITY_TOKEN: TOKEN}
    if log is not None:
        env[ENV_LOG] = log
    return env


def _run(*argv: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env, timeout=60, check=False)


def _assert_nothing_secret(text: str) -> None:
    for secret in (SECRET, TOKEN, "Authorization", "ACS3-HMAC-SHA256 Credential", f"acs {KEY_ID}:", "Signature="):
        assert secret not in text, secret


@pytest.mark.parametrize(
    ("log", "levels"),
    [
        ("debug", ["WARNING", "DEBUG"]),  # every attempt
        ("DEBUG", ["WARNING", "DEBUG"]),  # in any case
        ("info", ["WARNING"]),  # INFO and above: the failed attempts (a success is DEBUG)
        (None, []),  # unset: the package's NullHandler only
        ("verbose", []),  # an unknown value is ignored, not an error
    ],
)
def test_foas_log_writes_each_attempt_to_stderr(
    fake: LoopbackFake, service: FakeFoasService, log: str | None, levels: list[str]
) -> None:
    service.inject(Fault.error(503))
    result = _run("-c", CALL, fake.base_url, *DOCUMENTED, env=_environment(log))
    assert (result.returncode, result.stdout) == (0, "")
    records = [RECORD.fullmatch(line) for line in result.stderr.splitlines()]
    # Only the attempt records: stamina's retry line is its own and printed by logging's last resort,
    # and the fake runs in this process, so its records are not in the child's stderr.
    found = [record for record in records if record]
    assert [record["level"] for record in found] == levels
    expected = [("503 ServerError", "1", "will retry"), ("200", "2", "final")][: len(levels)]
    assert [record.group("outcome", "attempt", "decision") for record in found] == expected
    _assert_nothing_secret(result.stdout + result.stderr)


@pytest.mark.parametrize("log", ["debug", "info"])
def test_a_wrong_secret_is_logged_without_the_secret_or_the_token(fake: LoopbackFake, log: str) -> None:
    wrong = "Wrong-Log-Secret-Never-Shown-7731"
    result = _run("-c", CALL, fake.base_url, *DOCUMENTED, env=_environment(log, secret=wrong))
    assert (result.returncode, result.stdout.strip()) == (0, "SignatureDoesNotMatch")
    (record,) = [found for line in result.stderr.splitlines() if (found := RECORD.fullmatch(line))]
    assert (record["level"], record["outcome"], record["decision"]) == ("ERROR", "400 AuthError", "final")
    for text in (wrong, SECRET, TOKEN, "Authorization", f"acs {KEY_ID}:"):
        assert text not in result.stdout + result.stderr


@pytest.mark.parametrize("verbosity", ["-v", "-vv"])
def test_foas_verbose_shows_the_records_once_even_with_foas_log(
    fake: LoopbackFake, service: FakeFoasService, verbosity: str
) -> None:
    service.inject(Fault.error(503))
    argv = ["-m", "foas_client", "get-ref-package-job", "--project-name", "project1", "--package-name", "package1.jar"]
    result = _run(*argv, "--endpoint", fake.base_url, "--output", "json", verbosity, env=_environment("debug"))
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    attempts = [line for line in lines if line.startswith("foas: GetRefPackageJob GET 127.0.0.1 -> ")]
    assert len(attempts) == 2 and not any(RECORD.fullmatch(line) for line in lines)  # -v's lines, not FOAS_LOG's
    assert any(line.startswith("foas: retry 1 in ") for line in lines)
    assert any(line.startswith("foas: HTTP Request: ") for line in lines) == (verbosity == "-vv")
    _assert_nothing_secret(result.stdout + result.stderr)


def test_foas_log_alone_shows_the_command_s_attempts(fake: LoopbackFake) -> None:
    argv = ["-m", "foas_client", "get-ref-package-job", "--project-name", "project1", "--package-name", "package1.jar"]
    result = _run(*argv, "--endpoint", fake.base_url, "--output", "json", env=_environment("debug"))
    assert result.returncode == 0
    (record,) = [found for line in result.stderr.splitlines() if (found := RECORD.fullmatch(line))]
    assert (record["level"], record["outcome"]) == ("DEBUG", "200")
    _assert_nothing_secret(result.stdout + result.stderr)
