"""The generator's templates only lay out what Python computed: each one renders something, and the
modules the generator derives from data (``_examples``, ``_provenance``) come from templates too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.contract.helpers import ROOT

TEMPLATES = ROOT / "generator" / "templates"
PACKAGE = ROOT / "generated" / "foas_client"
JINJA = re.compile(r"\{\{|\{%")


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.jinja")), ids=lambda path: path.name)
def test_a_template_is_not_a_static_module(template: Path) -> None:
    """A module with nothing to fill in belongs in generator/runtime/, not among the templates."""
    body = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert JINJA.search(body), f"{template.relative_to(ROOT)} has no Jinja: make it a runtime module"


@pytest.mark.parametrize("module", ["_examples.py", "_provenance.py", "_schema.py", "errors.py", "types.py"])
def test_derived_modules_are_rendered_from_templates(module: str) -> None:
    header = (PACKAGE / module).read_text(encoding="utf-8").partition("\n")[0]
    templates = {path.name for path in TEMPLATES.rglob("*.jinja")}
    assert f"{module}.jinja" in templates, header
