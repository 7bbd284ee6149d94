"""Realistic, deterministic items for the testing fake, made from what the spec says of an item schema.

The generated binding describes each property of an item schema with a ``FieldHint`` (its JSON kind,
its ``example``, its enum members, ``x-timestamp``, the document an ``x-embedded-schema`` names, the
path parameter an ``x-fake-from-parameter`` names); ``make_items`` makes JSON-shaped dicts from them,
which the binding turns into the generated models (``from_dict``). Nothing here names a field.

The rules, per property: the item's id (``x-item-id``) is its index, zero-padded to 8 digits, then
random letters and digits up to the example's length, so ids are unique and sort as the items come;
an id whose example reads as a name with a number (``project1``, ``package1.jar``) is that name with
the index, zero-padded to 4 digits, in place of the number (``project0000``, ``package0001.jar``);
its name (``x-item-name``) is the example with the index in place of its trailing digits; a value
taken from a path parameter is that parameter's value; an enum takes one of its members; an embedded
document is a sample of it; timestamps are spread over the year after the example's time, in the
order the properties come (a creation time before a modification time); an integer lies a little
above its example; a boolean is mostly its example; a string is varied from its example: a number
nearby for digits, random digits for a mask (``****``), other digit runs redrawn, else the index
appended to a one-word example (a text of several words is kept).
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Mapping
from typing import Any

import attrs

__all__ = ["FieldHint", "make_items"]

_YEAR_MS = 365 * 24 * 3600 * 1000
_EPOCH_2019_MS = 1_546_300_800_000  # timestamps without an example start here
_ID_PREFIX = 8  # digits of the index at the start of an id
_ID_ALPHABET = string.ascii_lowercase + string.digits
_DIGITS = re.compile(r"[0-9]+")
_NUMBERED_NAME = re.compile(r"(?P<stem>[A-Za-z][A-Za-z_-]*)[0-9]+(?P<suffix>\.[A-Za-z0-9]+)?")
_NAME_DIGITS = 4  # the index in a numbered name's id: zero-padded, so ids sort as the items come (to 9,999)


@attrs.frozen
class FieldHint:
    """What the spec says of one property of an item schema.

    Attributes:
        kind: its JSON type: ``string``, ``integer``, ``number`` or ``boolean``.
        example: its ``example``, if any.
        members: the members of its enum (a ``$ref`` to an enum, or a union with one), if any.
        timestamp: ``x-timestamp: milliseconds``.
        embedded: makes the document its ``x-embedded-schema`` names, as text, from a random source.
        from_parameter: the path parameter whose value it carries (``x-fake-from-parameter``).
        identifier: it is the schema's ``x-item-id``.
        name: it is the schema's ``x-item-name``.
    """

    kind: str
    example: Any = None
    members: tuple[str, ...] = ()
    timestamp: bool = False
    embedded: Callable[[random.Random], str] | None = None
    from_parameter: str | None = None
    identifier: bool = False
    name: bool = False


def make_items(
    count: int, fields: Mapping[str, FieldHint], *, path_arguments: Mapping[str, str], seed: int = 0
) -> list[dict[str, Any]]:
    """``count`` distinct items as JSON-shaped dicts, one key per field in ``fields``' order.

    Deterministic for a given ``seed``; ``path_arguments`` (by wire name) fill the fields taken from a
    path parameter (a field whose parameter is not among them is varied from its example instead).
    """
    rng = random.Random(seed)
    return [_item(rng, index, fields, path_arguments) for index in range(count)]


def _item(
    rng: random.Random, index: int, fields: Mapping[str, FieldHint], path_arguments: Mapping[str, str]
) -> dict[str, Any]:
    times = iter(_timestamps(rng, fields))
    item: dict[str, Any] = {}
    for field, hint in fields.items():
        if hint.timestamp:
            item[field] = next(times)
        elif hint.from_parameter is not None and hint.from_parameter in path_arguments:
            item[field] = path_arguments[hint.from_parameter]
        else:
            item[field] = _value(rng, index, field, hint)
    return item


def _timestamps(rng: random.Random, fields: Mapping[str, FieldHint]) -> list[int]:
    """One time per timestamp field, within a year of the first example, ascending in field order."""
    hints = [hint for hint in fields.values() if hint.timestamp]
    examples = [hint.example for hint in hints if isinstance(hint.example, int)]
    start = examples[0] if examples else _EPOCH_2019_MS
    return sorted(start + rng.randrange(_YEAR_MS) for _ in hints)


def _value(rng: random.Random, index: int, field: str, hint: FieldHint) -> Any:
    example = hint.example
    if hint.identifier and isinstance(example, str) and (named := _NUMBERED_NAME.fullmatch(example)):
        return f"{named['stem']}{index:0{_NAME_DIGITS}d}{named['suffix'] or ''}"
    if hint.identifier:
        length = max(len(str(example or "")), _ID_PREFIX + 8)
        return f"{index:0{_ID_PREFIX}d}" + "".join(rng.choices(_ID_ALPHABET, k=length - _ID_PREFIX))
    if hint.members:
        return rng.choice(hint.members)
    if hint.embedded is not None:
        return hint.embedded(rng)
    if hint.kind == "boolean":
        return rng.random() < (0.2 if example is False else 0.8)
    if hint.kind == "integer":
        base = example if isinstance(example, int) else 0
        return base + rng.randrange(max(10, abs(base) // 20))
    if hint.kind == "number":
        scale = example if isinstance(example, (int, float)) else 1.0
        return round(scale * (0.5 + rng.random()), 3)
    return _text(rng, index, field, example, hint.name)


def _text(rng: random.Random, index: int, field: str, example: object, is_name: bool) -> str:
    if not isinstance(example, str) or not example:
        return f"{field.lower()}-{index}"
    if is_name:
        stem = example.rstrip(string.digits)
        return f"{stem}{index}" if stem != example else f"{example}_{index}"
    if example.isascii() and example.isdigit():  # an account or a number written as text
        return str(int(example) + rng.randrange(100)).zfill(len(example))
    if "*" in example:  # a masked value: the mask filled in
        return "".join(rng.choice(string.digits) if char == "*" else char for char in example)
    if _DIGITS.search(example):
        return _DIGITS.sub(lambda run: str(rng.randrange(10 ** len(run.group()))).zfill(len(run.group())), example)
    if example.split() == [example]:
        return f"{example}_{index}"
    return example
