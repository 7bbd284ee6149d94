"""Arguments the spec does not allow are refused with ``InvalidParameterError`` before anything is sent.

The bounds come from the spec's parameters (type, format, minimum, minLength); every case checks
that the fake saw no request.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from foas_client import AsyncFoasClient, FoasClient
from foas_client._cli import ExitCode, main
from foas_client.errors import InvalidParameterError
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService
from tests.support.pages import operation, python_name

OPERATION = operation("GetRefPackageJob")
INT32_MAX = 2**31 - 1
PROJECT, PACKAGE = "project1", "package1.jar"


def integer_parameters() -> list[str]:
    """The python names of the operation's integer query parameters (page_size, page_index...)."""
    names = []
    for parameter in OPERATION["parameters"]:
        if parameter["schema"].get("type") == "integer":
            names.append(python_name(parameter["name"]))
    return names


def bad_integers(parameter: str) -> list[Any]:
    schema = next(
        p["schema"] for p in OPERATION["parameters"] if p["name"].lower() == parameter.replace("_", "").lower()
    )
    low = schema.get("minimum", -(2**31))
    high = schema.get("maximum", INT32_MAX if schema.get("format") == "int32" else 2**63 - 1)
    return [low - 1, high + 1, 10**20, True, False, "5", 1.0, [1]]


CASES = [pytest.param({name: bad}, id=f"{name}={bad!r}") for name in integer_parameters() for bad in bad_integers(name)]


@pytest.mark.parametrize("arguments", CASES)
def test_an_integer_argument_outside_the_spec_is_refused_unsent(arguments: dict[str, Any]) -> None:
    service = FakeFoasService.with_documented_jobs()
    with (
        FoasClient(credentials=TEST_CREDENTIALS, transport=service.transport()) as client,
        pytest.raises(InvalidParameterError) as caught,
    ):
        client.get_ref_package_job(PROJECT, PACKAGE, **arguments)
    assert next(iter(arguments)) in str(caught.value)
    assert service.requests == 0


@pytest.mark.parametrize("arguments", CASES)
def test_the_async_client_refuses_alike(arguments: dict[str, Any]) -> None:
    service = FakeFoasService.with_documented_jobs()

    async def call() -> None:
        async with AsyncFoasClient(credentials=TEST_CREDENTIALS, transport=service.async_transport()) as client:
            await client.get_ref_package_job(PROJECT, PACKAGE, **arguments)

    with pytest.raises(InvalidParameterError):
        asyncio.run(call())
    assert service.requests == 0


@pytest.mark.parametrize(
    ("project", "package"),
    [
        pytest.param("", PACKAGE, id="empty-project"),
        pytest.param(PROJECT, "", id="empty-package"),
        pytest.param(PROJECT, "\udcff.jar", id="lone-surrogate"),
        pytest.param("\ud800", PACKAGE, id="lone-high-surrogate"),
        pytest.param(5, PACKAGE, id="not-text"),
    ],
)
def test_a_name_that_is_not_text_is_refused_unsent(project: Any, package: Any) -> None:
    service = FakeFoasService.with_documented_jobs()
    with FoasClient(credentials=TEST_CREDENTIALS, transport=service.transport()) as client:
        with pytest.raises(InvalidParameterError) as caught:
            client.get_ref_package_job(project, package)
        with pytest.raises(InvalidParameterError):
            list(client.iter_jobs(project, package))
    assert "\n" not in str(caught.value)
    assert service.requests == 0


@pytest.mark.parametrize(
    "arguments",
    [
        {"limit": "5"},
        {"limit": 1.5},
        {"limit": -1},
        {"max_pages": "x"},
        {"max_pages": 0},
        {"concurrency": True},
        {"concurrency": 0},
        {"page_size": 0},
        {"start_page": "1"},
    ],
    ids=repr,
)
def test_paging_arguments_of_the_wrong_type_or_range_are_refused_unsent(arguments: dict[str, Any]) -> None:
    service = FakeFoasService.with_documented_jobs()
    with (
        FoasClient(credentials=TEST_CREDENTIALS, transport=service.transport()) as client,
        pytest.raises(InvalidParameterError) as caught,
    ):
        list(client.iter_jobs(PROJECT, PACKAGE, **arguments))
    assert "\n" not in str(caught.value)
    assert service.requests == 0


@pytest.mark.parametrize(
    "options",
    [
        pytest.param(["--project-name", "\udcff", "--package-name", PACKAGE], id="lone-surrogate"),
        pytest.param(["--project-name", PROJECT, "--package-name", PACKAGE, "--page-size", "3000000000"], id="int32"),
        pytest.param(["--project-name", PROJECT, "--package-name", PACKAGE, "--page-index", "0"], id="page-0"),
    ],
)
def test_the_command_line_exits_2_with_one_line_and_sends_nothing(
    options: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", TEST_CREDENTIALS.access_key_id)
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", TEST_CREDENTIALS.access_key_secret)
    service = FakeFoasService.with_documented_jobs()
    with service.serve() as fake:
        code = main(["get-ref-package-job", *options, "--endpoint", fake.base_url])
    assert code == ExitCode.USAGE == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert service.requests == 0
