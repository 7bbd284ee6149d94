"""Hostile bodies: each refused with the package's typed error, at once, in bounded memory, reading nothing.

Every XML case runs as ``application/xml`` and as ``text/xml;charset=utf-8`` (what the service sends).
Each case is timed (well under a second) and traced (``tracemalloc`` peak below ``MEMORY_BOUND``), and
runs between tripwires that prove nothing was fetched:

- a loopback listener that no connection may reach (the XXE, DTD and parameter-entity URLs point at it);
- a FIFO that no reader may open: a reader would block in ``open()`` until a writer comes, and the
  watcher thread, which tries to open it for writing all along, would then see it and hand it a marker;
- a plain file holding a marker that must appear in no result and no error.

Then the size cap (``max_response_bytes``, ``foas_client._core.http.limits``) over real HTTP, sync and async: a
200 MB Content-Length, a body that never ends, a gzip bomb; and a few hostile bodies through the whole
client. Outcomes and times are attached to each test (``record_property``: see them with ``--junitxml``).
"""

from __future__ import annotations

import asyncio
import errno
import gc
import gzip
import json
import os
import socket
import threading
import time
import tracemalloc
import weakref
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from foas_client import AsyncFoasClient, Credentials, FoasClient, decode_body
from foas_client._core.http.limits import DEFAULT_MAX_RESPONSE_BYTES, ResponseLimit, ResponseTooLargeError
from foas_client.errors import DecodeError, FoasError, InvalidParameterError, UnsafeXmlError
from tests.support import pages
from tests.support.roa_server import ReceivedRequest, RoaVerifyingServer

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "spec" / "foas.openapi.yaml").read_text(encoding="utf-8"))
SCHEMAS = SPEC["components"]["schemas"]
SHAPE = "GetRefPackageJobResponse"
XML_TYPES = ["application/xml", "text/xml;charset=utf-8"]
MARKER = "MARKER-5f3c9e1d-must-never-be-read"
TIME_BOUND = 1.0  # seconds: "at once"
MEMORY_BOUND = 16 * 1024 * 1024  # bytes of Python allocations during one decode
KEY_ID, SECRET = "LTAI5tHostileKey", "hostile-Secret-0123456789"
Record = Callable[[str, object], None]


# --- tripwires ---------------------------------------------------------------------------------------


class Tripwires:
    """A secret file, a FIFO and a loopback listener that a decode must not touch."""

    def __init__(self, directory: Path) -> None:
        self.secret = directory / "secret.txt"
        self.secret.write_text(MARKER, encoding="utf-8")
        self.fifo = directory / "tripwire.fifo"
        os.mkfifo(self.fifo)
        self.fifo_opened = threading.Event()
        self._stop = threading.Event()
        self._watcher = threading.Thread(target=self._watch_fifo, name="fifo-tripwire", daemon=True)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def _watch_fifo(self) -> None:
        while not self._stop.is_set():
            try:
                descriptor = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO while nobody reads
            except OSError as exc:
                if exc.errno != errno.ENXIO:
                    raise
                self._stop.wait(0.002)
                continue
            self.fifo_opened.set()
            with os.fdopen(descriptor, "w") as reader_gets:
                reader_gets.write(MARKER)
            return

    def __enter__(self) -> Tripwires:
        self._watcher.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._watcher.join(timeout=5)
        self.listener.close()

    def assert_untouched(self, *outputs: object) -> None:
        assert not self.fifo_opened.is_set(), "the decoder opened a file named in the document"
        self.listener.setblocking(False)
        try:
            connection, peer = self.listener.accept()
        except BlockingIOError:
            pass  # no connection ever reached the listener
        else:
            connection.close()
            pytest.fail(f"the decoder connected to {self.url} from {peer}")
        for output in outputs:
            assert MARKER not in repr(output)


@pytest.fixture
def wires(tmp_path: Path) -> Iterator[Tripwires]:
    with Tripwires(tmp_path) as tripwires:
        yield tripwires


@dataclass
class Outcome:
    error: BaseException | None
    result: Any
    elapsed: float
    peak: int

    def describe(self) -> str:
        if self.error is None:
            return "decoded (no error)"
        return f"{type(self.error).__name__}: {self.error}"


def decoded(body: bytes, content_type: str) -> Outcome:
    """``decode_body`` timed and traced; any exception is caught and returned, typed or not."""
    tracemalloc.start()
    started = time.perf_counter()
    error: BaseException | None = None
    result = None
    try:
        result = decode_body(body, content_type, SHAPE)
    except BaseException as exc:  # any, so that an untyped one fails the assertion with its name
        error = exc
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return Outcome(error, result, elapsed, peak)


def assert_refused(outcome: Outcome, expected: type[FoasError], record: Record) -> None:
    record("outcome", outcome.describe())
    record("elapsed_ms", round(outcome.elapsed * 1000, 2))
    record("peak_bytes", outcome.peak)
    assert isinstance(outcome.error, expected), outcome.describe()
    text = str(outcome.error)
    assert "\n" not in text and "\r" not in text
    assert outcome.elapsed < TIME_BOUND
    assert outcome.peak < MEMORY_BOUND


# --- XML -----------------------------------------------------------------------------------------------

# A valid page but for what a case puts in its RequestId: refused for that, never for a missing field.
ROOTED = pages.xml_page("<RequestId>{}</RequestId>").decode()


def doctype(subset: str, body: str = "&x;") -> str:
    return f"<!DOCTYPE GetRefPackageJobResponse [{subset}]>" + ROOTED.format(body)


def billion_laughs() -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return doctype("".join(entities), "&lol9;")


def quadratic_blowup() -> str:
    return doctype(f'<!ENTITY a "{"A" * 100_000}">', "&a;" * 20_000)


XML_CASES: dict[str, tuple[Callable[[Tripwires], str], type[FoasError]]] = {
    "XXE to a local file": (lambda w: doctype(f'<!ENTITY x SYSTEM "file://{w.secret}">'), UnsafeXmlError),
    "XXE to a FIFO (would block a reader)": (lambda w: doctype(f'<!ENTITY x SYSTEM "{w.fifo}">'), UnsafeXmlError),
    "XXE to a loopback URL": (lambda w: doctype(f'<!ENTITY x SYSTEM "{w.url}/xxe">'), UnsafeXmlError),
    "billion laughs": (lambda w: billion_laughs(), UnsafeXmlError),
    "quadratic blowup": (lambda w: quadratic_blowup(), UnsafeXmlError),
    "external DTD (URL)": (
        lambda w: f'<!DOCTYPE GetRefPackageJobResponse SYSTEM "{w.url}/x.dtd">' + ROOTED.format("r"),
        UnsafeXmlError,
    ),
    "external DTD (file)": (
        lambda w: f'<!DOCTYPE GetRefPackageJobResponse SYSTEM "{w.fifo}">' + ROOTED.format("r"),
        UnsafeXmlError,
    ),
    "parameter entities (URL)": (lambda w: doctype(f'<!ENTITY % p SYSTEM "{w.url}/p.dtd"> %p;'), UnsafeXmlError),
    "parameter entities (file)": (lambda w: doctype(f'<!ENTITY % p SYSTEM "file://{w.secret}"> %p;'), UnsafeXmlError),
    "DTD in UTF-16 (BOM)": (lambda w: "\ufeff" + doctype(f'<!ENTITY x SYSTEM "{w.url}/u16">'), UnsafeXmlError),
    "DTD in UTF-7 (declared)": (
        lambda w: '<?xml version="1.0" encoding="UTF-7"?>' + doctype(f'<!ENTITY x SYSTEM "{w.url}/u7">'),
        UnsafeXmlError,
    ),
    "XInclude of a local file": (
        lambda w: ROOTED.format(
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{w.secret}" parse="text"/>'
        ),
        DecodeError,
    ),
    "undeclared entity reference": (lambda w: ROOTED.format("&x;"), DecodeError),
    "very deep nesting": (lambda w: "<Jobs>" * 100_000 + "</Jobs>" * 100_000, DecodeError),
    "garbage": (lambda w: "\x00\x01<<>>&&;;]]>" * 1000, DecodeError),
    "empty": (lambda w: "", DecodeError),
    "JSON sent as XML": (lambda w: '{"TotalCount": 1}', DecodeError),
    "truncated": (lambda w: "<GetRefPackageJobResponse><Jobs><Job><JobId>9t9m", DecodeError),
    "two roots": (lambda w: ROOTED.format("a") + ROOTED.format("b"), DecodeError),
    "NUL character reference": (lambda w: ROOTED.format("&#0;"), DecodeError),
}


def encoded(text: str) -> bytes:
    if text.startswith("\ufeff"):
        return text.encode("utf-16")  # a BOM, then UTF-16
    if 'encoding="UTF-7"' in text:  # no "<!DOCTYPE" in the bytes: only once decoded
        declaration, _, rest = text.partition("?>")
        payload = rest.encode("utf-7").replace(b"<", b"+ADw-").replace(b">", b"+AD4-")
        assert payload.decode("utf-7") == rest and b"<!DOCTYPE" not in payload
        return (declaration + "?>").encode() + payload
    return text.encode("utf-8")


@pytest.mark.parametrize("content_type", XML_TYPES)
@pytest.mark.parametrize("case", list(XML_CASES))
def test_hostile_xml_is_refused(case: str, content_type: str, wires: Tripwires, record_property: Record) -> None:
    build, expected = XML_CASES[case]
    outcome = decoded(encoded(build(wires)), content_type)
    assert_refused(outcome, expected, record_property)
    wires.assert_untouched(outcome.error, outcome.result)


def test_the_tripwires_catch_a_parser_that_resolves_entities(wires: Tripwires) -> None:
    # The control: lxml with entity resolution on reads both files; the tripwires must see it.
    from lxml import etree

    unsafe = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True)
    read_fifo = etree.tostring(etree.fromstring(doctype(f'<!ENTITY x SYSTEM "{wires.fifo}">').encode(), unsafe))
    read_file = etree.tostring(etree.fromstring(doctype(f'<!ENTITY x SYSTEM "{wires.secret}">').encode(), unsafe))
    assert wires.fifo_opened.is_set()
    assert MARKER.encode() in read_fifo and MARKER.encode() in read_file
    with pytest.raises(AssertionError):
        wires.assert_untouched(read_file)


# --- JSON ----------------------------------------------------------------------------------------------


def json_page(name: str, raw: bytes) -> bytes:
    """A valid JSON page but for field ``name``, written as the ``raw`` bytes: refused for them, if at all."""
    others = json.dumps(pages.page({name: ...})).encode()
    return others[:-1] + b', "%s": %s}' % (name.encode(), raw)


JSON_CASES: dict[str, bytes] = {
    "very deep nesting (arrays)": b"[" * 100_000 + b"]" * 100_000,
    "very deep nesting (objects)": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "very deep nesting in a field": b'{"Jobs": {"Job": ' + b"[" * 5_000 + b"]" * 5_000 + b"}}",
    "garbage": bytes(range(256)) * 100,
    "empty": b"",
    "XML sent as JSON": b"<GetRefPackageJobResponse/>",
    "HTML error page": b"<html><body><h1>502 Bad Gateway</h1></body></html>",
    "truncated": b'{"TotalCount": 1, "Jobs": {"Job": [{"JobId": ',
    "not an object (null)": b"null",
    "not an object (array)": b"[]",
    "invalid UTF-8": json_page("RequestId", b'"\xff\xfe"'),
    "an integer of 5,000 digits": json_page("TotalCount", b"9" * 5_000),
    "NaN": json_page("TotalCount", b"NaN"),
    "Infinity": json_page("TotalCount", b"1e999"),
}


@pytest.mark.parametrize("content_type", ["application/json", "application/json;charset=utf-8"])
@pytest.mark.parametrize("case", list(JSON_CASES))
def test_hostile_json_is_refused(case: str, content_type: str, wires: Tripwires, record_property: Record) -> None:
    outcome = decoded(JSON_CASES[case], content_type)
    assert_refused(outcome, DecodeError, record_property)
    wires.assert_untouched(outcome.error, outcome.result)


def test_an_unpaired_surrogate_is_refused_by_the_decoder(record_property: Record) -> None:
    outcome = decoded(json_page("RequestId", b'"a\\ud800b"'), "application/json")
    assert_refused(outcome, DecodeError, record_property)
    assert isinstance(outcome.error, DecodeError) and outcome.error.path == "RequestId"


@pytest.mark.parametrize("content_type", ["text/html", "text/plain", "", "application/octet-stream", "image/svg"])
def test_an_unsupported_or_missing_content_type_is_a_decode_error(content_type: str, record_property: Record) -> None:
    body = json.dumps(pages.page()).encode()  # a valid page: refused for its type alone
    outcome = decoded(body, content_type or None)  # type: ignore[arg-type]
    assert_refused(outcome, DecodeError, record_property)


@pytest.mark.parametrize("content_type", XML_TYPES)
@pytest.mark.parametrize(
    "body",
    [
        b"<html><body><h1>502 Bad Gateway</h1></body></html>",
        # Pages but for their root: refused for it, not for a missing field.
        pages.xml_page("<TotalCount>1</TotalCount><Jobs><Job><JobId>a</JobId></Job></Jobs>", root="xml"),
        pages.xml_page("<Code>InternalError</Code><Message>oops</Message>", root="Error"),
    ],
    ids=["html", "xml", "Error"],
)
def test_xml_under_a_root_the_spec_does_not_name_is_refused(body: bytes, content_type: str) -> None:
    outcome = decoded(body, content_type)
    assert isinstance(outcome.error, DecodeError), outcome.describe()


# --- wrong types in every field, from the spec -----------------------------------------------------------


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = SCHEMAS[node["$ref"].rsplit("/", 1)[1]]
    return node


def kind(node: dict[str, Any]) -> str:
    node = resolve(node)
    if "anyOf" in node:  # ApiType, JobType: a known enum or any string
        return "string"
    return str(node["type"])


INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
WRONG_JSON: dict[str, list[Any]] = {
    "string": [5, 1.5, True, None, {}, ["x"]],
    "integer": ["1", 1.5, True, None, {}, [1], INT64_MAX + 1, -INT64_MAX - 2],
    "boolean": ["true", 1, 0, None, {}, []],
    "object": [5, "x", True, None, []],
    "array": [5, "x", True, None, {}],
}
WRONG_XML: dict[str, list[str]] = {
    "integer": ["abc", "1.5", "", " ", "1e3", "0x10", "\uff19", "１", "9223372036854775808", "--1", "+"],
    "boolean": ["yes", "2", "", "on", "null"],
    "string": ["<b>child element</b>"],
}


def fields(schema_name: str) -> list[tuple[str, dict[str, Any]]]:
    return list(SCHEMAS[schema_name]["properties"].items())


def int_bound(node: dict[str, Any]) -> int:
    return INT32_MAX if resolve(node).get("format") == "int32" else INT64_MAX


JOB_FIELDS = fields("Job")
PAGE_FIELDS = [(name, node) for name, node in fields(SHAPE) if name != "Jobs"]


def tolerated(value: Any, node: dict[str, Any], *, required: bool) -> bool:
    """Whether the spec reads ``value`` as a variant rather than a wrong type: ``null`` in a field that is
    neither required nor nullable is an absent field; one object where an array of objects belongs is a
    list of one."""
    node = resolve(node)
    if value is None:
        return not required and not node.get("nullable", False)
    return type(value) is dict and node.get("type") == "array" and "properties" in resolve(node["items"])


def json_wrong(node: dict[str, Any], *, required: bool = False) -> list[Any]:
    values = [value for value in WRONG_JSON[kind(node)] if not tolerated(value, node, required=required)]
    if kind(node) == "integer":
        values.append(int_bound(node) + 1)
    return values


def one_job(job: dict[str, Any]) -> dict[str, Any]:
    return pages.page(Jobs={"Job": [job]})


REQUIRED = {name: set(schema.get("required", [])) for name, schema in SCHEMAS.items()}
JOBS_NODE = SCHEMAS[SHAPE]["properties"]["Jobs"]
JOB_ARRAY = resolve(JOBS_NODE)["properties"]["Job"]


@pytest.mark.parametrize(("name", "node"), JOB_FIELDS, ids=[name for name, _ in JOB_FIELDS])
def test_json_with_a_wrong_type_in_each_job_field(name: str, node: dict[str, Any], record_property: Record) -> None:
    for wrong in json_wrong(node, required=name in REQUIRED["Job"]):
        outcome = decoded(json.dumps(one_job({"JobId": "ok", name: wrong})).encode(), "application/json")
        assert_refused(outcome, DecodeError, record_property)
        assert isinstance(outcome.error, DecodeError) and outcome.error.path == f"Jobs.Job[0].{name}", wrong


@pytest.mark.parametrize(("name", "node"), PAGE_FIELDS, ids=[name for name, _ in PAGE_FIELDS])
def test_json_with_a_wrong_type_in_each_page_field(name: str, node: dict[str, Any], record_property: Record) -> None:
    for wrong in json_wrong(node, required=name in REQUIRED[SHAPE]):
        outcome = decoded(json.dumps(pages.page({name: wrong, "Jobs": {"Job": []}})).encode(), "application/json")
        assert_refused(outcome, DecodeError, record_property)
        assert isinstance(outcome.error, DecodeError) and outcome.error.path == name, wrong


@pytest.mark.parametrize(
    ("document", "path"),
    [
        *[({"Jobs": wrong}, "Jobs") for wrong in json_wrong(JOBS_NODE, required="Jobs" in REQUIRED[SHAPE])],
        *[
            ({"Jobs": {"Job": wrong}}, "Jobs.Job")
            for wrong in json_wrong(JOB_ARRAY, required="Job" in REQUIRED["JobList"])
        ],
        # Every one, null too: null is no item of a list.
        *[({"Jobs": {"Job": [{"JobId": "a"}, wrong]}}, "Jobs.Job[1]") for wrong in WRONG_JSON["object"]],
    ],
)
def test_json_with_a_wrong_type_in_the_job_list(document: dict[str, Any], path: str, record_property: Record) -> None:
    outcome = decoded(json.dumps(pages.page(document)).encode(), "application/json")
    assert_refused(outcome, DecodeError, record_property)
    assert isinstance(outcome.error, DecodeError) and outcome.error.path == path


def tolerated_cases() -> list[Any]:
    """The values ``tolerated`` keeps out of the lists above, each with the document it must read as."""
    cases = [
        pytest.param({name: None}, {}, id=f"{name}=null")
        for name, node in PAGE_FIELDS
        if tolerated(None, node, required=name in REQUIRED[SHAPE])
    ]
    cases += [
        pytest.param({"Jobs": {"Job": [{name: None}]}}, {"Jobs": {"Job": [{}]}}, id=f"Job.{name}=null")
        for name, node in JOB_FIELDS
        if tolerated(None, node, required=name in REQUIRED["Job"])
    ]
    return [
        *cases,
        pytest.param({"Jobs": None}, {}, id="Jobs=null"),
        pytest.param({"Jobs": {"Job": None}}, {"Jobs": {}}, id="Job=null"),
        pytest.param({"Jobs": {"Job": {"JobId": "a"}}}, {"Jobs": {"Job": [{"JobId": "a"}]}}, id="Job=object"),
    ]


@pytest.mark.parametrize(("variant", "same_as"), tolerated_cases())
def test_json_variants_left_out_of_the_wrong_values_decode(variant: dict[str, Any], same_as: dict[str, Any]) -> None:
    """Not refused, and not a value of their own: null is an absent field, one object a list of one."""
    outcome = decoded(json.dumps(pages.page(variant)).encode(), "application/json")
    reference = decoded(json.dumps(pages.page(same_as)).encode(), "application/json")
    assert outcome.error is None and reference.error is None, outcome.describe()
    assert outcome.result == reference.result


def xml_page(inner_job: str = "", page: str = "") -> bytes:
    """A valid page (the required fields it lacks added) with one job; ``page`` holds page-level elements."""
    return pages.xml_page(f"{page}<Jobs><Job>{inner_job}</Job></Jobs>")


def xml_wrong(node: dict[str, Any]) -> list[str]:
    values = list(WRONG_XML[kind(node)])
    if kind(node) == "integer":
        values.append(str(int_bound(node) + 1))
    return values


@pytest.mark.parametrize("content_type", XML_TYPES)
@pytest.mark.parametrize(("name", "node"), JOB_FIELDS, ids=[name for name, _ in JOB_FIELDS])
def test_xml_with_a_wrong_type_in_each_job_field(
    name: str, node: dict[str, Any], content_type: str, record_property: Record
) -> None:
    element, id_element = pages.xml_name("Job", name), pages.xml_name("Job", "JobId")  # the spec's xml.name
    for wrong in xml_wrong(node):
        other = "" if name == "JobId" else f"<{id_element}>ok</{id_element}>"  # a job otherwise fine
        outcome = decoded(xml_page(f"{other}<{element}>{wrong}</{element}>"), content_type)
        assert_refused(outcome, DecodeError, record_property)
        assert "appears twice" not in str(outcome.error)  # refused for its value, not for a duplicate
        assert isinstance(outcome.error, DecodeError) and outcome.error.path == f"Jobs.Job[0].{name}", wrong


@pytest.mark.parametrize("content_type", XML_TYPES)
@pytest.mark.parametrize(("name", "node"), PAGE_FIELDS, ids=[name for name, _ in PAGE_FIELDS])
def test_xml_with_a_wrong_type_in_each_page_field(
    name: str, node: dict[str, Any], content_type: str, record_property: Record
) -> None:
    element = pages.xml_name(SHAPE, name)  # the spec's xml.name
    for wrong in xml_wrong(node):
        outcome = decoded(xml_page(page=f"<{element}>{wrong}</{element}>"), content_type)
        assert_refused(outcome, DecodeError, record_property)
        assert isinstance(outcome.error, DecodeError) and outcome.error.path == name, wrong


def test_xml_with_a_field_twice_is_refused(record_property: Record) -> None:
    outcome = decoded(xml_page(page="<TotalCount>1</TotalCount><TotalCount>2</TotalCount>"), "application/xml")
    assert_refused(outcome, DecodeError, record_property)
    assert isinstance(outcome.error, DecodeError) and outcome.error.path == "TotalCount"


@pytest.mark.parametrize(
    ("body", "path"),
    [
        (pages.xml_page("<Jobs>5</Jobs>"), "Jobs"),
        (pages.xml_page("<Jobs><Job>5</Job></Jobs>"), "Jobs.Job[0]"),
    ],
    ids=["Jobs", "Jobs.Job[0]"],
)
def test_xml_text_where_the_spec_has_an_object_is_refused(body: bytes, path: str, record_property: Record) -> None:
    outcome = decoded(body, "application/xml")
    assert_refused(outcome, DecodeError, record_property)
    assert isinstance(outcome.error, DecodeError) and outcome.error.path == path


# --- over HTTP: the size cap, and hostile bodies through the whole client ---------------------------------


class RawServer:
    """A loopback HTTP/1.1 server that writes ``head`` then calls ``body(send)`` until the client goes away."""

    def __init__(self, head: bytes, body: Callable[[Callable[[bytes], None]], None]) -> None:
        self.head = head
        self.body = body
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.sent = 0
        self.connections = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return  # closed
            self.connections += 1
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        def send(data: bytes) -> None:
            connection.sendall(data)
            self.sent += len(data)

        with connection:
            try:
                connection.recv(65536)
                send(self.head)
                self.body(send)
            except OSError:
                pass  # the client stopped reading and closed: what the cap is for

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.listener.close()


def endless_chunks(send: Callable[[bytes], None]) -> None:
    chunk = b" " * 65536
    while True:
        send(b"%x\r\n%s\r\n" % (len(chunk), chunk))


def endless_bytes(send: Callable[[bytes], None]) -> None:
    while True:
        send(b" " * 65536)


def gzip_bomb(send: Callable[[bytes], None]) -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = b"\0" * (1 << 20)
    while True:  # about 1 KB on the wire for each MiB it inflates to
        data = compressor.compress(zeros)
        if data:
            send(b"%x\r\n%s\r\n" % (len(data), data))


CHUNKED = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
HUGE_BODIES: dict[str, tuple[bytes, Callable[[Callable[[bytes], None]], None]]] = {
    "200 MB declared (Content-Length)": (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200000000\r\n\r\n",
        endless_bytes,
    ),
    "endless chunked body": (CHUNKED + b"\r\n", endless_chunks),
    "gzip bomb (endless)": (CHUNKED + b"Content-Encoding: gzip\r\n\r\n", gzip_bomb),
    "endless error body (HTTP 500)": (
        b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
        endless_chunks,
    ),
}
CREDENTIALS = Credentials(KEY_ID, SECRET)


def call_once(mode: str, endpoint: str, **options: Any) -> Outcome:
    """One call (no retries) through ``FoasClient`` or ``AsyncFoasClient``, timed and traced."""
    options = {"endpoint": endpoint, "credentials": CREDENTIALS, "max_attempts": 1, **options}

    def run() -> Any:
        if mode == "sync":
            with FoasClient(**options) as client:
                return client.get_ref_package_job("project1", "package1.jar")

        async def run_async() -> Any:
            async with AsyncFoasClient(**options) as client:
                return await client.get_ref_package_job("project1", "package1.jar")

        return asyncio.run(run_async())

    tracemalloc.start()
    started = time.perf_counter()
    error: BaseException | None = None
    result = None
    try:
        result = run()
    except BaseException as exc:
        error = exc
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return Outcome(error, result, elapsed, peak)


CAP = 1024 * 1024


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", list(HUGE_BODIES))
def test_a_huge_body_stops_at_the_cap(case: str, mode: str, record_property: Record) -> None:
    head, body = HUGE_BODIES[case]
    with RawServer(head, body) as server:
        outcome = call_once(mode, server.url, max_response_bytes=CAP)
    record_property("outcome", outcome.describe())
    record_property("elapsed_ms", round(outcome.elapsed * 1000, 2))
    record_property("peak_bytes", outcome.peak)
    assert isinstance(outcome.error, ResponseTooLargeError), outcome.describe()
    assert "max_response_bytes" in str(outcome.error) and "\n" not in str(outcome.error)
    assert outcome.elapsed < TIME_BOUND
    assert outcome.peak < 4 * CAP  # the cap, a chunk or two, the client: never the body
    assert server.sent < 64 * CAP  # the client stopped reading (the server only got ahead by its buffers)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_body_too_large_is_not_retried(mode: str) -> None:
    with RawServer(*HUGE_BODIES["endless chunked body"]) as server:
        outcome = call_once(mode, server.url, max_response_bytes=CAP, max_attempts=3)
        connections = server.connections
    assert isinstance(outcome.error, ResponseTooLargeError), outcome.describe()
    assert connections == 1


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_default_cap_refuses_a_declared_200_mb_body_before_reading_it(mode: str, record_property: Record) -> None:
    head, body = HUGE_BODIES["200 MB declared (Content-Length)"]
    with RawServer(head, body) as server:
        outcome = call_once(mode, server.url)
    record_property("outcome", outcome.describe())
    assert isinstance(outcome.error, ResponseTooLargeError), outcome.describe()
    assert f"limit of {DEFAULT_MAX_RESPONSE_BYTES} bytes" in str(outcome.error)
    assert outcome.elapsed < TIME_BOUND and outcome.peak < MEMORY_BOUND


def exactly(size: int, *, gzipped: bool = False) -> tuple[bytes, Callable[[Callable[[bytes], None]], None]]:
    """A JSON page padded with spaces to ``size`` bytes (decoded), sent in one piece."""
    document = json.dumps(pages.page(TotalCount=0, TotalPage=0, Jobs={"Job": []})).encode()
    content = document + b" " * (size - len(document))
    wire = gzip.compress(content) if gzipped else content
    coding = b"Content-Encoding: gzip\r\n" if gzipped else b""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n%sContent-Length: %d\r\n\r\n" % (coding, len(wire))
    return head, lambda send: send(wire)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("gzipped", [False, True], ids=["identity", "gzip"])
def test_a_body_of_exactly_the_cap_decodes_and_one_byte_more_does_not(mode: str, gzipped: bool) -> None:
    with RawServer(*exactly(CAP, gzipped=gzipped)) as server:
        outcome = call_once(mode, server.url, max_response_bytes=CAP)
    assert outcome.error is None and outcome.result.total_count == 0, outcome.describe()
    with RawServer(*exactly(CAP + 1, gzipped=gzipped)) as server:
        outcome = call_once(mode, server.url, max_response_bytes=CAP)
    assert isinstance(outcome.error, ResponseTooLargeError), outcome.describe()


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "gzip, gzip"])
def test_a_malformed_or_unsupported_content_encoding_is_a_decode_error(coding: str, record_property: Record) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: %s\r\nContent-Length: 9\r\n\r\n"
    with RawServer(head % coding.encode(), lambda send: send(b"not-gzip!")) as server:
        outcome = call_once("sync", server.url)
    record_property("outcome", outcome.describe())
    assert isinstance(outcome.error, DecodeError) and coding.split(",")[0] in str(outcome.error), outcome.describe()


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "64"])
def test_max_response_bytes_must_be_a_positive_integer(value: Any) -> None:
    with pytest.raises(InvalidParameterError, match="max_response_bytes"):
        FoasClient(endpoint="http://127.0.0.1:9", credentials=CREDENTIALS, max_response_bytes=value)
    with pytest.raises(ValueError, match="max_bytes"):
        ResponseLimit(value)


def test_the_limit_works_as_a_plain_httpx_hook_for_the_generated_client() -> None:
    with (
        RawServer(*HUGE_BODIES["endless chunked body"]) as server,
        httpx.Client(event_hooks={"response": [ResponseLimit(CAP)]}) as client,
        pytest.raises(ResponseTooLargeError),
    ):
        client.get(server.url)


@pytest.mark.parametrize("coding", ["identity", "gzip"])
def test_a_read_response_and_its_body_are_freed_without_the_cycle_collector(coding: str) -> None:
    """A long listing must not hold its pages' bodies until a full collection: no cycle keeps them."""
    body = json.dumps(pages.page()).encode()
    sent = gzip.compress(body) if coding == "gzip" else body
    # A streamed answer, as a network transport gives (a Response made with content= is read at once).
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, stream=httpx.ByteStream(sent), headers={"Content-Encoding": coding})
    )

    def read(client: httpx.Client | httpx.AsyncClient) -> weakref.ref[httpx.Response]:
        if isinstance(client, httpx.Client):
            response = client.get("http://foas.test/")
        else:
            response = asyncio.run(client.get("http://foas.test/"))
        assert response.content == body
        return weakref.ref(response)

    gc.collect()
    gc.disable()
    try:
        for client in (
            httpx.Client(transport=transport, event_hooks={"response": [ResponseLimit(CAP)]}),
            httpx.AsyncClient(transport=transport, event_hooks={"response": [ResponseLimit(CAP)]}),
        ):
            assert read(client)() is None
    finally:
        gc.enable()


THROUGH_THE_CLIENT: dict[str, tuple[str, Callable[[Tripwires], str], type[FoasError]]] = {
    "XXE to a local file": ("text/xml;charset=utf-8", XML_CASES["XXE to a local file"][0], UnsafeXmlError),
    "XXE to a loopback URL": ("application/xml", XML_CASES["XXE to a loopback URL"][0], UnsafeXmlError),
    "billion laughs": ("text/xml;charset=utf-8", XML_CASES["billion laughs"][0], UnsafeXmlError),
    "parameter entities": ("application/xml", XML_CASES["parameter entities (URL)"][0], UnsafeXmlError),
    "deep JSON": ("application/json", lambda w: "[" * 100_000 + "]" * 100_000, DecodeError),
    "garbage as JSON": ("application/json;charset=utf-8", lambda w: "\x00garbage\x7f", DecodeError),
}


@pytest.fixture(scope="module")
def verifying_server() -> Iterator[RoaVerifyingServer]:
    with RoaVerifyingServer({KEY_ID: SECRET}) as server:  # one per module: stopping one takes half a second
        yield server


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", list(THROUGH_THE_CLIENT))
def test_hostile_bodies_through_the_client_are_refused_once(
    case: str, mode: str, wires: Tripwires, verifying_server: RoaVerifyingServer, record_property: Record
) -> None:
    content_type, build, expected = THROUGH_THE_CLIENT[case]
    body = encoded(build(wires))

    def respond(request: ReceivedRequest) -> tuple[int, dict[str, str], bytes]:
        return 200, {"Content-Type": content_type}, body

    verifying_server.received.clear()
    verifying_server.respond = respond
    outcome = call_once(mode, verifying_server.base_url, max_attempts=3)  # a decode error is not retried
    received = len(verifying_server.received)
    record_property("outcome", outcome.describe())
    record_property("elapsed_ms", round(outcome.elapsed * 1000, 2))
    assert isinstance(outcome.error, expected), outcome.describe()
    assert received == 1
    assert outcome.elapsed < TIME_BOUND
    wires.assert_untouched(outcome.error, outcome.result)
