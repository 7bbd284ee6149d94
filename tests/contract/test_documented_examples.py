"""The vendor's documented examples decode, through the generated endpoint, to exactly the documented values."""

from __future__ import annotations

import asyncio
import json

import pytest

from foas_client import GetRefPackageJobResponse, KnownApiType, KnownJobType, decode_body, parse_plan, parse_properties
from foas_client.api.packages import get_ref_package_job
from foas_client.types import Response
from tests.contract.helpers import (
    DOCUMENTED,
    JSON_DOC,
    RESPONSE,
    XML_FRAGMENT,
    XML_ROOTED,
    Example,
    FakeServer,
    serving,
)
from tests.support.pages import request_path

JOBS_PATH = request_path("GetRefPackageJob", projectName="project1", packageName="package1.jar")

# Literal values from the vendor doc (GetRefPackageJob-api-doc.txt, 正常返回示例).
REQUEST_ID = "31FDAE27-F135-4DAB-9C75-FADD6B0C4D1D"
PROPERTIES = (
    "#checkpoint模式:EXACTLY_ONCE 或者 AT_LEAST_ONCE\n"
    "#blink.checkpoint.mode=EXACTLY_ONCE\n"
    "\n"
    "#checkpoint间隔时间,单位毫秒\n"
    "#blink.checkpoint.interval.ms=180000\n"
    "\n"
    "#rocksdb的数据生命周期,单位毫秒\n"
    "#state.backend.rocksdb.ttl.ms=129600000\n"
)
# The documents differ here: the JSON string has CR LF; the XML text has a raw CR LF, which every XML
# parser normalises to LF (XML 1.0, section 2.11). A difference in the documents, not in the decoders.
CODE_JSON = "blink.main.class=com.hjc.test.blink_test.ChinanTopSpeedWindowing2\r\nblink.job.name=datastream_prestest"
CODE_XML = "blink.main.class=com.hjc.test.blink_test.ChinanTopSpeedWindowing2\nblink.job.name=datastream_prestest"
CODE_BY_EXAMPLE = {JSON_DOC: CODE_JSON, XML_FRAGMENT: CODE_XML, XML_ROOTED: CODE_XML}
TRIGGER = (
    "TriggerWindow(GlobalWindows(), ListStateDescriptor{serializer=org.apache.flink.api.common.typeutils.base."
    "ListSerializer@b2107f67}, DeltaTrigger(com.hjc.test.blink_test.ChinanTopSpeedWindowing$1@350aac89, 50.0), "
    "TimeEvictor(10000), WindowedStream.reduce(WindowedStream.java:258))"
)
PLAN_JSON = (
    "{\n"
    '  "nodes": [\n'
    "    {\n"
    '      "id": 1,\n'
    '      "type": "Source: Custom Source",\n'
    '      "pact": "Data Source",\n'
    '      "contents": "Source: Custom Source",\n'
    '      "parallelism": 1\n'
    "    },\n"
    "    {\n"
    '      "id": 2,\n'
    '      "type": "Timestamps/Watermarks",\n'
    '      "pact": "Operator",\n'
    '      "contents": "Timestamps/Watermarks",\n'
    '      "parallelism": 1,\n'
    '      "predecessors": [\n'
    "        {\n"
    '          "id": 1,\n'
    '          "ship_strategy": "FORWARD",\n'
    '          "side": "second"\n'
    "        }\n"
    "      ]\n"
    "    },\n"
    "    {\n"
    '      "id": 4,\n'
    f'      "type": "{TRIGGER}",\n'
    '      "pact": "Operator",\n'
    f'      "contents": "{TRIGGER}",\n'
    '      "parallelism": 1,\n'
    '      "predecessors": [\n'
    "        {\n"
    '          "id": 2,\n'
    '          "ship_strategy": "KEY-GROUP",\n'
    '          "side": "second"\n'
    "        }\n"
    "      ]\n"
    "    },\n"
    "    {\n"
    '      "id": 5,\n'
    '      "type": "Sink: Unnamed",\n'
    '      "pact": "Data Sink",\n'
    '      "contents": "Sink: Unnamed",\n'
    '      "parallelism": 1,\n'
    '      "predecessors": [\n'
    "        {\n"
    '          "id": 4,\n'
    '          "ship_strategy": "FORWARD",\n'
    '          "side": "second"\n'
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ]\n"
    "}"
)

EXAMPLE_IDS = [example.file for example in DOCUMENTED]


def decoded(example: Example) -> GetRefPackageJobResponse:
    return GetRefPackageJobResponse.from_dict(decode_body(example.body, example.content_type, RESPONSE))


def assert_documented(page: object, code: str) -> None:
    """Every documented field, value and Python type."""
    assert isinstance(page, GetRefPackageJobResponse)
    assert (page.total_count, page.total_page, page.page_size, page.page_index) == (1, 1, 10, 1)
    for number in (page.total_count, page.total_page, page.page_size, page.page_index):
        assert type(number) is int
    assert page.request_id == REQUEST_ID
    assert len(page.jobs.job) == 1
    job = page.jobs.job[0]
    assert job.modify_time == 1583722910000
    assert job.description == ""
    assert job.engine_version == "blink-3.4.4"
    assert job.project_name == "bayes_team"
    assert job.cluster_id == "et2cloud****"
    assert job.create_time == 1551161842000
    assert job.job_name == "job1"
    assert job.creator == "1709064687573327"
    assert job.folder_id == 10148
    assert job.properties == PROPERTIES
    assert job.code == code
    assert job.job_type is KnownJobType.FLINK_STREAM
    assert job.packages == "blink_test_datastream.jar"
    assert job.api_type is KnownApiType.DATASTREAM
    assert job.is_committed is True
    assert job.modifier == "1709064687573327"
    assert job.queue_name == "root.bayes_team"
    assert job.job_id == "9t9m6jfw8rb44iexhbpv3tnz"
    assert job.plan_json == PLAN_JSON
    for number in (job.modify_time, job.create_time, job.folder_id):
        assert type(number) is int
    for text in (job.creator, job.modifier, job.description, job.job_id):
        assert type(text) is str
    assert job.additional_properties == {}
    assert page.additional_properties == {}


def assert_sent(server: FakeServer) -> None:
    (request,) = server.requests
    assert request.method == "GET"
    assert request.url.path == JOBS_PATH
    assert dict(request.url.params) == {"pageSize": "10", "pageIndex": "1"}


@pytest.mark.parametrize("example", DOCUMENTED, ids=EXAMPLE_IDS)
def test_sync_decodes_the_documented_example(example: Example) -> None:
    server = serving(example)
    page = get_ref_package_job.sync("project1", "package1.jar", client=server.client(), page_size=10, page_index=1)
    assert_sent(server)
    assert_documented(page, CODE_BY_EXAMPLE[example])


@pytest.mark.parametrize("example", DOCUMENTED, ids=EXAMPLE_IDS)
def test_sync_detailed_keeps_status_headers_and_raw_body(example: Example) -> None:
    server = serving(example)
    response = get_ref_package_job.sync_detailed(
        "project1", "package1.jar", client=server.client(), page_size=10, page_index=1
    )
    assert_sent(server)
    assert response.status_code == 200
    assert response.content == example.body
    assert response.headers["content-type"] == example.content_type
    assert_documented(response.parsed, CODE_BY_EXAMPLE[example])


@pytest.mark.parametrize("example", DOCUMENTED, ids=EXAMPLE_IDS)
def test_asyncio_variants_decode_the_same(example: Example) -> None:
    server = serving(example)

    async def both() -> tuple[GetRefPackageJobResponse, Response[GetRefPackageJobResponse]]:
        client = server.client()
        page = await get_ref_package_job.asyncio("project1", "package1.jar", client=client, page_size=10, page_index=1)
        detailed = await get_ref_package_job.asyncio_detailed(
            "project1", "package1.jar", client=client, page_size=10, page_index=1
        )
        return page, detailed

    page, detailed = asyncio.run(both())
    assert len(server.requests) == 2
    for request in server.requests:
        assert request.url.path == JOBS_PATH
        assert dict(request.url.params) == {"pageSize": "10", "pageIndex": "1"}
    assert_documented(page, CODE_BY_EXAMPLE[example])
    assert detailed.status_code == 200
    assert detailed.parsed == page


@pytest.mark.parametrize("example", DOCUMENTED, ids=EXAMPLE_IDS)
def test_plan_json_is_the_documented_plan(example: Example) -> None:
    plan = parse_plan(decoded(example).jobs.job[0].plan_json)
    assert plan == {
        "nodes": [
            {
                "id": 1,
                "type": "Source: Custom Source",
                "pact": "Data Source",
                "contents": "Source: Custom Source",
                "parallelism": 1,
            },
            {
                "id": 2,
                "type": "Timestamps/Watermarks",
                "pact": "Operator",
                "contents": "Timestamps/Watermarks",
                "parallelism": 1,
                "predecessors": [{"id": 1, "ship_strategy": "FORWARD", "side": "second"}],
            },
            {
                "id": 4,
                "type": TRIGGER,
                "pact": "Operator",
                "contents": TRIGGER,
                "parallelism": 1,
                "predecessors": [{"id": 2, "ship_strategy": "KEY-GROUP", "side": "second"}],
            },
            {
                "id": 5,
                "type": "Sink: Unnamed",
                "pact": "Data Sink",
                "contents": "Sink: Unnamed",
                "parallelism": 1,
                "predecessors": [{"id": 4, "ship_strategy": "FORWARD", "side": "second"}],
            },
        ]
    }
    assert [node["id"] for node in plan["nodes"]] == [1, 2, 4, 5]
    assert "predecessors" not in plan["nodes"][0]


@pytest.mark.parametrize("example", DOCUMENTED, ids=EXAMPLE_IDS)
def test_properties_and_code_parse_as_java_properties(example: Example) -> None:
    job = decoded(example).jobs.job[0]
    # Every line of the documented Properties is a comment (the settings are commented out): nothing is left.
    assert parse_properties(job.properties) == {}
    # CR LF (JSON) and LF (XML) separate the two entries alike.
    assert parse_properties(job.code) == {
        "blink.main.class": "com.hjc.test.blink_test.ChinanTopSpeedWindowing2",
        "blink.job.name": "datastream_prestest",
    }


def test_json_and_xml_decode_to_equal_models_except_code() -> None:
    from_json, from_xml = decoded(JSON_DOC), decoded(XML_FRAGMENT)
    assert from_json.jobs.job[0].code == CODE_JSON
    assert from_xml.jobs.job[0].code == CODE_XML
    assert from_json != from_xml  # only Code differs ...
    from_json.jobs.job[0].code = CODE_XML
    assert from_json == from_xml  # ... as the documents themselves differ (see CODE_JSON)


def test_rooted_and_fragment_xml_decode_to_equal_models() -> None:
    assert decoded(XML_ROOTED) == decoded(XML_FRAGMENT)


@pytest.mark.parametrize("example", DOCUMENTED, ids=EXAMPLE_IDS)
def test_to_dict_from_dict_round_trip_is_the_identity(example: Example) -> None:
    page = decoded(example)
    again = GetRefPackageJobResponse.from_dict(page.to_dict())
    assert again == page
    assert again.to_dict() == page.to_dict()


def test_json_model_to_dict_is_the_wire_document() -> None:
    wire = json.loads(JSON_DOC.body)
    assert decoded(JSON_DOC).to_dict() == wire
    xml_dict = decoded(XML_FRAGMENT).to_dict()
    assert xml_dict["Jobs"]["Job"][0].pop("Code") == CODE_XML
    del wire["Jobs"]["Job"][0]["Code"]
    assert xml_dict == wire
