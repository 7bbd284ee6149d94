"""What ``_schema.py`` knows of each operation: method, path, parameters, x-pagination, responses, module name."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from openapi_python_client.strings import ClassName, PythonIdentifier

from generator.runtime.operation import OperationSpec, Pagination, Parameter, ResponseSpec, WireName
from generator.shape_builder import FORMAT_BOUNDS

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")  # an OpenAPI path item's operations
SCHEMA_REF = "#/components/schemas/"  # how a $ref names a component schema
PYTHON_TYPES = {"string": "str", "integer": "int", "boolean": "bool", "number": "float"}  # a scalar schema's


def operations(spec: Mapping[str, Any]) -> dict[str, OperationSpec]:
    """Each operation as the package's ``_schema.OPERATIONS`` holds it, by operationId.

    Names as the generated code spells them (arguments, model attributes, classes) follow
    openapi-python-client's rules, so that the core never spells a field itself.
    """
    found: dict[str, OperationSpec] = {}
    for path, path_item in spec.get("paths", {}).items():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            found[operation["operationId"]] = OperationSpec(
                operation_id=operation["operationId"],
                method=method.upper(),
                path=path,
                summary=" ".join(str(operation.get("summary", "")).split()),
                parameters=tuple(_parameter(parameter) for parameter in operation.get("parameters", [])),
                pagination=_pagination(operation),
                responses=tuple(_responses(operation, spec)),
            )
    return found


def words(name: str) -> str:
    """A schema name as words: ``JobInfo`` -> ``job info``."""
    return " ".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", name)).lower()


def python_name(name: str) -> str:
    """A wire name as the generated code spells it: an argument or a model attribute (``pageSize`` -> ``page_size``)."""
    return str(PythonIdentifier(name, "field_"))


def _parameter(parameter: Mapping[str, Any]) -> Parameter:
    schema = parameter.get("schema", {})
    low, high = FORMAT_BOUNDS.get(schema.get("format", ""), (None, None))
    return Parameter(
        name=parameter["name"],
        python_name=python_name(parameter["name"]),
        location=parameter["in"],
        kind=schema.get("type", "string"),
        required=bool(parameter.get("required", False)),
        minimum=schema.get("minimum", low),
        maximum=schema.get("maximum", high),
        min_length=schema.get("minLength"),
        filled_by=parameter.get("x-filled-by-client"),
        description=" ".join(str(parameter.get("description", "")).split()),
        example=parameter.get("example"),
    )


def _names(path: list[str]) -> tuple[WireName, ...]:
    return tuple(WireName(wire, python_name(wire)) for wire in path)


def _pagination(operation: Mapping[str, Any]) -> Pagination | None:
    """The operation's ``x-pagination``, its methods named by ``itemsMethod``/``pagesMethod`` or after the operation."""
    paging = operation.get("x-pagination")
    if paging is None:
        return None
    name = python_name(operation["operationId"])
    size = paging.get("sizeParameter")
    return Pagination(
        page=WireName(paging["pageParameter"], python_name(paging["pageParameter"])),
        size=WireName(size, python_name(size)) if size else None,
        items=_names(paging["items"]),
        items_method=paging.get("itemsMethod", f"iter_{name}"),
        pages_method=paging.get("pagesMethod", f"iter_{name}_pages"),
        first_page=int(paging.get("firstPage", 1)),
        page_index=_names(paging.get("pageIndex", [])),
        page_size=_names(paging.get("pageSize", [])),
        total_items=_names(paging.get("totalItems", [])),
        total_pages=_names(paging.get("totalPages", [])),
    )


def _responses(operation: Mapping[str, Any], spec: Mapping[str, Any]) -> list[ResponseSpec]:
    """Each documented response: its status, its body's model class (a ``$ref`` schema) and media types."""
    shared = spec.get("components", {}).get("responses", {})
    found = []
    for status, response in operation.get("responses", {}).items():
        if "$ref" in response:
            response = shared[response["$ref"].rpartition("/")[2]]
        content = response.get("content", {})
        refs = {str(media.get("schema", {}).get("$ref", "")) for media in content.values()}
        schemas = sorted(ref.removeprefix(SCHEMA_REF) for ref in refs if ref.startswith(SCHEMA_REF))
        model = str(ClassName(schemas[0], "field_")) if schemas else None
        found.append(ResponseSpec(status=str(status), model=model, media_types=tuple(content)))
    return found


def operation_ids(spec: Mapping[str, Any]) -> dict[str, str]:
    """Each operationId (the ROA action), keyed by the name of its generated endpoint module."""
    return {
        str(PythonIdentifier(operation["operationId"], "field_")): operation["operationId"]
        for path_item in spec.get("paths", {}).values()
        for operation in path_item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
