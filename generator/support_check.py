"""Refuses, before any tool runs, what the spec asks for and the pipeline cannot carry out.

openapi-python-client accepts more of OpenAPI than the templates, ``_schema.py`` and the runtime
handle; without this check such a construct is dropped silently or yields a package that does not
work (a ``requestBody``, for one, became ``def _get_kwargs(project_name, *, )``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from openapi_python_client.strings import PythonIdentifier

from generator import lifecycle
from generator.generator_error import GeneratorError
from generator.operations import METHODS, SCHEMA_REF
from generator.shape_builder import SCALARS, is_object_schema

# The keys of a path item that are operations (OpenAPI 3.0), as openapi-python-client reads them.
PARAMETER_LOCATIONS = ("path", "query", "header")
_RESPONSES = "#/components/responses/"


def check_supported(spec: Mapping[str, Any]) -> None:
    """Returns when every operation of ``spec`` (a valid OpenAPI 3.0 document) is one the pipeline supports.

    Supported: an ``operationId`` whose snake_case name no other operation shares; parameters
    declared on the operation, in path, query or header, each with a ``schema`` of type string,
    integer, number or boolean; no ``requestBody``; ``x-pagination`` of style ``page-number``; every
    2xx response with content, each media type's schema a ``$ref`` to an object schema under
    ``components/schemas``; ``x-guard`` and ``x-sweep`` as ``generator.lifecycle`` describes them.

    Raises:
        GeneratorError: one line per construct that is not supported, each naming the operation
            (its operationId, method and path) and the construct.
    """
    problems = list(_problems(spec))
    if problems:
        raise GeneratorError("\n".join(problems))


def _problems(spec: Mapping[str, Any]) -> Iterator[str]:
    python_names: dict[str, str] = {}
    for path, path_item in spec.get("paths", {}).items():
        if "parameters" in path_item:
            yield f"path {path}: parameters on the path item are not supported; declare them on each operation"
        for method in METHODS:
            if method not in path_item:
                continue
            operation = path_item[method]
            operation_id = operation.get("operationId")
            where = f"{method.upper()} {path}"
            if operation_id is None:
                yield f"operation {where}: no operationId (it names the endpoint function and is sent as x-acs-action)"
                continue
            where = f"operation {operation_id} ({where})"
            python_name = str(PythonIdentifier(operation_id, "field_"))
            if python_name in python_names:
                yield (
                    f"{where}: its Python name {python_name!r} is also that of operation "
                    f"{python_names[python_name]}; rename one operationId"
                )
            python_names.setdefault(python_name, operation_id)
            if "requestBody" in operation:
                yield f"{where}: a requestBody is not supported (the endpoint functions send no body)"
            for parameter in operation.get("parameters", []):
                yield from _parameter_problems(where, parameter)
            style = operation.get("x-pagination", {}).get("style", "page-number")
            if style != "page-number":
                yield f"{where}: x-pagination style {style!r} is not supported (only page-number)"
            for status, response in operation.get("responses", {}).items():
                if str(status).startswith("2"):
                    yield from _success_problems(where, str(status), response, spec)
    yield from lifecycle.problems(spec)  # x-guard and x-sweep


def _parameter_problems(where: str, parameter: Mapping[str, Any]) -> Iterator[str]:
    if "$ref" in parameter:
        yield f"{where}: parameter {parameter['$ref']!r}: $ref parameters are not supported; declare it inline"
        return
    name = parameter["name"]
    if parameter["in"] not in PARAMETER_LOCATIONS:
        yield (
            f"{where}: parameter {name!r} is in {parameter['in']}; only parameters in "
            f"{', '.join(PARAMETER_LOCATIONS[:-1])} or {PARAMETER_LOCATIONS[-1]} are supported"
        )
    kind = parameter.get("schema", {}).get("type")
    if kind not in SCALARS:
        found = f"schema type {kind!r}" if kind is not None else "no schema type"
        kinds = sorted(SCALARS)
        yield (
            f"{where}: parameter {name!r} has {found}; only parameters of type "
            f"{', '.join(kinds[:-1])} or {kinds[-1]} are supported"
        )


def _success_problems(where: str, status: str, response: Mapping[str, Any], spec: Mapping[str, Any]) -> Iterator[str]:
    if "$ref" in response:
        response = spec.get("components", {}).get("responses", {}).get(response["$ref"].removeprefix(_RESPONSES), {})
    content = response.get("content", {})
    if not content:
        yield f"{where}: response {status} has no content; a 2xx response must be a $ref'd object schema"
    schemas = spec.get("components", {}).get("schemas", {})
    for media, media_type in content.items():
        schema = media_type.get("schema", {})
        ref = str(schema.get("$ref", ""))
        target = schemas.get(ref[len(SCHEMA_REF) :]) if ref.startswith(SCHEMA_REF) else None
        if not (schema.keys() == {"$ref"} and target is not None and is_object_schema(target)):
            yield (
                f"{where}: response {status} {media}: the schema must be a $ref to an object schema "
                f"under {SCHEMA_REF}, got {schema!r}"
            )
