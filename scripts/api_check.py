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
    public = _public_paths(new)
    breakages = [b for b in griffe.find_breaking_changes(old, new) if _is_public(b.obj.path, public)]
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


def _public_paths(module: griffe.Object | griffe.Alias) -> set[str]:
    """Where the public names really live: a class re-exported from a private module, and its bases."""
    found: set[str] = set()
    pending: list[griffe.Object | griffe.Alias] = [module]
    while pending:
        current = pending.pop()
        for name, member in current.members.items():
            if name.startswith("_"):
                continue
            try:
                target = member.final_target if isinstance(member, griffe.Alias) else member
            except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                continue  # a name from outside the package (e.g. PackageNotFoundError)
            if not target.path.startswith(module.path + ".") or target.path in found:
                continue
            found.add(target.path)
            if isinstance(target, griffe.Module):
                pending.append(target)
            elif isinstance(target, griffe.Class):
                found.update(base.path for base in target.mro())
    return found


def _is_public(path: str, public: set[str]) -> bool:
    """Public: no private part in the path, or inside a public name's real home (or one of its bases)."""
    return not _private(path) or any(path == root or path.startswith(root + ".") for root in public)


if __name__ == "__main__":
    sys.exit(main())
