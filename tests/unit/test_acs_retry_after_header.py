"""``x-acs-retry-after``: read as the official SDKs read it, and the wait it gives, capped by the deadline.

Since aliyun/darabonba-openapi PR #283 (and aliyun/aliyun-cli PR #1395) the SDKs take a positive
integer of milliseconds in ``x-acs-retry-after`` as throttling, whatever the Code, and wait that long;
``getThrottlingTimeLeft`` returns null for a missing, empty, non-numeric or non-positive value. The
waits themselves, over real HTTP, are in ``tests/e2e/test_acs_retry_after_loopback.py``.
"""

from __future__ import annotations

import json

import httpx
import pytest

from foas_client._core.decoding.responses import acs_retry_after, api_error
from foas_client._core.errors import ApiError, AuthError, ServerError, ThrottlingError, api_error_class
from foas_client._core.http.retry import RETRY_AFTER_CAP, RetryPolicy, retry_hook
from foas_client._core.testing.cli import parse_fault
from foas_client._schema import SHAPES
from foas_client.models import ErrorResponse
from foas_client.testing import Fault

HEADER = "x-acs-retry-after"


def response(status: int, code: str, headers: dict[str, str]) -> httpx.Response:
    body = json.dumps({"RequestId": "R-1", "Code": code, "Message": "m"})
    return httpx.Response(status, headers={"Content-Type": "application/json", **headers}, content=body)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("300", 0.3), ("1", 0.001), ("60000", 60.0), (" 300 ", 0.3), ("007", 0.007)],
)
def test_a_positive_integer_of_milliseconds_is_read_as_seconds(value: str, seconds: float) -> None:
    assert acs_retry_after(httpx.Headers({HEADER: value})) == seconds


@pytest.mark.parametrize("value", ["", " ", "0", "000", "-5", "+5", "abc", "1.5", "1e3", "300ms", "\xb2"])
def test_what_the_sdks_ignore_is_ignored(value: str) -> None:
    assert acs_retry_after(httpx.Headers({HEADER: value.encode("latin-1")})) is None


def test_no_header_is_none() -> None:
    assert acs_retry_after(httpx.Headers()) is None


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (400, "Throttling.User"),
        (400, "InvalidParameter"),
        (403, "Forbidden"),
        (404, "X.NotFound"),
        (503, "ServiceUnavailable"),
        (200, "Whatever"),
    ],
)
def test_any_error_carrying_it_is_throttling(status: int, code: str) -> None:
    assert api_error_class(status, code, throttled=True) is ThrottlingError
    error = api_error(response(status, code, {HEADER: "300"}), ErrorResponse, "ErrorResponse", SHAPES)

    assert type(error) is ThrottlingError
    assert error.code == code  # the Code is kept as the service sent it
    assert error.retry_after == error.acs_retry_after == 0.3


@pytest.mark.parametrize("value", ["", "0", "-5", "abc", "1.5"])
def test_an_ignored_value_leaves_the_error_as_its_code_makes_it(value: str) -> None:
    refused = api_error(response(403, "Forbidden", {HEADER: value}), ErrorResponse, "ErrorResponse", SHAPES)
    throttled = api_error(response(400, "Throttling.User", {HEADER: value}), ErrorResponse, "ErrorResponse", SHAPES)

    assert type(refused) is AuthError
    assert type(throttled) is ThrottlingError
    assert (throttled.retry_after, throttled.acs_retry_after) == (None, None)
    assert retry_hook(throttled) is True  # the usual backoff


def test_it_outranks_retry_after() -> None:
    error = api_error(
        response(429, "Throttling", {HEADER: "300", "Retry-After": "4"}), ErrorResponse, "ErrorResponse", SHAPES
    )

    assert error.retry_after == 0.3


# --- the wait ---------------------------------------------------------------------------------------


def test_the_wait_is_not_capped_by_the_retry_after_cap() -> None:
    error = ThrottlingError(400, acs_retry_after=RETRY_AFTER_CAP * 3)

    assert retry_hook(error) == RETRY_AFTER_CAP * 3
    assert RetryPolicy(deadline=None).wait(error, 100.0) == RETRY_AFTER_CAP * 3


@pytest.mark.parametrize(
    ("deadline", "elapsed", "asked", "wait"),
    [(10.0, 0.0, 0.3, 0.3), (10.0, 9.5, 5.0, 0.5), (1.0, 0.25, 60.0, 0.75), (1.0, 2.0, 60.0, 0.0)],
)
def test_the_wait_is_capped_by_the_time_left_before_the_deadline(
    deadline: float, elapsed: float, asked: float, wait: float
) -> None:
    decision = RetryPolicy(deadline=deadline).wait(ThrottlingError(400, acs_retry_after=asked), elapsed)

    assert decision == pytest.approx(wait)
    assert not isinstance(decision, bool)


def test_will_retry_agrees_with_the_wait() -> None:
    policy = RetryPolicy(max_attempts=3, deadline=1.0)
    error = ThrottlingError(400, acs_retry_after=60.0)

    assert policy.will_retry(error, 1, 0.5)  # a wait to the deadline, then one more attempt
    assert not policy.will_retry(error, 1, 1.0)  # the deadline has come: no new attempt
    assert not policy.will_retry(error, 3, 0.1)  # no attempts left
    assert policy.will_retry(ThrottlingError(400, retry_after=0.0), 1, 0.0)  # a wait of 0 is a retry at once


def test_a_server_error_carrying_it_waits_as_throttling() -> None:
    assert retry_hook(ServerError(503, acs_retry_after=0.3)) == 0.3
    assert retry_hook(ApiError(400, acs_retry_after=0.3)) is False  # only the mapping makes it throttling


# --- the fake sends it --------------------------------------------------------------------------------


def test_the_fake_sends_the_header_a_fault_carries() -> None:
    from foas_client.testing import FakeFoasService

    service = FakeFoasService.with_documented_jobs(credentials=())
    service.inject(Fault.throttle(acs_retry_after="300"), Fault.error(400, "InvalidParameter", acs_retry_after="-5"))

    first = service.answer("GET", "/", {})
    second = service.answer("GET", "/", {})

    assert first.headers[HEADER] == "300"
    assert second.headers[HEADER] == "-5"  # sent as given: what the client makes of it is the test's subject


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("acs-retry-after:300", Fault.error(400, "Throttling.User", acs_retry_after="300")),
        ("acs-retry-after:300:400:InvalidParameter", Fault.error(400, "InvalidParameter", acs_retry_after="300")),
        ("acs-retry-after:5:503", Fault.error(503, "Throttling.User", acs_retry_after="5")),
    ],
)
def test_the_command_line_spells_the_fault(text: str, fault: Fault) -> None:
    assert parse_fault(text) == fault
