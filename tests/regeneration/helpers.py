"""Running ``python -m generator`` on a copy of the repository's sources, and checking what it left behind."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.drift import compare_trees
from tests.contract.helpers import ROOT

PYTHON = sys.executable  # the project's venv: it has the pinned generator toolchain
GENERATE_BUDGET_S = 60.0  # `make generate` takes a few seconds at most; this only catches a hang
PACKAGE = Path("generated") / "foas_client"
STAGING = Path("generated") / ".foas_client.staging"
REFERENCE = Path("generated") / "api.md"


def copy_sources(destination: Path) -> Path:
    """What ``python -m generator`` reads: spec/ and generator/ (it needs neither pyproject.toml nor requirements)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("spec", "generator"):
        shutil.copytree(ROOT / name, destination / name, ignore=ignore)
    return destination


def run_generator(root: Path) -> subprocess.CompletedProcess[str]:
    """``python -m generator`` in ``root``, its output captured."""
    return subprocess.run(
        [PYTHON, "-m", "generator"], cwd=root, capture_output=True, text=True, timeout=GENERATE_BUDGET_S
    )


def generate(root: Path) -> Path:
    """Generates ``root/generated/foas_client`` and returns its path; fails the test if generation fails."""
    started = time.perf_counter()
    result = run_generator(root)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    package = root / PACKAGE
    assert str(package) in result.stdout  # it wrote into the copy, not into the repository
    assert elapsed < GENERATE_BUDGET_S
    return package


def edit_spec(root: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    """Applies ``edit`` to the parsed ``spec/foas.openapi.yaml`` of ``root`` and writes it back."""
    path = root / "spec" / "foas.openapi.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(spec)
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")


def assert_generation_stops(
    root: Path, pristine: Path, *expected: str, core_edited: bool = False
) -> subprocess.CompletedProcess[str]:
    """Runs the generator in ``root`` and asserts that it stopped: exit status 2, a ``generator:`` message
    containing every ``expected`` text, ``root/generated/foas_client`` identical to ``pristine`` (the same
    package, generated before the break) and ``api.md`` beside it to the one beside ``pristine``, and no
    staging directory left. Returns the finished run.

    ``core_edited``: the test broke a module of ``generator/runtime/``, which the package links to (its
    ``_core``), so the package's core differs from the pristine one; the rest must not."""
    result = run_generator(root)
    message = result.stderr.strip()
    assert result.returncode == 2, message
    assert message.startswith("generator: "), message
    assert "Traceback" not in message.partition("\n")[0]
    for text in expected:
        assert text in message
    differences = compare_trees(pristine, root / PACKAGE)
    if core_edited:
        differences = [line for line in differences if not line.split(": ", 1)[1].startswith("_core/")]
    assert differences == [], "the previous package was changed"
    assert (root / REFERENCE).read_bytes() == (pristine.parent / REFERENCE.name).read_bytes(), "api.md was changed"
    assert not (root / STAGING).exists()
    return result
