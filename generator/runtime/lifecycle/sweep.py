"""The sweep: every subject of every container checked, under one budget, each decided or reported failed.

The spec's ``x-sweep`` names three listings: the containers' (each item's id fills the subjects'
listing's path parameter), the subjects' (each item's id fills the checked listing's last path
parameter) and the checked listing, the operation carrying ``x-sweep``. ``sweep`` (threads) and
``asweep`` (asyncio) yield one ``SubjectCheck`` (the spec's subclass) per subject:

- **order**: the listings' order (containers as given or listed, then each container's subjects as
  listed), whatever order the checks end in; a container whose listing failed is reported, with the
  reason, where its listing stopped (the subjects listed before it are still checked);
- **budget**: one ``SweepBudget`` for every request of the sweep, listings of containers and subjects
  included (``concurrency`` in flight at most, in all), with one throttle gate all wait at;
- **memory**: subjects stream from their listing into a window of at most ``2 × concurrency`` checks
  in flight or decided and not yet yielded; nothing is gathered first;
- **trust**: a subject is ``unreferenced`` only when its whole checked listing was read and held no
  item (``checks``); any error makes it ``failed``, with the reason.

Each yielded decision is written to the evidence log first, in the order yielded.
"""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Iterator, Sequence
from contextlib import aclosing, closing
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from ..arguments import check_count
from ..errors import FoasError, InvalidParameterError
from ..paging import aiter_items, iter_items, page_request
from .budget import AsyncSweepBudget, SweepBudget
from .checks import Listing, SubjectCheck, acheck, check, failed, write_check
from .evidence import EvidenceLog

if TYPE_CHECKING:
    import asyncio
    from concurrent.futures import Future

__all__ = ["SweepPlan", "asweep", "sweep"]

S = TypeVar("S", bound=SubjectCheck)
WINDOW_PER_SLOT = 2  # checks in flight or waiting to be yielded, per request of the budget


@attrs.frozen
class SweepPlan(Generic[S]):
    """What the spec's ``x-sweep`` says: the three listings, and the class of the results."""

    containers: Listing
    subjects: Listing
    checked: Listing
    result: type[S]


@attrs.frozen
class _Subject:
    container: str
    subject: str
    item: Any


def _containers_given(containers: Sequence[str] | None, all_containers: bool) -> None:
    if all_containers and containers:
        raise InvalidParameterError("give container names or ask for all of them, not both")
    if not all_containers and not containers:
        raise InvalidParameterError("no container to sweep: give at least one name, or ask for all of them")
    if isinstance(containers, str):
        raise InvalidParameterError(f"give the container names as a list, not one string: [{containers!r}]")
    for name in containers or ():
        if not isinstance(name, str) or not name:
            raise InvalidParameterError(f"a container name must be a non-empty string, got {name!r}")


def _write(evidence: EvidenceLog, plan: SweepPlan[Any], found: SubjectCheck) -> None:
    arguments = {}
    for name, value in zip(plan.checked.path, (found.container, found.subject), strict=False):
        if value is not None:
            arguments[name.wire] = value
    write_check(evidence, found, found.status, arguments, step="sweep")


# --- sync: the caller's thread lists, a pool of threads checks ----------------------------------------


def _names(
    plan: SweepPlan[S],
    containers: Sequence[str] | None,
    list_containers: Callable[[dict[str, Any]], Any],
    budget: SweepBudget,
    size: int | None,
) -> Iterator[str | S]:
    if containers:
        yield from containers
        return
    rules = plan.containers.rules
    try:
        with closing(
            iter_items(
                rules,
                page_request(rules, page=None, size=size),
                lambda arguments: budget.run(lambda: list_containers(arguments)),
            )
        ) as items:
            for item in items:
                yield str(getattr(item, plan.containers.item_id))
    except FoasError as error:
        yield failed(plan.result, None, None, rules.operation_id, error)


def _subjects(
    plan: SweepPlan[S],
    names: Iterator[str | S],
    list_subjects: Callable[[str, dict[str, Any]], Any],
    budget: SweepBudget,
    size: int | None,
) -> Iterator[_Subject | S]:
    rules = plan.subjects.rules
    for container in names:
        if not isinstance(container, str):
            yield container
            continue
        fetch = (lambda name: lambda arguments: budget.run(lambda: list_subjects(name, arguments)))(container)
        try:
            with closing(iter_items(rules, page_request(rules, page=None, size=size), fetch)) as items:
                for item in items:
                    yield _Subject(container, str(getattr(item, plan.subjects.item_id)), item)
        except FoasError as error:
            yield failed(plan.result, container, None, rules.operation_id, error)


def sweep(
    plan: SweepPlan[S],
    *,
    containers: Sequence[str] | None,
    all_containers: bool,
    list_containers: Callable[[dict[str, Any]], Any],
    list_subjects: Callable[[str, dict[str, Any]], Any],
    list_checked: Callable[[str, str, dict[str, Any]], Any],
    budget: SweepBudget,
    evidence: EvidenceLog,
    page_size: int | None = None,
) -> Generator[S, None, None]:
    """Every subject's check, in the listings' order; see the module docstring.

    ``list_*``: one page of each listing, given the container (and subject) and the paging arguments.

    Raises:
        InvalidParameterError: neither or both of ``containers`` and ``all_containers``; raised by this
            call, nothing was sent.
    """
    _containers_given(containers, all_containers)
    size = None if page_size is None else check_count(page_size, "page_size", minimum=1)
    return _sweep(plan, containers, list_containers, list_subjects, list_checked, budget, evidence, size)


def _sweep(
    plan: SweepPlan[S],
    containers: Sequence[str] | None,
    list_containers: Callable[[dict[str, Any]], Any],
    list_subjects: Callable[[str, dict[str, Any]], Any],
    list_checked: Callable[[str, str, dict[str, Any]], Any],
    budget: SweepBudget,
    evidence: EvidenceLog,
    size: int | None,
) -> Generator[S, None, None]:
    from concurrent.futures import Future, ThreadPoolExecutor

    def run(unit: _Subject) -> S:
        return check(
            plan.checked,
            lambda arguments: list_checked(unit.container, unit.subject, arguments),
            result=plan.result,
            container=unit.container,
            subject=unit.subject,
            item=unit.item,
            budget=budget,
        )[0]

    window: deque[Future[S]] = deque()
    limit = WINDOW_PER_SLOT * budget.concurrency
    pool = ThreadPoolExecutor(max_workers=budget.concurrency, thread_name_prefix="foas-sweep")
    units = _subjects(plan, _names(plan, containers, list_containers, budget, size), list_subjects, budget, size)
    try:
        for unit in units:
            if isinstance(unit, _Subject):
                window.append(pool.submit(run, unit))
            else:
                done: Future[S] = Future()
                done.set_result(unit)
                window.append(done)
            while window and (len(window) > limit or window[0].done()):
                found = window.popleft().result()
                _write(evidence, plan, found)
                yield found
        while window:
            found = window.popleft().result()
            _write(evidence, plan, found)
            yield found
    finally:
        for future in window:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
        evidence.close()  # the file it opened, if any: the sweep ends here, run out or closed


# --- async: tasks -----------------------------------------------------------------------------------


async def _anames(
    plan: SweepPlan[S],
    containers: Sequence[str] | None,
    list_containers: Callable[[dict[str, Any]], Awaitable[Any]],
    budget: AsyncSweepBudget,
    size: int | None,
) -> AsyncGenerator[str | S, None]:
    if containers:
        for name in containers:
            yield name
        return
    rules = plan.containers.rules
    try:
        request = page_request(rules, page=None, size=size)
        async with aclosing(
            aiter_items(rules, request, lambda arguments: budget.run(lambda: list_containers(arguments)))
        ) as items:
            async for item in items:
                yield str(getattr(item, plan.containers.item_id))
    except FoasError as error:
        yield failed(plan.result, None, None, rules.operation_id, error)


async def _asubjects(
    plan: SweepPlan[S],
    names: AsyncGenerator[str | S, None],
    list_subjects: Callable[[str, dict[str, Any]], Awaitable[Any]],
    budget: AsyncSweepBudget,
    size: int | None,
) -> AsyncGenerator[_Subject | S, None]:
    rules = plan.subjects.rules
    async for container in names:
        if not isinstance(container, str):
            yield container
            continue
        fetch = (lambda name: lambda arguments: budget.run(lambda: list_subjects(name, arguments)))(container)
        try:
            async with aclosing(aiter_items(rules, page_request(rules, page=None, size=size), fetch)) as items:
                async for item in items:
                    yield _Subject(container, str(getattr(item, plan.subjects.item_id)), item)
        except FoasError as error:
            yield failed(plan.result, container, None, rules.operation_id, error)


def asweep(
    plan: SweepPlan[S],
    *,
    containers: Sequence[str] | None,
    all_containers: bool,
    list_containers: Callable[[dict[str, Any]], Awaitable[Any]],
    list_subjects: Callable[[str, dict[str, Any]], Awaitable[Any]],
    list_checked: Callable[[str, str, dict[str, Any]], Awaitable[Any]],
    budget: AsyncSweepBudget,
    evidence: EvidenceLog,
    page_size: int | None = None,
) -> AsyncGenerator[S, None]:
    """The async twin of ``sweep``: checks are asyncio tasks; the same order, budget, window and rules."""
    _containers_given(containers, all_containers)
    size = None if page_size is None else check_count(page_size, "page_size", minimum=1)
    return _asweep(plan, containers, list_containers, list_subjects, list_checked, budget, evidence, size)


async def _asweep(
    plan: SweepPlan[S],
    containers: Sequence[str] | None,
    list_containers: Callable[[dict[str, Any]], Awaitable[Any]],
    list_subjects: Callable[[str, dict[str, Any]], Awaitable[Any]],
    list_checked: Callable[[str, str, dict[str, Any]], Awaitable[Any]],
    budget: AsyncSweepBudget,
    evidence: EvidenceLog,
    size: int | None,
) -> AsyncGenerator[S, None]:
    import asyncio

    async def run(unit: _Subject) -> S:
        return (
            await acheck(
                plan.checked,
                lambda arguments: list_checked(unit.container, unit.subject, arguments),
                result=plan.result,
                container=unit.container,
                subject=unit.subject,
                item=unit.item,
                budget=budget,
            )
        )[0]

    window: deque[asyncio.Future[S]] = deque()
    limit = WINDOW_PER_SLOT * budget.concurrency
    units = _asubjects(plan, _anames(plan, containers, list_containers, budget, size), list_subjects, budget, size)
    try:
        async with aclosing(units):
            async for unit in units:
                if isinstance(unit, _Subject):
                    window.append(asyncio.ensure_future(run(unit)))
                else:
                    done: asyncio.Future[S] = asyncio.get_running_loop().create_future()
                    done.set_result(unit)
                    window.append(done)
                while window and (len(window) > limit or window[0].done()):
                    found = await window.popleft()
                    _write(evidence, plan, found)
                    yield found
        while window:
            found = await window.popleft()
            _write(evidence, plan, found)
            yield found
    finally:
        for task in window:
            task.cancel()
        await asyncio.gather(*window, return_exceptions=True)
        evidence.close()
