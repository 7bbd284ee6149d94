"""The documents that fields of the spec embed: every ``x-embedded-schema``, read and checked.

A text field marked ``x-embedded-schema: <path>`` (relative to the spec) carries a document that the
JSON Schema at ``<path>`` describes. Each schema gives the package its TypedDicts
(``_embedded/<module>.py``, by datamodel-code-generator) and its shapes (``_schema.EMBEDDED_SHAPES``),
both named from the schema's ``title``; no path is known to the generator beforehand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
from jsonschema.validators import validator_for  # type: ignore[import-untyped]

from generator.generator_error import GeneratorError

__all__ = ["FIELD_EXTENSIONS", "EmbeddedSchema", "embedded_schemas", "field_extensions"]

# The spec extensions that say what a field's text is, or which extension module shows or parses it.
FIELD_EXTENSIONS = ("x-embedded-schema", "x-view", "x-embedded-format")
_IDENTIFIER = re.compile(r"[A-Z][A-Za-z0-9]*")


@attrs.frozen
class EmbeddedSchema:
    """A JSON Schema that fields embed.

    Attributes:
        path: the schema file, relative to the repository root (``spec/plan.schema.json``).
        title: its ``title``, the name of its root model and of its shapes (``ExecutionPlan``).
        module: the module of its models below ``foas_client._embedded`` (``execution_plan``).
        schema: the parsed document.
        fields: the fields embedding it, as ``Schema.Field`` (``Job.PlanJson``).
    """

    path: Path
    title: str
    module: str
    schema: Mapping[str, Any] = attrs.field(eq=False, repr=False)
    fields: tuple[str, ...]

    @property
    def models(self) -> list[str]:
        """The TypedDicts its module defines: the root (the title), then each of its ``$defs``."""
        return [self.title, *self.schema.get("$defs", {})]


def field_extensions(spec: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """``("Schema.Field", property)`` for each property of a components schema that has one of
    ``FIELD_EXTENSIONS``, in the spec's order.

    Raises:
        GeneratorError: one of them is anywhere else (a nested schema, a parameter...), where nothing
            would read it: the message gives where.
    """
    schemas = spec.get("components", {}).get("schemas", {})
    allowed = set()
    for schema_name, schema in schemas.items():
        for field, prop in schema.get("properties", {}).items():
            if isinstance(prop, Mapping) and any(key in prop for key in FIELD_EXTENSIONS):
                allowed.add(id(prop))
                yield f"{schema_name}.{field}", prop
    misplaced = [where for where, node in _nodes(spec, "#") if id(node) not in allowed]
    if misplaced:
        raise GeneratorError(
            f"{', '.join(FIELD_EXTENSIONS)} are read on a property of a components schema only; found at "
            + ", ".join(misplaced)
        )


def _nodes(value: Any, where: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every mapping below ``value`` holding one of ``FIELD_EXTENSIONS``, with its JSON pointer."""
    if isinstance(value, Mapping):
        if any(key in value for key in FIELD_EXTENSIONS):
            yield where, value
        for key, child in value.items():
            yield from _nodes(child, f"{where}/{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _nodes(child, f"{where}/{index}")


def embedded_schemas(spec: Mapping[str, Any], spec_path: Path, root: Path) -> dict[str, EmbeddedSchema]:
    """Each JSON Schema that a field of ``spec`` (read from ``root/spec_path``) embeds, by title, in the
    order fields first name them.

    Raises:
        GeneratorError: a schema is missing, not JSON, not a valid JSON Schema, outside the repository,
            without a ``title`` that can name a class, or titled like another embedded schema or like
            a model of the spec (the message names the field and the path).
    """
    found: dict[Path, tuple[str, Mapping[str, Any], list[str]]] = {}
    for where, prop in field_extensions(spec):
        if "x-embedded-schema" not in prop:
            continue
        value = prop["x-embedded-schema"]
        path = _relative_path(where, value, (root / spec_path).parent, root)
        if path not in found:
            found[path] = (where, _load(where, value, root / path), [])
        found[path][2].append(where)
    by_title: dict[str, EmbeddedSchema] = {}
    models = set(spec.get("components", {}).get("schemas", {}))
    for path, (where, schema, fields) in found.items():
        title = schema.get("title")
        if not isinstance(title, str) or not _IDENTIFIER.fullmatch(title):
            raise GeneratorError(
                f"{where}: x-embedded-schema {path.as_posix()} needs a title that names a class "
                f"(its models and shapes are named from it), got {title!r}"
            )
        if title in by_title:
            other = by_title[title]
            raise GeneratorError(f"{other.path.as_posix()} and {path.as_posix()} are both titled {title!r}")
        clashes = sorted(models.intersection([title, *schema.get("$defs", {})]))
        if clashes:
            raise GeneratorError(
                f"{where}: x-embedded-schema {path.as_posix()} defines {', '.join(clashes)}, "
                "which the spec's components schemas define too"
            )
        module = "_".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", title)).lower()
        by_title[title] = EmbeddedSchema(path, title, module, schema, tuple(fields))
    return by_title


def _relative_path(where: str, value: Any, spec_dir: Path, root: Path) -> Path:
    if not isinstance(value, str) or not value:
        raise GeneratorError(f"{where}: x-embedded-schema must be a path relative to the spec, got {value!r}")
    path = (spec_dir / value).resolve()
    if not path.is_relative_to(root.resolve()):
        raise GeneratorError(f"{where}: x-embedded-schema {value!r} is outside the repository")
    return path.relative_to(root.resolve())


def _load(where: str, value: str, path: Path) -> Mapping[str, Any]:
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GeneratorError(f"{where}: x-embedded-schema {value!r} cannot be read as JSON: {exc}") from exc
    if not isinstance(schema, dict):
        raise GeneratorError(f"{where}: x-embedded-schema {value!r} is not a JSON Schema object")
    try:
        validator_for(schema).check_schema(schema)
    except Exception as exc:  # jsonschema raises SchemaError, and others for a broken $schema
        raise GeneratorError(f"{where}: x-embedded-schema {value!r} is not a valid JSON Schema: {exc}") from exc
    return schema
