"""Fixtures for the loopback end-to-end tests: no backoff waits, held-request release, retry capture,
and the ``foas`` command run in process against a module's ``fake``.

``environment`` and ``foas`` are not autouse: a module of ``foas`` tests takes them with
``pytestmark = pytest.mark.usefixtures("environment")`` and a ``fake`` fixture of its own (anything
served on loopback with a ``base_url``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import stamina
from stamina.instrumentation import RetryDetails, set_on_retry_hooks

from foas_client._cli import main
from foas_client._core.credentials import ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN
from foas_client._core.http.core import ENV_REGION_ID
from foas_client._core.testing.server import LoopbackServer
from foas_client.testing import TEST_CREDENTIALS


@pytest.fixture(autouse=True)
def no_backoff() -> Iterator[None]:
    """Retries without waiting; ``cap=True`` keeps each client's own ``max_attempts`` (all are below 10)."""
    with stamina.set_testing(True, attempts=10, cap=True):
        yield


@pytest.fixture
def release() -> Iterator[threading.Event]:
    """An event that held requests wait on; set at teardown so no server thread outlives the test."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def retries() -> Iterator[list[RetryDetails]]:
    """Every retry stamina schedules, in order (replaces the default logging hook for the test)."""
    seen: list[RetryDetails] = []
    set_on_retry_hooks([seen.append])
    yield seen
    set_on_retry_hooks(None)


@dataclass
class Run:
    """One ``foas`` run in process: its exit code and what it printed."""

    code: int
    out: str
    err: str

    @property
    def err_line(self) -> str:
        """The one line a failure prints (asserting that there is exactly one)."""
        lines = self.err.splitlines()
        assert len(lines) == 1 and self.err.endswith("\n"), self.err
        assert "Traceback" not in self.err
        return lines[0]


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The fake's credentials in the environment, as a user would set them; no STS token, no region."""
    monkeypatch.setenv(ENV_ACCESS_KEY_ID, TEST_CREDENTIALS.access_key_id)
    monkeypatch.setenv(ENV_ACCESS_KEY_SECRET, TEST_CREDENTIALS.access_key_secret)
    monkeypatch.delenv(ENV_SECURITY_TOKEN, raising=False)
    monkeypatch.delenv(ENV_REGION_ID, raising=False)
    return monkeypatch


@pytest.fixture
def foas(fake: LoopbackServer, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Runs ``foas COMMAND ARGS... --endpoint <the fake>`` in process; ``endpoint=None`` leaves it out."""

    def run(*argv: str, endpoint: str | None = fake.base_url) -> Run:
        capsys.readouterr()
        code = main([*argv, *(["--endpoint", endpoint] if endpoint else [])])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
