"""Operations whose generated names collide stop generation before any tool runs, with a message naming the
kind of name, the name and both operations (or the class that already has the name), and the package
generated before stays as it was. The colliding names are taken from the shipped spec (its first paged
operation, and the operation with a view), so these tests follow the spec as it grows."""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.layers import operation_names, operations_context
from tests.regeneration.helpers import PACKAGE, assert_generation_stops, edit_spec
from tests.regeneration.test_multi_operation import add_operations
from tests.support.pages import operations, python_name, spec

# The shipped operation the new ones collide with: the spec's first paged operation, and its names.
SHIPPED, (_, SHIPPED_PATH, _SHIPPED) = next((i, o) for i, o in operations().items() if "x-pagination" in o[2])
_PAGING = _SHIPPED["x-pagination"]
ITEMS_METHOD = _PAGING.get("itemsMethod", f"iter_{python_name(SHIPPED)}")
PAGES_METHOD = _PAGING.get("pagesMethod", f"iter_{python_name(SHIPPED)}_pages")
NOUN = ITEMS_METHOD.removeprefix("iter_")  # what the fake's helpers are named after
# The operation with a view of an embedded document (``foas plan``), and that view's command.
VIEW_OWNER, VIEW_COMMAND = next(
    (op["operation_id"], view["command"]) for op in operations_context(spec()) for view in op["views"]
)
NEW_PAGED = "ListJob"  # the paged operation that add_operations adds, with its own item schema


def camel(snake: str) -> str:
    """The operationId whose Python name is ``snake``: ``iter_jobs`` -> ``IterJobs``."""
    return "".join(part.capitalize() for part in snake.split("_"))


def add_unpaged_twin(operation_id: str) -> Callable[[dict[str, Any]], None]:
    """An edit adding the shipped operation again, without paging, as ``operation_id`` at a path of its own."""

    def edit(document: dict[str, Any]) -> None:
        twin = copy.deepcopy(operations(document)[SHIPPED][2])
        del twin["x-pagination"]
        twin.pop("x-sweep", None)  # the shipped operation's sweep is its own
        twin["operationId"] = operation_id
        document["paths"][f"{SHIPPED_PATH}/{python_name(operation_id)}"] = {"get": twin}

    return edit


def add_paged_operation(**names: str) -> Callable[[dict[str, Any]], None]:
    """An edit adding ``add_operations``' operations, ListJob's ``x-pagination`` given ``names``."""

    def edit(document: dict[str, Any]) -> None:
        add_operations(document)
        operations(document)[NEW_PAGED][2]["x-pagination"].update(names)

    return edit


# case: (edit, texts that one line of the message must hold, each such line)
CASES: dict[str, tuple[Callable[[dict[str, Any]], None], list[list[str]]]] = {
    "iterators kept from the shipped operation": (
        add_paged_operation(itemsMethod=ITEMS_METHOD, pagesMethod=PAGES_METHOD),
        [
            [SHIPPED, f"and {NEW_PAGED} both generate the client method {ITEMS_METHOD!r}"],
            [SHIPPED, f"and {NEW_PAGED} both generate the client method {PAGES_METHOD!r}"],
        ],
    ),
    "a client method named like the shipped iterator": (
        add_unpaged_twin(camel(ITEMS_METHOD)),
        [[SHIPPED, f"and {camel(ITEMS_METHOD)} both generate the client method {ITEMS_METHOD!r}", "its operationId"]],
    ),
    "a command named like the shipped view": (
        add_unpaged_twin(camel(VIEW_COMMAND)),
        [[VIEW_OWNER, f"and {camel(VIEW_COMMAND)} both generate the command {VIEW_COMMAND!r}", "x-view-command"]],
    ),
    "fake helpers named like the shipped ones": (
        add_paged_operation(itemsMethod=NOUN),  # no iter_ prefix: the client's methods differ, the fake's do not
        [
            [SHIPPED, f"and {NEW_PAGED} both generate the fake helper {f'add_{NOUN}'!r}"],
            [SHIPPED, f"and {NEW_PAGED} both generate the fake helper {f'make_{NOUN}'!r}"],
        ],
    ),
    "a client method the client class has": (
        add_unpaged_twin("Close"),
        [["Close generates the client method 'close' (its operationId), which FoasClient", "already has"]],
    ),
    "a client attribute the client class sets": (
        add_unpaged_twin("Settings"),
        [["Settings generates the client method 'settings'", "which FoasClient", "already has"]],
    ),
    "fake helpers the fake's core has": (
        add_paged_operation(itemsMethod="iter_items"),
        [
            [f"{NEW_PAGED} generates the fake helper 'add_items'", "which FakeFoasService", "already has"],
            [f"{NEW_PAGED} generates the fake helper 'make_items'", "which the module _fake.py already has"],
        ],
    ),
    "a fake setter the fake's core has": (
        add_unpaged_twin("Answer"),
        [["Answer generates the fake helper 'set_answer' (set_<operation>), which FakeFoasService", "already has"]],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_colliding_names_stop_generation_naming_the_name_and_both_operations(
    case: str, root: Path, pristine: Path
) -> None:
    edit, lines = CASES[case]
    edit_spec(root, edit)
    result = assert_generation_stops(root, pristine / PACKAGE)
    assert "Generating" not in result.stdout  # openapi-python-client never ran
    message = result.stderr.strip().removeprefix("generator: ").splitlines()
    for texts in lines:
        assert [line for line in message if all(text in line for text in texts)], (texts, message)


def test_every_name_the_check_knows_is_bound_where_it_says() -> None:
    """The names ``operation_names`` derives are those the installed package has: the client classes' own
    public methods exactly, the command line's commands exactly, and each fake helper."""
    from foas_client._cli import PROGRAM

    names = operation_names(operations_context(spec()))
    scopes: dict[tuple[str, str | None], set[str]] = {}
    for name in names:
        for scope in name.scopes:
            scopes.setdefault(scope, set()).add(name.name)
    for (module, class_name), expected in scopes.items():
        found = importlib.import_module(f"foas_client.{module.removesuffix('.py')}")
        if class_name is not None:
            found = getattr(found, class_name)
        assert all(hasattr(found, name) for name in expected), (module, class_name, expected)
    for class_name in ("FoasClient", "AsyncFoasClient"):
        own = vars(getattr(importlib.import_module("foas_client._clients"), class_name))
        # with_raw_response is the template's own name, not an operation's (the check reads it from the source)
        operations_own = {name for name in own if not name.startswith("_")} - {"with_raw_response"}
        assert operations_own == scopes["_clients.py", class_name]
    commands = {c.name for c in PROGRAM.commands} | {v.command for c in PROGRAM.commands for v in c.views}
    commands |= {sweep.name for sweep in PROGRAM.sweeps}
    assert commands == {name.name for name in names if name.namespace == "command"}


def test_a_spec_the_layers_cannot_render_stops_with_a_message_before_any_tool(root: Path, pristine: Path) -> None:
    """A command showing a document no extension shows is refused before the layers are rendered, as one line."""

    def edit(document: dict[str, Any]) -> None:
        for item in document["components"]["schemas"].values():
            for prop in item.get("properties", {}).values():
                if "x-view-command" in prop:
                    del prop["x-view"]  # a view of a document no extension is bound to show

    edit_spec(root, edit)
    result = assert_generation_stops(root, pristine / PACKAGE, "Job.PlanJson: x-view-command needs an x-view")
    assert "Generating" not in result.stdout
