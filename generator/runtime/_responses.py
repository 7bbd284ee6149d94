"""From an HTTP response to a model or a typed error, decoded by the response's Content-Type.

The generated endpoint functions call ``decode_response`` for documented success statuses and
``api_error`` for the rest; both go through the spec-derived shapes in ``_schema``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx

from ._errors import ApiError, DecodeError, ErrorBody, api_error_class
from ._schema import SHAPES
from ._validate import validate
from ._xml import decode_xml

__all__ = ["api_error", "decode_body", "decode_response", "media_kind", "retry_after"]

T = TypeVar("T")


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


def decode_body(content: bytes, content_type: str | None, shape_name: str) -> dict[str, Any]:
    """The JSON-shaped dict that ``content`` carries, checked against the spec's shape ``shape_name``.

    Raises:
        DecodeError: unsupported type, malformed or hostile document, or a value of the wrong type.
    """
    if media_kind(content_type) == "xml":
        return decode_xml(content, shape_name, SHAPES)
    try:
        document = json.loads(content)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise DecodeError(f"malformed JSON: {exc}") from None
    return validate(document, shape_name, SHAPES)


def decode_response(response: httpx.Response, from_dict: Callable[[Mapping[str, Any]], T], shape_name: str) -> T:
    """The model (built by ``from_dict``) that ``response`` carries.

    Raises:
        DecodeError: carrying the response's status and Content-Type.
    """
    content_type = response.headers.get("content-type")
    try:
        return from_dict(decode_body(response.content, content_type, shape_name))
    except DecodeError as exc:
        raise type(exc)(
            exc.reason, path=exc.path, status_code=response.status_code, content_type=content_type
        ) from None
    except (TypeError, ValueError, KeyError) as exc:  # a generated from_dict that disagrees with the shapes
        raise DecodeError(
            f"{type(exc).__name__}: {exc}", status_code=response.status_code, content_type=content_type
        ) from None


def api_error(
    response: httpx.Response, from_dict: Callable[[Mapping[str, Any]], ErrorBody] | None, shape_name: str | None
) -> ApiError:
    """The typed error for an error status, with the body's Code, Message and RequestId when it has them.

    A body that is not an error document (an HTML page from a proxy, a truncated body) still gives
    the error its status demands, with the reason in ``detail``.
    """
    body: ErrorBody | None = None
    detail: str | None = None
    if not response.content:
        detail = "empty body"
    elif from_dict is None or shape_name is None:
        detail = "status not documented by the spec"
    else:
        try:
            body = decode_response(response, from_dict, shape_name)
        except DecodeError as exc:
            detail = f"body is not an API error document: {exc.reason}"
    code = body.code if body is not None and isinstance(body.code, str) else None
    error_class = api_error_class(response.status_code, code)
    return error_class(response.status_code, body, detail=detail, retry_after=retry_after(response.headers))


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or HTTP-date), or ``None``."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():  # str.isdigit alone accepts '²', which float() refuses
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max((moment - datetime.now(timezone.utc)).total_seconds(), 0.0)
