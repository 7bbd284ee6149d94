"""Fixtures for the loopback end-to-end tests: no backoff waits, held-request release, retry capture."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import stamina
from stamina.instrumentation import RetryDetails, set_on_retry_hooks


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
