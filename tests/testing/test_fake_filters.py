"""The fake's listings honour their filters: a query parameter's ``x-filters-field`` keeps the items whose
field equals its value, and the page's totals count what is kept.

Expectations come from the spec (which parameters filter on which field, the paging fields) and from the
fake's own data (``with_estate``'s projects and packages), never from literals; over real loopback HTTP,
in JSON and XML, through ``FoasClient`` and the ``foas`` command.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

import pytest

from foas_client import FoasClient
from foas_client._cli import ExitCode, main
from foas_client._core.credentials import ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN
from foas_client._core.http.core import ENV_REGION_ID
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, LoopbackFake
from generator.operations import python_name
from tests.support.pages import parameters, schema

FORMATS = ["json", "xml"]
PAGE_SIZE = 2  # small, so that a filtered listing spans several pages


def filters(operation_id: str) -> dict[str, str]:
    """The spec's filters of an operation: parameter name -> the item field it filters on."""
    query = parameters(operation_id, location="query")
    return {p["name"]: p["x-filters-field"] for p in query if "x-filters-field" in p}


LIST_PACKAGE, LIST_PROJECT = "ListPackage", "ListProject"
PACKAGE_FILTERS, PROJECT_FILTERS = filters(LIST_PACKAGE), filters(LIST_PROJECT)
TAG = "tag"  # the filter `foas list-package --tag` gives, as the issue names it
PACKAGE_ID = schema("Package")["x-item-id"]


@pytest.fixture(scope="module")
def served() -> Iterator[LoopbackFake]:
    """An estate of several projects with many packages, on loopback HTTP (read only by these tests)."""
    service = FakeFoasService.with_estate(projects=4, packages=25, referenced=0.3, seed=11)
    with service.serve() as fake:
        yield fake


def client_of(fake: LoopbackFake, response_format: str) -> FoasClient:
    return FoasClient(credentials=TEST_CREDENTIALS, endpoint=fake.base_url, response_format=response_format)  # type: ignore[arg-type]


def kept(items: list[Any], field: str, value: object) -> list[dict[str, Any]]:
    """``items`` (models) as dicts, those whose wire ``field`` equals ``value``, in order."""
    return [wire for wire in (item.to_dict() for item in items) if wire.get(field) == value]


def test_the_spec_says_what_each_listing_filters_on() -> None:
    # the filters the issue names, each on an item field of its own listing
    assert set(PACKAGE_FILTERS) == {"packageName", "tag", "type"}
    assert set(PROJECT_FILTERS) == {"name", "clusterId", "region", "deployType"}


@pytest.mark.parametrize("response_format", FORMATS)
@pytest.mark.parametrize("parameter", sorted(PACKAGE_FILTERS))
def test_list_package_keeps_the_packages_whose_field_equals_the_filter(
    served: LoopbackFake, response_format: str, parameter: str
) -> None:
    field = PACKAGE_FILTERS[parameter]
    project = str(served.service.projects()[1].name)
    everything = served.service.packages(project)
    value = everything[-1].to_dict()[field]  # a value the listing holds, maybe more than once
    expected = kept(everything, field, value)
    argument = {python_name(parameter): value}
    with client_of(served, response_format) as client:
        listed = [package.to_dict() for package in client.iter_packages(project, page_size=PAGE_SIZE, **argument)]
        first = client.list_package(project, page_size=PAGE_SIZE, **argument)
    assert listed == expected and expected
    assert first.total_count == len(expected)
    assert first.total_page == math.ceil(len(expected) / PAGE_SIZE)


@pytest.mark.parametrize("response_format", FORMATS)
def test_list_package_filters_combine_and_a_value_nothing_has_lists_nothing(
    served: LoopbackFake, response_format: str
) -> None:
    project = str(served.service.projects()[0].name)
    everything = served.service.packages(project)
    sample = everything[0].to_dict()
    every_filter = {python_name(name): sample[field] for name, field in PACKAGE_FILTERS.items()}
    absent = "".join(sorted({str(p.to_dict()[PACKAGE_FILTERS[TAG]]) for p in everything})) + "-none"
    with client_of(served, response_format) as client:
        all_at_once = [package.to_dict() for package in client.iter_packages(project, **every_filter)]
        nothing = client.list_package(project, **{python_name(TAG): absent})
        unfiltered = client.list_package(project, page_size=PAGE_SIZE)
    assert all_at_once == [sample]  # the package's own name keeps it alone, whatever the other fields
    assert (nothing.total_count, nothing.total_page) == (0, 0)
    assert unfiltered.total_count == len(everything)  # no filter given: every package


@pytest.mark.parametrize("response_format", FORMATS)
@pytest.mark.parametrize("parameter", sorted(PROJECT_FILTERS))
def test_list_project_keeps_the_projects_whose_field_equals_the_filter(
    served: LoopbackFake, response_format: str, parameter: str
) -> None:
    field = PROJECT_FILTERS[parameter]
    everything = served.service.projects()
    value = everything[2].to_dict()[field]
    expected = kept(everything, field, value)
    with client_of(served, response_format) as client:
        listed = [project.to_dict() for project in client.iter_projects(page_size=1, **{python_name(parameter): value})]
        first = client.list_project(page_size=1, **{python_name(parameter): value})
    assert listed == expected and expected
    assert (first.total_count, first.total_page) == (len(expected), len(expected))


@pytest.mark.parametrize("response_format", FORMATS)
def test_foas_list_package_with_tag_prints_the_packages_of_that_tag(
    served: LoopbackFake, response_format: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(ENV_ACCESS_KEY_ID, TEST_CREDENTIALS.access_key_id)
    monkeypatch.setenv(ENV_ACCESS_KEY_SECRET, TEST_CREDENTIALS.access_key_secret)
    monkeypatch.delenv(ENV_SECURITY_TOKEN, raising=False)
    monkeypatch.delenv(ENV_REGION_ID, raising=False)
    project = str(served.service.projects()[3].name)
    everything = served.service.packages(project)
    tags = [p.to_dict()[PACKAGE_FILTERS[TAG]] for p in everything]
    tag = max(set(tags), key=tags.count)  # the commonest tag: several packages, over several pages
    expected = kept(everything, PACKAGE_FILTERS[TAG], tag)
    command = python_name(LIST_PACKAGE).replace("_", "-")
    option = "--" + python_name(TAG).replace("_", "-")
    base = [command, "--project-name", project, option, tag, "--endpoint", served.base_url]
    base += ["--response-format", response_format, "--page-size", str(PAGE_SIZE)]
    code = main([*base, "--all", "--output", "json"])
    printed = json.loads(capsys.readouterr().out)
    assert code == ExitCode.OK
    assert len(expected) > 1
    assert [package[PACKAGE_ID] for package in printed] == [package[PACKAGE_ID] for package in expected]
    assert main([*base, "--count"]) == ExitCode.OK
    assert capsys.readouterr().out.strip() == str(len(expected))
