"""XML straight to the model (``_fast_xml``: msgspec Structs named by element names) agrees with the usual path.

The usual path (``_xml.read_element``, ``from_dict``) holds every rule and every error. The Struct path
takes only documents it reads exactly as the usual path does; for any other it steps aside, and the
usual path's result, or its error with its path, is what the caller gets. Each case here is run
through ``decode_response`` both ways and the outcomes compared; the cases sit on the borders of
what the Struct path takes (kinds, texts, repeats, text where objects belong, unknown elements).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from lxml import etree

from foas_client import ErrorResponse, GetRefPackageJobResponse, JobList, decode_body
from foas_client._core.decoding import responses
from foas_client._core.decoding.fast_xml import model_reader
from foas_client._core.decoding.xml_walk import document_element
from foas_client._core.testing.xml_writer import encode_xml
from foas_client._schema import SHAPES
from foas_client.errors import FoasError
from foas_client.testing import make_jobs
from tests.contract.helpers import XML_FRAGMENT, XML_ROOTED
from tests.support.pages import job_fields, not_a_member, page, unused, xml_page

RESPONSE = "GetRefPackageJobResponse"
ERROR = (ErrorResponse, "ErrorResponse")
INT64_MAX = 2**63 - 1
NEW_FIELD = unused("NewField", job_fields())
NEW_API_TYPE = not_a_member("KnownApiType", "TABLE_API")
JOBS = [job.to_dict() for job in make_jobs(30, project_name="p", package_name="a.jar")]


def outcome(body: bytes, *, structs: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    """What ``decode_response`` makes of ``body`` (a 200 XML answer): the model, or the error's type, text, path."""
    with monkeypatch.context() as patch:
        if not structs:
            patch.setattr(responses, "_model_reader", lambda *args: None)
        response = httpx.Response(200, content=body, headers={"Content-Type": "text/xml;charset=utf-8"})
        try:
            model = responses.decode_response(response, GetRefPackageJobResponse, RESPONSE, SHAPES, ERROR)
        except FoasError as error:
            return type(error), str(error), getattr(error, "path", None)
        return ("model", model, model.to_dict(), [type(job.api_type) for job in model.jobs.job or []])


def jobs(*items: str, xmlns: str = "") -> bytes:
    """A page holding these jobs (each the inside of a ``<Job>``)."""
    return xml_page("<Jobs>" + "".join(f"<Job{xmlns}>{item}</Job>" for item in items) + "</Jobs>")


def pretty(body: bytes) -> bytes:
    """``body`` indented: whitespace text in every object element."""
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(body, parser), pretty_print=True, xml_declaration=True, encoding="UTF-8")


GENERATED = encode_xml(page(RequestId="r", TotalCount=30, Jobs={"Job": JOBS}), RESPONSE, SHAPES)

CASES: dict[str, bytes] = {
    "the documented document": XML_ROOTED.body,
    "the documented fragment": XML_FRAGMENT.body,
    "generated jobs": GENERATED,
    "generated jobs, indented": pretty(GENERATED),
    "no Jobs: the spec's default": xml_page(""),
    "an empty Jobs": xml_page("<Jobs/>"),
    "Jobs holding whitespace": xml_page("<Jobs>\n  </Jobs>"),
    "one job: a list of one": jobs("<JobId>a</JobId>"),
    "an empty job": jobs(""),
    "empty text": jobs("<JobId/><Description></Description>"),
    "text kept verbatim": jobs("<Code>  a=1\n b = 2 &amp; &lt;3&gt;  </Code><Creator>007</Creator>"),
    "a carriage return": jobs("<Code>a=1&#13;\nb=2</Code>"),
    "CDATA": jobs("<Code><![CDATA[a<b]]></Code>"),
    "an unknown enum value": jobs(f"<ApiType>{NEW_API_TYPE}</ApiType><JobType>FLINK_STREAM</JobType>"),
    # integers
    "int64 max": jobs(f"<CreateTime>{INT64_MAX}</CreateTime>"),
    "above int64": jobs(f"<CreateTime>{INT64_MAX + 1}</CreateTime>"),
    "int32 max": xml_page("<PageSize>2147483647</PageSize>"),
    "above int32": xml_page("<PageSize>2147483648</PageSize>"),
    "below int32": xml_page("<PageIndex>-2147483649</PageIndex>"),
    "int64 min": jobs(f"<CreateTime>{-INT64_MAX - 1}</CreateTime>"),
    "below int64": jobs(f"<CreateTime>{-INT64_MAX - 2}</CreateTime>"),
    "a lone minus": jobs("<FolderId>-</FolderId>"),
    "two minus signs": jobs("<FolderId>--5</FolderId>"),
    "a minus inside": jobs("<FolderId>5-3</FolderId>"),
    "a minus and leading zeros": jobs("<FolderId>-007</FolderId>"),
    "a negative decimal": jobs("<FolderId>-1.0</FolderId>"),
    "zero": jobs("<FolderId>0</FolderId>"),
    "minus zero": jobs("<FolderId>-0</FolderId>"),
    "negative": jobs("<FolderId>-5</FolderId>"),
    "a plus sign": jobs("<FolderId>+5</FolderId>"),
    "leading zeros": jobs("<FolderId>007</FolderId>"),
    "21 digits": jobs("<FolderId>000000000000000000001</FolderId>"),
    "whitespace around an integer": xml_page("<TotalCount> 7 </TotalCount>"),
    "a decimal point": jobs("<FolderId>12.0</FolderId>"),
    "an exponent": jobs("<CreateTime>1e3</CreateTime>"),
    "an upper-case exponent": jobs("<CreateTime>1E3</CreateTime>"),
    "an empty integer": jobs("<FolderId></FolderId>"),
    "letters for an integer": xml_page("<TotalCount>abc</TotalCount>"),
    "non-ASCII digits": jobs("<FolderId>١٢</FolderId>"),
    "an underscore": jobs("<FolderId>1_000</FolderId>"),
    # booleans
    **{f"boolean {text!r}": jobs(f"<IsCommitted>{text}</IsCommitted>") for text in ("true", "false", "1", "0")},
    **{f"boolean {text!r}": jobs(f"<IsCommitted>{text}</IsCommitted>") for text in ("TRUE", "False", " true\n")},
    **{f"boolean {text!r}": jobs(f"<IsCommitted>{text}</IsCommitted>") for text in ("yes", "", "2", "01")},
    # elements the spec does not have, or not there
    "an unknown element in a job": jobs(f"<{NEW_FIELD}>x</{NEW_FIELD}><JobId>a</JobId>"),
    "an unknown element with children": jobs(f"<{NEW_FIELD}><Deep>1</Deep></{NEW_FIELD}>"),
    "an unknown element on the page": xml_page(f"<{NEW_FIELD}>x</{NEW_FIELD}>"),
    "an unknown element among the jobs": xml_page(f"<Jobs><Job/><{NEW_FIELD}/><Job/></Jobs>"),
    "a namespaced job": jobs("<JobId>a</JobId>", xmlns=' xmlns="urn:foas"'),
    "a namespaced field": jobs('<JobId xmlns="urn:foas">a</JobId>'),
    "a namespaced unknown element": jobs(f'<JobId>a</JobId><{NEW_FIELD} xmlns="urn:foas">x</{NEW_FIELD}>'),
    "unknown elements and a misfit": jobs(f"<{NEW_FIELD}>x</{NEW_FIELD}><FolderId>x</FolderId>"),
    "unknown elements in every job": jobs(*(f"<JobId>{i}</JobId><{NEW_FIELD}>{i}</{NEW_FIELD}>" for i in range(5))),
    # repeats, and elements where text belongs
    "a repeated field": jobs("<JobId>a</JobId><JobId>b</JobId>"),
    "a repeated integer": jobs("<CreateTime>1</CreateTime><CreateTime>2</CreateTime>"),
    "a repeated page field": xml_page("<RequestId>a</RequestId><RequestId>b</RequestId>"),
    "a repeated Jobs": xml_page("<Jobs><Job/></Jobs><Jobs><Job/></Jobs>"),
    "a field holding an element": jobs("<JobId><Nested>a</Nested></JobId>"),
    "a field holding text and an element": jobs("<JobName>a<b/></JobName>"),
    "an integer holding an element": jobs("<FolderId>1<b/></FolderId>"),
    "a page field holding an element": xml_page("<RequestId><b/></RequestId>"),
    "a field holding an element, in the last job": jobs("<JobId>a</JobId>", "<JobId>b</JobId>", "<JobId><b/></JobId>"),
    "a comment and a processing instruction in a field": jobs("<JobName>a<!-- c --><?pi x?>b</JobName>"),
    # text where an object belongs
    "text in a job": jobs("junk<JobId>a</JobId>"),
    "text in an empty job": jobs("junk"),
    "text in Jobs": xml_page("<Jobs>junk</Jobs>"),
    "text before the jobs": xml_page("<Jobs>junk<Job/></Jobs>"),
    "text in the page": xml_page("junk"),
    "text after a field": jobs("<JobId>a</JobId>tail"),
    # not the document
    "a required field missing": b"<GetRefPackageJobResponse><RequestId>r</RequestId></GetRefPackageJobResponse>",
    "an error sent with 200": b"<Error><RequestId>r</RequestId><Code>Throttling</Code><Message>slow</Message></Error>",
    "another root": b"<html><body>oops</body></html>",
    "malformed": b"<GetRefPackageJobResponse><RequestId>",
    "empty": b"",
    "a DTD": b'<!DOCTYPE r [<!ENTITY e "x">]>' + xml_page("<RequestId>&e;</RequestId>"),
}


@pytest.mark.parametrize("body", CASES.values(), ids=CASES.keys())
def test_the_struct_path_and_the_usual_path_agree(body: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    assert outcome(body, structs=True, monkeypatch=monkeypatch) == outcome(body, structs=False, monkeypatch=monkeypatch)


def read(name: str) -> Any:
    reader = model_reader(GetRefPackageJobResponse, RESPONSE, SHAPES)
    assert reader is not None
    return reader(document_element(CASES[name], RESPONSE, SHAPES))


VALID = [
    "the documented document",
    "the documented fragment",
    "generated jobs",
    "generated jobs, indented",
    "no Jobs: the spec's default",
    "an empty Jobs",
    "one job: a list of one",
    "empty text",
    "a carriage return",
    "an unknown enum value",
    "boolean 'TRUE'",
    "int64 max",
    "text after a field",  # a tail: the usual path does not read it either
    "an unknown element in a job",  # dropped, as the usual path skips it
    "an unknown element on the page",
    "a namespaced unknown element",
    "unknown elements in every job",
    "negative",
    "minus zero",
    "int64 min",
]


@pytest.mark.parametrize("name", VALID)
def test_valid_documents_take_the_struct_path(name: str) -> None:
    model = read(name)
    assert model is not None
    assert model == GetRefPackageJobResponse.from_dict(decode_body(CASES[name], "application/xml", RESPONSE))


@pytest.mark.parametrize(
    "name",
    [
        "a plus sign",
        "leading zeros",
        "whitespace around an integer",
        "boolean ' true\\n'",
        "an unknown element with children",
        "an unknown element among the jobs",
        "a namespaced field",
    ],
)
def test_documents_the_usual_path_normalises_are_left_to_it(name: str) -> None:
    assert read(name) is None


@pytest.mark.parametrize(
    "name",
    [
        "a decimal point",
        "a negative decimal",
        "an exponent",
        "21 digits",
        "below int32",
        "a repeated field",
        "a field holding an element",
        "text in a job",
    ],
)
def test_documents_the_usual_path_refuses_are_left_to_it(name: str) -> None:
    assert read(name) is None


def test_a_model_without_the_generated_methods_has_no_struct_reader() -> None:
    class Plain:
        @classmethod
        def from_dict(cls, document: object) -> Plain:
            return cls()

    assert model_reader(Plain, RESPONSE, SHAPES) is None
    assert model_reader(JobList, RESPONSE, SHAPES) is None  # a model whose fields are not the shape's


def test_without_msgspec_the_usual_path_is_the_only_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(responses, "_fast_loads", lambda: None)
    assert responses._model_reader(GetRefPackageJobResponse, RESPONSE, SHAPES) is None
