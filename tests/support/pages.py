"""What tests expect, read from the spec: operations, fields, enum members, and minimal valid bodies.

A test takes its expectations from here rather than repeating what the spec states, so that an additive
spec change (a new field, enum member or optional parameter) and ``make generate`` leave it green.

A page must carry the fields its schema requires (RequestId and the totals, today); a test about
one field adds that field to ``page()``, so it keeps testing that field when the spec requires more.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

SPEC = Path(__file__).resolve().parents[2] / "spec" / "foas.openapi.yaml"


@cache
def spec() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return document


def schema(name: str) -> dict[str, Any]:
    """The spec's component schema ``name``."""
    found: dict[str, Any] = spec()["components"]["schemas"][name]
    return found


def properties(name: str) -> list[str]:
    """The property names of schema ``name``, in the spec's order."""
    return list(schema(name).get("properties", {}))


def xml_name(name: str, field: str) -> str:
    """The element that property ``field`` of schema ``name`` is in XML: its ``xml.name``, else the property's name."""
    return str(schema(name)["properties"][field].get("xml", {}).get("name", field))


def job_fields() -> list[str]:
    """The fields of a job (the API's names), in the spec's order."""
    return properties("Job")


def enum_members(name: str) -> list[str]:
    """The members of the enum schema ``name``, in the spec's order."""
    return list(schema(name)["enum"])


def unused(candidate: str, taken: Iterable[str]) -> str:
    """``candidate``, or ``candidate`` with a suffix while it is ``taken``: a name the spec does not use yet."""
    names = set(taken)
    while candidate in names:
        candidate += "X"
    return candidate


def not_a_member(name: str, candidate: str) -> str:
    """A value of enum ``name`` that the spec does not list: ``candidate``, unless the spec has made it a member."""
    return unused(candidate, enum_members(name))


def operations(document: dict[str, Any] | None = None) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """operationId -> (method, path template, operation object), in the order of the spec (or of ``document``,
    a copy of it a test changes)."""
    found = {}
    for path, item in (spec() if document is None else document)["paths"].items():
        for method, node in item.items():
            if isinstance(node, dict) and "operationId" in node:
                found[node["operationId"]] = (method.upper(), path, node)
    return found


def operation_id_of(function: str) -> str:
    """The operationId whose generated function (and client method) is ``function``, e.g. ``get_ref_package_job``."""
    (found,) = [operation_id for operation_id in operations() if python_name(operation_id) == function]
    return found


def operation(operation_id: str = "GetRefPackageJob", document: dict[str, Any] | None = None) -> dict[str, Any]:
    """The spec's (or ``document``'s) operation object with this operationId."""
    return operations(document)[operation_id][2]


def operation_path(operation_id: str = "GetRefPackageJob") -> str:
    """The path template of the operation, e.g. ``/api/.../{projectName}/...``."""
    return operations()[operation_id][1]


def request_path(operation_id: str = "GetRefPackageJob", /, **values: str) -> str:
    """The operation's path with each ``{name}`` replaced by ``values[name]``, percent-encoded as one segment."""
    path = operation_path(operation_id)
    for name, value in values.items():
        assert "{" + name + "}" in path, (name, path)
        path = path.replace("{" + name + "}", quote(value, safe=""))
    assert "{" not in path, path
    return path


def parameters(operation_id: str = "GetRefPackageJob", *, location: str | None = None) -> list[dict[str, Any]]:
    """The operation's parameters in the spec's order; only those ``in: location`` when it is given."""
    found: list[dict[str, Any]] = operation(operation_id)["parameters"]
    return [parameter for parameter in found if location is None or parameter["in"] == location]


def python_name(api_name: str) -> str:
    """The Python name the generator gives an API name: ``pageSize`` -> ``page_size``, ``RegionId`` -> ``region_id``."""
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in api_name).lstrip("_")


def required_fields(name: str = "GetRefPackageJobResponse") -> dict[str, Any]:
    """The required fields of schema ``name``, each with its example from the spec."""
    properties = schema(name)["properties"]
    return {field: properties[field]["example"] for field in schema(name).get("required", [])}


def page(fields: dict[str, Any] | None = None, /, **more: Any) -> dict[str, Any]:
    """A valid JSON page: the required fields (the spec's examples), then ``fields`` and ``more`` over them.

    A field given as ``...`` (Ellipsis) is left out.
    """
    merged = {**required_fields(), **(fields or {}), **more}
    return {name: value for name, value in merged.items() if value is not ...}


def xml_page(inner: str, root: str = "GetRefPackageJobResponse") -> bytes:
    """A valid XML page: the required fields as elements (those ``inner`` lacks), then ``inner``."""
    elements = {xml_name("GetRefPackageJobResponse", name): value for name, value in required_fields().items()}
    required = "".join(
        f"<{name}>{value}</{name}>"
        for name, value in elements.items()
        if f"<{name}>" not in inner and f"<{name}/>" not in inner
    )
    return f"<{root}>{required}{inner}</{root}>".encode()
