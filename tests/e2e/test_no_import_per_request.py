"""A request imports nothing: every module it needs is loaded by the first one, sync and async.

Python does not remember a failed import: code that tries an optional module on every call (httpcore
tries ``sniffio`` at each lock and event of the async client) searches ``sys.path`` every time, a
large part of a request's CPU. The finder below records every module lookup that reaches the import
system, that is every import not already in ``sys.modules``.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator, Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

import pytest

from foas_client import AsyncFoasClient, FoasClient
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, make_jobs
from tests.support.pages import operation

OPERATION = operation("GetRefPackageJob")
PROJECT, PACKAGE = (p["example"] for p in OPERATION["parameters"] if p["in"] == "path")
JOBS, PAGE_SIZE = 60, 10


class _LookupRecorder(MetaPathFinder):
    def __init__(self) -> None:
        self.looked_up: list[str] = []

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        self.looked_up.append(fullname)
        return None  # the next finders do the work


@pytest.fixture
def lookups() -> Iterator[_LookupRecorder]:
    recorder = _LookupRecorder()
    sys.meta_path.insert(0, recorder)
    try:
        yield recorder
    finally:
        sys.meta_path.remove(recorder)


@pytest.fixture
def base_url() -> Iterator[str]:
    service = FakeFoasService(credentials=[TEST_CREDENTIALS])
    service.add_jobs(PROJECT, PACKAGE, make_jobs(JOBS, project_name=PROJECT, package_name=PACKAGE))
    with service.serve() as fake:
        yield fake.base_url


def test_sync_requests_import_nothing(base_url: str, lookups: _LookupRecorder) -> None:
    with FoasClient(endpoint=base_url, credentials=TEST_CREDENTIALS) as client:
        assert len(list(client.iter_jobs(PROJECT, PACKAGE, page_size=PAGE_SIZE, concurrency=4))) == JOBS  # warm
        lookups.looked_up.clear()
        assert len(list(client.iter_jobs(PROJECT, PACKAGE, page_size=PAGE_SIZE, concurrency=4))) == JOBS
    assert lookups.looked_up == []


def test_async_requests_import_nothing(base_url: str, lookups: _LookupRecorder) -> None:
    async def listing(client: AsyncFoasClient) -> int:
        return len([job async for job in client.iter_jobs(PROJECT, PACKAGE, page_size=PAGE_SIZE, concurrency=4)])

    async def main() -> list[str]:
        async with AsyncFoasClient(endpoint=base_url, credentials=TEST_CREDENTIALS) as client:
            assert await listing(client) == JOBS  # warm
            lookups.looked_up.clear()
            assert await listing(client) == JOBS
            return list(lookups.looked_up)

    assert asyncio.run(main()) == []
