"""Spectral (``spectral:oas``, pinned in package.json) judges the spec: no error, no warning, not even a hint.

``make lint`` runs the same lint; here it is also run on a bundled copy whose JSON examples are inline,
so that Spectral's ``oas3-valid-media-example`` checks the vendor's documented examples against the
schemas (it does not read ``externalValue`` files). A deliberately broken copy proves the rule runs.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.judges.tools import ROOT, SPEC, inline_examples, load_spec, node_tool, write_spec
from tests.support.pages import operation

RULESET = ROOT / ".spectral.yaml"


def spectral(document: Path) -> list[dict[str, Any]]:
    """Spectral's findings on ``document`` at every severity (error, warn, info, hint)."""
    completed = subprocess.run(
        [str(node_tool("spectral")), "lint", "--ruleset", str(RULESET), "--format", "json", "--quiet", str(document)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    text = completed.stdout.strip()
    assert completed.returncode in (0, 1), completed.stderr  # 1: findings at error severity; else a crash
    findings: list[dict[str, Any]] = json.loads(text) if text else []
    return findings


def summary(findings: list[dict[str, Any]]) -> list[str]:
    severities = {0: "error", 1: "warn", 2: "info", 3: "hint"}
    return [
        f"{severities.get(item['severity'])} {item['code']} at {'.'.join(map(str, item['path']))}: {item['message']}"
        for item in findings
    ]


def test_the_spec_passes_spectral_oas_with_no_finding_at_all() -> None:
    assert summary(spectral(SPEC)) == []


def test_the_ruleset_is_spectral_oas_with_nothing_turned_off() -> None:
    # Any rule turned off must say why in a comment; today there is none to turn off.
    ruleset = RULESET.read_text(encoding="utf-8")
    assert 'extends: ["spectral:oas"]' in ruleset
    assert "rules:" not in ruleset


def json_examples_only() -> tuple[dict[str, Any], int]:
    """The spec with its JSON example files inline; the XML ones (text, which a JSON Schema cannot judge) left out."""
    spec = load_spec()
    inlined = inline_examples(spec, keep=lambda media, file: media == "application/json")
    return spec, inlined


def test_the_documented_json_examples_conform_to_their_schemas(tmp_path: Path) -> None:
    spec, inlined = json_examples_only()
    files = {file.name for file in (SPEC.parent / "examples").glob("*.json")}
    assert inlined == len(files) >= 2  # every JSON example file: the documented page, the error body and the rest
    assert summary(spectral(write_spec(spec, tmp_path))) == []


def test_a_broken_example_is_caught_so_the_rule_does_run(tmp_path: Path) -> None:
    spec, _ = json_examples_only()
    content = operation("GetRefPackageJob", spec)["responses"]["200"]
    content["content"]["application/json"]["examples"]["documented"]["value"]["TotalCount"] = "one"
    codes = {item["code"] for item in spectral(write_spec(spec, tmp_path))}
    assert codes == {"oas3-valid-media-example"}
