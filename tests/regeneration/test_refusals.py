"""A valid spec that asks for what the pipeline cannot carry out stops generation before openapi-python-client
runs, with a message naming the operation and the construct, and the package generated before stays as it was."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.regeneration.helpers import PACKAGE, assert_generation_stops, edit_spec

PATH = "/api/v2/projects/{projectName}/packages/{packageName}/jobs"
OPERATION = f"operation GetRefPackageJob (GET {PATH})"


def operation(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = spec["paths"][PATH]["get"]
    return result


def add_request_body(spec: dict[str, Any]) -> None:
    operation(spec)["requestBody"] = {"content": {"application/json": {"schema": {"type": "object"}}}}


def add_cookie_parameter(spec: dict[str, Any]) -> None:
    operation(spec)["parameters"].append({"name": "session", "in": "cookie", "schema": {"type": "string"}})


def add_array_parameter(spec: dict[str, Any]) -> None:
    parameter = {"name": "JobNames", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}}
    operation(spec)["parameters"].append(parameter)


def add_path_item_parameter(spec: dict[str, Any]) -> None:
    spec["paths"][PATH]["parameters"] = [{"name": "Trace", "in": "header", "schema": {"type": "string"}}]


def add_referenced_parameter(spec: dict[str, Any]) -> None:
    spec["components"]["parameters"] = {"Trace": {"name": "Trace", "in": "header", "schema": {"type": "string"}}}
    operation(spec)["parameters"].append({"$ref": "#/components/parameters/Trace"})


def inline_the_success_schema(spec: dict[str, Any]) -> None:
    operation(spec)["responses"]["200"]["content"]["application/json"]["schema"] = {"type": "string"}


def add_a_response_without_content(spec: dict[str, Any]) -> None:
    operation(spec)["responses"]["204"] = {"description": "Nothing to say."}


def drop_the_operation_id(spec: dict[str, Any]) -> None:
    del operation(spec)["operationId"]


def add_an_operation_with_the_same_python_name(spec: dict[str, Any]) -> None:
    twin = copy.deepcopy(operation(spec))
    twin["operationId"] = "getRefPackageJob"  # get_ref_package_job, like GetRefPackageJob
    spec["paths"][f"{PATH}/again"] = {"get": twin}


CASES: dict[str, tuple[Callable[[dict[str, Any]], None], list[str]]] = {
    "request body": (add_request_body, [OPERATION, "a requestBody is not supported"]),
    "cookie parameter": (add_cookie_parameter, [OPERATION, "parameter 'session' is in cookie"]),
    "array parameter": (add_array_parameter, [OPERATION, "parameter 'JobNames' has schema type 'array'"]),
    "path item parameter": (add_path_item_parameter, [f"path {PATH}: parameters on the path item"]),
    "$ref parameter": (add_referenced_parameter, [OPERATION, "'#/components/parameters/Trace': $ref parameters"]),
    "inline 2xx schema": (
        inline_the_success_schema,
        [OPERATION, "response 200 application/json: the schema must be a $ref to an object schema"],
    ),
    "2xx without content": (add_a_response_without_content, [OPERATION, "response 204 has no content"]),
    "no operationId": (drop_the_operation_id, [f"operation GET {PATH}: no operationId"]),
    "colliding Python names": (
        add_an_operation_with_the_same_python_name,
        [
            f"operation getRefPackageJob (GET {PATH}/again)",
            "Python name 'get_ref_package_job' is also that of operation GetRefPackageJob",
        ],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_an_unsupported_construct_stops_generation_naming_operation_and_construct(
    case: str, root: Path, pristine: Path
) -> None:
    edit, expected = CASES[case]
    edit_spec(root, edit)
    result = assert_generation_stops(root, pristine / PACKAGE, *expected)
    assert "Generating" not in result.stdout  # openapi-python-client never ran


def test_every_unsupported_construct_is_reported_at_once(root: Path, pristine: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        add_request_body(spec)
        add_cookie_parameter(spec)

    edit_spec(root, edit)
    result = assert_generation_stops(root, pristine / PACKAGE, "requestBody", "cookie")
    assert len(result.stderr.strip().splitlines()) == 2
