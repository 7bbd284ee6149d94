"""Checks a JSON-shaped value against the spec's shapes before a generated ``from_dict`` sees it.

The generated models check no types (``{"TotalCount": "abc"}`` would give an int field holding a
str); this is the boundary where a wrong type becomes a ``DecodeError`` naming the field path.
Unknown fields pass (they land in the model's ``additional_properties``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from typing import Any

from ..errors import DecodeError
from ..shapes import ObjectShape, Shape, integer_bounds

__all__ = ["describe", "fill_defaults", "missing_field", "validate"]


class Mismatch(Exception):
    """A value that does not fit its shape; ``parts`` collects the path on the way out (innermost first)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.parts: list[str] = []

    @property
    def path(self) -> str:
        text = ""
        for part in reversed(self.parts):
            text += part if part.startswith("[") or not text else "." + part
        return text


def describe(value: object) -> str:
    """A short, safe description of a wrong value for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value)
    return f"{type(value).__name__} {text[:40]}{'...' if len(text) > 40 else ''}"


def validate(value: Any, shape_name: str, shapes: Mapping[str, ObjectShape]) -> dict[str, Any]:
    """``value`` itself if it fits the object shape ``shape_name``.

    Raises:
        DecodeError: with ``path`` naming the first field that does not fit.
    """
    try:
        check_object(value, shapes[shape_name], shapes)
    except Mismatch as exc:
        raise DecodeError(exc.reason, path=exc.path) from None
    return value  # type: ignore[no-any-return]  # checked just above


# The common case, checked inline in ``check_object``: a field whose JSON kind has one exact Python
# type. ``float`` is not among them (a "number" may be an int), nor are objects and arrays.
_EXACT_TYPES: dict[str, type] = {"string": str, "integer": int, "boolean": bool}


class _CheckTable:
    """An object shape's fields, arranged for ``check_object``; built once per shape."""

    __slots__ = ("bounds", "defaults", "exact_types", "shapes")

    def __init__(self, shape: ObjectShape) -> None:
        self.shapes = shape.fields
        # The fields of a kind in _EXACT_TYPES, by name: their type (Any: no narrowing in check_object).
        self.exact_types: dict[str, Any] = {
            name: _EXACT_TYPES[s.kind] for name, s in shape.fields.items() if s.kind in _EXACT_TYPES
        }
        # The integer fields' (minimum, maximum).
        self.bounds = {name: integer_bounds(s) for name, s in shape.fields.items() if s.kind == "integer"}
        # The fields with a default in the spec: what an absent one reads as.
        self.defaults = {name: s for name, s in shape.fields.items() if s.default is not None}


_fields = functools.cache(_CheckTable)  # one table per shape (shapes are module constants, hashed by identity)


def check_object(value: Any, shape: ObjectShape, shapes: Mapping[str, ObjectShape]) -> None:
    """Checks ``value`` against ``shape``, and makes it what the models expect, in place.

    The service's tolerated variants are normalised on the way: ``null`` in a field that is not
    nullable is an absent field; one object where an array of objects belongs (Alibaba's XML to
    JSON conversion writes a list of one that way) is a list of one; an absent field with a
    default in the spec takes it. Only then are required fields looked for.
    """
    if type(value) is not dict:
        raise Mismatch(f"expected an object, got {describe(value)}")
    fields = _fields(shape)
    exact_types, bounds = fields.exact_types, fields.bounds
    nulls: list[str] = []
    for name, item in value.items():
        # Inline, without a call: a string, a boolean, or an integer within its bounds (most fields).
        exact = exact_types.get(name)
        if type(item) is exact:
            if exact is not int:
                continue
            low, high = bounds[name]
            if low <= item <= high:
                continue
        elif exact is None and name not in fields.shapes:
            continue  # a field the spec does not know: it lands in additional_properties
        field_shape = fields.shapes[name]
        if item is None and not field_shape.nullable:
            nulls.append(name)
            continue
        if type(item) is dict and field_shape.kind == "array" and getattr(field_shape.items, "kind", "") == "object":
            item = value[name] = [item]  # replaces a value, adds no key: iterating goes on safely
        try:
            check_value(item, field_shape, shapes)
        except Mismatch as exc:
            exc.parts.append(name)
            raise
    for name in nulls:
        del value[name]
    if fields.defaults:
        fill_defaults(value, fields.defaults, shapes)
    if shape.required:
        missing = sorted(shape.required.difference(value))
        if missing:
            raise missing_field(missing[0])


def missing_field(name: str) -> Mismatch:
    """The mismatch for a required field that is absent (or ``null``), with the path naming it."""
    mismatch = Mismatch("a required field is missing")
    mismatch.parts.append(name)
    return mismatch


def fill_defaults(value: dict[str, Any], defaults: Mapping[str, Shape], shapes: Mapping[str, ObjectShape]) -> None:
    """Gives each field of ``defaults`` that ``value`` lacks its default (a fresh copy, itself normalised)."""
    for name, field_shape in defaults.items():
        if name not in value:
            assert field_shape.default is not None
            default = json.loads(field_shape.default)
            check_value(default, field_shape, shapes)  # fills the defaults inside it, e.g. {} -> {"Job": []}
            value[name] = default


def check_value(value: Any, shape: Shape, shapes: Mapping[str, ObjectShape]) -> None:
    kind = shape.kind
    if value is None:
        if shape.nullable:
            return
        raise Mismatch(f"expected {kind}, got null")
    if kind == "string":
        if type(value) is not str:
            raise Mismatch(f"expected string, got {describe(value)}")
    elif kind == "integer":
        if type(value) is not int:  # bool is an int subclass: excluded on purpose
            raise Mismatch(f"expected integer, got {describe(value)}")
        check_bounds(value, shape)
    elif kind == "boolean":
        if type(value) is not bool:
            raise Mismatch(f"expected boolean, got {describe(value)}")
    elif kind == "number":
        if type(value) not in (int, float):
            raise Mismatch(f"expected number, got {describe(value)}")
    elif kind == "object":
        check_object(value, shapes[shape.ref], shapes)
    elif kind == "array":
        if type(value) is not list:
            raise Mismatch(f"expected array, got {describe(value)}")
        items = shape.items
        assert items is not None
        item_object = shapes[items.ref] if items.kind == "object" else None
        for index, item in enumerate(value):
            try:
                if item_object is not None and item is not None:  # the usual array: of objects
                    check_object(item, item_object, shapes)
                else:
                    check_value(item, items, shapes)
            except Mismatch as exc:
                exc.parts.append(f"[{index}]")
                raise


def check_bounds(value: int, shape: Shape) -> None:
    if shape.minimum is not None and value < shape.minimum:
        raise Mismatch(f"{value} is below the minimum {shape.minimum}")
    if shape.maximum is not None and value > shape.maximum:
        raise Mismatch(f"{value} is above the maximum {shape.maximum}")
