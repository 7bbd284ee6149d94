# Copied from generator/runtime/_fake_service.py by generator/ (`make generate`). Do not edit here: edit the source.
"""The fake's request handling, free of I/O: a request in, an answer (or a fault) out.

Routes, parameter names, models and shapes all come from the spec (``_schema``); both the
in-process transport and the loopback server call ``FakeFoasService.answer``.
"""

from __future__ import annotations

import collections
import hmac
import json
import math
import re
import sys
import threading
import uuid
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import parse_qsl, unquote

import attrs
import httpx

from ._credentials import Credentials
from ._fake_data import documented_page
from ._fake_server import LoopbackFake
from ._fake_transport import async_mock_transport, mock_transport
from ._schema import OPERATIONS, PAGINATION, SHAPES
from ._signing import sign, string_to_sign
from ._xml_writer import encode_xml
from .api.packages import get_ref_package_job
from .models import ErrorResponse, GetRefPackageJobResponse, Job, JobList

__all__ = ["TEST_CREDENTIALS", "Answer", "FakeFoasService", "Fault", "Misbehaviour"]

OPERATION = get_ref_package_job.OPERATION_ID
DEFAULT_PAGE_SIZE = 10  # as in the documented example
HOST_ID = "foas.fake.127.0.0.1"
TEST_CREDENTIALS = Credentials("fake-access-key-id", "fake-access-key-secret")
# The spec's example path parameters (the vendor page's request example): project1, package1.jar.
DOCUMENTED_PROJECT, DOCUMENTED_PACKAGE = (
    p["example"] for p in OPERATIONS[OPERATION]["parameters"] if p["in"] == "path"
)


@attrs.frozen
class Fault:
    """One injected fault, used by the next request that reaches the fake.

    Build them with the class methods: ``Fault.error(503)``, ``Fault.throttle()``, ``Fault.reset()``,
    ``Fault.malformed()``, ``Fault.html()``, ``Fault.delay(seconds)``, ``Fault.slow_body(seconds)``,
    ``Fault.truncate()``.
    """

    kind: str
    status: int = 200
    code: str | None = None
    message: str | None = None
    body: bytes | None = None
    content_type: str | None = None
    seconds: float = 0.0
    retry_after: str | None = None

    @classmethod
    def error(cls, status: int, code: str | None = None, message: str | None = None) -> Fault:
        """An Alibaba error body with ``status`` (Code defaults by status, e.g. 503 ServiceUnavailable)."""
        return cls("status", status=status, code=code, message=message)

    @classmethod
    def throttle(cls, status: int = 400, code: str = "Throttling.User", retry_after: str | None = None) -> Fault:
        """A throttling answer, as the service sends it (HTTP 400 or 429, Code ``Throttling*``)."""
        return cls(
            "status",
            status=status,
            code=code,
            message="Request was denied due to user flow control.",
            retry_after=retry_after,
        )

    @classmethod
    def malformed(
        cls, body: bytes = b'{"TotalCount": 1, "Jobs": {"Job": [{"JobId": ', content_type: str = "application/json"
    ) -> Fault:
        """A 200 whose body does not decode (default: truncated JSON)."""
        return cls("body", body=body, content_type=content_type)

    @classmethod
    def html(cls, status: int = 502) -> Fault:
        """An HTML error page, as a proxy or load balancer sends it."""
        page = f"<html><head><title>{status} Bad Gateway</title></head><body><h1>{status}</h1></body></html>"
        return cls("body", status=status, body=page.encode(), content_type="text/html")

    @classmethod
    def reset(cls) -> Fault:
        """The connection is closed without an answer (a reset on loopback)."""
        return cls("reset")

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """The answer's headers come ``seconds`` late."""
        return cls("delay", seconds=seconds)

    @classmethod
    def slow_body(cls, seconds: float) -> Fault:
        """The headers come at once, the body ``seconds`` later (loopback only; in process, a delay)."""
        return cls("slow_body", seconds=seconds)

    @classmethod
    def truncate(cls) -> Fault:
        """The body stops halfway through its announced Content-Length and the connection closes."""
        return cls("truncate")


@attrs.define
class Misbehaviour:
    """Pagination bugs a server may have, for testing the client's guards.

    Attributes:
        ignore_page_index: every request gets the first page.
        shrink_totals_by: after the first page, TotalCount (and TotalPage) shrink by this many jobs.
        empty_from_page: pages from this one on are empty, whatever the totals say.
    """

    ignore_page_index: bool = False
    shrink_totals_by: int = 0
    empty_from_page: int | None = None


@attrs.frozen
class Answer:
    """What the fake answers: a status, headers and body, or a fault the transport must act out."""

    status: int
    headers: Mapping[str, str]
    body: bytes
    fault: Fault | None = None
    delay: float = 0.0


class FakeFoasService:
    """An in-memory GetRefPackageJob service: jobs by (project, package), JSON or XML by ``Accept``.

    Args:
        credentials: the AccessKeys whose ROA signatures it accepts (and STS tokens it expects);
            empty: signatures are not checked.
        latency: seconds added to every answer.
        xml_content_type: the Content-Type of XML answers (the service sends ``text/xml;charset=utf-8``).

    Pages are 1-based; an unknown (project, package) has no jobs. Faults queued with ``inject`` are
    used one per request, in order; ``misbehaviour`` bends pagination.
    """

    def __init__(
        self,
        *,
        credentials: Iterable[Credentials] = (),
        latency: float = 0.0,
        xml_content_type: str = "application/xml",
    ) -> None:
        self.credentials = {c.access_key_id: c for c in credentials}
        self.latency = latency
        self.xml_content_type = xml_content_type
        self.misbehaviour = Misbehaviour()
        self.requests = 0
        self._jobs: dict[tuple[str, str], list[Job]] = {}
        self._faults: collections.deque[Fault] = collections.deque()
        self._lock = threading.Lock()
        operation = OPERATIONS[OPERATION]
        self._method = operation["method"]
        # HEAD is GET without the body (RFC 9110 9.3.2); the loopback server leaves the body out.
        self._methods = (self._method, "HEAD") if self._method == "GET" else (self._method,)
        self._route = re.compile("^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/?#]+)", re.escape(operation["path"])) + "$")
        self._paging = PAGINATION[OPERATION]

    @classmethod
    def with_documented_jobs(
        cls, *, credentials: Iterable[Credentials] = (TEST_CREDENTIALS,), latency: float = 0.0
    ) -> FakeFoasService:
        """A fake whose ``project1``/``package1.jar`` is referenced by the documented job."""
        service = cls(credentials=credentials, latency=latency)
        page = documented_page()
        jobs = page.jobs.job if isinstance(page.jobs, JobList) and isinstance(page.jobs.job, list) else []
        service.add_jobs(DOCUMENTED_PROJECT, DOCUMENTED_PACKAGE, jobs)
        return service

    def transport(self) -> httpx.MockTransport:
        """An in-process transport for ``FoasClient(transport=...)`` or ``httpx.Client``."""
        return mock_transport(self)

    def async_transport(self) -> httpx.MockTransport:
        """An in-process transport for ``AsyncFoasClient(transport=...)`` or ``httpx.AsyncClient``."""
        return async_mock_transport(self)

    def serve(self, *, port: int = 0) -> LoopbackFake:
        """This fake on real HTTP at 127.0.0.1 (a free port by default); use it as a context manager."""
        return LoopbackFake(self, port=port)

    def add_jobs(self, project_name: str, package_name: str, jobs: Sequence[Job]) -> None:
        """Make ``jobs`` the answer for (``project_name``, ``package_name``), in this order."""
        self._jobs.setdefault((project_name, package_name), []).extend(jobs)

    def jobs(self, project_name: str, package_name: str) -> list[Job]:
        return list(self._jobs.get((project_name, package_name), ()))

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
        return attrs.evolve(answer, delay=answer.delay + self.latency)

    def _answer(self, method: str, raw_target: str, headers: dict[str, str], xml: bool, fault: Fault | None) -> Answer:
        if fault is not None and fault.kind == "status":
            answer = self._error(fault.status, fault.code or _default_code(fault.status), fault.message, xml)
            if fault.retry_after is not None:
                answer = attrs.evolve(answer, headers={**answer.headers, "Retry-After": fault.retry_after})
            return answer
        if fault is not None and fault.kind == "body":
            return Answer(fault.status, {"Content-Type": fault.content_type or "application/json"}, fault.body or b"")
        refusal = self._check_signature(method, raw_target, headers, xml)
        if refusal is not None:
            return refusal
        path, _, query = raw_target.partition("?")
        match = self._route.match(path)
        if match is None:
            return self._error(404, "InvalidApi.NotFound", f"no API at {method} {path}", xml)
        if method not in self._methods:  # the path exists, not with this method: 405 and Allow (RFC 9110)
            refusal = self._error(405, "MethodNotAllowed", f"{method} is not allowed on {path}", xml)
            return attrs.evolve(refusal, headers={**refusal.headers, "Allow": ", ".join(self._methods)})
        params = dict(parse_qsl(query, keep_blank_values=True))
        try:
            page_index = _positive(params, self._paging["pageParameter"], 1, _echo_maximum(self._paging["pageIndex"]))
            page_size = _positive(
                params, self._paging["sizeParameter"], DEFAULT_PAGE_SIZE, _echo_maximum(self._paging["pageSize"])
            )
        except ValueError as exc:
            return self._error(400, "InvalidParameter", str(exc), xml)
        segments = {name: unquote(value) for name, value in match.groupdict().items()}
        project_name, package_name = segments.values()
        page = self._page(self._jobs.get((project_name, package_name), []), page_index, page_size)
        answer = self._document(200, page.to_dict(), GetRefPackageJobResponse.__name__, xml)
        if fault is not None:  # delay, slow_body, reset, truncate: acted out by the transport
            return attrs.evolve(answer, fault=fault)
        return answer

    def _page(self, jobs: list[Job], page_index: int, page_size: int) -> GetRefPackageJobResponse:
        rules = self.misbehaviour
        total = len(jobs)
        if rules.shrink_totals_by and page_index > 1:
            total = max(total - rules.shrink_totals_by, 0)
        served_index = 1 if rules.ignore_page_index else page_index
        start = (served_index - 1) * page_size
        items = jobs[start : start + page_size]
        if rules.empty_from_page is not None and page_index >= rules.empty_from_page:
            items = []
        return GetRefPackageJobResponse(
            request_id=str(uuid.uuid4()).upper(),
            page_index=page_index,
            page_size=page_size,
            total_count=total,
            total_page=math.ceil(total / page_size),
            jobs=JobList(job=items),
        )

    def _check_signature(self, method: str, raw_target: str, headers: dict[str, str], xml: bool) -> Answer | None:
        if not self.credentials:
            return None
        scheme, _, credential = headers.get("authorization", "").partition(" ")
        key_id, colon, signature = credential.rpartition(":")
        if scheme != "acs" or not colon:  # no credentials at all: 401, as HTTP has it (RFC 9110 15.5.2)
            return self._error(
                401,
                "IncompleteSignature",
                "The request signature does not conform to Aliyun standards: "
                "expected 'Authorization: acs <AccessKeyId>:<Signature>'.",
                xml,
            )
        known = self.credentials.get(key_id)
        if known is None:
            return self._error(403, "InvalidAccessKeyId.NotFound", "Specified access key is not found.", xml)
        if known.security_token is not None and headers.get("x-acs-security-token") != known.security_token:
            return self._error(403, "InvalidSecurityToken.Mismatch", "Specified security token is not valid.", xml)
        expected = sign(known.access_key_secret, string_to_sign(method, headers, raw_target))
        if not hmac.compare_digest(signature.encode(), expected.encode()):  # str: ASCII only, else TypeError
            return self._error(
                400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.", xml
            )
        return None

    def _error(self, status: int, code: str, message: str | None, xml: bool) -> Answer:
        body = ErrorResponse(
            request_id=str(uuid.uuid4()).upper(),
            host_id=HOST_ID,
            code=code,
            message=message or code,
            recommend=f"https://api.aliyun.com/troubleshoot?q={code}",
        )
        return self._document(status, body.to_dict(), ErrorResponse.__name__, xml)

    def _document(self, status: int, data: dict[str, object], shape_name: str, xml: bool) -> Answer:
        if xml:
            return Answer(status, {"Content-Type": self.xml_content_type}, encode_xml(data, shape_name, SHAPES))
        body = json.dumps(data, ensure_ascii=False).encode()
        return Answer(status, {"Content-Type": "application/json;charset=utf-8"}, body)


def _positive(params: Mapping[str, str], name: str, default: int, maximum: int) -> int:
    """The query parameter ``name`` as an integer from 1 to ``maximum``; ``ValueError`` otherwise."""
    text = params.get(name)
    if text is None:
        return default
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= maximum:  # isdigit alone accepts '²'
        raise ValueError(f"{name} must be an integer from 1 to {maximum}, got {text!r}")
    return int(text)


def _echo_maximum(path: Sequence[str]) -> int:
    """The largest value the response field at ``path`` can carry (its format's bound, e.g. int32).

    The page echoes the page number and size it was asked for: a request for more than that field can
    hold is refused, as a server whose parameter has the same format refuses it (the spec's ``int32``).
    """
    shape = SHAPES[GetRefPackageJobResponse.__name__]
    for name in path[:-1]:
        shape = SHAPES[shape.fields[name].ref]
    maximum = shape.fields[path[-1]].maximum
    return maximum if maximum is not None else sys.maxsize


def _default_code(status: int) -> str:
    return {429: "Throttling", 500: "InternalError", 502: "BadGateway", 503: "ServiceUnavailable"}.get(
        status, "InvalidParameter" if status < 500 else "InternalError"
    )
