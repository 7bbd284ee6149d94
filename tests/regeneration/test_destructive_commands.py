"""Which commands follow the conventions of a destructive one: derived from the method (DELETE), or said by
the operation's ``x-destructive``; never from an operation's name. A value that is not a boolean stops
generation, naming the operation."""

from __future__ import annotations

import copy

import pytest

from generator.generator_error import GeneratorError
from generator.layers import operations_context
from tests.support.pages import operations, spec


def destructive(document: dict[str, object]) -> dict[str, bool]:
    return {op["operation_id"]: op["destructive"] for op in operations_context(document)}


def test_the_deletes_of_the_spec_are_destructive_and_nothing_else() -> None:
    expected = {op: method == "DELETE" for op, (method, _, node) in operations().items() if "x-destructive" not in node}
    assert {op: flag for op, flag in destructive(spec()).items() if op in expected} == expected
    assert any(expected.values()) and not all(expected.values())


@pytest.mark.parametrize("flag", [True, False])
def test_x_destructive_overrides_the_method(flag: bool) -> None:
    document = copy.deepcopy(spec())
    chosen = {}
    for operation_id, (method, path, _) in operations(document).items():
        if (method == "DELETE") != flag:  # a GET marked destructive, or a DELETE marked harmless
            document["paths"][path][method.lower()]["x-destructive"] = flag
            chosen[operation_id] = flag
    assert chosen
    found = destructive(document)
    assert {op: found[op] for op in chosen} == chosen


def test_x_destructive_must_be_a_boolean() -> None:
    document = copy.deepcopy(spec())
    operation_id, (method, path, _) = next(iter(operations(document).items()))
    document["paths"][path][method.lower()]["x-destructive"] = "yes"
    with pytest.raises(GeneratorError, match=rf"operation {operation_id}: x-destructive must be true or false"):
        operations_context(document)
