"""``make bench``: every performance goal of the client, each as a ratio to a baseline measured in the same run.

    python -m tests.bench.run [--only listing,call,decode,rss,import,generate] [--strict]

Prints the machine, then one row per figure: the median sample of this client and of its baseline,
then the per-round ratios (this client / baseline) of interleaved rounds: their min, their median
and their spread (min–max), the goal and PASS or MISS, judged on the median ratio. Exits 0 (a
measurement) unless ``--strict`` is given and a goal is missed: then 1. Bounded: about three minutes
on 2 cores, a third of it streaming 2 x 3 x 110,000 jobs for the peak-RSS figures.

Where a goal against a peer (the official SDK) would lie below what any client can do on the machine,
the goal is a ratio to a *floor* measured in the same rounds (the least code that does the same work),
and a second figure keeps this client ahead of the peer. The goals are ``GOALS``; the sections that
measure them ``SECTIONS`` (one entry each: adding a figure is a section function and its goals).

Figures (goal in brackets; "ours" is this client; every request signed with signature V3, the default):

cli-all      whole process ``foas get-ref-package-job --all --output jsonl``, 2,000 jobs, pages of 20,
             20 ms latency per request, vs a whole process running the official SDK's sequential loop
             [≥ 4× faster]; cli-all/floor: the same process vs the floor process [≤ 1.25]: http.client
             keep-alive, 8 threads, hand-signed V3, ``json.loads``, jsonl out; cli-all-httpx/floor: that
             floor sending through httpx, the HTTP library this client is built on (info)
conc-8       ``FoasClient.iter_jobs(concurrency=8)``, same listing, vs the floor in this process at 8
             threads [≤ 1.05]; conc-8-async: ``AsyncFoasClient`` likewise [≤ 1.10]; conc-8/sdk: vs the
             official SDK from a ``ThreadPoolExecutor(8)`` (info)
sequential   ``iter_jobs`` one page at a time vs the official SDK's sequential loop, same listing (info)
cpu/request  CPU of this process per request at 0 latency, sequential, vs an httpx GET signed by hand
             with V3 + ``json.loads`` [≤ 0.85]
call         the whole call for one 100-job JSON page through ``httpx.MockTransport``: arguments checked,
             signed, sent, decoded into the models, vs hand-written httpx + V3 signing + msgspec Structs [≤ 1.3]
json         bytes -> model of the same page (``decode_response``) vs msgspec into equivalent Structs
             (info: the call's decode alone); json-stdlib: the same without the ``speedups`` extra (info)
xml          the same page as XML vs lxml + a minimal hand walk to the same dict [≤ 1.1]
rss-cli      peak RSS of the CLI streaming 100,000 jobs as jsonl vs 10,000 jobs [≤ 1.1]
rss-iter     peak RSS of a process running ``iter_jobs(concurrency=8)`` over 100,000 vs 10,000 jobs [≤ 1.1]
import       CPU of ``import foas_client`` vs ``import httpx``, installed wheel with bytecode, fresh
             interpreters [≤ 1.3]: the package's names load on first use; import-client: ``from
             foas_client import FoasClient``, what a program imports before its first call (info)
generate     ``python -m generator --output <tmp>`` wall time, an absolute goal [≤ 3 s]
sweep        ``FoasClient.find_unreferenced_packages`` over one project of 500 packages (a third of them
             referenced by 5 jobs), 20 ms latency, vs the official SDK's sequential loop (ListPackage
             pages, then GetRefPackageJob for each) [≥ 5× faster]; sweep/floor: the same vs the least
             code doing the same calls with 8 threads (http.client, V3, json.loads) [≤ 1.25]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence, Sized
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TypeVar
from unittest import mock

import httpx

from foas_client import AsyncFoasClient, FoasClient, GetRefPackageJobResponse, JobList
from foas_client._core.decoding import responses
from foas_client._core.decoding.responses import decode_response, json_parser
from foas_client._core.testing.xml_writer import encode_xml
from foas_client._schema import SHAPES
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, make_jobs
from tests.bench.baselines import as_builtins, hand_call, msgspec_decoder, signed_httpx_listing, xml_hand_walk
from tests.bench.fake_process import PACKAGE, PROJECT, SMALL_PACKAGE, fake_process
from tests.bench.installed import installed_wheel
from tests.bench.measure import (
    Figure,
    Goal,
    Rounds,
    call_time,
    child_env,
    import_seconds,
    interleave,
    interleave_calls,
    interleave_sides,
    peak_rss_kib,
    process_seconds,
    render,
    repeat,
)
from tests.bench.sweep import ESTATE, client_sweep, floor_sweep, official_sdk_sweep
from tests.bench.workloads import floor_listing, official_sdk_listing

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[2]
RESPONSE = "GetRefPackageJobResponse"
ACCESS_KEY = (TEST_CREDENTIALS.access_key_id, TEST_CREDENTIALS.access_key_secret)
CREDENTIALS_ENV = {
    "ALIBABA_CLOUD_ACCESS_KEY_ID": TEST_CREDENTIALS.access_key_id,
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET": TEST_CREDENTIALS.access_key_secret,
}

# The goals (issue 21's table), by figure key. A ratio is this client / the baseline its row names:
# below 1, this client is faster. A figure whose key is not here is for information.
GOALS: dict[str, Goal] = {
    "cli-all": Goal(0.25, "≤ 0.25 (4× faster)"),  # vs the official SDK's loop: ahead of the peer
    "cli-all/floor": Goal(1.25, "≤ 1.25"),  # vs the floor process: close to the limit
    "conc-8": Goal(1.05, "≤ 1.05"),  # vs the floor at 8 threads (the wait alone is most of it)
    "conc-8-async": Goal(1.10, "≤ 1.10"),
    "cpu/request": Goal(0.85, "≤ 0.85"),
    "call": Goal(1.3, "≤ 1.3"),
    "xml": Goal(1.1, "≤ 1.1"),
    "rss-cli": Goal(1.1, "≤ 1.1 (flat)"),
    "rss-iter": Goal(1.1, "≤ 1.1 (flat)"),
    "import": Goal(1.3, "≤ 1.3"),
    "generate": Goal(3.0, "≤ 3 s"),
    "sweep": Goal(0.2, "≤ 0.2 (5× faster)"),  # the package sweep vs the official SDK's loop
    "sweep/floor": Goal(1.25, "≤ 1.25"),  # vs a standard-library floor at 8 threads
}

LIST_JOBS, LIST_PAGE_SIZE, LIST_LATENCY, CONCURRENCY = 2_000, 20, 0.020, 8
# The floors (tests.bench.workloads.floor_listing): the same listing with the least code that can do it,
# measured in the same rounds. No client can beat its floor by much, so a goal against a peer that
# lies below the floor's own ratio to that peer cannot be met on the machine, whatever the client does.
FLOOR_PROCESS = "floor process (http.client, 8 threads, V3, json.loads, jsonl)"
FLOOR_THREADS = "floor, http.client + json.loads, 8 threads"
DECODE_JOBS = 100
CALL_BASE_URL = "http://foas.test"  # the call figure's endpoint: no socket behind it, httpx.MockTransport answers
STREAM_JOBS, STREAM_SMALL, STREAM_PAGE_SIZE, STREAM_CONCURRENCY = 100_000, 10_000, 100, 8
# Rounds per figure: more where a sample is short (noise shrinks with the median of many), fewer where
# one sample takes seconds (the sequential listings, 100 x 20 ms; the 100,000-job streams).
ROUNDS = {
    "cli-all": 5, "conc-8": 7, "sequential": 3, "cpu": 15, "call": 9, "decode": 9, "rss": 3, "import": 9, "generate": 5,
    "sweep": 3,  # a round is about 14 s, most of it the official SDK's sequential loop
}  # fmt: skip


# -- the measuring functions: each takes the things it compares ----------------------------------


def per_call_figure(
    key: str,
    what: str,
    ours: Callable[[], object],
    baseline_name: str,
    baseline: Callable[[], object],
    goal: Goal | None,
    *,
    rounds: int,
    number: int,
) -> Figure:
    """Wall seconds of a call of ``ours`` vs ``baseline``: per round the median of ``number`` alternating calls."""
    samples = interleave_calls(ours, baseline, rounds=rounds, number=number)
    return Figure(key, what, baseline_name, "s", samples, goal)


def cpu_figure(
    key: str,
    what: str,
    ours: Callable[[], object],
    baseline_name: str,
    baseline: Callable[[], object],
    goal: Goal | None,
    *,
    rounds: int,
    per_call: int = 1,
) -> Figure:
    """CPU seconds of this process per unit of work (a call does ``per_call``): per round the median of 3 calls."""
    samples = interleave_calls(ours, baseline, rounds=rounds, number=3, clock=time.process_time)
    per_unit = Rounds(
        tuple(value / per_call for value in samples.ours),
        None if samples.baseline is None else tuple(value / per_call for value in samples.baseline),
    )
    return Figure(key, what, baseline_name, "s", per_unit, goal)


def rss_figure(
    key: str,
    what: str,
    large: Sequence[str],
    baseline_name: str,
    small: Sequence[str],
    goal: Goal | None,
    *,
    rounds: int,
    jobs: tuple[int, int],
    env: Mapping[str, str] | None = None,
) -> Figure:
    """Peak RSS of a fresh process running ``large`` vs one running ``small`` (listing ``jobs``), interleaved rounds."""
    samples = interleave(
        peak_rss_kib(large, env=env, cwd=ROOT, jobs=jobs[0]),
        peak_rss_kib(small, env=env, cwd=ROOT, jobs=jobs[1]),
        rounds=rounds,
    )
    return Figure(key, what, baseline_name, "KiB", samples, goal)


def import_figure(
    key: str,
    what: str,
    python: str,
    statement: str,
    baseline: str,
    goal: Goal | None,
    *,
    rounds: int,
    path: Sequence[str] = (),
) -> Figure:
    """CPU of the import ``statement`` vs the ``baseline`` one, fresh ``python -I`` interpreters: per round the
    median of 3."""
    ours, theirs = import_seconds(python, statement, path=path), import_seconds(python, baseline, path=path)
    samples = interleave(ours, theirs, rounds=rounds, number=3)
    return Figure(key, what, baseline, "s", samples, goal)


def absolute_figure(key: str, what: str, command: Sequence[str], goal: Goal, *, rounds: int) -> Figure:
    """Wall seconds of ``command`` against an absolute ``goal``, repeated rounds."""
    return Figure(key, what, "—", "s", repeat(process_seconds(command, cwd=ROOT), rounds=rounds), goal)


# -- listing -----------------------------------------------------------------------------------------


def sync_listing(client: FoasClient, concurrency: int) -> Callable[[], int]:
    def listing() -> int:
        return sum(1 for _ in client.iter_jobs(PROJECT, PACKAGE, page_size=LIST_PAGE_SIZE, concurrency=concurrency))

    return listing


@contextmanager
def async_listing(base_url: str, concurrency: int) -> Iterator[Callable[[], int]]:
    """A listing through one ``AsyncFoasClient`` on one event loop, both made once, as the sync client is."""
    loop = asyncio.new_event_loop()
    client = AsyncFoasClient(endpoint=base_url, credentials=TEST_CREDENTIALS)

    async def listing() -> int:
        seen = 0
        async for _ in client.iter_jobs(PROJECT, PACKAGE, page_size=LIST_PAGE_SIZE, concurrency=concurrency):
            seen += 1
        return seen

    try:
        yield lambda: loop.run_until_complete(listing())
    finally:
        loop.run_until_complete(client.aclose())
        loop.close()


def checked(work: Callable[[], T], expected: T, found: str) -> Callable[[], T]:
    """``work``, checked to give ``expected``: work that stops early, or decides wrong, must not look fast.
    ``found`` says what it gave, with ``{}`` for its size (a number's own value, a collection's length)."""

    def run() -> T:
        result = work()
        if result != expected:
            raise RuntimeError(f"{found.format(_size(result))}, expected {_size(expected)}")
        return result

    return run


def _size(result: object) -> object:
    return len(result) if isinstance(result, Sized) else result


def counted(listing: Callable[[], int], expected: int) -> Callable[[], int]:
    """``listing``, checked to see every job."""
    return checked(listing, expected, "listed {} jobs")


def official(base_url: str, threads: int) -> Callable[[], int]:
    listing = official_sdk_listing(
        base_url, ACCESS_KEY, project=PROJECT, package=PACKAGE, page_size=LIST_PAGE_SIZE, threads=threads
    )
    return counted(listing, LIST_JOBS)


def least(base_url: str, threads: int) -> Callable[[], int]:
    """The floor's listing in this process (see ``floor_listing``)."""
    listing = floor_listing(
        base_url, ACCESS_KEY, project=PROJECT, package=PACKAGE, page_size=LIST_PAGE_SIZE, threads=threads
    )
    return counted(listing, LIST_JOBS)


def sides_figures(
    sides: Mapping[str, tuple[float, ...]], rows: Sequence[tuple[str, str, str, str, str]]
) -> list[Figure]:
    """Figures from the samples of sides measured in the same rounds (``measure.interleave_sides``).

    ``rows``: (key, what, our side, baseline's side, the baseline's name) each; the goal is ``GOALS[key]``.
    """
    return [
        Figure(key, what, baseline_name, "s", Rounds(sides[mine], sides[theirs]), GOALS.get(key))
        for key, what, mine, theirs, baseline_name in rows
    ]


def listing_figures(python: str) -> list[Figure]:
    """cli-all (and its floor), conc-8 (sync, async, their floor), sequential (20 ms latency), cpu/request
    (none); ``python``: the wheel's."""
    what = f"{LIST_JOBS:,} jobs, pages of {LIST_PAGE_SIZE}, {LIST_LATENCY * 1e3:.0f} ms latency"
    figures = []
    with fake_process(jobs=LIST_JOBS, latency=LIST_LATENCY) as base_url:
        cli = [
            python, "-m", "foas_client", "get-ref-package-job", "--project-name", PROJECT, "--package-name", PACKAGE,
            "--all", "--output", "jsonl", "--page-size", str(LIST_PAGE_SIZE), "--endpoint", base_url,
        ]  # fmt: skip
        sdk = [
            python, "-m", "tests.bench.workloads", "official-sdk", "--endpoint", base_url, "--project", PROJECT,
            "--package", PACKAGE, "--page-size", str(LIST_PAGE_SIZE), "--threads", "1",
        ]  # fmt: skip
        floor = [
            python, "-m", "tests.bench.workloads", "floor", "--endpoint", base_url, "--project", PROJECT,
            "--package", PACKAGE, "--page-size", str(LIST_PAGE_SIZE), "--threads", str(CONCURRENCY), "--jsonl",
        ]  # fmt: skip
        env = child_env(**CREDENTIALS_ENV)
        # The four processes take turns in every round: each ratio below is of two runs a moment apart.
        processes = interleave_sides(
            {
                name: process_seconds(command, env=env, cwd=ROOT, jobs=LIST_JOBS)
                for name, command in (("cli", cli), ("sdk", sdk), ("floor", floor), ("httpx", [*floor, "--httpx"]))
            },
            rounds=ROUNDS["cli-all"],
        )
        figures += sides_figures(
            processes,
            [
                ("cli-all", f"whole process: foas --all --output jsonl, {what}", "cli", "sdk", "official SDK loop"),
                ("cli-all/floor", "  the same process", "cli", "floor", FLOOR_PROCESS),
                ("cli-all-httpx/floor", "  the floor process sending through httpx", "httpx", "floor", FLOOR_PROCESS),
                ("cli-all-floor/sdk", "  the floor process, against the peer", "floor", "sdk", "official SDK loop"),
            ],
        )
        with (
            FoasClient(endpoint=base_url, credentials=TEST_CREDENTIALS) as client,
            async_listing(base_url, CONCURRENCY) as asynchronous_listing,
        ):
            listings = interleave_sides(
                {
                    name: call_time(listing)
                    for name, listing in (
                        ("sync", counted(sync_listing(client, CONCURRENCY), LIST_JOBS)),
                        ("async", counted(asynchronous_listing, LIST_JOBS)),
                        ("floor", least(base_url, CONCURRENCY)),
                        ("sdk", official(base_url, CONCURRENCY)),
                    )
                },
                rounds=ROUNDS["conc-8"],
            )
            figures += sides_figures(
                listings,
                [
                    ("conc-8", f"FoasClient.iter_jobs(concurrency={CONCURRENCY}), same listing", "sync", "floor",
                     FLOOR_THREADS),
                    ("conc-8-async", f"AsyncFoasClient.iter_jobs(concurrency={CONCURRENCY})", "async", "floor",
                     FLOOR_THREADS),
                    ("conc-8/sdk", "  FoasClient.iter_jobs, against the peer", "sync", "sdk",
                     f"official SDK, {CONCURRENCY} threads"),
                    ("conc-8-floor/sdk", "  the floor, against the peer", "floor", "sdk",
                     f"official SDK, {CONCURRENCY} threads"),
                ],
            )  # fmt: skip
            figures.append(
                per_call_figure(
                    "sequential",
                    "iter_jobs one page at a time, same listing",
                    counted(sync_listing(client, 1), LIST_JOBS),
                    "official SDK loop",
                    official(base_url, 1),
                    GOALS.get("sequential"),
                    rounds=ROUNDS["sequential"],
                    number=1,
                )
            )
    # The client's own work per request, without the latency that hides it: CPU of this process only
    # (the fake runs in its own), sequential, so that no thread pool's cost is counted.
    pages = LIST_JOBS // LIST_PAGE_SIZE
    with (
        fake_process(jobs=LIST_JOBS) as base_url,
        FoasClient(endpoint=base_url, credentials=TEST_CREDENTIALS) as client,
        httpx.Client() as http,
    ):
        by_hand = signed_httpx_listing(
            http, base_url, ACCESS_KEY, project=PROJECT, package=PACKAGE, page_size=LIST_PAGE_SIZE
        )
        figures.append(
            cpu_figure(
                "cpu/request",
                "CPU per request, iter_jobs sequential, 0 latency",
                counted(sync_listing(client, 1), LIST_JOBS),
                "httpx GET, V3 signed by hand, json.loads",
                counted(by_hand, LIST_JOBS),
                GOALS.get("cpu/request"),
                rounds=ROUNDS["cpu"],
                per_call=pages,
            )
        )
    return figures


# -- the package sweep -------------------------------------------------------------------------------


def sweep_figures() -> list[Figure]:
    """sweep, sweep/floor: which of 500 packages no job references, three ways, each checked against the estate."""
    expected = ESTATE.unreferenced()

    def unreferenced(sweep: Callable[[], set[str]]) -> Callable[[], set[str]]:
        return checked(sweep, expected, "found {} unreferenced packages")

    made = ESTATE.made()  # the fake's own estate: what the fake process serves
    (project,) = made.owners
    what = (
        f"find_unreferenced_packages: {len(project.items)} packages, {len(project.referenced)} used by "
        f"{made.per_item} jobs each, {LIST_LATENCY * 1e3:.0f} ms latency"
    )
    with (
        fake_process(jobs=0, latency=LIST_LATENCY, estate=True) as base_url,
        FoasClient(endpoint=base_url, credentials=TEST_CREDENTIALS) as client,
    ):
        sides = interleave_sides(
            {
                "ours": call_time(unreferenced(client_sweep(client, project=ESTATE.project))),
                "sdk": call_time(unreferenced(official_sdk_sweep(base_url, ACCESS_KEY, project=ESTATE.project))),
                "floor": call_time(unreferenced(floor_sweep(base_url, ACCESS_KEY, project=ESTATE.project))),
            },
            rounds=ROUNDS["sweep"],
        )
    return sides_figures(
        sides,
        [
            ("sweep", what, "ours", "sdk", "official SDK loop"),
            ("sweep/floor", "  the same sweep", "ours", "floor", FLOOR_THREADS),
            ("sweep-floor/sdk", "  the floor, against the peer", "floor", "sdk", "official SDK loop"),
        ],
    )


# -- one whole call ----------------------------------------------------------------------------------


def call_figures() -> list[Figure]:
    """call: one 100-job JSON page, the client's whole call vs a hand-written one, both through
    ``httpx.MockTransport`` (no socket, no latency: what is left is each side's own work)."""
    document = page_document()
    body = json.dumps(document, ensure_ascii=False).encode()
    answer = {"Content-Type": "application/json;charset=utf-8", "x-acs-request-id": str(document["RequestId"])}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers=answer)

    def same_page(client: FoasClient, http: httpx.Client) -> None:
        ours = client.get_ref_package_job(PROJECT, PACKAGE, page_size=DECODE_JOBS).to_dict()
        theirs = as_builtins(hand_call(http, ACCESS_KEY, project=PROJECT, package=PACKAGE, page_size=DECODE_JOBS)())
        ours.pop("RequestId"), theirs.pop("RequestId")  # the fake's differ from one answer to the next
        assert ours == theirs, "the hand-written call does not read the page as the client"

    # Both sides checked first against the fake (their signatures verified as V3, the same page read)
    # and against the constant answer; then both are timed against that answer.
    service = FakeFoasService(credentials=[TEST_CREDENTIALS])
    service.add_jobs(PROJECT, PACKAGE, make_jobs(DECODE_JOBS, project_name=PROJECT, package_name=PACKAGE))
    answering = httpx.MockTransport(handler)
    with (
        FoasClient(endpoint=CALL_BASE_URL, credentials=TEST_CREDENTIALS, transport=answering) as client,
        httpx.Client(base_url=CALL_BASE_URL, transport=answering) as http,
    ):
        faked = service.transport()
        with (
            FoasClient(endpoint=CALL_BASE_URL, credentials=TEST_CREDENTIALS, transport=faked) as on_fake,
            httpx.Client(base_url=CALL_BASE_URL, transport=faked) as http_on_fake,
        ):
            same_page(on_fake, http_on_fake)
        same_page(client, http)
        assert list(service.signature_versions) == ["v3", "v3"], service.signature_versions
        return [
            per_call_figure(
                "call",
                f"whole call, {DECODE_JOBS}-job JSON page ({len(body) / 1e3:.0f} KB), httpx.MockTransport",
                lambda: client.get_ref_package_job(PROJECT, PACKAGE, page_size=DECODE_JOBS),
                "httpx + V3 by hand + msgspec Structs",
                hand_call(http, ACCESS_KEY, project=PROJECT, package=PACKAGE, page_size=DECODE_JOBS),
                GOALS.get("call"),
                rounds=ROUNDS["call"],
                number=21,
            )
        ]


# -- decoding one page -------------------------------------------------------------------------------


def page_document() -> dict[str, object]:
    jobs = make_jobs(DECODE_JOBS, project_name=PROJECT, package_name=PACKAGE)
    page = GetRefPackageJobResponse(
        request_id="31FDAE27-F135-4DAB-9C75-FADD6B0C4D1D",
        page_index=1,
        page_size=DECODE_JOBS,
        total_count=DECODE_JOBS,
        total_page=1,
        jobs=JobList(job=jobs),
    )
    return page.to_dict()


@contextmanager
def without_speedups() -> Iterator[None]:
    """The client's JSON bodies read by the standard library's json, as when installed without ``[speedups]``."""
    with mock.patch.object(responses, "_fast_loads", lambda: None):
        assert json_parser() == "json"
        yield


def decode_figures() -> list[Figure]:
    """json, json-stdlib, xml: one 100-job page, bytes to the client's model vs the baselines."""
    document = page_document()
    body = json.dumps(document, ensure_ascii=False).encode()  # as the fake (and the service) sends it
    xml = encode_xml(document, RESPONSE, SHAPES)
    as_json = httpx.Response(200, content=body, headers={"Content-Type": "application/json;charset=utf-8"})
    as_xml = httpx.Response(200, content=xml, headers={"Content-Type": "text/xml;charset=utf-8"})
    model = GetRefPackageJobResponse
    decode_msgspec = msgspec_decoder()
    # The same data on every side, checked before anything is timed.
    for response in (as_json, as_xml):
        assert decode_response(response, model, RESPONSE, SHAPES).to_dict() == document
    assert as_builtins(decode_msgspec(body)) == document, "the msgspec Structs do not read the page as the client"
    assert xml_hand_walk(xml) == document, "the lxml hand walk does not read the page as the client"

    def typed_json() -> object:
        return decode_response(as_json, model, RESPONSE, SHAPES)

    def typed_xml() -> object:
        return decode_response(as_xml, model, RESPONSE, SHAPES)

    size = f"{len(body) / 1e3:.0f} KB"
    rounds = ROUNDS["decode"]
    figures = [
        per_call_figure(
            "json",
            f"typed decode alone, the same page ({size}), parser {json_parser()}",
            typed_json,
            "msgspec Structs",
            lambda: decode_msgspec(body),
            GOALS.get("json"),
            rounds=rounds,
            number=21,
        )
    ]
    with without_speedups():
        figures.append(
            per_call_figure(
                "json-stdlib",
                "  the same with the stdlib json (installed without [speedups])",
                typed_json,
                "msgspec Structs",
                lambda: decode_msgspec(body),
                None,
                rounds=rounds,
                number=21,
            )
        )
    figures.append(
        per_call_figure(
            "xml",
            f"typed decode, the same page as XML ({len(xml) / 1e3:.0f} KB)",
            typed_xml,
            "lxml + hand walk",
            lambda: xml_hand_walk(xml),
            GOALS.get("xml"),
            rounds=rounds,
            number=21,
        )
    )
    return figures


# -- peak RSS while streaming -----------------------------------------------------------------------


def rss_figures(python: str) -> list[Figure]:
    """rss-cli, rss-iter: fresh processes of the installed wheel, 100,000 jobs vs 10,000 jobs."""
    env = child_env(**CREDENTIALS_ENV)
    with fake_process(jobs=STREAM_JOBS, also=STREAM_SMALL) as base_url:

        def cli(package: str) -> list[str]:
            return [
                python, "-m", "foas_client", "get-ref-package-job", "--project-name", PROJECT, "--package-name",
                package, "--all", "--output", "jsonl", "--page-size", str(STREAM_PAGE_SIZE), "--endpoint", base_url,
            ]  # fmt: skip

        def iter_jobs(package: str) -> list[str]:
            return [
                python, "-m", "tests.bench.workloads", "iter-jobs", "--endpoint", base_url, "--project", PROJECT,
                "--package", package, "--page-size", str(STREAM_PAGE_SIZE), "--concurrency", str(STREAM_CONCURRENCY),
            ]  # fmt: skip

        small = f"{STREAM_SMALL:,} jobs"
        return [
            rss_figure(
                "rss-cli",
                f"peak RSS, foas --all --output jsonl, {STREAM_JOBS:,} jobs",
                cli(PACKAGE),
                small,
                cli(SMALL_PACKAGE),
                GOALS.get("rss-cli"),
                rounds=ROUNDS["rss"],
                jobs=(STREAM_JOBS, STREAM_SMALL),
                env=env,
            ),
            rss_figure(
                "rss-iter",
                f"peak RSS, iter_jobs(concurrency={STREAM_CONCURRENCY}), {STREAM_JOBS:,} jobs",
                iter_jobs(PACKAGE),
                small,
                iter_jobs(SMALL_PACKAGE),
                GOALS.get("rss-iter"),
                rounds=ROUNDS["rss"],
                jobs=(STREAM_JOBS, STREAM_SMALL),
                env=env,
            ),
        ]


# -- importing, regenerating ------------------------------------------------------------------------


def import_figures(python: str) -> list[Figure]:
    """import: the package (its names load on first use); import-client: what a program imports before its
    first call, the client class (httpx, attrs and the core with it, no operation's models yet)."""
    what = "import foas_client (CPU), installed wheel with bytecode, fresh interpreter"
    client = "from foas_client import FoasClient"
    return [
        import_figure("import", what, python, "import foas_client", "import httpx", GOALS.get("import"),
                      rounds=ROUNDS["import"]),
        import_figure("import-client", f"  {client}", python, client, "import httpx", GOALS.get("import-client"),
                      rounds=ROUNDS["import"]),
    ]  # fmt: skip


def generate_figures() -> list[Figure]:
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-m", "generator", "--output", scratch]
        return [
            absolute_figure(
                "generate",
                "make generate (python -m generator --output <tmp>)",
                command,
                GOALS["generate"],
                rounds=ROUNDS["generate"],
            )
        ]


# -- the report ------------------------------------------------------------------------------------


def _installed(distribution: str) -> str:
    """The version of ``distribution``, or "not installed" (``make bench`` installs the bench's baselines first)."""
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


def machine() -> list[str]:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.partition(":")[2].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    parser = f"msgspec {version('msgspec')}" if json_parser() == "msgspec" else "stdlib json"
    return [
        f"machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, load average {load}",
        f"python:  {platform.python_implementation()} {platform.python_version()}; foas-client {version('foas-client')}"
        f", JSON parser {parser}, lxml {version('lxml')}, httpx {version('httpx')}",
        f"baselines: aliyun-python-sdk-foas {_installed('aliyun-python-sdk-foas')} "
        f"+ aliyun-python-sdk-core {_installed('aliyun-python-sdk-core')}, msgspec {version('msgspec')}",
    ]


@dataclass(frozen=True)
class Section:
    """A part of the run (``--only``): the figures it measures; ``wheel``: whether it takes the installed
    wheel's python (fresh processes of the client as users install it)."""

    figures: Callable[[str], list[Figure]]
    wheel: bool = False


# The sections, in the order they run. A new figure is one entry here and its goals in GOALS.
SECTIONS: dict[str, Section] = {
    "listing": Section(listing_figures, wheel=True),
    "call": Section(lambda _: call_figures()),
    "decode": Section(lambda _: decode_figures()),
    "rss": Section(rss_figures, wheel=True),
    "import": Section(import_figures, wheel=True),
    "generate": Section(lambda _: generate_figures()),
    "sweep": Section(lambda _: sweep_figures()),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run", description=__doc__.partition("\n")[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"sections to run, of {','.join(SECTIONS)}")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed (a measurement by default)")
    args = parser.parse_args(argv)
    chosen = args.only.split(",")
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections {', '.join(sorted(unknown))}; choose from {','.join(SECTIONS)}")
    started = time.perf_counter()
    print("\n".join(machine()), flush=True)
    figures: list[Figure] = []
    with ExitStack() as stack:
        wheel = any(SECTIONS[name].wheel for name in chosen)
        python = stack.enter_context(installed_wheel()) if wheel else sys.executable
        for name in chosen:
            figures += SECTIONS[name].figures(python)
            print(f"  ... {name} done ({time.perf_counter() - started:.0f} s)", flush=True)
    print()
    print(render(figures))
    judged = [figure for figure in figures if figure.passed is not None]
    met = sum(1 for figure in judged if figure.passed)
    print(
        f"\n{met}/{len(judged)} goals met in {time.perf_counter() - started:.0f} s. ratio = this client / baseline, "
        "per round; min, median and spread (min–max) of the rounds; the verdict uses the median."
    )
    return 1 if args.strict and met < len(judged) else 0


if __name__ == "__main__":
    sys.exit(main())
