"""Minimal valid success bodies, built from the spec: what a test wraps around the fields it is about.

A page must carry the fields its schema requires (RequestId and the totals, today); a test about
one field adds that field to ``page()``, so it keeps testing that field when the spec requires more.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

SPEC = Path(__file__).resolve().parents[2] / "spec" / "foas.openapi.yaml"


@cache
def spec() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return document


def schema(name: str) -> dict[str, Any]:
    """The spec's component schema ``name``."""
    found: dict[str, Any] = spec()["components"]["schemas"][name]
    return found


def required_fields(name: str = "GetRefPackageJobResponse") -> dict[str, Any]:
    """The required fields of schema ``name``, each with its example from the spec."""
    properties = schema(name)["properties"]
    return {field: properties[field]["example"] for field in schema(name).get("required", [])}


def page(fields: dict[str, Any] | None = None, /, **more: Any) -> dict[str, Any]:
    """A valid JSON page: the required fields (the spec's examples), then ``fields`` and ``more`` over them.

    A field given as ``...`` (Ellipsis) is left out.
    """
    merged = {**required_fields(), **(fields or {}), **more}
    return {name: value for name, value in merged.items() if value is not ...}


def xml_page(inner: str, root: str = "GetRefPackageJobResponse") -> bytes:
    """A valid XML page: the required fields as elements (those ``inner`` lacks), then ``inner``."""
    required = "".join(
        f"<{name}>{value}</{name}>"
        for name, value in required_fields().items()
        if f"<{name}>" not in inner and f"<{name}/>" not in inner
    )
    return f"<{root}>{required}{inner}</{root}>".encode()
