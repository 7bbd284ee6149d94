"""Prism (pinned in package.json) mocks the spec on 127.0.0.1; our client, facade and CLI must read what it sends.

Prism is a second, independent reading of the spec: it picks the status, the media type and the example
from the spec alone, validates the request against the parameters' schemas and checks for the security
scheme's header. What it was seen to do (Prism 5.14.2):

- It does not load ``externalValue`` examples: on the spec as committed it builds the body from the
  schemas' ``example`` keywords, and from a schema's ``default`` where it has one (the job list comes
  out as its default, ``"Jobs": {}``). The tests therefore bundle a copy whose examples are inline
  (``tests/judges/tools.py``) and ask for one with ``Prefer: example=...``.
- ``application/xml``: an inline XML example (a string) is sent verbatim, with an ``sl-violations``
  header saying the body "must be object" (Prism validates XML text against the JSON Schema). Without a
  string example it serialises the JSON example under a root element named ``<xml>``, whatever the
  schema's ``xml.name`` says.
- Security: only the presence of ``Authorization`` is checked (any value passes); without it, 401 with
  the 4XX example as the body. A parameter out of range (``pageSize=0``) gets 422 and the same body.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from foas_client import (
    AsyncFoasClient,
    Client,
    Credentials,
    FoasClient,
    GetRefPackageJobResponse,
    RoaSigner,
    decode_body,
)
from foas_client.api.packages import get_ref_package_job
from foas_client.errors import ApiError, AuthError, DecodeError, FoasError, InvalidParameterError, NotFoundError
from tests.judges.tools import SPEC, Prism, inline_examples, load_spec, running_prism, write_spec
from tests.support.pages import request_path, required_fields, schema

EXAMPLES = SPEC.parent / "examples"
DOCUMENTED = json.loads((EXAMPLES / "GetRefPackageJob.documented.json").read_bytes())
DOCUMENTED_ERROR = json.loads((EXAMPLES / "Error.example.json").read_bytes())
ANY_CREDENTIALS = Credentials("prism-ignores-the-key-id", "and-the-secret")
PROJECT, PACKAGE = "project1", "package1.jar"
JOBS_PATH = request_path("GetRefPackageJob", projectName=PROJECT, packageName=PACKAGE)


def normalised(page: GetRefPackageJobResponse) -> dict[str, Any]:
    """The page as a dict with CR LF read as LF: what XML makes of the JSON example's ``Code`` (DESIGN.md)."""
    document = page.to_dict()
    for job in document["Jobs"]["Job"]:
        job["Code"] = job["Code"].replace("\r\n", "\n")
    return document


EXPECTED = normalised(GetRefPackageJobResponse.from_dict(DOCUMENTED))


def external_examples(node: Any) -> int:
    """How many examples under ``node`` are ``externalValue`` files."""
    if isinstance(node, dict):
        return ("externalValue" in node) + sum(external_examples(value) for value in node.values())
    if isinstance(node, list):
        return sum(external_examples(value) for value in node)
    return 0


@pytest.fixture(scope="module")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prism]:
    """Prism on a bundled copy of the spec, every example inline (JSON parsed, XML as text)."""
    directory = tmp_path_factory.mktemp("prism-bundled")
    spec = load_spec()
    external = external_examples(spec)
    assert inline_examples(spec) == external >= 5  # every one of them (a file may serve several media types)
    assert external_examples(spec) == 0
    with running_prism(write_spec(spec, directory), directory / "prism.log") as server:
        yield server


@pytest.fixture(scope="module")
def prism_as_committed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prism]:
    """Prism on spec/foas.openapi.yaml itself (its examples are ``externalValue`` files)."""
    directory = tmp_path_factory.mktemp("prism-committed")
    with running_prism(SPEC, directory / "prism.log") as server:
        yield server


class Preferring(httpx.HTTPTransport):
    """The network, with Prism's ``Prefer`` header added to each request (after signing: it is not signed)."""

    def __init__(self, prefer: str) -> None:
        super().__init__()
        self.prefer = prefer

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.prefer:
            request.headers["Prefer"] = self.prefer
        return super().handle_request(request)


class AsyncPreferring(httpx.AsyncHTTPTransport):
    def __init__(self, prefer: str) -> None:
        super().__init__()
        self.prefer = prefer

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.prefer:
            request.headers["Prefer"] = self.prefer
        return await super().handle_async_request(request)


def facade_call(mode: str, endpoint: str, response_format: str, prefer: str = "", **arguments: Any) -> Any:
    """One ``get_ref_package_job`` through ``FoasClient`` or ``AsyncFoasClient`` (with made-up credentials)."""
    options: dict[str, Any] = {"endpoint": endpoint, "credentials": ANY_CREDENTIALS, "response_format": response_format}
    if mode == "sync":
        with FoasClient(**options, transport=Preferring(prefer)) as client:
            return client.get_ref_package_job(PROJECT, PACKAGE, **arguments)

    async def run() -> Any:
        async with AsyncFoasClient(**options, transport=AsyncPreferring(prefer)) as client:
            return await client.get_ref_package_job(PROJECT, PACKAGE, **arguments)

    return asyncio.run(run())


MODES = ["sync", "async"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("prefer", ["", "example=documented"])
def test_the_facade_reads_the_documented_json_example(prism: Prism, mode: str, prefer: str) -> None:
    page = facade_call(mode, prism.base_url, "json", prefer)  # no Prefer: Prism's first example, the documented
    assert page.to_dict() == GetRefPackageJobResponse.from_dict(DOCUMENTED).to_dict()
    assert page.jobs.job[0].job_id == "9t9m6jfw8rb44iexhbpv3tnz"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("example", ["documented", "rooted"])
def test_the_facade_reads_both_documented_xml_examples(prism: Prism, mode: str, example: str) -> None:
    page = facade_call(mode, prism.base_url, "xml", f"example={example}")
    assert normalised(page) == EXPECTED


def generated_call(prism: Prism, accept: str, prefer: str, *, auth: bool = True, **arguments: Any) -> Any:
    """``sync_detailed`` of the generated endpoint, signed (any key) unless ``auth`` is false."""
    httpx_args: dict[str, Any] = {"auth": RoaSigner(ANY_CREDENTIALS, region_id="cn-hangzhou")} if auth else {}
    headers = {"Accept": accept, **({"Prefer": prefer} if prefer else {})}
    with Client(base_url=prism.base_url, headers=headers, httpx_args=httpx_args) as client:
        return get_ref_package_job.sync_detailed(PROJECT, PACKAGE, client=client, **arguments)


def test_prism_finds_the_documented_json_example_valid_against_the_schema(prism: Prism) -> None:
    response = generated_call(prism, "application/json", "example=documented")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert "sl-violations" not in response.headers  # Prism validated its own answer against the schema
    assert response.parsed.to_dict() == GetRefPackageJobResponse.from_dict(DOCUMENTED).to_dict()


@pytest.mark.parametrize("example", ["documented", "rooted"])
def test_prism_serves_an_xml_example_verbatim_and_cannot_validate_it(prism: Prism, example: str) -> None:
    response = generated_call(prism, "application/xml", f"example={example}")
    assert response.headers["content-type"] == "application/xml"
    assert response.content == (EXAMPLES / f"GetRefPackageJob.{example}.xml").read_bytes()
    violations = json.loads(response.headers["sl-violations"])
    assert [v["message"] for v in violations] == ["Response body must be object"]  # XML text vs a JSON Schema
    assert normalised(response.parsed) == EXPECTED


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_the_documented_error_is_a_not_found_error(prism: Prism, mode: str, response_format: str) -> None:
    with pytest.raises(NotFoundError) as caught:
        facade_call(mode, prism.base_url, response_format, "code=404")
    error = caught.value
    assert error.status_code == 404
    assert (error.code, error.message, error.request_id) == (
        DOCUMENTED_ERROR["Code"],
        DOCUMENTED_ERROR["Message"],
        DOCUMENTED_ERROR["RequestId"],
    )
    assert "\n" not in str(error)


def test_prism_checks_only_that_authorization_is_present(prism: Prism) -> None:
    signed_with_a_made_up_key = generated_call(prism, "application/json", "")
    assert signed_with_a_made_up_key.status_code == 200
    with pytest.raises(AuthError) as caught:
        generated_call(prism, "application/json", "", auth=False)
    assert caught.value.status_code == 401


def test_a_parameter_prism_refuses_is_a_typed_api_error(prism: Prism) -> None:
    with pytest.raises(FoasError) as caught:
        facade_call("sync", prism.base_url, "json", page_size=0)  # the spec's minimum is 1
    error = caught.value
    # Prism refuses it with 422 (today the client sends it), unless the client learns to refuse it first.
    assert isinstance(error, InvalidParameterError) or (isinstance(error, ApiError) and error.status_code == 422)
    assert "\n" not in str(error)


def test_prism_ignores_external_value_and_builds_json_from_the_schema_examples(prism_as_committed: Prism) -> None:
    page = facade_call("sync", prism_as_committed.base_url, "json")
    document = page.to_dict()
    assert {name: document[name] for name in required_fields()} == required_fields()  # each field's `example`
    assert page.jobs.job == schema("JobList")["properties"]["Job"]["default"] == []  # the schemas' `default`


def test_prism_serialises_json_to_xml_under_a_root_named_xml(prism_as_committed: Prism) -> None:
    response = httpx.get(
        prism_as_committed.base_url + JOBS_PATH,
        headers={"Accept": "application/xml", "Authorization": "acs any:thing"},
    )
    assert response.headers["content-type"] == "application/xml"
    assert response.text.startswith("<xml><RequestId>31FDAE27-F135-4DAB-9C75-FADD6B0C4D1D</RequestId>")


def test_xml_under_an_unknown_root_is_not_silently_an_empty_page(prism_as_committed: Prism) -> None:
    response = httpx.get(
        prism_as_committed.base_url + JOBS_PATH,
        headers={"Accept": "application/xml", "Authorization": "acs any:thing"},
    )
    try:
        document = decode_body(response.content, response.headers["content-type"], "GetRefPackageJobResponse")
    except DecodeError:
        return  # refused: fine
    assert {name: document[name] for name in required_fields()} == required_fields()  # or read, whole: fine too


def run_cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "ALIBABA_CLOUD_ACCESS_KEY_ID": ANY_CREDENTIALS.access_key_id,
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": ANY_CREDENTIALS.access_key_secret,
    }
    environment.pop("ALIBABA_CLOUD_SECURITY_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "foas_client", *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        cwd=Path(__file__).parent,
    )


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_the_cli_prints_the_documented_job_from_prism(prism: Prism, response_format: str) -> None:
    run = run_cli(
        "get-ref-package-job",
        *("--project-name", PROJECT, "--package-name", PACKAGE),
        *("--endpoint", prism.base_url, "--response-format", response_format, "--output", "json"),
    )
    assert (run.returncode, run.stderr) == (0, "")
    jobs = json.loads(run.stdout)
    assert [job["JobId"] for job in jobs] == ["9t9m6jfw8rb44iexhbpv3tnz"]
    assert jobs[0]["PlanJson"] == DOCUMENTED["Jobs"]["Job"][0]["PlanJson"]
    assert ANY_CREDENTIALS.access_key_secret not in run.stdout + run.stderr


def test_the_cli_reports_prisms_refusal_on_one_line(prism: Prism) -> None:
    run = run_cli(
        "get-ref-package-job",
        *("--project-name", PROJECT, "--package-name", PACKAGE, "--page-size", str(2**31)),  # above int32
        *("--endpoint", prism.base_url, "--output", "json"),
    )
    assert run.returncode != 0 and run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    # Prism refuses it (422), unless the command learns the int32 bound from the spec and refuses it first.
    assert "HTTP 422" in lines[0] or "--page-size" in lines[0], lines[0]
