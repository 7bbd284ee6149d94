"""JSON straight to the model (``_fast_json``: msgspec Structs built from the shapes) agrees with the usual path.

The usual path (parse, ``validate``, ``from_dict``) holds every rule and every error. The Struct path
takes only bodies it reads exactly as the usual path does; for any other it steps aside, and the
usual path's result, or its error with its path, is what the caller gets. Each case here is run
through ``decode_response`` both ways and the outcomes compared.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from foas_client import ErrorResponse, GetRefPackageJobResponse, JobList, decode_body
from foas_client._core.decoding import responses
from foas_client._core.decoding.fast_json import model_decoder
from foas_client._schema import SHAPES
from foas_client.errors import FoasError
from foas_client.testing import make_jobs
from tests.support.pages import page

RESPONSE = "GetRefPackageJobResponse"
ERROR = (ErrorResponse, "ErrorResponse")
JOBS = [job.to_dict() for job in make_jobs(30, project_name="p", package_name="a.jar")]
JOB = JOBS[0]


def outcome(body: bytes, *, structs: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    """What ``decode_response`` makes of ``body`` (a 200 JSON answer): the model, or the error's type, text, path."""
    with monkeypatch.context() as patch:
        if not structs:
            patch.setattr(responses, "_model_decoder", lambda *args: None)
        response = httpx.Response(200, content=body, headers={"Content-Type": "application/json"})
        try:
            model = responses.decode_response(response, GetRefPackageJobResponse, RESPONSE, SHAPES, ERROR)
        except FoasError as error:
            return type(error), str(error), getattr(error, "path", None)
        return ("model", model, model.to_dict(), [type(job.api_type) for job in model.jobs.job or []])


def jobs_page(*jobs: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return page({"Jobs": {"Job": list(jobs)}, **fields})


CASES: dict[str, bytes] = {
    "documented-like page": json.dumps(jobs_page(JOB, JOB)).encode(),
    "generated jobs": json.dumps(jobs_page(*JOBS)).encode(),
    "no Jobs: the spec's default": json.dumps(page()).encode(),
    "Jobs without Job": json.dumps(page({"Jobs": {}})).encode(),
    "an empty list": json.dumps(jobs_page()).encode(),
    "an unknown enum value stays text": json.dumps(jobs_page({**JOB, "ApiType": "NEW_API"})).encode(),
    "an unknown field in a job": json.dumps(jobs_page({**JOB, "Surprise": [1, {"a": None}]})).encode(),
    "an unknown field on the page": json.dumps(jobs_page(JOB, Surprise="x")).encode(),
    "null in an optional field": json.dumps(jobs_page({**JOB, "JobName": None})).encode(),
    "null in a required field": json.dumps(jobs_page(JOB, TotalCount=None)).encode(),
    "null for Jobs": json.dumps(page({"Jobs": None})).encode(),
    "one object for the list": json.dumps(page({"Jobs": {"Job": JOB}})).encode(),
    "a required field missing": json.dumps({k: v for k, v in jobs_page(JOB).items() if k != "RequestId"}).encode(),
    "a string for an integer": json.dumps(jobs_page({**JOB, "FolderId": "12"})).encode(),
    "a float for an integer": json.dumps(jobs_page({**JOB, "FolderId": 12.0})).encode(),
    "a boolean for an integer": json.dumps(jobs_page({**JOB, "FolderId": True})).encode(),
    "an integer for a boolean": json.dumps(jobs_page({**JOB, "IsCommitted": 1})).encode(),
    "an integer for a string": json.dumps(jobs_page({**JOB, "JobId": 5})).encode(),
    "int32 bound": json.dumps(jobs_page(JOB, PageIndex=2**31 - 1)).encode(),
    "above int32": json.dumps(jobs_page(JOB, PageIndex=2**31)).encode(),
    "int64 bounds": json.dumps(jobs_page({**JOB, "CreateTime": -(2**63)}, TotalCount=2**63 - 1)).encode(),
    "above int64": json.dumps(jobs_page(JOB, TotalCount=2**63)).encode(),
    "beyond 64 bits": json.dumps(jobs_page(JOB, TotalCount=10**30)).encode(),
    "a list for an object": json.dumps(page({"Jobs": []})).encode(),
    "a job that is not an object": json.dumps(jobs_page(JOB, "x")).encode(),
    "duplicate keys": b'{"RequestId":"a","RequestId":"b","PageIndex":1,"PageSize":1,"TotalCount":1,"TotalPage":1}',
    "a lone surrogate": json.dumps(jobs_page({**JOB, "JobName": "\ud800"})).encode(),
    "an escaped pair": json.dumps(jobs_page({**JOB, "JobName": "\U0001f600"})).encode(),
    "an error sent with 200": json.dumps({"RequestId": "r", "Code": "Throttling", "Message": "slow down"}).encode(),
    "a BOM": b"\xef\xbb\xbf" + json.dumps(jobs_page(JOB)).encode(),
    "malformed": b'{"RequestId": ',
    "empty": b"",
    "not an object": b"[1, 2]",
    "deep nesting": b'{"Surprise":' + b"[" * 5000 + b"]" * 5000 + b"}",
}


@pytest.mark.parametrize("body", CASES.values(), ids=CASES.keys())
def test_the_struct_path_and_the_usual_path_agree(body: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    assert outcome(body, structs=True, monkeypatch=monkeypatch) == outcome(body, structs=False, monkeypatch=monkeypatch)


VALID = ["documented-like page", "generated jobs", "no Jobs: the spec's default", "an unknown enum value stays text"]


@pytest.mark.parametrize("name", VALID)
def test_valid_pages_take_the_struct_path(name: str) -> None:
    decode = model_decoder(GetRefPackageJobResponse, RESPONSE, SHAPES)
    assert decode is not None
    model = decode(CASES[name])
    assert model is not None
    assert model == GetRefPackageJobResponse.from_dict(decode_body(CASES[name], "application/json", RESPONSE))


@pytest.mark.parametrize("name", ["an unknown field in a job", "null in an optional field", "one object for the list"])
def test_bodies_the_usual_path_normalises_are_left_to_it(name: str) -> None:
    decode = model_decoder(GetRefPackageJobResponse, RESPONSE, SHAPES)
    assert decode is not None
    assert decode(CASES[name]) is None


def test_a_model_without_the_generated_methods_has_no_struct_decoder() -> None:
    class Plain:
        @classmethod
        def from_dict(cls, document: object) -> Plain:
            return cls()

    assert model_decoder(Plain, RESPONSE, SHAPES) is None
    assert model_decoder(JobList, RESPONSE, SHAPES) is None  # a model whose fields are not the shape's


def test_without_msgspec_the_usual_path_is_the_only_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(responses, "_fast_loads", lambda: None)
    assert responses._model_decoder(GetRefPackageJobResponse, RESPONSE, SHAPES) is None
