"""`make lint`'s API check: what changed in foas_client's public API since the last release, and so
which version the next release needs at least.

The last release is the newest `v*` tag (its name is its version); a clone without tags falls back
to RELEASED, `vX.Y.Z <commit>` (written when the tag is made). griffe loads both versions of the
package and compares them:

- a break (a public name removed, a parameter required, a type narrowed...) needs a major bump,
  a minor one while the version is 0.x; `make lint` fails on it (see README, "Changing the API");
- an addition (a public name, a parameter with a default, a parameter that accepts more) a minor bump;
- any other change to the package's source (code, docstrings) a patch bump;
- no change at all, none: the released version itself is the minimum.

`python -m scripts.api_check` reports the breaks, the required bump and the minimum version (the
version is reported, never failed on: `make dist` refuses a version below the minimum, see
scripts/dist_guard.py). `--changelog` prints the changes found as a markdown list for CHANGELOG.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

import griffe
from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # the backport, pinned for 3.10 in requirements-dev.txt
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "foas_client"
SEARCH = ["generated"]

Bump = Literal["major", "minor", "patch"]


class Release(NamedTuple):
    """A release: its version (``"0.2.0"``) and the git ref holding its source (a tag or a commit)."""

    version: str
    ref: str


@dataclass(frozen=True)
class ApiChanges:
    """What differs between two versions of a package: ``breaking`` and ``added`` are one-line
    explanations (a name, and what happened to it); ``changed`` is true when any module's source differs."""

    breaking: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: bool = False


@dataclass(frozen=True)
class Assessment:
    """The API changes since ``release``, the bump they require (None: nothing changed) and the lowest
    version the next release may have."""

    release: Release
    changes: ApiChanges
    bump: Bump | None
    minimum: str


def last_release(root: Path = ROOT) -> Release | None:
    """The newest ``v*`` tag, else the release RELEASED records, else None (nothing released)."""
    tags = subprocess.run(
        ["git", "tag", "--list", "v*", "--sort=-v:refname"], cwd=root, capture_output=True, text=True, check=False
    ).stdout.split()
    if tags:
        return Release(tags[0].removeprefix("v"), tags[0])
    released = root / "RELEASED"
    if released.exists():
        fields = released.read_text(encoding="utf-8").split()
        return Release(fields[0].removeprefix("v"), fields[1]) if len(fields) > 1 else None
    return None


def project_version(root: Path = ROOT) -> str:
    """The version pyproject.toml declares: the one `make dist` builds."""
    document = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return str(document["project"]["version"])


def assess(root: Path = ROOT) -> Assessment | None:
    """Compare the package in the work tree with the last release's; None when nothing is released yet."""
    release = last_release(root)
    if release is None:
        return None
    old = griffe.load_git(PACKAGE, ref=release.ref, repo=root, search_paths=SEARCH)
    new = griffe.load(PACKAGE, search_paths=[str(root / path) for path in SEARCH])
    changes = compare(old, new)
    bump = required_bump(changes, release.version)
    return Assessment(release, changes, bump, minimum_version(release.version, bump))


def compare(old: griffe.Object | griffe.Alias, new: griffe.Object | griffe.Alias) -> ApiChanges:
    """The public API's breaks and additions from ``old`` to ``new``, and whether any source changed."""
    public = _public_paths(new)
    breaking = [describe(b) for b in griffe.find_breaking_changes(old, new) if _is_public(b.obj.path, public)]
    breaking += [change for path, change in changed_annotations(old, new) if _is_public(path, public)]
    return ApiChanges(breaking, added_names(old, new), changed=_sources(old) != _sources(new))


def describe(breakage: griffe.Breakage) -> str:
    """One plain line (no colours, no file paths): the public name, with the parameter if one, what happened
    and, where there are values, from what to what."""
    old, new = breakage.old_value, breakage.new_value
    where = f"`{breakage.obj.path}`"
    parameter = new if isinstance(new, griffe.Parameter) else old
    if isinstance(parameter, griffe.Parameter):
        where = f"`{breakage.obj.path}({parameter.name})`"
        if isinstance(old, griffe.Parameter) and isinstance(new, griffe.Parameter):
            old, new = old.default, new.default  # only a default is shown as values
        else:
            old = new = None
    values = f": `{old}` to `{new}`" if old is not None and new is not None else ""
    return f"{where}: {breakage.kind.value}{values}"


def required_bump(changes: ApiChanges, released: str) -> Bump | None:
    """The smallest bump from ``released`` that ``changes`` require under semantic versioning.

    A break needs ``"major"`` (``"minor"`` while ``released`` is 0.x, where a minor may break); an
    addition ``"minor"``; any other change ``"patch"``; no change None.
    """
    if changes.breaking:
        return "minor" if Version(released).major == 0 else "major"
    if changes.added:
        return "minor"
    return "patch" if changes.changed else None


def minimum_version(released: str, bump: Bump | None) -> str:
    """``released`` raised by ``bump`` (``"0.2.0"``, ``"minor"`` -> ``"0.3.0"``); ``released`` itself for None."""
    major, minor, micro = (*Version(released).release, 0, 0)[:3]
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    if bump == "patch":
        return f"{major}.{minor}.{micro + 1}"
    return released


def version_report(assessment: Assessment, version: str) -> str:
    """One line: the bump required since the release, the minimum version, and how ``version`` compares."""
    release, bump = assessment.release, assessment.bump
    required = f"a {bump} bump" if bump else "no bump (no change)"
    verdict = "enough" if version_is_enough(version, assessment.minimum) else "too low: `make dist` refuses it"
    return (
        f"api check: {len(assessment.changes.breaking)} break(s), {len(assessment.changes.added)} addition(s) "
        f"since {release.ref} ({release.version}): {required}, minimum version {assessment.minimum}; "
        f"pyproject.toml has {version} ({verdict})"
    )


def version_is_enough(version: str, minimum: str) -> bool:
    """Whether ``version`` is at least ``minimum``; a pre-release of the minimum (``0.3.0rc1``) counts as it."""
    return Version(version).release >= Version(minimum).release


def changelog(changes: ApiChanges) -> str:
    """The changes as a markdown list, one item each, for CHANGELOG.md's entry of the next release."""
    items = [f"- Breaking: {line}" for line in changes.breaking] + [f"- Added: {line}" for line in changes.added]
    if not items:
        detail = " (implementation and documentation only)" if changes.changed else ""
        items = [f"- No change to the public API{detail}."]
    return "\n".join(items)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.api_check",
        description="Compare foas_client's public API with the last release; report the minimum next version.",
    )
    parser.add_argument(
        "--changelog", action="store_true", help="print the changes since the last release as a markdown list"
    )
    arguments = parser.parse_args(argv)
    assessment = assess()
    if assessment is None:
        print("api check: no release yet, nothing to compare")
        return 0
    ref = assessment.release.ref
    if arguments.changelog:
        print(changelog(assessment.changes))
        return 0
    for breakage in assessment.changes.breaking:
        print(f"api check: {breakage}", file=sys.stderr)
    print(version_report(assessment, project_version()))
    if assessment.changes.breaking:
        print(
            f"api check: {len(assessment.changes.breaking)} incompatible change(s) to the public API since {ref}: "
            f"restore them, or release them as a {assessment.bump} version (see README, 'Changing the API')",
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
        if is_parameter and _accepts_more(before, after):
            continue  # every old call still works
        found.append((path.partition(":")[0], f"{path}: type changed from `{before}` to `{after}`"))
    return found


def widened_parameters(before: dict[str, Name], after: dict[str, Name]) -> dict[str, str]:
    """For each parameter (of two ``api_surface``s) whose type takes more than it did (``str`` -> ``str | None``),
    where it is defined now -> what changed."""
    found: dict[str, str] = {}
    for path, now in after.items():
        then = before.get(path)
        if not now.kind.endswith("parameter") or then is None or None in (then.annotation, now.annotation):
            continue
        if _accepts_more(str(then.annotation), str(now.annotation)):
            found[now.defined_at] = f"accepts more: `{then.annotation}` to `{now.annotation}`"
    return found


def added_names(old: griffe.Object | griffe.Alias, new: griffe.Object | griffe.Alias) -> list[str]:
    """One line for each public name that ``new`` has and ``old`` has not (an object, or a parameter),
    and for each parameter that accepts more than it did.

    Only the outermost is named (a new class, not also its methods), once for each object however many
    public names reach it (``foas_client.Job``, ``foas_client.models.Job``): by its shortest name. In a
    class, dunder attributes (``__doc__``, ``__slots__``) and the methods every object has
    (``__repr__``, ``__eq__``) are not additions: the name was there before, inherited.
    """
    before = api_surface(old)
    after = api_surface(new)
    # A new required parameter breaks every call: griffe reports it, it is no addition.
    added = {
        path
        for path, bound in after.items()
        if path not in before and bound.kind != "required parameter" and not _inherent(path, after)
    }
    outermost = [path for path in added if _parent(path) not in added]
    spelling = _shortest_names(after)
    lines = {f"`{spelling[after[path].defined_at]}` ({after[path].kind})" for path in outermost}
    lines.update(f"`{spelling[where]}` {change}" for where, change in widened_parameters(before, after).items())
    return sorted(lines)


class Name(NamedTuple):
    """What a public name is bound to: where that is defined (``pkg._mod.f``, ``pkg._mod.f(x)``), its kind
    and its annotation as written (an attribute's or a parameter's type, a function's return), if any."""

    defined_at: str
    kind: str
    annotation: str | None = None


def api_surface(package: griffe.Object | griffe.Alias) -> dict[str, Name]:
    """Every public name reachable from ``package``, as downstream code spells it (``pkg.Class.method``,
    ``pkg.function(parameter)``).

    Public is griffe's rule (``__all__`` where a module has one, else no ``_`` prefix and not imported);
    a class's names include the ones it inherits, so ``FoasClient.__init__`` counts even when a private
    base defines it. A name bound to something outside the package is a name, not walked into.
    """
    surface: dict[str, Name] = {}
    pending: list[tuple[str, griffe.Object | griffe.Alias, frozenset[str]]] = [(package.path, package, frozenset())]
    while pending:
        prefix, current, seen = pending.pop()
        members = current.all_members if isinstance(current, griffe.Class) else current.members
        for name, member in members.items():
            if not member.is_public:
                continue
            path = f"{prefix}.{name}"
            try:
                target = member.final_target if isinstance(member, griffe.Alias) else member
            except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                surface[path] = Name(path, "name")  # bound to something outside the package
                continue
            annotation = target.returns if isinstance(target, griffe.Function) else getattr(target, "annotation", None)
            surface[path] = Name(target.path, target.kind.value, None if annotation is None else str(annotation))
            if not target.path.startswith(package.path + ".") or target.path in seen:
                continue
            if isinstance(target, (griffe.Module, griffe.Class)):
                pending.append((path, target, seen | {target.path}))
            elif isinstance(target, griffe.Function):
                bound = isinstance(target.parent, griffe.Class) and "staticmethod" not in target.labels
                for parameter in list(target.parameters)[1 if bound else 0 :]:  # not self, cls: never passed
                    annotation = None if parameter.annotation is None else str(parameter.annotation)
                    optional = parameter.default is not None or parameter.kind in _VARIADIC
                    surface[f"{path}({parameter.name})"] = Name(
                        f"{target.path}({parameter.name})",
                        "parameter" if optional else "required parameter",
                        annotation,
                    )
    return surface


_EVERY_OBJECT_HAS = frozenset(dir(object))
_VARIADIC = (griffe.ParameterKind.var_positional, griffe.ParameterKind.var_keyword)


def _inherent(path: str, surface: dict[str, Name]) -> bool:
    """Whether ``path`` names what every class has anyway: a dunder attribute, or one of object's methods."""
    name = path.rpartition(".")[2]
    owner = surface.get(_parent(path))
    if owner is None or owner.kind != "class" or not (name.startswith("__") and name.endswith("__")):
        return False
    return surface[path].kind != "function" or name in _EVERY_OBJECT_HAS


def _shortest_names(surface: dict[str, Name]) -> dict[str, str]:
    """For each object and parameter that public names reach, the shortest of those names."""
    shortest: dict[str, str] = {}
    for path, bound in surface.items():
        current = shortest.get(bound.defined_at)
        if current is None or (len(path), path) < (len(current), current):
            shortest[bound.defined_at] = path
    return shortest


def _parent(path: str) -> str:
    """``pkg.f(x)`` -> ``pkg.f``; ``pkg.C.m`` -> ``pkg.C``."""
    return path.partition("(")[0] if path.endswith(")") else path.rpartition(".")[0]


def _sources(package: griffe.Object | griffe.Alias) -> dict[str, str]:
    """The source text of every module of ``package``, by module path."""
    found: dict[str, str] = {}
    pending: list[griffe.Object | griffe.Alias] = [package]
    while pending:
        module = pending.pop()
        found[module.path] = module.source
        pending.extend(member for member in module.members.values() if isinstance(member, griffe.Module))
    return found


def _accepts_more(before: str, after: str) -> bool:
    """Whether a parameter typed ``after`` takes every value one typed ``before`` took, and more
    (``str`` -> ``str | None``): the union's members, compared as text."""
    return before != after and _union_members(before) <= _union_members(after)


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
    """Where the public names really live: a class re-exported from a private module, and its bases.

    Public by griffe's rule, as in ``api_surface``: a name a module imports without listing it in its
    ``__all__`` (an endpoint module's ``OPERATIONS``, from ``_schema``) makes nothing public.
    """
    found: set[str] = set()
    pending: list[griffe.Object | griffe.Alias] = [module]
    while pending:
        current = pending.pop()
        for member in current.members.values():
            if not member.is_public:
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
