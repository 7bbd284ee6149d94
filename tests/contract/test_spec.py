"""The spec, its examples and the generated package agree: valid documents, examples that fit their schemas,
headers and provenance on every generated file, a pinned public surface."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jsonschema
import openapi_spec_validator
import pytest
import yaml
from openapi_schema_validator import OAS30Validator
from openapi_schema_validator import validate as validate_oas30
from referencing import Registry
from referencing.jsonschema import DRAFT4

import foas_client
from foas_client import decode_body
from foas_client._provenance import TOOLS
from tests.contract.helpers import EXAMPLES_DIR, ROOT, SPEC_DIR
from tests.support.pages import page, required_fields

SPEC_URI = "urn:foas-client:spec"  # the spec registered as a resource, so its own "#/components/..." refs resolve
PLAN_SCHEMA = SPEC_DIR / "plan.schema.json"
PACKAGE = Path(foas_client.__file__).parent


def load_spec() -> dict[str, Any]:
    return yaml.safe_load((SPEC_DIR / "foas.openapi.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


SPEC = load_spec()
REGISTRY = Registry().with_resource(SPEC_URI, DRAFT4.create_resource(SPEC))  # OAS 3.0 schemas are draft-4 based


def media_examples(node: Any, where: str = "") -> Iterator[tuple[str, str, dict[str, Any], str]]:
    """(where, media type, schema, externalValue) for every external example under a ``content`` map."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "content" and isinstance(value, dict):
                for media_type, media in value.items():
                    for name, example in media.get("examples", {}).items():
                        if "externalValue" in example:
                            yield f"{where}/{media_type}/{name}", media_type, media["schema"], example["externalValue"]
            yield from media_examples(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from media_examples(value, f"{where}/{index}")


EXAMPLES = list(media_examples(SPEC))
EXAMPLE_IDS = [where for where, *_ in EXAMPLES]


def schema_name(schema: dict[str, Any]) -> str:
    prefix = "#/components/schemas/"
    assert schema["$ref"].startswith(prefix)
    return str(schema["$ref"][len(prefix) :])


def validate_against_spec(instance: Any, name: str) -> None:
    ref = {"$ref": f"{SPEC_URI}#/components/schemas/{name}"}
    validate_oas30(instance, ref, cls=OAS30Validator, registry=REGISTRY)


def decoded_example(media_type: str, schema: dict[str, Any], external: str) -> Any:
    body = (SPEC_DIR / external).read_bytes()
    if media_type == "application/json":
        return json.loads(body)
    return decode_body(body, media_type, schema_name(schema))


def test_spec_is_a_valid_openapi_document() -> None:
    openapi_spec_validator.validate(SPEC)
    assert SPEC["openapi"].startswith("3.0.")


def test_plan_schema_passes_its_metaschema() -> None:
    schema = json.loads(PLAN_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    assert validator is jsonschema.Draft202012Validator  # as its $schema says
    validator.check_schema(schema)


def count_keys(node: Any, key: str) -> int:
    """How many mappings under ``node`` have ``key``, wherever they are."""
    if isinstance(node, dict):
        return (key in node) + sum(count_keys(value, key) for value in node.values())
    if isinstance(node, list):
        return sum(count_keys(value, key) for value in node)
    return 0


def test_every_example_file_is_referenced_by_the_spec_and_exists() -> None:
    # Every externalValue of the spec is found (a file may serve several media types, e.g. both XML ones).
    assert len(EXAMPLES) == count_keys(SPEC, "externalValue") >= 5
    referenced = {(SPEC_DIR / external).resolve() for *_, external in EXAMPLES}
    assert all(path.is_file() for path in referenced)
    assert referenced == {path.resolve() for path in EXAMPLES_DIR.iterdir() if path.is_file()}


@pytest.mark.parametrize(("where", "media_type", "schema", "external"), EXAMPLES, ids=EXAMPLE_IDS)
def test_example_validates_against_its_media_type_schema(
    where: str, media_type: str, schema: dict[str, Any], external: str
) -> None:
    instance = decoded_example(media_type, schema, external)
    assert instance  # an empty document would fit every schema here
    validate_against_spec(instance, schema_name(schema))


def test_schema_validation_rejects_a_wrong_type() -> None:
    """A control for the test above: the registry really resolves the nested $refs."""
    with pytest.raises(jsonschema.ValidationError) as caught:
        validate_against_spec(page(Jobs={"Job": [{"CreateTime": "x"}]}), "GetRefPackageJobResponse")
    assert list(caught.value.absolute_path) == ["Jobs", "Job", 0, "CreateTime"]
    validate_against_spec(page(Jobs={"Job": [{"CreateTime": 1}]}), "GetRefPackageJobResponse")  # only the type


def test_schema_validation_rejects_a_page_without_a_required_field() -> None:
    for missing in required_fields():
        with pytest.raises(jsonschema.ValidationError) as caught:
            validate_against_spec(page({missing: ...}), "GetRefPackageJobResponse")
        assert caught.value.validator == "required" and missing in caught.value.message


def plan_documents() -> Iterator[tuple[str, Any]]:
    for where, media_type, schema, external in EXAMPLES:
        document = decoded_example(media_type, schema, external)
        for index, job in enumerate(document.get("Jobs", {}).get("Job", [])):
            yield f"{where}/Job[{index}]", json.loads(job["PlanJson"])


def test_every_documented_plan_json_fits_the_plan_schema() -> None:
    embedded = SPEC["components"]["schemas"]["Job"]["properties"]["PlanJson"]["x-embedded-schema"]
    assert (SPEC_DIR / embedded).resolve() == PLAN_SCHEMA.resolve()
    schema = json.loads(PLAN_SCHEMA.read_text(encoding="utf-8"))
    plans = list(plan_documents())
    pages = [where for where, _, schema, _ in EXAMPLES if schema_name(schema) == "GetRefPackageJobResponse"]
    assert len(plans) == len(pages) >= 3  # JSON, XML fragment, rooted XML (under each XML type): one job each
    validator = jsonschema.Draft202012Validator(schema)
    for where, plan in plans:
        assert [error.message for error in validator.iter_errors(plan)] == [], where
    assert list(validator.iter_errors({"nodes": [{"id": "1"}]}))  # control: the schema is not vacuous


# Every file but the data files, which cannot hold a comment: the empty py.typed marker and openapi.json
# (the bundled spec; tests/contract/test_bundled_spec.py checks it against its sources instead).
GENERATED_FILES = sorted(
    path
    for path in PACKAGE.rglob("*")
    if path.is_file() and "__pycache__" not in path.parts and path.name not in {"py.typed", "openapi.json"}
)
HEADER = re.compile(r"# (Generated|Copied) from (?P<source>.+?) by generator/ \(`make generate`\)\. Do not edit")


def test_the_package_under_test_is_the_generated_one() -> None:
    assert PACKAGE == ROOT / "generated" / "foas_client"
    assert len(GENERATED_FILES) > 20


def test_the_core_under_test_is_its_source_not_a_copy() -> None:
    """An edit to generator/runtime/ is tested at once, with or without `make generate`."""
    from foas_client._core import errors

    assert (PACKAGE / "_core").is_symlink()
    assert Path(errors.__file__).resolve() == ROOT / "generator" / "runtime" / "errors.py"


def test_the_package_root_shows_the_public_surface_and_the_generated_layers() -> None:
    """At most 15 modules at the root; every hand-written module is in the core's subpackages."""
    modules = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(modules) <= 15, modules
    assert not [path for path in GENERATED_FILES if path.parent == PACKAGE and "Copied" in path.read_text()[:80]]


@pytest.mark.parametrize("path", GENERATED_FILES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_every_generated_file_has_its_one_line_header(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
    match = HEADER.match(first_line)
    assert match, first_line
    if match.group(1) == "Copied":
        assert (ROOT / match.group("source")).is_file()


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8").splitlines():
        name, sep, pinned = line.partition("==")
        if sep and not line.lstrip().startswith("#"):
            found[name.strip()] = pinned.strip()
    return found


def test_provenance_tools_are_the_installed_exact_pins() -> None:
    assert set(TOOLS) == {"openapi-python-client", "datamodel-code-generator", "ruff"}
    installed = {tool: version(tool) for tool in TOOLS}
    pinned = {tool: pins()[tool] for tool in TOOLS}
    assert TOOLS == installed == pinned


# The hand-written public names (the core's), next to the models generated from the spec and the plan schema.
CORE_PUBLIC = [
    "Acs3Signer",
    "ApiError",
    "AsyncCredentialsProvider",
    "AsyncFoasClient",
    "AuthError",
    "Client",
    "Credentials",
    "CredentialsProvider",
    "DecodeError",
    "FoasClient",
    "FoasError",
    "NotFoundError",
    "OfficialChainProvider",
    "PaginationError",
    "RawResponse",
    "ResponseFormat",
    "RetryPolicy",
    "RoaSigner",
    "ServerError",
    "SignatureVersion",
    "ThrottlingError",
    "TransportError",
    "__version__",
    "decode_body",
    "parse_plan",
    "parse_properties",
]


def plan_models() -> list[str]:
    """The models of the embedded plan document: its title and its definitions."""
    plan = json.loads(PLAN_SCHEMA.read_text(encoding="utf-8"))
    return [plan["title"], *plan.get("$defs", {})]


def sweep_results() -> list[str]:
    """The result class of each x-sweep: ``<the subjects' item schema>References`` (``PackageReferences``)."""
    found = []
    for path_item in SPEC["paths"].values():
        for operation in path_item.values():
            if "x-sweep" in operation:
                listing = operation["x-sweep"]["subjects"]["operation"]
                subjects = next(
                    o for item in SPEC["paths"].values() for o in item.values() if o["operationId"] == listing
                )
                items = subjects["x-pagination"]["items"]
                schema = SPEC["components"]["schemas"][
                    subjects["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rpartition("/")[2]
                ]
                for field in items[:-1]:
                    schema = SPEC["components"]["schemas"][schema["properties"][field]["$ref"].rpartition("/")[2]]
                found.append(schema["properties"][items[-1]]["items"]["$ref"].rpartition("/")[2] + "References")
    return found


PUBLIC = sorted([*CORE_PUBLIC, *SPEC["components"]["schemas"], *plan_models(), *sweep_results()])


def test_public_surface_is_pinned_and_sorted() -> None:
    assert foas_client.__all__ == PUBLIC  # the core's names and a model per schema, nothing else
    assert foas_client.__all__ == sorted(foas_client.__all__)
    assert all(hasattr(foas_client, name) for name in foas_client.__all__)
