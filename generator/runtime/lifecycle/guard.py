"""The guarded delete: the guard's listing read again, whole, right before the DELETE; refused when it holds items.

``guarded_delete`` (sync) and ``aguarded_delete`` (async) share the rule:

1. unless ``force``, the guard's listing (the operation the spec's ``x-guard`` names, with the same
   path arguments) is read by ``checks.check``: every page, the walk's checks passing;
2. it failed (an error, a page that does not add up) → that error is raised, nothing is deleted;
3. it holds an item → ``InUseError`` (the spec's subclass of it), naming the count and the first ids;
4. it is empty → exactly one DELETE.

Each decision is written to the evidence log (``unreferenced``/``refused``/``failed``, then ``deleted``
or ``failed`` for the DELETE). Nothing is deleted after an interruption: ``KeyboardInterrupt`` and
``asyncio.CancelledError`` pass through every step, and the async twin lets a pending cancellation in
(one checkpoint) after the check and before the DELETE. The service cannot promise more: nothing
stops a job from starting to use the subject between the last page read and the DELETE.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import attrs

from ..errors import FoasError, InUseError
from .checks import Listing, SubjectCheck, acheck, check, write_check
from .evidence import EvidenceLog

__all__ = ["GuardPlan", "aguarded_delete", "guarded_delete"]

R = TypeVar("R")


@attrs.frozen
class GuardPlan:
    """What the spec's ``x-guard`` says of a delete operation.

    Attributes:
        checked: the guard's listing (its path parameters are the delete's).
        delete_operation: the delete's operationId (for the evidence).
        error: the ``InUseError`` subclass a refusal raises.
        noun: what the listing's items are, for the refusal's line (``job``).
    """

    checked: Listing
    delete_operation: str
    error: type[InUseError] = InUseError
    noun: str = "item"

    def names(self, arguments: Mapping[str, str]) -> tuple[str | None, str | None]:
        path = [arguments.get(name.python) for name in self.checked.path]
        return (path[0] if len(path) > 1 else None), (path[-1] if path else None)

    def wire(self, arguments: Mapping[str, str]) -> dict[str, str]:
        return {name.wire: arguments[name.python] for name in self.checked.path if name.python in arguments}


def _decide(
    plan: GuardPlan, arguments: Mapping[str, str], found: SubjectCheck, error: FoasError | None, evidence: EvidenceLog
) -> None:
    """Writes the guard's decision; raises ``error`` or the refusal unless the listing is empty."""
    wire = plan.wire(arguments)
    decision = {"unreferenced": "unreferenced", "referenced": "refused", "failed": "failed"}[found.status]
    write_check(evidence, found, decision, wire, step="guard")
    if error is not None:
        raise error
    if found.status == "referenced":
        raise plan.error(
            wire,
            noun=plan.noun,
            count=found.count or 0,
            first_ids=found.first_ids,
            request_ids=found.request_ids,
        )


def _deleted(plan: GuardPlan, arguments: Mapping[str, str], answer: Any, evidence: EvidenceLog, *, force: bool) -> None:
    request_id = getattr(answer, "request_id", None)
    evidence.write(
        "deleted",
        plan.wire(arguments),
        operation=plan.delete_operation,
        request_ids=[request_id] if isinstance(request_id, str) and request_id else [],
        step="delete",
        forced=force,
    )


def _delete_failed(plan: GuardPlan, arguments: Mapping[str, str], error: FoasError, evidence: EvidenceLog) -> None:
    request_id = getattr(error, "request_id", None)
    evidence.write(
        "failed",
        plan.wire(arguments),
        operation=plan.delete_operation,
        request_ids=[request_id] if isinstance(request_id, str) and request_id else [],
        reason=str(error),
        step="delete",
    )


def guarded_delete(
    plan: GuardPlan,
    arguments: Mapping[str, str],
    *,
    list_checked: Callable[[dict[str, Any]], Any],
    delete: Callable[[], R],
    force: bool,
    evidence: EvidenceLog,
) -> R:
    """The guard's listing read whole (unless ``force``), then one ``delete()`` when it is empty.

    ``arguments``: the path arguments by Python name; ``list_checked``: one page of the guard's listing.

    Raises:
        InUseError: (the plan's subclass) the listing holds items; no DELETE was sent.
        FoasError: the listing failed (no DELETE was sent), or the DELETE did.
    """
    if not force:
        container, subject = plan.names(arguments)
        found, error = check(plan.checked, list_checked, result=SubjectCheck, container=container, subject=subject)
        _decide(plan, arguments, found, error, evidence)
    try:
        answer = delete()
    except FoasError as failure:
        _delete_failed(plan, arguments, failure, evidence)
        raise
    _deleted(plan, arguments, answer, evidence, force=force)
    return answer


async def aguarded_delete(
    plan: GuardPlan,
    arguments: Mapping[str, str],
    *,
    list_checked: Callable[[dict[str, Any]], Awaitable[Any]],
    delete: Callable[[], Awaitable[R]],
    force: bool,
    evidence: EvidenceLog,
) -> R:
    """The async twin of ``guarded_delete``; a cancellation before the DELETE sends none."""
    import asyncio

    if not force:
        container, subject = plan.names(arguments)
        found, error = await acheck(
            plan.checked, list_checked, result=SubjectCheck, container=container, subject=subject
        )
        _decide(plan, arguments, found, error, evidence)
    await asyncio.sleep(0)  # a cancellation asked for during the check lands here, before any DELETE
    try:
        answer = await delete()
    except FoasError as failure:
        _delete_failed(plan, arguments, failure, evidence)
        raise
    _deleted(plan, arguments, answer, evidence, force=force)
    return answer
