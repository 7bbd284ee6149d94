"""The retry policy: which errors are retried, Retry-After, attempts and deadline, without real waiting.

stamina's test mode removes the waits where only the number of attempts matters; where the waits
themselves are the subject, tenacity (which runs stamina's loop) is given a fake clock that records
each sleep and advances time by it, so nothing sleeps and nothing depends on the machine's speed.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import warnings
from collections.abc import Awaitable, Callable, Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import TypeVar

import httpx
import pytest
import stamina
import tenacity
import tenacity.nap
from stamina.instrumentation import set_on_retry_hooks

from foas_client._core.decoding.responses import api_error, retry_after
from foas_client._core.errors import (
    ApiError,
    AuthError,
    CredentialsError,
    DecodeError,
    InvalidParameterError,
    NotFoundError,
    ServerError,
    ThrottlingError,
    TimeoutError,
    TransportError,
    UnsafeXmlError,
)
from foas_client._core.http.retry import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_ATTEMPTS,
    RETRY_AFTER_CAP,
    WAIT_INITIAL,
    WAIT_JITTER,
    WAIT_MAX,
    RetryPolicy,
    aretry_after_first,
    retry_after_first,
    retry_hook,
    translated_transport_errors,
)
from foas_client._schema import SHAPES
from foas_client.models import ErrorResponse

# --- retry_hook --------------------------------------------------------------------------------------


@pytest.mark.parametrize("error_class", [ThrottlingError, ServerError])
@pytest.mark.parametrize(
    ("retry_after_seconds", "expected"),
    [
        (2, 2.0),
        (2.5, 2.5),
        (0, 0.0),
        (-3, 0.0),
        (RETRY_AFTER_CAP, RETRY_AFTER_CAP),
        (RETRY_AFTER_CAP + 0.001, RETRY_AFTER_CAP),
        (86400, RETRY_AFTER_CAP),
        (float("inf"), RETRY_AFTER_CAP),
    ],
)
def test_retry_after_is_the_wait_capped(
    error_class: type[ApiError], retry_after_seconds: float, expected: float
) -> None:
    decision = retry_hook(error_class(503, retry_after=retry_after_seconds))

    assert decision == expected
    assert not isinstance(decision, bool)  # a number is a wait for stamina; a bool only says whether to retry


def test_throttling_with_retry_after_2_waits_2_seconds() -> None:
    assert retry_hook(ThrottlingError(429, retry_after=2)) == 2.0


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ThrottlingError(400), True),
        (ThrottlingError(429), True),
        (ServerError(500), True),
        (ServerError(503), True),
        (TransportError("ConnectError: refused"), True),
        (TimeoutError("ReadTimeout"), True),
        (ApiError(400), False),
        (ApiError(409), False),
        (AuthError(403), False),
        (AuthError(403, retry_after=1), False),  # a Retry-After on a refusal does not make it transient
        (NotFoundError(404), False),
        (NotFoundError(404, retry_after=1), False),
        (DecodeError("malformed JSON"), False),
        (UnsafeXmlError("DTD"), False),
        (InvalidParameterError("empty"), False),
        (CredentialsError("none"), False),
        (ValueError("a bug"), False),
        (RuntimeError("a bug"), False),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value),
)
def test_which_errors_are_retried(error: Exception, expected: bool) -> None:
    decision = retry_hook(error)

    assert decision is expected


# --- from a response to the hook: Retry-After parsing ------------------------------------------------


def error_response(status: int, code: str, retry_after_value: str | None) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if retry_after_value is not None:
        headers["Retry-After"] = retry_after_value
    body = {"RequestId": "R-1", "Code": code, "Message": "slow down"}
    return httpx.Response(status, headers=headers, json=body)


@pytest.mark.parametrize(
    ("status", "code", "header", "parsed", "decision"),
    [
        (429, "Throttling", "2", 2.0, 2.0),
        (400, "Throttling.User", "2", 2.0, 2.0),
        (503, "ServiceUnavailable", "2", 2.0, 2.0),
        (429, "Throttling", "99999999999", 99999999999.0, RETRY_AFTER_CAP),
        (429, "Throttling", " 3 ", 3.0, 3.0),
        (429, "Throttling", "Thu, 01 Jan 1970 00:00:00 GMT", 0.0, 0.0),
        (429, "Throttling", "soon", None, True),
        (429, "Throttling", "-1", None, True),
        (429, "Throttling", "", None, True),
        (429, "Throttling", None, None, True),
        (403, "Forbidden", "2", 2.0, False),
    ],
)
def test_retry_after_header_reaches_the_hook(
    status: int, code: str, header: str | None, parsed: float | None, decision: float | bool
) -> None:
    error = api_error(error_response(status, code, header), ErrorResponse, "ErrorResponse", SHAPES)

    assert error.retry_after == parsed
    assert retry_hook(error) == decision
    assert type(retry_hook(error)) is type(decision)


def test_retry_after_http_date_in_the_future_is_the_seconds_until_then() -> None:
    moment = datetime.now(timezone.utc) + timedelta(seconds=3)
    headers = httpx.Headers({"Retry-After": format_datetime(moment, usegmt=True)})

    seconds = retry_after(headers)

    assert seconds is not None
    assert 1.0 < seconds <= 3.0  # the header has whole seconds
    assert retry_hook(ThrottlingError(429, retry_after=seconds)) == seconds


@pytest.mark.parametrize("value", ["\xb2", "\xb3", "1\xb9"])
def test_retry_after_with_non_decimal_digits_is_ignored(value: str) -> None:
    assert retry_after(httpx.Headers({"Retry-After": value.encode("latin-1")})) is None


# --- the policy ---------------------------------------------------------------------------------------


def test_policy_defaults() -> None:
    policy = RetryPolicy()

    assert (policy.max_attempts, policy.deadline) == (DEFAULT_MAX_ATTEMPTS, DEFAULT_DEADLINE) == (3, 10.0)
    assert WAIT_INITIAL <= WAIT_MAX
    assert RETRY_AFTER_CAP >= WAIT_MAX


@pytest.mark.parametrize("attempts", [0, -1])
def test_policy_refuses_fewer_than_one_attempt(attempts: int) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=attempts)


class Flaky:
    """Fails with ``errors`` in turn, then returns ``"done"``; counts its calls."""

    def __init__(self, *errors: Exception, clock: FakeClock | None = None, duration: float = 0.0) -> None:
        self.errors = list(errors)
        self.calls = 0
        self.clock = clock
        self.duration = duration

    def __call__(self) -> str:
        self.calls += 1
        if self.clock is not None:
            self.clock.now += self.duration  # the attempt itself takes time
        if self.errors:
            raise self.errors.pop(0)
        return "done"

    async def async_call(self) -> str:
        return self()


T = TypeVar("T")


def first_then_retried(policy: RetryPolicy, function: Callable[[], T]) -> T:
    """A call as the request path makes it: the first attempt alone, ``retry_after_first`` once it failed."""
    begun = time.monotonic()
    try:
        return function()
    except Exception as error:
        failed = error
    return retry_after_first(policy, failed, begun, function)


async def afirst_then_retried(policy: RetryPolicy, function: Callable[[], Awaitable[T]]) -> T:
    begun = time.monotonic()
    try:
        return await function()
    except Exception as error:
        failed = error
    return await aretry_after_first(policy, failed, begun, function)


@pytest.fixture
def no_backoff() -> Iterator[None]:
    with stamina.set_testing(True, attempts=10, cap=True):
        yield


@pytest.mark.usefixtures("no_backoff")
@pytest.mark.parametrize("kind", ["sync", "async", "first-alone", "async-first-alone"])
@pytest.mark.parametrize(
    ("max_attempts", "errors", "calls", "outcome"),
    [
        (3, [ServerError(503), ThrottlingError(429)], 3, "done"),
        (3, [ServerError(503)] * 3, 3, ServerError),
        (3, [TransportError("reset"), TimeoutError("slow")], 3, "done"),
        (2, [ServerError(503)] * 3, 2, ServerError),
        (1, [ServerError(503)], 1, ServerError),
        (1, [TimeoutError("slow")], 1, TimeoutError),
        (5, [AuthError(403)], 1, AuthError),
        (5, [NotFoundError(404)], 1, NotFoundError),
        (5, [ServerError(503), DecodeError("bad")], 2, DecodeError),
        (5, [ValueError("a bug")], 1, ValueError),
    ],
)
def test_attempts(
    kind: str, max_attempts: int, errors: list[Exception], calls: int, outcome: str | type[Exception]
) -> None:
    flaky = Flaky(*errors)
    policy = RetryPolicy(max_attempts=max_attempts)

    def run() -> str:
        if kind == "sync":
            return policy.caller()(flaky)
        if kind == "first-alone":
            return first_then_retried(policy, flaky)
        if kind == "async-first-alone":
            return asyncio.run(afirst_then_retried(policy, flaky.async_call))
        return asyncio.run(policy.async_caller()(flaky.async_call))

    if isinstance(outcome, str):
        assert run() == outcome
    else:
        with pytest.raises(outcome) as caught:
            run()
        assert caught.value is errors[-1]  # the last failure is the one raised
    assert flaky.calls == calls


class FakeClock:
    """Stands in for the ``time`` module inside tenacity: ``sleep`` is recorded and advances ``monotonic``."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeClock]:
    """Real backoff computation (stamina's test mode off), but a fake clock: nothing sleeps."""
    fake = FakeClock()
    monkeypatch.setattr(tenacity, "time", fake)
    monkeypatch.setattr(tenacity.nap, "time", fake)
    set_on_retry_hooks([])  # no retry log lines for these tests
    with stamina.set_testing(False):
        yield fake
    set_on_retry_hooks(None)


def test_retry_after_is_the_wait_between_attempts(clock: FakeClock) -> None:
    flaky = Flaky(ThrottlingError(429, retry_after=2), ServerError(503, retry_after=86400))

    assert RetryPolicy(max_attempts=3, deadline=None).caller()(flaky) == "done"

    assert clock.sleeps == [2.0, RETRY_AFTER_CAP]


def test_without_retry_after_the_wait_grows_exponentially_with_jitter(clock: FakeClock) -> None:
    flaky = Flaky(ServerError(503), ServerError(503), TransportError("reset"))

    assert RetryPolicy(max_attempts=4, deadline=None).caller()(flaky) == "done"

    assert len(clock.sleeps) == 3
    for number, wait in enumerate(clock.sleeps):
        base = min(WAIT_INITIAL * 2**number, WAIT_MAX)
        assert base <= wait <= min(base + WAIT_JITTER, WAIT_MAX)


def test_deadline_stops_new_attempts(clock: FakeClock) -> None:
    # Each attempt takes 0.6 s and the first wait is under 0.5 s: after the second attempt the 1 s
    # deadline has passed, whatever the jitter, so no third attempt starts although ten are allowed.
    flaky = Flaky(*[ServerError(503)] * 10, clock=clock, duration=0.6)

    with pytest.raises(ServerError):
        RetryPolicy(max_attempts=10, deadline=1.0).caller()(flaky)

    assert flaky.calls == 2
    assert len(clock.sleeps) == 1


def test_no_deadline_allows_every_attempt(clock: FakeClock) -> None:
    flaky = Flaky(*[ServerError(503)] * 10, clock=clock, duration=60.0)

    with pytest.raises(ServerError):
        RetryPolicy(max_attempts=4, deadline=None).caller()(flaky)

    assert flaky.calls == 4


def test_after_a_first_attempt_alone_the_deadline_still_counts_from_the_call_s_start() -> None:
    # Real time, no backoff (a Retry-After of 0: a retry at once): attempts of 0.4 s, a deadline of 1 s.
    # Counted from the first attempt's start, the third attempt starts at 0.8 s and ends the call;
    # counted from the hand-over to stamina (0.4 s later) a fourth would start.
    flaky = Flaky(*[ServerError(503, retry_after=0)] * 10)

    def slow() -> str:
        time.sleep(0.4)
        return flaky()

    set_on_retry_hooks([])
    try:
        with stamina.set_testing(False), pytest.raises(ServerError):
            first_then_retried(RetryPolicy(max_attempts=10, deadline=1.0), slow)
    finally:
        set_on_retry_hooks(None)
    assert flaky.calls == 3


def test_a_failure_not_worth_a_retry_is_raised_as_it_is_without_loading_stamina() -> None:
    # In a fresh interpreter: a 404 after the first attempt loads no retry machinery; a 503 does.
    probe = (
        "import sys, time\n"
        "from foas_client._core.errors import NotFoundError, ServerError\n"
        "from foas_client._core.http.retry import RetryPolicy, retry_after_first\n"
        "error = NotFoundError(404)\n"
        "try:\n"
        "    retry_after_first(RetryPolicy(), error, time.monotonic(), lambda: 'done')\n"
        "except NotFoundError as raised:\n"
        "    assert raised is error\n"
        "print('stamina' in sys.modules)\n"
        "print(retry_after_first(RetryPolicy(), ServerError(503, retry_after=0), time.monotonic(), lambda: 'done'))\n"
        "print('stamina' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-I", "-c", probe], check=True, capture_output=True, text=True)
    assert done.stdout.split() == ["False", "done", "True"]


def test_stamina_test_mode_with_cap_keeps_a_lower_max_attempts() -> None:
    """What the e2e tests rely on: ``set_testing(True, attempts=10, cap=True)`` keeps the client's own limit."""
    for max_attempts in (1, 2, 3):
        flaky = Flaky(*[ServerError(503)] * 20)
        with stamina.set_testing(True, attempts=10, cap=True), pytest.raises(ServerError):
            RetryPolicy(max_attempts=max_attempts).caller()(flaky)
        assert flaky.calls == max_attempts


# --- transport errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (httpx.ConnectTimeout("connect"), TimeoutError),
        (httpx.ReadTimeout("read"), TimeoutError),
        (httpx.WriteTimeout("write"), TimeoutError),
        (httpx.PoolTimeout("pool"), TimeoutError),
        (httpx.ConnectError("[Errno 111] Connection refused"), TransportError),
        (httpx.ReadError("[Errno 104] Connection reset by peer"), TransportError),
        (httpx.RemoteProtocolError("Server disconnected without sending a response."), TransportError),
    ],
)
def test_httpx_transport_errors_become_typed_and_retryable(raised: Exception, expected: type[Exception]) -> None:
    with pytest.raises(TransportError) as caught, translated_transport_errors():
        raise raised

    assert type(caught.value) is expected
    assert caught.value.__cause__ is raised
    assert type(raised).__name__ in str(caught.value)
    assert retry_hook(caught.value) is True


def test_other_errors_pass_through_untranslated() -> None:
    error = httpx.DecodingError("not a transport error")
    with pytest.raises(httpx.DecodingError) as caught, translated_transport_errors():
        raise error
    assert caught.value is error


def test_past_the_deadline_the_first_failure_is_raised_without_a_retry_or_a_warning() -> None:
    policy = RetryPolicy(max_attempts=3, deadline=0.01)
    failure = ServerError(503)
    calls: list[int] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # stamina warns on a timeout of 0: none must reach the caller
        with pytest.raises(ServerError) as raised:
            retry_after_first(policy, failure, time.monotonic() - 1.0, lambda: calls.append(1))
    assert raised.value is failure and calls == []
