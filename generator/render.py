"""Python source for the data the generator derives: attrs instances of the runtime's classes, and plain values.

The package's ``_schema`` holds the spec's operations as instances of ``generator/runtime/``'s own
classes; the generator builds those instances and writes them out here, so what the package reads is
what the generator built. A field left at its default is not written.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["source"]


def source(value: Any) -> str:
    """``value`` as a Python expression: attrs instances by class name and keyword, containers and literals.

    Raises:
        TypeError: a value of another kind (it would not read back as the same value).
    """
    if attrs.has(type(value)):
        arguments = []
        for field in attrs.fields(type(value)):
            if not field.init:
                continue
            current = getattr(value, field.name)
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            if default is not attrs.NOTHING and current == default:
                continue
            arguments.append(f"{field.name}={source(current)}")
        return f"{type(value).__name__}({', '.join(arguments)})"
    if isinstance(value, tuple):
        items = ", ".join(source(item) for item in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    if isinstance(value, list):
        return f"[{', '.join(source(item) for item in value)}]"
    if isinstance(value, frozenset):
        return f"frozenset({source(sorted(value))})" if value else "frozenset()"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{source(key)}: {source(item)}" for key, item in value.items()) + "}"
    if value is None or isinstance(value, (str, bytes, int, float, bool)):
        return repr(value)
    raise TypeError(f"cannot write a {type(value).__name__} as Python source: {value!r}")
