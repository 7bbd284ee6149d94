"""XML documents read straight into the models, through msgspec Structs named by the spec's element names.

The usual path (``_xml.read_element``) checks every element as it walks the tree into dicts, and
``from_dict`` builds the model from them. When msgspec is installed (the ``speedups`` extra),
``model_reader`` gives a shorter way: one pass keeps each field element's text as it stands, keyed
by element name, and msgspec converts the result into Structs made from the shapes (``_structs``),
checking kinds, bounds, required fields and unknown elements in C; the model's ``_from_struct``
builds the model. What msgspec cannot see, the walk checks an object at a time, with calls to C:

- every child element is a field read once: as many fields as child elements (a repeated element
  keeps one key), and none of them holds elements (``len()`` of a field element is 0; for a list of
  items, one XPath ``count(.//*)`` over the list against the items and fields read);
- an object holds no text besides whitespace;
- integers are ASCII digits and minus signs, checked together at the end: msgspec reads those as
  the usual path does, or refuses them (it would take "1.0" and "1e3" as well). Booleans are
  msgspec's true/false/1/0, any case, which the usual path takes too.

Elements the spec does not name are dropped after a first conversion refuses them, as the usual path
skips them. For any other document (a plus sign, whitespace or leading zeros in an integer, a field
in a namespace...) the reader returns ``None``, and the usual path decides: its result, or its error
and the error's path, are the rule.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import chain
from operator import itemgetter
from typing import Any

import msgspec
from lxml import etree
from msgspec.structs import astuple

from ..shapes import ObjectShape
from .structs import Unsupported, struct_type

__all__ = ["model_reader"]

ModelReader = Callable[[Any], Any]
"""``element -> model`` (the element from ``_xml.document_element``), or ``None``: the usual path decides."""


# The elements below an element, counted by libxml2: one call per list of items, where a len() per field
# element (a call each, 2,000 for a page of 100 jobs) would say the same.
_DESCENDANTS = etree.XPath("count(.//*)")


class _Refused(Exception):
    """A document the reader does not take as it stands: the usual path reads it."""


def model_reader(model: type[Any], shape_name: str, shapes: Mapping[str, ObjectShape]) -> ModelReader | None:
    """The reader of ``model`` (whose shape is ``shapes[shape_name]``), or ``None`` if it has none.

    A model has one when its Structs can be made for XML (``_structs.struct_type``). Build once and keep.
    """
    try:
        struct = struct_type(model, shape_name, shapes, xml=True)
    except Unsupported:
        return None
    table = _Table(shapes[shape_name], shapes)
    convert = msgspec.convert
    from_struct = model._from_struct

    def read_model(element: Any) -> Any:
        numbers: list[str] = []
        try:
            document = _object(element, table, numbers)
        except _Refused:
            return None
        digits = "".join(numbers).encode()  # bytes: isdigit() is a table lookup per byte, ASCII only
        if digits and not digits.translate(None, b"-").isdigit():  # no "." nor "e": msgspec takes "1.0"
            return None
        try:
            # strict=False: msgspec reads the digits of integers and the text of booleans itself.
            struct_value = convert(document, struct, strict=False)
        except msgspec.ValidationError:
            # Elements the spec does not name (a newer server) are skipped by the usual path: the same
            # document without them, once, rather than every such page the usual way.
            try:
                if not _drop_unknown(document, table):
                    return None
                struct_value = convert(document, struct, strict=False)
            except (_Refused, msgspec.ValidationError):
                return None
        return from_struct(struct_value, astuple)

    return read_model


class _Table:
    """An object shape's fields by element name, arranged for the walk; built once per reader."""

    __slots__ = ("arrays", "integer_names", "integers", "item", "leaves_only", "names", "objects")

    def __init__(self, shape: ObjectShape, shapes: Mapping[str, ObjectShape]) -> None:
        self.objects: dict[str, _Table] = {}  # element name -> the nested object's table
        self.arrays: dict[str, _Table] = {}  # item element name -> the item's table (unwrapped arrays)
        for field in shape.fields.values():
            if field.kind == "object":
                self.objects[field.xml_name] = _Table(shapes[field.ref], shapes)
            elif field.kind == "array":  # of objects, unwrapped: _structs refuses other arrays for XML
                assert field.items is not None
                self.arrays[field.xml_name] = _Table(shapes[field.items.ref], shapes)
        self.leaves_only = not self.objects and not self.arrays
        self.names = frozenset(shape.by_xml_name)  # the element names of the fields
        # The integer fields, and a getter of their texts from an object's dict (a KeyError if one is absent).
        self.integer_names = tuple(s.xml_name for s in shape.fields.values() if s.kind == "integer")
        self.integers = itemgetter(*self.integer_names) if self.integer_names else None
        # The usual wrapper of a list (<Jobs><Job/>...</Jobs>): one field, an unwrapped array.
        self.item = next(iter(self.arrays.items())) if len(shape.fields) == 1 and self.arrays else None


def _object(element: Any, table: _Table, numbers: list[str]) -> dict[str, Any]:
    """``element``'s fields by element name, texts as they stand; the texts of integer fields go to ``numbers``.

    Raises:
        _Refused: an object holds text besides whitespace, or an element that is not one field read once
            (a repeated element, child elements in a field's text, an item among other elements).
    """
    text = element.text
    if text is not None and not text.isspace():
        raise _Refused
    out: dict[str, Any]
    if table.leaves_only:  # most objects: a dict comprehension, no call per field
        out = _leaves(element)
    elif table.item is not None:
        out = _items(element, *table.item, numbers)
    else:
        out = {tag: [] for tag in table.arrays}  # XML cannot tell an absent list from an empty one
        objects, arrays = table.objects, table.arrays
        for child in element:
            tag = child.tag
            if tag in objects:
                out[tag] = _object(child, objects[tag], numbers)
            elif tag in arrays:
                out[tag].append(_object(child, arrays[tag], numbers))
            elif len(child):
                raise _Refused
            else:
                out[tag] = child.text or ""
        # A repeated element keeps one key: fewer fields than elements.
        if len(out) + sum(len(out[tag]) - 1 for tag in arrays) != len(element):
            raise _Refused
    if table.integers is not None:
        numbers += _integer_texts([out], table)
    return out


def _leaves(element: Any) -> dict[str, str]:
    """The fields of ``element``, all text; a repeated element, or one holding elements, is refused."""
    children = element[:]  # one call for the list: cheaper than iterating the element, and kept for len()
    out = {child.tag: child.text or "" for child in children}  # lxml gives None for no text, never ""
    if len(out) != len(children) or any(map(len, children)):  # len(): an element's child elements
        raise _Refused
    return out


def _items(element: Any, tag: str, table: _Table, numbers: list[str]) -> dict[str, Any]:
    """``_object`` for an element holding only the items of one unwrapped array (tag ``tag``)."""
    items = []
    if table.leaves_only:  # the usual list: one loop, no call per item
        fields = 0
        for item in element.iterchildren(tag):  # lxml matches the tag in C: other elements make no proxy
            text = item.text
            if text is not None and not text.isspace():
                raise _Refused
            children = item[:]  # as in _leaves, inline
            out: dict[str, str] = {}
            for child in children:  # a loop here costs less than a comprehension's call per item
                out[child.tag] = child.text or ""
            if len(out) != len(children):
                raise _Refused
            fields += len(children)
            items.append(out)
        if len(items) != len(element):  # an element that is not an item: the usual path skips or refuses it
            raise _Refused
        if _DESCENDANTS(element) != len(items) + fields:  # a field holding elements
            raise _Refused
        if table.integers is not None:
            numbers += _integer_texts(items, table)
    else:
        items = [_object(item, table, numbers) for item in element.iterchildren(tag)]
    if len(items) != len(element):  # an element that is not an item: the usual path skips or refuses it
        raise _Refused
    return {tag: items}


def _drop_unknown(out: dict[str, Any], table: _Table) -> bool:
    """Removes from ``out``, and the objects it holds, the fields whose element ``table``'s shape does not
    name; whether it removed any.

    Raises:
        _Refused: one the usual path reads after all (a field's name in a namespace), or not an element.
    """
    dropped = False
    for key in out.keys() - table.names:
        if not isinstance(key, str) or key.rpartition("}")[2] in table.names:
            raise _Refused
        del out[key]
        dropped = True
    for tag, nested in table.objects.items():
        if tag in out:
            dropped |= _drop_unknown(out[tag], nested)
    for tag, nested in table.arrays.items():
        for item in out.get(tag, ()):
            dropped |= _drop_unknown(item, nested)
    return dropped


def _integer_texts(objects: list[dict[str, Any]], table: _Table) -> list[str]:
    """The texts of the integer fields in ``objects`` (dicts of ``table``'s shape), absent ones left out.

    An empty text stays: msgspec refuses it, as the usual path does.
    """
    try:  # one call per object: the usual object has every field
        found = map(table.integers, objects)  # type: ignore[arg-type]  # not None: the callers check
        return list(found) if len(table.integer_names) == 1 else list(chain.from_iterable(found))
    except KeyError:
        return [out[name] for out in objects for name in table.integer_names if name in out]
