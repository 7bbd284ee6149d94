"""An ``x-filters-field`` the fake cannot apply stops generation naming the operation, the parameter and the
field, and the package generated before stays as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.regeneration.helpers import PACKAGE, assert_generation_stops, edit_spec

LISTING = "/api/v2/projects/{projectName}/packages"


def filtering_parameter(spec: dict[str, Any]) -> dict[str, Any]:
    """The listing's first query parameter with an x-filters-field."""
    return next(p for p in spec["paths"][LISTING]["get"]["parameters"] if "x-filters-field" in p)


def item_schema(spec: dict[str, Any]) -> str:
    """The listing's item schema, down its x-pagination items path."""
    response = spec["paths"][LISTING]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    schema = spec["components"]["schemas"][response["$ref"].rpartition("/")[2]]
    for name in spec["paths"][LISTING]["get"]["x-pagination"]["items"]:
        schema = schema["properties"][name]
        if "$ref" in schema:
            schema = spec["components"]["schemas"][schema["$ref"].rpartition("/")[2]]
    return str(schema["items"]["$ref"].rpartition("/")[2])


def a_field_the_item_lacks(spec: dict[str, Any]) -> list[str]:
    parameter = filtering_parameter(spec)
    item = item_schema(spec)
    missing = "".join(spec["components"]["schemas"][item]["properties"]) + "X"  # no property is named so
    parameter["x-filters-field"] = missing
    return [spec["paths"][LISTING]["get"]["operationId"], parameter["name"], missing, item]


def a_field_of_another_type(spec: dict[str, Any]) -> list[str]:
    parameter = filtering_parameter(spec)
    item = item_schema(spec)
    properties = spec["components"]["schemas"][item]["properties"]
    numeric = next(name for name, p in properties.items() if p.get("type") == "integer")
    parameter["x-filters-field"] = numeric
    return [spec["paths"][LISTING]["get"]["operationId"], parameter["name"], numeric, "integer"]


def a_filter_on_an_unpaged_operation(spec: dict[str, Any]) -> list[str]:
    parameter = dict(filtering_parameter(spec))
    single = spec["paths"][f"{LISTING}/{{packageName}}"]["get"]
    single["parameters"].append(parameter)
    return [single["operationId"], parameter["name"], parameter["x-filters-field"], "x-pagination"]


@pytest.mark.parametrize("edit", [a_field_the_item_lacks, a_field_of_another_type, a_filter_on_an_unpaged_operation])
def test_a_filter_the_fake_cannot_apply_stops_generation(
    root: Path, pristine: Path, edit: Callable[[dict[str, Any]], list[str]]
) -> None:
    named: list[str] = []
    edit_spec(root, lambda spec: named.extend(edit(spec)))
    result = assert_generation_stops(root, pristine / PACKAGE, "x-filters-field", *named)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
