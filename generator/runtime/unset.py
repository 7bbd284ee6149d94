"""``UNSET``: the value of a field the server did not send, or of an argument the caller left out.

The core owns it (the generated ``types`` module re-exports it), so that the runtime modules tell an
absent value from a given one without importing generated code.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["UNSET", "Unset"]


class Unset:
    """The type of ``UNSET``: a copy or an unpickled ``UNSET`` is ``UNSET``.

    ``to_dict()`` tests ``is not UNSET``: a deep copy or an unpickled model whose ``UNSET`` had become
    a new ``Unset()`` would put those objects into its dict.
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"  # pickled by name: unpickling finds this module's UNSET

    def __copy__(self) -> Unset:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Unset:
        return self


UNSET: Unset = Unset()
