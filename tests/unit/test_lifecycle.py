"""The sweep, the guarded delete and their evidence (the spec's x-sweep and x-guard), sync and async.

Against the in-process fake (``FakeFoasService``): what is expected comes from the data given to it
(the packages added, the jobs added for each), never from literals. A wrapping transport records the
requests and fails chosen ones; the throttle gate and the budget are tested with a clock of their own.
"""

from __future__ import annotations

import asyncio
import io
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
import stamina

from foas_client import AsyncFoasClient, Credentials, FoasClient, PackageReferences
from foas_client._core.lifecycle.checks import FIRST_IDS
from foas_client._core.lifecycle.evidence import EvidenceLog
from foas_client._schema import OPERATIONS
from foas_client.errors import FoasError, InUseError, InvalidParameterError, PackageInUseError, ServerError
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, make_jobs, make_packages, make_projects
from generator import lifecycle
from tests.support.pages import spec

CHECKED = OPERATIONS["GetRefPackageJob"]
DELETE = OPERATIONS["DeletePackage"]
ENDPOINT = "http://fake.test"


@pytest.fixture(autouse=True)
def no_backoff() -> Iterator[None]:
    with stamina.set_testing(True, attempts=3, cap=True):
        yield


def fill(fake: FakeFoasService, project: str, packages: int, *, jobs: Callable[[int], int]) -> dict[str, list[str]]:
    """``packages`` packages in ``project``, ``jobs(i)`` jobs referencing the i-th; their job ids by package."""
    made = make_packages(packages, project_name=project, seed=len(project))
    fake.add_packages(project, made)
    referenced: dict[str, list[str]] = {}
    for index, package in enumerate(made):
        found = make_jobs(jobs(index), project_name=project, package_name=package.package_name, seed=index)
        if found:
            fake.add_jobs(project, package.package_name, found)
        referenced[package.package_name] = [job.job_id for job in found]
    return referenced


class Recording(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The fake's transport, each request recorded; ``fail(path_part)`` answers 500 to matching requests."""

    def __init__(self, fake: FakeFoasService) -> None:
        self.fake = fake
        self.sync = fake.transport()
        self.asynchronous = fake.async_transport()
        self.requests: list[tuple[str, str]] = []
        self.queries: list[str] = []
        self.answers: list[tuple[Callable[[httpx.Request], bool], int, dict[str, Any]]] = []
        self.on_request: Callable[[httpx.Request], None] | None = None
        self._lock = threading.Lock()

    def answer(self, when: Callable[[httpx.Request], bool], status: int, body: dict[str, Any]) -> None:
        """Requests for which ``when`` holds get ``status`` and ``body`` (JSON) instead of the fake's answer."""
        self.answers.append((when, status, body))

    def fail(self, when: Callable[[httpx.Request], bool]) -> None:
        self.answer(when, 500, {"RequestId": "FAILED-1", "Code": "InternalError", "Message": "the service failed"})

    def _failure(self, request: httpx.Request) -> httpx.Response | None:
        with self._lock:
            self.requests.append((request.method, unquote(request.url.path)))
            self.queries.append(request.url.query.decode())
        if self.on_request is not None:
            self.on_request(request)
        for when, status, body in self.answers:
            if when(request):
                return httpx.Response(status, json=body, request=request)
        return None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._failure(request) or self.sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._failure(request) or await self.asynchronous.handle_async_request(request)

    def deletes(self) -> list[str]:
        return [path for method, path in self.requests if method == "DELETE"]


def client(transport: Recording, **options: Any) -> FoasClient:
    return FoasClient(**{"credentials": TEST_CREDENTIALS, "endpoint": ENDPOINT, "transport": transport, **options})


def async_client(transport: Recording, **options: Any) -> AsyncFoasClient:
    return AsyncFoasClient(**{"credentials": TEST_CREDENTIALS, "endpoint": ENDPOINT, "transport": transport, **options})


def expected(referenced: dict[str, list[str]], project: str) -> list[tuple[str, str, str, int, tuple[str, ...]]]:
    return [
        (project, name, "referenced" if ids else "unreferenced", len(ids), tuple(ids[:FIRST_IDS]))
        for name, ids in referenced.items()
    ]


def seen(results: list[PackageReferences]) -> list[tuple[Any, ...]]:
    return [(r.project_name, r.package_name, r.status, r.total_count, r.first_job_ids) for r in results]


async def collect(results: Any) -> list[PackageReferences]:
    return [found async for found in results]


# --- the sweep ------------------------------------------------------------------------------------


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_the_sweep_decides_every_package_in_listing_order_sync_and_async(response_format: str) -> None:
    fake = FakeFoasService()
    first = fill(fake, "p1", 23, jobs=lambda i: (i % 3) * 4)  # a third unreferenced, some with two pages of jobs
    second = fill(fake, "p2", 4, jobs=lambda i: i % 2)
    transport = Recording(fake)
    with client(transport, response_format=response_format) as sync_client:
        results = list(sync_client.find_unreferenced_packages(["p1", "p2"], concurrency=4))
    assert seen(results) == expected(first, "p1") + expected(second, "p2")
    assert all(r.decided and r.error is None and r.pages_read == 1 and len(r.request_ids) == 1 for r in results)
    assert [r.package.package_name for r in results if r.package] == [*first, *second]
    assert transport.deletes() == []

    async def main() -> list[PackageReferences]:
        async with async_client(transport, response_format=response_format) as twin:
            return await collect(twin.find_unreferenced_packages(["p1", "p2"], concurrency=4))

    assert seen(asyncio.run(main())) == seen(results)


def test_all_projects_sweeps_every_listed_project() -> None:
    fake = FakeFoasService()
    projects = make_projects(3)
    fake.add_projects(projects)
    want = []
    for index, project in enumerate(projects):
        want += expected(fill(fake, project.name, 3, jobs=lambda i, index=index: (i + index) % 2), project.name)
    with client(Recording(fake)) as sync_client:
        assert seen(list(sync_client.find_unreferenced_packages(all_projects=True))) == want


def test_a_filter_of_the_package_listing_reaches_it() -> None:
    fake = FakeFoasService()
    fill(fake, "p1", 2, jobs=lambda i: 0)
    transport = Recording(fake)
    with client(transport) as sync_client:
        list(sync_client.find_unreferenced_packages(["p1"], tag="v1", type_="JAR", package_name="x.jar"))
    listing = [
        query
        for (_, path), query in zip(transport.requests, transport.queries, strict=True)
        if path.endswith("/packages")
    ]
    assert listing and all({"tag=v1", "type=JAR", "packageName=x.jar"} <= set(query.split("&")) for query in listing)


def test_page_size_reaches_the_package_listing_not_the_checks() -> None:
    fake = FakeFoasService()
    names = fill(fake, "p1", 7, jobs=lambda i: 0)
    transport = Recording(fake)
    with client(transport) as sync_client:
        found = list(sync_client.find_unreferenced_packages(["p1"], page_size=3))
        with pytest.raises(InvalidParameterError, match="page_size"):
            sync_client.find_unreferenced_packages(["p1"], page_size=0)
    assert {r.package_name for r in found} == set(names)  # three pages of the listing, every package
    sized = [
        ("pageSize=3" in query.split("&"), path.endswith("/packages"))
        for (_, path), query in zip(transport.requests, transport.queries, strict=True)
    ]
    assert sized.count((True, True)) == 3 and (True, False) not in sized


def test_a_failed_listing_is_failed_with_its_reason_never_unreferenced() -> None:
    fake = FakeFoasService()
    referenced = fill(fake, "p1", 5, jobs=lambda i: 0)  # nothing references any
    broken = list(referenced)[2]
    transport = Recording(fake)
    transport.fail(lambda request: f"/packages/{broken}/jobs" in unquote(request.url.path))
    transport.fail(lambda request: unquote(request.url.path).endswith("/projects/gone/packages"))
    with client(transport) as sync_client:
        results = list(sync_client.find_unreferenced_packages(["p1", "gone"]))
    by_name = {(r.project_name, r.package_name): r for r in results}
    failed = by_name["p1", broken]
    assert failed.status == "failed" and not failed.decided
    assert "InternalError" in (failed.error or "") and "\n" not in (failed.error or "")
    assert {r.package_name for r in results if r.status == "unreferenced"} == set(referenced) - {broken}
    project = by_name["gone", None]
    assert (
        project.status == "failed" and project.operation == "ListPackage" and "InternalError" in (project.error or "")
    )


def test_a_page_that_does_not_add_up_fails_the_package() -> None:
    fake = FakeFoasService()
    referenced = fill(fake, "p1", 2, jobs=lambda i: 0)
    liar = next(iter(referenced))
    transport = Recording(fake)
    # jobs announced, none sent: an empty page short of its own total is not "unreferenced"
    body = {"RequestId": "R-LIAR", "PageIndex": 1, "PageSize": 10, "TotalCount": 3, "TotalPage": 1}
    transport.answer(lambda request: f"/packages/{liar}/jobs" in unquote(request.url.path), 200, body)
    with client(transport) as sync_client:
        results = {r.package_name: r for r in sync_client.find_unreferenced_packages(["p1"])}
    assert results[liar].status == "failed" and "3 items" in (results[liar].error or "")
    assert results[liar].request_ids == ("R-LIAR",)
    assert [r.status for name, r in results.items() if name != liar] == ["unreferenced"]


def test_the_sweep_refuses_bad_arguments_before_sending() -> None:
    transport = Recording(FakeFoasService())
    with client(transport) as sync_client:
        for arguments in ({}, {"project_names": ["p"], "all_projects": True}, {"project_names": "p1"}):
            with pytest.raises(InvalidParameterError):
                sync_client.find_unreferenced_packages(**arguments)
        with pytest.raises(InvalidParameterError, match="concurrency"):
            sync_client.find_unreferenced_packages(["p"], concurrency=0)
    assert transport.requests == []


def test_memory_stays_flat_the_package_listing_is_not_read_ahead_of_the_window() -> None:
    fake = FakeFoasService()
    fill(fake, "p1", 200, jobs=lambda i: 0)
    transport = Recording(fake)
    with client(transport) as sync_client:
        results = sync_client.find_unreferenced_packages(["p1"], concurrency=2)
        next(results)
        listed = sum(1 for _, path in transport.requests if path.endswith("/packages"))
        results.close()
    # 200 packages in pages of the fake's size: only the first page or two were read for the first result
    assert listed <= 2


# --- the guarded delete ---------------------------------------------------------------------------


def test_a_referenced_package_is_refused_naming_the_count_and_first_ids_and_no_delete_is_sent() -> None:
    fake = FakeFoasService()
    referenced = fill(fake, "p1", 2, jobs=lambda i: 12 if i == 0 else 0)
    name = next(iter(referenced))
    transport = Recording(fake)
    with client(transport) as sync_client, pytest.raises(PackageInUseError) as refused:
        sync_client.delete_package_if_unreferenced("p1", name)
    error = refused.value
    assert isinstance(error, InUseError) and isinstance(error, FoasError)
    assert error.count == len(referenced[name]) and error.first_ids == tuple(referenced[name][:FIRST_IDS])
    line = str(error)
    assert (
        "\n" not in line and str(error.count) in line and all(job in line for job in error.first_ids) and name in line
    )
    assert transport.deletes() == []


def test_an_unreferenced_package_gets_exactly_one_delete_sync_and_async() -> None:
    fake = FakeFoasService()
    referenced = fill(fake, "p1", 2, jobs=lambda i: 0)
    first, second = referenced
    transport = Recording(fake)
    with client(transport) as sync_client:
        answer = sync_client.delete_package_if_unreferenced("p1", first)
    assert answer.request_id and transport.deletes() == [f"{DELETE.path.split('{')[0]}p1/packages/{first}"]

    async def main() -> None:
        async with async_client(transport) as twin:
            await twin.delete_package_if_unreferenced("p1", second)

    asyncio.run(main())
    assert len(transport.deletes()) == 2 and transport.deletes()[1].endswith(f"/packages/{second}")


def test_force_deletes_without_reading_the_listing() -> None:
    fake = FakeFoasService()
    name = next(iter(fill(fake, "p1", 1, jobs=lambda i: 3)))
    transport = Recording(fake)
    with client(transport) as sync_client:
        sync_client.delete_package_if_unreferenced("p1", name, force=True)
    assert [method for method, _ in transport.requests] == ["DELETE"]


def test_a_failed_guard_listing_raises_its_error_and_deletes_nothing() -> None:
    fake = FakeFoasService()
    name = next(iter(fill(fake, "p1", 1, jobs=lambda i: 0)))
    transport = Recording(fake)
    transport.fail(lambda request: request.url.path.endswith("/jobs"))
    with client(transport) as sync_client, pytest.raises(ServerError):
        sync_client.delete_package_if_unreferenced("p1", name)
    assert transport.deletes() == []


def test_an_interruption_between_the_check_and_the_delete_sends_no_delete() -> None:
    fake = FakeFoasService()
    name = next(iter(fill(fake, "p1", 1, jobs=lambda i: 0)))
    transport = Recording(fake)

    class Interrupting(io.StringIO):  # the guard's decision is written right before the DELETE
        def write(self, text: str) -> int:
            raise KeyboardInterrupt

    with client(transport) as sync_client, pytest.raises(KeyboardInterrupt):
        sync_client.delete_package_if_unreferenced("p1", name, evidence=Interrupting())
    assert transport.requests and transport.deletes() == []


def test_a_cancellation_during_the_guard_sends_no_delete() -> None:
    fake = FakeFoasService()
    name = next(iter(fill(fake, "p1", 1, jobs=lambda i: 0)))
    transport = Recording(fake)

    async def main() -> None:
        async with async_client(transport) as twin:
            task = asyncio.ensure_future(twin.delete_package_if_unreferenced("p1", name))

            def cancel_on_listing(request: httpx.Request) -> None:  # the listing is answered, then the cancel lands
                if request.url.path.endswith("/jobs"):
                    task.cancel()

            transport.on_request = cancel_on_listing
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(main())
    assert transport.requests and transport.deletes() == []


# --- evidence -------------------------------------------------------------------------------------


def test_every_decision_is_one_json_line_with_its_request_ids_and_no_secret(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret, token = TEST_CREDENTIALS.access_key_secret, "STS-token-that-must-not-leak-0123456789"
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret)
    monkeypatch.setenv("ALIBABA_CLOUD_SECURITY_TOKEN", token)
    fake = FakeFoasService()
    referenced = fill(fake, "p1", 4, jobs=lambda i: i % 2)
    path = tmp_path / "evidence.jsonl"
    credentials = Credentials(TEST_CREDENTIALS.access_key_id, secret, security_token=token)
    with client(Recording(fake), credentials=credentials) as sync_client:
        results = list(sync_client.find_unreferenced_packages(["p1"], evidence=path))
        free = next(r.package_name for r in results if r.status == "unreferenced")
        sync_client.delete_package_if_unreferenced("p1", free, evidence=path)
    text = path.read_text(encoding="utf-8")
    assert secret not in text and token not in text
    lines = [json.loads(line) for line in text.splitlines()]
    sweep, guard, deleted = lines[: len(results)], lines[-2], lines[-1]
    wire = [p.name for p in CHECKED.path_parameters]
    for line, found in zip(sweep, results, strict=True):
        assert [line[name] for name in wire] == [found.project_name, found.package_name]
        assert line["decision"] == found.status and line["requestIds"] == list(found.request_ids)
        assert line["totalCount"] == len(referenced[found.package_name]) and line["pagesRead"] == 1
        assert line["endpoint"] == ENDPOINT and line["region"] and line["clientVersion"]
        assert line["time"].endswith("Z")
    assert guard["decision"] == "unreferenced" and guard["requestIds"] and guard[wire[-1]] == free
    assert deleted["decision"] == "deleted" and deleted["operation"] == DELETE.operation_id
    assert deleted["requestIds"] and deleted[wire[-1]] == free


def test_a_sweep_closes_the_evidence_file_it_opened_run_out_or_left_early(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Any] = []
    real_open = Path.open

    def recording_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        handle = real_open(self, *args, **kwargs)
        opened.append(handle)
        return handle

    monkeypatch.setattr(Path, "open", recording_open)
    fake = FakeFoasService()
    fill(fake, "p1", 4, jobs=lambda i: i % 2)
    with client(Recording(fake)) as sync_client:
        list(sync_client.find_unreferenced_packages(["p1"], evidence=tmp_path / "run-out.jsonl"))
        early = sync_client.find_unreferenced_packages(["p1"], evidence=tmp_path / "left.jsonl")
        next(early)
        early.close()

    async def asynchronously() -> None:
        async with async_client(Recording(fake)) as client_:
            async for _ in client_.find_unreferenced_packages(["p1"], evidence=tmp_path / "async.jsonl"):
                pass

    asyncio.run(asynchronously())
    assert len(opened) == 3 and all(handle.closed for handle in opened)


def test_an_evidence_path_that_cannot_be_opened_is_refused(tmp_path: Any) -> None:
    with pytest.raises(InvalidParameterError, match="evidence"):
        EvidenceLog(tmp_path / "missing" / "e.jsonl", region="r", endpoint="e", version=lambda: "0")


# --- the spec's extensions, checked -----------------------------------------------------------------


def edited(edit: Callable[[dict[str, Any]], None]) -> list[str]:
    document = json.loads(json.dumps(spec()))
    edit(document)
    return list(lifecycle.problems(document))


def operation(document: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for item in document["paths"].values():
        for value in item.values():
            if isinstance(value, dict) and value.get("operationId") == operation_id:
                return value
    raise KeyError(operation_id)


def test_the_shipped_extensions_are_accepted() -> None:
    assert edited(lambda document: None) == []


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (
            lambda d: operation(d, "DeletePackage")["x-guard"].update(operation="Nope"),
            ["DeletePackage", "x-guard", "Nope"],
        ),
        (
            lambda d: operation(d, "DeletePackage")["x-guard"].update(operation="GetPackage"),
            ["x-guard", "GetPackage", "paged"],
        ),
        (
            lambda d: operation(d, "DeletePackage")["x-guard"].update(method="Not A Name"),
            ["x-guard method", "snake_case"],
        ),
        (lambda d: operation(d, "DeletePackage")["x-guard"].pop("error"), ["DeletePackage", "x-guard must be"]),
        (lambda d: operation(d, "DeletePackage")["x-guard"].update(operation="ListPackage"), ["path parameters"]),
        (
            lambda d: operation(d, "GetRefPackageJob")["x-sweep"]["containers"].update(parameter="nope"),
            ["x-sweep containers parameter"],
        ),
        (
            lambda d: operation(d, "GetRefPackageJob")["x-sweep"]["subjects"].update(operation="ListProject"),
            ["x-sweep"],
        ),
        (
            lambda d: operation(d, "GetRefPackageJob")["x-sweep"].update(delete="GetPackage"),
            ["x-sweep delete", "x-guard"],
        ),
        (lambda d: operation(d, "GetRefPackageJob")["x-sweep"].update(command="Bad Command"), ["kebab-case"]),
        (lambda d: d["components"]["schemas"]["Package"].pop("x-item-id"), ["x-sweep subjects", "x-item-id"]),
    ],
)
def test_a_bad_extension_is_refused_naming_the_operation_and_the_construct(
    edit: Callable[[dict[str, Any]], None], words: list[str]
) -> None:
    problems = edited(edit)
    assert any(all(word in line for word in words) for line in problems), problems
