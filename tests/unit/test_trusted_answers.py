"""A success status is not a success answer: what a page must carry, and what an empty page, ``null``
and the service's other variants read as.

"No job references this package" is the answer users act on by deleting the package, so an error
envelope sent with HTTP 200, or a body without a page's totals, must never read as an empty page.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from foas_client import AsyncFoasClient, FoasClient, GetRefPackageJobResponse, decode_body
from foas_client.errors import ApiError, DecodeError, NotFoundError, ThrottlingError
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, Fault
from tests.support.pages import operation, page, required_fields, schema, xml_page

RESPONSE = "GetRefPackageJobResponse"
PROJECT, PACKAGE = "project1", "package1.jar"
XML_TYPES = sorted(media for media in operation("GetRefPackageJob")["responses"]["200"]["content"] if "xml" in media)


def decode(body: bytes, content_type: str = "application/json") -> GetRefPackageJobResponse:
    return GetRefPackageJobResponse.from_dict(decode_body(body, content_type, RESPONSE))


def client_for(service: FakeFoasService, response_format: str = "json") -> FoasClient:
    return FoasClient(
        credentials=TEST_CREDENTIALS,
        transport=service.transport(),
        response_format=response_format,  # type: ignore[arg-type]
        max_attempts=1,
    )


# -- an error envelope with a success status --------------------------------------------------------


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_an_error_body_sent_with_200_raises_the_typed_error_never_an_empty_page(response_format: str) -> None:
    service = FakeFoasService.with_documented_jobs()
    service.inject(Fault.error(200, "InvalidPackage.NotFound", "package not found"))
    with client_for(service, response_format) as client, pytest.raises(NotFoundError) as caught:
        client.get_ref_package_job(PROJECT, PACKAGE)
    error = caught.value
    assert (error.status_code, error.code, error.message) == (200, "InvalidPackage.NotFound", "package not found")
    assert error.request_id and error.request_id in str(error)
    assert "HTTP 200" in str(error) and "\n" not in str(error)
    assert error.detail is not None and "success status" in error.detail


@pytest.mark.parametrize("response_format", ["json", "xml"])
def test_a_listing_whose_page_is_an_error_body_raises_instead_of_yielding_nothing(response_format: str) -> None:
    service = FakeFoasService.with_documented_jobs()
    service.inject(Fault.error(200, "InternalError.Backend", "backend unavailable"))
    with client_for(service, response_format) as client, pytest.raises(ApiError) as caught:
        list(client.iter_jobs(PROJECT, PACKAGE))
    assert caught.value.code == "InternalError.Backend"


def test_a_throttling_code_sent_with_200_is_retried_like_any_throttling() -> None:
    service = FakeFoasService.with_documented_jobs()
    service.inject(Fault.error(200, "Throttling.User"))
    with FoasClient(credentials=TEST_CREDENTIALS, transport=service.transport(), max_attempts=2) as client:
        listed = client.get_ref_package_job(PROJECT, PACKAGE)
    assert len(listed.jobs.job) == 1
    assert service.requests == 2
    service.inject(Fault.error(200, "Throttling.User"))
    with client_for(service) as client, pytest.raises(ThrottlingError):
        client.get_ref_package_job(PROJECT, PACKAGE)


async def _async_listing(service: FakeFoasService) -> list[Any]:
    async with AsyncFoasClient(
        credentials=TEST_CREDENTIALS, transport=service.async_transport(), max_attempts=1
    ) as client:
        return [job async for job in client.iter_jobs(PROJECT, PACKAGE)]


def test_the_async_client_refuses_an_error_body_with_200_alike() -> None:
    import asyncio

    service = FakeFoasService.with_documented_jobs()
    service.inject(Fault.error(200, "InvalidPackage.NotFound"))
    with pytest.raises(NotFoundError):
        asyncio.run(_async_listing(service))


@pytest.mark.parametrize("missing", sorted(required_fields()))
def test_a_2xx_body_without_a_field_every_page_carries_is_a_decode_error_naming_it(missing: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(json.dumps(page({missing: ...})).encode())
    assert caught.value.path == missing
    with pytest.raises(DecodeError) as caught:
        decode(json.dumps(page({missing: None})).encode())  # null is an absent field
    assert caught.value.path == missing
    inner = "".join(f"<{name}>{value}</{name}>" for name, value in required_fields().items() if name != missing)
    with pytest.raises(DecodeError) as caught:
        decode(f"<{RESPONSE}>{inner}</{RESPONSE}>".encode(), "application/xml")
    assert caught.value.path == missing


def test_the_spec_requires_the_totals_a_listing_trusts() -> None:
    required = set(schema(RESPONSE)["required"])
    paging = operation("GetRefPackageJob")["x-pagination"]
    assert {paging["totalItems"][0], paging["pageIndex"][0]} <= required


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'{"Code": 5}', id="error-shaped-but-not-an-error-body"),
        pytest.param(b'{"Unknown": "x"}', id="neither"),
        pytest.param(b"{}", id="empty-object"),
    ],
)
def test_a_2xx_body_that_is_neither_a_page_nor_an_error_stays_a_decode_error(body: bytes) -> None:
    service = FakeFoasService.with_documented_jobs()
    service.inject(Fault.malformed(body=body))
    with client_for(service) as client, pytest.raises(DecodeError):
        client.get_ref_package_job(PROJECT, PACKAGE)


# -- an empty page, however it comes -----------------------------------------------------------------

EMPTY_PAGES = [
    pytest.param(json.dumps(page({"Jobs": {"Job": []}})).encode(), "application/json", id="json-empty-list"),
    pytest.param(json.dumps(page({"Jobs": {}})).encode(), "application/json", id="json-empty-object"),
    pytest.param(json.dumps(page({"Jobs": None})).encode(), "application/json", id="json-null"),
    pytest.param(json.dumps(page({"Jobs": {"Job": None}})).encode(), "application/json", id="json-null-list"),
    pytest.param(json.dumps(page()).encode(), "application/json", id="json-absent"),
    pytest.param(xml_page("<Jobs/>"), "application/xml", id="xml-empty-element"),
    pytest.param(xml_page("<Jobs></Jobs>"), "text/xml;charset=utf-8", id="xml-empty-pair"),
    pytest.param(xml_page(""), "application/xml", id="xml-absent"),
]


@pytest.mark.parametrize(("body", "content_type"), EMPTY_PAGES)
def test_every_form_of_an_empty_page_decodes_to_the_same_empty_list(body: bytes, content_type: str) -> None:
    decoded = decode(body, content_type)
    assert decoded.jobs.job == []
    reference = decode(json.dumps(page({"Jobs": {"Job": []}})).encode())
    assert decoded.jobs == reference.jobs


def test_the_readme_loop_runs_on_an_empty_page() -> None:
    decoded = decode(json.dumps(page()).encode())
    seen = [job.job_id for job in decoded.jobs.job]
    assert seen == []


# -- the service's variants ----------------------------------------------------------------------------


def test_null_in_a_field_reads_as_absent() -> None:
    body = page({"Jobs": {"Job": [{"JobId": "j", "FolderId": None, "Description": None, "IsCommitted": None}]}})
    job = decode(json.dumps(body).encode()).jobs.job[0]
    assert job.job_id == "j"
    assert job.to_dict() == {"JobId": "j"}


def test_one_object_where_the_list_belongs_is_a_list_of_one() -> None:
    single = decode(json.dumps(page({"Jobs": {"Job": {"JobId": "j", "JobName": "n"}}})).encode())
    listed = decode(json.dumps(page({"Jobs": {"Job": [{"JobId": "j", "JobName": "n"}]}})).encode())
    assert single.jobs == listed.jobs
    assert [job.job_id for job in single.jobs.job] == ["j"]


@pytest.mark.parametrize("content_type", [*XML_TYPES, "text/xml;charset=utf-8", "text/xml; charset=UTF-8"])
def test_the_xml_media_types_of_the_spec_decode(content_type: str) -> None:
    assert "text/xml" in XML_TYPES  # what the real service sends is a media type of the spec
    decoded = decode(xml_page("<Jobs><Job><JobId>j</JobId></Job></Jobs>"), content_type)
    assert [job.job_id for job in decoded.jobs.job] == ["j"]
