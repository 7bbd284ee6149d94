"""Every page, or every item, of a paginated operation, as the operation's ``x-pagination`` in the spec says.

The rules are an operation's ``x-pagination`` in the spec (``PageRules``, made from the operation's
``OperationSpec`` in ``_schema.OPERATIONS``; this module imports nothing generated): which request
arguments carry the page number and the page size, the first page number, and where a decoded page
keeps its items, its echoed page number and size and its totals (attribute paths on the generated
models, derived from the wire names by the generator). Nothing here names a field of any operation.

One walk (``_Walk``, no I/O) decides which page to request next and checks each page as it arrives,
in page order; ``iter_pages``/``iter_items`` (threads) and ``aiter_pages``/``aiter_items`` (asyncio
tasks) only run the requests it asks for. Each page is checked in this order:

- its echoed page number differs from the one requested → ``PaginationError``;
- its totals (item count, page count) or page size differ from the first page's → ``PaginationError``:
  the listing changed while it was read, so an item may have been skipped or seen twice;
- it holds the same items as the page before (same count, equal first and last items) →
  ``PaginationError``: the server ignored the page number;
- it is empty → the listing ends, even before the page count the first page announced; but if fewer
  items arrived than the first page's item count promised → ``PaginationError`` (never a silently
  short listing);
- it is the last page the first page announced: its page count (TotalPage), or its item count over
  the page size if that is more pages (a short page count never drops items silently; an empty page
  still ends the listing); without totals, a page shorter than the page size is the last;
- at most ``max_pages`` pages are fetched (default ``DEFAULT_MAX_PAGES``); a listing that goes on
  beyond raises ``PaginationError`` after the last allowed page, so no server can make it loop forever.

Concurrency: the first page is fetched alone. When it tells where the listing ends and ``concurrency``
is above 1, the following pages are requested ahead, at most ``concurrency`` at a time counting the
page the caller holds, and still checked and yielded in page order. Without totals the pages are
fetched one after the other. With a ``limit``, no page is requested ahead that the limit cannot need.
"""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Mapping
from contextlib import aclosing, closing
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from .arguments import check_count
from .errors import InvalidParameterError, PaginationError
from .operation import OperationSpec, WireName
from .unset import Unset

if TYPE_CHECKING:
    import asyncio

__all__ = [
    "DEFAULT_MAX_PAGES",
    "PageRules",
    "aiter_items",
    "aiter_pages",
    "iter_items",
    "iter_page_items",
    "iter_pages",
    "page_request",
]

DEFAULT_MAX_PAGES = 10_000  # pages fetched by one iteration at most, unless max_pages says otherwise

P = TypeVar("P")
Fetch = Callable[[dict[str, Any]], P]


def _attributes(path: tuple[WireName, ...]) -> tuple[str, ...]:
    return tuple(name.python for name in path)


@attrs.frozen
class PageRules:
    """One operation's ``x-pagination``, in the generated code's names.

    Attributes:
        operation_id: the operation, e.g. ``GetRefPackageJob``.
        page_argument: the endpoint function's argument carrying the page number.
        size_argument: the argument carrying the page size, or ``None``.
        first_page: the number of the first page (``firstPage``, default 1).
        items, page_index, page_size, total_items, total_pages: attribute paths in a decoded page;
            ``()`` when the spec does not give one.
    """

    operation_id: str
    page_argument: str
    size_argument: str | None
    first_page: int
    items: tuple[str, ...]
    page_index: tuple[str, ...] = ()
    page_size: tuple[str, ...] = ()
    total_items: tuple[str, ...] = ()
    total_pages: tuple[str, ...] = ()

    @classmethod
    def of(cls, operation: OperationSpec) -> PageRules:
        """The rules of ``operation``'s ``x-pagination``, in the generated code's names.

        Raises:
            PaginationError: the spec gives the operation no ``x-pagination``.
        """
        paging = operation.pagination
        if paging is None:
            raise PaginationError(
                "the spec gives it no x-pagination (it answers in one page)", operation_id=operation.operation_id
            )
        return cls(
            operation_id=operation.operation_id,
            page_argument=paging.page.python,
            size_argument=paging.size.python if paging.size else None,
            first_page=paging.first_page,
            items=_attributes(paging.items),
            page_index=_attributes(paging.page_index),
            page_size=_attributes(paging.page_size),
            total_items=_attributes(paging.total_items),
            total_pages=_attributes(paging.total_pages),
        )

    def read(self, page: object) -> _Facts:
        """What ``page`` says about the listing; a value the server did not send is ``None``."""
        items = self._walk(page, self.items)
        return _Facts(
            items=[] if items is None else list(items),
            page_index=self._number(page, self.page_index),
            page_size=self._number(page, self.page_size),
            total_items=self._number(page, self.total_items),
            total_pages=self._number(page, self.total_pages),
        )

    def _number(self, page: object, path: tuple[str, ...]) -> int | None:
        value = self._walk(page, path)
        return value if isinstance(value, int) else None

    def _walk(self, value: object, path: tuple[str, ...]) -> Any:
        if not path:
            return None
        for name in path:
            if value is None or isinstance(value, Unset):
                return None
            try:
                value = getattr(value, name)
            except AttributeError:
                raise PaginationError(
                    f"{type(value).__name__} has no attribute {name!r} (x-pagination path {'.'.join(path)})",
                    operation_id=self.operation_id,
                ) from None
        return None if isinstance(value, Unset) else value


@attrs.frozen
class _Facts:
    items: list[Any]
    page_index: int | None
    page_size: int | None
    total_items: int | None
    total_pages: int | None


def page_request(rules: PageRules, *, page: int | None, size: int | None) -> dict[str, Any]:
    """The paging arguments of the operation's endpoint function: ``page`` and ``size`` under their names."""
    request: dict[str, Any] = {rules.page_argument: page}
    if rules.size_argument is not None:
        request[rules.size_argument] = size
    return request


def _given(value: object, name: str) -> int | None:
    if value is None or isinstance(value, Unset):
        return None
    return check_count(value, name)


@attrs.define
class _Walk:
    """Which page to request next, and whether each page, taken in order, is consistent with the ones before.

    No I/O: the iterators below do the requests, as ``next_request`` asks, and hand each page to ``accept``
    in page order; sync and async share every rule through it.
    """

    rules: PageRules
    request: Mapping[str, Any]
    start: int
    size: int | None
    concurrency: int
    max_pages: int
    limit: int | None
    next_page: int = 0
    items_seen: int = 0
    first: _Facts | None = None
    last_page: int | None = None
    previous: tuple[int, Any, Any] | None = None
    done: bool = False

    @classmethod
    def begin(
        cls,
        rules: PageRules,
        request: Mapping[str, Any],
        *,
        concurrency: int,
        max_pages: int | None,
        limit: int | None,
    ) -> _Walk:
        """A walk from the page the request names (default: the first page).

        Raises:
            InvalidParameterError: an argument is out of range; nothing was sent.
        """
        start = _given(request.get(rules.page_argument), "the first page to fetch")
        size = _given(request.get(rules.size_argument), "the page size") if rules.size_argument else None
        if start is None:
            start = rules.first_page
        elif start < rules.first_page:
            raise InvalidParameterError(f"the first page to fetch must be at least {rules.first_page}, got {start}")
        if size is not None and size < 1:
            raise InvalidParameterError(f"the page size must be at least 1, got {size}")
        check_count(concurrency, "concurrency", minimum=1)
        if max_pages is not None:
            check_count(max_pages, "max_pages", minimum=1)
        if limit is not None:
            check_count(limit, "limit", minimum=0)
        return cls(
            rules=rules,
            request=request,
            start=start,
            size=size,
            concurrency=concurrency,
            max_pages=DEFAULT_MAX_PAGES if max_pages is None else max_pages,
            limit=limit,
            next_page=start,
            done=limit == 0,
        )

    @property
    def page_size(self) -> int | None:
        """The page size the server uses (as it echoed it), else the one requested, else unknown."""
        echoed = self.first.page_size if self.first is not None else None
        return echoed if echoed is not None and echoed > 0 else self.size

    def arguments(self, page: int) -> dict[str, Any]:
        """The endpoint function's arguments for ``page``."""
        return {**self.request, self.rules.page_argument: page}

    def next_request(self, in_flight: int) -> int | None:
        """The page to request now, or ``None``; ``in_flight`` pages are requested and not yet accepted."""
        window = self.concurrency if self.last_page is not None else 1  # ahead only once the end is known
        if self.done or in_flight >= window or self.next_page - self.start >= self.max_pages:
            return None
        if self.last_page is not None and self.next_page > self.last_page:
            return None
        if self.limit is not None and in_flight and self.items_seen + in_flight * (self.page_size or 0) >= self.limit:
            return None  # the pages in flight can already cover the limit
        page = self.next_page
        self.next_page += 1
        return page

    def ahead(self) -> bool:
        """Whether requests now run ahead of the caller: more than one page at a time, and more than one left."""
        return self.concurrency > 1 and self.last_page is not None and self.last_page >= self.next_page

    def accept(self, number: int, page: object) -> list[Any]:
        """The items of page ``number``, the next page in order, once it is checked against the pages before.

        Raises:
            PaginationError: see the module docstring.
        """
        facts = self.rules.read(page)
        if facts.page_index is not None and facts.page_index != number:
            raise self._error(number, f"the server answered page {facts.page_index} instead")
        if self.first is None:
            self.first = facts
            self.last_page = self._announced_last_page()
        else:
            self._check_unchanged(number, facts)
        items = facts.items
        fingerprint = (len(items), items[0], items[-1]) if items else None
        if fingerprint is not None and fingerprint == self.previous:
            raise self._error(
                number,
                f"it repeats page {number - 1} ({len(items)} items, the same first and last): "
                "the server ignored the page number",
            )
        self.previous = fingerprint
        self.items_seen += len(items)
        size = self.page_size
        if not items:
            self._check_complete(number)
        self.done = (
            not items
            or (self.limit is not None and self.items_seen >= self.limit)
            or (self.last_page is not None and number >= self.last_page)
            or (self.last_page is None and size is not None and len(items) < size)
        )
        return items

    def finish(self) -> None:
        """Called when nothing is left to request or accept.

        Raises:
            PaginationError: the listing goes on beyond ``max_pages`` pages.
        """
        if self.done:
            return
        if self.last_page is not None:
            why = f"the server announced {self.last_page - self.start + 1} pages from page {self.start}"
        else:
            why = "the server sends no totals and its pages are full"
        raise self._error(
            self.next_page,
            f"not fetched: {self.max_pages} pages (max_pages) were read already and {why}; raise max_pages to read on",
        )

    def _announced_last_page(self) -> int | None:
        """The first page's page count, or its item count over the page size: the larger when both are known."""
        assert self.first is not None
        size = self.page_size
        candidates = []
        if self.first.total_pages is not None:
            candidates.append(self.rules.first_page + self.first.total_pages - 1)
        if self.first.total_items is not None and size is not None:
            candidates.append(self.rules.first_page + -(-self.first.total_items // size) - 1)
        return max(candidates) if candidates else None

    def _check_complete(self, number: int) -> None:
        """An empty page ends the listing, unless it ends short of the item count the first page announced."""
        assert self.first is not None
        total, size = self.first.total_items, self.page_size
        if total is None or size is None:
            return
        expected = total - (self.start - self.rules.first_page) * size
        if self.items_seen < expected and (self.limit is None or self.items_seen < self.limit):
            raise self._error(
                number,
                f"it is empty, but the first page announced {total} items and only {self.items_seen} arrived "
                f"from page {self.start}: the listing changed while it was read; start again",
            )

    def _check_unchanged(self, number: int, facts: _Facts) -> None:
        assert self.first is not None
        for what, before, now in (
            ("item count", self.first.total_items, facts.total_items),
            ("page count", self.first.total_pages, facts.total_pages),
            ("page size", self.first.page_size, facts.page_size),
        ):
            if before is not None and now is not None and before != now:
                raise self._error(
                    number,
                    f"the {what} changed from {before} (page {self.start}) to {now}: "
                    "the listing changed while it was read; start again",
                )

    def _error(self, number: int, reason: str) -> PaginationError:
        return PaginationError(reason, operation_id=self.rules.operation_id, page=number)


# --- sync: the caller's thread, or a thread pool when requests run ahead ---------------------------


def _pages(walk: _Walk, fetch: Fetch[P]) -> Generator[tuple[P, list[Any]], None, None]:
    from concurrent.futures import Future, ThreadPoolExecutor  # here: a listing needs them, an import does not

    window: deque[tuple[int, Future[P]]] = deque()
    pool: ThreadPoolExecutor | None = None
    try:
        while True:
            while (number := walk.next_request(len(window))) is not None:
                if pool is None and (window or walk.ahead()):  # threads only when pages run ahead
                    pool = ThreadPoolExecutor(max_workers=walk.concurrency, thread_name_prefix="foas-paging")
                if pool is not None:
                    window.append((number, pool.submit(fetch, walk.arguments(number))))
                else:  # one page at a time, in the caller's thread
                    done: Future[P] = Future()
                    done.set_result(fetch(walk.arguments(number)))
                    window.append((number, done))
            if not window:
                walk.finish()
                return
            number, future = window.popleft()
            page = future.result()
            yield page, walk.accept(number, page)
    finally:
        for _, future in window:
            future.cancel()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _page_iterator(walk: _Walk, fetch: Fetch[P]) -> Generator[P, None, None]:
    with closing(_pages(walk, fetch)) as pages:
        for page, _ in pages:
            yield page


def _item_iterator(walk: _Walk, fetch: Fetch[Any]) -> Generator[Any, None, None]:
    remaining = walk.limit
    with closing(_pages(walk, fetch)) as pages:
        for _, items in pages:
            if remaining is not None:
                items = list(islice(items, remaining))
                remaining -= len(items)
            yield from items


def iter_pages(
    rules: PageRules,
    request: Mapping[str, Any],
    fetch: Fetch[P],
    *,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> Generator[P, None, None]:
    """Every page of a paginated operation, in page order, each checked against the pages before.

    Args:
        rules: the operation's x-pagination (``PageRules.of``).
        request: the endpoint function's arguments. Its page argument is the first page to fetch
            (``None``/``UNSET``: the spec's first page), its size argument the page size
            (``None``/``UNSET``: the server's default); both are named by the spec's x-pagination.
        fetch: one request: called with ``request`` and its page argument set, returns the decoded page.
            With ``concurrency`` above 1 it is called from several threads at once.
        concurrency: pages requested at a time, at most (default 1: one after the other).
        max_pages: pages fetched at most (default ``DEFAULT_MAX_PAGES``).

    Raises:
        PaginationError: the pages do not add up, or go on beyond ``max_pages`` (see the module docstring).
        InvalidParameterError: an argument is out of range; raised by this call, before any request.
        Whatever ``fetch`` raises, once the pages before the failing one have been yielded.

    Returns:
        A generator; leaving the loop early, ``close()`` it to stop the requests ahead at once.
    """
    walk = _Walk.begin(rules, request, concurrency=concurrency, max_pages=max_pages, limit=None)
    return _page_iterator(walk, fetch)


def iter_page_items(
    rules: PageRules,
    request: Mapping[str, Any],
    fetch: Fetch[P],
    *,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> Generator[tuple[P, list[Any]], None, None]:
    """Every page with its items, as the walk read them: for a caller that needs both (the command
    line's listing), without reading each page a second time. Arguments and errors as for ``iter_pages``."""
    walk = _Walk.begin(rules, request, concurrency=concurrency, max_pages=max_pages, limit=None)
    return _closed_pages(walk, fetch)


def _closed_pages(walk: _Walk, fetch: Fetch[P]) -> Generator[tuple[P, list[Any]], None, None]:
    with closing(_pages(walk, fetch)) as pages:
        yield from pages


def iter_items(
    rules: PageRules,
    request: Mapping[str, Any],
    fetch: Fetch[Any],
    *,
    limit: int | None = None,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> Generator[Any, None, None]:
    """Every item of every page, in the server's order; ``limit`` items at most (default: all).

    Arguments and errors as for ``iter_pages``.
    """
    walk = _Walk.begin(rules, request, concurrency=concurrency, max_pages=max_pages, limit=limit)
    return _item_iterator(walk, fetch)


# --- async: asyncio tasks -------------------------------------------------------------------------


async def _apages(walk: _Walk, fetch: Fetch[Awaitable[P]]) -> AsyncGenerator[tuple[P, list[Any]], None]:
    import asyncio  # here, not at import: only the async client needs it, and it costs 10 ms to import

    window: deque[tuple[int, asyncio.Future[P]]] = deque()
    try:
        while True:
            while (number := walk.next_request(len(window))) is not None:
                window.append((number, asyncio.ensure_future(fetch(walk.arguments(number)))))
            if not window:
                walk.finish()
                return
            number, task = window.popleft()
            page = await task
            yield page, walk.accept(number, page)
    finally:
        for _, task in window:
            task.cancel()
        await asyncio.gather(*(task for _, task in window), return_exceptions=True)


async def _apage_iterator(walk: _Walk, fetch: Fetch[Awaitable[P]]) -> AsyncGenerator[P, None]:
    async with aclosing(_apages(walk, fetch)) as pages:
        async for page, _ in pages:
            yield page


async def _aitem_iterator(walk: _Walk, fetch: Fetch[Awaitable[Any]]) -> AsyncGenerator[Any, None]:
    remaining = walk.limit
    async with aclosing(_apages(walk, fetch)) as pages:
        async for _, items in pages:
            if remaining is not None:
                items = list(islice(items, remaining))
                remaining -= len(items)
            for item in items:
                yield item


def aiter_pages(
    rules: PageRules,
    request: Mapping[str, Any],
    fetch: Fetch[Awaitable[P]],
    *,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> AsyncGenerator[P, None]:
    """The async twin of ``iter_pages``: ``fetch`` returns an awaitable; requests ahead are asyncio tasks.

    Close it (``contextlib.aclosing``) when leaving the loop early, to cancel the requests ahead at once.
    """
    walk = _Walk.begin(rules, request, concurrency=concurrency, max_pages=max_pages, limit=None)
    return _apage_iterator(walk, fetch)


def aiter_items(
    rules: PageRules,
    request: Mapping[str, Any],
    fetch: Fetch[Awaitable[Any]],
    *,
    limit: int | None = None,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> AsyncGenerator[Any, None]:
    """The async twin of ``iter_items``."""
    walk = _Walk.begin(rules, request, concurrency=concurrency, max_pages=max_pages, limit=limit)
    return _aitem_iterator(walk, fetch)
