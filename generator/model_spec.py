"""The spec as the models see it: what openapi-python-client is given instead of the spec itself.

The decoders fill in a field's ``default`` when the wire leaves it out (JSON ``null`` included), so
after decoding such a field is always there: its model attribute is typed without ``Unset``. The
spec says this the OpenAPI way (``default``, which JSON Schema defines as the value of an absent
field); openapi-python-client ignores defaults on arrays and objects, so here each field with a
default is marked required, and the defaults themselves, which the decoders apply, are dropped.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from generator.operations import SCHEMA_REF

__all__ = ["model_spec"]


def model_spec(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``spec`` where every property with a ``default`` (its own, or its $ref target's) is required."""
    result: dict[str, Any] = copy.deepcopy(dict(spec))
    schemas: dict[str, Any] = result.get("components", {}).get("schemas", {})
    with_default = {name for name, schema in schemas.items() if "default" in schema}
    for schema in schemas.values():
        properties = schema.get("properties", {})
        filled = [
            name
            for name, prop in properties.items()
            if "default" in prop or prop.get("$ref", "").removeprefix(SCHEMA_REF) in with_default
        ]
        if filled:
            schema["required"] = [
                *schema.get("required", []),
                *(n for n in filled if n not in schema.get("required", [])),
            ]
        for prop in properties.values():
            prop.pop("default", None)
    for name in with_default:
        del schemas[name]["default"]
    return result
