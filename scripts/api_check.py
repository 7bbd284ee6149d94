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
    breakages = [b.explain() for b in griffe.find_breaking_changes(old, new) if _is_public(b.obj.path, public)]
    breakages += [change for path, change in changed_annotations(old, new) if _is_public(path, public)]
    for breakage in breakages:
        print(f"api check: {breakage}", file=sys.stderr)
    if breakages:
        print(
            f"api check: {len(breakages)} incompatible change(s) to the public API since {ref}: "
            "restore them, or release a new major version (see README, 'Changing the API')",
            file=sys.stderr,
        )
        return 1
    print(f"api check: public API compatible with {ref}")
    return 0


def changed_annotations(old: griffe.Object | griffe.Alias, new: griffe.Object | griffe.Alias) -> list[tuple[str, str]]:
    """``(path, explanation)`` for each type that differs between ``old`` and ``new``.

    griffe's own comparison reports removals and signature changes, not types: an attribute
    (a model field), a parameter or a return whose annotation changed is reported here. Names
    only in one of the two are left to griffe.
    """
    found: list[tuple[str, str]] = []
    new_annotations = _annotated(new)
    for path, before in _annotated(old).items():
        after = new_annotations.get(path)
        if after is None or after == before:
            continue
        is_parameter = ":" in path and not path.endswith(":return")
        if is_parameter and _union_members(before) <= _union_members(after):
            continue  # a parameter that takes more than it did (str -> str | None): every old call still works
        found.append((path.partition(":")[0], f"{path}: type changed from `{before}` to `{after}`"))
    return found


def _union_members(annotation: str) -> set[str]:
    """The members of a top-level ``|`` union, as text (``"int | None"`` -> ``{"int", "None"}``)."""
    members, depth, start = set(), 0, 0
    for index, char in enumerate(annotation):
        depth += char in "[("
        depth -= char in "])"
        if char == "|" and depth == 0:
            members.add(annotation[start:index].strip())
            start = index + 1
    members.add(annotation[start:].strip())
    return members


def _annotated(module: griffe.Object | griffe.Alias) -> dict[str, str]:
    """Every annotation in ``module`` by where it is: ``path`` (attribute), ``path:param``, ``path:return``."""
    found: dict[str, str] = {}
    pending: list[griffe.Object | griffe.Alias] = [module]
    while pending:
        current = pending.pop()
        for member in current.members.values():
            if isinstance(member, griffe.Alias):
                continue  # checked where it is defined
            if isinstance(member, (griffe.Module, griffe.Class)):
                pending.append(member)
            elif isinstance(member, griffe.Attribute) and member.annotation is not None:
                found[member.path] = str(member.annotation)
            elif isinstance(member, griffe.Function):
                for parameter in member.parameters:
                    if parameter.annotation is not None:
                        found[f"{member.path}:{parameter.name}"] = str(parameter.annotation)
                if member.returns is not None:
                    found[f"{member.path}:return"] = str(member.returns)
    return found


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
