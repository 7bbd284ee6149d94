"""Byte-for-byte comparison of a committed package with a freshly generated one."""

from __future__ import annotations

from pathlib import Path


def _files(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def compare_trees(committed: Path, fresh: Path) -> list[str]:
    """One line per file that is missing, extra or different in ``committed``; empty when identical."""
    old, new = _files(committed), _files(fresh)
    lines = [f"missing: {name}" for name in sorted(new.keys() - old.keys())]
    lines += [f"not generated: {name}" for name in sorted(old.keys() - new.keys())]
    lines += [f"differs: {name}" for name in sorted(old.keys() & new.keys()) if old[name] != new[name]]
    return lines
