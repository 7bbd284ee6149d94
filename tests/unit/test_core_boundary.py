"""The runtime core knows no operation: it imports nothing generated and names nothing the spec names.

Operations reach the core as data from the generated modules (shapes, pagination rules, parameter
descriptors, the server, the endpoint functions). What is bound to one field (the plan view, the
``.properties`` parser) is an extension (``generator/extensions/``, the package's ``_extensions``),
which may import the core and the modules generated for it; the core imports no extension.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from tests.support.pages import python_name, spec

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "generator" / "runtime"
PACKAGE = ROOT / "generated" / "foas_client"
CORE_NAME = "_core"  # the package's name for generator/runtime/ (a symlink to it)
EXTENSIONS_NAME = "_extensions"  # the package's name for generator/extensions/ (a symlink to it)
# The generated package's own modules and subpackages, read from the generated files: everything at its
# root but the hand-written core and extensions.
GENERATED = sorted(
    path.stem if path.suffix == ".py" else path.name
    for path in PACKAGE.iterdir()
    if path.name not in {CORE_NAME, EXTENSIONS_NAME} and (path.suffix == ".py" or (path / "__init__.py").is_file())
)
CORE = sorted(path.relative_to(RUNTIME).with_suffix("").as_posix() for path in RUNTIME.rglob("*.py"))


def imported_modules(module: str, tree: ast.Module) -> set[str]:
    """The modules a core module imports relatively, as dotted names below ``foas_client``.

    ``from ..errors import X`` in ``http/core.py`` -> ``_core.errors``; ``from ... import y`` -> ``""``.
    """
    package = [CORE_NAME, *module.split("/")[:-1]]  # the importing module's package (an __init__'s own)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            base = package[: len(package) - (node.level - 1)]
            found.add(".".join([*base, *(node.module.split(".") if node.module else [])]))
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


def read(module: str) -> ast.Module:
    return ast.parse((RUNTIME / f"{module}.py").read_text(encoding="utf-8"))


def test_the_generated_modules_are_found() -> None:
    assert {"client", "models", "api", "_schema", "_embedded"} <= set(GENERATED)
    assert not {CORE_NAME, EXTENSIONS_NAME} & set(GENERATED)
    assert "views" not in CORE  # the views of embedded documents are extensions now


@pytest.mark.parametrize("module", CORE)
def test_a_core_module_imports_nothing_generated(module: str) -> None:
    """Every relative import stays inside the core: nothing of the package root, generated or not."""
    outside = {name for name in imported_modules(module, read(module)) if name.partition(".")[0] != CORE_NAME}
    assert outside == set()


@pytest.mark.parametrize("module", CORE)
def test_a_core_module_names_nothing_the_spec_names(module: str) -> None:
    assert names_used(read(module)) & spec_names() == set()


def test_the_check_sees_an_import_of_generated_code() -> None:
    """Control: a relative import that leaves the core is found, from any depth."""
    assert imported_modules("http/core", ast.parse("from ..._schema import X")) == {"_schema"}
    assert imported_modules("http/core", ast.parse("from ... import _schema")) == {""}
    assert imported_modules("errors", ast.parse("from ._schema import X")) == {"_core._schema"}
    assert imported_modules("cli/core", ast.parse("from ..._extensions import plan")) == {"_extensions"}
    assert imported_modules("http/core", ast.parse("from ..errors import X")) == {"_core.errors"}
