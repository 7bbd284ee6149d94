"""What ``_schema.py`` knows of each operation: method, path and parameters, x-pagination, endpoint module name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from openapi_python_client.strings import PythonIdentifier

from generator.shape_builder import FORMAT_BOUNDS

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")  # an OpenAPI path item's operations
SCHEMA_REF = "#/components/schemas/"  # how a $ref names a component schema

# The x-pagination keys whose values are wire names: a request parameter, or a path of response fields.
_PAGINATION_NAMES = ("pageParameter", "sizeParameter", "items", "pageIndex", "pageSize", "totalItems", "totalPages")


def pagination(spec: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Each operation's ``x-pagination``, by operationId.

    ``python`` repeats its wire names as the generated code spells them (request argument and model
    attribute names, by openapi-python-client's rule), so the paginator never spells a field itself.
    """
    found: dict[str, dict[str, Any]] = {}
    for path_item in spec.get("paths", {}).values():
        for operation in path_item.values():
            if isinstance(operation, dict) and "x-pagination" in operation:
                entry = dict(operation["x-pagination"])
                entry["python"] = {
                    key: [str(PythonIdentifier(name, "field_")) for name in value]
                    if isinstance(value, list)
                    else str(PythonIdentifier(value, "field_"))
                    for key, value in entry.items()
                    if key in _PAGINATION_NAMES
                }
                found[operation["operationId"]] = entry
    return found


def operations(spec: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Each operation's method, path template and parameters (for routing in the fake and CLI options)."""
    found: dict[str, dict[str, Any]] = {}
    for path, path_item in spec.get("paths", {}).items():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            parameters = []
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                low, high = FORMAT_BOUNDS.get(schema.get("format", ""), (None, None))
                parameters.append(
                    {
                        "name": parameter["name"],
                        "python_name": str(PythonIdentifier(parameter["name"], "field_")),
                        "in": parameter["in"],
                        "kind": schema.get("type", "string"),
                        "required": bool(parameter.get("required", False)),
                        "minimum": schema.get("minimum", low),
                        "maximum": schema.get("maximum", high),
                        "min_length": schema.get("minLength"),
                        "example": parameter.get("example"),
                        "description": " ".join(str(parameter.get("description", "")).split()),
                        "filled_by": parameter.get("x-filled-by-client"),
                    }
                )
            found[operation["operationId"]] = {
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "parameters": parameters,
            }
    return found


def operation_ids(spec: Mapping[str, Any]) -> dict[str, str]:
    """Each operationId (the ROA action), keyed by the name of its generated endpoint module."""
    return {
        str(PythonIdentifier(operation["operationId"], "field_")): operation["operationId"]
        for path_item in spec.get("paths", {}).values()
        for operation in path_item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
