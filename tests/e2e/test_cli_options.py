"""The ``foas`` commands and options come from the spec: a command per operation, each parameter an
option with its description as help, its type, whether it is required, and its bounds; the output
columns from the item schema. No network here."""

from __future__ import annotations

import re

import attrs
import pytest

from foas_client._cli import PROGRAM, ExitCode, main
from foas_client._core.cli.core import build_parser, run
from foas_client._core.http.core import DEFAULT_TIMEOUT
from foas_client._core.http.retry import DEFAULT_MAX_ATTEMPTS
from foas_client._core.operation import Parameter
from foas_client._schema import OPERATION_IDS, OPERATIONS, SHAPES
from tests.support.pages import job_fields, operation, parameters, python_name, schema

OPERATION_ID = "GetRefPackageJob"
PARAMETERS: tuple[Parameter, ...] = OPERATIONS[OPERATION_ID].parameters
SPEC_PARAMETERS = {parameter["name"]: parameter for parameter in parameters(OPERATION_ID)}
PAGE_PARAMETER = operation(OPERATION_ID)["x-pagination"]["pageParameter"]  # `plan` searches every page itself
COMMAND = python_name(OPERATION_ID).replace("_", "-")
JOBS = next(
    command for command in PROGRAM.commands if command.operation_id == OPERATION_ID
)  # wherever the spec puts it
REQUIRED = [token for p in PARAMETERS if p.required for token in ("--" + p.python_name.replace("_", "-"), "x")]


def flag(parameter: Parameter) -> str:
    return "--" + parameter.python_name.rstrip("_").replace("_", "-")


def spec_flag(name: str) -> str:
    """The option the spec's parameter ``name`` must become (a keyword's Python name, ``type_``, loses its ``_``)."""
    return "--" + python_name(name).rstrip("_").replace("_", "-")


def command_help(capsys: pytest.CaptureFixture[str], command: str = COMMAND) -> str:
    assert main([command, "--help"]) == 0
    return " ".join(capsys.readouterr().out.split())


def test_each_operation_is_a_command_named_after_its_method() -> None:
    commands = {command.name: command.operation_id for command in PROGRAM.commands}
    assert commands == {name.replace("_", "-"): operation_id for name, operation_id in OPERATION_IDS.items()}
    (module,) = [module for module, operation_id in OPERATION_IDS.items() if operation_id == OPERATION_ID]
    assert module.replace("_", "-") == COMMAND


def test_the_options_are_the_spec_s_parameters_in_its_order() -> None:
    assert [parameter.name for parameter in PARAMETERS] == list(SPEC_PARAMETERS)
    assert [flag(parameter) for parameter in PARAMETERS] == [spec_flag(name) for name in SPEC_PARAMETERS]


@pytest.mark.parametrize(
    ("command", "parameter"),
    [
        (command, p)
        for command in (COMMAND, "plan")
        for p in PARAMETERS
        if command == COMMAND or p.name != PAGE_PARAMETER
    ],
    ids=lambda value: value if isinstance(value, str) else value.name,
)
def test_each_spec_parameter_is_an_option_with_the_spec_s_description(
    capsys: pytest.CaptureFixture[str], command: str, parameter: Parameter
) -> None:
    declared = SPEC_PARAMETERS[parameter.name]
    metavar = "INT" if declared["schema"]["type"] == "integer" else "TEXT"
    text = command_help(capsys, command)
    usage = f"{flag(parameter)} {metavar}" if declared.get("required") else f"[{flag(parameter)} {metavar}]"
    assert usage in text.split("options:")[0]
    assert f"{flag(parameter)} {metavar} {' '.join(declared['description'].split())}" in text


@pytest.mark.parametrize(
    "parameter",
    [p for p in PARAMETERS if "minimum" in SPEC_PARAMETERS[p.name]["schema"]],
    ids=lambda p: p.name,
)
def test_integer_parameters_are_ints_with_the_spec_s_minimum(parameter: Parameter) -> None:
    name = parameter.python_name
    minimum = parameter.minimum
    assert SPEC_PARAMETERS[parameter.name]["schema"]["type"] == "integer"
    assert minimum == SPEC_PARAMETERS[parameter.name]["schema"]["minimum"]
    args = build_parser(PROGRAM).parse_args([COMMAND, *REQUIRED, flag(parameter), str(minimum + 6)])
    assert getattr(args, name) == minimum + 6 and isinstance(getattr(args, name), int)
    assert main([COMMAND, *REQUIRED, flag(parameter), str(minimum - 1)]) == ExitCode.USAGE


def test_required_path_parameters_are_required_options(capsys: pytest.CaptureFixture[str]) -> None:
    required = [flag(p) for p in PARAMETERS if p.required]
    assert required == [spec_flag(name) for name, declared in SPEC_PARAMETERS.items() if declared.get("required")]
    assert required == [spec_flag(p["name"]) for p in parameters(OPERATION_ID, location="path")]
    assert main([COMMAND]) == ExitCode.USAGE
    assert f"the following arguments are required: {', '.join(required)}" in capsys.readouterr().err


def test_a_parameter_added_to_the_spec_becomes_an_option(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    added = Parameter(
        name="minParallelism",
        python_name="min_parallelism",
        location="query",
        kind="integer",
        minimum=2,
        description="Only jobs with at least this parallelism (100% new).",
    )
    command = attrs.evolve(JOBS, parameters=(*OPERATIONS[OPERATION_ID].parameters, added))
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
        0,
        None,
    )
    optional = [python_name(name) for name, declared in SPEC_PARAMETERS.items() if not declared.get("required")]
    assert optional and {name: getattr(args, name) for name in optional} == dict.fromkeys(optional)
    plan = build_parser(PROGRAM).parse_args(["plan", *REQUIRED])
    assert (plan.format, plan.job_id, plan.job_name) == ("text", None, None)


def test_table_columns_and_times_are_the_item_schema_s() -> None:
    layout = JOBS.layout
    job = schema("Job")
    assert list(layout.table_columns) == job["x-table-columns"]
    assert layout.time_columns == {name for name, p in job["properties"].items() if p.get("x-timestamp")}
    assert all(job["properties"][name]["type"] == "integer" for name in layout.time_columns)
    assert layout.wrap_columns == {job["x-item-name"]}


def test_csv_and_json_use_every_field_of_the_item_schema_in_the_spec_s_order() -> None:
    assert list(JOBS.layout.fields) == list(SHAPES["Job"].fields) == job_fields()


def test_help_epilog_documents_every_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for code in ExitCode:
        assert re.search(rf"^  {int(code)} +\S", out, re.M), code


def test_a_parameter_named_like_a_python_keyword_is_its_plain_option(capsys: pytest.CaptureFixture[str]) -> None:
    """``type`` is ``type_`` in Python (openapi-python-client's rule), ``--type`` on the command line."""
    keyword = [(o, p) for o in OPERATIONS.values() for p in o.parameters if p.python_name.endswith("_")]
    assert keyword, "the spec has no parameter named like a keyword any more"
    for spec_operation, parameter in keyword:
        command = python_name(spec_operation.operation_id).replace("_", "-")
        shown = command_help(capsys, command)
        assert f"--{parameter.name} " in shown and f"--{parameter.python_name}" not in shown
