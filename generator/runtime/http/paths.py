"""Path parameters, each percent-encoded as exactly one segment; a request's URL written out whole.

A name such as ``a/../b?.jar`` must reach the server as one segment and not rewrite the path or the
query (the legacy official SDK inserts it raw). ``quote(..., safe="")`` encodes everything but the
unreserved characters; a segment that is exactly ``.`` or ``..`` is also encoded, since URL
normalisation (httpx's included) would otherwise remove it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import httpx

from ..errors import InvalidParameterError

__all__ = ["absolute_url", "expand", "path_segment"]

_DOT_SEGMENTS = {".": "%2E", "..": "%2E%2E"}


def path_segment(value: object, name: str) -> str:
    """``value`` percent-encoded (UTF-8) as one path segment.

    Raises:
        InvalidParameterError: ``value`` is not a string or is empty (``name`` says which parameter).
    """
    if not isinstance(value, str):
        raise InvalidParameterError(f"{name} must be a string, got {type(value).__name__}")
    if not value:
        raise InvalidParameterError(f"{name} must not be empty")
    return _DOT_SEGMENTS.get(value) or quote(value, safe="")


def expand(template: str, segments: Mapping[str, tuple[object, str]]) -> str:
    """``template`` (``/a/{name}/b``) with each ``{key}`` replaced by its value encoded as one segment.

    ``segments`` maps each key to ``(value, wire name)``; the wire name is the one an error names.

    Raises:
        InvalidParameterError: a value is not a string or is empty.
    """
    return template.format_map({key: path_segment(value, name) for key, (value, name) in segments.items()})


def absolute_url(kwargs: dict[str, Any], base_url: httpx.URL) -> dict[str, Any]:
    """``kwargs`` of a generated ``_get_kwargs`` (a ``url`` path and its ``params``), with one absolute URL
    in their place: the URL httpx would send, written as text.

    The path is joined to ``base_url`` as httpx joins it (after the base's path, which ends in ``/``),
    the query is httpx's own encoding of ``params``. Given a relative path and params, httpx parses the
    URL three times per request (joining, building the request, merging the params); given this, once.
    """
    query = str(httpx.QueryParams(kwargs.pop("params", None) or {}))
    path: str = kwargs["url"]
    kwargs["url"] = _base_text(base_url) + path.lstrip("/") + ("?" + query if query else "")
    return kwargs


def _base_text(base_url: httpx.URL, _cache: dict[httpx.URL, str] = {}) -> str:  # noqa: B006  # a cache
    """``base_url`` as text ending in ``/`` (httpx gives a client's base URL a path that ends in ``/``, and
    writes a bare ``/`` path as nothing), remembered: a client's base URL is the same on every request."""
    text = _cache.get(base_url)
    if text is None:
        text = str(base_url)
        text = _cache[base_url] = text if text.endswith("/") else text + "/"
    return text
