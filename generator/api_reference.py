"""The API reference, ``api.md``: every public name of a newly generated package, from its docstrings and the spec.

The package is read statically with griffe, through its public surface only: the names of
``__all__`` of the package, of ``errors``, ``models`` and ``testing``, the client classes' methods and
the endpoint modules the spec's operations name; griffe follows each re-export to its definition,
wherever in the package that is. The spec adds what the code does not say: each operation's HTTP
method and path, each model field's wire name and whether the spec requires it. The command line is
described from its own parser (``generator.cli_reference``). Everything is computed here; the
template ``api.md.jinja`` only lays it out. The result depends on nothing but its inputs: no date,
no absolute path, and every list in the order of ``__all__``, the class or the spec.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import griffe
from openapi_python_client.strings import ClassName, PythonIdentifier

from generator.layers import operations_context
from generator.templating import environment

__all__ = ["REFERENCE", "TEMPLATE", "api_reference"]

REFERENCE = "api.md"  # written next to the package: generated/api.md
TEMPLATE = "api.md.jinja"
_WIDE = 88  # a signature longer than this is written one parameter per line, as ruff formats code
_DOCSTRINGS = griffe.Parser.google
_UNRESOLVABLE = (griffe.AliasResolutionError, griffe.CyclicAliasError)


def api_reference(
    spec: Mapping[str, Any], staging: Path, package: str, cli: Mapping[str, Any], templates: Path, header: str
) -> str:
    """The text of ``api.md`` for the package ``package`` in ``staging`` (``staging/package/``).

    ``cli`` is the command line as ``CliReference.result()`` reads it; ``header`` the first line
    (the "generated, do not edit" mark).

    Raises:
        KeyError: a module the reference reads (``errors``, ``models``, ``testing``, an operation's
            endpoint module) or a name of an ``__all__`` is missing from the package.
    """
    loader = griffe.GriffeLoader(search_paths=[str(staging)], allow_inspection=False, docstring_parser=_DOCSTRINGS)
    root = _target(loader.load(package))
    loader.resolve_aliases(implicit=False, external=False)
    operations = operations_context(spec)
    exported = _exports(root)
    names = [op["name"] for op in operations]
    clients = [obj for obj in exported if isinstance(obj, griffe.Class) and _has_methods(obj, names)]
    clients.sort(key=lambda cls: ("async" in cls.all_members[names[0]].labels, cls.name))  # the sync one first
    errors = [obj for obj in _exports(_target(root["errors"])) if isinstance(obj, griffe.Class)]
    models = [obj for obj in _exports(_target(root["models"])) if isinstance(obj, griffe.Class)]
    models += [obj for obj in exported if isinstance(obj, griffe.Class) and _is_typed_dict(obj)]
    covered = {obj.name for obj in [*clients, *errors, *models]}
    context = {
        "header": header,
        "title": spec["info"]["title"],
        "version": spec["info"]["version"],
        "package": package,
        "clients": [_client(cls, operations) for cls in clients],
        "paging": [_paging(op, clients) for op in operations if op["pagination"]],
        "models": [_model(cls, spec) for cls in models],
        "errors": _error_tree(errors),
        "names": [_entry(obj) for obj in exported if obj.name not in covered],
        "testing": [_entry(obj) for obj in _exports(_target(root["testing"]))],
        "endpoints": [_endpoints(_target(root[op["module"]]), package, op) for op in operations],
        "cli": _cli(cli, operations),
    }
    markdown = environment(templates)  # no escaping: Markdown, not HTML
    markdown.filters["cell"] = _cell
    markdown.filters["anchor"] = _anchor
    text = markdown.get_template(TEMPLATE).render(context)
    # The template's optional parts leave runs of blank lines; Markdown reads one as well as three.
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


# -- the package's public surface ---------------------------------------------------------------------


def _target(obj: griffe.Object | griffe.Alias) -> griffe.Object:
    """What a re-export stands for, through every alias."""
    return obj.final_target if isinstance(obj, griffe.Alias) else obj


def _exports(module: griffe.Object) -> list[griffe.Object]:
    """The objects a module's ``__all__`` names, in that order (each is shown under its own name: the
    package renames nothing it re-exports)."""
    return [_target(module[str(name)]) for name in module.exports or ()]


def _members(cls: griffe.Class, *, inherited: bool = True) -> Iterator[tuple[str, griffe.Object]]:
    """The public members of a class (``inherited``: its bases' too), in the order they are defined; names
    that griffe cannot follow statically (imported from outside the package) are left out."""
    for name, member in (cls.all_members if inherited else cls.members).items():
        if name.startswith("_"):
            continue
        try:
            yield name, _target(member)
        except _UNRESOLVABLE:
            continue


def _has_methods(cls: griffe.Class, names: Sequence[str]) -> bool:
    members = dict(_members(cls))
    return bool(names) and all(isinstance(members.get(name), griffe.Function) for name in names)


def _base_names(cls: griffe.Class) -> list[str]:
    return [str(base).rpartition(".")[2] for base in cls.bases]


def _is_typed_dict(cls: griffe.Class) -> bool:
    return "TypedDict" in _base_names(cls)


def _is_enum(cls: griffe.Class) -> bool:
    return bool({"Enum", "StrEnum", "IntEnum"} & set(_base_names(cls)))


def _is_property(obj: griffe.Object) -> bool:
    return isinstance(obj, griffe.Function) and "property" in obj.labels


# -- docstrings ---------------------------------------------------------------------------------------


def _docstring(obj: griffe.Object) -> str:
    """The object's docstring. A class whose ``__doc__`` is assigned an expression gives that expression's
    leading text; a class without a docstring, the first of its bases' (a subclass that only binds its
    base, as ``RoaSigner`` does, has the base's contract)."""
    if obj.docstring is not None:
        return obj.docstring.value
    if not isinstance(obj, griffe.Class):
        return ""
    assigned = obj.members.get("__doc__")
    if isinstance(assigned, griffe.Attribute) and assigned.value is not None:
        node = ast.parse(str(assigned.value), mode="eval").body
        while isinstance(node, ast.BinOp):  # "text" + NAME: the literal is what can be read without running
            node = node.left
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
    return next((base.docstring.value for base in obj.mro() if base.docstring is not None), "")


def _text(text: str) -> str:
    """Docstring text as one Markdown line: whitespace collapsed, reST ````code```` as ```code```."""
    return re.sub(r"``(.+?)``", r"`\1`", " ".join(text.split()))


def _summary(obj: griffe.Object) -> str:
    """The docstring's first paragraph, as one line."""
    return _text(_docstring(obj).strip().split("\n\n", 1)[0])


def _described(objects: Sequence[griffe.Object], kind: griffe.DocstringSectionKind) -> dict[str, str]:
    """Name -> description, from the first docstring of ``objects`` with a section of ``kind`` (Args, Attributes)."""
    for obj in objects:
        for section in obj.docstring.parse(_DOCSTRINGS) if obj.docstring is not None else ():
            if section.kind is kind:
                return {item.name: _text(item.description) for item in section.value}
    return {}


# -- signatures ---------------------------------------------------------------------------------------


def _type_variables(cls: griffe.Class) -> dict[str, str]:
    """The type variables of the generic bases of ``cls``, bound to what its bases give them.

    ``class SyncClientCore(_ClientCore[httpx.BaseTransport, ...])`` and ``class _ClientCore(Generic[_TransportT,
    ...])`` give ``{"_TransportT": "httpx.BaseTransport", ...}``: the reference shows the type a user passes.
    """
    bound: dict[str, str] = {}
    lineage = [cls, *cls.mro()]
    for klass in lineage:
        for base in klass.bases:
            if not isinstance(base, griffe.ExprSubscript) or str(base.left) == "Generic":
                continue
            generic = next((k for k in lineage if k.name == str(base.left).rpartition(".")[2]), None)
            declared = [
                b
                for b in (generic.bases if generic else ())
                if isinstance(b, griffe.ExprSubscript) and str(b.left) == "Generic"
            ]
            if declared:
                for name, value in zip(_elements(declared[0].slice), _elements(base.slice), strict=False):
                    bound.setdefault(name, value)
    return bound


def _elements(expression: str | griffe.Expr) -> list[str]:
    if isinstance(expression, griffe.ExprTuple):
        return [str(element) for element in expression.elements]
    return [str(expression)]


def _annotation(annotation: str | griffe.Expr | None, bound: Mapping[str, str]) -> str:
    """An annotation as a reader writes it: a quoted forward reference unquoted, type variables bound."""
    text = str(annotation) if annotation is not None else ""
    if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    for name, value in bound.items():
        text = re.sub(rf"\b{re.escape(name)}\b", value, text)
    return text


def _default(obj: griffe.Object, default: str | griffe.Expr) -> str:
    """A default as written, or, when it names a module constant made of literals (``DEFAULT_TIMEOUT``), its value."""
    text = str(default)
    module = obj.module
    if not text.isidentifier() or text not in module.members:
        return text
    try:
        constant = _target(module.members[text])
    except _UNRESOLVABLE:
        return text
    if not isinstance(constant, griffe.Attribute) or constant.value is None:
        return text
    literal = str(constant.value)
    allowed = (ast.Expression, ast.Constant, ast.BinOp, ast.UnaryOp, ast.operator, ast.unaryop)
    try:
        tree = ast.parse(literal, mode="eval")
    except SyntaxError:
        return text
    return literal if all(isinstance(node, allowed) for node in ast.walk(tree)) else text


def _parameters(function: griffe.Function, bound: Mapping[str, str], *, method: bool) -> list[str]:
    """Each parameter as written in a signature, with the ``*`` and ``/`` markers where Python needs them."""
    kinds = griffe.ParameterKind
    parameters = list(function.parameters)
    if method and parameters and parameters[0].name in {"self", "cls"}:
        parameters = parameters[1:]
    parts: list[str] = []
    starred = any(p.kind is kinds.var_positional for p in parameters)
    previous: griffe.ParameterKind | None = None
    for parameter in parameters:
        if previous is kinds.positional_only and parameter.kind is not kinds.positional_only:
            parts.append("/")
        if parameter.kind is kinds.keyword_only and previous is not kinds.keyword_only and not starred:
            parts.append("*")
        text = {kinds.var_positional: "*", kinds.var_keyword: "**"}.get(parameter.kind, "") + parameter.name
        annotation = _annotation(parameter.annotation, bound)
        if annotation:
            text += f": {annotation}"
        if parameter.default is not None and parameter.kind not in {kinds.var_positional, kinds.var_keyword}:
            default = _default(function, parameter.default)
            text += f" = {default}" if annotation else f"={default}"
        parts.append(text)
        previous = parameter.kind
    if previous is kinds.positional_only:
        parts.append("/")
    return parts


def _signature(function: griffe.Function, name: str, bound: Mapping[str, str], *, method: bool) -> dict[str, str]:
    """``def name(parameters) -> returns`` (``self``/``cls`` left out of a method's), and the return type alone."""
    parts = _parameters(function, bound, method=method)
    returns = _annotation(function.returns, bound)
    prefix = "async def " if "async" in function.labels else "def "
    arrow = f" -> {returns}" if returns else ""
    line = f"{prefix}{name}({', '.join(parts)}){arrow}"
    if len(line) > _WIDE and parts:
        line = prefix + name + "(\n" + "".join(f"    {part},\n" for part in parts) + f"){arrow}"
    return {"signature": line, "returns": returns}


# -- classes ------------------------------------------------------------------------------------------


def _class_default(member: griffe.Attribute) -> str:
    """The default of a class attribute: its value, or the ``default``/``factory`` of an ``attrs.field(...)``.

    An instance attribute (set in ``__init__``) has none: its value is the constructor's doing.
    """
    if "class-attribute" not in member.labels or member.value is None:
        return ""
    text = str(member.value)
    node = ast.parse(text, mode="eval").body
    if isinstance(node, ast.Call) and ast.unparse(node.func).rpartition(".")[2].lstrip("_").endswith("field"):
        keywords = {keyword.arg: ast.unparse(keyword.value) for keyword in node.keywords}
        if "default" in keywords:
            return _default(member, keywords["default"])
        return f"{keywords['factory']}()" if "factory" in keywords else ""
    return _default(member, text)


def _fields(cls: griffe.Class, bound: Mapping[str, str], *, inherited: bool = True) -> list[dict[str, str]]:
    """The public attributes, then the properties, of a class, with their type, default and description."""
    described = _described([cls, *cls.mro()], griffe.DocstringSectionKind.attributes)
    members = list(_members(cls, inherited=inherited))
    fields = [
        {
            "name": name,
            "type": _annotation(member.annotation, bound),
            "default": _class_default(member),
            "description": described.get(name) or _summary(member),
        }
        for name, member in members
        if isinstance(member, griffe.Attribute)
    ]
    fields += [
        {
            "name": name,
            "type": _annotation(member.returns, bound),
            "default": "",
            "description": described.get(name) or _summary(member),
        }
        for name, member in members
        if isinstance(member, griffe.Function) and _is_property(member)
    ]
    return fields


def _methods(cls: griffe.Class, bound: Mapping[str, str]) -> list[dict[str, str]]:
    """The public methods of a class, inherited ones included, in the order the class and its bases define them."""
    return [
        {"name": name, "summary": _summary(member), **_signature(member, name, bound, method=True)}
        for name, member in _members(cls)
        if isinstance(member, griffe.Function) and not _is_property(member)
    ]


def _constructor(cls: griffe.Class, bound: Mapping[str, str]) -> dict[str, Any]:
    """How the class is made: ``__init__``'s signature and what its arguments mean (from the docstrings' Args).

    A class without ``__init__`` (attrs makes it at import) is described by its fields instead.
    """
    try:
        init = _target(cls.all_members["__init__"]) if "__init__" in cls.all_members else None
    except _UNRESOLVABLE:
        init = None
    if not isinstance(init, griffe.Function):
        return {"signature": "", "arguments": []}
    parts = _parameters(init, bound, method=True)
    signature = f"{cls.name}({', '.join(parts)})"
    if len(signature) > _WIDE:
        signature = cls.name + "(\n" + "".join(f"    {part},\n" for part in parts) + ")"
    described = _described([init, cls, *cls.mro()], griffe.DocstringSectionKind.parameters)
    arguments = [{"name": p.name, "description": described[p.name]} for p in init.parameters if p.name in described]
    return {"signature": signature, "arguments": arguments}


def _entry(obj: griffe.Object) -> dict[str, Any]:
    """A public name as the reference shows it: its kind, how to call or make it, its members."""
    entry: dict[str, Any] = {"name": obj.name, "summary": _summary(obj), "kind": obj.kind.value, "signature": ""}
    entry.update(fields=[], methods=[], members=[], arguments=[])
    if isinstance(obj, griffe.Function):
        entry["signature"] = _signature(obj, obj.name, {}, method=False)["signature"]
    elif isinstance(obj, griffe.Class) and _is_enum(obj):
        entry["kind"] = "enum"
        entry["members"] = [
            name for name, member in _members(obj, inherited=False) if isinstance(member, griffe.Attribute)
        ]
    elif isinstance(obj, griffe.Class):
        bound = _type_variables(obj)
        entry.update(_constructor(obj, bound))
        entry["fields"] = _fields(obj, bound)
        entry["methods"] = _methods(obj, bound)
    elif isinstance(obj, griffe.Attribute):
        annotation = f": {obj.annotation}" if obj.annotation is not None else ""
        value = f" = {obj.value}" if obj.value is not None else ""
        entry["signature"] = f"{obj.name}{annotation}{value}"
    return entry


# -- sections -----------------------------------------------------------------------------------------


def _client(cls: griffe.Class, operations: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A client class: its constructor, then its methods: one per operation, the paging ones, the rest."""
    entry = _entry(cls)
    by_name = {method["name"]: method for method in entry["methods"]}
    ordered = []
    for op in operations:
        where = f"`{op['method']} {op['path']}` ({op['operation_id']})"
        ordered.append({**by_name.pop(op["name"]), "group": "operation", "where": where})
        paging = op["pagination"]
        if paging is not None:
            for method in (paging["items_method"], paging["pages_method"]):
                ordered.append({**by_name.pop(method), "group": "paging", "where": f"Pages of `{op['name']}`"})
    ordered += [{**method, "group": "other", "where": ""} for method in by_name.values()]
    entry["methods"] = ordered
    return entry


def _paging(op: Mapping[str, Any], clients: Sequence[griffe.Class]) -> dict[str, Any]:
    paging = op["pagination"]
    return {
        "operation": op["operation_id"],
        "method": op["name"],
        "items_method": paging["items_method"],
        "pages_method": paging["pages_method"],
        "item": paging["item"],
        "page": paging["page"],
        "size": paging["size"] or "",
        "clients": [cls.name for cls in clients],
    }


def _model(cls: griffe.Class, spec: Mapping[str, Any]) -> dict[str, Any]:
    """A model: its fields with their types and, for a schema of the spec, wire names and required-ness."""
    entry = _entry(cls)
    schemas = spec.get("components", {}).get("schemas", {})
    schema = next((s for n, s in schemas.items() if str(ClassName(n, "field_")) == cls.name), None)
    wire: dict[str, tuple[str, bool, str]] = {}
    if schema is not None:
        required = set(schema.get("required", []))
        for prop, definition in schema.get("properties", {}).items():
            description = _text(str(definition.get("description", "")))
            wire[str(PythonIdentifier(prop, "field_"))] = (prop, prop in required, description)
    for field in entry["fields"]:
        if _is_typed_dict(cls):  # a TypedDict's keys are its wire names
            field.update(wire=field["name"], required="NotRequired[" not in field["type"])
            continue
        prop, required_field, description = wire.get(field["name"], ("", False, ""))
        field.update(wire=prop, required=required_field, description=description or field["description"])
    return entry


def _error_tree(errors: Sequence[griffe.Class]) -> list[dict[str, Any]]:
    """The errors as a tree, depth first: each under the first of its bases that is one of ``errors``, with the
    other bases (``ValueError``...) and the attributes it adds."""
    names = {cls.name for cls in errors}
    parents: dict[str, str | None] = {}
    also: dict[str, list[str]] = {}
    for cls in errors:
        bases = [str(base) for base in cls.bases]
        inside = [base for base in bases if base.rpartition(".")[2] in names]
        parents[cls.name] = inside[0].rpartition(".")[2] if inside else None
        also[cls.name] = [base for base in bases if base not in inside[:1]]
    by_name = {cls.name: cls for cls in errors}
    found: list[dict[str, Any]] = []

    def visit(name: str, depth: int) -> None:
        cls = by_name[name]
        attributes = [field["name"] for field in _fields(cls, {}, inherited=False)]
        found.append(
            {"name": name, "depth": depth, "summary": _summary(cls), "also": also[name], "attributes": attributes}
        )
        for child in sorted(n for n, parent in parents.items() if parent == name):
            visit(child, depth + 1)

    for name in sorted(n for n, parent in parents.items() if parent is None):
        visit(name, 0)
    return found


def _endpoints(module: griffe.Object, package: str, op: Mapping[str, Any]) -> dict[str, Any]:
    """An operation's endpoint module: its public functions (what it imports is left out)."""
    functions = [
        {"name": name, "summary": _summary(member), **_signature(member, name, {}, method=False)}
        for name, member in module.members.items()
        if not name.startswith("_") and isinstance(member, griffe.Function)
    ]
    return {"module": f"{package}.{op['module']}", "operation": op["operation_id"], "functions": functions}


def _cli(program: Mapping[str, Any], operations: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The command line, each command with the operation it runs (by the command names ``layers`` gives)."""
    runs = {op["command"]: op["operation_id"] for op in operations}
    runs.update({view["command"]: op["operation_id"] for op in operations for view in op["views"]})
    commands = [{**command, "operation": runs.get(command["name"], "")} for command in program["commands"]]
    return {**program, "commands": commands}


# -- Markdown -----------------------------------------------------------------------------------------


def _cell(text: object) -> str:
    """Text for a Markdown table cell: one line, ``|`` escaped (GitHub splits cells on it even in code)."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation but ``-`` and ``_`` dropped, spaces as ``-``."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
