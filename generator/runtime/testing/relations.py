"""How the fake's listings relate, as the spec says: items addressed one by one, listings by membership,
listings filtered by a query parameter.

The generated binding derives both from the spec and gives them to each ``FakeOperation``; the fake's
store acts on them (``service``). Nothing here names an operation or a field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["FieldFilter", "ItemAddress", "Membership"]


@attrs.frozen
class Membership:
    """A listing filtered by membership (the operation's ``x-membership-filter``): an item is listed for
    the path parameter ``parameter`` when its ``field``, split at ``separator``, names the parameter's value.

    The listing's scope is its other path parameters: an item added for (scope, value) is listed for
    every value its field names within that scope, as well as for the value it was added for.
    """

    parameter: str
    field: str
    separator: str = ","

    def names(self, wire: Mapping[str, Any]) -> list[str]:
        """The values ``wire`` (an item as a JSON-shaped dict) names, in order, each once, without blanks."""
        value = wire.get(self.field)
        if not isinstance(value, str):
            return []
        return list(dict.fromkeys(name.strip() for name in value.split(self.separator) if name.strip()))


@attrs.frozen
class FieldFilter:
    """A query parameter filtering a listing by equality (the parameter's ``x-filters-field``): when the
    request gives ``parameter``, the listing keeps the items whose ``field`` equals its value (typed as the
    spec types the parameter); when it does not, the filter keeps every item."""

    parameter: str
    field: str

    def keeps(self, wire: Mapping[str, Any], arguments: Mapping[str, Any]) -> bool:
        """Whether ``wire`` (an item as a JSON-shaped dict) is listed for ``arguments`` (by parameter name)."""
        return self.parameter not in arguments or wire.get(self.field) == arguments[self.parameter]


@attrs.frozen
class ItemAddress:
    """How an unpaged operation addresses one item of a paged operation's listing: its path is the
    listing's path plus ``/{parameter}``, whose value is the item's id (the item schema's ``x-item-id``).

    Attributes:
        listing: the operationId of the paged operation.
        parameter: the path parameter holding the item's id.
        field: the path of wire names where the answer carries the item (the response schema's property
            whose ``$ref`` is the item schema); empty: the answer does not carry it.
        not_found_code, not_found_message: the error answered (404) for an item the listing does not hold.
        removes: the operation removes the item (its method is DELETE).
    """

    listing: str
    parameter: str
    not_found_code: str
    not_found_message: str
    field: tuple[str, ...] = ()
    removes: bool = False
