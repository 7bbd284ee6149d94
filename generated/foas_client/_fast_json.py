# Copied from generator/runtime/_fast_json.py by generator/ (`make generate`). Do not edit here: edit the source.
"""JSON bodies decoded straight into the models, through msgspec Structs built from the spec's shapes.

The usual path parses a body into dicts, checks them (``_validate``) and builds the model from them
(``from_dict``): three walks. When msgspec is installed (the ``speedups`` extra), ``model_decoder``
gives one instead: msgspec decodes the body into Structs made here from the shapes, checking every
kind and bound as it goes, and the model's generated ``_from_struct`` builds the model from them.

The Structs accept only the bodies that the usual path reads as they stand: every field known to
the spec, of its kind and within its bounds, no ``null`` where the spec has none, the required fields
present (an absent field with a default in the spec takes it). For any other body (an unknown field,
a ``null`` to drop, one object standing for a list, a malformed document...) the decoder returns
``None``, and the usual path decides: its result, or its error and the error's path, are the rule.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Annotated, Any

import msgspec

from ._shapes import ObjectShape, Shape
from ._unset import UNSET

__all__ = ["model_decoder"]

ModelDecoder = Callable[[bytes], Any]
"""``bytes -> model``, or ``None`` when the body is not one the Structs accept as it stands."""


class _Unsupported(Exception):
    """A model or a shape this module does not build Structs for: such bodies take the usual path."""


def model_decoder(model: type[Any], shape_name: str, shapes: Mapping[str, ObjectShape]) -> ModelDecoder | None:
    """The decoder of ``model`` (whose shape is ``shapes[shape_name]``), or ``None`` if it has none.

    A model has one when it, and every model it holds, has the generated ``_struct_fields`` and
    ``_from_struct``, and names the same fields as its shape. Build once and keep: building costs
    milliseconds, decoding with it costs what msgspec does.
    """
    try:
        struct = _struct(model, shape_name, shapes, {})
    except _Unsupported:
        return None
    decode = msgspec.json.Decoder(struct).decode
    from_struct = model._from_struct

    def decode_model(content: bytes) -> Any:
        try:
            document = decode(content)
        except (ValueError, RecursionError):  # msgspec's DecodeError and ValidationError are ValueErrors
            return None
        return from_struct(document)

    return decode_model


def _struct(model: type[Any], shape_name: str, shapes: Mapping[str, ObjectShape], building: dict[str, Any]) -> Any:
    """The Struct type of ``model``: its attributes, named on the wire as the shape's fields."""
    if shape_name in building:  # a schema that holds itself: not supported (none does so far)
        raise _Unsupported(shape_name)
    building[shape_name] = None
    fields_of = getattr(model, "_struct_fields", None)
    shape = shapes.get(shape_name)
    if fields_of is None or not hasattr(model, "_from_struct") or shape is None:
        raise _Unsupported(shape_name)
    model_fields: tuple[tuple[str, str, type[Any] | None], ...] = fields_of()
    if {wire for _, wire, _ in model_fields} != set(shape.fields) or len(model_fields) != len(shape.fields):
        raise _Unsupported(shape_name)
    fields = []
    for attribute, wire, nested in model_fields:
        field_shape = shape.fields[wire]
        kind = _type(field_shape, nested, shapes, building)
        if wire in shape.required:
            field = msgspec.field(name=wire)
        elif field_shape.default is not None:
            field = msgspec.field(name=wire, default_factory=_default(field_shape.default, kind))
        else:
            field = msgspec.field(name=wire, default=UNSET)
        fields.append((attribute, kind, field))
    del building[shape_name]
    # kw_only: required fields may follow optional ones; forbid_unknown_fields: an unknown field is
    # kept in additional_properties, which only the usual path fills. gc=False: a Struct is read once
    # into the model and dropped, and holds no cycle (text, numbers, lists of Structs); untracked by
    # the cycle collector, it costs less to make and triggers no collection.
    return msgspec.defstruct(shape_name, fields, kw_only=True, forbid_unknown_fields=True, gc=False)


def _type(shape: Shape, nested: type[Any] | None, shapes: Mapping[str, ObjectShape], building: dict[str, Any]) -> Any:
    """The type msgspec decodes ``shape``'s values as; ``nested``: the model of an object, or of an array's items."""
    kind: Any
    if shape.kind == "string":
        kind = str
    elif shape.kind == "integer":
        kind = Annotated[int, msgspec.Meta(ge=shape.minimum, le=shape.maximum)]
    elif shape.kind == "boolean":
        kind = bool
    elif shape.kind == "number":
        kind = int | float  # an int stays an int, as json reads it
    elif shape.kind == "object" and nested is not None:
        kind = _struct(nested, shape.ref, shapes, building)
    elif shape.kind == "array" and shape.items is not None:
        items = shape.items
        if items.kind == "object" and nested is not None:
            kind = list[_struct(nested, items.ref, shapes, building)]  # type: ignore[misc]
        elif items.kind in ("string", "integer", "boolean", "number") and nested is None:
            kind = list[_type(items, None, shapes, building)]  # type: ignore[misc]
        else:
            raise _Unsupported(f"array of {items.kind}")
    else:
        raise _Unsupported(shape.kind)
    return kind | None if shape.nullable else kind


def _default(text: str, kind: Any) -> Callable[[], Any]:
    """A fresh copy of the spec's default (JSON ``text``) as ``kind``, each time it is called."""
    document = json.loads(text)
    try:
        msgspec.convert(document, kind)
    except msgspec.ValidationError:
        raise _Unsupported(f"default {text}") from None
    return lambda: msgspec.convert(document, kind)
