"""A whole estate for the fake, made at once: top-level items, items listed under each, and a fraction of
those referenced by generated items of a third listing (``FakeService.add_estate``).

Deterministic for a seed: the same arguments give the same names, the same referenced items and the same
generated data. What is made is described by an ``Estate``, which the standalone process prints.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

import attrs

__all__ = [
    "ARGUMENTS",
    "DEFAULT_ITEMS",
    "DEFAULT_OWNERS",
    "DEFAULT_PER_ITEM",
    "DEFAULT_REFERENCED",
    "Estate",
    "EstateOwner",
    "check_estate",
    "referenced_indices",
]


@attrs.frozen
class EstateOwner:
    """One top-level item of an estate (a project, say) and what is listed under it.

    Attributes:
        name: its id (its schema's ``x-item-id``).
        items: the ids of the items listed under it, in listing order.
        referenced: those of ``items`` that generated items reference, in listing order.
    """

    name: str
    items: tuple[str, ...]
    referenced: tuple[str, ...]

    @property
    def unreferenced(self) -> tuple[str, ...]:
        """The ids of the items nothing references, in listing order."""
        taken = set(self.referenced)
        return tuple(item for item in self.items if item not in taken)


@attrs.frozen
class Estate:
    """What ``add_estate`` made: each owner, and how many referencing items each referenced item has."""

    owners: tuple[EstateOwner, ...]
    per_item: int
    seed: int

    def describe(self, nouns: Sequence[str]) -> list[str]:
        """Lines saying what it holds, ``nouns`` naming the three kinds (plural), e.g. projects, packages, jobs."""
        top, nested, referencing = nouns
        items = sum(len(owner.items) for owner in self.owners)
        referenced = sum(len(owner.referenced) for owner in self.owners)
        lines = [
            f"{len(self.owners)} {top}, {items} {nested}: {referenced} referenced by {referencing} ({self.per_item}"
            f" each), {items - referenced} by none (seed {self.seed})"
        ]
        for owner in self.owners:
            lines.append(
                f"{owner.name}: {len(owner.items)} {nested}; referenced: {', '.join(owner.referenced) or '-'};"
                f" unreferenced: {', '.join(owner.unreferenced) or '-'}"
            )
        return lines


ARGUMENTS = ("owners", "items", "referenced", "per_item")  # the names check_estate gives by default
# The counts of an estate when not given: one owner of ten items, half of them referenced once.
DEFAULT_OWNERS, DEFAULT_ITEMS, DEFAULT_REFERENCED, DEFAULT_PER_ITEM = 1, 10, 0.5, 1


def check_estate(
    owners: int, items: int, referenced: float, per_item: int, *, names: Sequence[str] = ARGUMENTS
) -> None:
    """Raises ``ValueError`` (one line naming the argument, as ``names`` spell the four) unless the counts
    are >= 0, ``per_item`` >= 1 and ``referenced`` is a fraction from 0 to 1."""
    owners_name, items_name, referenced_name, per_item_name = names
    for name, value in ((owners_name, owners), (items_name, items)):
        if value < 0:
            raise ValueError(f"{name} must be 0 or more, not {value}")
    if per_item < 1:
        raise ValueError(f"{per_item_name} must be 1 or more, not {per_item}")
    if not (isinstance(referenced, (int, float)) and math.isfinite(referenced) and 0 <= referenced <= 1):
        raise ValueError(f"{referenced_name} must be a fraction from 0 to 1, not {referenced!r}")


def referenced_indices(rng: random.Random, items: int, referenced: float) -> list[int]:
    """Which of ``items`` are referenced: ``referenced * items`` of them (halves rounded up), drawn from
    ``rng``, in ascending order."""
    count = min(items, math.floor(items * referenced + 0.5))
    return sorted(rng.sample(range(items), count))
