"""schemathesis (pinned in requirements-dev.txt) runs the spec against the project's fake, served on 127.0.0.1.

It generates requests from the spec (valid and invalid parameters, undeclared methods, missing and bad
authentication) and checks every answer of ``FakeFoasService`` against the spec: status codes, media
types, schema conformance, and that invalid input is refused. The fake checks ROA signatures, so each
request is signed with ``foas_client.RoaSigner`` as it leaves (a ``requests`` auth): schemathesis puts a
placeholder ``Authorization`` on each case (its auth provider), and only a request carrying the
placeholder is signed. Its own probes — no credentials, made-up credentials — go out unsigned and must
be refused, which is how the fake's signature check is judged too.

schemathesis deserialises JSON only; XML answers are read here from the spec alone (element names, arrays,
scalar types), with the standard library's parser, so that they are judged by the same schemas.

What it found in the fake, now fixed (``generator/runtime/_fake_service.py``, ``_fake_server.py``):
``pageSize=2147483648`` (above the spec's int32) answered 200 and echoed a PageSize outside int32; a
request without ``Authorization`` got 403 "access key not found" instead of 401; undeclared methods got
404 (POST...) or http.server's 501 HTML page (TRACE, QUERY) instead of 405 with ``Allow``.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings

from foas_client import RoaSigner
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, LoopbackFake, make_jobs
from tests.judges.tools import SPEC, load_spec
from tests.support.pages import operation

RAW = load_spec()
SCHEMAS: dict[str, Any] = RAW["components"]["schemas"]
OPERATION = operation("GetRefPackageJob", RAW)  # the documented operation: its examples are checked below
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
PLACEHOLDER = "acs placeholder:signed-when-sent"  # replaced by a real signature as the request leaves
SIGNED_HEADERS = ("date", "accept", "authorization")
SEEN: collections.Counter[tuple[str, int]] = collections.Counter()  # (Accept, status) of every generated case

schema = schemathesis.openapi.from_path(SPEC)


@schema.auth(refresh_interval=None)
class Placeholder:
    """Marks each generated request as one to sign (schemathesis then knows the operation has credentials)."""

    def get(self, case: schemathesis.Case, context: schemathesis.AuthContext) -> str:
        return PLACEHOLDER

    def set(self, case: schemathesis.Case, data: str, context: schemathesis.AuthContext) -> None:
        case.headers = {**(case.headers or {}), "Authorization": data}


class RoaRequestsAuth(requests.auth.AuthBase):
    """Signs, with ``RoaSigner``, a prepared request that carries the placeholder; leaves others alone."""

    def __call__(self, prepared: requests.PreparedRequest) -> requests.PreparedRequest:
        if prepared.headers.get("Authorization") != PLACEHOLDER:
            return prepared
        assert prepared.method is not None and prepared.url is not None
        request = httpx.Request(prepared.method, prepared.url, headers=dict(prepared.headers))
        raw_path = request.url.raw_path.decode("ascii").partition("?")[0]
        action = operation_at(prepared.method, raw_path)["operationId"]  # x-acs-action, as the client sends it
        RoaSigner(TEST_CREDENTIALS, region_id="cn-hangzhou", action=action).sign_request(request)
        # The signature covers the path as sent: httpx and requests must agree on it.
        assert request.url.raw_path.decode("ascii") == prepared.path_url, (request.url.raw_path, prepared.path_url)
        for name, value in request.headers.items():
            if name in SIGNED_HEADERS or name.startswith("x-acs-"):
                prepared.headers[name] = value
        return prepared


# --- XML, read from the spec alone ---------------------------------------------------------------


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = SCHEMAS[node["$ref"].rsplit("/", 1)[1]]
    return node


def element_name(node: dict[str, Any], default: str) -> str:
    return str(node.get("xml", {}).get("name") or resolve(node).get("xml", {}).get("name") or default)


def from_element(element: ElementTree.Element, node: dict[str, Any]) -> Any:
    """The JSON value the spec says ``element`` carries; a text that does not fit stays text (the schema judges)."""
    target = resolve(node)
    if "properties" in target:
        document: dict[str, Any] = {}
        for name, prop in target["properties"].items():
            declared = resolve(prop)
            if declared.get("type") == "array" and not declared.get("xml", {}).get("wrapped"):
                items = declared["items"]
                tag = element_name(items, name)
                document[name] = [from_element(child, items) for child in element if child.tag == tag]
                continue
            found = element.findall(element_name(prop, name))
            if len(found) > 1:
                raise ValueError(f"<{element.tag}> has {len(found)} <{found[0].tag}> elements")
            if found:
                document[name] = from_element(found[0], prop)
        return document
    text = element.text or ""
    if target.get("type") == "integer" and re.fullmatch(r"-?[0-9]+", text.strip()):
        return int(text)
    if target.get("type") == "boolean" and text.strip() in ("true", "false"):
        return text.strip() == "true"
    return text


def operation_at(method: str, path: str) -> dict[str, Any]:
    """The spec's operation whose path template matches ``path`` (its first, for a method it lacks)."""
    for template, path_item in RAW["paths"].items():
        pattern = "^" + re.sub(r"\\{\w+\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path):
            operations = [path_item[m] for m in METHODS if m in path_item]
            found: dict[str, Any] = path_item.get(method.lower(), operations[0])
            return found
    return OPERATION


def response_schema(status: int, media_type: str, operation: dict[str, Any] = OPERATION) -> dict[str, Any]:
    responses = operation["responses"]
    answer = responses.get(str(status)) or responses[f"{status // 100}XX"]
    if "$ref" in answer:
        answer = RAW["components"]["responses"][answer["$ref"].rsplit("/", 1)[1]]
    schema_node: dict[str, Any] = answer["content"][media_type]["schema"]
    return schema_node


@schemathesis.deserializer("application/xml", "text/xml")
def xml_from_the_spec(context: schemathesis.DeserializationContext, response: schemathesis.Response) -> Any:
    answered = operation_at(context.operation.method, context.operation.path)
    node = response_schema(response.status_code, "application/xml", answered)
    root = ElementTree.fromstring(response.content)
    if root.tag != element_name(node, ""):
        raise ValueError(f"root element <{root.tag}>, the spec says <{element_name(node, '')}>")
    return from_element(root, node)


# --- the runs --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fake() -> Iterator[LoopbackFake]:
    service = FakeFoasService.with_documented_jobs()  # checks signatures against TEST_CREDENTIALS
    service.add_jobs("project1", "package1.jar", make_jobs(23, project_name="project1", package_name="package1.jar"))
    with service.serve() as server:
        yield server


@pytest.fixture(scope="module")
def session() -> Iterator[requests.Session]:
    with requests.Session() as signed:
        signed.auth = RoaRequestsAuth()
        yield signed


def check(case: schemathesis.Case, fake: LoopbackFake, session: requests.Session, accept: str) -> None:
    response = case.call_and_validate(base_url=fake.base_url, session=session, headers={"Accept": accept})
    SEEN[accept, response.status_code] += 1
    if case.headers and case.headers.get("Authorization") == PLACEHOLDER:  # signed by us: never refused as such
        assert b"SignatureDoesNotMatch" not in response.content and b"IncompleteSignature" not in response.content


JUDGED = settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@schema.parametrize()
@JUDGED
def test_json_answers_conform_to_the_spec(
    case: schemathesis.Case, fake: LoopbackFake, session: requests.Session
) -> None:
    check(case, fake, session, "application/json")


@schema.parametrize()
@JUDGED
def test_xml_answers_conform_to_the_spec(
    case: schemathesis.Case, fake: LoopbackFake, session: requests.Session
) -> None:
    check(case, fake, session, "application/xml")


def test_the_runs_reached_the_jobs_in_both_formats() -> None:
    if not SEEN:
        pytest.skip("the schemathesis runs were not selected")
    for accept in ("application/json", "application/xml"):
        assert SEEN[accept, 200] >= 5, SEEN  # signed, valid requests got pages
        assert SEEN[accept, 400] >= 1, SEEN  # invalid parameters were refused
        assert SEEN[accept, 405] >= 1, SEEN  # undeclared methods were refused


def test_the_xml_reader_reads_the_documented_example_as_the_json_example() -> None:
    # The reader above is part of the judge: check it on the vendor's own pair of examples.
    examples = SPEC.parent / "examples"
    node = response_schema(200, "application/xml")
    read = from_element(ElementTree.fromstring((examples / "GetRefPackageJob.rooted.xml").read_bytes()), node)
    expected = httpx.Response(200, content=(examples / "GetRefPackageJob.documented.json").read_bytes()).json()
    expected["Jobs"]["Job"][0]["Code"] = expected["Jobs"]["Job"][0]["Code"].replace("\r\n", "\n")  # XML line ends
    assert read == expected
