"""The fake counts every DELETE it answered, however many requests its bounded request log has let go."""

from __future__ import annotations

import pytest

from foas_client import FoasClient
from foas_client._core.testing import service as fake_service
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService


def test_every_delete_is_counted_after_the_request_log_has_moved_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fake_service, "REQUESTS_KEPT", 2)  # a log of 2, so that 3 more requests push it out
    service = FakeFoasService.with_estate(projects=1, packages=4, referenced=0.5, seed=1)
    assert service.estate is not None
    owner = service.estate.owners[0]
    with FoasClient(credentials=TEST_CREDENTIALS, transport=service.transport()) as client:
        client.delete_package(owner.name, owner.unreferenced[0])
        for _ in range(3):
            client.list_package(owner.name)
    assert len(service.request_log) == 2 and all(record.method == "GET" for record in service.request_log)
    assert [(record.method, record.status) for record in service.deletes] == [("DELETE", 200)]
    assert service.deletes[0].path.endswith(f"/{owner.unreferenced[0]}")
