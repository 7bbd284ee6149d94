"""Byte-for-byte comparison of what is committed under generated/ with a fresh generation."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def _files(root: Path) -> dict[str, bytes]:
    """Each file's bytes by its path below ``root``, through the core's symlink.

    The link is followed, not compared as text: a fresh package in a temporary directory reaches the
    same ``generator/runtime/`` by another relative path, and what matters is what the package holds.
    """
    if not root.is_dir():
        return {}
    found: dict[str, bytes] = {}
    for folder, _, files in os.walk(root, followlinks=True):
        for name in files:
            path = Path(folder, name)
            if "__pycache__" not in path.parts:
                found[str(path.relative_to(root))] = path.read_bytes()
    return dict(sorted(found.items()))


def compare_trees(committed: Path, fresh: Path) -> list[str]:
    """One line per file that is missing, extra or different in ``committed``; empty when identical."""
    old, new = _files(committed), _files(fresh)
    lines = [f"missing: {name}" for name in sorted(new.keys() - old.keys())]
    lines += [f"not generated: {name}" for name in sorted(old.keys() - new.keys())]
    lines += [f"differs: {name}" for name in sorted(old.keys() & new.keys()) if old[name] != new[name]]
    return lines


def compare_outputs(committed: Path, fresh: Path, package: str, documents: Sequence[str]) -> list[str]:
    """``compare_trees`` of ``committed/package`` and ``fresh/package``, then of each file of ``documents``
    (e.g. ``api.md``) beside them; each line names its file relative to ``committed``."""
    lines = [_relative(line, package) for line in compare_trees(committed / package, fresh / package)]
    for name in documents:
        old, new = committed / name, fresh / name
        if not old.is_file():
            lines.append(f"missing: {name}")
        elif old.read_bytes() != new.read_bytes():
            lines.append(f"differs: {name}")
    return lines


def _relative(line: str, package: str) -> str:
    state, _, name = line.partition(": ")
    return f"{state}: {package}/{name}"
