"""What the spec says of each operation, as typed data: its parameters, its paging and its responses.

The generator builds one ``OperationSpec`` per operation with these very classes and writes them
into the package's ``_schema`` (as ``OPERATIONS``), so the two cannot disagree. The core reads them
by attribute: argument checks, the command line's options, the fake's routes and paging. Each
endpoint module binds its spec to its pure request builder and response parser as an ``Operation``,
what the core's one request path (``http.request``) runs. Nothing here names an operation or a field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import attrs

if TYPE_CHECKING:
    import httpx

__all__ = ["Operation", "OperationSpec", "Pagination", "Parameter", "ResponseSpec", "WireName"]

Location = Literal["path", "query", "header"]
R = TypeVar("R")


@attrs.frozen
class Parameter:
    """One parameter of an operation.

    Attributes:
        name: the wire name (``pageSize``); ``python_name``: the generated argument's (``page_size``).
        location: where it travels: ``path`` (one percent-encoded segment), ``query`` or ``header``.
        kind: the schema's JSON type: ``string``, ``integer``, ``number`` or ``boolean``.
        required: whether the spec requires it.
        minimum, maximum: an integer's bounds (the schema's, else its format's: int32, int64).
        min_length: a string's ``minLength``.
        filled_by: its ``x-filled-by-client`` (``region``): the client fills it, not the caller.
        description: the spec's, on one line. example: the spec's ``example``.
    """

    name: str
    python_name: str
    location: Location
    kind: str = "string"
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None
    min_length: int | None = None
    filled_by: str | None = None
    description: str = ""
    example: Any = None


@attrs.frozen
class WireName:
    """A name as the wire spells it (``TotalCount``) and as the generated code does (``total_count``)."""

    wire: str
    python: str


@attrs.frozen
class Pagination:
    """An operation's ``x-pagination`` (style ``page-number``, the one supported).

    Attributes:
        page: the request parameter carrying the page number; size: the one carrying the page size.
        items: the path, from the answer's root, of the list of items.
        items_method, pages_method: the client methods that walk every item and every page.
        first_page: the number of the first page.
        page_index, page_size, total_items, total_pages: the paths of the echoed page number and
            size and of the totals; ``()`` where the spec gives none.
    """

    page: WireName
    size: WireName | None
    items: tuple[WireName, ...]
    items_method: str
    pages_method: str
    first_page: int = 1
    page_index: tuple[WireName, ...] = ()
    page_size: tuple[WireName, ...] = ()
    total_items: tuple[WireName, ...] = ()
    total_pages: tuple[WireName, ...] = ()


@attrs.frozen
class ResponseSpec:
    """One documented response: its status (``200``, ``4XX``, ``default``), its body's model class and media types."""

    status: str
    model: str | None = None
    media_types: tuple[str, ...] = ()


@attrs.frozen
class OperationSpec:
    """One operation: its operationId (the ROA action), method, path template, parameters, paging, responses."""

    operation_id: str
    method: str
    path: str
    summary: str = ""
    parameters: tuple[Parameter, ...] = ()
    pagination: Pagination | None = None
    responses: tuple[ResponseSpec, ...] = ()

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")


@attrs.frozen
class Operation(Generic[R]):
    """An operation as the core's request path runs it: its spec, and its endpoint module's pure functions.

    Attributes:
        spec: what the spec says of it.
        build: the arguments given (by the generated argument names) -> httpx's ``request`` arguments
            (method, path with each parameter encoded as one segment, query, headers); no I/O.
        parse: an answer -> the model, or raises the typed error (``ApiError``, ``DecodeError``); no I/O.
    """

    spec: OperationSpec
    build: Callable[..., dict[str, Any]]
    parse: Callable[[httpx.Response], R]
