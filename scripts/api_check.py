"""`make lint`'s API check: fail when a public name of foas_client changes incompatibly since the last release.

The last release is the newest `v*` tag; a clone without tags falls back to the commit that
RELEASED names (written when the tag is made). griffe compares the two versions of the package.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import griffe

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "foas_client"
SEARCH = ["generated"]


def last_release() -> str | None:
    """The newest release tag, else the commit recorded in RELEASED, else None (nothing released)."""
    tags = subprocess.run(
        ["git", "tag", "--list", "v*", "--sort=-v:refname"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.split()
    if tags:
        return tags[0]
    released = ROOT / "RELEASED"
    if released.exists():
        fields = released.read_text(encoding="utf-8").split()
        return fields[1] if len(fields) > 1 else None
    return None


def main() -> int:
    ref = last_release()
    if ref is None:
        print("api check: no release yet, nothing to compare")
        return 0
    old = griffe.load_git(PACKAGE, ref=ref, repo=ROOT, search_paths=SEARCH)
    new = griffe.load(PACKAGE, search_paths=[str(ROOT / path) for path in SEARCH])
    breakages = [b for b in griffe.find_breaking_changes(old, new) if not _private(b.obj.path)]
    for breakage in breakages:
        print(f"api check: {breakage.explain()}", file=sys.stderr)
    if breakages:
        print(
            f"api check: {len(breakages)} incompatible change(s) to the public API since {ref}: "
            "restore them, or release a new major version (see README, 'Changing the API')",
            file=sys.stderr,
        )
        return 1
    print(f"api check: public API compatible with {ref}")
    return 0


def _private(path: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in path.split(".")[1:])


if __name__ == "__main__":
    sys.exit(main())
