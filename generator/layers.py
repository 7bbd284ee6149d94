"""The per-operation layers: the package's modules that follow from the spec's operations, from templates.

openapi-python-client writes the models and one endpoint module per operation; the modules rendered
here from ``generator/templates/layers/`` bind the runtime core (``generator/runtime/``, which knows
no operation) to them: the client classes with one typed method per operation (and the paging
methods of the operations with ``x-pagination``), the command line (a command per operation, its
output columns from the item schema, and the views of documents that a field embeds), the testing
fake (its operations, routes and data stores, the typed methods that fill them, the item makers, the
pytest fixture) and the core's public entry points bound to the spec (``decode_body``, ``RoaSigner``). What each
template is given is built here from the spec alone, with openapi-python-client's naming rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import attrs
from openapi_python_client.strings import ClassName, PythonIdentifier

from generator.extension_index import Binding
from generator.generator_error import GeneratorError
from generator.lifecycle import guard_context, sweep_context
from generator.operations import METHODS, PYTHON_TYPES, SCHEMA_REF, operations, words
from generator.runtime import errors, types
from generator.runtime.operation import Pagination, Parameter
from generator.templating import environment

__all__ = ["LAYERS", "LayerName", "operation_names", "operations_context", "render_layers"]

# The modules rendered, each from ``<name>.jinja``.
LAYERS = (
    "__main__.py",
    "_bindings.py",
    "_cli.py",
    "_clients.py",
    "_fake.py",
    "_lifecycle.py",
    "_pytest_plugin.py",
    "errors.py",
    "testing.py",
    "types.py",
)
PACKAGE = "foas_client"
# What the fake's binding exports besides each paged operation's make_<items>, and what testing adds.
_FAKE_EXPORTS = ("FakeFoasService", "LoopbackFake", "documented_page")
_TESTING_EXPORTS = ("TEST_CREDENTIALS", "Answer", "Estate", "EstateOwner", "Fault", "Misbehaviour", "RequestRecord")
PROG = "foas"  # the command (pyproject.toml's [project.scripts] names the same)
# What a client setting fills in, by the value of a parameter's ``x-filled-by-client``.
_FILLED_BY = {"region": "self.settings.region_id"}
_DEFAULT_PAGE_SIZE = 10  # the fake's page size when neither the size parameter nor the echoed size gives one
# Where the templates bind each kind of per-operation name: (module, class), a class of None for the module.
_CLIENT_CLASSES = (("_clients.py", "FoasClient"), ("_clients.py", "AsyncFoasClient"))
# An operation's method is also bound in the clients' with_raw_response classes (paging methods are not).
_RAW_CLASSES = (("_clients.py", "FoasClientWithRawResponse"), ("_clients.py", "AsyncFoasClientWithRawResponse"))
_FAKE_SERVICE = ("_fake.py", "FakeFoasService")
_FAKE_MODULES = (("_fake.py", None), ("testing.py", None))


class LayerName(NamedTuple):
    """A name that an operation gives to the rendered layers, and where it is bound."""

    namespace: str  # the kind of name, as a message says it: "client method", "command", "fake helper"
    name: str
    operation_id: str
    origin: str  # what of the operation gives the name, as a message says it
    scopes: tuple[tuple[str, str | None], ...]  # (module, class) binding it; none for a command (argparse's)


def render_layers(spec: Mapping[str, Any], templates: Path, bound: Sequence[Binding]) -> dict[str, str]:
    """The source of each module of ``LAYERS``, rendered from ``templates/<module>.jinja``; ``bound``: the
    extension each field selects (``extension_index.bindings``), whose views and samples the layers use."""
    templating = environment(templates)
    operations = operations_context(spec)
    views = {b.extension.value: b.extension.module for b in bound if b.extension.keyword == "x-view"}
    shown, sampled = set(), set()
    for op in operations:  # each view, and each sample the fake fills a field with, is its extension's
        for view in op["views"]:
            view["module"] = views[view["extension"]]
            shown.add(view["module"])
        for hint in op["fake"]["fields"]:
            if "view" in hint:
                module = views[hint.pop("view")]
                hint["arguments"]["embedded"] = f"{module}_sample"  # as _fake.py.jinja imports it
                sampled.add(module)
    paged = [op for op in operations if op["pagination"]]
    documented = [op for op in operations if op["fake"]["documented"]]
    makers = [f"make_{op['fake']['noun']}" for op in paged]
    estates = [op["fake"]["estate"] for op in paged if op["fake"]["estate"]]
    relations = [
        name
        for name, present in (
            ("ItemAddress", any(op["fake"]["addresses"] for op in operations)),
            ("FieldFilter", any(op["fake"]["filters"] for op in paged)),
            ("Membership", any(op["fake"]["membership"] for op in paged)),
        )
        if present
    ]
    context = {
        "title": spec["info"]["title"],
        "operations": operations,
        "paged": paged,
        # the relations the fake's store keeps (their classes, as _fake.py imports them), and the estate
        "relations": relations,
        "estate": estates[0] if estates else None,
        "documented": documented,
        # documented_page()'s operation by default, and the type of the pages it can return
        "default_operation": (documented or operations)[0],
        "page_type": " | ".join(dict.fromkeys(op["response"] for op in documented)) or "Any",
        # the models the client and fake layers name: each operation's answer and each paged item
        "models": sorted({op["response"] for op in operations} | {op["pagination"]["item"] for op in paged}),
        "fake_exports": sorted([*_FAKE_EXPORTS, *makers]),
        "testing_exports": sorted([*_FAKE_EXPORTS, *_TESTING_EXPORTS, *makers]),
        "view_modules": sorted(shown),
        "sample_modules": sorted(sampled),
        "errors": _error_classes(),
        "guards": [op for op in operations if op["guard"]],
        "sweeps": [op for op in operations if op["sweep"]],
        "types": list(types.__all__),
        "package": PACKAGE,
        "prog": PROG,
    }
    return {module: templating.get_template(f"{module}.jinja").render(context) for module in LAYERS}


def _error_classes() -> list[str]:
    """The exception classes of the core's error tree, as ``foas_client.errors`` re-exports them."""
    return [name for name in errors.__all__ if isinstance(getattr(errors, name), type)]


def operations_context(spec: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each operation as the templates use it: names, the endpoint module, parameters, result and paging."""
    schemas = spec.get("components", {}).get("schemas", {})
    descriptors = operations(spec)  # the parameters as _schema.OPERATIONS has them
    found = []
    for path, path_item in spec.get("paths", {}).items():
        for method in METHODS:
            operation = path_item.get(method)
            if operation is None:
                continue
            name = str(PythonIdentifier(operation["operationId"], "field_"))
            tag = (operation.get("tags") or ["default"])[0]
            described = descriptors[operation["operationId"]]
            parameters = [_parameter(p) for p in described.parameters]
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
                    "response_schema": _response_schema(operation),
                    "parameters": parameters,
                    "positional": [p for p in parameters if p["required"] and not p["filled_by"]],
                    "optional": [p for p in parameters if not p["required"] and not p["filled_by"]],
                    "filled": [p for p in parameters if p["filled_by"]],
                    "pagination": _pagination(operation, described.pagination, schemas),
                    "destructive": _destructive(operation, method),
                }
            )
            paging = found[-1]["pagination"]
            if paging is not None:  # the paging methods take start_page where the operation takes the page
                paging["optional"] = [p for p in found[-1]["optional"] if p["python_name"] != paging["page"]]
            item_schema = paging["item_schema"] if paging is not None else _response_schema(operation)
            found[-1]["command"] = name.replace("_", "-")
            found[-1]["layout"] = _layout(item_schema, schemas)
            found[-1]["views"] = _views(item_schema, schemas) if paging is not None else []
            found[-1]["fake"] = _fake(operation, path, found[-1], schemas)
            found[-1]["guard"] = guard_context(spec, operation)  # x-guard: the guarded delete
            found[-1]["sweep"] = sweep_context(spec, operation)  # x-sweep: the sweep of the checked listing
    _relate(found, schemas)
    return found


def _relate(operations: Sequence[dict[str, Any]], schemas: Mapping[str, Any]) -> None:
    """What the fake's store needs to keep state, from the paths: the listing whose one item an operation
    addresses (its path is the listing's path plus ``/{parameter}``, the item's ``x-item-id``), in
    ``fake.addresses``; and the three listings nested one under the other, the last filtered by membership
    (``x-membership-filter``), that an estate fills, in each paged operation's ``fake.estate`` (the first's)."""
    paged = [op for op in operations if op["pagination"] and op["fake"]["item_id"]]
    for op in operations:
        op["fake"]["addresses"] = None
        if op["pagination"]:
            continue
        for listing in paged:
            match = re.fullmatch(re.escape(listing["path"]) + r"/\{([^{}/]+)\}", op["path"])
            if match is None:
                continue
            item = listing["pagination"]["item_schema"]
            op["fake"]["addresses"] = {
                "listing": listing["operation_id"],
                "parameter": match[1],
                "field": [name for name, prop in _properties(op, schemas) if prop.get("$ref") == SCHEMA_REF + item],
                "not_found_code": f"Invalid{item}.NotFound",
                "not_found_message": f"The specified {words(item)} does not exist.",
                "removes": op["method"] == "DELETE",
            }
    for op in operations:
        op["fake"]["estate"] = None
    for referencing in (op for op in operations if op["pagination"] and op["fake"]["membership"]):
        parameter = referencing["fake"]["membership"]["parameter"]
        for nested in paged:
            names = [p["name"] for p in nested["fake"]["path_parameters"]]
            if len(names) != 1 or not referencing["path"].startswith(f"{nested['path']}/{{{parameter}}}/"):
                continue
            for top in paged:
                if top["fake"]["path_parameters"] or not nested["path"].startswith(f"{top['path']}/{{{names[0]}}}/"):
                    continue
                item = str(PythonIdentifier(words(nested["pagination"]["item_schema"]), "field_"))
                top["fake"]["estate"] = {
                    "top": top,
                    "nested": nested,
                    "referencing": referencing,
                    "per_item": f"{referencing['fake']['noun']}_per_{item}",
                }


def _properties(operation: Mapping[str, Any], schemas: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """The properties of the schema of the operation's 2xx answer."""
    return list(schemas[operation["response_schema"]].get("properties", {}).items())


def operation_names(operations: Sequence[Mapping[str, Any]]) -> list[LayerName]:
    """Every name that ``operations`` (as ``operations_context`` gives them) bind in the rendered layers.

    The client classes' methods (the operation's, and its paging methods), the command line's commands
    (the operation's, and its views) and the fake's helpers (its store methods and item maker), each
    spelled as the templates in ``generator/templates/layers/`` spell it, in the operations' order.
    """
    found = []
    for op in operations:
        operation_id = op["operation_id"]
        method_scopes = _CLIENT_CLASSES + _RAW_CLASSES
        found.append(LayerName("client method", op["name"], operation_id, "its operationId", method_scopes))
        paging = op["pagination"]
        if paging is not None:
            for method, key in (("items_method", "itemsMethod"), ("pages_method", "pagesMethod")):
                default = "iter_<operation>" if method == "items_method" else "iter_<operation>_pages"
                origin = f"x-pagination {key}" if key in paging["named"] else f"{default}, as no {key} is given"
                found.append(LayerName("client method", paging[method], operation_id, origin, _CLIENT_CLASSES))
        found.append(LayerName("command", op["command"], operation_id, "its operationId", ()))
        if op["guard"] is not None:
            method = op["guard"]["method"]
            found.append(LayerName("client method", method, operation_id, "x-guard method", _CLIENT_CLASSES))
        if op["sweep"] is not None:
            method = op["sweep"]["method"]
            found.append(LayerName("client method", method, operation_id, "x-sweep method", _CLIENT_CLASSES))
            found.append(LayerName("command", op["sweep"]["command"], operation_id, "x-sweep command", ()))
        for view in op["views"]:
            origin = f"x-view-command of {paging['item_schema']}.{view['wire_field']}"  # views: paged items only
            found.append(LayerName("command", view["command"], operation_id, origin, ()))
        noun = op["fake"]["noun"]
        if noun is None:
            found.append(
                LayerName("fake helper", f"set_{op['name']}", operation_id, "set_<operation>", (_FAKE_SERVICE,))
            )
            continue
        items = f"after its items method {paging['items_method']!r}"
        for prefix, scopes in (
            ("with_documented_", (_FAKE_SERVICE,)),
            ("add_", (_FAKE_SERVICE,)),
            ("", (_FAKE_SERVICE,)),
            ("make_", _FAKE_MODULES),
        ):
            origin = f"{prefix}<items>, {items}"
            found.append(LayerName("fake helper", f"{prefix}{noun}", operation_id, origin, scopes))
    return found


def _destructive(operation: Mapping[str, Any], method: str) -> bool:
    """Whether the operation's command follows the conventions of a destructive one (it asks first, needs
    ``--yes`` without a terminal, offers ``--dry-run``): its ``x-destructive``, else whether it is a DELETE.

    The method says it, not the operation's name: a POST that destroys says ``x-destructive: true``.
    """
    flag = operation.get("x-destructive", method == "delete")
    if not isinstance(flag, bool):
        raise GeneratorError(f"operation {operation['operationId']}: x-destructive must be true or false, not {flag!r}")
    return flag


def _fake(
    operation: Mapping[str, Any], path: str, context: Mapping[str, Any], schemas: Mapping[str, Any]
) -> dict[str, Any]:
    """What the fake's binding needs of an operation: its path arguments, its store's methods, its items' hints."""
    by_name = {p["name"]: p for p in context["parameters"]}
    path_parameters = [by_name[name] for name in re.findall(r"\{([^{}]+)\}", path)]
    paging = context["pagination"]
    fake: dict[str, Any] = {
        "path_parameters": path_parameters,
        "documented": _documented_example(operation),
        "noun": None,
        "fields": [],
        "default_page_size": _DEFAULT_PAGE_SIZE,
        "item_id": None,
        "membership": None,
        "filters": _filters(operation, paging["item_schema"] if paging is not None else None, schemas),
    }
    if paging is not None:
        fake["noun"] = paging["items_method"].removeprefix("iter_")
        fake["fields"] = _field_hints(paging["item_schema"], schemas, {p["name"] for p in path_parameters})
        fake["default_page_size"] = _default_page_size(operation, schemas)
        fake["item_id"] = schemas.get(paging["item_schema"], {}).get("x-item-id")
        fake["membership"] = _membership(operation, paging["item_schema"], schemas, path_parameters)
    return fake


def _membership(
    operation: Mapping[str, Any], item: str, schemas: Mapping[str, Any], path_parameters: Sequence[Mapping[str, Any]]
) -> dict[str, str] | None:
    """The operation's ``x-membership-filter`` (its listing, by membership of a path parameter's value in an
    item's field split at a separator), checked against the path and the item schema.

    Raises:
        GeneratorError: naming the operation and what of the rule does not fit.
    """
    rule = operation.get("x-membership-filter")
    if rule is None:
        return None
    where = f"{operation['operationId']}: x-membership-filter"
    if not isinstance(rule, Mapping) or set(rule) - {"parameter", "field", "separator"}:
        raise GeneratorError(f"{where} takes parameter, field and separator, got {rule!r}")
    if rule.get("parameter") not in {p["name"] for p in path_parameters}:
        raise GeneratorError(f"{where}: parameter {rule.get('parameter')!r} is not a path parameter")
    field = schemas.get(item, {}).get("properties", {}).get(rule.get("field"))
    if field is None or field.get("type") != "string":
        raise GeneratorError(f"{where}: field {rule.get('field')!r} is not a string property of {item}")
    separator = rule.get("separator", ",")
    if not isinstance(separator, str) or not separator:
        raise GeneratorError(f"{where}: separator must be a non-empty string")
    return {"parameter": rule["parameter"], "field": rule["field"], "separator": separator}


def _filters(operation: Mapping[str, Any], item: str | None, schemas: Mapping[str, Any]) -> list[dict[str, str]]:
    """The operation's query parameters that filter its listing by equality (each one's ``x-filters-field``,
    the item schema's property that must equal the parameter's value), checked against the item schema.

    Raises:
        GeneratorError: naming the operation, the parameter and the field, when the operation is not paged,
            the parameter is not in the query, or the field is not a property of the item schema (or is of
            another type than the parameter).
    """
    found = []
    for parameter in operation.get("parameters", []):
        if "x-filters-field" not in parameter:
            continue
        field = parameter["x-filters-field"]
        where = f"operation {operation['operationId']}: parameter {parameter['name']!r}: x-filters-field {field!r}"
        if item is None:
            raise GeneratorError(f"{where}: the operation has no x-pagination, so no listing to filter")
        if parameter.get("in") != "query":
            raise GeneratorError(f"{where}: only a query parameter filters a listing, not a {parameter.get('in')} one")
        prop = schemas.get(item, {}).get("properties", {}).get(field) if isinstance(field, str) else None
        if not isinstance(prop, Mapping):
            raise GeneratorError(f"{where}: no such property in the item schema {item}")
        kind, field_kind = parameter.get("schema", {}).get("type", "string"), prop.get("type")
        if field_kind is not None and field_kind != kind:
            raise GeneratorError(f"{where}: {item}.{field} is of type {field_kind}, the parameter of type {kind}")
        found.append({"parameter": parameter["name"], "field": field})
    return found


def _documented_example(operation: Mapping[str, Any]) -> dict[str, str] | None:
    """Where ``_examples.EXAMPLES`` keeps the operation's documented JSON answer: its status and name."""
    for status, response in operation.get("responses", {}).items():
        if str(status).startswith("2"):
            for name, example in response.get("content", {}).get("application/json", {}).get("examples", {}).items():
                if "externalValue" in example:
                    return {"status": str(status), "name": name}
    return None


def _default_page_size(operation: Mapping[str, Any], schemas: Mapping[str, Any]) -> int:
    """The size parameter's ``default``, else the ``example`` of the echoed page size, else ``_DEFAULT_PAGE_SIZE``."""
    paging = operation["x-pagination"]
    for parameter in operation.get("parameters", []):
        if parameter["name"] == paging.get("sizeParameter") and "default" in parameter.get("schema", {}):
            return int(parameter["schema"]["default"])
    schema = schemas[_response_schema(operation)]
    for field in paging.get("pageSize", []):
        schema = schema.get("properties", {}).get(field, {})
        if "$ref" in schema:
            schema = schemas[schema["$ref"].removeprefix(SCHEMA_REF)]
    example = schema.get("example")
    return example if isinstance(example, int) and example > 0 else _DEFAULT_PAGE_SIZE


def _field_hints(schema_name: str, schemas: Mapping[str, Any], path_parameters: set[str]) -> list[dict[str, Any]]:
    """Each scalar property of an item schema as a ``FieldHint``'s arguments (Python source of their values)."""
    schema = schemas[schema_name]
    hints = []
    for name, prop in schema.get("properties", {}).items():
        target: Mapping[str, Any] = prop
        members: list[str] = []
        for branch in [prop, *prop.get("anyOf", []), *prop.get("oneOf", [])]:
            resolved = schemas.get(branch.get("$ref", "").removeprefix(SCHEMA_REF), branch)
            members = members or list(resolved.get("enum", []))
            if resolved.get("type") in PYTHON_TYPES and target is prop and "type" not in prop:
                target = resolved
        kind = target.get("type")
        if kind not in PYTHON_TYPES:  # objects and arrays are left out of generated items
            continue
        arguments = {"kind": repr(kind)}
        if "example" in prop:
            arguments["example"] = repr(prop["example"])
        if members:
            arguments["members"] = repr(tuple(members))
        if prop.get("x-timestamp") == "milliseconds":
            arguments["timestamp"] = "True"
        hint: dict[str, Any] = {"field": name, "arguments": arguments}
        if "x-view" in prop:  # a document the view's extension can make a sample of (render_layers binds it)
            hint["view"] = prop["x-view"]
        if prop.get("x-fake-from-parameter") in path_parameters:
            arguments["from_parameter"] = repr(prop["x-fake-from-parameter"])
        if name == schema.get("x-item-id"):
            arguments["identifier"] = "True"
        if name == schema.get("x-item-name"):
            arguments["name"] = "True"
        hints.append(hint)
    return hints


def _layout(schema_name: str, schemas: Mapping[str, Any]) -> dict[str, Any]:
    """How the command prints items of ``schema_name``: every field, the table's, the times, what wraps."""
    schema = schemas[schema_name]
    properties: Mapping[str, Any] = schema.get("properties", {})
    scalar = [name for name, prop in properties.items() if prop.get("type") in PYTHON_TYPES or "anyOf" in prop]
    return {
        "noun": words(schema_name),
        "fields": list(properties),
        "table_columns": list(schema.get("x-table-columns", scalar[:8])),
        "time_columns": sorted(name for name, prop in properties.items() if prop.get("x-timestamp") == "milliseconds"),
        "wrap_columns": [schema["x-item-name"]] if "x-item-name" in schema else [],
    }


def _views(schema_name: str, schemas: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The commands showing a document that a field of the item embeds (``x-view-command``), each with the
    value of its ``x-view``, which selects the extension module showing it."""
    schema = schemas[schema_name]
    views = []
    for name, prop in schema.get("properties", {}).items():
        if "x-view-command" not in prop:
            continue
        if "x-view" not in prop:  # the extension showing the document (generator/extensions/)
            raise ValueError(f"{schema_name}.{name}: x-view-command needs an x-view, the extension showing it")
        description = " ".join(str(prop.get("description", "")).split())
        views.append(
            {
                "command": prop["x-view-command"],
                "extension": prop["x-view"],
                "field": str(PythonIdentifier(name, "field_")),
                "wire_field": name,
                "help": f"show the {name} of a {words(schema_name)} ({description.partition(':')[0]})",
                "description": description,
                "id_field": str(PythonIdentifier(schema["x-item-id"], "field_")),
                "name_field": str(PythonIdentifier(schema["x-item-name"], "field_")),
            }
        )
    return views


def _parameter(descriptor: Parameter) -> dict[str, Any]:
    """A parameter descriptor (``operations``) as the templates read it, with what the client templates add:
    its Python type and, for one the client fills (``x-filled-by-client``), the expression that fills it."""
    return {
        **attrs.asdict(descriptor),
        "in": descriptor.location,
        "type": PYTHON_TYPES.get(descriptor.kind, "str"),
        "filled_by": _FILLED_BY[descriptor.filled_by] if descriptor.filled_by else None,
    }


def _response_class(operation: Mapping[str, Any]) -> str:
    """The model class of the operation's success response."""
    return str(ClassName(_response_schema(operation), "field_"))


def _pagination(
    operation: Mapping[str, Any], paging: Pagination | None, schemas: Mapping[str, Any]
) -> dict[str, Any] | None:
    """What the paging methods need: their names, the page and size arguments, the item model."""
    if paging is None:
        return None
    schema = schemas[_response_schema(operation)]
    for field in paging.items:  # down the items path, through $refs, to the array's item schema
        schema = schema["properties"][field.wire]
        if "$ref" in schema:
            schema = schemas[schema["$ref"].removeprefix(SCHEMA_REF)]
    item_ref = schema.get("items", {}).get("$ref", "")
    return {
        # the methods the spec names (x-pagination itemsMethod/pagesMethod); the rest are defaults
        "named": sorted(key for key in ("itemsMethod", "pagesMethod") if key in operation["x-pagination"]),
        "items_method": paging.items_method,
        "pages_method": paging.pages_method,
        "page": paging.page.python,
        "size": paging.size.python if paging.size else None,
        "item": str(ClassName(item_ref.removeprefix(SCHEMA_REF), "field_")) if item_ref else "Any",
        "item_schema": item_ref.removeprefix(SCHEMA_REF),
    }


def _response_schema(operation: Mapping[str, Any]) -> str:
    """The name of the schema of the operation's first 2xx response."""
    for status, response in operation.get("responses", {}).items():
        if str(status).startswith("2"):
            for content in response.get("content", {}).values():
                ref = str(content.get("schema", {}).get("$ref", ""))
                if ref.startswith(SCHEMA_REF):
                    return ref.removeprefix(SCHEMA_REF)
    raise ValueError(f"{operation['operationId']}: no 2xx response with a $ref schema")
