"""The public-API check counts what downstream code can reach, and only that."""

from __future__ import annotations

from pathlib import Path

import griffe
import yaml

from scripts.api_check import _is_public, _public_paths, changed_annotations
from tests.regeneration.test_regenerate import copy_sources, generate

GENERATED = Path(__file__).resolve().parents[2] / "generated"


def test_a_public_class_re_exported_from_a_private_module_counts_with_its_bases() -> None:
    public = _public_paths(griffe.load("foas_client", search_paths=[str(GENERATED)]))
    assert _is_public("foas_client._clients.FoasClient.iter_jobs", public)
    assert _is_public("foas_client._client_core._ClientCore.__init__", public)  # FoasClient's arguments live there
    assert _is_public("foas_client.models.job.Job.job_id", public)
    assert _is_public("foas_client.testing.FakeFoasService", public)


def test_internals_do_not_count() -> None:
    public = _public_paths(griffe.load("foas_client", search_paths=[str(GENERATED)]))
    assert not _is_public("foas_client._xml._object", public)
    assert not _is_public("foas_client._paging._Walk.accept", public)


def test_a_changed_field_type_is_reported_naming_the_field(tmp_path: Path) -> None:
    """FolderId integer -> string in a copy of the spec, regenerated: the check names the field."""
    root = copy_sources(tmp_path)
    path = root / "spec" / "foas.openapi.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec["components"]["schemas"]["Job"]["properties"]["FolderId"] = {"type": "string"}
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    generate(root)
    old = griffe.load("foas_client", search_paths=[str(GENERATED)])
    new = griffe.load("foas_client", search_paths=[str(root / "generated")])
    changes = dict(changed_annotations(old, new))
    assert "foas_client.models.job.Job.folder_id" in changes
    assert "`int | Unset` to `str | Unset`" in changes["foas_client.models.job.Job.folder_id"]
    assert dict(changed_annotations(old, old)) == {}


def test_a_parameter_that_accepts_more_is_compatible_and_one_that_accepts_less_is_not(tmp_path: Path) -> None:
    def package(folder: str, annotation: str, returns: str) -> griffe.Object | griffe.Alias:
        root = tmp_path / folder / "pkg"
        root.mkdir(parents=True)
        (root / "__init__.py").write_text(f"def f(x: {annotation}) -> {returns}: ...\n", encoding="utf-8")
        return griffe.load("pkg", search_paths=[str(tmp_path / folder)])

    old = package("old", "str", "int")
    assert changed_annotations(old, package("wider", "str | None", "int")) == []
    narrower = dict(changed_annotations(package("old2", "str | None", "int"), package("narrower", "str", "int")))
    assert list(narrower) == ["pkg.f"]
    returns = dict(changed_annotations(old, package("returns", "str", "int | None")))
    assert "pkg.f:return" in returns["pkg.f"]
