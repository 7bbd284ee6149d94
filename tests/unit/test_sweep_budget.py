"""The sweep's shared budget: requests in flight across threads, and the throttle gate every request waits at.

The gate hears of retry decisions through ``http.retry.RETRY_DECIDED``; it is tested with a clock and a
sleep of its own, so no test waits for real.
"""

from __future__ import annotations

import threading

import pytest
import stamina

from foas_client._core.errors import ServerError, ThrottlingError
from foas_client._core.http.retry import RETRY_DECIDED, RetryPolicy
from foas_client._core.lifecycle.budget import SweepBudget, ThrottleGate


def test_the_retry_loop_tells_the_context_s_observer_each_decision() -> None:
    decisions: list[tuple[type[Exception], bool | float]] = []
    answers = iter([ThrottlingError(400, None, detail="Throttling.User", acs_retry_after=0.25), "done"])

    def call() -> str:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    token = RETRY_DECIDED.set(lambda error, decided: decisions.append((type(error), decided)))
    try:
        with stamina.set_testing(True, attempts=3, cap=True):
            assert RetryPolicy().caller()(call) == "done"
    finally:
        RETRY_DECIDED.reset(token)
    assert decisions == [(ThrottlingError, 0.25)]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def throttled(seconds: float | None) -> ThrottlingError:
    return ThrottlingError(400, None, detail="Throttling.User", acs_retry_after=seconds)


def test_a_throttled_answer_closes_the_gate_for_the_wait_the_service_asked_for() -> None:
    clock = Clock()
    gate = ThrottleGate(clock=clock)
    gate.note(throttled(1.5), 1.5)
    assert gate.wait_left() == 1.5
    clock.now += 1.0
    assert gate.wait_left() == pytest.approx(0.5)
    gate.note(ServerError(503, None), True)  # not throttling: the gate stays as it was
    assert gate.wait_left() == pytest.approx(0.5) and gate.closings == 1


def test_without_a_wait_the_gate_backs_off_doubling_and_a_success_resets_it() -> None:
    gate = ThrottleGate(clock=Clock())
    waits = []
    for _ in range(3):
        gate.note(throttled(None), True)
        waits.append(gate.wait_left())
    assert waits[0] < waits[1] < waits[2]
    gate.passed()
    assert gate.throttled == 0


def test_every_worker_waits_at_the_gate_a_throttled_call_closed() -> None:
    clock = Clock()
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.now += seconds

    budget = SweepBudget(4, gate=ThrottleGate(clock=clock), sleep=sleep)
    with pytest.raises(ThrottlingError):
        budget.run(lambda: (_ for _ in ()).throw(throttled(2.0)))
    assert budget.run(lambda: "next") == "next" and slept == [2.0]  # the next request, whoever makes it, waited


def test_the_budget_bounds_requests_in_flight_across_threads() -> None:
    budget = SweepBudget(3)
    release = threading.Event()
    started = threading.Semaphore(0)

    def call() -> None:
        started.release()
        release.wait(5)

    threads = [threading.Thread(target=budget.run, args=(call,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for _ in range(3):
        assert started.acquire(timeout=5)
    assert not started.acquire(timeout=0.05)  # a fourth cannot start while three are in flight
    release.set()
    for thread in threads:
        thread.join(5)
    assert budget.max_in_flight == 3
