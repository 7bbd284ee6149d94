"""Derives the decoders' object shapes (``SHAPES``, ``EMBEDDED_SHAPES`` in ``_schema.py``): field kinds, XML names.

OpenAPI's ``xml`` rules as applied here: a schema's ``xml.name`` names its element at the root and
as an array item; a property's element is its own ``xml.name`` or the property name; an array
without ``xml.wrapped`` repeats its item element (named by ``items.xml.name``, else by the property)
directly in the parent.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

import attrs
from openapi_python_client.strings import ClassName

from generator.generator_error import GeneratorError
from generator.runtime.shapes import ObjectShape, Shape

SCALARS = frozenset({"string", "integer", "number", "boolean"})
# The bounds an integer ``format`` implies (a ``minimum``/``maximum`` of the schema narrows them).
FORMAT_BOUNDS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


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
            if is_object_schema(schema)
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
            shape = attrs.evolve(shape, default=json.dumps(target["default"], sort_keys=True))
        return shape

    def _shape(self, schema: Mapping[str, Any], xml_name: str, where: str) -> Shape:
        nullable = bool(schema.get("nullable", False))
        if "$ref" in schema:
            name, target = self._resolve(schema["$ref"], where)
            if is_object_schema(target):
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
        if kind in SCALARS:
            low, high = FORMAT_BOUNDS.get(schema.get("format", ""), (None, None))
            if kind == "integer":
                low = schema.get("minimum", low)
                high = schema.get("maximum", high)
            return Shape(kind, xml_name=xml_name, minimum=low, maximum=high, nullable=nullable)
        raise GeneratorError(f"{where}: type {kind!r} is not supported (name inline objects as schemas)")

    def _scalar_union(self, branches: list[Any], xml_name: str, where: str, nullable: bool) -> Shape:
        kinds = {self.shape(branch, xml_name, where).kind for branch in branches}
        if len(kinds) != 1 or not kinds <= SCALARS:
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


def is_object_schema(schema: Mapping[str, Any]) -> bool:
    """Whether ``schema`` describes an object (it says so, or it has properties): a model class of its own."""
    return schema.get("type") == "object" or "properties" in schema


def api_shapes(spec: Mapping[str, Any]) -> dict[str, ObjectShape]:
    """Shapes of the spec's component schemas, keyed by generated class name."""
    schemas = spec.get("components", {}).get("schemas", {})
    return ShapeBuilder(schemas, "#/components/schemas/", lambda name: str(ClassName(name, "field_"))).objects()


def embedded_shapes(schema: Mapping[str, Any]) -> dict[str, ObjectShape]:
    """Shapes of a document a field embeds (``x-embedded-schema``): its root (by title) and its ``$defs``."""
    schemas = dict(schema.get("$defs", {}))
    schemas[schema["title"]] = schema
    return ShapeBuilder(schemas, "#/$defs/").objects()
