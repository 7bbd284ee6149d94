"""Refuses, before any tool runs, operations whose generated names collide.

Each operation names methods of the client classes, commands of ``foas`` and helpers of the testing
fake (``layers.operation_names``). Two operations giving one name, or an operation giving a name that
the class or module already has (``close``, ``settings``, the fake's ``add_items``...), would render a
package where one definition silently replaces the other: only mypy's ``no-redef`` would say so, and
not for every case. The layers are rendered here (Jinja, no tool) and what they bind is read from
their syntax tree and from the runtime classes they inherit, so a hand-written name is found where it
is written, not in a list kept beside it.
"""

from __future__ import annotations

import ast
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from generator.extension_index import Binding
from generator.generator_error import GeneratorError
from generator.layers import LayerName, operation_names, operations_context, render_layers

CORE = "_core"  # the package's name for the runtime (pipeline.CORE; not imported: pipeline imports this module)

__all__ = ["check_names"]


def check_names(spec: Mapping[str, Any], templates: Path, runtime: Path, bound: Sequence[Binding]) -> None:
    """Returns when every name the operations of ``spec`` generate is theirs alone.

    ``spec`` is a document ``support_check.check_supported`` accepted; ``templates`` holds the layers'
    templates and ``runtime`` the core modules they import (both as copied into the package); ``bound``
    the extension each field selects (``extension_index.bindings``).

    Raises:
        GeneratorError: one line per colliding name, naming the kind of name (client method, command,
            fake helper), the name, the operations that generate it and what in each gives it, or the
            class or module that already has it.
    """
    names = operation_names(operations_context(spec))
    problems = list(_collisions(names, render_layers(spec, templates, bound), runtime))
    if problems:
        raise GeneratorError("\n".join(problems))


def _collisions(names: Sequence[LayerName], sources: Mapping[str, str], runtime: Path) -> Iterator[str]:
    claims: dict[tuple[str, str | None, str], list[LayerName]] = defaultdict(list)
    by_namespace: dict[tuple[str, str], list[LayerName]] = defaultdict(list)
    for name in names:
        by_namespace[name.namespace, name.name].append(name)
        for module, scope in name.scopes:
            claims[module, scope, name.name].append(name)
    reported = set()
    for claimants in by_namespace.values():
        if len(claimants) > 1:
            reported.add((claimants[0].namespace, claimants[0].name))
            yield _shared(claimants)
    bindings: dict[tuple[str, str | None], tuple[Counter[str], dict[str, list[str]]]] = {}
    for (module, scope, bound), claimants in claims.items():
        first = claimants[0]
        if (first.namespace, bound) in reported:
            continue
        if (module, scope) not in bindings:
            bindings[module, scope] = _bound_names(ast.parse(sources[module]), scope, runtime)
        own, inherited = bindings[module, scope]
        if own[bound] > len(claimants):  # the template writes the name itself
            holder = scope or f"the module {module}"
        elif bound in inherited:
            holder = f"{scope} (from {inherited[bound][0]})"
        else:
            continue
        reported.add((first.namespace, bound))
        what = f"the {first.namespace} {bound!r} ({first.origin})"
        yield f"{first.operation_id} generates {what}, which {holder} already has"


def _shared(claimants: Sequence[LayerName]) -> str:
    """The line saying that ``claimants`` (two or more) give one name."""
    first = claimants[0]
    operations = list(dict.fromkeys(claimant.operation_id for claimant in claimants))
    origins = list(dict.fromkeys(claimant.origin for claimant in claimants))
    if len(operations) == 1:
        return f"{first.operation_id} generates the {first.namespace} {first.name!r} twice ({'; '.join(origins)})"
    how = origins[0] if len(origins) == 1 else "; ".join(f"{c.operation_id}: {c.origin}" for c in claimants)
    who = " and ".join([", ".join(operations[:-1]), operations[-1]])
    return f"{who} {'both' if len(operations) == 2 else 'all'} generate the {first.namespace} {first.name!r} ({how})"


def _bound_names(tree: ast.Module, scope: str | None, runtime: Path) -> tuple[Counter[str], dict[str, list[str]]]:
    """The names bound in module ``tree`` (a rendered layer, at the package's root, like ``runtime``'s
    modules) or in its class ``scope``, each as often as it is bound; and for a class, the names its
    bases in ``runtime`` bind, each with the base classes binding it."""
    if scope is None:
        return Counter(_module_bindings(tree.body)), {}
    found = _find_class(tree, runtime, scope)
    if found is None:
        return Counter(), {}
    node = found[0]
    inherited: dict[str, list[str]] = defaultdict(list)
    for base, base_name in _bases(node, tree, runtime, set()):
        for name in set(_class_bindings(base)):
            inherited[name].append(base_name)
    return Counter(_class_bindings(node)), inherited


def _bases(node: ast.ClassDef, tree: ast.Module, path: Path, seen: set[str]) -> Iterator[tuple[ast.ClassDef, str]]:
    """The ancestors of ``node`` (defined in ``tree``, the module at ``path``) that ``path``'s package
    defines, nearest first; bases from elsewhere (``Generic``, httpx) are left out."""
    for base in node.bases:
        expression = base.value if isinstance(base, ast.Subscript) else base  # Base[T]
        if not isinstance(expression, ast.Name) or expression.id in seen:
            continue
        seen.add(expression.id)
        found = _find_class(tree, path, expression.id)
        if found is not None:
            parent, parent_tree, parent_path = found
            yield parent, parent.name
            yield from _bases(parent, parent_tree, parent_path, seen)


def _find_class(tree: ast.Module, path: Path, name: str) -> tuple[ast.ClassDef, ast.Module, Path] | None:
    """The class bound to ``name`` in ``tree`` (the module at ``path``, a directory for a rendered layer):
    defined there, or imported relatively from a module of the runtime."""
    for statement in tree.body:
        if isinstance(statement, ast.ClassDef) and statement.name == name:
            return statement, tree, path
    package = path if path.is_dir() else path.parent
    for statement in tree.body:
        if not isinstance(statement, ast.ImportFrom) or statement.level == 0:
            continue
        for alias in statement.names:
            if (alias.asname or alias.name) != name:
                continue
            base = package
            for _ in range(statement.level - 1):
                base = base.parent
            parts = (statement.module or "").split(".")
            if path.is_dir() and parts[0] == CORE:  # a rendered layer, at the package root: its _core is the runtime
                parts = parts[1:]
            stem = base.joinpath(*parts)
            for candidate in (stem.with_suffix(".py"), stem / "__init__.py"):
                if candidate.is_file():
                    module = ast.parse(candidate.read_text(encoding="utf-8"))
                    return _find_class(module, candidate, alias.name)
    return None


def _class_bindings(node: ast.ClassDef) -> Iterator[str]:
    """The names a class body binds, and each ``self.<name>`` its methods assign (once each)."""
    yield from _module_bindings(node.body)
    attributes = set()
    for statement in node.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(statement):
                targets = inner.targets if isinstance(inner, ast.Assign) else []
                if isinstance(inner, (ast.AnnAssign, ast.AugAssign)):
                    targets = [inner.target]
                for target in targets:
                    value = target.value if isinstance(target, ast.Attribute) else None
                    if isinstance(target, ast.Attribute) and isinstance(value, ast.Name) and value.id == "self":
                        attributes.add(target.attr)
    yield from sorted(attributes)


def _module_bindings(statements: Iterable[ast.stmt]) -> Iterator[str]:
    """The names ``statements`` bind at their own level (a module's or a class body's), conditional ones included."""
    for statement in statements:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield statement.name
        elif isinstance(statement, (ast.Import, ast.ImportFrom)):
            for alias in statement.names:
                yield alias.asname or alias.name.partition(".")[0]
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            for target in targets:
                yield from _target_names(target)
        elif isinstance(statement, (ast.If, ast.Try)):
            yield from _module_bindings([*statement.body, *statement.orelse])


def _target_names(target: ast.expr) -> Iterator[str]:
    """The names an assignment to ``target`` binds: ``a``, ``a, b``; none for ``a.b`` or ``a[0]``."""
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _target_names(element)
    elif isinstance(target, ast.Starred):
        yield from _target_names(target.value)
