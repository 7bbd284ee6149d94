"""The extensions (``generator/extensions/``, the package's ``_extensions``) sit beside the core, not in it.

An extension may import the core, the generated modules made for the documents it reads (the shapes
in ``_schema``, the models in ``_embedded``) and its fellow extensions; nothing else of the package:
the clients, the command line and the fake import it, so an import back would be a cycle.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

import foas_client
from foas_client._extensions import plan, plan_view

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = ROOT / "generator" / "extensions"
ALLOWED = {"_core", "_extensions", "_schema", "_embedded"}  # below foas_client
MODULES = sorted(path.stem for path in EXTENSIONS.glob("*.py"))


def reached(module: str) -> set[str]:
    """The package's top-level modules that ``module`` imports relatively (``_extensions`` for its own)."""
    tree = ast.parse((EXTENSIONS / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            parts = (node.module or "").split(".")
            found.add("_extensions" if node.level == 1 else parts[0] if node.level == 2 else "")
    return found


def test_the_extensions_under_test_are_their_source() -> None:
    assert (ROOT / "generated" / "foas_client" / "_extensions").is_symlink()
    assert Path(plan.__file__).resolve() == EXTENSIONS / "plan.py"


@pytest.mark.parametrize("module", MODULES)
def test_an_extension_imports_only_the_core_and_what_is_generated_for_it(module: str) -> None:
    assert reached(module) <= ALLOWED


def test_the_view_offers_the_formats_it_renders() -> None:
    """The command line takes the formats from ``plan.FORMATS`` without loading the renderers."""
    assert tuple(plan_view.PLAN_FORMATS) == plan.FORMATS


def test_the_public_names_come_from_the_bound_extensions() -> None:
    assert foas_client.parse_plan is plan.parse_plan
    assert foas_client.parse_properties.__module__ == "foas_client._extensions.java_properties"


def test_parse_properties_without_its_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "javaproperties", None)  # as if not installed: the import raises
    with pytest.raises(ImportError) as raised:
        foas_client.parse_properties("a=1")
    message = str(raised.value)
    assert "\n" not in message
    assert "pip install 'foas-client[properties]'" in message
    assert raised.value.name == "javaproperties"
