"""A spec parameter whose option ``foas <command>`` has for itself (``--count``, ``--dry-run``, ``--verbose``,
a view's ``--format``) would break the generated command line (argparse refuses a second ``--count``):
generation stops with one line naming the operation, the parameter, the option and the command, and the
package generated before stays as it was.

The colliding names come from the parser the command line builds (``build_parser`` of the package's
``PROGRAM``): a command's own options are those whose destination is none of its spec parameters.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from foas_client._cli import PROGRAM
from foas_client._core.cli.core import build_parser
from generator.operations import python_name
from tests.regeneration.helpers import PACKAGE, assert_generation_stops, edit_spec

PARSERS: dict[str, argparse.ArgumentParser] = next(
    action.choices for action in build_parser(PROGRAM)._actions if isinstance(action, argparse._SubParsersAction)
)
# Each command (a view too) -> its operation, whose parameters are its spec options.
OPERATIONS = {
    name: command for command in PROGRAM.commands for name in (command.name, *(view.command for view in command.views))
}


def own_options(command: str) -> list[str]:
    """The long options ``foas <command>`` has for itself, in the parser's order (help left out)."""
    spec_destinations = {parameter.python_name for parameter in OPERATIONS[command].parameters}
    return [
        action.option_strings[-1]
        for action in PARSERS[command]._actions
        if action.option_strings and action.dest not in spec_destinations and action.dest != "help"
    ]


def parameter_of(option: str) -> str:
    """The parameter name whose option is ``option``: its python name, kebab-cased."""
    return option.removeprefix("--").replace("-", "_")


def reachable(options: list[str]) -> list[str]:
    """Those of ``options`` a parameter can give: not a name the generator renames (``format`` is ``format_``)."""
    return [option for option in options if python_name(parameter_of(option)) == parameter_of(option)]


def destructive_command() -> str:
    return next(command.name for command in PROGRAM.commands if command.destructive)


def paged_command() -> str:
    return next(command.name for command in PROGRAM.commands if command.rules is not None and not command.views)


def plain_command() -> str:
    return next(command.name for command in PROGRAM.commands if command.rules is None and not command.destructive)


def view_command() -> tuple[str, str]:
    return next((command.name, command.views[0].command) for command in PROGRAM.commands if command.views)


def cases() -> list[tuple[str, str]]:
    """(command, option): an option each kind of command adds beyond what every command has, and a client option."""
    common = set(own_options(plain_command()))
    listing, view = view_command()
    return [
        (paged_command(), reachable([o for o in own_options(paged_command()) if o not in common])[-1]),  # guards
        (destructive_command(), reachable([o for o in own_options(destructive_command()) if o not in common])[-1]),
        (plain_command(), reachable(own_options(plain_command()))[-1]),  # a client option
        (view, reachable([o for o in own_options(view) if o not in own_options(listing)])[-1]),  # the view's alone
    ]


def add_query_parameter(spec: dict[str, Any], operation_id: str, name: str) -> None:
    operation = next(
        op for item in spec["paths"].values() for op in item.values() if op.get("operationId") == operation_id
    )
    operation["parameters"].append({"name": name, "in": "query", "schema": {"type": "string"}})


@pytest.mark.parametrize(("command", "option"), cases())
def test_a_parameter_colliding_with_an_option_of_the_command_stops_generation(
    root: Path, pristine: Path, command: str, option: str
) -> None:
    operation_id = OPERATIONS[command].operation_id
    parameter = parameter_of(option)
    edit_spec(root, lambda spec: add_query_parameter(spec, operation_id, parameter))
    result = assert_generation_stops(
        root, pristine / PACKAGE, operation_id, repr(parameter), option, f"{PROGRAM.prog} {command}"
    )
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    others = [name for name in PARSERS if name in OPERATIONS and name != command and option not in own_options(name)]
    assert not any(f"{PROGRAM.prog} {name} " in lines[0] + " " for name in others)  # names where it collides only
