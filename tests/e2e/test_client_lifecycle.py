"""A client's life on real HTTP: shared by threads, closed, and used after closing.

Against the package's loopback fake. Open connections are counted from the client's side, in
``/proc`` (Linux): the sockets this process holds whose peer is the fake's port.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from foas_client import AsyncFoasClient, Client, FoasClient, GetRefPackageJobResponse
from foas_client.errors import InvalidParameterError
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, LoopbackFake, documented_page, make_jobs

PROJECT, PACKAGE = "project1", "package1.jar"  # the fake's documented job
THREADS = 16

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts sockets in /proc")


@pytest.fixture
def service() -> FakeFoasService:
    return FakeFoasService.with_documented_jobs()


@pytest.fixture
def fake(service: FakeFoasService) -> Iterator[LoopbackFake]:
    with service.serve() as fake:
        yield fake


def open_connections_to(base_url: str) -> int:
    """Sockets this process holds open (an fd) whose remote end is ``base_url``'s port."""
    port = httpx.URL(base_url).port
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # closed since listed
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    count = 0
    for table in ("/proc/self/net/tcp", "/proc/self/net/tcp6"):
        for line in Path(table).read_text(encoding="ascii").splitlines()[1:]:
            fields = line.split()
            remote_port = int(fields[2].rpartition(":")[2], 16)
            count += remote_port == port and fields[9] in inodes
    return count


def test_one_client_shared_by_threads_leaves_no_connection_open_after_close(
    fake: LoopbackFake, service: FakeFoasService
) -> None:
    baseline = open_connections_to(fake.base_url)
    client = FoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS)
    start = threading.Barrier(THREADS)

    def call(_: int) -> GetRefPackageJobResponse:
        start.wait()  # every thread makes its first call at once
        return client.get_ref_package_job(PROJECT, PACKAGE)

    with ThreadPoolExecutor(THREADS) as pool:
        pages = list(pool.map(call, range(THREADS)))
    assert open_connections_to(fake.base_url) > baseline  # kept alive for the next call
    client.close()

    assert [page.jobs for page in pages] == [documented_page().jobs] * THREADS
    assert service.requests == THREADS
    assert open_connections_to(fake.base_url) == baseline


def test_the_generated_client_makes_one_httpx_client_whatever_the_threads(fake: LoopbackFake) -> None:
    client = Client(base_url=fake.base_url)
    start = threading.Barrier(THREADS)

    def get(_: int) -> httpx.Client:
        start.wait()
        return client.get_httpx_client()

    with ThreadPoolExecutor(THREADS) as pool:
        made = {id(http) for http in pool.map(get, range(THREADS))}
    client.get_httpx_client().close()

    assert len(made) == 1


def test_the_async_client_shared_by_tasks_leaves_no_connection_open_after_aclose(fake: LoopbackFake) -> None:
    baseline = open_connections_to(fake.base_url)

    async def run() -> list[GetRefPackageJobResponse]:
        async with AsyncFoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS) as client:
            return await asyncio.gather(*(client.get_ref_package_job(PROJECT, PACKAGE) for _ in range(THREADS)))

    pages = asyncio.run(run())

    assert [page.jobs for page in pages] == [documented_page().jobs] * THREADS
    assert open_connections_to(fake.base_url) == baseline


# --- a call after close() -----------------------------------------------------------------------------

CLOSED = r"^FoasClient is closed \(close\(\) was called\): make a new client for more calls$"
ACLOSED = r"^AsyncFoasClient is closed \(aclose\(\) was called\): make a new client for more calls$"


def test_a_call_after_close_raises_invalid_parameter_error_and_sends_nothing(
    fake: LoopbackFake, service: FakeFoasService
) -> None:
    with FoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS) as client:
        client.get_ref_package_job(PROJECT, PACKAGE)
    sent = service.requests

    with pytest.raises(InvalidParameterError, match=CLOSED):
        client.get_ref_package_job(PROJECT, PACKAGE)
    with pytest.raises(InvalidParameterError, match=CLOSED):
        list(client.iter_jobs(PROJECT, PACKAGE))
    with pytest.raises(InvalidParameterError, match=CLOSED):
        list(client.iter_pages(PROJECT, PACKAGE, concurrency=4))

    assert service.requests == sent == 1
    assert open_connections_to(fake.base_url) == 0


def test_a_call_before_any_other_after_close_is_refused(fake: LoopbackFake, service: FakeFoasService) -> None:
    client = FoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS)
    client.close()

    with pytest.raises(InvalidParameterError, match=CLOSED):
        client.get_ref_package_job(PROJECT, PACKAGE)
    assert service.requests == 0


def test_a_listing_stops_at_the_next_page_once_its_client_is_closed(
    fake: LoopbackFake, service: FakeFoasService
) -> None:
    service.add_jobs("p", "big.jar", make_jobs(30, project_name="p", package_name="big.jar"))
    client = FoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS)
    pages = client.iter_pages("p", "big.jar", page_size=10)
    assert next(pages).page_index == 1
    client.close()

    with pytest.raises(InvalidParameterError, match=CLOSED):
        next(pages)
    assert service.requests == 1


def test_an_async_call_after_aclose_raises_invalid_parameter_error_and_sends_nothing(
    fake: LoopbackFake, service: FakeFoasService
) -> None:
    async def run() -> None:
        async with AsyncFoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS) as client:
            await client.get_ref_package_job(PROJECT, PACKAGE)

        with pytest.raises(InvalidParameterError, match=ACLOSED):
            await client.get_ref_package_job(PROJECT, PACKAGE)
        with pytest.raises(InvalidParameterError, match=ACLOSED):
            [job async for job in client.iter_jobs(PROJECT, PACKAGE)]
        with pytest.raises(InvalidParameterError, match=ACLOSED):
            [page async for page in client.iter_pages(PROJECT, PACKAGE, concurrency=4)]

        unused = AsyncFoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS)
        await unused.aclose()
        with pytest.raises(InvalidParameterError, match=ACLOSED):
            await unused.get_ref_package_job(PROJECT, PACKAGE)

    asyncio.run(run())

    assert service.requests == 1
