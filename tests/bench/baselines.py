"""The bench's baselines, written as a careful user would write them without this client.

Each produces what the client produces (the bench checks it before timing anything):

- ``msgspec_decoder``: msgspec decoding the JSON page into Structs equivalent to the client's models
  (same fields, wire names, int64/int32 bounds, defaults); ``msgspec.to_builtins`` of the result
  equals the client model's ``to_dict()``.
- ``xml_hand_walk``: lxml (with the client's safe parser settings) and a minimal walk that builds the
  JSON-shaped dict of the page, integers and booleans converted, equal to the client's ``to_dict()``.
- ``signed_httpx_listing``: an ``httpx.Client`` GET per page, signed by hand with ROA v1 (the
  client's own ``string_to_sign``/``sign``: the fake checks the signature), read with ``json.loads``.
- the official SDK's listing: ``tests.bench.workloads.official_sdk_listing``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

import httpx
import msgspec
from lxml import etree

from foas_client._core.http.signing import sign, string_to_sign
from tests.bench.workloads import page_request

INT32 = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]
INT64 = Annotated[int, msgspec.Meta(ge=-(2**63), le=2**63 - 1)]


class JobStruct(msgspec.Struct, rename="pascal", omit_defaults=True):
    """The spec's ``Job``: every field optional (absent: ``UNSET``, as the model's ``Unset``)."""

    api_type: str | msgspec.UnsetType = msgspec.UNSET
    cluster_id: str | msgspec.UnsetType = msgspec.UNSET
    code: str | msgspec.UnsetType = msgspec.UNSET
    create_time: INT64 | msgspec.UnsetType = msgspec.UNSET
    creator: str | msgspec.UnsetType = msgspec.UNSET
    description: str | msgspec.UnsetType = msgspec.UNSET
    engine_version: str | msgspec.UnsetType = msgspec.UNSET
    folder_id: INT64 | msgspec.UnsetType = msgspec.UNSET
    is_committed: bool | msgspec.UnsetType = msgspec.UNSET
    job_id: str | msgspec.UnsetType = msgspec.UNSET
    job_name: str | msgspec.UnsetType = msgspec.UNSET
    job_type: str | msgspec.UnsetType = msgspec.UNSET
    modifier: str | msgspec.UnsetType = msgspec.UNSET
    modify_time: INT64 | msgspec.UnsetType = msgspec.UNSET
    packages: str | msgspec.UnsetType = msgspec.UNSET
    plan_json: str | msgspec.UnsetType = msgspec.UNSET
    project_name: str | msgspec.UnsetType = msgspec.UNSET
    properties: str | msgspec.UnsetType = msgspec.UNSET
    queue_name: str | msgspec.UnsetType = msgspec.UNSET


class JobListStruct(msgspec.Struct, rename="pascal"):
    """The spec's ``JobList``: ``{"Job": [...]}``, an absent array read as empty."""

    job: list[JobStruct] = msgspec.field(default_factory=list)


class PageStruct(msgspec.Struct, rename="pascal"):
    """The spec's ``GetRefPackageJobResponse``: the totals required, an absent ``Jobs`` an empty list."""

    request_id: str
    page_index: INT32
    page_size: INT32
    total_count: INT64
    total_page: INT32
    jobs: JobListStruct = msgspec.field(default_factory=JobListStruct)


def msgspec_decoder() -> Callable[[bytes], PageStruct]:
    """``bytes -> PageStruct``: msgspec's typed JSON decoder for the page."""
    return msgspec.json.Decoder(PageStruct).decode


def as_builtins(page: PageStruct) -> Any:
    """The JSON-shaped dict of a decoded ``PageStruct`` (for the equivalence check)."""
    return msgspec.to_builtins(page)


# The same settings as the client's parser: no entities, no network, no DTD, comments and PIs dropped.
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True
)
_PAGE_INTEGERS = frozenset({"PageIndex", "PageSize", "TotalCount", "TotalPage"})
_JOB_INTEGERS = frozenset({"CreateTime", "FolderId", "ModifyTime"})
_JOB_BOOLEANS = frozenset({"IsCommitted"})


def _job(element: Any) -> dict[str, Any]:
    job: dict[str, Any] = {}
    for field in element:
        tag, text = field.tag, field.text or ""
        if tag in _JOB_INTEGERS:
            job[tag] = int(text)
        elif tag in _JOB_BOOLEANS:
            job[tag] = text == "true"
        else:
            job[tag] = text
    return job


def xml_hand_walk(body: bytes) -> dict[str, Any]:
    """The page's JSON-shaped dict from its XML body: lxml and one pass over the elements."""
    page: dict[str, Any] = {}
    for element in etree.fromstring(body, _XML_PARSER):
        tag = element.tag
        if tag == "Jobs":
            page["Jobs"] = {"Job": [_job(job) for job in element]}
        elif tag in _PAGE_INTEGERS:
            page[tag] = int(element.text or "")
        else:
            page[tag] = element.text or ""
    return page


def signed_httpx_listing(
    http: httpx.Client,
    base_url: str,
    access_key: tuple[str, str],
    *,
    project: str,
    package: str,
    page_size: int,
) -> Callable[[], int]:
    """A listing by hand: a signed GET per page, page after page, ``json.loads``; returns the jobs seen.

    The request is the client's (``workloads.page_request``: same path, query, ``x-acs-*`` headers),
    signed with ROA v1: Date and a nonce fresh on every request, HMAC-SHA1 over the canonical string.
    """
    key_id, secret = access_key

    def listing() -> int:
        seen, page_index = 0, 1
        while True:
            target, headers = page_request(project=project, package=package, page_size=page_size, page_index=page_index)
            headers["Authorization"] = f"acs {key_id}:{sign(secret, string_to_sign('GET', headers, target))}"
            response = http.get(base_url + target, headers=headers)
            if response.status_code != 200:
                raise RuntimeError(f"the hand-signed GET got {response.status_code}: {response.text[:300]}")
            page = json.loads(response.content)
            jobs = page["Jobs"]["Job"]
            seen += len(jobs)
            if not jobs or page_index >= page["TotalPage"]:
                return seen
            page_index += 1

    return listing
