"""Operations added to the spec are served by the regenerated fake and reached by the regenerated client
and command line, with no other edit: a second paged operation with its own item schema (ListJob) and
an operation answering one object (GetPackage), in JSON and in XML, signatures checked."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.regeneration.helpers import PYTHON, copy_sources, edit_spec, generate

ERRORS = {"4XX": {"$ref": "#/components/responses/Error"}, "5XX": {"$ref": "#/components/responses/Error"}}
REGION = {
    "name": "RegionId",
    "in": "query",
    "required": False,
    "x-filled-by-client": "region",
    "schema": {"type": "string"},
}
PROJECT = {"name": "projectName", "in": "path", "required": True, "schema": {"type": "string", "minLength": 1}}


def answer(schema: str) -> dict[str, Any]:
    content = {"schema": {"$ref": f"#/components/schemas/{schema}"}}
    return {"description": f"A {schema}.", "content": {"application/json": content, "application/xml": content}}


def add_operations(spec: dict[str, Any]) -> None:
    """ListJob (paged, JobSummary items, default method names) and GetPackage (one Package)."""
    spec["paths"]["/api/v2/projects/{projectName}/jobs"] = {
        "get": {
            "operationId": "ListJob",
            "tags": ["packages"],
            "summary": "List the jobs of a project.",
            "parameters": [
                PROJECT,
                REGION,
                {"name": "pageSize", "in": "query", "schema": {"type": "integer", "format": "int32", "minimum": 1}},
                {"name": "pageIndex", "in": "query", "schema": {"type": "integer", "format": "int32", "minimum": 1}},
            ],
            "x-pagination": {
                "style": "page-number",
                "pageParameter": "pageIndex",
                "sizeParameter": "pageSize",
                "firstPage": 1,
                "items": ["Jobs", "Job"],
                "pageIndex": ["PageIndex"],
                "pageSize": ["PageSize"],
                "totalItems": ["TotalCount"],
                "totalPages": ["TotalPage"],
            },
            "responses": {"200": answer("ListJobResponse"), **ERRORS},
        }
    }
    # GetPackage replaced, the path's other operations (DeletePackage, guarded) kept
    spec["paths"].setdefault("/api/v2/projects/{projectName}/packages/{packageName}", {}).update(
        {
            "get": {
                "operationId": "GetPackage",
                "tags": ["packages"],
                "summary": "Describe a package.",
                "parameters": [
                    PROJECT,
                    {
                        "name": "packageName",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "minLength": 1},
                    },
                    REGION,
                ],
                "responses": {"200": answer("Package"), **ERRORS},
            }
        }
    )
    int32 = {"type": "integer", "format": "int32"}
    schemas = spec["components"]["schemas"]
    schemas["ListJobResponse"] = {
        "type": "object",
        "xml": {"name": "ListJobResponse"},
        "required": ["RequestId", "PageIndex", "PageSize", "TotalCount", "TotalPage"],
        "properties": {
            "RequestId": {"type": "string"},
            "PageIndex": int32,
            "PageSize": {**int32, "example": 20},
            "TotalCount": {"type": "integer", "format": "int64"},
            "TotalPage": int32,
            "Jobs": {"$ref": "#/components/schemas/JobSummaryList"},
        },
    }
    schemas["JobSummaryList"] = {
        "type": "object",
        "xml": {"name": "Jobs"},
        "default": {},
        "properties": {"Job": {"type": "array", "default": [], "items": {"$ref": "#/components/schemas/JobSummary"}}},
    }
    schemas["JobSummary"] = {
        "type": "object",
        "xml": {"name": "Job"},
        "x-item-id": "JobId",
        "x-item-name": "JobName",
        "properties": {
            "JobId": {"type": "string", "example": "9t9m6jfw8rb44iexhbpv3tnz"},
            "JobName": {"type": "string", "example": "job1"},
            "ProjectName": {"type": "string", "example": "bayes_team", "x-fake-from-parameter": "projectName"},
            "IsCommitted": {"type": "boolean", "example": True},
            "CreateTime": {
                "type": "integer",
                "format": "int64",
                "example": 1551161842000,
                "x-timestamp": "milliseconds",
            },
        },
    }
    shipped = schemas["Package"]["properties"]
    schemas["Package"] = {
        "type": "object",
        "xml": {"name": "Package"},
        "x-item-id": "PackageName",  # ListPackage's items still, which the shipped x-sweep names its subjects by
        "properties": {
            "RequestId": {"type": "string"},
            "PackageName": {"type": "string"},
            "Tag": {"type": "string"},
            "Size": {"type": "integer", "format": "int64"},
            "Public": {"type": "boolean"},
        },
    }
    # The shipped listings filter on Package fields (x-filters-field): those the made Package lacks stay.
    filtered = {
        parameter["x-filters-field"]
        for item in spec["paths"].values()
        for op in item.values()
        for parameter in op.get("parameters", [])
        if "x-filters-field" in parameter
    }
    for field in sorted(filtered & set(shipped) - set(schemas["Package"]["properties"])):
        schemas["Package"]["properties"][field] = shipped[field]


# Runs against the regenerated package only (PYTHONPATH puts it before the editable install).
PROBE = r"""
import json
import os
import subprocess
import sys

import foas_client
from foas_client import FoasClient
from foas_client.models import Package
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, make_list_job

service = FakeFoasService(credentials=[TEST_CREDENTIALS])
summaries = make_list_job(23, project_name="p", seed=3)
service.add_list_job("p", summaries)
package = Package(request_id="R-1", package_name="lib.jar", tag="v2 & <beta>", size=4096, public=False)
service.set_get_package("p", "lib.jar", package)
found = {"file": foas_client.__file__, "added": [item.to_dict() for item in summaries], "package": package.to_dict()}
with service.serve() as fake:
    for response_format in ("json", "xml"):
        settings = {"endpoint": fake.base_url, "credentials": TEST_CREDENTIALS, "response_format": response_format}
        with FoasClient(**settings) as client:
            found[response_format] = {
                "listed": [item.to_dict() for item in client.iter_list_job("p", page_size=5)],
                "page_size": client.list_job("p").page_size,
                "package": client.get_package("p", "lib.jar").to_dict(),
            }
    environment = {
        **os.environ,
        "FOAS_ENDPOINT": fake.base_url,
        "ALIBABA_CLOUD_ACCESS_KEY_ID": TEST_CREDENTIALS.access_key_id,
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": TEST_CREDENTIALS.access_key_secret,
    }
    command = [sys.executable, "-m", "foas_client", "list-job", "--project-name", "p", "--all", "--page-size", "7"]
    run = subprocess.run([*command, "--output", "json"], env=environment, capture_output=True, text=True, timeout=60)
    found["cli"] = {"code": run.returncode, "out": run.stdout, "err": run.stderr}
    found["requests"] = service.requests
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sources(tmp_path_factory.mktemp("more-operations"))
    edit_spec(root, add_operations)
    return generate(root)


@pytest.fixture(scope="module")
def probed(regenerated: Path) -> dict[str, Any]:
    environment = {**os.environ, "PYTHONPATH": str(regenerated.parent)}
    for name in ("FOAS_ENDPOINT", "ALIBABA_CLOUD_REGION_ID", "ALIBABA_CLOUD_SECURITY_TOKEN"):
        environment.pop(name, None)
    result = subprocess.run(
        [PYTHON, "-c", PROBE], cwd=regenerated.parent, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    assert found["file"].startswith(str(regenerated))  # the copy's package, not the repository's
    return found


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_the_new_paged_operation_lists_what_was_added(probed: dict[str, Any], response_format: str) -> None:
    added = probed["added"]
    assert len(added) == 23
    assert len({item["JobId"] for item in added}) == 23
    assert [item["JobId"] for item in added] == sorted(item["JobId"] for item in added)
    assert {item["ProjectName"] for item in added} == {"p"}  # x-fake-from-parameter
    assert probed[response_format]["listed"] == added
    assert probed[response_format]["page_size"] == 20  # the fake's default: the echoed size's example


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_the_new_single_object_operation_answers_what_was_set(probed: dict[str, Any], response_format: str) -> None:
    assert probed[response_format]["package"] == probed["package"]


def test_the_new_command_lists_every_item(probed: dict[str, Any]) -> None:
    cli = probed["cli"]
    assert cli["code"] == 0, cli["err"]
    assert json.loads(cli["out"]) == probed["added"]


def test_the_new_operations_are_in_the_regenerated_api_reference(regenerated: Path) -> None:
    reference = (regenerated.parent / "api.md").read_text(encoding="utf-8")
    for client in ("FoasClient", "AsyncFoasClient"):
        for method in ("list_job", "iter_list_job", "iter_list_job_pages", "get_package"):
            assert f"#### `{client}.{method}`" in reference
    assert "`GET /api/v2/projects/{projectName}/packages/{packageName}` (GetPackage). Describe a package." in reference
    assert "### `foas list-job`" in reference and "### `foas get-package`" in reference
    for model in ("ListJobResponse", "JobSummary", "Package"):
        assert f"### `{model}`" in reference
    assert "| `package_name` | `str \\| Unset` | `PackageName` |" in reference
    assert "### `foas_client.api.packages.get_package`" in reference
    for helper in ("add_list_job", "list_job", "set_get_package"):
        assert f"#### `FakeFoasService.{helper}`" in reference
