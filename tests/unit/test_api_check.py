"""The public-API check counts what downstream code can reach, and only that; the version follows it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import griffe
import yaml

from scripts.api_check import (
    ApiChanges,
    Release,
    _is_public,
    _public_paths,
    changed_annotations,
    changelog,
    compare,
    last_release,
    minimum_version,
    required_bump,
)
from scripts.dist_guard import refusal
from tests.regeneration.test_regenerate import copy_sources, generate

GENERATED = Path(__file__).resolve().parents[2] / "generated"


def test_a_public_class_re_exported_from_a_private_module_counts_with_its_bases() -> None:
    public = _public_paths(griffe.load("foas_client", search_paths=[str(GENERATED)]))
    assert _is_public("foas_client._clients.FoasClient.iter_jobs", public)
    assert _is_public("foas_client._core.http.core._ClientCore.__init__", public)  # FoasClient's arguments live there
    assert _is_public("foas_client.models.job.Job.job_id", public)
    assert _is_public("foas_client.testing.FakeFoasService", public)


def test_internals_do_not_count() -> None:
    public = _public_paths(griffe.load("foas_client", search_paths=[str(GENERATED)]))
    assert not _is_public("foas_client._core.decoding.xml_walk._object", public)
    assert not _is_public("foas_client._core.paging._Walk.accept", public)
    # imported by every endpoint module, listed in no __all__: the spec's data, not API
    assert not _is_public("foas_client._schema.OPERATIONS", public)


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


def tiny_package(tmp_path: Path, folder: str, source: str) -> griffe.Object | griffe.Alias:
    """A one-module package ``pkg`` holding ``source``, in its own folder under ``tmp_path``, loaded by griffe."""
    root = tmp_path / folder / "pkg"
    root.mkdir(parents=True)
    (root / "__init__.py").write_text(source, encoding="utf-8")
    return griffe.load("pkg", search_paths=[str(tmp_path / folder)])


RELEASED = 'def f(x: str) -> int:\n    """Count x."""\n    return len(x)\n\n\ndef g() -> None: ...\n'


def test_a_removal_needs_a_major_bump_and_a_minor_one_while_0x(tmp_path: Path) -> None:
    old = tiny_package(tmp_path, "old", RELEASED)
    changes = compare(old, tiny_package(tmp_path, "new", RELEASED.replace("def g() -> None: ...\n", "")))
    assert len(changes.breaking) == 1 and "g" in changes.breaking[0]
    assert required_bump(changes, "1.4.2") == "major"
    assert minimum_version("1.4.2", "major") == "2.0.0"
    assert required_bump(changes, "0.2.0") == "minor"
    assert minimum_version("0.2.0", "minor") == "0.3.0"


def test_an_addition_needs_a_minor_bump_and_is_named_once_at_its_outermost(tmp_path: Path) -> None:
    old = tiny_package(tmp_path, "old", RELEASED)
    added = RELEASED.replace("def f(x: str)", "def f(x: str, limit: int = 0)") + (
        "\n\nclass Page:\n    def __repr__(self) -> str: ...\n    def size(self) -> int: ...\n"
        "\n\ndef _helper() -> None: ...\n"
    )
    changes = compare(old, tiny_package(tmp_path, "new", added))
    assert changes.breaking == []
    assert changes.added == ["`pkg.Page` (class)", "`pkg.f(limit)` (parameter)"]  # not Page.size, not _helper
    assert required_bump(changes, "1.4.2") == "minor"
    assert minimum_version("1.4.2", "minor") == "1.5.0"
    assert required_bump(changes, "0.2.0") == "minor"


def test_a_parameter_that_accepts_more_is_an_addition(tmp_path: Path) -> None:
    old = tiny_package(tmp_path, "old", RELEASED)
    changes = compare(old, tiny_package(tmp_path, "new", RELEASED.replace("x: str", "x: str | None")))
    assert changes.breaking == []
    assert changes.added == ["`pkg.f(x)` accepts more: `str` to `str | None`"]
    assert required_bump(changes, "0.2.0") == "minor"


def test_a_docstring_only_change_needs_a_patch_bump_and_no_change_none(tmp_path: Path) -> None:
    old = tiny_package(tmp_path, "old", RELEASED)
    changes = compare(old, tiny_package(tmp_path, "new", RELEASED.replace("Count x.", "The length of x.")))
    assert changes == ApiChanges(breaking=[], added=[], changed=True)
    assert required_bump(changes, "0.2.0") == "patch"
    assert minimum_version("0.2.0", "patch") == "0.2.1"
    unchanged = compare(old, tiny_package(tmp_path, "same", RELEASED))
    assert required_bump(unchanged, "0.2.0") is None
    assert minimum_version("0.2.0", None) == "0.2.0"


def test_the_changelog_lists_what_the_check_found(tmp_path: Path) -> None:
    changes = ApiChanges(breaking=["pkg.g: Public object was removed"], added=["`pkg.h` (function)"], changed=True)
    assert changelog(changes).splitlines() == [
        "- Breaking: pkg.g: Public object was removed",
        "- Added: `pkg.h` (function)",
    ]
    assert (
        changelog(ApiChanges(changed=True)) == "- No change to the public API (implementation and documentation only)."
    )


def test_the_dist_guard_refuses_a_version_below_the_minimum() -> None:
    reason = refusal("0.2.0", "0.3.0")
    assert reason is not None and "0.2.0" in reason and "0.3.0" in reason and "\n" not in reason
    assert refusal("0.2.9", "0.3.0") is not None
    assert refusal("0.3.0", "0.3.0") is None
    assert refusal("0.3.0rc1", "0.3.0") is None  # a pre-release of the minimum
    assert refusal("1.0.0", "0.3.0") is None


def test_the_last_release_is_the_newest_tag_else_released(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=tmp_path, check=True)

    git("init", "--quiet")
    (tmp_path / "RELEASED").write_text("v0.2.0 5c33bd42f216b9893c69c16f6e1a3ad728a98ba0\n", encoding="utf-8")
    assert last_release(tmp_path) == Release("0.2.0", "5c33bd42f216b9893c69c16f6e1a3ad728a98ba0")
    git("commit", "--quiet", "--allow-empty", "-m", "release")
    git("tag", "v0.3.0")
    assert last_release(tmp_path) == Release("0.3.0", "v0.3.0")
