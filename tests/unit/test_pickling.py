"""What crosses a copy, a pickle or a process boundary comes back the same: decoded pages and their UNSET
fields, and every error of the package (a process pool hands a worker's exception back pickled)."""

from __future__ import annotations

import copy
import json
import multiprocessing
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

from foas_client import GetRefPackageJobResponse, decode_body, errors
from foas_client.models import ErrorResponse
from foas_client.testing import documented_page, make_jobs
from foas_client.types import UNSET

ROUND_TRIPS: dict[str, Callable[[Any], Any]] = {
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    **{f"pickle-{protocol}": (lambda value, p=protocol: pickle.loads(pickle.dumps(value, p))) for protocol in (2, 5)},
}


def page_with_unset_fields() -> GetRefPackageJobResponse:
    """The documented page as the server might send it without some job fields: decoded, those are UNSET."""
    document = documented_page().to_dict()
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
    assert page.jobs.job[0].description is UNSET

    for again in (copy.deepcopy(page), pickle.loads(pickle.dumps(page))):
        assert again.jobs.job[0].folder_id is UNSET
        assert {"Description", "QueueName", "FolderId"}.isdisjoint(again.to_dict()["Jobs"]["Job"][0])


def test_generated_jobs_survive_pickling() -> None:
    jobs = make_jobs(5, project_name="p", package_name="q.jar")
    assert [job.to_dict() for job in pickle.loads(pickle.dumps(jobs))] == [job.to_dict() for job in jobs]


# --- errors ------------------------------------------------------------------------------------------

BODY = ErrorResponse.from_dict(
    {
        "RequestId": "6A5B1C2D-0000-4000-8000-000000000001",
        "HostId": "foas.cn-hangzhou.aliyuncs.com",
        "Code": "InvalidPackage.NotFound",
        "Message": "The package does not exist.",
        "Recommend": "https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound",
    }
)
# One of each public error class, with every attribute it has set to something other than its default.
SAMPLES: dict[str, Callable[[], errors.FoasError]] = {
    "FoasError": lambda: errors.FoasError("something failed"),
    "ApiError": lambda: errors.ApiError(409, BODY, detail="conflict", retry_after=1.5),
    "ThrottlingError": lambda: errors.ThrottlingError(429, None, detail="empty body", retry_after=2.0),
    "AuthError": lambda: errors.AuthError(403, BODY),
    "NotFoundError": lambda: errors.NotFoundError(404, BODY),
    "ServerError": lambda: errors.ServerError(502, None, detail="an HTML page, not an error document"),
    "DecodeError": lambda: errors.DecodeError(
        "expected an integer, got 'abc'",
        path="Jobs.Job[3].CreateTime",
        status_code=200,
        content_type="application/json",
    ),
    "UnsafeXmlError": lambda: errors.UnsafeXmlError("a DTD", status_code=200, content_type="text/xml"),
    "ResponseTooLargeError": lambda: errors.ResponseTooLargeError("over 1024 bytes", status_code=200),
    "PaginationError": lambda: errors.PaginationError(
        "the page repeats page 2", operation_id="GetRefPackageJob", page=3
    ),
    "TransportError": lambda: errors.TransportError("ConnectError: connection refused"),
    "TimeoutError": lambda: errors.TimeoutError("ReadTimeout: the service did not answer in time"),
    "CredentialsError": lambda: errors.CredentialsError("security_token holds a line break"),
    "InvalidParameterError": lambda: errors.InvalidParameterError("package_name must not be empty"),
    "InUseError": lambda: errors.InUseError(
        {"projectName": "p", "packageName": "q.jar"}, noun="job", count=3, first_ids=("j1", "j2"), request_ids=("R",)
    ),
    "PackageInUseError": lambda: errors.PackageInUseError(
        {"projectName": "p", "packageName": "q.jar"}, noun="job", count=1, first_ids=("j1",), request_ids=("R",)
    ),
}


def raise_sample(name: str) -> None:
    """Runs in a worker process: raises the sample error ``name``."""
    raise SAMPLES[name]()


def test_every_public_error_class_has_a_sample() -> None:
    assert set(SAMPLES) == {*errors.__all__, "FoasError"}
    assert all(type(SAMPLES[name]()) is getattr(errors, name) for name in SAMPLES)


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_an_error_survives_pickling_with_its_type_message_and_attributes(name: str, protocol: int) -> None:
    error = SAMPLES[name]()
    error.add_note("while checking package1.jar")

    again = pickle.loads(pickle.dumps(error, protocol))

    assert type(again) is type(error)
    assert str(again) == str(error) and again.args == error.args
    assert vars(again) == vars(error)  # status, Code, RequestId, body, path, page..., and the note
    assert copy.deepcopy(error).args == error.args


def test_an_api_errors_fields_are_those_of_its_body_after_pickling() -> None:
    again = pickle.loads(pickle.dumps(SAMPLES["ApiError"]()))
    assert isinstance(again, errors.ApiError)
    assert (again.status_code, again.code, again.request_id, again.retry_after, again.body) == (
        409,
        "InvalidPackage.NotFound",
        "6A5B1C2D-0000-4000-8000-000000000001",
        1.5,
        BODY,
    )


def test_an_error_raised_in_a_worker_process_reaches_the_parent_as_itself() -> None:
    # spawn: a fresh interpreter, which must rebuild each error from its pickle alone.
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {name: pool.submit(raise_sample, name) for name in SAMPLES}
        for name, future in futures.items():
            error = future.exception(timeout=60)
            expected = SAMPLES[name]()
            assert type(error) is type(expected), name
            assert str(error) == str(expected) and vars(error) == vars(expected), name
