"""``python -m generator --check`` fails on a stale ``generated/api.md``, naming it; regenerating mends it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.regeneration.helpers import GENERATE_BUDGET_S, PYTHON, REFERENCE, generate


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "generator", "--check"], cwd=root, capture_output=True, text=True, timeout=GENERATE_BUDGET_S
    )


def test_a_fresh_copy_passes_the_check(root: Path) -> None:
    result = check(root)
    assert result.returncode == 0, result.stderr
    assert "generated/api.md" in result.stdout


def test_a_stale_reference_fails_the_check_and_is_named(root: Path) -> None:
    reference = root / REFERENCE
    reference.write_text(reference.read_text(encoding="utf-8").replace("## Errors", "## Exceptions"), encoding="utf-8")
    result = check(root)
    assert result.returncode == 1
    assert "differs: api.md" in result.stderr.splitlines()[1]
    assert "make generate" in result.stderr
    generate(root)
    assert "## Errors" in reference.read_text(encoding="utf-8")
    assert check(root).returncode == 0


def test_a_missing_reference_fails_the_check_and_is_named(root: Path) -> None:
    (root / REFERENCE).unlink()
    result = check(root)
    assert result.returncode == 1
    assert "  missing: api.md" in result.stderr.splitlines()
