"""``generated/api.md`` lists the package as a user reaches it: every public name, every method of both
clients, every helper of the testing fake, every command of ``foas`` with every option its ``--help`` shows.

The expectations come from the installed package's public surface (``__all__``, the classes, the ``foas``
console script), never from the generator, so a name the reference leaves out fails here.
"""

from __future__ import annotations

import inspect
import re
from importlib.metadata import entry_points

import pytest

import foas_client
import foas_client.errors
import foas_client.models
import foas_client.testing
from foas_client import AsyncFoasClient, FoasClient
from foas_client.testing import FakeFoasService, Fault
from tests.contract.helpers import ROOT

REFERENCE = ROOT / "generated" / "api.md"
TEXT = REFERENCE.read_text(encoding="utf-8")
HEADINGS = set(re.findall(r"^#{2,4} `([^`]+)`$", TEXT, re.MULTILINE))


def public_methods(cls: type) -> list[str]:
    return sorted(name for name, value in inspect.getmembers(cls) if not name.startswith("_") and callable(value))


def test_the_reference_says_it_is_generated_and_links_back_to_the_guide() -> None:
    first = TEXT.split("\n", 1)[0]
    assert first.startswith("<!-- Generated from spec/foas.openapi.yaml") and "Do not edit" in first
    assert "](../README.md)" in TEXT


@pytest.mark.parametrize(
    "module", [foas_client, foas_client.errors, foas_client.models, foas_client.testing], ids=lambda m: m.__name__
)
def test_every_exported_name_has_its_heading(module: object) -> None:
    names = getattr(module, "__all__")  # noqa: B009 (mypy sees modules as object here)
    assert names
    assert [name for name in names if name not in HEADINGS and not errors_line(name)] == []


def errors_line(name: str) -> bool:
    """The errors are one tree, a line each: ``- `Name` ...``."""
    return re.search(rf"^\s*- `{re.escape(name)}`", TEXT, re.MULTILINE) is not None


@pytest.mark.parametrize("cls", [FoasClient, AsyncFoasClient, FakeFoasService, Fault], ids=lambda c: c.__name__)
def test_every_public_method_has_its_heading_and_signature(cls: type) -> None:
    methods = public_methods(cls)
    assert methods
    missing = [name for name in methods if f"{cls.__name__}.{name}" not in HEADINGS]
    assert missing == []
    for name in methods:
        section = TEXT.split(f"`{cls.__name__}.{name}`\n", 1)[1]
        assert re.search(rf"^(async )?def {name}\(", section, re.MULTILINE), name


def test_the_paging_methods_of_both_clients_are_listed_as_paging() -> None:
    paging = TEXT.split("## Paging\n", 1)[1].split("\n## ", 1)[0]
    for cls in (FoasClient, AsyncFoasClient):
        assert f"`{cls.__name__}.iter_jobs`" in paging
        assert f"`{cls.__name__}.iter_pages`" in paging


def help_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """What the installed ``foas`` console script prints for ``argv`` (its exit code checked)."""
    (script,) = entry_points(group="console_scripts", name="foas")
    assert script.load()(list(argv)) == 0
    return capsys.readouterr().out


def test_every_command_and_option_of_foas_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    top = help_of(capsys, "--help")
    listing = top.split("positional arguments:\n", 1)[1].split("\n\n", 1)[0]
    commands = re.findall(r"^    ([a-z][a-z0-9-]*)", listing, re.MULTILINE)
    assert "get-ref-package-job" in commands and len(commands) >= 2
    assert "`foas --version`" in TEXT
    for command in commands:
        assert f"foas {command}" in HEADINGS
        section = TEXT.split(f"### `foas {command}`\n", 1)[1].split("\n### ", 1)[0]
        shown = help_of(capsys, command, "--help").split("\nenvironment:\n", 1)[0]  # the shared epilog: its own section
        options = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", shown)) - {"-h", "--help"}
        assert "--endpoint" in options  # the core's options...
        if command == "get-ref-package-job":
            assert "--project-name" in options  # ...and the spec's
        assert sorted(option for option in options if f"`{option}`" not in section) == [], command


def anchor(heading: str) -> str:
    """GitHub's anchor of a heading's text: lower case, punctuation but ``-``/``_`` dropped, spaces as ``-``."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def test_every_link_into_the_reference_finds_its_heading() -> None:
    anchors = {anchor(heading) for heading in re.findall(r"^#{1,6} (.+)$", TEXT, re.MULTILINE)}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    outside = re.findall(r"\]\(generated/api\.md#([^)]+)\)", readme)
    inside = re.findall(r"\]\(#([^)]+)\)", TEXT)
    assert outside and inside
    assert "generated/api.md" in readme.split("## Install", 1)[0]  # the guide points to it before the details
    assert sorted({link for link in [*outside, *inside] if link not in anchors}) == []
