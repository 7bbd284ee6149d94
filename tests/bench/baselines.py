"""The bench's baselines, written as a careful user would write them without this client.

Each produces what the client produces (the bench checks it before timing anything):

- ``msgspec_decoder``: msgspec decoding the JSON page into Structs equivalent to the client's models
  (same fields, wire names, int64/int32 bounds, defaults); ``msgspec.to_builtins`` of the result
  equals the client model's ``to_dict()``.
- ``xml_hand_walk``: lxml (with the client's safe parser settings) and a minimal walk that builds the
  JSON-shaped dict of the page, integers and booleans converted, equal to the client's ``to_dict()``.
- ``signed_httpx_listing``: an ``httpx.Client`` GET per page, signed by hand with signature V3 as the
  client signs by default (``workloads.signed_v3_request``: the fake checks the signature), read with
  ``json.loads``: no models, no checks.
- ``hand_call``: one page as a careful user would fetch it with httpx alone: the same hand-signed V3
  GET, the status checked, the body decoded by msgspec into the Structs of ``msgspec_decoder``.
- the official SDK's listing: ``tests.bench.workloads.official_sdk_listing``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, Union

import httpx
import msgspec
from lxml import etree

from tests.bench.workloads import signed_v3_request
from tests.support.pages import schema, xml_name

INT32 = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]
INT64 = Annotated[int, msgspec.Meta(ge=-(2**63), le=2**63 - 1)]
_PAGE = "GetRefPackageJobResponse"  # the schema of the page the listing reads
_SCALARS: dict[str, Any] = {"string": str, "boolean": bool, "number": float, "integer": int}
_FORMATS: dict[str, Any] = {"int32": INT32, "int64": INT64}


def _target(node: dict[str, Any]) -> str:
    """The name of the component schema a ``$ref`` node points at."""
    return str(node["$ref"]).rpartition("/")[2]


def _scalar(node: dict[str, Any]) -> Any:
    """The Python type of a scalar schema: its type, an integer's bounds by format; a known enum or any
    string (``anyOf``) is a string."""
    if "anyOf" in node:
        return str
    if "$ref" in node:
        return _scalar(schema(_target(node)))
    return _FORMATS.get(node.get("format", ""), _SCALARS[node["type"]])


def _struct(name: str) -> type[msgspec.Struct]:
    """A Struct equivalent to the client's model of object schema ``name``, fields by their wire names.

    As the spec and the model have it: a required field is required, any other absent is ``UNSET``
    (left out of ``to_builtins``, as the model's ``Unset`` is out of ``to_dict``), and a field whose
    schema has a ``default`` (an empty object or array) is that when absent. Objects and arrays of
    objects are Structs of their own. Written as a user keeps Structs in step with the spec: field for
    field, so a field the spec adds is decoded here too.
    """
    node = schema(name)
    required = set(node.get("required", []))
    fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
    for field, prop in node.get("properties", {}).items():
        default: Any = msgspec.UNSET
        if "$ref" in prop and "properties" in schema(_target(prop)):
            kind: Any = _struct(_target(prop))
            if schema(_target(prop)).get("default") == {}:
                default = msgspec.field(default_factory=kind)
        elif prop.get("type") == "array":
            kind = list[_struct(_target(prop["items"]))]
            if prop.get("default") == []:
                default = msgspec.field(default_factory=list)
        else:
            kind = _scalar(prop)
        if field in required:
            fields.append((field, kind))
        elif default is msgspec.UNSET:
            fields.append((field, Union[kind, msgspec.UnsetType], default))  # noqa: UP007 (kind is a runtime value)
        else:
            fields.append((field, kind, default))
    return msgspec.defstruct(f"{name}Struct", fields, kw_only=True)


PageStruct = _struct(_PAGE)  # the page, its items and their fields: GetRefPackageJobResponse, JobList, Job


def msgspec_decoder() -> Callable[[bytes], msgspec.Struct]:
    """``bytes -> PageStruct``: msgspec's typed JSON decoder for the page."""
    return msgspec.json.Decoder(PageStruct).decode


def as_builtins(page: msgspec.Struct) -> Any:
    """The JSON-shaped dict of a decoded ``PageStruct`` (for the equivalence check)."""
    return msgspec.to_builtins(page)


# The same settings as the client's parser: no entities, no network, no DTD, comments and PIs dropped.
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True
)


def _elements(name: str, kind: str) -> frozenset[str]:
    """The XML elements of schema ``name``'s properties of type ``kind``."""
    properties = schema(name)["properties"]
    return frozenset(xml_name(name, field) for field, prop in properties.items() if prop.get("type") == kind)


def _renamed(name: str) -> tuple[tuple[str, str], ...]:
    """(element, property) for each property of schema ``name`` whose XML element has another name."""
    return tuple(
        (xml_name(name, field), field) for field in schema(name)["properties"] if xml_name(name, field) != field
    )


# What the walk needs of the spec, read once: which elements hold integers and booleans, which are renamed,
# and where the items are (the page's Jobs, JobList's Job, the Job schema).
_ITEMS_FIELD = next(field for field, prop in schema(_PAGE)["properties"].items() if "$ref" in prop)
_ITEMS_ELEMENT = xml_name(_PAGE, _ITEMS_FIELD)
_LIST = _target(schema(_PAGE)["properties"][_ITEMS_FIELD])
_ARRAY_FIELD, _ARRAY = next(iter(schema(_LIST)["properties"].items()))
_ITEM = _target(_ARRAY["items"])
_PAGE_INTEGERS = _elements(_PAGE, "integer")
_PAGE_RENAMED = _renamed(_PAGE)
_JOB_INTEGERS = _elements(_ITEM, "integer")
_JOB_BOOLEANS = _elements(_ITEM, "boolean")
_JOB_RENAMED = _renamed(_ITEM)


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
    for tag, name in _JOB_RENAMED:  # after the loop: a page without renamed elements pays nothing per field
        if tag in job:
            job[name] = job.pop(tag)
    return job


def xml_hand_walk(body: bytes) -> dict[str, Any]:
    """The page's JSON-shaped dict from its XML body: lxml and one pass over the elements."""
    page: dict[str, Any] = {}
    for element in etree.fromstring(body, _XML_PARSER):
        tag = element.tag
        if tag == _ITEMS_ELEMENT:
            page[_ITEMS_FIELD] = {_ARRAY_FIELD: [_job(job) for job in element]}
        elif tag in _PAGE_INTEGERS:
            page[tag] = int(element.text or "")
        else:
            page[tag] = element.text or ""
    for tag, name in _PAGE_RENAMED:
        if tag in page:
            page[name] = page.pop(tag)
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

    The request is the client's (same path, query, ``x-acs-*`` headers), signed by hand with signature V3
    (``workloads.signed_v3_request``: a fresh date and nonce on every request, SHA-256 of the canonical
    request, HMAC-SHA256), as the client signs by default.
    """
    host = httpx.URL(base_url).netloc.decode("ascii")

    def listing() -> int:
        seen, page_index = 0, 1
        while True:
            target, headers = signed_v3_request(
                host, access_key, project=project, package=package, page_size=page_size, page_index=page_index
            )
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


def hand_call(
    http: httpx.Client, access_key: tuple[str, str], *, project: str, package: str, page_size: int
) -> Callable[[], msgspec.Struct]:
    """One page fetched by hand through ``http`` (its ``base_url`` set): the V3-signed GET of
    ``signed_v3_request``, the status checked, the body decoded into ``PageStruct``, the msgspec Structs
    equivalent to the client's models. What a user writes who needs the page typed, with httpx and msgspec.
    """
    host = http.base_url.netloc.decode("ascii")
    decode = msgspec_decoder()

    def call() -> msgspec.Struct:
        target, headers = signed_v3_request(
            host, access_key, project=project, package=package, page_size=page_size, page_index=1
        )
        response = http.get(target, headers=headers)
        if response.status_code != 200:
            raise RuntimeError(f"the hand-signed GET got {response.status_code}: {response.text[:300]}")
        return decode(response.content)

    return call
