"""What crosses a copy, a pickle or a process boundary comes back the same: decoded pages and their UNSET fields."""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Callable
from typing import Any

import pytest

from foas_client import GetRefPackageJobResponse, decode_body
from foas_client.testing import documented_page, make_jobs
from foas_client.types import UNSET

ROUND_TRIPS: dict[str, Callable[[Any], Any]] = {
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    **{f"pickle-{protocol}": (lambda value, p=protocol: pickle.loads(pickle.dumps(value, p))) for protocol in (2, 5)},
}


def page_with_unset_fields() -> GetRefPackageJobResponse:
    """The documented page as the server might send it without some fields: decoded, those are UNSET."""
    document = documented_page().to_dict()
    del document["TotalPage"]
    for name in ("Description", "QueueName", "FolderId"):
        del document["Jobs"]["Job"][0][name]
    body = json.dumps(document).encode()
    return GetRefPackageJobResponse.from_dict(decode_body(body, "application/json", "GetRefPackageJobResponse"))


@pytest.mark.parametrize("round_trip", ROUND_TRIPS.values(), ids=ROUND_TRIPS)
def test_unset_stays_the_one_unset(round_trip: Callable[[Any], Any]) -> None:
    assert round_trip(UNSET) is UNSET
    assert round_trip([UNSET, {"a": UNSET}]) == [UNSET, {"a": UNSET}]


@pytest.mark.parametrize("round_trip", ROUND_TRIPS.values(), ids=ROUND_TRIPS)
@pytest.mark.parametrize(
    "page",
    [page_with_unset_fields(), documented_page()],
    ids=["unset-fields", "documented"],
)
def test_a_decoded_page_survives_copy_and_pickle(
    round_trip: Callable[[Any], Any], page: GetRefPackageJobResponse
) -> None:
    again = round_trip(page)

    assert again == page
    assert again.to_dict() == page.to_dict()
    json.dumps(again.to_dict())  # nothing but JSON values: no stray Unset object


def test_the_unset_fields_are_left_out_after_a_round_trip() -> None:
    page = page_with_unset_fields()
    assert page.total_page is UNSET and page.jobs.job[0].description is UNSET

    for again in (copy.deepcopy(page), pickle.loads(pickle.dumps(page))):
        assert again.total_page is UNSET and again.jobs.job[0].folder_id is UNSET
        assert "TotalPage" not in again.to_dict()
        assert {"Description", "QueueName", "FolderId"}.isdisjoint(again.to_dict()["Jobs"]["Job"][0])


def test_generated_jobs_survive_pickling() -> None:
    jobs = make_jobs(5, project_name="p", package_name="q.jar")
    assert [job.to_dict() for job in pickle.loads(pickle.dumps(jobs))] == [job.to_dict() for job in jobs]
