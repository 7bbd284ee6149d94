"""XML bodies decoded through the spec's shapes, with DTDs and entities refused.

Both forms the service is known to produce decode the same: the document under its root element
(``<GetRefPackageJobResponse>...``) and the bare sibling elements the vendor's documentation shows.
Element text becomes the spec's type; one repeated item element is a list of one; an empty wrapper
is an empty list; unknown elements are skipped. lxml parses with entity resolution, network access
and DTD loading off; a DOCTYPE or ENTITY declaration is refused before parsing (XXE, billion laughs).
"""

from __future__ import annotations

import functools
import math
import re
import threading
from collections.abc import Mapping
from typing import Any

from ..errors import DecodeError, UnsafeXmlError
from ..shapes import ObjectShape, Shape, integer_bounds
from .validate import Mismatch, check_bounds, describe, fill_defaults, missing_field

__all__ = ["decode_xml", "document_element", "read_element"]

_WRAPPER = "foas-client-document"
_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>", re.ASCII)
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""", re.ASCII)
# A declaration that libxml2 reads as the wrapped form does (which drops it): XML 1.0, UTF-8 or unsaid.
_PLAIN_DECLARATION = re.compile(
    rb"""<\?xml\s+version\s*=\s*["']1\.0["'](?:\s+encoding\s*=\s*["'](?i:utf-8)["'])?"""
    rb"""(?:\s+standalone\s*=\s*["'](?:yes|no)["'])?\s*\?>""",
    re.ASCII,
)
_INTEGER = re.compile(r"[+-]?[0-9]+", re.ASCII)
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


def decode_xml(body: bytes, shape_name: str, shapes: Mapping[str, ObjectShape]) -> dict[str, Any]:
    """The JSON-shaped dict that ``body`` (an XML document or fragment) carries for ``shape_name``.

    Raises:
        UnsafeXmlError: the body declares a DTD or entities.
        DecodeError: the body is not well-formed XML or a value does not fit the spec (``path`` says where).
    """
    return read_element(document_element(body, shape_name, shapes), shape_name, shapes)


def document_element(body: bytes, shape_name: str, shapes: Mapping[str, ObjectShape]) -> Any:
    """The element of ``body`` whose children are the fields of ``shape_name``: the document's root, or
    a wrapper of the fragment's elements (comments and processing instructions dropped, a DTD refused).

    Raises:
        UnsafeXmlError: the body declares a DTD or entities.
        DecodeError: the body is not well-formed XML, or not this document (another root, stray text).
    """
    shape = shapes[shape_name]
    element = _parse_document(body, shape.xml_name)
    if element is not None:
        return element
    wrapper = _parse(body)
    elements = [child for child in wrapper if isinstance(child.tag, str)]
    if not elements:
        raise DecodeError("no XML element in the body (empty or truncated)")
    if any(_local(child.tag) == shape.xml_name for child in elements):
        if len(elements) != 1 or _has_text(wrapper, elements):
            raise DecodeError(f"content outside the root element <{shape.xml_name}>")
        return elements[0]
    if _has_text(wrapper, elements):
        raise DecodeError("text outside any element")
    if not any(_local(child.tag) in shape.by_xml_name for child in elements):
        # Not this document at all (an HTML page, an <Error> sent with 200, another root): say so.
        first = _local(elements[0].tag)
        raise DecodeError(f"unexpected root element <{first}>: expected <{shape.xml_name}> or its fields")
    return wrapper


def read_element(element: Any, shape_name: str, shapes: Mapping[str, ObjectShape]) -> dict[str, Any]:
    """The JSON-shaped dict of ``element`` (from ``document_element``), checked against ``shape_name``.

    Raises:
        DecodeError: a value does not fit the spec (``path`` says where).
    """
    try:
        return _object(element, shapes[shape_name], shapes)
    except Mismatch as exc:
        raise DecodeError(exc.reason, path=exc.path) from None


def _parse_document(body: bytes, root_name: str) -> Any | None:
    """The root element of ``body`` when it is a UTF-8 document rooted at ``<root_name>``, else ``None``.

    The usual body, parsed as it stands. ``_parse`` reads every body, but copies a page-sized one
    twice (declaration cut off, wrapper added); in one process out of two, glibc then maps and
    unmaps those copies on every call, and the page faults cost a quarter of the decoding time.
    Anything else (a fragment, a BOM, another encoding or XML version, a malformed document) is
    left to ``_parse``, whose reading and whose errors are the rule.

    Raises:
        UnsafeXmlError: the body declares a DTD or entities.
    """
    if not body.startswith(b"<"):
        return None
    declaration = _DECLARATION.match(body)
    if declaration is not None and not _PLAIN_DECLARATION.fullmatch(declaration.group()):
        return None
    if _declares_dtd(body):
        raise UnsafeXmlError("XML with a DTD or entity declarations is refused")
    from lxml import etree  # imported on first use: JSON-only users do not pay for it at import time

    try:
        root = etree.fromstring(body, _parser())
    except etree.XMLSyntaxError:
        return None
    if root.getroottree().docinfo.internalDTD is not None:  # defence in depth; the scan above refuses first
        raise UnsafeXmlError("XML with a DTD is refused")
    if not isinstance(root.tag, str) or _local(root.tag) != root_name:
        return None
    return root


def _parse(body: bytes) -> Any:
    """The body's elements under one synthetic wrapper element (so a rootless fragment parses too)."""
    from lxml import etree

    body = _as_utf8(body)
    if _declares_dtd(body):
        raise UnsafeXmlError("XML with a DTD or entity declarations is refused")
    try:
        wrapper = etree.fromstring(b"<%s>%s</%s>" % (_WRAPPER.encode(), body, _WRAPPER.encode()), _parser())
    except etree.XMLSyntaxError as exc:
        raise DecodeError(f"malformed XML: {exc.msg}") from None
    if wrapper.getroottree().docinfo.internalDTD is not None:  # defence in depth; the scan above refuses first
        raise UnsafeXmlError("XML with a DTD is refused")
    return wrapper


_THREAD = threading.local()


def _parser() -> Any:
    """This thread's parser: no entities, network or DTD.

    lxml parsers must not be shared between threads, and a new one per document costs a parser
    context per document: one is kept per thread (a parse neither nests nor yields).
    """
    parser = getattr(_THREAD, "parser", None)
    if parser is None:
        from lxml import etree

        parser = _THREAD.parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
        )
    return parser


def _declares_dtd(body: bytes) -> bool:
    """Whether ``body`` holds ``<!DOCTYPE`` or ``<!ENTITY``.

    Both contain ``!``, which a typical body does not hold at all: one single-byte scan (memchr)
    answers then, where a substring search costs as much as a quarter of the parse. A few ``!`` in
    text are looked at one by one; many fall back to the substring search, so no body costs more.
    """
    at = body.find(b"!")
    if at == -1:
        return False
    if body.count(b"!") > 64:
        return b"<!DOCTYPE" in body or b"<!ENTITY" in body
    while at != -1:
        if at and body[at - 1] == 0x3C and body.startswith((b"DOCTYPE", b"ENTITY"), at + 1):  # 0x3C: "<"
            return True
        at = body.find(b"!", at + 1)
    return False


def _as_utf8(body: bytes) -> bytes:
    """The body in UTF-8 without its XML declaration (a UTF-16 BOM or a declared encoding is honoured)."""
    try:
        if body.startswith((b"\xff\xfe", b"\xfe\xff")):
            body = body.decode("utf-16").encode()
        body = body.removeprefix(b"\xef\xbb\xbf")
        declaration = _DECLARATION.match(body)
        if declaration is None:
            return body
        encoding = _ENCODING.search(declaration.group())
        body = body[declaration.end() :]
        if encoding and encoding.group(1).lower() not in (b"utf-8", b"utf8", b"utf-16", b"us-ascii", b"ascii"):
            body = body.decode(encoding.group(1).decode()).encode()
    except (LookupError, UnicodeError) as exc:
        raise DecodeError(f"cannot read the document's encoding: {exc}") from None
    return body


def _local(tag: str) -> str:
    return tag.rpartition("}")[2] if tag[:1] == "{" else tag


def _has_text(parent: Any, children: list[Any]) -> bool:
    return bool((parent.text or "").strip()) or any((child.tail or "").strip() for child in children)


class _ElementTable:
    """An object shape's fields by element name, arranged for ``_object``; built once per shape.

    ``_object`` handles inline, without a call, the elements that are most of a document: leaf
    elements whose text is the usual one for ``strings`` (JSON name) and ``scalars`` (integers and
    booleans: JSON name, Python type, bounds), and items of ``object_items`` (unwrapped arrays of
    objects: JSON name, item shape). Everything else, and every error, goes through ``_field``.
    """

    __slots__ = ("by_xml_name", "defaults", "object_items", "repeated", "scalars", "strings")

    def __init__(self, shape: ObjectShape) -> None:
        fields = shape.by_xml_name.items()
        self.by_xml_name = shape.by_xml_name
        self.strings = {xml_name: name for xml_name, (name, s) in fields if s.kind == "string"}
        self.scalars: dict[str, tuple[str, type, float, float]] = {
            xml_name: (name, int if s.kind == "integer" else bool, *integer_bounds(s))
            for xml_name, (name, s) in fields
            if s.kind in ("integer", "boolean")
        }
        self.object_items = {
            xml_name: (name, s.items.ref)
            for xml_name, (name, s) in fields
            if s.kind == "array" and not s.wrapped and s.items is not None and s.items.kind == "object"
        }
        # The JSON names of the unwrapped arrays: XML cannot tell an absent list from an empty one.
        self.repeated = tuple(name for name, s in shape.fields.items() if s.kind == "array" and not s.wrapped)
        # The fields with a default in the spec: what an absent element reads as.
        self.defaults = {name: s for name, s in shape.fields.items() if s.default is not None}


_fields = functools.cache(_ElementTable)  # one table per shape (shapes are module constants, hashed by identity)


def _object(element: Any, shape: ObjectShape, shapes: Mapping[str, ObjectShape]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    fields = _fields(shape)
    strings, scalars, object_items = fields.strings, fields.scalars, fields.object_items
    for repeated in fields.repeated:
        out[repeated] = []
    for child in element:
        # Inline, without a call: a leaf element seen once, holding text for a string, ASCII digits
        # within the bounds for an integer, true/false/1/0 for a boolean (most fields); an item of a
        # list of objects. Anything else, and every error, goes through _field.
        tag = child.tag
        name = strings.get(tag)
        if name is not None:
            if name not in out and not len(child):
                out[name] = child.text or ""  # lxml gives None for no text, never ""
                continue
        elif (scalar := scalars.get(tag)) is not None and scalar[0] not in out and not len(child):
            name, kind, low, high = scalar
            text = child.text
            if text is not None:
                if kind is int:
                    if len(text) <= 20 and text.isdigit() and text.isascii() and low <= (number := int(text)) <= high:
                        out[name] = number
                        continue
                elif (flag := _BOOLEANS.get(text)) is not None:
                    out[name] = flag
                    continue
        elif (item := object_items.get(tag)) is not None:  # one more item of a list of objects
            name, ref = item
            items = out[name]
            try:
                items.append(_object(child, shapes[ref], shapes))
            except Mismatch as exc:
                exc.parts += (f"[{len(items)}]", name)
                raise
            continue
        _field(out, element, child, fields, shapes)
    text = element.text
    if text is not None and not text.isspace() and element.tag != _WRAPPER:
        raise Mismatch(f"expected an object, got text {describe(text)}")
    if fields.defaults:
        fill_defaults(out, fields.defaults, shapes)
    if shape.required:
        missing = shape.required.difference(out)
        if missing:
            raise missing_field(sorted(missing)[0])
    return out


def _field(
    out: dict[str, Any], parent: Any, child: Any, fields: _ElementTable, shapes: Mapping[str, ObjectShape]
) -> None:
    """Adds to ``out`` what ``child``, an element of ``parent``, says, by the rules; or raises ``Mismatch``."""
    tag = child.tag
    if not isinstance(tag, str):
        raise Mismatch(f"unresolved entity or unexpected node in <{_local(parent.tag)}>")
    entry = fields.by_xml_name.get(_local(tag))
    if entry is None:
        return  # an element the spec does not know: newer server, older client
    name, field_shape = entry
    try:
        if field_shape.kind == "array" and not field_shape.wrapped:
            items = out[name]
            assert field_shape.items is not None
            try:
                items.append(_value(child, field_shape.items, shapes))
            except Mismatch as exc:
                exc.parts.append(f"[{len(items)}]")
                raise
        elif name in out:
            raise Mismatch(f"element <{tag}> appears twice")
        else:
            out[name] = _value(child, field_shape, shapes)
    except Mismatch as exc:
        exc.parts.append(name)
        raise


def _value(element: Any, shape: Shape, shapes: Mapping[str, ObjectShape]) -> Any:
    kind = shape.kind
    if kind == "object":
        return _object(element, shapes[shape.ref], shapes)
    if kind == "array":  # wrapped: every child element is an item
        assert shape.items is not None
        items = []
        for child in element:
            if not isinstance(child.tag, str):
                raise Mismatch("unresolved entity or unexpected node")
            try:
                items.append(_value(child, shape.items, shapes))
            except Mismatch as exc:
                exc.parts.append(f"[{len(items)}]")
                raise
        return items
    if len(element):
        raise Mismatch(f"expected {kind} text, got child elements")
    text = element.text or ""
    if kind == "string":
        return text
    stripped = text.strip()
    if kind == "integer":
        if len(stripped) > 20 or not _INTEGER.fullmatch(stripped):  # 20 digits hold any int64
            raise Mismatch(f"expected integer, got {describe(text)}")
        number = int(stripped)
        check_bounds(number, shape)
        return number
    if kind == "boolean":
        flag = _BOOLEANS.get(stripped.lower())
        if flag is None:
            raise Mismatch(f"expected boolean, got {describe(text)}")
        return flag
    if kind == "number":
        try:
            real = float(stripped)
        except ValueError:
            raise Mismatch(f"expected number, got {describe(text)}") from None
        if not math.isfinite(real):
            raise Mismatch(f"expected a finite number, got {describe(text)}")
        return real
    raise Mismatch(f"unsupported kind {kind}")
