"""The runtime core knows no operation: it imports nothing generated and names nothing the spec names.

Operations reach the core as data from the generated modules (shapes, pagination rules, parameter
descriptors, the server, the endpoint functions). The modules still bound to one operation (the
entry point, the plan view) are listed in ``NOT_YET_GENERIC``: the list may only shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from tests.support.pages import python_name, spec

RUNTIME = Path(__file__).resolve().parents[2] / "generator" / "runtime"
# Modules of the generated package (openapi-python-client's, the derived data, the per-operation layers).
GENERATED = {
    "_schema",
    "_examples",
    "_plan_models",
    "_clients",
    "_bindings",
    "_fake",
    "_pytest_plugin",
    "testing",
    "api",
    "models",
    "client",
    "types",
    "",
}
NOT_YET_GENERIC = {"__main__", "_plan", "_plan_view"}
CORE = sorted(path.stem for path in RUNTIME.glob("*.py") if path.stem not in NOT_YET_GENERIC)


def imported_modules(tree: ast.Module) -> set[str]:
    """The package-relative modules a module imports (``from .x import y`` -> ``x``; ``from . import y`` -> ``""``)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.add((node.module or "").partition(".")[0])
    return found


def names_used(tree: ast.Module) -> set[str]:
    """Identifiers and string constants, docstrings left out (they may give an operation as an example)."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found.add(node.value)
    return found


def response_schemas(response: dict[str, Any]) -> set[str]:
    """The schema names a response (or the components response it refers to) uses."""
    if "$ref" in response:
        response = spec()["components"]["responses"][response["$ref"].rpartition("/")[2]]
    return {content["schema"]["$ref"].rpartition("/")[2] for content in response.get("content", {}).values()}


def spec_names() -> set[str]:
    """What the spec's operations name: operationIds, parameters, the schemas of their answers and those
    schemas' fields, in wire spelling, and in Python spelling when it is more than one word.

    Left out, as the protocol's rather than an operation's: the error body (every ROA API answers
    errors alike), the parameters the client fills itself (``x-filled-by-client``: the region), and
    the x-pagination vocabulary (its keys happen to share names with this operation's parameters).
    """
    names: set[str] = set()
    schemas = spec()["components"]["schemas"]
    error_schemas = set()
    for path_item in spec()["paths"].values():
        for operation in path_item.values():
            names.add(operation["operationId"])
            names.update(p["name"] for p in operation.get("parameters", []) if "x-filled-by-client" not in p)
            for status, response in operation["responses"].items():
                if not str(status).startswith("2"):
                    error_schemas.update(response_schemas(response))
    for name, schema in schemas.items():
        if name not in error_schemas:
            names.add(name)
            names.update(schema.get("properties", {}))
    protocol = {"pageIndex", "pageSize", "items", "totalItems", "totalPages", "firstPage", "style"}
    protocol.add("Description")  # OpenAPI's own word (a parameter's description), which Job happens to use
    for name in error_schemas:  # the error body's fields (RequestId, Code...) are the protocol's too
        protocol.update(schemas[name].get("properties", {}))
    names -= protocol
    # In Python spelling only the names of two words or more: a one-word field (Size, Tag, Name) is
    # spelled like the ordinary words that code uses for its own purposes (a page size, an XML tag).
    # So is a one-word name the spec already spells that way (a query parameter ``type`` or ``tag``).
    spelled = {python_name(name) for name in names if "_" in python_name(name)}
    ordinary = {name for name in names if name == python_name(name) and "_" not in name}
    return ((names - ordinary) | spelled) - {python_name(name) for name in protocol}


@pytest.mark.parametrize("module", CORE)
def test_a_core_module_imports_nothing_generated(module: str) -> None:
    tree = ast.parse((RUNTIME / f"{module}.py").read_text(encoding="utf-8"))
    assert imported_modules(tree) & GENERATED == set()


@pytest.mark.parametrize("module", CORE)
def test_a_core_module_names_nothing_the_spec_names(module: str) -> None:
    tree = ast.parse((RUNTIME / f"{module}.py").read_text(encoding="utf-8"))
    assert names_used(tree) & spec_names() == set()


def test_the_modules_still_bound_to_an_operation_exist() -> None:
    """Each entry of NOT_YET_GENERIC is a runtime module: a module made generic leaves the list."""
    assert {path.stem for path in RUNTIME.glob("*.py")} >= NOT_YET_GENERIC
