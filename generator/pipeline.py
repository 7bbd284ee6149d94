"""The generation pipeline: spec/ + generator/ → one ``foas_client`` package, byte for byte reproducible.

Steps: validate the spec and each JSON Schema a field embeds (``x-embedded-schema``), and bind each
field's extension (``x-view``, ``x-embedded-format``); openapi-python-client with our templates;
datamodel-code-generator for each embedded document's TypedDicts; shapes and pagination derived from
the spec; the hand-written core linked in (``_core``, a relative symlink to ``generator/runtime/``:
one copy of its source, so a test never runs a stale copy and a core edit is one file in a diff; the
wheel and the sdist store its files), and the extensions beside it (``_extensions``, to
``generator/extensions/``, alike); the spec bundled as package data (``openapi.json``, its examples inline);
a header on every module; a provenance record; ruff; an import check of the new package in a fresh
interpreter; the API reference (``api.md``) read from the new package; the swap into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Iterator, Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml
from openapi_spec_validator import validate as validate_openapi

from generator import lifecycle
from generator.api_reference import REFERENCE, api_reference
from generator.bundle import bundled, render
from generator.cli_reference import READ_COMMAND_LINE, command_line
from generator.embedded import EmbeddedSchema, embedded_schemas
from generator.example_files import examples
from generator.extension_index import Binding, bindings, extensions
from generator.generator_error import GeneratorError, last_lines
from generator.import_check import ImportCheck
from generator.layers import render_layers
from generator.model_spec import model_spec
from generator.name_check import check_names
from generator.operations import operation_ids, operations
from generator.servers import server_defaults, server_endpoints
from generator.shape_builder import api_shapes, embedded_shapes
from generator.support_check import check_supported
from generator.templating import environment

ROOT = Path(__file__).resolve().parent.parent
SPEC = Path("spec/foas.openapi.yaml")
CONFIG = Path("generator/config.yaml")
TEMPLATES = Path("generator/templates")
RUNTIME = Path("generator/runtime")
CORE = "_core"  # the package's name for RUNTIME: a symlink, which the wheel and the sdist store as files
EXTENSIONS = Path("generator/extensions")
EXTENSIONS_LINK = "_extensions"  # the package's name for EXTENSIONS, linked as the core is
EMBEDDED = "_embedded"  # the subpackage of the embedded documents' models, a module per schema
RUFF_CONFIG = Path("generator/ruff-generated.toml")
PACKAGE = "foas_client"
BUNDLED_SPEC = "openapi.json"  # the spec with its examples inline, shipped as package data
TOOLS = ("openapi-python-client", "datamodel-code-generator", "ruff")

HEADER = "# Generated from {source} by generator/ (`make generate`). Do not edit: edit the source and regenerate.\n"
REFERENCE_HEADER = (
    f"<!-- Generated from {SPEC} and the docstrings of {PACKAGE} by generator/ (`make generate`), with "
    f"{TEMPLATES / REFERENCE}.jinja. Do not edit: edit the sources and regenerate. -->"
)


def generate(root: Path = ROOT, output: Path | None = None) -> Path:
    """Writes the package to ``output/foas_client`` and its API reference to ``output/api.md`` (default
    ``output``: ``root/generated``) and returns the package's path.

    The package is built in a staging directory next to its destination, checked (every module
    compiles and imports in a fresh interpreter), its reference read from it, and only then are both
    swapped in, so a failure leaves the previous package and reference untouched.

    Raises:
        GeneratorError: the spec is invalid or uses a construct the pipeline does not support, a
            tool failed, or the new package does not import; the message names the step (or the
            operation and the construct) and the cause.
    """
    output = (output or root / "generated").resolve()
    spec = _load_spec(root)
    check_supported(spec)  # before any tool runs: what it cannot carry out, it would drop or break silently
    embedded = embedded_schemas(spec, SPEC, root)
    with _step(f"reading {EXTENSIONS}"):
        available = extensions(root / EXTENSIONS)
    bound = bindings(spec, available, embedded)  # a field's x-view or x-embedded-format names its extension
    with _step(f"rendering {TEMPLATES / 'layers'} to check its names"):  # its context may refuse the spec
        # one definition would replace another
        check_names(spec, root / TEMPLATES / "layers", root / RUNTIME, bound)
    staging = output / f".{PACKAGE}.staging"
    package = staging / PACKAGE  # under its own name, so that the import check can import it
    shutil.rmtree(staging, ignore_errors=True)
    output.mkdir(parents=True, exist_ok=True)
    try:
        # The import check's interpreter starts now and prepares while the package is written; once the
        # package imports, the same interpreter reads its command line, for the reference.
        with ImportCheck(root / RUNTIME, staging, PACKAGE, then=READ_COMMAND_LINE) as import_check:
            _write_package(root, spec, embedded, bound, package)
            _format(root, package)
            program = command_line(import_check.run(), PACKAGE)
        with _step(f"writing {REFERENCE}"):
            reference = api_reference(spec, staging, PACKAGE, program, root / TEMPLATES, REFERENCE_HEADER)
            (staging / REFERENCE).write_text(reference, encoding="utf-8")
        target = output / PACKAGE
        shutil.rmtree(target, ignore_errors=True)
        package.rename(target)
        _link_core(root, target)  # relative to where the package now is, one level up from staging
        (staging / REFERENCE).replace(output / REFERENCE)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return output / PACKAGE


def _write_package(
    root: Path, spec: Mapping[str, Any], embedded: Mapping[str, EmbeddedSchema], bound: list[Binding], package: Path
) -> None:
    """Writes every file of the package into ``package``, unformatted."""
    with _step("openapi-python-client"):
        _run_openapi_python_client(root, spec, package, _exports(spec, embedded, bound))
    (package / EMBEDDED).mkdir()
    _write(package / EMBEDDED / "__init__.py", _embedded_init(embedded), SPEC)
    for document in embedded.values():
        with _step(f"datamodel-code-generator on {document.path}"):
            _write(package / EMBEDDED / f"{document.module}.py", _embedded_models(root, document), document.path)
    sources = " and ".join([str(SPEC), *(document.path.as_posix() for document in embedded.values())])
    with _step(f"deriving {PACKAGE}/_schema.py"):
        _write(package / "_schema.py", _schema_module(root, spec, embedded), sources)
    with _step(f"deriving {PACKAGE}/_examples.py"):
        _write(package / "_examples.py", _examples_module(spec, root), f"{SPEC} and its examples")
    with _step(f"bundling {SPEC} into {PACKAGE}/{BUNDLED_SPEC}"):
        # Package data, not a module: no header (JSON has no comments); its source is the spec itself.
        text = render(bundled(spec, (root / SPEC).parent))
        (package / BUNDLED_SPEC).write_text(text, encoding="utf-8")
    with _step(f"rendering {TEMPLATES / 'layers'}"):
        for name, source in render_layers(spec, root / TEMPLATES / "layers", bound).items():
            _write(package / name, source, f"{SPEC} and {TEMPLATES / 'layers' / name}.jinja")
    with _step(f"linking {RUNTIME} as {PACKAGE}/{CORE} and {EXTENSIONS} as {PACKAGE}/{EXTENSIONS_LINK}"):
        _check_syntax(root / RUNTIME, RUNTIME.as_posix())
        _check_syntax(root / EXTENSIONS, EXTENSIONS.as_posix())
        _link_core(root, package)
        (package / "py.typed").write_text("", encoding="utf-8")
    with _step(f"recording {PACKAGE}/_provenance.py"):
        _write(package / "_provenance.py", _provenance(root, embedded), "the inputs listed below")


@contextlib.contextmanager
def _step(name: str) -> Iterator[None]:
    """Turns any exception but a ``GeneratorError`` raised in the block into one that names ``name``.

    The tools raise their own classes, some with an empty message: the user still learns which step
    failed and with what.
    """
    try:
        yield
    except GeneratorError:
        raise
    except Exception as exc:
        raise GeneratorError(f"{name} failed: {_describe(exc)}") from exc


def _describe(exc: BaseException) -> str:
    text = last_lines(str(exc))
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _load_spec(root: Path) -> dict[str, Any]:
    with _step(f"reading {SPEC}"):
        spec = yaml.safe_load((root / SPEC).read_text(encoding="utf-8"))
    try:
        validate_openapi(spec)
    except Exception as exc:  # the validator raises several unrelated classes
        raise GeneratorError(f"{SPEC} is not a valid OpenAPI document: {exc}") from exc
    return spec  # type: ignore[no-any-return]


def _run_openapi_python_client(
    root: Path, spec: Mapping[str, Any], staging: Path, exports: list[tuple[str, list[str]]]
) -> None:
    """openapi-python-client's models, endpoint modules and package ``__init__`` (whose template also
    reads ``exports``, the names re-exported from the extensions and the embedded documents' models)."""
    from openapi_python_client import Project
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData

    with tempfile.TemporaryDirectory() as scratch:
        document = Path(scratch) / SPEC.with_suffix(".json").name
        document.write_text(json.dumps(model_spec(spec), ensure_ascii=False), encoding="utf-8")
        config = Config.from_sources(
            ConfigFile.load_from_path(root / CONFIG),
            MetaType.NONE,
            document,
            "utf-8",
            overwrite=True,
            output_path=staging,
        )
        # What openapi_python_client.generate does, with one more name for the templates: the project
        # is made from the document as generate() would read it (JSON), then given ``exports``.
        openapi = GeneratorData.from_dict(json.loads(document.read_text(encoding="utf-8")), config=config)
        if not isinstance(openapi, GeneratorData):
            raise GeneratorError(f"openapi-python-client: {openapi.header}: {openapi.detail}")
        project = Project(openapi=openapi, config=config, custom_template_path=root / TEMPLATES)
        project.env.globals["exports"] = exports
        problems = project.build()
    if problems:  # warnings included: a skipped piece of the spec is a broken client
        details = "; ".join(f"{p.header}: {p.detail}" for p in problems)
        raise GeneratorError(f"openapi-python-client: {details}")
    for path in sorted(staging.rglob("*.py")):
        _write(path, path.read_text(encoding="utf-8"), SPEC)


def _exports(
    spec: Mapping[str, Any], embedded: Mapping[str, EmbeddedSchema], bound: list[Binding]
) -> list[tuple[str, list[str]]]:
    """(module relative to the package, its names) for each module the package re-exports names of, on
    first use: each bound extension's ``__all__``, each embedded document's models, the sweeps' results."""
    found: dict[str, list[str]] = {}
    if results := lifecycle.result_classes(spec):
        found["._lifecycle"] = results
    for binding in bound:
        found.setdefault(f".{EXTENSIONS_LINK}.{binding.extension.module}", list(binding.extension.public))
    for document in embedded.values():
        found[f".{EMBEDDED}.{document.module}"] = document.models
    return list(found.items())


def _embedded_init(embedded: Mapping[str, EmbeddedSchema]) -> str:
    lines = ['"""The documents that fields embed (``x-embedded-schema``): a module of TypedDicts per JSON Schema.\n']
    for document in embedded.values():
        lines.append(f"- ``{document.module}``: {document.path.as_posix()}, for {', '.join(document.fields)}")
    return "\n".join(lines) + '\n"""\n'


def _embedded_models(root: Path, document: EmbeddedSchema) -> str:
    from datamodel_code_generator import PythonVersion
    from datamodel_code_generator import generate as dmcg_generate
    from datamodel_code_generator.enums import DataModelType, InputFileType

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # about its default formatters; ruff formats below
        source = dmcg_generate(
            root / document.path,
            input_file_type=InputFileType.JsonSchema,
            output_model_type=DataModelType.TypingTypedDict,
            target_python_version=PythonVersion.PY_310,
            disable_timestamp=True,  # a timestamp alone would break the drift check
            use_standard_collections=True,
            use_union_operator=True,
            use_schema_description=True,
            use_field_description=True,
            formatters=[],
        )
    if not isinstance(source, str):
        raise GeneratorError(f"datamodel-code-generator produced no single module for {document.path}")
    return source


def _schema_module(root: Path, spec: Mapping[str, Any], embedded: Mapping[str, EmbeddedSchema]) -> str:
    documents = [
        {
            "title": document.title,
            "fields": document.fields,
            "constant": f"{document.module.upper()}_SHAPES",
            "shapes": embedded_shapes(document.schema),
        }
        for document in embedded.values()
    ]
    return _data_module(
        root,
        "_schema.py",
        shapes=api_shapes(spec),
        documents=documents,
        api_version=spec["info"]["version"],
        operations=operations(spec),
        operation_ids=operation_ids(spec),
        server_url=spec["servers"][0]["url"],
        server_defaults=server_defaults(spec),
        server_endpoints=server_endpoints(spec),
    )


def _data_module(root: Path, name: str, **context: Any) -> str:
    """The data module ``name`` (``_examples.py``...), rendered from ``templates/data/<name>.jinja``."""
    return environment(root / TEMPLATES / "data").get_template(f"{name}.jinja").render(context)


def _examples_module(spec: Mapping[str, Any], root: Path) -> str:
    return _data_module(root, "_examples.py", examples=examples(spec, (root / SPEC).parent))


def _provenance(root: Path, embedded: Mapping[str, EmbeddedSchema]) -> str:
    documents = [document.path for document in embedded.values()]
    paths = (SPEC, *documents, CONFIG, RUFF_CONFIG, TEMPLATES, RUNTIME, EXTENSIONS)
    inputs = {str(path): _digest(root / path) for path in paths}
    inputs["generator/*.py"] = _digest_files(sorted((root / "generator").glob("*.py")), root / "generator")
    tools = {tool: version(tool) for tool in TOOLS}
    return _data_module(root, "_provenance.py", inputs=dict(sorted(inputs.items())), tools=dict(sorted(tools.items())))


def _digest(path: Path) -> str:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        return _digest_files(files, path)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _digest_files(paths: list[Path], base: Path) -> str:
    """One digest of the files' paths (relative to ``base``, so a module moved counts) and contents."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _write(path: Path, text: str, source: Path | str) -> None:
    path.write_text(HEADER.format(source=source) + text, encoding="utf-8")


def _link_core(root: Path, package: Path) -> None:
    """Makes ``package/_core`` a relative symlink to ``root/generator/runtime``, and ``package/_extensions``
    one to ``root/generator/extensions`` (replacing any there)."""
    for name, sources in ((CORE, RUNTIME), (EXTENSIONS_LINK, EXTENSIONS)):
        link = package / name
        if link.is_symlink() or link.is_file():
            link.unlink()
        link.symlink_to(os.path.relpath(root / sources, package), target_is_directory=True)


def _check_syntax(directory: Path, shown_as: str) -> None:
    """Raises ``GeneratorError`` naming the file and line of the first module that is not valid Python.

    ``shown_as`` is how the message names ``directory`` (``generated foas_client``, ``generator/runtime``).
    Run on the package when ruff fails (a parse error is the usual cause, from a template), to say it
    in Python's words; not before, as ruff parses every generated file anyway. Run on the core always:
    neither ruff nor the walk of the package goes through its symlink.
    """
    for path in sorted(directory.rglob("*.py")):
        try:
            compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
        except SyntaxError as exc:
            where = f"{shown_as}/{path.relative_to(directory).as_posix()}:{exc.lineno}"
            line = f": {exc.text.strip()}" if exc.text and exc.text.strip() else ""
            raise GeneratorError(f"{where} is not valid Python ({exc.msg}){line}") from exc


def _format(root: Path, package: Path) -> None:
    """Runs ruff's fixes, then ruff format, on ``package``; raises ``GeneratorError`` quoting ruff if it fails."""
    with _step("finding ruff"):
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

        ruff = str(find_ruff_bin())
    config = str(root / RUFF_CONFIG)
    for args in (["check", "--fix-only", "--exit-zero"], ["format"]):
        with _step(f"ruff {args[0]}"):
            result = subprocess.run(
                [ruff, *args, "--config", config, "--no-cache", str(package)], capture_output=True, text=True
            )
        if result.returncode != 0:  # ruff reports on stdout or stderr, depending on the failure
            _check_syntax(package, f"generated {PACKAGE}")
            output = last_lines(f"{result.stdout}\n{result.stderr}") or "no output"
            raise GeneratorError(f"ruff {args[0]} failed (exit {result.returncode}) on {package}: {output}")
