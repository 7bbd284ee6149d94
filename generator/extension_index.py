"""Which module of ``generator/extensions/`` each field of the spec selects, and what that module offers.

An extension module says what selects it (``SELECTED_BY = ("x-view", "plan")``) and what the package
re-exports from it (``__all__``); a view also says which document it reads (``DOCUMENT``, the title
of a JSON Schema). All three are literals, read here from the source without importing it: an
extension imports modules that exist only in a generated package. A field's ``x-view`` or
``x-embedded-format`` must name an extension of that kind, and a view's field must embed (by
``x-embedded-schema``) the document the view reads; anything else stops generation.
"""

from __future__ import annotations

import ast
import contextlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from generator.embedded import EmbeddedSchema, field_extensions
from generator.generator_error import GeneratorError

__all__ = ["KINDS", "Binding", "Extension", "bindings", "extensions"]

# The spec extensions that select an extension module, and the names such a module must define
# (beyond SELECTED_BY and __all__); see generator/extensions/__init__.py for their contract.
KINDS: dict[str, tuple[str, ...]] = {
    "x-view": ("DOCUMENT", "FORMATS", "render", "sample"),
    "x-embedded-format": (),
}


@attrs.frozen
class Extension:
    """An extension module, as its source declares it.

    Attributes:
        module: its name below ``foas_client._extensions`` (``plan``).
        keyword, value: what selects it (``x-view``, ``plan``).
        public: its ``__all__``, which the package re-exports.
        document: for a view, the title of the JSON Schema it reads; else ``None``.
    """

    module: str
    keyword: str
    value: str
    public: tuple[str, ...]
    document: str | None = None


@attrs.frozen
class Binding:
    """A field of the spec and the extension its ``x-view`` or ``x-embedded-format`` selects."""

    field: str  # Schema.Field, e.g. Job.PlanJson
    extension: Extension


def extensions(directory: Path) -> dict[tuple[str, str], Extension]:
    """The extension modules of ``directory`` (``generator/extensions/``), by (keyword, value).

    A module without ``SELECTED_BY`` is a helper of one that has it, and is left out.

    Raises:
        GeneratorError: a module's declarations are not literals of the expected kind, it lacks a name
            its kind requires, or two modules are selected by the same value.
    """
    found: dict[tuple[str, str], Extension] = {}
    for path in sorted(directory.glob("*.py")):
        extension = _read(path)
        if extension is None:
            continue
        key = (extension.keyword, extension.value)
        if key in found:
            raise GeneratorError(
                f"generator/extensions/{found[key].module}.py and {path.name} are both selected by "
                f"{extension.keyword}: {extension.value}"
            )
        found[key] = extension
    return found


def _read(path: Path) -> Extension | None:
    shown = f"generator/extensions/{path.name}"
    try:
        tree = ast.parse(path.read_bytes(), str(path))
    except SyntaxError as exc:
        raise GeneratorError(f"{shown}:{exc.lineno} is not valid Python ({exc.msg})") from exc
    literals: dict[str, Any] = {}
    defined: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            defined.add(node.name)
        if not isinstance(node, (ast.Assign, ast.AnnAssign)):
            continue
        targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
        for target in targets:
            if isinstance(target, ast.Name):
                defined.add(target.id)
                if node.value is not None:
                    with contextlib.suppress(ValueError):  # not a literal: only a defined name
                        literals[target.id] = ast.literal_eval(node.value)
    if "SELECTED_BY" not in defined:
        return None
    selected = literals.get("SELECTED_BY")
    if not (isinstance(selected, tuple) and len(selected) == 2 and all(isinstance(s, str) for s in selected)):
        raise GeneratorError(f"{shown}: SELECTED_BY must be a literal (keyword, value), e.g. ('x-view', 'plan')")
    keyword, value = selected
    if keyword not in KINDS:
        raise GeneratorError(f"{shown}: SELECTED_BY names {keyword!r}; the kinds are {', '.join(KINDS)}")
    public = literals.get("__all__")
    if not (isinstance(public, list) and all(isinstance(name, str) for name in public)):
        raise GeneratorError(f"{shown}: __all__ must be a literal list of the names the package re-exports")
    missing = [name for name in (*KINDS[keyword], *public) if name not in defined]
    if missing:
        raise GeneratorError(f"{shown}: a {keyword} extension defines {', '.join(missing)}, and this one does not")
    document = literals.get("DOCUMENT") if keyword == "x-view" else None
    if keyword == "x-view" and not isinstance(document, str):
        raise GeneratorError(f"{shown}: DOCUMENT must be a literal string, the title of the schema it reads")
    return Extension(path.stem, keyword, value, tuple(public), document)


def bindings(
    spec: Mapping[str, Any], available: Mapping[tuple[str, str], Extension], embedded: Mapping[str, EmbeddedSchema]
) -> list[Binding]:
    """The extension each field of ``spec`` selects, in the spec's order.

    Raises:
        GeneratorError: one line per field whose ``x-view`` or ``x-embedded-format`` names no extension
            (the field, the keyword and the value, and the values there are), whose view reads a document
            the field does not embed, or whose ``x-view-command`` has no ``x-view``.
    """
    by_field = {field: title for title, schema in embedded.items() for field in schema.fields}
    found, problems = [], []
    for field, prop in field_extensions(spec):
        if "x-view-command" in prop and "x-view" not in prop:
            problems.append(f"{field}: x-view-command needs an x-view, the extension showing the document")
        for keyword in KINDS:
            if keyword not in prop:
                continue
            value = prop[keyword]
            extension = available.get((keyword, value)) if isinstance(value, str) else None
            if extension is None:
                known = sorted(v for k, v in available if k == keyword)
                problems.append(
                    f"{field}: {keyword} {value!r} has no extension in generator/extensions/ "
                    f"(there: {', '.join(known) or 'none'})"
                )
                continue
            if extension.document is not None and by_field.get(field) != extension.document:
                embeds = by_field.get(field)
                what = f"embeds {embeds} ({embedded[embeds].path.as_posix()})" if embeds else "has no x-embedded-schema"
                problems.append(
                    f"{field}: {keyword} {value!r} reads a document titled {extension.document}, and the field {what}"
                )
                continue
            found.append(Binding(field, extension))
    if problems:
        raise GeneratorError("\n".join(problems))
    return found
