"""Pagination from the spec's x-pagination: every item once and in order, sync and async, sequential and
concurrent, JSON and XML, against a scripted server (``httpx.MockTransport``) that can misbehave.

The server builds its bodies here from plain dicts with the wire names (JSON by ``json.dumps``, XML by
string building), so nothing of the package's own encoding is trusted. The rules for a listing without
totals, which no decoded page can reach (a page must carry them), are tested through the generic core
with a ``fetch`` function returning pages without totals (``BarePages``).
"""

from __future__ import annotations

import asyncio
import inspect
import json
import math
import threading
import time
from collections.abc import Iterator
from contextlib import aclosing
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Literal
from xml.sax.saxutils import escape

import attrs
import httpx
import pytest
import stamina

from foas_client import AsyncFoasClient, Client, Credentials, FoasClient, GetRefPackageJobResponse, Job, decode_body
from foas_client._core.paging import DEFAULT_MAX_PAGES, PageRules, aiter_items, iter_items, page_request
from foas_client._schema import OPERATION_IDS, OPERATIONS
from foas_client.api.packages import get_ref_package_job
from foas_client.errors import (
    DecodeError,
    FoasError,
    InvalidParameterError,
    NotFoundError,
    PaginationError,
    ServerError,
)
from tests.support.pages import operation, required_fields
from tests.support.pages import page as valid_page

Format = Literal["json", "xml"]
BASE_URL = "https://foas.test"
EXAMPLES = Path(__file__).resolve().parents[2] / "spec" / "examples"
DOCUMENTED = [  # the vendor's documented bodies, and the Content-Type each is served with
    ("GetRefPackageJob.documented.json", "application/json"),
    ("GetRefPackageJob.documented.xml", "application/xml"),
    ("GetRefPackageJob.rooted.xml", "text/xml;charset=utf-8"),
]
OPERATION = "GetRefPackageJob"
RULES = PageRules.of(OPERATIONS[OPERATION])
RESPONSE = "GetRefPackageJobResponse"
TOTAL = 2345
SERVER_DEFAULT_SIZE = 10
X_PAGINATION = operation(OPERATION)["x-pagination"]
# The wire names of what a page says about the listing besides its items and number: its totals and size.
TOTALS = [X_PAGINATION[key][-1] for key in ("totalItems", "totalPages", "pageSize")]


def make_jobs(count: int) -> list[dict[str, Any]]:
    """``count`` distinct jobs as the wire has them (JSON names, JSON values)."""
    return [
        {
            "JobId": f"job-{index:05d}",
            "JobName": f"job <{index}> & co",
            "ProjectName": "project1",
            "Packages": "package1.jar,other.jar",
            "CreateTime": 1551161842000 + index,
            "IsCommitted": index % 3 == 0,
            "JobType": "FLINK_STREAM" if index % 2 else "FLINK_BATCH",
            "FolderId": 10148,
        }
        for index in range(count)
    ]


def json_body(document: dict[str, Any]) -> bytes:
    return json.dumps(document).encode()


def xml_body(document: dict[str, Any]) -> bytes:
    """The rooted XML form: one element per field, ``<Jobs>`` wrapping repeated ``<Job>``, ``<Jobs/>`` if empty."""

    def text(value: Any) -> str:
        return json.dumps(value) if isinstance(value, bool) else escape(str(value))

    parts = ['<?xml version="1.0" encoding="UTF-8"?><GetRefPackageJobResponse>']
    for name, value in document.items():
        if name == "Jobs":
            jobs = value["Job"]
            if not jobs:
                parts.append("<Jobs/>")
                continue
            parts.append("<Jobs>")
            for job in jobs:
                parts.append("<Job>" + "".join(f"<{k}>{text(v)}</{k}>" for k, v in job.items()) + "</Job>")
            parts.append("</Jobs>")
        else:
            parts.append(f"<{name}>{text(value)}</{name}>")
    parts.append("</GetRefPackageJobResponse>")
    return "".join(parts).encode()


@dataclass
class PagedServer:
    """Serves ``jobs`` by pageIndex/pageSize with correct totals, unless told to misbehave.

    Attributes:
        fmt: the body format (JSON, or rooted XML as ``text/xml;charset=utf-8``).
        same_page: serve page 1 whatever was asked; ``echo`` then says which PageIndex it claims.
        total_count_from: ``(page, count)``: from that page on, claim ``count`` as TotalCount.
        size_from: ``(page, size)``: from that page on, echo ``size`` as PageSize.
        empty_from: from that page on, serve no jobs (the totals unchanged).
        omit: fields (wire names) left out of the pages from ``omit_from`` on: pages the client must refuse.
        total_page: claim this TotalPage instead of the right one.
        failures: page → statuses to answer, one per request, before serving it.
        delay: seconds each request takes (``time.sleep`` sync, ``asyncio.sleep`` async).
    """

    jobs: list[dict[str, Any]]
    fmt: Format = "json"
    same_page: bool = False
    echo: Literal["requested", "served"] = "requested"
    total_count_from: tuple[int, int] | None = None
    size_from: tuple[int, int] | None = None
    empty_from: int | None = None
    omit: tuple[str, ...] = ()
    omit_from: int = 1
    total_page: int | None = None
    failures: dict[int, list[int]] = field(default_factory=dict)
    delay: float = 0.0
    requested: list[int] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def document(self, page: int, size: int) -> dict[str, Any]:
        served = 1 if self.same_page else page
        if self.empty_from is not None and page >= self.empty_from:
            jobs = []
        else:
            jobs = self.jobs[(served - 1) * size : served * size]
        document: dict[str, Any] = {"RequestId": f"req-{page}"}
        document["PageIndex"] = page if self.echo == "requested" else served
        count = len(self.jobs)
        if self.total_count_from is not None and page >= self.total_count_from[0]:
            count = self.total_count_from[1]
        echoed_size = self.size_from[1] if self.size_from and page >= self.size_from[0] else size
        document["PageSize"] = echoed_size
        document["TotalCount"] = count
        document["TotalPage"] = self.total_page if self.total_page is not None else math.ceil(count / size)
        document["Jobs"] = {"Job": jobs}
        if page >= self.omit_from:
            for name in self.omit:
                del document[name]
        return document

    def respond(self, request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("pageIndex", "1"))
        size = int(request.url.params.get("pageSize", str(SERVER_DEFAULT_SIZE)))
        with self.lock:
            self.requested.append(page)
            pending = self.failures.get(page)
            status = pending.pop(0) if pending else 200
        if status != 200:
            error = {"RequestId": "e", "Code": "ServiceUnavailable" if status >= 500 else "Job.NotFound"}
            return httpx.Response(status, json=error)
        document = self.document(page, size)
        if self.fmt == "xml":
            return httpx.Response(200, content=xml_body(document), headers={"Content-Type": "text/xml;charset=utf-8"})
        return httpx.Response(200, content=json_body(document), headers={"Content-Type": "application/json"})

    def _enter(self) -> None:
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _leave(self) -> None:
        with self.lock:
            self.in_flight -= 1

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self._enter()
        try:
            if self.delay:
                time.sleep(self.delay)
            return self.respond(request)
        finally:
            self._leave()

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        self._enter()
        try:
            await asyncio.sleep(self.delay)  # also lets the other tasks start their requests
            return self.respond(request)
        finally:
            self._leave()


def put(target: SimpleNamespace, path: tuple[str, ...], value: Any) -> None:
    """Sets attribute path ``path`` of ``target`` to ``value``, making the objects on the way."""
    for name in path[:-1]:
        if not hasattr(target, name):
            setattr(target, name, SimpleNamespace())
        target = getattr(target, name)
    setattr(target, path[-1], value)


@dataclass
class BarePages:
    """Pages without totals, as a ``fetch`` function given to the generic core (``iter_items``) may return them.

    A body without totals is no page for the decoder (see
    ``test_a_page_without_totals_is_refused_not_taken_for_the_end``): the paginator's rules for a listing
    without totals are reached only this way. Each page has its jobs and its number at the attribute paths
    the operation's x-pagination names, and ``None`` (not sent) at the others: its size and totals.

    Attributes:
        jobs: served by page number and size (``SERVER_DEFAULT_SIZE`` when no size is asked for).
        endless: every page is full, forever.
    """

    jobs: list[dict[str, Any]]
    endless: bool = False
    requested: list[int] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0

    def page(self, arguments: dict[str, Any]) -> SimpleNamespace:
        rules = PageRules.of(OPERATIONS[OPERATION])
        assert rules.size_argument is not None
        number: int = arguments[rules.page_argument]
        size: int = arguments[rules.size_argument] or SERVER_DEFAULT_SIZE
        self.requested.append(number)
        if self.endless:
            jobs = [{"JobId": f"endless-{number}-{i}"} for i in range(size)]
        else:
            jobs = self.jobs[(number - 1) * size : number * size]
        bare = SimpleNamespace()
        put(bare, rules.items, [Job.from_dict(job) for job in jobs])
        put(bare, rules.page_index, number)
        for path in (rules.page_size, rules.total_items, rules.total_pages):
            if path:
                put(bare, path, None)
        return bare

    def fetch(self, arguments: dict[str, Any]) -> SimpleNamespace:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return self.page(arguments)
        finally:
            self.in_flight -= 1

    async def afetch(self, arguments: dict[str, Any]) -> SimpleNamespace:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0)  # lets any other task start its request
            return self.page(arguments)
        finally:
            self.in_flight -= 1


CREDENTIALS = Credentials("LTAI5tTestKeyId", "test-secret")


def sync_client(server: PagedServer) -> FoasClient:
    return FoasClient(
        credentials=CREDENTIALS, endpoint=BASE_URL, response_format=server.fmt, transport=httpx.MockTransport(server)
    )


def async_client(server: PagedServer) -> AsyncFoasClient:
    return AsyncFoasClient(
        credentials=CREDENTIALS,
        endpoint=BASE_URL,
        response_format=server.fmt,
        transport=httpx.MockTransport(server.handle_async),
    )


class Mode:
    """Runs the same listing through ``FoasClient`` or ``AsyncFoasClient``; results and errors come back alike."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name

    def jobs(self, server: PagedServer, **options: Any) -> list[str]:
        return [job.job_id for job in self.collect(server, "iter_jobs", **options)]

    def pages(self, server: PagedServer, **options: Any) -> list[GetRefPackageJobResponse]:
        return self.collect(server, "iter_pages", **options)

    def collect(self, server: PagedServer, method: str, *, into: list[Any] | None = None, **options: Any) -> list[Any]:
        """Every element, appended to ``into`` as it arrives (so a test sees what came before an error)."""
        seen: list[Any] = [] if into is None else into
        if self.name == "sync":
            with sync_client(server) as client:
                for item in getattr(client, method)("project1", "package1.jar", **options):
                    seen.append(item)
            return seen

        async def run() -> None:
            async with (
                async_client(server) as client,
                aclosing(getattr(client, method)("project1", "package1.jar", **options)) as items,
            ):
                async for item in items:
                    seen.append(item)

        asyncio.run(run())
        return seen

    def core_jobs(
        self, pages: BarePages, *, into: list[Any] | None = None, page_size: int | None = None, **options: Any
    ) -> list[str]:
        """The job IDs that the generic core (``iter_items``/``aiter_items``) yields over ``pages``."""
        seen: list[Any] = [] if into is None else into
        request = page_request(RULES, page=None, size=page_size)
        if self.name == "sync":
            seen.extend(iter_items(RULES, request, pages.fetch, **options))
        else:

            async def run() -> None:
                async with aclosing(aiter_items(RULES, request, pages.afetch, **options)) as items:
                    async for item in items:
                        seen.append(item)

            asyncio.run(run())
        return [job.job_id for job in seen]


SYNC, ASYNC = Mode("sync"), Mode("async")
MODES = [SYNC, ASYNC]


@pytest.fixture(autouse=True)
def no_backoff() -> Iterator[None]:
    with stamina.set_testing(True, attempts=3, cap=True):
        yield


def ids(jobs: list[dict[str, Any]]) -> list[str]:
    return [job["JobId"] for job in jobs]


# --- every job exactly once, in order ----------------------------------------------------------------

JOBS = make_jobs(TOTAL)


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("page_size", [20, 100])
@pytest.mark.parametrize("concurrency", [1, 4, 8])
def test_every_job_once_in_order(mode: Mode, fmt: Format, page_size: int, concurrency: int) -> None:
    server = PagedServer(JOBS, fmt=fmt)
    got = mode.jobs(server, page_size=page_size, concurrency=concurrency)
    assert got == ids(JOBS)
    pages = math.ceil(TOTAL / page_size)
    assert sorted(server.requested) == list(range(1, pages + 1))  # each page once, none beyond TotalPage
    assert server.max_in_flight <= concurrency


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_jobs_decode_with_their_types(mode: Mode, fmt: Format) -> None:
    server = PagedServer(JOBS[:25], fmt=fmt)
    [job] = mode.collect(server, "iter_jobs", page_size=20, start_page=2, limit=1)
    assert (job.job_id, job.job_name, job.create_time, job.is_committed) == (
        "job-00020",
        "job <20> & co",
        1551161842020,
        False,
    )


@pytest.mark.parametrize("mode", MODES, ids=repr)
def test_pages_come_in_order_with_their_totals(mode: Mode) -> None:
    server = PagedServer(JOBS[:95])
    pages = mode.pages(server, page_size=20, concurrency=3)
    assert [page.page_index for page in pages] == [1, 2, 3, 4, 5]
    assert {(page.total_count, page.total_page, page.page_size) for page in pages} == {(95, 5, 20)}
    assert [len(PageRules.of(OPERATIONS[OPERATION]).read(page).items) for page in pages] == [20, 20, 20, 20, 15]


@pytest.mark.parametrize("mode", MODES, ids=repr)
def test_server_default_page_size(mode: Mode) -> None:
    server = PagedServer(JOBS[:35])
    assert mode.jobs(server, concurrency=2) == ids(JOBS[:35])
    assert sorted(server.requested) == [1, 2, 3, 4]


# --- limit and start page ----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize("concurrency", [1, 4])
def test_limit_stops_early_and_fetches_only_the_pages_it_needs(mode: Mode, concurrency: int) -> None:
    server = PagedServer(JOBS)
    assert mode.jobs(server, page_size=20, limit=45, concurrency=concurrency) == ids(JOBS[:45])
    assert sorted(server.requested) == [1, 2, 3]


@pytest.mark.parametrize("mode", MODES, ids=repr)
def test_limit_zero_sends_nothing_and_limit_above_the_total_gives_all(mode: Mode) -> None:
    server = PagedServer(JOBS[:30])
    assert mode.jobs(server, limit=0) == []
    assert server.requested == []
    assert mode.jobs(server, page_size=20, limit=1000, concurrency=4) == ids(JOBS[:30])


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize("concurrency", [1, 4])
def test_start_page(mode: Mode, concurrency: int) -> None:
    server = PagedServer(JOBS)
    assert mode.jobs(server, page_size=20, start_page=5, concurrency=concurrency) == ids(JOBS[80:])
    assert sorted(server.requested) == list(range(5, 119))


@pytest.mark.parametrize("mode", MODES, ids=repr)
def test_start_page_beyond_the_end_gives_nothing(mode: Mode) -> None:
    server = PagedServer(JOBS[:30])
    assert mode.jobs(server, page_size=20, start_page=9, concurrency=4) == []
    assert server.requested == [9]


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_empty_listing(mode: Mode, fmt: Format) -> None:
    server = PagedServer([], fmt=fmt)
    assert mode.jobs(server, page_size=20, concurrency=4) == []
    assert server.requested == [1]
    if fmt == "xml":
        assert b"<Jobs/>" in server.respond(httpx.Request("GET", BASE_URL)).content


# --- guards ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize("concurrency", [1, 4])
def test_a_server_ignoring_the_page_number_is_caught_before_any_job_repeats(mode: Mode, concurrency: int) -> None:
    server = PagedServer(JOBS, same_page=True, echo="requested")  # claims the page asked for, serves page 1
    seen: list[Any] = []
    expected = (
        rf"^{OPERATION} page 2: it repeats page 1 \(20 items, the same first and last\): "
        r"the server ignored the page number$"
    )
    with pytest.raises(PaginationError, match=expected) as info:
        mode.collect(server, "iter_jobs", into=seen, page_size=20, concurrency=concurrency)
    assert [job.job_id for job in seen] == ids(JOBS[:20])
    assert (info.value.operation_id, info.value.page) == (OPERATION, 2)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("mode", MODES, ids=repr)
def test_a_page_other_than_the_one_asked_for(mode: Mode) -> None:
    server = PagedServer(JOBS, same_page=True, echo="served")  # honest echo: PageIndex 1 for page 2
    with pytest.raises(PaginationError, match="page 2: the server answered page 1 instead"):
        mode.jobs(server, page_size=20)


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize("concurrency", [1, 4])
def test_totals_that_change_mid_way(mode: Mode, concurrency: int) -> None:
    server = PagedServer(JOBS, total_count_from=(3, TOTAL - 45))
    seen: list[Any] = []
    with pytest.raises(PaginationError, match=r"page 3: the item count changed from 2345 \(page 1\) to 2300") as info:
        mode.collect(server, "iter_jobs", into=seen, page_size=20, concurrency=concurrency)
    assert [job.job_id for job in seen] == ids(JOBS[:40])
    assert info.value.page == 3


@pytest.mark.parametrize("mode", MODES, ids=repr)
def test_page_size_that_changes_mid_way(mode: Mode) -> None:
    server = PagedServer(JOBS, size_from=(2, 10))
    with pytest.raises(PaginationError, match="page 2: the page size changed from 20"):
        mode.jobs(server, page_size=20)


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize("concurrency", [1, 4])
def test_an_empty_page_short_of_the_announced_count_is_an_error(mode: Mode, concurrency: int) -> None:
    """Never a silently short listing: the jobs before the empty page arrive, then the error says what is missing."""
    server = PagedServer(JOBS, empty_from=4)
    seen: list[Any] = []
    with pytest.raises(PaginationError, match=r"page 4: it is empty, but the first page announced 2345 items") as info:
        mode.collect(server, "iter_jobs", into=seen, page_size=20, concurrency=concurrency)
    assert [job.job_id for job in seen] == ids(JOBS[:60])
    assert info.value.page == 4
    assert len(server.requested) <= 3 + concurrency  # the empty page, and at most the pages already ahead


@pytest.mark.parametrize("mode", MODES, ids=repr)
def test_an_empty_page_after_every_announced_item_ends_the_listing_cleanly(mode: Mode) -> None:
    server = PagedServer(JOBS[:60], total_page=5)  # a page count too high: page 4 is empty, all 60 arrived
    assert mode.jobs(server, page_size=20) == ids(JOBS[:60])


@pytest.mark.parametrize("mode", MODES, ids=repr)
def test_a_short_page_count_drops_no_job(mode: Mode) -> None:
    server = PagedServer(JOBS[:95], total_page=2)  # TotalCount 95 at 20 a page is 5 pages
    assert mode.jobs(server, page_size=20, concurrency=4) == ids(JOBS[:95])


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("omit", [(name,) for name in TOTALS] + [tuple(TOTALS)], ids="+".join)
def test_a_page_without_totals_is_refused_not_taken_for_the_end(mode: Mode, fmt: Format, omit: tuple[str, ...]) -> None:
    """A listing whose pages lose their totals raises, naming the field, after the pages before: it never ends
    quietly on a short page, nor before it."""
    assert set(omit) <= set(required_fields())  # what the spec makes every page carry
    server = PagedServer(JOBS[:95], fmt=fmt, omit=omit, omit_from=3)
    seen: list[Any] = []
    with pytest.raises(DecodeError) as info:
        mode.collect(server, "iter_jobs", into=seen, page_size=20)
    assert info.value.path in omit
    assert [job.job_id for job in seen] == ids(JOBS[:40])
    assert server.requested == [1, 2, 3]  # refused once, not retried
    server = PagedServer(JOBS[:95], fmt=fmt, omit=omit)  # from the first page: no job at all, and no empty listing
    with pytest.raises(DecodeError) as info:
        mode.jobs(server, page_size=20, concurrency=4)
    assert info.value.path in omit
    assert server.requested == [1]


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize("concurrency", [1, 4])
def test_without_totals_a_short_page_ends_the_listing(mode: Mode, concurrency: int) -> None:
    pages = BarePages(JOBS[:95])
    assert mode.core_jobs(pages, page_size=20, concurrency=concurrency) == ids(JOBS[:95])
    assert pages.requested == [1, 2, 3, 4, 5]  # one after the other: the end is unknown
    assert pages.max_in_flight == 1


@pytest.mark.parametrize("mode", MODES, ids=repr)
def test_without_totals_or_page_size_an_empty_page_ends_the_listing(mode: Mode) -> None:
    pages = BarePages(JOBS[:35])
    assert mode.core_jobs(pages) == ids(JOBS[:35])  # the default size, never told: full, full, full, short...
    assert pages.requested == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("mode", MODES, ids=repr)
def test_pages_that_never_end_stop_at_max_pages(mode: Mode) -> None:
    pages = BarePages([], endless=True)
    seen: list[Any] = []
    with pytest.raises(PaginationError, match=r"page 8: not fetched: 7 pages \(max_pages\) were read already") as info:
        mode.core_jobs(pages, into=seen, page_size=5, max_pages=7, concurrency=4)
    assert len(seen) == 35
    assert pages.requested == [1, 2, 3, 4, 5, 6, 7]
    assert "sends no totals and its pages are full" in str(info.value)
    assert "raise max_pages" in str(info.value)


@pytest.mark.parametrize("mode", MODES, ids=repr)
def test_max_pages_also_bounds_a_listing_with_totals(mode: Mode) -> None:
    server = PagedServer(JOBS)
    seen: list[Any] = []
    with pytest.raises(PaginationError, match="the server announced 118 pages from page 1"):
        mode.collect(server, "iter_pages", into=seen, page_size=20, max_pages=10, concurrency=4)
    assert len(seen) == 10
    assert sorted(server.requested) == list(range(1, 11))


def test_the_default_cap() -> None:
    assert DEFAULT_MAX_PAGES == 10_000
    assert "max_pages" in inspect.signature(FoasClient.iter_jobs).parameters


# --- retries, errors, bad arguments ------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize("concurrency", [1, 4])
def test_each_page_is_retried_like_a_call(mode: Mode, concurrency: int) -> None:
    server = PagedServer(JOBS[:200], failures={3: [503], 7: [503, 503]})
    assert mode.jobs(server, page_size=20, concurrency=concurrency) == ids(JOBS[:200])
    assert server.requested.count(3) == 2
    assert server.requested.count(7) == 3
    assert sorted(set(server.requested)) == list(range(1, 11))


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize("concurrency", [1, 4])
def test_errors_come_in_page_order_after_the_pages_before(mode: Mode, concurrency: int) -> None:
    server = PagedServer(JOBS[:200], failures={3: [404], 5: [503, 503, 503]})
    seen: list[Any] = []
    with pytest.raises(NotFoundError):
        mode.collect(server, "iter_jobs", into=seen, page_size=20, concurrency=concurrency)
    assert [job.job_id for job in seen] == ids(JOBS[:40])
    server = PagedServer(JOBS[:200], failures={5: [503, 503, 503]})
    with pytest.raises(ServerError):
        mode.jobs(server, page_size=20, concurrency=concurrency)


@pytest.mark.parametrize("mode", MODES, ids=repr)
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"concurrency": 0}, "concurrency must be an integer of at least 1"),
        ({"limit": -1}, "limit must be an integer of at least 0"),
        ({"start_page": 0}, "first page to fetch must be at least 1"),
        ({"page_size": 0}, "page size must be at least 1"),
        ({"max_pages": 0}, "max_pages must be an integer of at least 1"),
    ],
)
def test_bad_arguments_raise_at_the_call_and_send_nothing(mode: Mode, options: dict[str, Any], message: str) -> None:
    server = PagedServer(JOBS[:10])
    client = sync_client(server) if mode is SYNC else async_client(server)
    with pytest.raises(InvalidParameterError, match=message):
        client.iter_jobs("project1", "package1.jar", **options)  # no iteration: raised by the call itself
    assert server.requested == []


def test_an_operation_without_x_pagination() -> None:
    with pytest.raises(PaginationError, match=r"^NoSuchOperation: the spec gives it no x-pagination") as info:
        PageRules.of(attrs.evolve(OPERATIONS[OPERATION], operation_id="NoSuchOperation", pagination=None))
    assert isinstance(info.value, FoasError)
    assert info.value.page is None


def test_a_bad_attribute_path_names_itself() -> None:
    rules = PageRules.of(OPERATIONS[OPERATION])
    broken = PageRules(OPERATION, rules.page_argument, rules.size_argument, 1, items=("nope",))
    page = GetRefPackageJobResponse.from_dict(decode_body(json_body(valid_page()), "application/json", RESPONSE))
    with pytest.raises(PaginationError, match="GetRefPackageJobResponse has no attribute 'nope'"):
        broken.read(page)


# --- concurrency is bounded --------------------------------------------------------------------------


def test_async_concurrency_keeps_at_most_that_many_requests_in_flight() -> None:
    for concurrency in (1, 4, 8):
        server = PagedServer(JOBS[:400], delay=0.002)
        assert ASYNC.jobs(server, page_size=20, concurrency=concurrency) == ids(JOBS[:400])
        assert server.max_in_flight == concurrency  # reached, never exceeded


def test_sync_concurrency_keeps_at_most_that_many_requests_in_flight() -> None:
    server = PagedServer(JOBS[:400], delay=0.01)
    assert SYNC.jobs(server, page_size=20, concurrency=4) == ids(JOBS[:400])
    assert 2 <= server.max_in_flight <= 4  # threads: ahead for real, within the bound


@pytest.mark.parametrize("mode", MODES, ids=repr)
def test_no_more_than_concurrency_pages_are_fetched_ahead_of_the_caller(mode: Mode) -> None:
    """Memory stays bounded: while the caller holds page k, at most concurrency - 1 later pages are requested."""
    server = PagedServer(JOBS[:600], delay=0.001)
    ahead: list[int] = []

    def note(received: int) -> None:
        time.sleep(0.003)  # a slow caller: the requests ahead have every chance to run further
        ahead.append(len(server.requested) - received)

    if mode is SYNC:
        with sync_client(server) as client:
            for received, _ in enumerate(client.iter_pages("project1", "package1.jar", page_size=20, concurrency=4), 1):
                note(received)
    else:

        async def run() -> None:
            async with async_client(server) as client:
                pages = client.iter_pages("project1", "package1.jar", page_size=20, concurrency=4)
                received = 0
                async for _ in pages:
                    received += 1
                    await asyncio.sleep(0.003)
                    ahead.append(len(server.requested) - received)

        asyncio.run(run())
    assert len(ahead) == 30
    assert max(ahead) <= 3
    assert max(ahead) >= 1  # it did fetch ahead


def test_leaving_early_stops_the_requests_ahead() -> None:
    server = PagedServer(JOBS, delay=0.005)
    with sync_client(server) as client:
        pages = client.iter_pages("project1", "package1.jar", page_size=20, concurrency=4)
        for page in pages:
            if page.page_index == 3:
                break
        pages.close()
        requested = len(server.requested)
        assert requested <= 3 + 3
        time.sleep(0.05)
        assert len(server.requested) == requested
    assert not [t for t in threading.enumerate() if t.name.startswith("foas-paging")]

    async def run() -> int:
        async with async_client(server) as client:
            async with aclosing(client.iter_pages("project1", "package1.jar", page_size=20, concurrency=4)) as pages:
                async for page in pages:
                    if page.page_index == 3:
                        break
            assert all(task.done() for task in asyncio.all_tasks() if task is not asyncio.current_task())
            return len(server.requested)

    server.requested.clear()
    assert asyncio.run(run()) <= 3 + 3


# --- the generated endpoint functions and the spec-derived rules -------------------------------------


def test_generated_endpoint_functions_page_too() -> None:
    server = PagedServer(JOBS[:95])
    client = Client(base_url=BASE_URL, httpx_args={"transport": httpx.MockTransport(server)})
    jobs = get_ref_package_job.sync_items("project1", "package1.jar", client=client, page_size=20, limit=50)
    assert [job.job_id for job in jobs] == ids(JOBS[:50])
    pages = get_ref_package_job.sync_pages("project1", "package1.jar", client=client, page_size=20, page_index=2)
    assert [page.page_index for page in pages] == [2, 3, 4, 5]

    async def run() -> tuple[list[str], list[object]]:
        aclient = Client(base_url=BASE_URL, httpx_args={"transport": httpx.MockTransport(server.handle_async)})
        items = get_ref_package_job.asyncio_items("project1", "package1.jar", client=aclient, page_size=20)
        pages = get_ref_package_job.asyncio_pages(
            "project1", "package1.jar", client=aclient, page_size=20, concurrency=3
        )
        return [job.job_id async for job in items], [page.page_index async for page in pages]

    assert asyncio.run(run()) == (ids(JOBS[:95]), [1, 2, 3, 4, 5])


def test_the_rules_come_from_the_spec_and_name_real_arguments_and_attributes() -> None:
    assert {name for name, spec in OPERATIONS.items() if spec.pagination} <= set(OPERATION_IDS.values())
    rules = PageRules.of(OPERATIONS[OPERATION])
    assert (rules.page_argument, rules.size_argument, rules.first_page) == ("page_index", "page_size", 1)
    parameters = inspect.signature(get_ref_package_job.sync).parameters
    assert {rules.page_argument, rules.size_argument} <= set(parameters)
    assert page_request(RULES, page=3, size=None) == {"page_index": 3, "page_size": None}


@pytest.mark.parametrize(("file", "content_type"), DOCUMENTED)
def test_the_rules_read_the_documented_examples(file: str, content_type: str) -> None:
    page = get_ref_package_job._parse_response(
        response=httpx.Response(200, content=(EXAMPLES / file).read_bytes(), headers={"Content-Type": content_type})
    )
    facts = PageRules.of(OPERATIONS[OPERATION]).read(page)
    assert (facts.page_index, facts.page_size, facts.total_items, facts.total_pages) == (1, 10, 1, 1)
    assert [job.job_id for job in facts.items] == ["9t9m6jfw8rb44iexhbpv3tnz"]


def test_the_core_works_with_any_fetch_function() -> None:
    """The generic core: a plain function as ``fetch``, the request's other arguments passed through untouched."""
    server = PagedServer(JOBS[:45])
    calls: list[dict[str, Any]] = []
    http = Client(base_url=BASE_URL, httpx_args={"transport": httpx.MockTransport(server)})

    def fetch(arguments: dict[str, Any]) -> GetRefPackageJobResponse:
        calls.append(arguments)
        return get_ref_package_job.sync(client=http, **arguments)

    request = {"project_name": "p", "package_name": "q", "page_index": None, "page_size": 20}
    assert [job.job_id for job in iter_items(RULES, request, fetch, concurrency=2)] == ids(JOBS[:45])
    assert [call["page_index"] for call in calls] == [1, 2, 3]
    assert {(call["project_name"], call["page_size"]) for call in calls} == {("p", 20)}
    assert request["page_index"] is None
