"""A package's names imported on first use (PEP 562): ``import foas_client`` costs almost nothing, and
each name brings its module (and what that imports) the first time a program reaches for it.

Why: most of an import's cost here is class creation (attrs writes and compiles each class's methods,
about half a millisecond a class), and a program uses a few of the spec's operations, not all of their
models. Type checkers read the names from the package's ``if TYPE_CHECKING:`` imports.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from importlib import import_module
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(
    package: str, modules: Mapping[str, str], namespace: MutableMapping[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module's ``__getattr__`` and ``__dir__`` for ``modules``: each name and the module (relative to
    ``package``) that defines it.

    The first lookup of a name imports its module and binds the value in ``namespace`` (the package's
    globals), so every later lookup is a plain global one; two threads racing to the first lookup bind
    the same value (the import system's lock serialises the import itself).
    """

    def __getattr__(name: str) -> Any:
        try:
            module = modules[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = namespace[name] = getattr(import_module(module, package), name)
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *modules})

    return __getattr__, __dir__
