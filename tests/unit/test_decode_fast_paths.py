"""The decoders' inline paths (the common case, handled without a call) agree with their general paths.

The JSON validator checks strings, booleans and bounded integers inline; the XML decoder converts leaf
elements with the usual text inline and hands anything else to the general path, which holds every
rule and every error. Each case here sits on the border between the two. The generated ``from_dict``
reads fields without copying its input. (``make bench`` measures why these paths exist.)
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from foas_client import GetRefPackageJobResponse, Job, KnownApiType, decode_body
from foas_client._core.testing.xml_writer import encode_xml
from foas_client._schema import SHAPES
from foas_client.errors import DecodeError, UnsafeXmlError
from foas_client.testing import make_jobs
from tests.support.pages import job_fields, not_a_member, page, unused, xml_page

RESPONSE = "GetRefPackageJobResponse"
INT64_MAX = 2**63 - 1
NEW_FIELD = unused("NewField", job_fields())  # a field the spec does not have (yet)
NEW_API_TYPE = not_a_member("KnownApiType", "TABLE_API")


def xml_jobs(*jobs: str, xmlns: str = "") -> bytes:
    """A valid page of these jobs."""
    items = "".join(f"<Job{xmlns}>{job}</Job>" for job in jobs)
    return xml_page(f"<Jobs>{items}</Jobs>")


def first_job(body: bytes) -> dict[str, Any]:
    job: dict[str, Any] = decode_body(body, "application/xml", RESPONSE)["Jobs"]["Job"][0]
    return job


@pytest.mark.parametrize(
    ("element", "field", "value"),
    [
        ("<JobId>a</JobId>", "JobId", "a"),
        ("<JobId/>", "JobId", ""),
        ("<JobId>  a b  </JobId>", "JobId", "  a b  "),
        ("<CreateTime>0</CreateTime>", "CreateTime", 0),
        ("<CreateTime>007</CreateTime>", "CreateTime", 7),
        (f"<CreateTime>{INT64_MAX}</CreateTime>", "CreateTime", INT64_MAX),
        ("<CreateTime>-5</CreateTime>", "CreateTime", -5),  # a sign: the general path
        ("<CreateTime>+5</CreateTime>", "CreateTime", 5),
        ("<CreateTime> 5\n</CreateTime>", "CreateTime", 5),
        (f"<CreateTime>-{INT64_MAX + 1}</CreateTime>", "CreateTime", -(INT64_MAX + 1)),
        ("<IsCommitted>true</IsCommitted>", "IsCommitted", True),
        ("<IsCommitted>0</IsCommitted>", "IsCommitted", False),
        ("<IsCommitted>TRUE</IsCommitted>", "IsCommitted", True),  # case: the general path
        ("<IsCommitted> false </IsCommitted>", "IsCommitted", False),
    ],
)
def test_leaf_text_decodes_on_either_path(element: str, field: str, value: object) -> None:
    decoded = first_job(xml_jobs(element))[field]
    assert decoded == value
    assert type(decoded) is type(value)


@pytest.mark.parametrize(
    ("job", "path", "reason"),
    [
        ("<JobId>a</JobId><JobId>b</JobId>", "Jobs.Job[0].JobId", "appears twice"),
        ("<FolderId>1</FolderId><FolderId>1</FolderId>", "Jobs.Job[0].FolderId", "appears twice"),
        ("<JobName>a<b/></JobName>", "Jobs.Job[0].JobName", "child elements"),
        ("<FolderId>1<b/></FolderId>", "Jobs.Job[0].FolderId", "child elements"),
        ("<IsCommitted><b/>true</IsCommitted>", "Jobs.Job[0].IsCommitted", "child elements"),
        (f"<FolderId>{INT64_MAX + 1}</FolderId>", "Jobs.Job[0].FolderId", "above the maximum"),
        ("<FolderId>١٢</FolderId>", "Jobs.Job[0].FolderId", "expected integer"),  # not ASCII digits
        ("<FolderId>1_000</FolderId>", "Jobs.Job[0].FolderId", "expected integer"),
        ("<FolderId>000000000000000000001</FolderId>", "Jobs.Job[0].FolderId", "expected integer"),  # 21 digits
        ("<FolderId/>", "Jobs.Job[0].FolderId", "expected integer"),
        ("<IsCommitted/>", "Jobs.Job[0].IsCommitted", "expected boolean"),
    ],
)
def test_misfits_are_refused_with_their_path_on_either_path(job: str, path: str, reason: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode_body(xml_jobs("<JobId>ok</JobId>", job), "application/xml", RESPONSE)
    assert caught.value.path == path.replace("Job[0]", "Job[1]")
    assert reason in caught.value.reason


def test_namespaced_elements_decode_like_plain_ones() -> None:
    plain = first_job(xml_jobs("<JobId>a</JobId><FolderId>3</FolderId><IsCommitted>true</IsCommitted>"))
    spaced = first_job(
        xml_jobs("<JobId>a</JobId><FolderId>3</FolderId><IsCommitted>true</IsCommitted>", xmlns=' xmlns="urn:foas"')
    )
    assert plain == spaced == {"JobId": "a", "FolderId": 3, "IsCommitted": True}


def test_a_page_of_generated_jobs_round_trips_through_xml() -> None:
    jobs = make_jobs(50, project_name="p", package_name="q.jar")
    document = page(
        RequestId="r", PageSize=50, TotalCount=50, TotalPage=1, Jobs={"Job": [job.to_dict() for job in jobs]}
    )
    from_xml = decode_body(encode_xml(document, RESPONSE, SHAPES), "application/xml", RESPONSE)
    from_json = decode_body(json.dumps(document).encode(), "application/json", RESPONSE)
    assert from_xml == from_json == document
    assert GetRefPackageJobResponse.from_dict(from_xml).jobs.job == jobs


@pytest.mark.parametrize(
    "text",
    ["Hello!", "!" * 100, "a <!-- not a declaration --> b".replace("<", "&lt;")],
)
def test_exclamation_marks_in_text_are_not_declarations(text: str) -> None:
    assert first_job(xml_jobs(f"<Description>{text}</Description>"))["Description"] == text.replace("&lt;", "<")


@pytest.mark.parametrize("marks", [0, 3, 100])
def test_a_doctype_is_refused_however_many_exclamation_marks_precede_it(marks: int) -> None:
    body = b"<?xml version='1.0'?>" + b"<!-- " + b"!" * marks + b" -->" + b'<!DOCTYPE r [<!ENTITY e "x">]><r/>'
    with pytest.raises(UnsafeXmlError):
        decode_body(body, "application/xml", RESPONSE)


# -- JSON: the validator's inline checks -------------------------------------------------------------


@pytest.mark.parametrize(
    ("job", "path"),
    [
        ({"FolderId": INT64_MAX + 1}, "Jobs.Job[0].FolderId"),
        ({"FolderId": -(2**63) - 1}, "Jobs.Job[0].FolderId"),
        ({"FolderId": True}, "Jobs.Job[0].FolderId"),
        ({"FolderId": 1.0}, "Jobs.Job[0].FolderId"),
        ({"IsCommitted": 1}, "Jobs.Job[0].IsCommitted"),
        ({"JobId": 5}, "Jobs.Job[0].JobId"),
        ({"JobId": True}, "Jobs.Job[0].JobId"),
    ],
)
def test_json_misfits_next_to_valid_fields_name_their_path(job: dict[str, Any], path: str) -> None:
    document = page(Jobs={"Job": [{"JobId": "a", "CreateTime": 1, "IsCommitted": True, **job}]})
    with pytest.raises(DecodeError) as caught:
        decode_body(json.dumps(document).encode(), "application/json", RESPONSE)
    assert caught.value.path == path


@pytest.mark.parametrize("field", ["JobId", "CreateTime", "IsCommitted"])
def test_json_null_next_to_valid_fields_is_an_absent_field(field: str) -> None:
    job = {"JobId": "a", "CreateTime": 1, "IsCommitted": True}
    document = page(Jobs={"Job": [job | {field: None}]})
    decoded = decode_body(json.dumps(document).encode(), "application/json", RESPONSE)
    assert decoded["Jobs"]["Job"] == [{name: value for name, value in job.items() if name != field}]


# -- the generated from_dict -------------------------------------------------------------------------


def test_from_dict_leaves_its_input_alone_and_shares_nothing_with_it() -> None:
    source = {"JobId": "j", "ApiType": "SQL", NEW_FIELD: [1, 2]}
    before = json.loads(json.dumps(source))
    job = Job.from_dict(source)
    assert source == before
    assert job.api_type is KnownApiType.SQL
    assert job.additional_properties == {NEW_FIELD: [1, 2]}
    job.additional_properties["Other"] = 1
    assert "Other" not in source
    known_only = Job.from_dict({"JobId": "j"})
    assert known_only.additional_properties == {}
    known_only.additional_properties["x"] = 1
    assert Job.from_dict({"JobId": "k"}).additional_properties == {}  # no shared default


@pytest.mark.parametrize("value", ["SQL", NEW_API_TYPE, "", 5, None, ["SQL"]])
def test_from_dict_keeps_whatever_is_not_a_documented_enum_value(value: object) -> None:
    api_type = Job.from_dict({"ApiType": value}).api_type
    if value == "SQL":
        assert api_type is KnownApiType.SQL
    else:
        assert api_type == value
        assert type(api_type) is type(value)
