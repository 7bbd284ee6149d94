"""JSON-shaped dicts written as XML through the spec's shapes: the inverse of ``_xml.decode_xml``.

Used by the testing fake to answer ``Accept: application/xml`` the way the service does. A carriage
return is written as ``&#13;`` (a literal one would be read back as a line feed), so text round-trips.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..shapes import ObjectShape, Shape

__all__ = ["encode_xml"]

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def encode_xml(data: Mapping[str, Any], shape_name: str, shapes: Mapping[str, ObjectShape]) -> bytes:
    """``data`` (wire field names) as an XML document rooted at the shape's element, UTF-8 encoded.

    Fields the shape does not know are left out (XML needs the spec to name their elements).
    """
    shape = shapes[shape_name]
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', f"<{shape.xml_name}>"]
    _object(parts, data, shape, shapes)
    parts.append(f"</{shape.xml_name}>")
    return "".join(parts).encode()


def _object(parts: list[str], data: Mapping[str, Any], shape: ObjectShape, shapes: Mapping[str, ObjectShape]) -> None:
    for name, value in data.items():
        field = shape.fields.get(name)
        if field is None:
            continue
        if field.kind == "array":
            assert field.items is not None
            if field.wrapped:
                parts.append(f"<{field.xml_name}>")
            for item in value:
                _element(parts, item, field.items, shapes)
            if field.wrapped:
                parts.append(f"</{field.xml_name}>")
        else:
            _element(parts, value, field, shapes)


def _element(parts: list[str], value: Any, shape: Shape, shapes: Mapping[str, ObjectShape]) -> None:
    tag = shape.xml_name
    if shape.kind == "object":
        parts.append(f"<{tag}>")
        _object(parts, value, shapes[shape.ref], shapes)
        parts.append(f"</{tag}>")
    elif value is None or value == "":
        parts.append(f"<{tag}/>")
    elif isinstance(value, bool):
        parts.append(f"<{tag}>{'true' if value else 'false'}</{tag}>")
    else:
        parts.append(f"<{tag}>{str(value).translate(_ESCAPES)}</{tag}>")
