"""JSON bodies through ``decode_body`` and the models: wrong types are a DecodeError naming the field, unknown
fields and enum values pass, hostile or broken bodies never escape as anything but a DecodeError."""

from __future__ import annotations

import json
from typing import Any

import pytest

from foas_client import GetRefPackageJobResponse, KnownApiType, KnownJobType, decode_body
from foas_client.errors import DecodeError
from tests.support.pages import job_fields, not_a_member, page, properties, required_fields, unused

RESPONSE = "GetRefPackageJobResponse"
# Names and values the spec does not have (yet): what the service may send before the spec knows it.
NEW_TOP_LEVEL = unused("NewTopLevel", properties(RESPONSE))
NEW_JOB_FIELD, ANOTHER_JOB_FIELD = unused("NewJobField", job_fields()), unused("Another", job_fields())
NEW_LIST_FIELD = unused("NextToken", properties("JobList"))
NEW_JOB_TYPE, NEW_API_TYPE = not_a_member("KnownJobType", "FLINK_SQL_NEW"), not_a_member("KnownApiType", "TABLE_API")
INT32_MAX, INT64_MAX = 2**31 - 1, 2**63 - 1

# The documented field table (GetRefPackageJob-api-doc.txt), kind by field.
TOP_FIELDS = {
    "RequestId": "string",
    "PageIndex": "int32",
    "PageSize": "int32",
    "TotalCount": "int64",
    "TotalPage": "int32",
    "Jobs": "object",
}
JOB_FIELDS = {
    "ApiType": "string",
    "ClusterId": "string",
    "Code": "string",
    "CreateTime": "int64",
    "Creator": "string",
    "Description": "string",
    "EngineVersion": "string",
    "FolderId": "int64",
    "IsCommitted": "boolean",
    "JobId": "string",
    "JobName": "string",
    "JobType": "string",
    "Modifier": "string",
    "ModifyTime": "int64",
    "Packages": "string",
    "PlanJson": "string",
    "ProjectName": "string",
    "Properties": "string",
    "QueueName": "string",
}
ERROR_FIELDS = ("RequestId", "HostId", "Code", "Message", "Recommend")
WRONG: dict[str, list[Any]] = {
    "string": [5, True, None, ["x"], {"x": 1}],
    "int32": ["1", 1.0, 1.5, True, False, None, [1], INT32_MAX + 1, -(2**31) - 1],
    "int64": ["1", 1.0, True, None, {}, INT64_MAX + 1, -(2**63) - 1],
    "boolean": ["true", 1, 0, None, []],
    "object": [5, "x", [], True, None],
}


def decode(document: Any, content_type: str = "application/json") -> GetRefPackageJobResponse:
    """The page that ``document`` gives; an object is completed with the required fields it lacks."""
    if isinstance(document, dict):
        document = page(document)
    body = document if isinstance(document, bytes) else json.dumps(document).encode()
    return GetRefPackageJobResponse.from_dict(decode_body(body, content_type, RESPONSE))


def wrong_cases() -> list[Any]:
    required = set(required_fields())
    cases = []
    for name, kind in TOP_FIELDS.items():  # null is an absent field: wrong only where the field is required
        cases += [
            pytest.param({name: bad}, name, id=f"{name}={bad!r}")
            for bad in WRONG[kind]
            if bad is not None or name in required
        ]
    for name, kind in JOB_FIELDS.items():  # the second job is the wrong one: the index is in the path
        cases += [
            pytest.param({"Jobs": {"Job": [{}, {name: bad}]}}, f"Jobs.Job[1].{name}", id=f"Job.{name}={bad!r}")
            for bad in WRONG[kind]
            if bad is not None
        ]
    cases += [
        pytest.param({"Jobs": {"Job": "j"}}, "Jobs.Job", id="Job-not-a-list"),
        pytest.param({"Jobs": {"Job": [5]}}, "Jobs.Job[0]", id="Job-item-not-an-object"),
        pytest.param({"Jobs": {"Job": [None]}}, "Jobs.Job[0]", id="Job-item-null"),
        pytest.param([], "", id="top-level-array"),
        pytest.param("text", "", id="top-level-string"),
        pytest.param(None, "", id="top-level-null"),
    ]
    return cases


@pytest.mark.parametrize(("document", "path"), wrong_cases())
def test_a_wrong_type_is_a_decode_error_naming_the_field(document: Any, path: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(document)
    assert caught.value.path == path
    assert isinstance(caught.value, ValueError)
    assert "\n" not in str(caught.value)
    if path:
        assert path in str(caught.value)


@pytest.mark.parametrize("name", ERROR_FIELDS)
def test_a_wrong_type_in_an_error_body_names_the_field(name: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode_body(json.dumps({name: 404}).encode(), "application/json", "ErrorResponse")
    assert caught.value.path == name


def test_typical_wrong_types_name_their_path() -> None:
    for document, path in [
        ({"TotalCount": "abc"}, "TotalCount"),
        ({"Jobs": 5}, "Jobs"),
        ({"Jobs": {"Job": [{"CreateTime": "x"}]}}, "Jobs.Job[0].CreateTime"),
        ({"TotalCount": True}, "TotalCount"),
        ({"PageSize": INT32_MAX + 1}, "PageSize"),
    ]:
        with pytest.raises(DecodeError) as caught:
            decode(document)
        assert caught.value.path == path


def test_integer_bounds_are_inclusive() -> None:
    page = decode({"PageSize": INT32_MAX, "PageIndex": -(2**31), "TotalCount": INT64_MAX, "TotalPage": 0})
    assert (page.page_size, page.page_index, page.total_count, page.total_page) == (INT32_MAX, -(2**31), INT64_MAX, 0)
    job = decode({"Jobs": {"Job": [{"CreateTime": INT64_MAX, "FolderId": -(2**63)}]}}).jobs.job[0]
    assert (job.create_time, job.folder_id) == (INT64_MAX, -(2**63))


def test_unknown_fields_are_kept_in_additional_properties() -> None:
    document = {
        "RequestId": "r",
        NEW_TOP_LEVEL: {"nested": [1, 2]},
        "Jobs": {"Job": [{"JobId": "j", NEW_JOB_FIELD: "v", ANOTHER_JOB_FIELD: None}], NEW_LIST_FIELD: "t"},
    }
    decoded = decode(document)
    assert decoded.request_id == "r"
    assert decoded.additional_properties == {NEW_TOP_LEVEL: {"nested": [1, 2]}}
    assert decoded.jobs.additional_properties == {NEW_LIST_FIELD: "t"}
    assert decoded.jobs.job[0].job_id == "j"
    assert decoded.jobs.job[0].additional_properties == {NEW_JOB_FIELD: "v", ANOTHER_JOB_FIELD: None}
    assert decoded.to_dict() == page(document)


def test_unknown_enum_values_stay_text_and_known_ones_become_members() -> None:
    jobs = decode(
        {
            "Jobs": {
                "Job": [
                    {"JobType": NEW_JOB_TYPE, "ApiType": NEW_API_TYPE},
                    {"JobType": "FLINK_BATCH", "ApiType": "SQL"},
                ]
            }
        }
    ).jobs.job
    assert type(jobs[0].job_type) is str and jobs[0].job_type == NEW_JOB_TYPE
    assert type(jobs[0].api_type) is str and jobs[0].api_type == NEW_API_TYPE
    assert jobs[1].job_type is KnownJobType.FLINK_BATCH
    assert jobs[1].api_type is KnownApiType.SQL
    assert [job.to_dict() for job in jobs] == [
        {"JobType": NEW_JOB_TYPE, "ApiType": NEW_API_TYPE},
        {"JobType": "FLINK_BATCH", "ApiType": "SQL"},
    ]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"[" * 100_000, id="deep-arrays"),
        pytest.param(b'{"a":' * 100_000, id="deep-objects"),
        pytest.param(b'{"Jobs": {"Job": [' + b"[" * 100_000, id="deep-inside-a-field"),
    ],
)
def test_deep_nesting_is_a_decode_error_not_a_recursion_error(body: bytes) -> None:
    with pytest.raises(DecodeError):
        decode(body)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'{"RequestId": "\xff\xfe"}', id="invalid-utf8-in-a-string"),
        pytest.param(b"\xc3\x28", id="invalid-utf8"),
        pytest.param(b"", id="empty"),
        pytest.param(b'{"RequestId": "r"', id="truncated"),
        pytest.param(b'{"RequestId": "r"} trailing', id="trailing-data"),
        pytest.param(b"{'RequestId': 'r'}", id="not-json"),
    ],
)
def test_broken_json_is_a_decode_error(body: bytes) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(body)
    assert caught.value.path == ""


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/json;charset=UTF-8", "application/json; charset=utf-8", "application/vnd.x+json"],
)
def test_json_content_types_are_accepted(content_type: str) -> None:
    assert decode({"RequestId": "r"}, content_type).request_id == "r"


@pytest.mark.parametrize("content_type", ["text/html", "text/plain; charset=utf-8", "application/octet-stream"])
def test_an_unsupported_content_type_is_a_decode_error_naming_it(content_type: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode({"RequestId": "r"}, content_type)
    assert content_type.partition(";")[0] in str(caught.value)


def test_a_missing_content_type_is_a_decode_error() -> None:
    with pytest.raises(DecodeError):
        decode_body(b'{"RequestId": "r"}', None, RESPONSE)
