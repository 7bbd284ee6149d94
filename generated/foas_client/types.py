# Generated from spec/foas.openapi.yaml and generator/templates/layers/types.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Contains some shared types for properties (the core's ``types``: ``UNSET`` survives copy and pickle)."""

from ._core.types import (
    UNSET,
    File,
    FileTypes,
    RequestFiles,
    Response,
    Unset,
)

__all__ = ["File", "FileTypes", "RequestFiles", "Response", "UNSET", "Unset"]
