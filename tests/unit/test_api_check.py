"""The public-API check counts what downstream code can reach, and only that."""

from __future__ import annotations

from pathlib import Path

import griffe

from scripts.api_check import _is_public, _public_paths

GENERATED = Path(__file__).resolve().parents[2] / "generated"


def test_a_public_class_re_exported_from_a_private_module_counts_with_its_bases() -> None:
    public = _public_paths(griffe.load("foas_client", search_paths=[str(GENERATED)]))
    assert _is_public("foas_client._facade.FoasClient.iter_jobs", public)
    assert _is_public("foas_client._facade._FacadeBase.__init__", public)  # FoasClient's arguments live there
    assert _is_public("foas_client.models.job.Job.job_id", public)
    assert _is_public("foas_client.testing.FakeFoasService", public)


def test_internals_do_not_count() -> None:
    public = _public_paths(griffe.load("foas_client", search_paths=[str(GENERATED)]))
    assert not _is_public("foas_client._xml._object", public)
    assert not _is_public("foas_client._paging._Walk.accept", public)
