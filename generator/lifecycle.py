"""The spec's lifecycle extensions, ``x-guard`` and ``x-sweep``: checked, and as the layers' templates read them.

``x-guard`` (on a delete operation): ``{operation, method, error}``: the generated clients' ``method`` reads
``operation``'s whole listing with the delete's path arguments right before the DELETE and raises
``error`` (a generated subclass of the core's ``InUseError``) when it holds any item.

``x-sweep`` (on the checked listing): ``{method, command, containers: {operation, parameter}, subjects:
{operation, parameter}, delete}``: each item id (``x-item-id``) of the containers' listing fills
``containers.parameter``, a path parameter of the subjects' listing; each item id of the subjects'
listing fills ``subjects.parameter``; the checked listing's path parameters are exactly those two.
The subjects' optional query parameters, paging and client-filled ones aside, are the sweep's filters.
``delete`` names the operation deleting a subject; it must carry an ``x-guard`` naming the checked listing.

``problems`` says, one line each, what of them the generator cannot carry out; ``guard_context`` and
``sweep_context`` give the templates their names. Nothing here is named after an operation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from openapi_python_client.strings import ClassName, PythonIdentifier

from generator.operations import METHODS, PYTHON_TYPES, SCHEMA_REF, python_name, words

__all__ = ["guard_context", "problems", "result_classes", "sweep_context"]

_GUARD_KEYS = {"operation", "method", "error"}
_SWEEP_KEYS = {"method", "command", "containers", "subjects", "delete"}
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")
_CLASS = re.compile(r"[A-Z][A-Za-z0-9]*Error")
_COMMAND = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def _operations(spec: Mapping[str, Any]) -> dict[str, tuple[str, Mapping[str, Any]]]:
    found = {}
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if method in item and "operationId" in item[method]:
                found[item[method]["operationId"]] = (path, item[method])
    return found


def _path_parameters(path: str) -> list[str]:
    return re.findall(r"\{([^{}]+)\}", path)


def _item_schema(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]] | None:
    """The item schema of a paged operation (its x-pagination ``items`` path), name and schema; ``None`` if none."""
    paging = operation.get("x-pagination")
    schemas = spec.get("components", {}).get("schemas", {})
    if paging is None:
        return None
    for status, response in operation.get("responses", {}).items():
        if not str(status).startswith("2"):
            continue
        for content in response.get("content", {}).values():
            schema = schemas.get(str(content.get("schema", {}).get("$ref", "")).removeprefix(SCHEMA_REF), {})
            for field in paging.get("items", []):
                schema = schema.get("properties", {}).get(field, {})
                if "$ref" in schema:
                    schema = schemas.get(schema["$ref"].removeprefix(SCHEMA_REF), {})
            name = str(schema.get("items", {}).get("$ref", "")).removeprefix(SCHEMA_REF)
            return (name, schemas[name]) if name in schemas else None
    return None


def problems(spec: Mapping[str, Any]) -> Iterator[str]:
    """One line per ``x-guard`` or ``x-sweep`` the generator cannot carry out, naming the operation and the key."""
    operations = _operations(spec)
    for operation_id, (path, operation) in operations.items():
        where = f"operation {operation_id}"
        if "x-guard" in operation:
            yield from _guard_problems(spec, operations, where, path, operation["x-guard"])
        if "x-sweep" in operation:
            yield from _sweep_problems(spec, operations, where, operation_id, path, operation["x-sweep"])


def _listing_problems(
    spec: Mapping[str, Any], operations: Mapping[str, Any], where: str, name: object
) -> Iterator[str]:
    if not isinstance(name, str) or name not in operations:
        yield f"{where}: names operation {name!r}, which the spec does not have"
        return
    found = _item_schema(spec, operations[name][1])
    if found is None:
        yield f"{where}: operation {name} has no x-pagination with an item schema; it must be a paged listing"
    elif "x-item-id" not in found[1]:
        yield f"{where}: the items of operation {name} ({found[0]}) have no x-item-id to name them by"


def _guard_problems(
    spec: Mapping[str, Any], operations: Mapping[str, Any], where: str, path: str, guard: object
) -> Iterator[str]:
    where = f"{where}: x-guard"
    if not isinstance(guard, Mapping) or set(guard) != _GUARD_KEYS:
        yield f"{where} must be a mapping of exactly {', '.join(sorted(_GUARD_KEYS))}"
        return
    if not isinstance(guard["method"], str) or not _IDENTIFIER.fullmatch(guard["method"]):
        yield f"{where} method {guard['method']!r} is not a snake_case Python name"
    if not isinstance(guard["error"], str) or not _CLASS.fullmatch(guard["error"]):
        yield f"{where} error {guard['error']!r} is not a class name ending in Error"
    problems = list(_listing_problems(spec, operations, where, guard["operation"]))
    yield from problems
    if not problems and _path_parameters(operations[guard["operation"]][0]) != _path_parameters(path):
        yield f"{where}: operation {guard['operation']}'s path parameters are not this operation's, in order"


def _sweep_problems(
    spec: Mapping[str, Any],
    operations: Mapping[str, Any],
    where: str,
    operation_id: str,
    path: str,
    sweep: object,
) -> Iterator[str]:
    where = f"{where}: x-sweep"
    if not isinstance(sweep, Mapping) or set(sweep) != _SWEEP_KEYS:
        yield f"{where} must be a mapping of exactly {', '.join(sorted(_SWEEP_KEYS))}"
        return
    if not isinstance(sweep["method"], str) or not _IDENTIFIER.fullmatch(sweep["method"]):
        yield f"{where} method {sweep['method']!r} is not a snake_case Python name"
    if not isinstance(sweep["command"], str) or not _COMMAND.fullmatch(sweep["command"]):
        yield f"{where} command {sweep['command']!r} is not a kebab-case command name"
    if "x-pagination" not in operations[operation_id][1] or _item_schema(spec, operations[operation_id][1]) is None:
        yield f"{where}: the checked listing {operation_id} itself must be paged, with an item schema"
    listed = []
    for key in ("containers", "subjects"):
        part = sweep[key]
        if not isinstance(part, Mapping) or set(part) != {"operation", "parameter"}:
            yield f"{where} {key} must be a mapping of exactly operation, parameter"
            return
        found = list(_listing_problems(spec, operations, f"{where} {key}", part["operation"]))
        yield from found
        if found:
            return
        listed.append(part)
    containers, subjects = listed
    subjects_path = _path_parameters(operations[subjects["operation"]][0])
    if _path_parameters(operations[containers["operation"]][0]):
        yield f"{where} containers: operation {containers['operation']} must have no path parameter"
    if subjects_path != [containers["parameter"]]:
        yield (
            f"{where} containers parameter {containers['parameter']!r} must be the one path parameter of "
            f"operation {subjects['operation']}, which has {subjects_path}"
        )
    if _path_parameters(path) != [containers["parameter"], subjects["parameter"]]:
        yield (
            f"{where} subjects parameter {subjects['parameter']!r}: the path parameters of {operation_id} must be "
            f"{[containers['parameter'], subjects['parameter']]}, got {_path_parameters(path)}"
        )
    delete = sweep["delete"]
    if delete not in operations:
        yield f"{where} delete names operation {delete!r}, which the spec does not have"
    elif operations[delete][1].get("x-guard", {}).get("operation") != operation_id:
        yield f"{where} delete: operation {delete} must carry an x-guard whose operation is {operation_id}"


def _listing(spec: Mapping[str, Any], operation_id: str) -> dict[str, Any]:
    _, operation = _operations(spec)[operation_id]
    found = _item_schema(spec, operation)
    assert found is not None  # problems() said so
    schema_name, schema = found
    return {
        "operation_id": operation_id,
        "name": str(PythonIdentifier(operation_id, "field_")),
        "item": str(ClassName(schema_name, "field_")),
        "noun": words(schema_name),
        "item_id": python_name(schema["x-item-id"]),
        "item_id_wire": schema["x-item-id"],
        "items_method": operation["x-pagination"].get("itemsMethod", f"iter_{python_name(operation_id)}"),
    }


def guard_context(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> dict[str, Any] | None:
    """What the templates need of an operation's ``x-guard``, or ``None`` when it has none."""
    guard = operation.get("x-guard")
    if guard is None:
        return None
    return {"method": guard["method"], "error": guard["error"], "checked": _listing(spec, guard["operation"])}


def sweep_context(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> dict[str, Any] | None:
    """What the templates need of an operation's ``x-sweep``, or ``None`` when it has none."""
    sweep = operation.get("x-sweep")
    if sweep is None:
        return None
    containers = _listing(spec, sweep["containers"]["operation"])
    subjects = _listing(spec, sweep["subjects"]["operation"])
    checked = _listing(spec, operation["operationId"])
    container, subject = sweep["containers"]["parameter"], sweep["subjects"]["parameter"]
    subjects_operation = _operations(spec)[subjects["operation_id"]][1]
    paging = subjects_operation["x-pagination"]
    filters = [
        {
            "name": python_name(parameter["name"]),
            "type": PYTHON_TYPES.get(parameter.get("schema", {}).get("type"), "str"),
            "description": " ".join(str(parameter.get("description", "")).split()),
        }
        for parameter in subjects_operation.get("parameters", [])
        if parameter.get("in") == "query"
        and not parameter.get("required")
        and "x-filled-by-client" not in parameter
        and parameter["name"] not in (paging.get("pageParameter"), paging.get("sizeParameter"))
    ]
    options = [
        python_name(parameter["name"])
        for parameter in subjects_operation.get("parameters", [])
        if parameter.get("in") == "query"
        and parameter["name"] not in (paging.get("pageParameter"), paging.get("sizeParameter"))
    ]
    delete_operation = _operations(spec)[sweep["delete"]][1]
    return {
        "method": sweep["method"],
        "command": sweep["command"],
        "containers": {**containers, "parameter": python_name(container), "wire": container},
        "subjects": {**subjects, "parameter": python_name(subject), "wire": subject},
        "checked": checked,
        # e.g. project_names / all_projects, after the parameter and the containers' items method
        "names_argument": f"{python_name(container)}s",
        "all_argument": "all_" + containers["items_method"].removeprefix("iter_"),
        "filters": filters,
        "options": options,  # the command's options: the filters, and the client-filled ones (the region)
        "result": f"{subjects['item']}References",
        "subject_field": python_name(subjects["noun"].replace(" ", "_")),
        "first_ids_field": f"first_{checked['item_id']}s",
        # the reference count under the name the checked listing's x-pagination gives its item count
        "count_field": python_name(operation["x-pagination"]["totalItems"][-1])
        if operation["x-pagination"].get("totalItems")
        else "count",
        "first_ids_key": f"first{checked['item_id_wire']}s",
        "delete": {
            "name": str(PythonIdentifier(sweep["delete"], "field_")),
            "guard_method": delete_operation["x-guard"]["method"],
        },
    }


def result_classes(spec: Mapping[str, Any]) -> list[str]:
    """The classes of the sweeps' results (``<Subject>References``), which the package root re-exports."""
    found = []
    for _, operation in _operations(spec).values():
        context = sweep_context(spec, operation)
        if context is not None:
            found.append(context["result"])
    return found
