# Copied from generator/runtime/_paths.py by generator/ (`make generate`). Do not edit here: edit the source.
"""Path parameters, each percent-encoded as exactly one segment.

A name such as ``a/../b?.jar`` must reach the server as one segment and not rewrite the path or the
query (the legacy official SDK inserts it raw). ``quote(..., safe="")`` encodes everything but the
unreserved characters; a segment that is exactly ``.`` or ``..`` is also encoded, since URL
normalisation (httpx's included) would otherwise remove it.
"""

from __future__ import annotations

from urllib.parse import quote

from ._errors import InvalidParameterError

__all__ = ["path_segment"]

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
