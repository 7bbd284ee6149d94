"""Every attempt of a call writes one record on the ``foas_client`` logger, and no record holds a secret."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest
import stamina

from foas_client import AsyncFoasClient, Credentials, FoasClient
from foas_client.errors import ServerError
from foas_client.testing import FakeFoasService, Fault

_SECRET = "s3cr3t-access-key-secret-value"
_TOKEN = "sts-token-CAIS-very-secret-token"
_CREDENTIALS = Credentials("key-id-for-logs", _SECRET, _TOKEN)


@pytest.fixture(autouse=True)
def no_backoff() -> Iterator[None]:
    with stamina.set_testing(True, attempts=10, cap=True):  # the client's max_attempts still caps
        yield


@pytest.fixture
def service() -> FakeFoasService:
    return FakeFoasService.with_documented_jobs(credentials=[_CREDENTIALS])


def _records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "foas_client"]


def _assert_no_secret(records: list[logging.LogRecord]) -> None:
    for record in records:
        text = record.getMessage() + repr(record.__dict__)
        for secret in (_SECRET, _TOKEN, "Signature", "acs key-id-for-logs:"):
            assert secret not in text


def test_a_retried_failure_then_a_success(service: FakeFoasService, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="foas_client")
    service.inject(Fault.error(503))
    with FoasClient(credentials=_CREDENTIALS, transport=service.transport()) as client:
        client.get_ref_package_job("project1", "package1.jar")
    records = _records(caplog)
    assert [record.levelno for record in records] == [logging.WARNING, logging.DEBUG]
    failed, succeeded = (record.foas_attempt for record in records)  # type: ignore[attr-defined]
    assert failed["operation_id"] == succeeded["operation_id"] == "GetRefPackageJob"
    assert (failed["method"], failed["status"], failed["error"]) == ("GET", 503, "ServerError")
    assert (failed["attempt"], failed["decision"]) == (1, "will retry")
    assert (succeeded["attempt"], succeeded["status"], succeeded["decision"]) == (2, 200, "final")
    assert failed["request_id"] and succeeded["request_id"]
    assert succeeded["elapsed_ms"] >= 0
    assert "GetRefPackageJob GET" in records[0].getMessage() and "will retry" in records[0].getMessage()
    _assert_no_secret(records)


def test_the_final_failure_is_an_error(service: FakeFoasService, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="foas_client")
    service.inject(Fault.error(503), Fault.reset(), Fault.error(503))
    with FoasClient(credentials=_CREDENTIALS, transport=service.transport()) as client, pytest.raises(ServerError):
        client.get_ref_package_job("project1", "package1.jar")
    records = _records(caplog)
    assert [record.levelno for record in records] == [logging.WARNING, logging.WARNING, logging.ERROR]
    assert [record.foas_attempt["attempt"] for record in records] == [1, 2, 3]  # type: ignore[attr-defined]
    assert records[1].foas_attempt["error"] == "TransportError"  # type: ignore[attr-defined]
    assert records[2].foas_attempt["decision"] == "final"  # type: ignore[attr-defined]
    _assert_no_secret(records)


def test_the_async_client_logs_the_same(service: FakeFoasService, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="foas_client")
    service.inject(Fault.error(503))

    async def call() -> None:
        async with AsyncFoasClient(credentials=_CREDENTIALS, transport=service.async_transport()) as client:
            await client.get_ref_package_job("project1", "package1.jar")

    asyncio.run(call())
    records = _records(caplog)
    assert [record.levelno for record in records] == [logging.WARNING, logging.DEBUG]
    assert records[1].foas_attempt["status"] == 200  # type: ignore[attr-defined]
    _assert_no_secret(records)
