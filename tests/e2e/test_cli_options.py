"""The ``foas`` options come from the spec: each parameter of GetRefPackageJob is an option, with its
description as help, its type, whether it is required, and its minimum. No network here."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from foas_client._cli import COMMAND, ExitCode, build_parser, main
from foas_client._cli_output import EPOCH_MS_COLUMNS, JOB_FIELDS, TABLE_COLUMNS
from foas_client._facade import DEFAULT_TIMEOUT
from foas_client._retry import DEFAULT_MAX_ATTEMPTS
from foas_client._schema import OPERATION_IDS, OPERATIONS, SHAPES
from tests.support.pages import job_fields, operation, parameters, python_name, schema

OPERATION_ID = "GetRefPackageJob"
PARAMETERS: list[dict[str, Any]] = OPERATIONS[OPERATION_ID]["parameters"]
SPEC_PARAMETERS = {parameter["name"]: parameter for parameter in parameters(OPERATION_ID)}
PAGE_PARAMETER = operation(OPERATION_ID)["x-pagination"]["pageParameter"]  # `plan` searches every page itself
REQUIRED = ["--project-name", "p", "--package-name", "q"]


def flag(parameter: dict[str, Any]) -> str:
    return "--" + parameter["python_name"].replace("_", "-")


def spec_flag(name: str) -> str:
    """The option the spec's parameter ``name`` must become."""
    return "--" + python_name(name).replace("_", "-")


def command_help(capsys: pytest.CaptureFixture[str], command: str = COMMAND) -> str:
    assert main([command, "--help"]) == 0
    return " ".join(capsys.readouterr().out.split())


def test_the_command_is_named_after_the_operation_s_endpoint_module() -> None:
    (module,) = [module for module, operation_id in OPERATION_IDS.items() if operation_id == OPERATION_ID]
    assert COMMAND == module.replace("_", "-") == python_name(OPERATION_ID).replace("_", "-")


def test_the_options_are_the_spec_s_parameters_in_its_order() -> None:
    assert [parameter["name"] for parameter in PARAMETERS] == list(SPEC_PARAMETERS)
    assert [flag(parameter) for parameter in PARAMETERS] == [spec_flag(name) for name in SPEC_PARAMETERS]


@pytest.mark.parametrize(
    ("command", "parameter"),
    [
        (command, p)
        for command in (COMMAND, "plan")
        for p in PARAMETERS
        if command == COMMAND or p["name"] != PAGE_PARAMETER
    ],
    ids=lambda value: value if isinstance(value, str) else value["name"],
)
def test_each_spec_parameter_is_an_option_with_the_spec_s_description(
    capsys: pytest.CaptureFixture[str], command: str, parameter: dict[str, Any]
) -> None:
    declared = SPEC_PARAMETERS[parameter["name"]]
    metavar = "INT" if declared["schema"]["type"] == "integer" else "TEXT"
    text = command_help(capsys, command)
    usage = f"{flag(parameter)} {metavar}" if declared.get("required") else f"[{flag(parameter)} {metavar}]"
    assert usage in text.split("options:")[0]
    assert f"{flag(parameter)} {metavar} {' '.join(declared['description'].split())}" in text


@pytest.mark.parametrize(
    "parameter",
    [p for p in PARAMETERS if "minimum" in SPEC_PARAMETERS[p["name"]]["schema"]],
    ids=lambda p: p["name"],
)
def test_integer_parameters_are_ints_with_the_spec_s_minimum(parameter: dict[str, Any]) -> None:
    name = parameter["python_name"]
    minimum = parameter["minimum"]
    assert SPEC_PARAMETERS[parameter["name"]]["schema"]["type"] == "integer"
    assert minimum == SPEC_PARAMETERS[parameter["name"]]["schema"]["minimum"]
    args = build_parser().parse_args([COMMAND, *REQUIRED, flag(parameter), str(minimum + 6)])
    assert getattr(args, name) == minimum + 6 and isinstance(getattr(args, name), int)
    assert main([COMMAND, *REQUIRED, flag(parameter), str(minimum - 1)]) == ExitCode.USAGE


def test_required_path_parameters_are_required_options(capsys: pytest.CaptureFixture[str]) -> None:
    required = [flag(p) for p in PARAMETERS if p["required"]]
    assert required == [spec_flag(name) for name, declared in SPEC_PARAMETERS.items() if declared.get("required")]
    assert required == [spec_flag(p["name"]) for p in parameters(OPERATION_ID, location="path")]
    assert main([COMMAND]) == ExitCode.USAGE
    assert f"the following arguments are required: {', '.join(required)}" in capsys.readouterr().err


def test_a_parameter_added_to_the_spec_becomes_an_option(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    operation = copy.deepcopy(OPERATIONS[OPERATION_ID])
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
    monkeypatch.setitem(OPERATIONS, OPERATION_ID, operation)
    text = command_help(capsys)
    assert "[--min-parallelism INT]" in text
    assert "--min-parallelism INT Only jobs with at least this parallelism (100% new)." in text
    assert build_parser().parse_args([COMMAND, *REQUIRED, "--min-parallelism", "3"]).min_parallelism == 3
    assert main([COMMAND, *REQUIRED, "--min-parallelism", "1"]) == ExitCode.USAGE
    assert "argument --min-parallelism: must be an integer of at least 2, got 1" in capsys.readouterr().err


def test_client_option_defaults_are_the_library_s() -> None:
    args = build_parser().parse_args([COMMAND, *REQUIRED])
    assert (args.max_attempts, args.timeout) == (DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT) == (3, 10.0)
    assert (args.output, args.response_format, args.all, args.verbose, args.endpoint) == (
        "table",
        "json",
        False,
        False,
        None,
    )
    optional = [python_name(name) for name, declared in SPEC_PARAMETERS.items() if not declared.get("required")]
    assert optional and {name: getattr(args, name) for name in optional} == dict.fromkeys(optional)
    plan = build_parser().parse_args(["plan", *REQUIRED])
    assert (plan.format, plan.job_id, plan.job_name) == ("text", None, None)


def test_table_columns_are_job_fields_of_the_spec_and_the_times_integers() -> None:
    fields = schema("Job")["properties"]
    assert set(TABLE_COLUMNS) <= set(fields)
    assert set(TABLE_COLUMNS) >= EPOCH_MS_COLUMNS
    assert all(fields[name]["type"] == "integer" for name in EPOCH_MS_COLUMNS)


def test_csv_and_json_use_every_job_field_in_the_spec_s_order() -> None:
    assert list(JOB_FIELDS) == list(SHAPES["Job"].fields) == job_fields()


def test_help_epilog_documents_every_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for code in ExitCode:
        assert re.search(rf"^  {int(code)} +\S", out, re.M), code
