"""Whether anything references one subject: its checked listing read until it is decided, never guessed.

A ``Listing`` is a paged operation as a lifecycle reads it: its paging rules (``x-pagination``), the
attribute naming its items (the item schema's ``x-item-id``) and its path parameters. ``check`` and
``acheck`` read a subject's checked listing through the paging walk (``paging.iter_pages``: every page
checked against the ones before) and decide:

- ``referenced``: a page held an item (the listing is not read further: one item is enough to refuse);
  the count is the one the first page announced, else the items seen;
- ``unreferenced``: the whole listing was read, every page passing the walk's checks, and held no item;
- ``failed``: any error before that (an error answer after retries, an undecodable page, pages that do
  not add up), with the error's one line. Nothing is inferred from a partial answer.

Both share one reading (``_Reading``), as the paging iterators share one walk.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from contextlib import aclosing, closing
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from ..errors import FoasError
from ..operation import OperationSpec, WireName
from ..paging import PageRules, aiter_pages, iter_pages, page_request

if TYPE_CHECKING:
    from .budget import AsyncSweepBudget, SweepBudget
    from .evidence import EvidenceLog

__all__ = ["FIRST_IDS", "Listing", "Status", "SubjectCheck", "acheck", "check", "failed", "write_check"]

FIRST_IDS = 5  # the ids of the first items a referenced subject's check keeps, to name them
Status = Literal["unreferenced", "referenced", "failed"]
S = TypeVar("S", bound="SubjectCheck")
Fetch = Callable[[dict[str, Any]], Any]


@attrs.frozen
class Listing:
    """A paged operation a lifecycle reads.

    Attributes:
        rules: its ``x-pagination``.
        item_id: the attribute of its items that identifies one (the item schema's ``x-item-id``).
        path: its path parameters, wire and Python names, in the path's order.
    """

    rules: PageRules
    item_id: str
    path: tuple[WireName, ...]

    @classmethod
    def of(cls, operation: OperationSpec, *, item_id: str) -> Listing:
        return cls(
            rules=PageRules.of(operation),
            item_id=item_id,
            path=tuple(WireName(p.name, p.python_name) for p in operation.path_parameters),
        )

    @property
    def operation_id(self) -> str:
        return self.rules.operation_id


@attrs.frozen(kw_only=True)
class SubjectCheck:
    """What was found of one subject (or, ``failed`` with no subject, of a listing that could not be read).

    Attributes:
        container, subject: the path arguments of the checked listing, e.g. a project and a package;
            ``subject`` is ``None`` when the container's listing failed, both when the containers' did.
        item: the subject's item as its listing gave it, or ``None``.
        status: ``unreferenced`` (the whole checked listing read, no item), ``referenced`` or ``failed``.
        count: the item count the checked listing announced (``None`` when not read or not sent).
        first_ids: the ids of its first items (``FIRST_IDS`` at most), for a referenced subject.
        pages_read: pages of the checked listing read.
        request_ids: the RequestId of every page read.
        error: why it failed, one line; ``None`` unless failed.
        operation: the listing that decided (or failed).
    """

    container: str | None
    subject: str | None
    item: Any = None
    status: Status
    count: int | None = None
    first_ids: tuple[str, ...] = ()
    pages_read: int = 0
    request_ids: tuple[str, ...] = ()
    error: str | None = None
    operation: str = ""

    @property
    def decided(self) -> bool:
        """Whether the check decided (``referenced`` or ``unreferenced``), rather than failed."""
        return self.status != "failed"


def write_check(
    evidence: EvidenceLog, found: SubjectCheck, decision: str, arguments: Mapping[str, str], *, step: str
) -> None:
    """``found`` as one evidence line: ``decision`` on ``arguments`` (path arguments by wire name), at ``step``
    (``sweep``, ``guard``), with what its listing answered."""
    evidence.write(
        decision,
        arguments,
        operation=found.operation,
        count=found.count,
        pages_read=found.pages_read,
        request_ids=found.request_ids,
        reason=found.error,
        step=step,
        firstIds=list(found.first_ids),
    )


def failed(
    result: type[S], container: str | None, subject: str | None, operation: str, error: FoasError, item: Any = None
) -> S:
    """A failed check: ``operation``'s listing raised ``error``."""
    return result(
        container=container, subject=subject, item=item, status="failed", error=str(error), operation=operation
    )


@attrs.define
class _Reading:
    """The pages of one checked listing, as they arrive; no I/O."""

    listing: Listing
    pages: int = 0
    request_ids: list[str] = attrs.field(factory=list)
    total: int | None = None
    found: int = 0
    ids: list[str] = attrs.field(factory=list)

    def answered(self, page: object) -> object:
        """Notes the RequestId of ``page`` as it arrives, before the walk checks it (a page that fails the
        checks is still in the evidence); returns it."""
        self._note(page)
        return page

    def failed(self, error: FoasError) -> FoasError:
        """Notes the RequestId of an error answer; returns ``error``."""
        self._note(error)
        return error

    def _note(self, answer: object) -> None:
        request_id = getattr(
            answer, "request_id", None
        )  # the service's envelope, as errors and the attempt log read it
        if isinstance(request_id, str) and request_id:
            self.request_ids.append(request_id)

    def page(self, page: object) -> bool:
        """Notes ``page`` (checked by the walk already); ``True`` when it decides: it holds an item."""
        self.pages += 1
        facts = self.listing.rules.read(page)
        if self.pages == 1:
            self.total = facts.total_items
        self.found += len(facts.items)
        for item in facts.items[: FIRST_IDS - len(self.ids)]:
            self.ids.append(str(getattr(item, self.listing.item_id)))
        return self.found > 0

    def verdict(
        self, result: type[S], container: str | None, subject: str | None, item: Any, error: FoasError | None
    ) -> S:
        status: Status = "failed" if error is not None else "referenced" if self.found else "unreferenced"
        total = self.total if self.total is not None or status != "referenced" else self.found
        return result(
            container=container,
            subject=subject,
            item=item,
            status=status,
            count=total,
            first_ids=tuple(self.ids),
            pages_read=self.pages,
            request_ids=tuple(self.request_ids),
            error=None if error is None else str(error),
            operation=self.listing.operation_id,
        )


def check(
    listing: Listing,
    fetch: Fetch,
    *,
    result: type[S],
    container: str | None,
    subject: str | None,
    item: Any = None,
    budget: SweepBudget | None = None,
) -> tuple[S, FoasError | None]:
    """Reads ``listing`` (``fetch``: one page's call, given the paging arguments) until it decides.

    Each request goes through ``budget`` when given. Returns the check and, when it failed, the error
    (which the check holds as one line). Raises nothing of this package's; ``KeyboardInterrupt`` and the
    like pass through, deciding nothing.
    """
    reading = _Reading(listing)

    def run(arguments: dict[str, Any]) -> Any:
        def call() -> object:
            return reading.answered(fetch(arguments))

        return call() if budget is None else budget.run(call)

    try:
        with closing(iter_pages(listing.rules, page_request(listing.rules, page=None, size=None), run)) as pages:
            for page in pages:
                if reading.page(page):
                    break
    except FoasError as error:
        return reading.verdict(result, container, subject, item, reading.failed(error)), error
    return reading.verdict(result, container, subject, item, None), None


async def acheck(
    listing: Listing,
    fetch: Callable[[dict[str, Any]], Awaitable[Any]],
    *,
    result: type[S],
    container: str | None,
    subject: str | None,
    item: Any = None,
    budget: AsyncSweepBudget | None = None,
) -> tuple[S, FoasError | None]:
    """The async twin of ``check``."""
    reading = _Reading(listing)

    async def call(arguments: dict[str, Any]) -> Any:
        return reading.answered(await fetch(arguments))

    def run(arguments: dict[str, Any]) -> Awaitable[Any]:
        return call(arguments) if budget is None else budget.run(lambda: call(arguments))

    try:
        request = page_request(listing.rules, page=None, size=None)
        async with aclosing(aiter_pages(listing.rules, request, run)) as pages:
            async for page in pages:
                if reading.page(page):
                    break
    except FoasError as error:
        return reading.verdict(result, container, subject, item, reading.failed(error)), error
    return reading.verdict(result, container, subject, item, None), None
