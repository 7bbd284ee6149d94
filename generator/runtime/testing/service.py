"""The fake's request handling, free of I/O and of any one operation: a request in, an answer (or a fault) out.

What it serves comes as data from the generated binding (``_fake``): one ``FakeOperation`` per
operation of the spec (its descriptor from ``_schema.OPERATIONS``, its ``x-pagination``, its response
shape and models) and the spec's shapes. A request is routed by method and path template, its
parameters are checked with the rule the clients use (``_arguments.problem``: what the spec refuses
is answered 400 ``InvalidParameter``), its signature (V3 or ROA v1) is checked against the fake's credentials,
and the answer is written as JSON or, by ``Accept``, as XML through the shapes. A paginated operation
answers a page of the items stored for its path arguments, built from the ``x-pagination`` paths;
any other answers the object stored for its path arguments, else its documented example.

The store has state where the spec relates the operations (``relations``): an operation addressing one
item of a listing (``ItemAddress``: GET answers the item, DELETE removes it, and both answer 404 once it is
gone), a listing filtered by membership (``Membership``: an item is listed for every value its field
names), and query parameters filtering a listing by equality (``FieldFilter``: a page and its totals count
the items kept). ``add_estate`` fills three related listings at once (``estate``). ``request_log`` records each
request answered, so a test can count the DELETEs sent (``deletes``).

Transports and servers (``_fake_transport``, ``_fake_server``) call ``FakeService.answer``; this
module knows neither.
"""

from __future__ import annotations

import collections
import hmac
import json
import logging
import math
import random
import re
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, unquote

import attrs

from ..arguments import problem
from ..credentials import Credentials
from ..http.signing import sign, string_to_sign
from ..http.signing_v3 import ALGORITHM, canonical_request, sign_v3, string_to_sign_v3
from ..operation import Pagination, Parameter
from ..shapes import ObjectShape
from .answers import Answer, Fault, Misbehaviour
from .estate import ARGUMENTS, Estate, EstateOwner, check_estate, referenced_indices
from .items import FieldHint, make_items
from .relations import FieldFilter, ItemAddress, Membership
from .xml_writer import encode_xml

__all__ = ["TEST_CREDENTIALS", "FakeOperation", "FakeService", "RequestRecord"]

HOST_ID = "foas.fake.127.0.0.1"
TEST_CREDENTIALS = Credentials("fake-access-key-id", "fake-access-key-secret")
DEFAULT_PAGE_SIZE = 10  # when neither the size parameter's default nor the echoed size's example says
_TEMPLATE_VARIABLE = re.compile(r"\{([^{}]+)\}")
# The fields every Alibaba answer carries and the fake fills itself (the error body's, which are the protocol's).
_REQUEST_ID = "RequestId"
_LOG = logging.getLogger("foas_client.testing")
SIGNATURE_VERSIONS_KEPT = 10_000  # the versions of the last requests verified: bounded in a long-running fake
REQUESTS_KEPT = 10_000  # the last requests answered, in request_log: bounded likewise
_Record = tuple[Any, dict[str, Any]]  # an item: its model and its JSON-shaped dict, serialised once


@attrs.frozen
class RequestRecord:
    """One request the fake answered: its method, its target (path and query as sent) and the status answered."""

    method: str
    target: str
    status: int

    @property
    def path(self) -> str:
        """The path, percent-decoded, without the query."""
        return unquote(self.target.partition("?")[0])


@attrs.frozen
class FakeOperation:
    """One operation as the fake serves it; the generated binding makes one per operation of the spec.

    Attributes:
        operation_id: the operationId.
        method, path: the HTTP method and the path template (``/a/{name}/b``).
        parameters: the operation's parameters (its ``OperationSpec``'s: name, location, kind, bounds...).
        response_shape: the name of the shape of the 2xx body.
        response_model: makes the response model from a JSON-shaped dict (its ``from_dict``).
        pagination: the ``x-pagination``, or ``None`` for an operation answering one object.
        item_model: for a paginated operation, makes an item model from a dict.
        default_page_size: the page size when the request names none.
        documented: reads the documented JSON example as a dict (called when first needed: a spec
            whose example no longer decodes still imports), or ``None``.
        fields: for a paginated operation, what the spec says of each property of its items, to make them.
        item_id: for a paginated operation, the wire name of its items' id (``x-item-id``), or ``None``.
        membership: for a paginated operation listing by membership, its rule (``x-membership-filter``).
        filters: for a paginated operation, its query parameters that filter by equality (``x-filters-field``).
        addresses: for an unpaginated operation, the listing whose one item it addresses, or ``None``.
    """

    operation_id: str
    method: str
    path: str
    parameters: Sequence[Parameter]
    response_shape: str
    response_model: Callable[[dict[str, Any]], Any]
    pagination: Pagination | None = None
    item_model: Callable[[dict[str, Any]], Any] | None = None
    default_page_size: int = DEFAULT_PAGE_SIZE
    documented: Callable[[], Mapping[str, Any]] | None = None
    fields: Mapping[str, FieldHint] = attrs.field(factory=dict)
    item_id: str | None = None
    membership: Membership | None = None
    filters: tuple[FieldFilter, ...] = ()
    addresses: ItemAddress | None = None
    path_names: tuple[str, ...] = attrs.field(init=False)
    route: re.Pattern[str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        parts = _TEMPLATE_VARIABLE.split(self.path)  # literal text at even indices, variable names at odd
        pattern = "".join(re.escape(part) if index % 2 == 0 else "([^/?#]+)" for index, part in enumerate(parts))
        object.__setattr__(self, "path_names", tuple(parts[1::2]))
        object.__setattr__(self, "route", re.compile(f"^{pattern}$"))

    @property
    def methods(self) -> tuple[str, ...]:
        """The methods it answers: HEAD is GET without the body (RFC 9110 9.3.2)."""
        return (self.method, "HEAD") if self.method == "GET" else (self.method,)

    def key(self, path_arguments: Mapping[str, str]) -> tuple[str, ...]:
        """The store key of ``path_arguments`` (keyed by the path parameters' wire names).

        Raises:
            ValueError: the arguments are not exactly the operation's path parameters.
        """
        if set(path_arguments) != set(self.path_names):
            raise ValueError(
                f"{self.operation_id} takes the path arguments {sorted(self.path_names)}, got {sorted(path_arguments)}"
            )
        return tuple(path_arguments[name] for name in self.path_names)

    def example_arguments(self) -> dict[str, str]:
        """The path arguments of the spec's request example (each path parameter's ``example``)."""
        examples = {p.name: p.example for p in self.parameters if p.location == "path"}
        return {name: str(examples.get(name) or name) for name in self.path_names}

    def documented_items(self) -> list[Any]:
        """The items of the documented example (a paginated operation's), as item models."""
        if self.documented is None or self.pagination is None or self.item_model is None:
            return []
        found: Any = self.documented()
        for name in self.pagination.items:
            found = found.get(name.wire) if isinstance(found, Mapping) else None
        return [self.item_model(dict(item)) for item in found or ()]


class FakeService:
    """An in-memory service of the operations given: JSON or XML by ``Accept``, faults on demand.

    Args:
        operations: what it serves, one ``FakeOperation`` each.
        shapes: the spec's object shapes (``_schema.SHAPES``), to write XML and the error body.
        credentials: the AccessKeys whose signatures it accepts, V3 (ACS3-HMAC-SHA256) or ROA v1 (over the
            path as sent, or decoded, as the legacy SDK signs it), and the STS tokens it expects; empty:
            signatures are not checked.
        latency: seconds added to every answer.
        xml_content_type: the Content-Type of XML answers (the service sends ``text/xml;charset=utf-8``).
        error_shape: the shape of the error body.

    Items and answers are stored per operation and path arguments; a paginated operation with none
    stored answers an empty listing. Faults queued with ``inject`` are used one per request, in order;
    ``misbehaviour`` bends the pagination of every paginated operation. ``signature_versions`` holds
    the version (``"v3"`` or ``"v1"``) of each request whose signature it verified, the last 10,000 in
    order; each is also logged (INFO, logger ``foas_client.testing``). A wrong signature is answered 400
    ``SignatureDoesNotMatch``, "... server string to sign is:<string>", as the service answers it.

    An operation addressing one item of a listing (``FakeOperation.addresses``) answers the item the listing
    holds (GET) or removes it (DELETE: the listing no longer shows it); once removed, both answer 404 with
    the item's NotFound code. An id the listing never held gets the answer set for it, else the documented
    example, unless ``complete_listings`` is true (``add_estate`` sets it): then 404, as the service does.
    A listing by membership (``FakeOperation.membership``) lists, for a value, the items added for it and
    the items of the same scope whose field names it. A listing's filters (``FakeOperation.filters``) keep,
    for each filtering parameter the request gives, the items whose field equals its value; the page and its
    totals are the kept items'. ``request_log`` holds the last 10,000 requests
    answered (``RequestRecord``), ``deletes`` every DELETE answered, however many requests came after.
    """

    def __init__(
        self,
        operations: Iterable[FakeOperation],
        shapes: Mapping[str, ObjectShape],
        *,
        credentials: Iterable[Credentials] = (),
        latency: float = 0.0,
        xml_content_type: str = "application/xml",
        error_shape: str = "ErrorResponse",
    ) -> None:
        self.credentials = {c.access_key_id: c for c in credentials}
        self.latency = latency
        self.xml_content_type = xml_content_type
        self.misbehaviour = Misbehaviour()
        self.requests = 0
        self.complete_listings: bool = False
        self.estate: Estate | None = None
        self.request_log: collections.deque[RequestRecord] = collections.deque(maxlen=REQUESTS_KEPT)
        self._deletes: list[RequestRecord] = []  # not bounded: a sweep's DELETEs must all be countable
        self.signature_versions: collections.deque[str] = collections.deque(maxlen=SIGNATURE_VERSIONS_KEPT)
        self._operations = {operation.operation_id: operation for operation in operations}
        self._shapes = shapes
        self._error_shape = error_shape
        self._items: dict[tuple[str, tuple[str, ...]], list[_Record]] = {}
        # A listing by membership: (operation, scope, value) -> the items added for another value naming it.
        self._members: dict[tuple[str, tuple[str, ...], str], list[_Record]] = {}
        self._listed: dict[tuple[str, tuple[str, ...]], tuple[int, list[_Record]]] = {}  # by _version
        self._version = 0  # counts the changes to the items, which the cached listings follow
        self._removed: set[tuple[str, tuple[str, ...], str]] = set()  # (listing, its key, item id)
        self._answers: dict[tuple[str, tuple[str, ...]], tuple[Any, dict[str, Any]]] = {}
        self._faults: collections.deque[Fault] = collections.deque()
        self._lock = threading.Lock()

    def load_documented_examples(self) -> None:
        """Stores each paginated operation's documented items under the spec's example path arguments."""
        for operation in self._operations.values():
            items = operation.documented_items()
            if items:
                self.add_items(operation.operation_id, operation.example_arguments(), items)

    def add_items(self, operation_id: str, path_arguments: Mapping[str, str], items: Sequence[Any]) -> None:
        """Appends ``items`` (models with ``to_dict``) to what the paginated operation lists for ``path_arguments``.

        Raises:
            KeyError: no such operation. ValueError: it is not paginated, or the path arguments are not its own.
        """
        operation = self._operation(operation_id)
        if operation.pagination is None:
            raise ValueError(f"{operation_id} is not paginated: give it an answer with set_answer")
        key = operation.key(path_arguments)
        records = [(item, item.to_dict()) for item in items]  # serialised once, served many times
        with self._lock:
            self._items.setdefault((operation_id, key), []).extend(records)
            rule = operation.membership
            if rule is not None:  # listed too for every other value each item names, within its scope
                value, scope = _split_key(operation, key, rule.parameter)
                for record in records:
                    for name in rule.names(record[1]):
                        if name != value:
                            self._members.setdefault((operation_id, scope, name), []).append(record)
            self._version += 1

    def items(self, operation_id: str, path_arguments: Mapping[str, str]) -> list[Any]:
        """The items the paginated operation lists for ``path_arguments``, in order."""
        operation = self._operation(operation_id)
        return [item for item, _ in self._listing(operation, operation.key(path_arguments))]

    @property
    def deletes(self) -> list[RequestRecord]:
        """Every DELETE request answered, in order, whatever its status."""
        return list(self._deletes)

    def add_estate(
        self,
        top: str,
        nested: str,
        referencing: str,
        *,
        owners: int,
        items: int,
        referenced: float,
        per_item: int = 1,
        seed: int = 0,
        names: Sequence[str] = ARGUMENTS,
    ) -> Estate:
        """Fills three related paginated operations at once and makes every listing complete.

        ``top`` (the operationId of a listing with no path parameter) lists ``owners`` generated items;
        ``nested`` (a listing whose path parameter names a ``top`` item) lists ``items`` generated items under
        each; and for a ``referenced`` fraction of those (halves rounded up, chosen by ``seed``),
        ``referencing`` (a listing under a ``nested`` item) lists ``per_item`` generated items. Deterministic
        for a given ``seed``; sets ``complete_listings``; returns what it made (also kept in ``estate``).
        ``names`` spell the four counts' arguments in its errors (the caller's own names).

        Raises:
            KeyError: no such operation. ValueError: a count below 0 (``per_item`` below 1), a fraction
                outside 0..1, or operations that do not nest so.
        """
        check_estate(owners, items, referenced, per_item, names=names)
        levels = [self._operation(operation_id) for operation_id in (top, nested, referencing)]
        top_id, nested_id = levels[0].item_id, levels[1].item_id
        outer, inner = set(levels[1].path_names), set(levels[2].path_names)
        if (
            levels[0].path_names
            or len(outer) != 1
            or len(inner - outer) != 1
            or not outer < inner
            or top_id is None
            or nested_id is None
            or any(operation.pagination is None for operation in levels)
        ):
            raise ValueError(f"{top}, {nested} and {referencing} are not listings nested one under the other")
        (owner_parameter,) = outer
        (item_parameter,) = inner - outer
        rng = random.Random(seed)
        made = []
        for owner in self._make(levels[0], owners, {}, rng):
            name = str(owner[1][top_id])
            children = self._make(levels[1], items, {owner_parameter: name}, rng)
            ids = [str(child[1][nested_id]) for child in children]
            chosen = [ids[index] for index in referenced_indices(rng, len(ids), referenced)]
            self.add_items(top, {}, [owner[0]])
            self.add_items(nested, {owner_parameter: name}, [child[0] for child in children])
            for child in chosen:
                arguments = {owner_parameter: name, item_parameter: child}
                made_items = self._make(levels[2], per_item, arguments, rng)
                self.add_items(referencing, arguments, [item for item, _ in made_items])
            made.append(EstateOwner(name, tuple(ids), tuple(chosen)))
        self.complete_listings = True
        self.estate = Estate(tuple(made), per_item, seed)
        return self.estate

    def _make(
        self, operation: FakeOperation, count: int, path_arguments: Mapping[str, str], rng: random.Random
    ) -> list[_Record]:
        """``count`` generated items of the paginated operation, each with its dict, from a seed ``rng`` draws."""
        assert operation.item_model is not None  # a paginated operation's binding gives it
        made = make_items(count, operation.fields, path_arguments=path_arguments, seed=rng.randrange(2**32))
        return [(operation.item_model(dict(item)), item) for item in made]

    def _listing(self, operation: FakeOperation, key: tuple[str, ...]) -> list[_Record]:
        """What the paginated operation lists for ``key``: the items added for it, then, for a listing by
        membership, those of its scope added for another value that name its value (each id once)."""
        operation_id = operation.operation_id
        version = self._version  # read first: a change made meanwhile leaves the listing built here uncached
        added = self._items.get((operation_id, key), [])
        rule = operation.membership
        if rule is None:
            return added
        value, scope = _split_key(operation, key, rule.parameter)
        naming = self._members.get((operation_id, scope, value))
        if not naming:
            return added
        cached = self._listed.get((operation_id, key))
        if cached is not None and cached[0] == version:
            return cached[1]
        seen = {self._identity(operation, record) for record in added}
        listed = list(added)
        for record in naming:
            identity = self._identity(operation, record)
            if identity not in seen:
                seen.add(identity)
                listed.append(record)
        self._listed[operation_id, key] = (version, listed)
        return listed

    @staticmethod
    def _identity(operation: FakeOperation, record: _Record) -> object:
        """What makes an item the same item: its id, else the model itself."""
        found = record[1].get(operation.item_id) if operation.item_id else None
        return ("id", found) if found is not None else ("object", id(record[0]))

    def set_answer(self, operation_id: str, path_arguments: Mapping[str, str], answer: Any) -> None:
        """Makes ``answer`` (a model with ``to_dict``) what the operation answers for ``path_arguments``.

        Raises:
            KeyError: no such operation. ValueError: it is paginated (use ``add_items``), or the path
                arguments are not its own.
        """
        operation = self._operation(operation_id)
        if operation.pagination is not None:
            raise ValueError(f"{operation_id} is paginated: give it items with add_items")
        self._answers[operation_id, operation.key(path_arguments)] = (answer, answer.to_dict())

    def answer_for(self, operation_id: str, path_arguments: Mapping[str, str]) -> Any:
        """What the (unpaginated) operation answers for ``path_arguments``: the answer set, else the
        documented example, else ``None`` (it answers 404)."""
        operation = self._operation(operation_id)
        stored = self._answers.get((operation_id, operation.key(path_arguments)))
        if stored is not None:
            return stored[0]
        return None if operation.documented is None else operation.response_model(dict(operation.documented()))

    def inject(self, *faults: Fault) -> None:
        """Queue faults for the next requests, one per request."""
        with self._lock:
            self._faults.extend(faults)

    def answer(self, method: str, raw_target: str, headers: Mapping[str, str]) -> Answer:
        """The answer to one request (``raw_target``: the path and query exactly as sent)."""
        lowered = {name.lower(): value for name, value in headers.items()}
        xml = "xml" in lowered.get("accept", "") and "json" not in lowered.get("accept", "")
        with self._lock:
            self.requests += 1
            fault = self._faults.popleft() if self._faults else None
        answer = self._answer(method, raw_target, lowered, xml, fault)
        record = RequestRecord(method, raw_target, answer.status)
        self.request_log.append(record)
        if method == "DELETE":
            self._deletes.append(record)
        return attrs.evolve(answer, delay=answer.delay + self.latency)

    def _operation(self, operation_id: str) -> FakeOperation:
        try:
            return self._operations[operation_id]
        except KeyError:
            raise KeyError(f"no operation {operation_id!r}; the fake serves {sorted(self._operations)}") from None

    def _answer(self, method: str, raw_target: str, headers: dict[str, str], xml: bool, fault: Fault | None) -> Answer:
        if fault is not None and fault.kind == "status":
            answer = self._error(fault.status, fault.code or _default_code(fault.status), fault.message, xml)
            extra = {"Retry-After": fault.retry_after, "x-acs-retry-after": fault.acs_retry_after}
            headers = {name: value for name, value in extra.items() if value is not None}
            return attrs.evolve(answer, headers={**answer.headers, **headers}) if headers else answer
        if fault is not None and fault.kind == "body":
            return Answer(fault.status, {"Content-Type": fault.content_type or "application/json"}, fault.body or b"")
        refusal = self._check_signature(method, raw_target, headers, xml)
        if refusal is not None:
            return refusal
        path, _, query = raw_target.partition("?")
        routed = [
            (operation, match) for operation in self._operations.values() if (match := operation.route.match(path))
        ]
        if not routed:
            return self._error(404, "InvalidApi.NotFound", f"no API at {method} {path}", xml)
        chosen = [(operation, match) for operation, match in routed if method in operation.methods]
        if not chosen:  # the path exists, not with this method: 405 and Allow (RFC 9110)
            allowed = sorted({m for operation, _ in routed for m in operation.methods})
            refusal = self._error(405, "MethodNotAllowed", f"{method} is not allowed on {path}", xml)
            return attrs.evolve(refusal, headers={**refusal.headers, "Allow": ", ".join(allowed)})
        operation, match = chosen[0]
        path_arguments = dict(zip(operation.path_names, (unquote(value) for value in match.groups()), strict=True))
        arguments, refused = _arguments(
            operation, path_arguments, dict(parse_qsl(query, keep_blank_values=True)), headers
        )
        if refused is not None:
            return self._error(400, "InvalidParameter", refused, xml)
        if operation.pagination is not None:
            document = self._page(operation, path_arguments, arguments)
        else:
            found = self._single(operation, path_arguments, path, xml)
            if isinstance(found, Answer):
                return found
            document = found
        answer = self._document(200, document, operation.response_shape, xml)
        if fault is not None:  # delay, slow_body, reset, truncate: acted out by the transport
            return attrs.evolve(answer, fault=fault)
        return answer

    def _single(
        self, operation: FakeOperation, path_arguments: Mapping[str, str], path: str, xml: bool
    ) -> dict[str, Any] | Answer:
        """The answer of an unpaginated operation as a JSON-shaped dict, or its error answer (404)."""
        stored = self._answers.get((operation.operation_id, operation.key(path_arguments)))
        address = operation.addresses
        if address is not None:
            listing = self._operation(address.listing)
            key = listing.key({name: path_arguments[name] for name in listing.path_names})
            item_id = path_arguments[address.parameter]
            wire = self._take(listing, key, item_id, remove=address.removes)
            if wire is not None:
                return stored[1] if stored is not None else self._about(operation, address, wire)
            if (address.listing, key, item_id) in self._removed or (self.complete_listings and stored is None):
                return self._error(404, address.not_found_code, address.not_found_message, xml)
        if stored is None and operation.documented is None:
            return self._error(404, "NotFound", f"nothing at {path}", xml)
        return stored[1] if stored is not None else dict(operation.documented() if operation.documented else {})

    def _take(
        self, listing: FakeOperation, key: tuple[str, ...], item_id: str, *, remove: bool
    ) -> dict[str, Any] | None:
        """The item ``item_id`` of the listing for ``key`` as a dict, or ``None``; ``remove``: taken out of it
        (every copy), and remembered as removed."""
        with self._lock:
            stored = self._items.get((listing.operation_id, key), [])
            found = next((wire for _, wire in stored if wire.get(listing.item_id or "") == item_id), None)
            if found is not None and remove:
                self._items[listing.operation_id, key] = [
                    record for record in stored if record[1].get(listing.item_id or "") != item_id
                ]
                self._removed.add((listing.operation_id, key, item_id))
                self._version += 1
            return found

    def _about(self, operation: FakeOperation, address: ItemAddress, wire: Mapping[str, Any]) -> dict[str, Any]:
        """The answer about one item: the documented example's fields with a fresh request id, and the item
        where the answer carries it."""
        document = dict(operation.documented()) if operation.documented is not None else {}
        if _REQUEST_ID in self._shapes[operation.response_shape].fields:
            document[_REQUEST_ID] = str(uuid.uuid4()).upper()
        if address.field:
            _put(document, list(address.field), dict(wire))
        return document

    def _page(
        self, operation: FakeOperation, path_arguments: Mapping[str, str], arguments: Mapping[str, Any]
    ) -> dict[str, Any]:
        """One page as a JSON-shaped dict, each value where the operation's ``x-pagination`` puts it."""
        paging = operation.pagination
        assert paging is not None  # only paged operations are served pages
        first = paging.first_page
        page_index = arguments.get(paging.page.wire, first)
        page_size = arguments.get(paging.size.wire, operation.default_page_size) if paging.size else None
        size = page_size or operation.default_page_size
        stored = self._listing(operation, operation.key(path_arguments))
        given = [rule for rule in operation.filters if rule.parameter in arguments]
        if given:  # the totals are the filtered listing's
            stored = [record for record in stored if all(rule.keeps(record[1], arguments) for rule in given)]
        rules = self.misbehaviour
        total = len(stored)
        if rules.shrink_totals_by and page_index > first:
            total = max(total - rules.shrink_totals_by, 0)
        served_index = first if rules.ignore_page_index else page_index
        start = (served_index - first) * size
        chunk = [wire for _, wire in stored[start : start + size]]
        if rules.empty_from_page is not None and page_index >= rules.empty_from_page:
            chunk = []
        document: dict[str, Any] = {}
        if _REQUEST_ID in self._shapes[operation.response_shape].fields:
            document[_REQUEST_ID] = str(uuid.uuid4()).upper()
        for path, value in (
            (paging.page_index, page_index),
            (paging.page_size, page_size),
            (paging.total_items, total),
            (paging.total_pages, math.ceil(total / size)),
            (paging.items, chunk),
        ):
            if path and value is not None:
                _put(document, [name.wire for name in path], value)
        return document

    def _check_signature(self, method: str, raw_target: str, headers: dict[str, str], xml: bool) -> Answer | None:
        """``None`` when the request is signed by a known AccessKey, V3 or ROA v1 (recorded in
        ``signature_versions``); else the service's error answer."""
        if not self.credentials:
            return None
        scheme, _, credential = headers.get("authorization", "").partition(" ")
        if scheme == ALGORITHM:
            return self._check_v3(method, raw_target, headers, credential, xml)
        key_id, colon, signature = credential.rpartition(":")
        if scheme != "acs" or not colon:  # no credentials at all: 401, as HTTP has it (RFC 9110 15.5.2)
            return self._error(
                401,
                "IncompleteSignature",
                "The request signature does not conform to Aliyun standards: expected 'Authorization: "
                f"{ALGORITHM} Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex>' "
                "or 'acs <AccessKeyId>:<Signature>'.",
                xml,
            )
        refusal, known = self._known(key_id, headers, xml)
        if known is None:
            return refusal
        # The current SDK generation signs the path as sent (encoded); the legacy Python SDK signs it decoded.
        path, mark, query = raw_target.partition("?")
        candidates = [string_to_sign(method, headers, raw_target)]
        if unquote(path) != path:
            candidates.append(string_to_sign(method, headers, unquote(path) + mark + query))
        for candidate in candidates:
            if hmac.compare_digest(signature.encode(), sign(known.access_key_secret, candidate).encode()):
                self._verified("v1", method, path)
                return None
        return self._mismatch(candidates[0], known, xml)

    def _check_v3(
        self, method: str, raw_target: str, headers: dict[str, str], credential: str, xml: bool
    ) -> Answer | None:
        fields = dict(part.strip().partition("=")[::2] for part in credential.split(","))
        key_id, signed, signature = (fields.get(name, "") for name in ("Credential", "SignedHeaders", "Signature"))
        names = signed.split(";") if signed else []
        unsigned = sorted(
            name for name in headers if (name.startswith("x-acs-") or name == "host") and name not in names
        )
        if not (key_id and names and signature) or unsigned:
            detail = f" Unsigned headers: {', '.join(unsigned)}." if unsigned else ""
            return self._error(
                400,
                "IncompleteSignature",
                "The request signature does not conform to Aliyun standards: host and every x-acs-* header "
                f"must be signed.{detail}",
                xml,
            )
        refusal, known = self._known(key_id, headers, xml)
        if known is None:
            return refusal
        canonical = canonical_request(method, raw_target, headers, headers.get("x-acs-content-sha256", ""), names)
        expected_string = string_to_sign_v3(canonical)
        expected = sign_v3(known.access_key_secret, expected_string)
        if not hmac.compare_digest(signature.encode(), expected.encode()):  # str: ASCII only, else TypeError
            return self._mismatch(expected_string, known, xml)
        self._verified("v3", method, raw_target.partition("?")[0])
        return None

    def _known(self, key_id: str, headers: Mapping[str, str], xml: bool) -> tuple[Answer | None, Credentials | None]:
        """The fake's credentials of ``key_id`` and no refusal, or the refusal of an unknown id or a wrong token."""
        known = self.credentials.get(key_id)
        if known is None:
            return self._error(403, "InvalidAccessKeyId.NotFound", "Specified access key is not found.", xml), None
        if known.security_token is not None and headers.get("x-acs-security-token") != known.security_token:
            return self._error(
                403, "InvalidSecurityToken.Mismatch", "Specified security token is not valid.", xml
            ), None
        return None, known

    def _mismatch(self, server_string: str, known: Credentials, xml: bool) -> Answer:
        # Worded as the service words it: clients (the legacy Python SDK) read what follows the colon. The
        # service echoes its string to sign whole; the fake leaves out the STS token, which v1 signs, so
        # that a test's log or a CLI's error line never shows it.
        if known.security_token:
            server_string = server_string.replace(known.security_token, "***")
        message = f"Specified signature is not matched with our calculation. server string to sign is:{server_string}"
        return self._error(400, "SignatureDoesNotMatch", message, xml)

    def _verified(self, version: str, method: str, path: str) -> None:
        with self._lock:
            self.signature_versions.append(version)
        _LOG.info("signature %s verified: %s %s", version, method, path)

    def _error(self, status: int, code: str, message: str | None, xml: bool) -> Answer:
        body = {
            _REQUEST_ID: str(uuid.uuid4()).upper(),
            "HostId": HOST_ID,
            "Code": code,
            "Message": message or code,
            "Recommend": f"https://api.aliyun.com/troubleshoot?q={code}",
        }
        return self._document(status, body, self._error_shape, xml)

    def _document(self, status: int, data: Mapping[str, Any], shape_name: str, xml: bool) -> Answer:
        if xml:
            return Answer(status, {"Content-Type": self.xml_content_type}, encode_xml(data, shape_name, self._shapes))
        body = json.dumps(data, ensure_ascii=False).encode()
        return Answer(status, {"Content-Type": "application/json;charset=utf-8"}, body)


def _arguments(
    operation: FakeOperation, path: Mapping[str, str], query: Mapping[str, str], headers: Mapping[str, str]
) -> tuple[dict[str, Any], str | None]:
    """The request's arguments by parameter name, typed as the spec says, or the first refusal (``"name must ..."``)."""
    found: dict[str, Any] = {}
    for parameter in operation.parameters:
        name, where = parameter.name, parameter.location
        text = (
            path.get(name) if where == "path" else headers.get(name.lower()) if where == "header" else query.get(name)
        )
        if text is None:
            if parameter.required:
                return found, f"{name} is required"
            continue
        value = _typed(text, parameter.kind)
        refusal = problem(parameter, value)
        if refusal is not None:
            return found, f"{name} {refusal}"
        found[name] = value
    return found, None


def _typed(text: str, kind: str) -> object:
    """``text`` as the parameter's JSON type when it reads as one; else the text itself, for ``problem`` to refuse."""
    if kind == "integer" and re.fullmatch(r"-?[0-9]+", text):  # ASCII digits only: int() also takes '²' and '_'
        return int(text)
    if kind == "boolean" and text in ("true", "false"):
        return text == "true"
    if kind == "number":
        try:
            return float(text)
        except ValueError:
            return text
    return text


def _split_key(operation: FakeOperation, key: tuple[str, ...], parameter: str) -> tuple[str, tuple[str, ...]]:
    """The value of ``parameter`` in the store key ``key``, and the key without it (the listing's scope)."""
    index = operation.path_names.index(parameter)
    return key[index], key[:index] + key[index + 1 :]


def _put(document: dict[str, Any], path: Sequence[str], value: object) -> None:
    """Sets ``value`` at ``path`` in ``document``, making the objects on the way."""
    for name in path[:-1]:
        document = document.setdefault(name, {})
    document[path[-1]] = value


def _default_code(status: int) -> str:
    return {429: "Throttling", 500: "InternalError", 502: "BadGateway", 503: "ServiceUnavailable"}.get(
        status, "InvalidParameter" if status < 500 else "InternalError"
    )
