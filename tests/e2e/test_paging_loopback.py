"""Paging over real HTTP on 127.0.0.1: 2,345 jobs in JSON and in XML, every page signed and verified.

The server answers from plain dicts with the wire names (JSON by ``json.dumps``, XML by string building),
by the ``pageIndex``/``pageSize`` it receives, with the totals a real listing would send.
"""

from __future__ import annotations

import asyncio
import json
import math
from typing import Any, Literal
from urllib.parse import parse_qs
from xml.sax.saxutils import escape

import pytest

from foas_client import AsyncFoasClient, Credentials, FoasClient
from foas_client.errors import PaginationError
from tests.support.roa_server import ReceivedRequest, RoaVerifyingServer

KEY_ID, SECRET = "LTAI5tPagingKey", "paging-secret-0123"
TOTAL = 2345
PAGE_SIZE = 100  # 24 pages; each answer costs ~40 ms on loopback (Nagle + delayed ACK in the test server)
Format = Literal["json", "xml"]
JOBS = [
    {"JobId": f"job-{i:05d}", "JobName": f"job {i} <&>", "CreateTime": 1551161842000 + i, "IsCommitted": i % 2 == 0}
    for i in range(TOTAL)
]


def to_xml(document: dict[str, Any]) -> bytes:
    def text(value: Any) -> str:
        return json.dumps(value) if isinstance(value, bool) else escape(str(value))

    fields = "".join(f"<{name}>{text(value)}</{name}>" for name, value in document.items() if name != "Jobs")
    jobs = "".join(
        "<Job>" + "".join(f"<{k}>{text(v)}</{k}>" for k, v in job.items()) + "</Job>" for job in document["Jobs"]["Job"]
    )
    return f"<GetRefPackageJobResponse>{fields}<Jobs>{jobs}</Jobs></GetRefPackageJobResponse>".encode()


def listing(fmt: Format, *, same_page: bool = False) -> Any:
    """A responder serving ``JOBS`` page by page (or page 1 whatever is asked, when ``same_page``)."""

    def respond(request: ReceivedRequest) -> tuple[int, dict[str, str], bytes]:
        query = parse_qs(request.raw_target.partition("?")[2])
        page, size = int(query["pageIndex"][0]), int(query["pageSize"][0])
        served = 1 if same_page else page
        document = {
            "RequestId": f"req-{page}",
            "PageIndex": page,
            "PageSize": size,
            "TotalCount": TOTAL,
            "TotalPage": math.ceil(TOTAL / size),
            "Jobs": {"Job": JOBS[(served - 1) * size : served * size]},
        }
        if fmt == "xml":
            return 200, {"Content-Type": "text/xml;charset=utf-8"}, to_xml(document)
        return 200, {"Content-Type": "application/json"}, json.dumps(document).encode()

    return respond


def pages_requested(server: RoaVerifyingServer) -> list[int]:
    return sorted(int(parse_qs(r.raw_target.partition("?")[2])["pageIndex"][0]) for r in server.received)


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("concurrency", [1, 4])
def test_sync_client_reads_every_job_once_over_http(fmt: Format, concurrency: int) -> None:
    with RoaVerifyingServer({KEY_ID: SECRET}, listing(fmt)) as server:
        client = FoasClient(
            credentials=Credentials(KEY_ID, SECRET), endpoint=server.base_url, response_format=fmt, timeout=5
        )
        with client:
            jobs = list(client.iter_jobs("project1", "package1.jar", page_size=PAGE_SIZE, concurrency=concurrency))
    assert [job.job_id for job in jobs] == [job["JobId"] for job in JOBS]
    assert jobs[7].job_name == "job 7 <&>" and jobs[7].is_committed is False
    assert pages_requested(server) == list(range(1, math.ceil(TOTAL / PAGE_SIZE) + 1))
    assert all(request.signature_ok for request in server.received)


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("concurrency", [1, 4])
def test_async_client_reads_every_job_once_over_http(fmt: Format, concurrency: int) -> None:
    async def run(base_url: str) -> list[str]:
        client = AsyncFoasClient(
            credentials=Credentials(KEY_ID, SECRET), endpoint=base_url, response_format=fmt, timeout=5
        )
        async with client:
            return [
                job.job_id
                async for job in client.iter_jobs(
                    "project1", "package1.jar", page_size=PAGE_SIZE, concurrency=concurrency
                )
            ]

    with RoaVerifyingServer({KEY_ID: SECRET}, listing(fmt)) as server:
        job_ids = asyncio.run(run(server.base_url))
    assert job_ids == [job["JobId"] for job in JOBS]
    assert pages_requested(server) == list(range(1, math.ceil(TOTAL / PAGE_SIZE) + 1))
    assert all(request.signature_ok for request in server.received)


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_server_ignoring_the_page_number_raises_over_http(fmt: Format) -> None:
    with RoaVerifyingServer({KEY_ID: SECRET}, listing(fmt, same_page=True)) as server:
        client = FoasClient(credentials=Credentials(KEY_ID, SECRET), endpoint=server.base_url, response_format=fmt)
        seen: list[str] = []
        with client, pytest.raises(PaginationError, match="page 2: it repeats page 1"):
            for job in client.iter_jobs("project1", "package1.jar", page_size=PAGE_SIZE, concurrency=4):
                seen.append(job.job_id)
    assert seen == [job["JobId"] for job in JOBS[:PAGE_SIZE]]
