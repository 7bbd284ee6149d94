"""What the decoders need to know of a schema, as derived from the spec into ``_schema.py``.

The generator writes one ``ObjectShape`` per object schema of the spec (and of the embedded plan
schema); the JSON validator and the XML decoder walk them, so neither repeats a field name or a tag.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import attrs

__all__ = ["ObjectShape", "Shape", "integer_bounds"]


@attrs.frozen
class Shape:
    """One value: its JSON kind and, for XML, the element that carries it.

    kind: ``string``, ``integer``, ``number``, ``boolean``, ``object`` (see ``ref``) or ``array``.
    xml_name: the element's name; for an unwrapped array, the name of each repeated item element.
    ref: for ``object``, the name of its ``ObjectShape``.
    items: for ``array``, the shape of an item.
    wrapped: for ``array``, whether XML puts the items inside one element named ``xml_name``.
    minimum, maximum: for ``integer``, the bounds of its format (int32, int64) or of the schema.
    nullable: whether JSON ``null`` is a value; otherwise ``null`` reads as an absent field.
    default: the spec's ``default`` as JSON text: the value of the field when the body leaves it out.
    """

    kind: str
    xml_name: str = ""
    ref: str = ""
    items: Shape | None = None
    wrapped: bool = False
    minimum: int | None = None
    maximum: int | None = None
    nullable: bool = False
    default: str | None = None


@attrs.frozen(eq=False)  # compared and hashed by identity: the decoders cache tables per shape
class ObjectShape:
    """An object: its fields by JSON name, its XML element name, the fields it requires."""

    xml_name: str
    fields: Mapping[str, Shape]
    required: frozenset[str] = frozenset()
    by_xml_name: Mapping[str, tuple[str, Shape]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # The XML decoder looks fields up by element name; computed once per shape.
        index = {shape.xml_name: (name, shape) for name, shape in self.fields.items()}
        object.__setattr__(self, "by_xml_name", index)


def integer_bounds(shape: Shape) -> tuple[float, float]:
    """``(minimum, maximum)`` of an integer shape, infinite where the spec sets none.

    An int compares exactly with an infinite float, so the decoders check both bounds without a branch.
    """
    return (-math.inf if shape.minimum is None else shape.minimum, math.inf if shape.maximum is None else shape.maximum)
