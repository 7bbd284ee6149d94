"""Derives the decoders' shapes (``_schema.py``) from the spec: field kinds, XML names, pagination.

OpenAPI's ``xml`` rules as applied here: a schema's ``xml.name`` names its element at the root and
as an array item; a property's element is its own ``xml.name`` or the property name; an array
without ``xml.wrapped`` repeats its item element (named by ``items.xml.name``, else by the property)
directly in the parent.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from openapi_python_client.strings import ClassName, PythonIdentifier

from generator.runtime._shapes import ObjectShape, Shape

_SCALARS = {"string", "integer", "number", "boolean"}
_FORMAT_BOUNDS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


class GeneratorError(Exception):
    """The spec uses something the generator cannot turn into a client."""


class ShapeBuilder:
    """Builds ``ObjectShape``s for the named object schemas of one document.

    ``schemas`` maps a schema's name to the schema; ``ref_prefix`` is how ``$ref`` points at them
    (``#/components/schemas/`` in OpenAPI, ``#/$defs/`` in JSON Schema); ``class_name`` turns a
    schema name into the key the generated code uses.
    """

    def __init__(self, schemas: Mapping[str, Any], ref_prefix: str, class_name: Callable[[str], str] = str) -> None:
        self.schemas = schemas
        self.ref_prefix = ref_prefix
        self.class_name = class_name

    def objects(self) -> dict[str, ObjectShape]:
        return {
            self.class_name(name): self.object_shape(name, schema)
            for name, schema in sorted(self.schemas.items())
            if self._is_object(schema)
        }

    def object_shape(self, name: str, schema: Mapping[str, Any]) -> ObjectShape:
        fields = {
            prop: self.shape(prop_schema, self._xml(prop_schema).get("name", prop), f"{name}.{prop}")
            for prop, prop_schema in schema.get("properties", {}).items()
        }
        return ObjectShape(
            xml_name=self._xml(schema).get("name", name),
            fields=fields,
            required=frozenset(schema.get("required", ())),
        )

    def shape(self, schema: Mapping[str, Any], xml_name: str, where: str) -> Shape:
        shape = self._shape(schema, xml_name, where)
        target = self._target(schema, where)
        if "default" in target:  # the value of an absent field, as JSON text (a Shape stays hashable)
            shape = dataclasses.replace(shape, default=json.dumps(target["default"], sort_keys=True))
        return shape

    def _shape(self, schema: Mapping[str, Any], xml_name: str, where: str) -> Shape:
        nullable = bool(schema.get("nullable", False))
        if "$ref" in schema:
            name, target = self._resolve(schema["$ref"], where)
            if self._is_object(target):
                return Shape("object", xml_name=xml_name, ref=self.class_name(name), nullable=nullable)
            return self._shape(target, xml_name, where)
        for union in ("anyOf", "oneOf"):
            if union in schema:
                return self._scalar_union(schema[union], xml_name, where, nullable)
        kind = schema.get("type")
        if kind == "array":
            items = schema.get("items") or {}
            wrapped = bool(self._xml(schema).get("wrapped", False))
            item_name = self._xml(self._target(items, where)).get("name") or xml_name
            item = self.shape(items, item_name, f"{where}[]")
            return Shape("array", xml_name=xml_name if wrapped else item_name, items=item, wrapped=wrapped)
        if kind in _SCALARS:
            low, high = _FORMAT_BOUNDS.get(schema.get("format", ""), (None, None))
            if kind == "integer":
                low = schema.get("minimum", low)
                high = schema.get("maximum", high)
            return Shape(kind, xml_name=xml_name, minimum=low, maximum=high, nullable=nullable)
        raise GeneratorError(f"{where}: type {kind!r} is not supported (name inline objects as schemas)")

    def _scalar_union(self, branches: list[Any], xml_name: str, where: str, nullable: bool) -> Shape:
        kinds = {self.shape(branch, xml_name, where).kind for branch in branches}
        if len(kinds) != 1 or not kinds <= _SCALARS:
            raise GeneratorError(f"{where}: only unions of one scalar type are supported, got {sorted(kinds)}")
        return Shape(kinds.pop(), xml_name=xml_name, nullable=nullable)

    def _resolve(self, ref: str, where: str) -> tuple[str, Mapping[str, Any]]:
        if not ref.startswith(self.ref_prefix) or ref[len(self.ref_prefix) :] not in self.schemas:
            raise GeneratorError(f"{where}: cannot resolve $ref {ref!r}")
        name = ref[len(self.ref_prefix) :]
        return name, self.schemas[name]

    def _target(self, schema: Mapping[str, Any], where: str) -> Mapping[str, Any]:
        return self._resolve(schema["$ref"], where)[1] if "$ref" in schema else schema

    @staticmethod
    def _xml(schema: Mapping[str, Any]) -> Mapping[str, Any]:
        return schema.get("xml") or {}

    @staticmethod
    def _is_object(schema: Mapping[str, Any]) -> bool:
        return schema.get("type") == "object" or "properties" in schema


def api_shapes(spec: Mapping[str, Any]) -> dict[str, ObjectShape]:
    """Shapes of the spec's component schemas, keyed by generated class name."""
    schemas = spec.get("components", {}).get("schemas", {})
    return ShapeBuilder(schemas, "#/components/schemas/", lambda name: str(ClassName(name, "field_"))).objects()


def plan_shapes(plan_schema: Mapping[str, Any]) -> dict[str, ObjectShape]:
    """Shapes of the embedded plan document: its root (by title) and its ``$defs``."""
    schemas = dict(plan_schema.get("$defs", {}))
    schemas[plan_schema["title"]] = plan_schema
    return ShapeBuilder(schemas, "#/$defs/").objects()


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
                low, high = _FORMAT_BOUNDS.get(schema.get("format", ""), (None, None))
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
                    }
                )
            found[operation["operationId"]] = {
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "parameters": parameters,
            }
    return found


def examples(spec: Mapping[str, Any], spec_dir: Path) -> dict[str, dict[str, dict[str, dict[str, bytes]]]]:
    """The bytes of every response example the spec references by ``externalValue``.

    Keyed by operationId, status (``200``, ``4XX``...), media type and example name.
    """
    responses = spec.get("components", {}).get("responses", {})
    found: dict[str, dict[str, dict[str, dict[str, bytes]]]] = {}
    for path_item in spec.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            by_status = found.setdefault(operation["operationId"], {})
            for status, response in operation.get("responses", {}).items():
                if "$ref" in response:
                    response = responses[response["$ref"].rpartition("/")[2]]
                for media, content in response.get("content", {}).items():
                    for name, example in content.get("examples", {}).items():
                        if "externalValue" in example:
                            data = (spec_dir / example["externalValue"]).read_bytes()
                            by_status.setdefault(str(status), {}).setdefault(media, {})[name] = data
    return found


def operation_ids(spec: Mapping[str, Any]) -> dict[str, str]:
    """Each operationId (the ROA action), keyed by the name of its generated endpoint module."""
    return {
        str(PythonIdentifier(operation["operationId"], "field_")): operation["operationId"]
        for path_item in spec.get("paths", {}).values()
        for operation in path_item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }


def server_defaults(spec: Mapping[str, Any]) -> dict[str, str]:
    """The default of each variable of the spec's first server URL."""
    variables = spec["servers"][0].get("variables", {})
    return {name: str(variable["default"]) for name, variable in variables.items()}


_HOST = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*", re.ASCII)


def server_endpoints(spec: Mapping[str, Any]) -> dict[str, str]:
    """The base URL of each region the first server's ``x-endpoints`` names, by region ID.

    ``x-endpoints`` maps a host to the regions sent there; the URL keeps the server URL's scheme.
    A region absent from the result follows the server URL template.

    Raises:
        GeneratorError: ``x-endpoints`` is not a mapping of host names to lists of region IDs, or
            names a region twice.
    """
    server = spec["servers"][0]
    table = server.get("x-endpoints", {})
    scheme = str(server["url"]).partition("://")[0]
    if not isinstance(table, dict):
        raise GeneratorError("servers[0].x-endpoints: expected a mapping of host to a list of region IDs")
    found: dict[str, str] = {}
    for host, regions in table.items():
        if not (isinstance(host, str) and _HOST.fullmatch(host)):
            raise GeneratorError(f"servers[0].x-endpoints: {host!r} is not a host name")
        if not (isinstance(regions, list) and all(isinstance(region, str) for region in regions)):
            raise GeneratorError(f"servers[0].x-endpoints.{host}: expected a list of region IDs")
        for region in regions:
            if region in found:
                raise GeneratorError(f"servers[0].x-endpoints: region {region!r} is listed twice")
            found[region] = f"{scheme}://{host}"
    return dict(sorted(found.items()))


def render_shapes(name: str, shapes: Mapping[str, ObjectShape]) -> str:
    """Python source assigning ``shapes`` to ``name``."""
    lines = [f"{name}: dict[str, ObjectShape] = {{"]
    for key, shape in shapes.items():
        lines.append(f"    {key!r}: ObjectShape(")
        lines.append(f"        xml_name={shape.xml_name!r},")
        lines.append("        fields={")
        lines.extend(f"            {field!r}: {_render(value)}," for field, value in shape.fields.items())
        lines.append("        },")
        if shape.required:
            lines.append(f"        required=frozenset({sorted(shape.required)!r}),")
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines)


def _render(shape: Shape) -> str:
    defaults = Shape("")
    args = [repr(shape.kind)]
    for attr in ("xml_name", "ref", "wrapped", "minimum", "maximum", "nullable", "default"):
        value = getattr(shape, attr)
        if value != getattr(defaults, attr):
            args.append(f"{attr}={value!r}")
    if shape.items is not None:
        args.append(f"items={_render(shape.items)}")
    return f"Shape({', '.join(args)})"
