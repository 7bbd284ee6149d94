"""The package's ``openapi.json``: the spec bundled with its examples inline, readable from the installed package.

Other tools (Prism for ``make mock``, another language's generator, a reader with only the standard
library) read one self-contained document; these tests hold it to the spec and to ``spec/examples``.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import openapi_spec_validator
import yaml

from generator.bundle import bundled, render
from tests.contract.helpers import EXAMPLES_DIR, SPEC_DIR

SPEC_FILE = SPEC_DIR / "foas.openapi.yaml"


def packaged() -> dict[str, Any]:
    """The bundled document as the installed package holds it (through importlib.resources, as a user reads it)."""
    document: dict[str, Any] = json.loads((files("foas_client") / "openapi.json").read_text(encoding="utf-8"))
    return document


def examples_of(node: Any, media: str = "") -> list[tuple[str, str, dict[str, Any]]]:
    """Every ``(media type, name, example)`` under ``node``."""
    found: list[tuple[str, str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for name, example in (node.get("examples") or {}).items():
            found.append((media, name, example))
        for key, value in node.items():
            found += examples_of(value, key if "/" in key else media)
    elif isinstance(node, list):
        for item in node:
            found += examples_of(item, media)
    return found


def external_files(node: Any, media: str = "") -> list[tuple[str, str, str]]:
    """Every ``(media type, name, externalValue)`` of the spec as committed, in the same order as ``examples_of``."""
    return [(m, name, example["externalValue"]) for m, name, example in examples_of(node, media)]


def test_it_is_a_valid_openapi_3_0_document() -> None:
    document = packaged()
    assert document["openapi"].startswith("3.0.")
    openapi_spec_validator.validate(document, cls=openapi_spec_validator.OpenAPIV30SpecValidator)


def test_it_is_the_spec_with_only_the_examples_changed() -> None:
    spec = yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))
    document = packaged()
    assert render(document) == render(bundled(spec, SPEC_DIR))  # what make generate writes, byte for byte
    for _, _, example in examples_of(spec):
        example.pop("externalValue")
    for _, _, example in examples_of(document):
        assert set(example) <= {"summary", "description", "value"}  # no externalValue left
        example.pop("value")
    assert document == spec


def test_each_example_is_its_file_byte_for_byte() -> None:
    spec = yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))
    committed = external_files(spec)
    inline = examples_of(packaged())
    assert [(media, name) for media, name, _ in inline] == [(media, name) for media, name, _ in committed]
    assert len(committed) >= 5 and {"application/json", "application/xml"} <= {media for media, _, _ in committed}
    for (media, name, reference), (_, _, example) in zip(committed, inline, strict=True):
        data = (SPEC_DIR / reference).read_bytes()
        assert (SPEC_DIR / reference).resolve().parent == EXAMPLES_DIR.resolve()
        if reference.endswith(".json"):
            assert example["value"] == json.loads(data), (media, name)
        else:
            # XML examples are strings, the file's text exactly (declaration, CR LF and all).
            assert isinstance(example["value"], str)
            assert example["value"].encode("utf-8") == data, (media, name)
