# Copied from generator/runtime/_xml.py by generator/ (`make generate`). Do not edit here: edit the source.
"""XML bodies decoded through the spec's shapes, with DTDs and entities refused.

Both forms the service is known to produce decode the same: the document under its root element
(``<GetRefPackageJobResponse>...``) and the bare sibling elements the vendor's documentation shows.
Element text becomes the spec's type; one repeated item element is a list of one; an empty wrapper
is an empty list; unknown elements are skipped. lxml parses with entity resolution, network access
and DTD loading off; a DOCTYPE or ENTITY declaration is refused before parsing (XXE, billion laughs).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from lxml import etree

from ._errors import DecodeError, UnsafeXmlError
from ._shapes import ObjectShape, Shape
from ._validate import Mismatch, check_bounds, describe

__all__ = ["decode_xml"]

_WRAPPER = "foas-client-document"
_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>", re.ASCII)
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""", re.ASCII)
_INTEGER = re.compile(r"[+-]?[0-9]+", re.ASCII)
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


def decode_xml(body: bytes, shape_name: str, shapes: Mapping[str, ObjectShape]) -> dict[str, Any]:
    """The JSON-shaped dict that ``body`` (an XML document or fragment) carries for ``shape_name``.

    Raises:
        UnsafeXmlError: the body declares a DTD or entities.
        DecodeError: the body is not well-formed XML or a value does not fit the spec (``path`` says where).
    """
    shape = shapes[shape_name]
    wrapper = _parse(body)
    elements = [child for child in wrapper if isinstance(child.tag, str)]
    if not elements:
        raise DecodeError("no XML element in the body (empty or truncated)")
    element = wrapper
    if any(_local(child.tag) == shape.xml_name for child in elements):
        if len(elements) != 1 or _has_text(wrapper, elements):
            raise DecodeError(f"content outside the root element <{shape.xml_name}>")
        element = elements[0]
    elif _has_text(wrapper, elements):
        raise DecodeError("text outside any element")
    try:
        return _object(element, shape, shapes)
    except Mismatch as exc:
        raise DecodeError(exc.reason, path=exc.path) from None


def _parse(body: bytes) -> Any:
    """The body's elements under one synthetic wrapper element (so a rootless fragment parses too)."""
    body = _as_utf8(body)
    if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
        raise UnsafeXmlError("XML with a DTD or entity declarations is refused")
    parser = etree.XMLParser(  # one per call: lxml parsers must not be shared between threads
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )
    try:
        wrapper = etree.fromstring(b"<%s>%s</%s>" % (_WRAPPER.encode(), body, _WRAPPER.encode()), parser)
    except etree.XMLSyntaxError as exc:
        raise DecodeError(f"malformed XML: {exc.msg}") from None
    if wrapper.getroottree().docinfo.internalDTD is not None:  # defence in depth; the scan above refuses first
        raise UnsafeXmlError("XML with a DTD is refused")
    return wrapper


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


def _object(element: Any, shape: ObjectShape, shapes: Mapping[str, ObjectShape]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    index = shape.by_xml_name
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            raise Mismatch(f"unresolved entity or unexpected node in <{_local(element.tag)}>")
        entry = index.get(_local(tag))
        if entry is None:
            continue  # an element the spec does not know: newer server, older client
        name, field_shape = entry
        try:
            if field_shape.kind == "array" and not field_shape.wrapped:
                items = out.setdefault(name, [])
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
    for name, field_shape in shape.fields.items():  # XML cannot tell an absent list from an empty one
        if field_shape.kind == "array" and not field_shape.wrapped:
            out.setdefault(name, [])
    missing = shape.required.difference(out)
    if missing:
        raise Mismatch(f"missing required element for {sorted(missing)[0]}")
    return out


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
