"""From an HTTP response to a model or a typed error, decoded by the response's Content-Type.

The generated endpoint functions call ``decode_response`` for documented success statuses and
``api_error`` for the rest, handing over the spec-derived shapes (``_schema.SHAPES``): this module
imports nothing generated.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any, Protocol, TypeVar

import httpx

from ..errors import ApiError, DecodeError, ErrorBody, ResponseTooLargeError, UnsafeXmlError, api_error_class
from ..shapes import ObjectShape
from .validate import validate
from .xml_walk import decode_xml, document_element, read_element

__all__ = [
    "acs_retry_after",
    "api_error",
    "decode_body",
    "decode_error_body",
    "decode_response",
    "json_parser",
    "media_kind",
    "retry_after",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Model(Protocol[T_co]):
    """A generated model class, as this module uses it: ``from_dict`` builds one from a JSON-shaped dict."""

    def from_dict(self, src_dict: Mapping[str, Any], /) -> T_co: ...


@functools.cache
def _fast_loads() -> Callable[[bytes], Any] | None:
    """msgspec's JSON parser when it is installed (the ``speedups`` extra), else ``None``.

    msgspec parses four times as fast as the standard library's json. It is chosen over orjson
    because it reads integers of any size as exact ints, as json does (orjson turns those beyond
    64 bits into floats), so whichever parser reads a document, the values are the same. Imported
    on first use: the import alone costs a few milliseconds.
    """
    try:
        from msgspec.json import decode
    except ImportError:
        return None
    return decode


def json_parser() -> str:
    """``"msgspec"`` or ``"json"``: which parser reads JSON bodies first."""
    return "json" if _fast_loads() is None else "msgspec"


def media_kind(content_type: str | None) -> str:
    """``"json"`` or ``"xml"`` for a Content-Type (parameters ignored, ``+json``/``+xml`` accepted).

    Raises:
        DecodeError: the type is neither JSON nor XML.
    """
    media = (content_type or "").partition(";")[0].strip().lower()
    if media in ("application/json", "text/json") or media.endswith("+json"):
        return "json"
    if media in ("application/xml", "text/xml") or media.endswith("+xml"):
        return "xml"
    raise DecodeError(f"unsupported Content-Type {media or '(none)'!r}; expected JSON or XML")


def decode_body(
    content: bytes, content_type: str | None, shape_name: str, shapes: Mapping[str, ObjectShape]
) -> dict[str, Any]:
    """The JSON-shaped dict that ``content`` carries, checked against the spec's shape ``shape_name``.

    Raises:
        DecodeError: unsupported type, malformed or hostile document, or a value of the wrong type.
    """
    if media_kind(content_type) == "xml":
        return decode_xml(content, shape_name, shapes)
    return validate(_parse_json(content), shape_name, shapes)


def _parse_json(content: bytes) -> Any:
    """The document that ``content`` holds, exactly as the standard library's ``json.loads`` reads it.

    msgspec, when installed, reads it first: where it succeeds its values are json's. It refuses
    some documents that json reads (a BOM, UTF-16, NaN, lone surrogates...): for those, and for
    every malformed body, json decides, so the result and the error's text are json's own.
    """
    fast_loads = _fast_loads()
    if fast_loads is not None:
        try:
            return fast_loads(content)
        except (ValueError, RecursionError):  # msgspec.DecodeError is a ValueError
            pass
    try:
        document = json.loads(content)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise DecodeError(f"malformed JSON: {exc}") from None
    if b"\\u" in content and _SURROGATE_ESCAPE.search(content):  # json reads "\ud800" alone; no writer can
        path = _lone_surrogate(document)
        if path is not None:
            raise DecodeError("an unpaired UTF-16 surrogate in a string (not text)", path=path)
    return document


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _lone_surrogate(value: Any, path: str = "") -> str | None:
    """The path of the first string (key or value) holding an unpaired surrogate, or ``None``."""
    if isinstance(value, str):
        try:
            value.encode()
        except UnicodeEncodeError:
            return path or "(document)"
        return None
    if isinstance(value, list):
        pairs: list[tuple[str, Any]] = [(f"{path}[{index}]", item) for index, item in enumerate(value)]
    elif isinstance(value, dict):
        pairs = [(f"{path}.{key}" if path else str(key), item) for key, item in value.items()]
        pairs = [
            (where, key) for (where, _), key in zip(pairs, value, strict=True)
        ] + pairs  # keys first: they are text too
    else:
        return None
    for where, item in pairs:
        found = _lone_surrogate(item, where)
        if found is not None:
            return found
    return None


ErrorModel = tuple[Model[ErrorBody], str]
"""An operation's error body: its model class and the name of its shape."""


def decode_response(
    response: httpx.Response,
    model: Model[T],
    shape_name: str,
    shapes: Mapping[str, ObjectShape],
    error: ErrorModel | None = None,
) -> T:
    """The ``model`` that ``response``, a success, carries.

    A success status does not make a body a success: when the body is not the documented one but
    is the operation's ``error`` document (the service has sent its error envelope with 200), the
    error is raised, typed by its Code, and never read as an empty answer.

    Raises:
        ApiError: the body is an error document; ``status_code`` is the (2xx) status it came with.
        DecodeError: carrying the response's status and Content-Type.
    """
    content_type = response.headers.get("content-type")
    try:
        kind = _media_kind_or_none(content_type)
        if kind == "json":
            decode_model = _model_decoder(model, shape_name, shapes)
            if decode_model is not None:
                decoded = decode_model(response.content)
                if decoded is not None:
                    return decoded  # type: ignore[no-any-return]  # a model, built without a dict
        elif kind == "xml":
            read_model = _model_reader(model, shape_name, shapes)
            if read_model is not None:
                element = document_element(response.content, shape_name, shapes)
                decoded = read_model(element)
                if decoded is not None:
                    return decoded  # type: ignore[no-any-return]  # as above
                return model.from_dict(read_element(element, shape_name, shapes))  # parsed once either way
        return model.from_dict(decode_body(response.content, content_type, shape_name, shapes))
    except DecodeError as exc:
        if error is not None and not isinstance(exc, (UnsafeXmlError, ResponseTooLargeError)):
            envelope = _error_envelope(response, shape_name, shapes, error)
            if envelope is not None:
                raise envelope from None
        raise type(exc)(
            exc.reason, path=exc.path, status_code=response.status_code, content_type=content_type
        ) from None
    except (TypeError, ValueError, KeyError) as exc:  # a generated from_dict that disagrees with the shapes
        raise DecodeError(
            f"{type(exc).__name__}: {exc}", status_code=response.status_code, content_type=content_type
        ) from None


def _media_kind_or_none(content_type: str | None) -> str | None:
    """``media_kind(content_type)``, or ``None`` where it would raise."""
    try:
        return media_kind(content_type)
    except DecodeError:
        return None


# Decoders straight to a model, by (model class, shape name, shapes); None: the model has none.
_MODEL_DECODERS: dict[tuple[object, str, int], Callable[[bytes], Any] | None] = {}  # JSON: _fast_json
_MODEL_READERS: dict[tuple[object, str, int], Callable[[Any], Any] | None] = {}  # XML: _fast_xml


def _model_decoder(
    model: Model[Any], shape_name: str, shapes: Mapping[str, ObjectShape]
) -> Callable[[bytes], Any] | None:
    """``bytes -> model`` through msgspec Structs when msgspec is installed and ``model``
    supports it; ``None`` otherwise. The decoder returns ``None`` for a body that must take the usual path.
    """

    def make(model_class: type[Any]) -> Callable[[bytes], Any] | None:
        from .fast_json import model_decoder  # imports msgspec: on first use

        return model_decoder(model_class, shape_name, shapes)

    return _made_once(_MODEL_DECODERS, make, model, shape_name, shapes)


def _model_reader(model: Model[Any], shape_name: str, shapes: Mapping[str, ObjectShape]) -> Callable[[Any], Any] | None:
    """``element -> model`` (of ``_xml.document_element``) through msgspec Structs, as ``_model_decoder``
    for JSON; ``None`` otherwise. The reader returns ``None`` for a document that must take the usual path.
    """

    def make(model_class: type[Any]) -> Callable[[Any], Any] | None:
        from .fast_xml import model_reader  # imports msgspec and lxml: on first use

        return model_reader(model_class, shape_name, shapes)

    return _made_once(_MODEL_READERS, make, model, shape_name, shapes)


_F = TypeVar("_F")


def _made_once(
    cache: dict[tuple[object, str, int], _F | None],
    make: Callable[[type[Any]], _F | None],
    model: Model[Any],
    shape_name: str,
    shapes: Mapping[str, ObjectShape],
) -> _F | None:
    """``make(model)``, remembered in ``cache``; ``None`` without msgspec."""
    if _fast_loads() is None:
        return None
    key = (model, shape_name, id(shapes))
    try:
        return cache[key]
    except KeyError:
        made = cache[key] = make(model)  # type: ignore[arg-type]  # a model class, as the Protocol says
        return made


def _error_envelope(
    response: httpx.Response, shape_name: str, shapes: Mapping[str, ObjectShape], error: ErrorModel
) -> ApiError | None:
    """The error that a body refused as ``shape_name`` carries, if it is the ``error`` document, else ``None``.

    It is when it decodes as the error shape and sets a field that the expected shape does not
    have (``Code``, ``Message``...): a body of neither kind stays a decode error.
    """
    error_model, error_shape = error
    try:
        document = decode_error_body(response.content, response.headers.get("content-type"), error_shape, shapes)
    except DecodeError:
        return None
    own_fields = shapes[error_shape].fields.keys() - shapes[shape_name].fields.keys()
    if not any(document.get(name) not in (None, "") for name in own_fields):
        return None
    body = error_model.from_dict(document)
    detail = f"an error body with the success status {response.status_code}"
    return _typed_error(response, body, detail)


def api_error(
    response: httpx.Response,
    model: Model[ErrorBody] | None,
    shape_name: str | None,
    shapes: Mapping[str, ObjectShape],
) -> ApiError:
    """The typed error for an error status, with the body's Code, Message, RequestId, Description and
    AccessDeniedDetail when it has them (its keys read whatever their case, see ``decode_error_body``).

    A body that is not an error document (an HTML page from a proxy, a truncated body) still gives
    the error its status demands, with the reason in ``detail``. A usable ``x-acs-retry-after``
    makes it a ``ThrottlingError`` whatever the Code.
    """
    body: ErrorBody | None = None
    detail: str | None = None
    if not response.content:
        detail = "empty body"
    elif model is None or shape_name is None:
        detail = "status not documented by the spec"
    else:
        content_type = response.headers.get("content-type")
        try:
            body = model.from_dict(decode_error_body(response.content, content_type, shape_name, shapes))
        except DecodeError as exc:
            detail = f"body is not an API error document: {exc.reason}"
        except (TypeError, ValueError, KeyError) as exc:  # a generated from_dict that disagrees with the shapes
            detail = f"body is not an API error document: {type(exc).__name__}: {exc}"
    return _typed_error(response, body, detail)


def _typed_error(response: httpx.Response, body: ErrorBody | None, detail: str | None) -> ApiError:
    """The ``ApiError`` subclass the status, the Code and ``x-acs-retry-after`` call for."""
    code = body.code if body is not None and isinstance(body.code, str) else None
    acs_wait = acs_retry_after(response.headers)
    error_class = api_error_class(response.status_code, code, throttled=acs_wait is not None)
    return error_class(
        response.status_code,
        body,
        detail=detail,
        retry_after=retry_after(response.headers),
        acs_retry_after=acs_wait,
    )


def decode_error_body(
    content: bytes, content_type: str | None, shape_name: str, shapes: Mapping[str, ObjectShape]
) -> dict[str, Any]:
    """The JSON-shaped dict of an error document, checked against the error shape ``shape_name``.

    What the service says is kept, not refused: a key that differs from the spec's name only in
    case (``code``, ``message``, ``requestId``, ``<code>``) reads as the spec's field (the spec's own
    spelling wins when both come), and a structured value where the spec has text (the
    ``AccessDeniedDetail`` object, or its XML elements) reads as its compact JSON text. The official
    SDKs read the same keys: ``$default(err.Code, err.code)``, ``err.AccessDeniedDetail``... in
    aliyun/darabonba-openapi ``main.tea``.

    Raises:
        DecodeError: unsupported type, malformed or hostile document, or a value of the wrong type.
    """
    shape = shapes[shape_name]
    if media_kind(content_type) == "xml":
        element = document_element(content, shape_name, shapes)
        _canonical_elements(element, shape)
        return read_element(element, shape_name, shapes)
    document = _parse_json(content)
    if type(document) is dict:
        document = _canonical_fields(document, shape)
    return validate(document, shape_name, shapes)


def _canonical_fields(document: dict[str, Any], shape: ObjectShape) -> dict[str, Any]:
    """``document`` with its keys spelt as ``shape``'s fields where they differ only in case, and the
    objects and arrays in its string fields as their JSON text."""
    by_folded = {name.casefold(): name for name in shape.fields}
    out: dict[str, Any] = {}
    variants: list[tuple[str, Any]] = []
    for key, value in document.items():
        name = by_folded.get(key.casefold(), key)
        if name == key:
            out[key] = value
        else:
            variants.append((name, value))
    for name, value in variants:  # after the spec's own spelling, which wins unless it is null
        if out.get(name) is None:
            out[name] = value
    for name, field in shape.fields.items():
        value = out.get(name)
        if field.kind == "string" and isinstance(value, (dict, list)):
            out[name] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return out


def _canonical_elements(element: Any, shape: ObjectShape) -> None:
    """``element``'s children renamed in place to ``shape``'s element names where they differ only in
    case (a variant after the spec's spelling is dropped), and the child elements of a string field
    replaced by their JSON text."""
    by_folded = {xml_name.casefold(): xml_name for xml_name in shape.by_xml_name}
    seen: set[str] = set()
    variants = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        local = child.tag.rpartition("}")[2]
        name = by_folded.get(local.casefold())
        if name is None:
            continue
        if name == local:
            seen.add(name)
        else:
            variants.append((child, name))
    for child, name in variants:
        if name in seen:
            element.remove(child)
        else:
            child.tag = name
            seen.add(name)
    for child in element:
        if not isinstance(child.tag, str) or not len(child):
            continue
        entry = shape.by_xml_name.get(child.tag)
        if entry is not None and entry[1].kind == "string":
            text = json.dumps(_element_value(child), ensure_ascii=False, separators=(",", ":"))
            for grandchild in list(child):
                child.remove(grandchild)
            child.text = text


def _element_value(element: Any) -> Any:
    """An element as JSON: its text when it has no child elements, else an object of its children
    (a name repeated becomes a list)."""
    children = [child for child in element if isinstance(child.tag, str)]
    if not children:
        return element.text or ""
    out: dict[str, Any] = {}
    for child in children:
        name = child.tag.rpartition("}")[2]
        value = _element_value(child)
        if name in out:
            previous = out[name]
            out[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            out[name] = value
    return out


ACS_RETRY_AFTER = "x-acs-retry-after"


def acs_retry_after(headers: httpx.Headers) -> float | None:
    """Seconds from ``x-acs-retry-after`` (a positive integer of milliseconds), or ``None``.

    An empty, zero, negative or non-numeric value (``1.5`` included) is ignored: the official SDKs'
    ``getThrottlingTimeLeft`` returns null for all of them, so that no such answer is read as
    throttling nor waited 0 ms for (aliyun/darabonba-openapi PR #283).
    """
    value = headers.get(ACS_RETRY_AFTER, "").strip()
    if not (value.isascii() and value.isdigit()):  # isdigit alone accepts '²'; '' and '-5' fail here
        return None
    milliseconds = int(value)
    return milliseconds / 1000 if milliseconds > 0 else None


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or HTTP-date), or ``None``."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():  # str.isdigit alone accepts '²', which float() refuses
        return float(value)
    from email.utils import parsedate_to_datetime  # rare (an HTTP-date): imported when one comes

    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max((moment - datetime.now(timezone.utc)).total_seconds(), 0.0)
