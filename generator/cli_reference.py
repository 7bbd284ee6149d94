"""What the ``foas`` command offers, read from the parser a newly generated package builds.

The command's options come from two places: the spec's parameters (named by the generated ``_cli``
module) and the core's own options (``--endpoint``, ``--output``...). Reading the parser that
the command line builds lists both as the user gets them, with no second copy of either rule
here. ``READ_COMMAND_LINE`` runs in the import check's interpreter (``ImportCheck(then=...)``), which
has just imported the new package; ``command_line`` reads what it printed.
"""

from __future__ import annotations

import json
from typing import Any

from generator.generator_error import GeneratorError

__all__ = ["READ_COMMAND_LINE", "command_line"]

# Given ``staging`` and ``name``: builds the parser ``foas`` runs (the core's ``build_parser`` of the
# generated ``_cli.PROGRAM``, as ``main`` does) and prints every command's option groups as one JSON line.
# argparse's ``_actions``/``_action_groups`` are what sphinx-argparse and argparse-manpage read too:
# argparse has no public way to list its options. A spec parameter whose option the command has already
# (``--count``, ``--yes``...) makes ``build_parser`` raise argparse's ArgumentError: each command is then
# built again alone, first without its spec parameters, then with each one, so that the parser itself says
# which parameter collides with which option of which command; printed as {"collisions": [...]}, one line
# each. Any other failure is printed as {"error": ...}.
READ_COMMAND_LINE = """
import argparse, importlib, json, traceback
import attrs

def options(parser):
    exclusive = {}
    for group in parser._mutually_exclusive_groups:
        for action in group._group_actions:
            exclusive[id(action)] = [o.option_strings[-1] for o in group._group_actions if o is not action]
    groups = []
    for group in parser._action_groups:
        found = []
        for action in group._group_actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)) or not action.option_strings:
                continue
            found.append({
                "flags": list(action.option_strings),
                "metavar": None if action.nargs == 0 else (action.metavar or action.dest.upper()),
                "required": bool(action.required),
                "help": (action.help or "").replace("%%", "%"),
                "exclusive_with": exclusive.get(id(action), []),
            })
        if found:
            groups.append({"title": group.title, "options": found})
    return groups

def subparsers(top):
    return next(action.choices for action in top._actions if isinstance(action, argparse._SubParsersAction))

def collisions(program, build):
    found = []
    for command in program.commands:
        alone = lambda parameters: attrs.evolve(program, commands=(attrs.evolve(command, parameters=parameters),))
        own = subparsers(build(alone(())))  # the command and its views, with their own options only
        for parameter in command.parameters:
            try:
                build(alone((parameter,)))
            except argparse.ArgumentError as error:
                option = str(error.message).rpartition(": ")[2].split(", ")[-1]
                having = [f"{program.prog} {n}" for n, parser in own.items() if option in parser._option_string_actions]
                found.append(
                    f"{command.operation_id}: its {parameter.location} parameter {parameter.name!r} would be the "
                    f"option {option}, which {' and '.join(having) or program.prog} already has for itself"
                )
    return found

def read():
    program = importlib.import_module(name + "._cli").PROGRAM
    build = importlib.import_module(name + "._core.cli.core").build_parser
    try:
        top = build(program)
    except argparse.ArgumentError:
        found = collisions(program, build)
        if found:
            return {"collisions": found}
        raise
    commands = []
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for command, parser in action.choices.items():
                commands.append({"name": command, "help": helps.get(command) or "", "groups": options(parser)})
    return {"prog": top.prog, "description": top.description or "", "options": options(top), "commands": commands}

try:
    program = read()
except Exception:
    program = {"error": traceback.format_exc(limit=-3)}
print(json.dumps(program))
"""


def command_line(printed: str, package: str) -> dict[str, Any]:
    """The program ``READ_COMMAND_LINE`` printed: ``prog``, ``description``, its own ``options`` and its ``commands``.

    Each command has ``name``, ``help`` (its one line) and ``groups`` (argparse's groups: ``title``
    and ``options``); each option ``flags``, ``metavar`` (``None`` for a flag), ``required``,
    ``help`` and ``exclusive_with`` (the options it cannot be given with).

    Raises:
        GeneratorError: the command line could not be built or read; the message says why: for a spec
            parameter whose option the command has already, one line naming the operation, the parameter,
            the option and the command.
    """
    lines = printed.strip().splitlines()
    try:
        program: dict[str, Any] = json.loads(lines[-1]) if lines else {"error": "nothing was printed"}
    except json.JSONDecodeError:
        program = {"error": f"not JSON: {lines[-1][:200]!r}"}
    if "collisions" in program:  # one line each: operation, parameter, the option and the command having it
        raise GeneratorError("\n".join(program["collisions"]))
    if "error" in program:
        raise GeneratorError(
            f"reading the command line of the new {package} ({package}._cli.PROGRAM) failed: {program['error']}"
        )
    return program
