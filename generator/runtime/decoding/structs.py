"""msgspec Struct types made from the spec's shapes, for the decoders that go straight to a model.

``struct_type`` gives the Struct of a model: its attributes are the model's (``_struct_fields``), each
named as the document names the field and typed from the shape (kind, int32/int64 bounds, required
fields, the spec's defaults), so that msgspec checks what the usual path checks. The model's generated
``_from_struct`` then builds the model. JSON (``_fast_json``) names fields by their JSON names; XML
(``_fast_xml``) by their element names, and has no ``null``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Annotated, Any

import msgspec

from ..shapes import ObjectShape, Shape
from ..unset import UNSET

__all__ = ["Unsupported", "struct_type"]

# The usual path reads an integer of at most 20 characters; the XML reader hands msgspec ASCII digits
# and signs only, and msgspec refuses leading zeros: for an integer the spec leaves unbounded, these agree.
_XML_INTEGER_BOUNDS = (-(10**19 - 1), 10**20 - 1)


class Unsupported(Exception):
    """A model or a shape that gets no Struct: its documents take the usual path."""


def struct_type(model: type[Any], shape_name: str, shapes: Mapping[str, ObjectShape], *, xml: bool = False) -> Any:
    """The Struct type of ``model`` (whose shape is ``shapes[shape_name]``), fields named for JSON or ``xml``.

    Raises:
        Unsupported: the model lacks the generated ``_struct_fields``/``_from_struct``, names other fields
            than its shape, or holds a kind this format's Structs do not take as the usual path does.
    """
    return _Builder(shapes, xml).struct(model, shape_name)


class _Builder:
    def __init__(self, shapes: Mapping[str, ObjectShape], xml: bool) -> None:
        self.shapes = shapes
        self.xml = xml
        self.building: set[str] = set()

    def struct(self, model: type[Any], shape_name: str) -> Any:
        """The Struct type of ``model``: its attributes, named as the document names the shape's fields."""
        if shape_name in self.building:  # a schema that holds itself: not supported (none does so far)
            raise Unsupported(shape_name)
        self.building.add(shape_name)
        fields_of = getattr(model, "_struct_fields", None)
        shape = self.shapes.get(shape_name)
        if fields_of is None or not hasattr(model, "_from_struct") or shape is None:
            raise Unsupported(shape_name)
        model_fields: tuple[tuple[str, str, type[Any] | None], ...] = fields_of()
        if {wire for _, wire, _ in model_fields} != set(shape.fields) or len(model_fields) != len(shape.fields):
            raise Unsupported(shape_name)
        if self.xml and len(shape.by_xml_name) != len(shape.fields):  # two fields in one element name
            raise Unsupported(shape_name)
        fields = []
        for attribute, wire, nested in model_fields:
            field_shape = shape.fields[wire]
            kind = self.type(field_shape, nested)
            name = field_shape.xml_name if self.xml else wire
            if wire in shape.required:
                field = msgspec.field(name=name)
            elif field_shape.default is not None:
                field = msgspec.field(name=name, default_factory=_default(field_shape.default, kind))
            else:
                field = msgspec.field(name=name, default=UNSET)
            fields.append((attribute, kind, field))
        self.building.discard(shape_name)
        # kw_only: required fields may follow optional ones; forbid_unknown_fields: an unknown field is
        # kept in additional_properties (JSON) or skipped (XML), which only the usual path does. gc=False:
        # a Struct is read once into the model and dropped, and holds no cycle (text, numbers, lists of
        # Structs); untracked by the cycle collector, it costs less to make and triggers no collection.
        return msgspec.defstruct(shape_name, fields, kw_only=True, forbid_unknown_fields=True, gc=False)

    def type(self, shape: Shape, nested: type[Any] | None) -> Any:
        """The type msgspec reads ``shape``'s values as; ``nested``: the model of an object, or of an array's items."""
        kind: Any
        if shape.kind == "string":
            kind = str
        elif shape.kind == "integer":
            low, high = shape.minimum, shape.maximum
            if self.xml:
                low = max(low, _XML_INTEGER_BOUNDS[0]) if low is not None else _XML_INTEGER_BOUNDS[0]
                high = min(high, _XML_INTEGER_BOUNDS[1]) if high is not None else _XML_INTEGER_BOUNDS[1]
            kind = Annotated[int, msgspec.Meta(ge=low, le=high)]
        elif shape.kind == "boolean":
            kind = bool
        elif shape.kind == "number" and not self.xml:  # XML reads numbers by float()'s rules, not msgspec's
            kind = int | float  # an int stays an int, as json reads it
        elif shape.kind == "object" and nested is not None:
            kind = self.struct(nested, shape.ref)
        elif shape.kind == "array" and shape.items is not None:
            items = shape.items
            if items.kind == "object" and nested is not None and not (self.xml and shape.wrapped):
                kind = list[self.struct(nested, items.ref)]  # type: ignore[misc]
            elif items.kind in ("string", "integer", "boolean", "number") and nested is None and not self.xml:
                kind = list[self.type(items, None)]  # type: ignore[misc]
            else:
                raise Unsupported(f"array of {items.kind}")
        else:
            raise Unsupported(shape.kind)
        return kind | None if shape.nullable and not self.xml else kind


def _default(text: str, kind: Any) -> Callable[[], Any]:
    """A fresh copy of the spec's default (JSON ``text``) as ``kind``, each time it is called."""
    document = json.loads(text)
    try:
        msgspec.convert(document, kind)
    except msgspec.ValidationError:
        raise Unsupported(f"default {text}") from None
    return lambda: msgspec.convert(document, kind)
