"""One request path: the clients, the endpoint functions (plain, detailed, paged) and the command line all
run ``_core.http.request``, with its checks and retries; a warm call follows it in one direction.

The operation, its arguments and its paging come from the spec (``_schema.OPERATIONS``), so that an
operation added to the spec leaves these tests as they are.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import stamina

import foas_client
from foas_client import Client, Credentials, FoasClient, RetryPolicy
from foas_client._core.paging import PageRules
from foas_client._schema import OPERATION_IDS, OPERATIONS
from foas_client.api.packages import get_ref_package_job
from foas_client.errors import InvalidParameterError, ServerError
from foas_client.testing import FakeFoasService, make_jobs

OPERATION = OPERATIONS[OPERATION_IDS["get_ref_package_job"]]
PATH = {p.python_name: str(p.example) for p in OPERATION.path_parameters}
PACKAGE = Path(foas_client.__file__).resolve().parent
CORE = (PACKAGE / "_core").resolve()
TESTS = Path(__file__).resolve().parents[1]
CREDENTIALS = Credentials("id", "secret")
# Entries into one of the package's files from another file, for one warm call: from another of the
# package's files, or from a library calling back (httpx an auth flow or a hook, contextlib a context
# manager). Library callbacks count too: a call the path hands to httpx to make is still a crossing.
MAX_CROSSINGS = 25


@pytest.fixture(autouse=True)
def no_waiting() -> Iterator[None]:
    with stamina.set_testing(True, attempts=10, cap=True):  # no backoff waits; each policy's own limit holds
        yield


def flaky(service: FakeFoasService, failures: int) -> Callable[[httpx.Request], httpx.Response]:
    """The fake's answers, after ``failures`` answers of 503."""
    served = service.transport()
    count = {"seen": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        count["seen"] += 1
        if count["seen"] <= failures:
            return httpx.Response(503, json={"Code": "ServiceUnavailable", "RequestId": "R"})
        return served.handle_request(request)

    handler.count = count  # type: ignore[attr-defined]
    return handler


def requests_seen(handler: Callable[[httpx.Request], httpx.Response]) -> int:
    return int(handler.count["seen"])  # type: ignore[attr-defined]


def client_of(handler: Callable[[httpx.Request], httpx.Response], **options: Any) -> Client:
    return Client(base_url="http://fake", httpx_args={"transport": httpx.MockTransport(handler)}, **options)


def test_the_endpoint_functions_retry_as_the_clients_do() -> None:
    handler = flaky(FakeFoasService.with_documented_examples(credentials=()), failures=2)
    page = get_ref_package_job.sync(**PATH, client=client_of(handler))
    assert page.request_id and requests_seen(handler) == 3
    detailed = get_ref_package_job.sync_detailed(**PATH, client=client_of(handler))
    assert detailed.status_code == 200 and detailed.parsed is not None


def test_a_client_s_retry_policy_is_the_endpoint_functions_own() -> None:
    handler = flaky(FakeFoasService.with_documented_examples(credentials=()), failures=1)
    with pytest.raises(ServerError):
        get_ref_package_job.sync(**PATH, client=client_of(handler, retry=RetryPolicy(max_attempts=1)))
    assert requests_seen(handler) == 1


def test_the_endpoint_modules_paging_retries_each_page() -> None:
    service = FakeFoasService(credentials=())
    rules = PageRules.of(OPERATION)
    service.add_items(
        OPERATION.operation_id, {p.name: PATH[p.python_name] for p in OPERATION.path_parameters}, make_jobs(7, **PATH)
    )
    handler = flaky(service, failures=1)
    size = {rules.size_argument: 3} if rules.size_argument else {}
    items = list(get_ref_package_job.sync_items(**PATH, client=client_of(handler), **size))
    assert len(items) == 7


def test_a_required_argument_left_out_is_refused_before_sending() -> None:
    handler = flaky(FakeFoasService.with_documented_examples(credentials=()), failures=0)
    required = next(p for p in OPERATION.parameters if p.required and not p.filled_by)
    with pytest.raises(InvalidParameterError, match=f"^{required.python_name}.* is required"):
        get_ref_package_job.sync(**{**PATH, required.python_name: None}, client=client_of(handler))
    assert requests_seen(handler) == 0


def calls_between_files(call: Callable[[], object]) -> list[tuple[str, str, str]]:
    """(caller file, callee file, callee) for each call into one of the package's files from another of
    its files or from a library's (named by its file name), the fake's own files left out (they stand
    for the service), and so the tests' own calls."""

    def ours(filename: str) -> str | None:
        path = Path(filename).resolve() if not filename.startswith("<") else None
        if path is None or "testing" in path.parts or path.name == "_fake.py":
            return None
        if path.is_relative_to(CORE):  # the core, through its link: named as the package names it
            return f"_core/{path.relative_to(CORE).as_posix()}"
        return path.relative_to(PACKAGE).as_posix() if path.is_relative_to(PACKAGE) else None

    found: list[tuple[str, str, str]] = []

    def library(filename: str) -> str | None:
        path = Path(filename).resolve() if not filename.startswith("<") else None
        ours_or_tests = (TESTS, PACKAGE, CORE)  # the package and its core (a link): never a library
        return None if path is None or any(path.is_relative_to(p) for p in ours_or_tests) else path.name

    def tracer(frame: Any, event: str, arg: object) -> Any:
        if event == "call" and frame.f_back is not None:
            callee, caller = ours(frame.f_code.co_filename), frame.f_back.f_code.co_filename
            caller = ours(caller) or library(caller)
            if callee and caller and callee != caller:
                found.append((caller, callee, frame.f_code.co_name))
        return None

    sys.settrace(tracer)
    try:
        call()
    finally:
        sys.settrace(None)
    return found


def test_a_warm_call_crosses_few_files_and_goes_one_way() -> None:
    service = FakeFoasService.with_documented_examples(credentials=())
    with FoasClient(transport=service.transport(), credentials=CREDENTIALS, endpoint="http://fake") as client:
        client.get_ref_package_job(**PATH)  # warm: imports, caches, the connection
        crossings = calls_between_files(lambda: client.get_ref_package_job(**PATH))
    assert 0 < len(crossings) <= MAX_CROSSINGS, crossings
    # The core never calls back into the client layer: only into what the Operation carries (its
    # endpoint module's build and parse) and the models those build.
    layers = {"_clients.py", "_cli.py", "_fake.py"}
    assert [c for c in crossings if c[0].startswith("_core") and c[1] in layers] == []
    assert {callee for caller, callee, _ in crossings if caller == "_clients.py"} == {"_core/http/core.py"}
