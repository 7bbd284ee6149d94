"""The documents fields embed, and the extensions that show or parse them, are chosen by the spec alone.

A second embedded schema (``x-embedded-schema: ./metrics.schema.json``) gets its models and shapes,
named from its title, with no edit to the generator; a second view in ``generator/extensions/``
(``SELECTED_BY = ("x-view", "metrics")``) is bound to the field whose ``x-view`` names it: its command,
its samples in the fake and its public names follow. A value no extension has stops generation.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.regeneration.helpers import PACKAGE, PYTHON, assert_generation_stops, edit_spec, generate

METRICS_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "JobMetrics",
    "type": "object",
    "properties": {"samples": {"type": "array", "items": {"$ref": "#/$defs/MetricSample"}}},
    "required": ["samples"],
    "$defs": {
        "MetricSample": {
            "title": "MetricSample",
            "type": "object",
            "properties": {"name": {"type": "string"}, "value": {"type": "number"}},
            "required": ["name", "value"],
        }
    },
}

METRICS_VIEW = '''"""A view of a job's metrics document: one line per sample."""

from __future__ import annotations

import json
import random

from .._core.decoding.validate import validate
from .._schema import EMBEDDED_SHAPES

__all__ = ["parse_metrics"]

SELECTED_BY = ("x-view", "metrics")
DOCUMENT = "JobMetrics"
FORMATS = ("lines",)


def parse_metrics(text: str) -> dict[str, object]:
    return validate(json.loads(text), DOCUMENT, EMBEDDED_SHAPES[DOCUMENT])


def render(text: str, view_format: str) -> str:
    return "".join(f"{s['name']}={s['value']}\\n" for s in parse_metrics(text)["samples"])  # type: ignore[union-attr]


def sample(rng: random.Random) -> str:
    return json.dumps({"samples": [{"name": "records-in", "value": rng.randint(1, 9)}]})
'''

PROBE = r"""
import json, random, sys
import foas_client
from foas_client import _schema
from foas_client._cli import PROGRAM
from foas_client.testing import make_jobs

job = make_jobs(1, project_name="p", package_name="a.jar", seed=1)[0]
views = [view for command in PROGRAM.commands for view in command.views]
print(json.dumps({
    "file": foas_client.__file__,
    "shapes": sorted(_schema.EMBEDDED_SHAPES),
    "public": sorted({"JobMetrics", "MetricSample", "parse_metrics", "parse_plan"} & set(foas_client.__all__)),
    "metrics": foas_client.parse_metrics(job.metrics_json),
    "model": foas_client.MetricSample.__module__,
    "views": {v.command: list(v.formats) for v in views},
    "rendered": [v.render(job.metrics_json, "lines") for v in views if v.command == "metrics"],
}))
"""


def embed_metrics(spec: dict[str, Any], view: str = "metrics") -> None:
    spec["components"]["schemas"]["Job"]["properties"]["MetricsJson"] = {
        "type": "string",
        "description": "The job's metrics, a JSON document.",
        "x-embedded-schema": "./metrics.schema.json",
        "x-view": view,
        "x-view-command": "metrics",
    }


def add_metrics(root: Path, view: str = "metrics") -> None:
    """The metrics schema, a field embedding it shown by ``view``, and the metrics view if ``view`` is it."""
    (root / "spec" / "metrics.schema.json").write_text(json.dumps(METRICS_SCHEMA), encoding="utf-8")
    if view == "metrics":
        (root / "generator" / "extensions" / "metrics.py").write_text(METRICS_VIEW, encoding="utf-8")
    edit_spec(root, lambda spec: embed_metrics(spec, view))


def test_a_second_embedded_schema_and_view_are_bound_from_the_spec(root: Path) -> None:
    add_metrics(root)
    package = generate(root)
    assert (package / "_embedded" / "job_metrics.py").is_file()
    assert "JobMetrics" in (package / "_schema.py").read_text(encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(package.parent)}
    result = subprocess.run(
        [PYTHON, "-c", PROBE], cwd=package.parent, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["file"].startswith(str(package))
    assert found["shapes"] == ["ExecutionPlan", "JobMetrics"]
    assert found["public"] == ["JobMetrics", "MetricSample", "parse_metrics", "parse_plan"]
    assert found["metrics"]["samples"][0]["name"] == "records-in"  # the fake filled the field with the sample
    assert found["model"] == "foas_client._embedded.job_metrics"
    assert found["views"] == {"plan": ["text", "mermaid", "dot"], "metrics": ["lines"]}
    assert found["rendered"][0].startswith("records-in=")


def test_a_field_without_the_view_extension_has_none(root: Path) -> None:
    """No x-view: the plan's names and command go with it (an API break that `make lint` would report)."""

    def edit(spec: dict[str, Any]) -> None:
        plan = spec["components"]["schemas"]["Job"]["properties"]["PlanJson"]
        del plan["x-view"], plan["x-view-command"]

    edit_spec(root, edit)
    package = generate(root)
    init = (package / "__init__.py").read_text(encoding="utf-8")
    assert '"parse_plan"' not in init and '"ExecutionPlan"' in init and '"parse_properties"' in init
    assert "_extensions" not in (package / "_cli.py").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("keyword", "value", "expected"),
    [
        ("x-view", "flamegraph", "Job.PlanJson: x-view 'flamegraph' has no extension in generator/extensions/"),
        ("x-embedded-format", "yaml", "Job.Properties: x-embedded-format 'yaml' has no extension"),
    ],
)
def test_an_extension_value_without_a_module_stops_generation(
    root: Path, pristine: Path, keyword: str, value: str, expected: str
) -> None:
    field = "PlanJson" if keyword == "x-view" else "Properties"

    def edit(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["Job"]["properties"][field][keyword] = value

    edit_spec(root, edit)
    result = assert_generation_stops(root, pristine / PACKAGE, expected)
    assert "Generating" not in result.stdout  # refused before any tool ran


def test_a_view_of_another_document_stops_generation(root: Path, pristine: Path) -> None:
    """The plan view reads ExecutionPlan documents; a field embedding JobMetrics cannot use it."""
    add_metrics(root, view="plan")
    assert_generation_stops(
        root, pristine / PACKAGE, "Job.MetricsJson: x-view 'plan' reads a document titled ExecutionPlan"
    )


def test_an_embedded_schema_without_a_title_stops_generation(root: Path, pristine: Path) -> None:
    untitled = {key: value for key, value in METRICS_SCHEMA.items() if key != "title"}
    (root / "spec" / "metrics.schema.json").write_text(json.dumps(untitled), encoding="utf-8")

    def edit(spec: dict[str, Any]) -> None:
        embed_metrics(spec)
        del spec["components"]["schemas"]["Job"]["properties"]["MetricsJson"]["x-view"]
        del spec["components"]["schemas"]["Job"]["properties"]["MetricsJson"]["x-view-command"]

    edit_spec(root, edit)
    assert_generation_stops(root, pristine / PACKAGE, "Job.MetricsJson: x-embedded-schema spec/metrics.schema.json")
