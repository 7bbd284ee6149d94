"""What an error body says is kept: Description, AccessDeniedDetail, keys in any case, one line of it all.

The official SDKs read ``Description``, ``AccessDeniedDetail`` and lower-case ``code``/``message``/
``requestId`` (aliyun/darabonba-openapi ``main.tea``); the spec's ``ErrorResponse`` names the fields,
and these tests take the names (and their XML element names) from it.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import httpx
import pytest

from foas_client._core.decoding.responses import api_error, decode_response
from foas_client._core.errors import ApiError, AuthError, ThrottlingError
from foas_client._schema import SHAPES
from foas_client.models import ErrorResponse, GetRefPackageJobResponse
from tests.support.pages import properties, xml_name

EXAMPLES = Path(__file__).resolve().parents[2] / "spec" / "examples"
TEMPLATE = json.loads((EXAMPLES / "Error.example.json").read_text(encoding="utf-8"))
ERROR_FIELDS = properties("ErrorResponse")
ROOT = SHAPES["ErrorResponse"].xml_name
# What RAM says when it denies a call, in the shape the SDKs' own tests use.
DENIED = {"AuthAction": "foas:GetRefPackageJob", "NoPermissionType": "ImplicitDeny", "AuthPrincipalType": "SubUser"}


def from_json(status: int, document: Any) -> ApiError:
    response = httpx.Response(status, headers={"Content-Type": "application/json"}, content=json.dumps(document))
    return api_error(response, ErrorResponse, "ErrorResponse", SHAPES)


def from_xml(status: int, inner: str) -> ApiError:
    body = f"<?xml version='1.0' encoding='UTF-8'?><{ROOT}>{inner}</{ROOT}>".encode()
    response = httpx.Response(status, headers={"Content-Type": "text/xml;charset=utf-8"}, content=body)
    return api_error(response, ErrorResponse, "ErrorResponse", SHAPES)


def element(field: str, text: str, *, spelt: str | None = None) -> str:
    tag = spelt or xml_name("ErrorResponse", field)
    return f"<{tag}>{text}</{tag}>"


def test_the_spec_has_the_fields_the_sdks_read() -> None:
    assert {"Description", "AccessDeniedDetail"} <= set(ERROR_FIELDS)


# --- AccessDeniedDetail ------------------------------------------------------------------------------


def test_access_denied_detail_sent_as_an_object_is_that_object() -> None:
    error = from_json(403, {**TEMPLATE, "Code": "Forbidden.RAM", "AccessDeniedDetail": DENIED})

    assert isinstance(error, AuthError)
    assert error.access_denied_detail == DENIED
    assert error.code == "Forbidden.RAM"  # the rest of the body is still read


def test_access_denied_detail_sent_as_json_text_is_decoded() -> None:
    error = from_json(403, {**TEMPLATE, "AccessDeniedDetail": json.dumps(DENIED)})

    assert error.access_denied_detail == DENIED


@pytest.mark.parametrize("text", ["无", "not json", "{broken", "[1, 2"])
def test_access_denied_detail_that_is_not_json_stays_text(text: str) -> None:
    error = from_json(403, {**TEMPLATE, "AccessDeniedDetail": text})

    assert error.access_denied_detail == text


def test_access_denied_detail_in_xml_elements_is_the_object() -> None:
    inner = "".join(f"<{name}>{value}</{name}>" for name, value in DENIED.items())
    error = from_xml(403, element("Code", "Forbidden.RAM") + element("AccessDeniedDetail", inner))

    assert error.access_denied_detail == DENIED
    assert error.code == "Forbidden.RAM"


def test_access_denied_detail_in_xml_text_is_decoded_when_json() -> None:
    text = json.dumps(DENIED).replace("&", "&amp;").replace("<", "&lt;")
    assert from_xml(403, element("AccessDeniedDetail", text)).access_denied_detail == DENIED
    assert from_xml(403, element("AccessDeniedDetail", "无")).access_denied_detail == "无"


def test_no_access_denied_detail_is_none() -> None:
    assert from_json(403, TEMPLATE).access_denied_detail is None
    assert from_json(403, TEMPLATE).description is None


# --- Description ---------------------------------------------------------------------------------


def test_description_is_kept_from_json_and_xml() -> None:
    text = "The package is not in this project; check its name."

    assert from_json(404, {**TEMPLATE, "Description": text}).description == text
    assert from_xml(404, element("Code", "InvalidPackage.NotFound") + element("Description", text)).description == text


# --- keys in any case ------------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", [str.lower, str.upper, lambda name: name[0].lower() + name[1:]])
def test_json_keys_are_read_without_regard_to_case(spelling: Any) -> None:
    document = {spelling(name): value for name, value in TEMPLATE.items()}
    document[spelling("Description")] = "why"
    document[spelling("AccessDeniedDetail")] = DENIED

    error = from_json(404, document)
    expected = from_json(404, {**TEMPLATE, "Description": "why", "AccessDeniedDetail": DENIED})

    fields = ("code", "message", "request_id", "host_id", "recommend", "description", "access_denied_detail")
    assert [getattr(error, name) for name in fields] == [getattr(expected, name) for name in fields]
    assert type(error) is type(expected)
    assert error.code == TEMPLATE["Code"]


def test_lower_case_throttling_code_is_throttling() -> None:
    error = from_json(400, {"code": "Throttling.User", "message": "slow down", "requestId": "R-1"})

    assert isinstance(error, ThrottlingError)
    assert (error.code, error.message, error.request_id) == ("Throttling.User", "slow down", "R-1")


def test_the_spec_spelling_wins_over_a_variant() -> None:
    error = from_json(400, {"code": "Variant", "Code": "Spec", "message": "m", "Message": None})

    assert error.code == "Spec"
    assert error.message == "m"  # a null in the spec's spelling is as if it were absent


def test_xml_elements_are_read_without_regard_to_case() -> None:
    inner = "".join(element(name, str(value), spelt=name.lower()) for name, value in TEMPLATE.items())
    inner += element("Description", "why", spelt="description")

    error = from_xml(404, inner)

    assert (error.code, error.message, error.request_id) == (
        TEMPLATE["Code"],
        TEMPLATE["Message"],
        TEMPLATE["RequestId"],
    )
    assert error.description == "why"


def test_xml_spec_spelling_wins_over_a_variant() -> None:
    error = from_xml(400, element("Code", "Variant", spelt="code") + element("Code", "Spec"))

    assert error.code == "Spec"


def test_an_error_envelope_with_200_in_lower_case_is_an_error() -> None:
    envelope = {"code": "Throttling.User", "message": "slow down", "requestId": "R-1"}
    response = httpx.Response(200, headers={"Content-Type": "application/json"}, content=json.dumps(envelope))

    with pytest.raises(ThrottlingError) as caught:
        decode_response(
            response, GetRefPackageJobResponse, "GetRefPackageJobResponse", SHAPES, (ErrorResponse, "ErrorResponse")
        )

    assert (caught.value.status_code, caught.value.request_id) == (200, "R-1")


# --- str(error): one line ---------------------------------------------------------------------------


def test_str_has_description_and_detail_on_one_line() -> None:
    error = from_json(403, {**TEMPLATE, "Description": "first\nsecond\r\nthird", "AccessDeniedDetail": DENIED})

    line = str(error)
    assert "\n" not in line and "\r" not in line
    assert "first second third" in line
    assert DENIED["AuthAction"] in line
    assert TEMPLATE["RequestId"] in line


def test_str_stays_one_bounded_line_whatever_the_service_sends() -> None:
    huge = {f"Key{index}": "x" * 50 for index in range(200)}
    error = from_json(403, {**TEMPLATE, "Description": "d " * 5000, "AccessDeniedDetail": huge})

    line = str(error)
    assert "\n" not in line
    assert len(line) <= 400
    assert line.endswith("...")
    assert error.access_denied_detail == huge  # the attribute keeps it all


def test_a_description_that_repeats_the_message_is_not_repeated() -> None:
    error = from_json(404, {**TEMPLATE, "Description": TEMPLATE["Message"]})

    assert str(error).count(TEMPLATE["Message"]) == 1


def test_the_new_fields_survive_pickling() -> None:
    error = from_json(403, {**TEMPLATE, "Description": "why", "AccessDeniedDetail": DENIED})

    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is type(error)
    assert (copy.description, copy.access_denied_detail, str(copy)) == ("why", DENIED, str(error))
