"""The per-operation layers: the package's modules that follow from the spec's operations, from templates.

openapi-python-client writes the models and one endpoint module per operation; the modules rendered
here from ``generator/templates/layers/`` bind the runtime core (``generator/runtime/``, which knows
no operation) to them: the client classes with one typed method per operation (and the paging
methods of the operations with ``x-pagination``), the command line (a command per operation, its
output columns from the item schema, and the views of documents that a field embeds), and the core's
public entry points bound to the spec (``decode_body``, ``RoaSigner``). What each
template is given is built here from the spec alone, with openapi-python-client's naming rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from openapi_python_client.strings import ClassName, PythonIdentifier

__all__ = ["LAYERS", "operations_context", "render_layers"]

LAYERS = ("_bindings.py", "_cli.py", "_clients.py")  # the modules rendered, each from ``<name>.jinja``
_PYTHON_TYPES = {"string": "str", "integer": "int", "boolean": "bool", "number": "float"}
_SCHEMAS = "#/components/schemas/"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# What a client setting fills in, by the value of a parameter's ``x-filled-by-client``.
_FILLED_BY = {"region": "self.settings.region_id"}


def render_layers(spec: Mapping[str, Any], templates: Path) -> dict[str, str]:
    """The source of each module of ``LAYERS``, rendered from ``templates/<module>.jinja``."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,  # a name the context lacks fails generation, not the package
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Python source, not HTML
    )
    environment.filters["py"] = repr  # a Python literal of a string
    environment.filters["py_tuple"] = lambda values: repr(tuple(values))
    context = {"title": spec["info"]["title"], "operations": operations_context(spec)}
    return {module: environment.get_template(f"{module}.jinja").render(context) for module in LAYERS}


def operations_context(spec: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each operation as the templates use it: names, the endpoint module, parameters, result and paging."""
    schemas = spec.get("components", {}).get("schemas", {})
    found = []
    for path, path_item in spec.get("paths", {}).items():
        for method in _METHODS:
            operation = path_item.get(method)
            if operation is None:
                continue
            name = str(PythonIdentifier(operation["operationId"], "field_"))
            tag = (operation.get("tags") or ["default"])[0]
            parameters = [_parameter(p) for p in [*path_item.get("parameters", []), *operation.get("parameters", [])]]
            found.append(
                {
                    "operation_id": operation["operationId"],
                    "name": name,
                    "module": f"api.{PythonIdentifier(tag, 'field_')}.{name}",
                    "path": path,
                    "method": method.upper(),
                    "summary": " ".join(str(operation.get("summary", "")).split()),
                    "description": str(operation.get("description", "")).strip(),
                    "response": _response_class(operation),
                    "parameters": parameters,
                    "positional": [p for p in parameters if p["required"] and not p["filled_by"]],
                    "optional": [p for p in parameters if not p["required"] and not p["filled_by"]],
                    "filled": [p for p in parameters if p["filled_by"]],
                    "pagination": _pagination(operation, name, schemas),
                }
            )
            paging = found[-1]["pagination"]
            if paging is not None:  # the paging methods take start_page where the operation takes the page
                paging["optional"] = [p for p in found[-1]["optional"] if p["python_name"] != paging["page"]]
            item_schema = paging["item_schema"] if paging is not None else _response_schema(operation)
            found[-1]["command"] = name.replace("_", "-")
            found[-1]["layout"] = _layout(item_schema, schemas)
            found[-1]["views"] = _views(item_schema, schemas) if paging is not None else []
    return found


def _words(name: str) -> str:
    """A schema name as words: ``JobInfo`` -> ``job info``."""
    return " ".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", name)).lower()


def _layout(schema_name: str, schemas: Mapping[str, Any]) -> dict[str, Any]:
    """How the command prints items of ``schema_name``: every field, the table's, the times, what wraps."""
    schema = schemas[schema_name]
    properties: Mapping[str, Any] = schema.get("properties", {})
    scalar = [name for name, prop in properties.items() if prop.get("type") in _PYTHON_TYPES or "anyOf" in prop]
    return {
        "noun": _words(schema_name),
        "fields": list(properties),
        "table_columns": list(schema.get("x-table-columns", scalar[:8])),
        "time_columns": sorted(name for name, prop in properties.items() if prop.get("x-timestamp") == "milliseconds"),
        "wrap_columns": [schema["x-item-name"]] if "x-item-name" in schema else [],
    }


def _views(schema_name: str, schemas: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The commands showing a document that a field of the item embeds (``x-embedded-schema``)."""
    schema = schemas[schema_name]
    views = []
    for name, prop in schema.get("properties", {}).items():
        if "x-view-command" not in prop:
            continue
        if prop.get("x-embedded-schema") != "./plan.schema.json":  # the one document with views (_plan_view)
            raise ValueError(f"{schema_name}.{name}: x-view-command needs x-embedded-schema ./plan.schema.json")
        description = " ".join(str(prop.get("description", "")).split())
        views.append(
            {
                "command": prop["x-view-command"],
                "field": str(PythonIdentifier(name, "field_")),
                "wire_field": name,
                "help": f"show the {name} of a {_words(schema_name)} ({description.partition(':')[0]})",
                "description": description,
                "id_field": str(PythonIdentifier(schema["x-item-id"], "field_")),
                "name_field": str(PythonIdentifier(schema["x-item-name"], "field_")),
            }
        )
    return views


def _parameter(parameter: Mapping[str, Any]) -> dict[str, Any]:
    schema = parameter.get("schema", {})
    filled_by = parameter.get("x-filled-by-client")
    return {
        "name": parameter["name"],
        "python_name": str(PythonIdentifier(parameter["name"], "field_")),
        "type": _PYTHON_TYPES.get(schema.get("type", "string"), "str"),
        "required": bool(parameter.get("required", False)),
        "description": " ".join(str(parameter.get("description", "")).split()),
        "filled_by": _FILLED_BY[filled_by] if filled_by else None,
    }


def _response_class(operation: Mapping[str, Any]) -> str:
    """The model class of the operation's success response."""
    return str(ClassName(_response_schema(operation), "field_"))


def _pagination(operation: Mapping[str, Any], name: str, schemas: Mapping[str, Any]) -> dict[str, Any] | None:
    """What the paging methods need: their names, the page and size arguments, the item model."""
    paging = operation.get("x-pagination")
    if paging is None:
        return None
    schema = schemas[_response_schema(operation)]
    for field in paging["items"]:  # down the items path, through $refs, to the array's item schema
        schema = schema["properties"][field]
        if "$ref" in schema:
            schema = schemas[schema["$ref"].removeprefix(_SCHEMAS)]
    item_ref = schema.get("items", {}).get("$ref", "")
    return {
        "items_method": paging.get("itemsMethod", f"iter_{name}"),
        "pages_method": paging.get("pagesMethod", f"iter_{name}_pages"),
        "page": str(PythonIdentifier(paging["pageParameter"], "field_")),
        "size": str(PythonIdentifier(paging["sizeParameter"], "field_")) if paging.get("sizeParameter") else None,
        "item": str(ClassName(item_ref.removeprefix(_SCHEMAS), "field_")) if item_ref else "Any",
        "item_schema": item_ref.removeprefix(_SCHEMAS),
    }


def _response_schema(operation: Mapping[str, Any]) -> str:
    """The name of the schema of the operation's first 2xx response."""
    for status, response in operation.get("responses", {}).items():
        if str(status).startswith("2"):
            for content in response.get("content", {}).values():
                ref = str(content.get("schema", {}).get("$ref", ""))
                if ref.startswith(_SCHEMAS):
                    return ref.removeprefix(_SCHEMAS)
    raise ValueError(f"{operation['operationId']}: no 2xx response with a $ref schema")
