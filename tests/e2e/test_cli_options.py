"""The ``foas`` commands and options come from the spec: a command per operation, each parameter an
option with its description as help, its type, whether it is required, and its bounds; the output
columns from the item schema. No network here."""

from __future__ import annotations

import copy
import re
from typing import Any

import attrs
import pytest

from foas_client._cli import PROGRAM, ExitCode, main
from foas_client._cli_core import build_parser, run
from foas_client._client_core import DEFAULT_TIMEOUT
from foas_client._retry import DEFAULT_MAX_ATTEMPTS
from foas_client._schema import OPERATION_IDS, OPERATIONS, SHAPES
from tests.support.pages import schema

OPERATION = "GetRefPackageJob"
PARAMETERS: list[dict[str, Any]] = OPERATIONS[OPERATION]["parameters"]
COMMAND = next(name for name, operation_id in OPERATION_IDS.items() if operation_id == OPERATION).replace("_", "-")
REQUIRED = [token for p in PARAMETERS if p["required"] for token in ("--" + p["python_name"].replace("_", "-"), "x")]


def flag(parameter: dict[str, Any]) -> str:
    return "--" + parameter["python_name"].replace("_", "-")


def command_help(capsys: pytest.CaptureFixture[str], command: str = COMMAND) -> str:
    assert main([command, "--help"]) == 0
    return " ".join(capsys.readouterr().out.split())


def test_each_operation_is_a_command_named_after_its_method() -> None:
    commands = {command.name: command.operation_id for command in PROGRAM.commands}
    assert commands == {name.replace("_", "-"): operation_id for name, operation_id in OPERATION_IDS.items()}
    assert COMMAND == "get-ref-package-job"  # the documented command


@pytest.mark.parametrize(
    ("command", "parameter"),
    [
        (command, p)
        for command in (COMMAND, "plan")
        for p in PARAMETERS
        if command == COMMAND or p["name"] != "pageIndex"
    ],
    ids=lambda value: value if isinstance(value, str) else value["name"],
)
def test_each_spec_parameter_is_an_option_with_the_spec_s_description(
    capsys: pytest.CaptureFixture[str], command: str, parameter: dict[str, Any]
) -> None:
    metavar = "INT" if parameter["kind"] == "integer" else "TEXT"
    text = command_help(capsys, command)
    usage = f"{flag(parameter)} {metavar}" if parameter["required"] else f"[{flag(parameter)} {metavar}]"
    assert usage in text.split("options:")[0]
    assert f"{flag(parameter)} {metavar} {' '.join(parameter['description'].split())}" in text


@pytest.mark.parametrize("parameter", [p for p in PARAMETERS if p["kind"] == "integer"], ids=lambda p: p["name"])
def test_integer_parameters_are_ints_with_the_spec_s_minimum(parameter: dict[str, Any]) -> None:
    name = parameter["python_name"]
    minimum = parameter["minimum"]
    assert minimum == 1
    args = build_parser(PROGRAM).parse_args([COMMAND, *REQUIRED, flag(parameter), str(minimum + 6)])
    assert getattr(args, name) == minimum + 6 and isinstance(getattr(args, name), int)
    assert main([COMMAND, *REQUIRED, flag(parameter), str(minimum - 1)]) == ExitCode.USAGE


def test_required_path_parameters_are_required_options(capsys: pytest.CaptureFixture[str]) -> None:
    required = [flag(p) for p in PARAMETERS if p["required"]]
    assert required == [flag(p) for p in PARAMETERS if p["in"] == "path"]
    assert main([COMMAND]) == ExitCode.USAGE
    assert f"the following arguments are required: {', '.join(required)}" in capsys.readouterr().err


def test_a_parameter_added_to_the_spec_becomes_an_option(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    operation = copy.deepcopy(OPERATIONS[OPERATION])
    operation["parameters"].append(
        {
            "name": "minParallelism",
            "python_name": "min_parallelism",
            "in": "query",
            "kind": "integer",
            "required": False,
            "minimum": 2,
            "description": "Only jobs with at least this parallelism (100% new).",
        }
    )
    command = attrs.evolve(PROGRAM.commands[0], parameters=tuple(operation["parameters"]))
    program = attrs.evolve(PROGRAM, commands=(command,))
    assert run(program, [COMMAND, "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "[--min-parallelism INT]" in text
    assert "--min-parallelism INT Only jobs with at least this parallelism (100% new)." in text
    assert build_parser(program).parse_args([COMMAND, *REQUIRED, "--min-parallelism", "3"]).min_parallelism == 3
    assert run(program, [COMMAND, *REQUIRED, "--min-parallelism", "1"]) == ExitCode.USAGE
    assert "argument --min-parallelism: must be an integer of at least 2, got 1" in capsys.readouterr().err


def test_client_option_defaults_are_the_library_s() -> None:
    args = build_parser(PROGRAM).parse_args([COMMAND, *REQUIRED])
    assert (args.max_attempts, args.timeout) == (DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT) == (3, 10.0)
    assert (args.output, args.response_format, args.all, args.verbose, args.endpoint) == (
        "table",
        "json",
        False,
        False,
        None,
    )
    assert (args.page_size, args.page_index, args.region_id) == (None, None, None)
    plan = build_parser(PROGRAM).parse_args(["plan", *REQUIRED])
    assert (plan.format, plan.job_id, plan.job_name) == ("text", None, None)


def test_table_columns_and_times_are_the_item_schema_s() -> None:
    layout = PROGRAM.commands[0].layout
    job = schema("Job")
    assert list(layout.table_columns) == job["x-table-columns"]
    assert layout.time_columns == {name for name, p in job["properties"].items() if p.get("x-timestamp")}
    assert all(SHAPES["Job"].fields[name].kind == "integer" for name in layout.time_columns)
    assert layout.wrap_columns == {job["x-item-name"]}


def test_csv_and_json_use_every_field_of_the_item_schema_in_the_spec_s_order() -> None:
    assert list(PROGRAM.commands[0].layout.fields) == list(schema("Job")["properties"])


def test_help_epilog_documents_every_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for code in ExitCode:
        assert re.search(rf"^  {int(code)} +\S", out, re.M), code
