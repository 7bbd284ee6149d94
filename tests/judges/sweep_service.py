"""An independent loopback Realtime Compute for judging the sweep and the guarded delete.

Written from the vendor's API description, not from ``foas_client``: the standard library's HTTP server
(``tests.support.roa_server.RoaVerifyingServer``, which checks V3 and ROA v1 signatures with the official
SDK's own code) and hand-written JSON and XML bodies. It serves ListProject, ListPackage and
GetRefPackageJob in pages, in JSON or XML as ``Accept`` asks, records every DELETE of a package (and
answers it), and keeps what a judge needs: each request's arrival time, the most requests in flight at
once, and the RequestIds it sent per path. ``faults`` replaces chosen answers: by (path, page).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote
from xml.sax.saxutils import escape

from tests.support.roa_server import Hold, ReceivedRequest, Reply, RoaVerifyingServer

PREFIX = "/api/v2/projects"
Fault = Callable[[ReceivedRequest], Reply | None]  # None: answer as the service would


@dataclass
class Arrival:
    method: str
    path: str
    page: int
    at: float  # time.monotonic() when the request arrived (signature checked)


@dataclass
class SweepService:
    """``projects``: project -> package -> the ids of the jobs referencing it (in the order they list)."""

    projects: dict[str, dict[str, list[str]]]
    secrets: dict[str, str]
    latency: float = 0.0  # seconds each answer waits before it is sent
    package_page_size: int = 4  # the server's page size when the request gives none
    job_page_size: int = 5
    faults: dict[tuple[str, int], Fault] = field(default_factory=dict)
    arrivals: list[Arrival] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)
    request_ids: dict[str, list[str]] = field(default_factory=dict)  # path -> RequestIds sent, in order
    in_flight: int = 0
    max_in_flight: int = 0
    received_jobs: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def serve(self) -> RoaVerifyingServer:
        return RoaVerifyingServer(self.secrets, self.respond)

    # -- answers ----------------------------------------------------------------------------------

    def respond(self, request: ReceivedRequest) -> Reply:
        path, _, query = request.raw_target.partition("?")
        path = unquote(path)
        arguments = dict(parse_qsl(query))
        page = int(arguments.get("pageIndex", "1"))
        xml = "xml" in request.headers.get("accept", "")
        with self._lock:
            self.arrivals.append(Arrival(request.method, path, page, time.monotonic()))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if path.endswith("/jobs"):
                self.received_jobs.set()
            if self.latency:
                time.sleep(self.latency)  # the service's own latency, not a test's wait
            fault = self.faults.get((path, page))
            replaced = fault(request) if fault is not None else None
            if replaced is not None:
                return replaced
            return self._answer(request.method, path, arguments, page, xml)
        finally:
            with self._lock:
                self.in_flight -= 1

    def _answer(self, method: str, path: str, arguments: dict[str, str], page: int, xml: bool) -> Reply:
        parts = path.removeprefix(PREFIX).strip("/").split("/") if path != PREFIX else []
        if method == "DELETE" and len(parts) == 3 and parts[1] == "packages":
            with self._lock:
                self.deletes.append(path)
            return self._page(path, "DeletePackageResponse", None, [], 0, 1, 1, xml)
        if method != "GET":
            return error(405, "MethodNotAllowed", f"{method} {path}")
        size = int(arguments.get("pageSize", "0")) or None
        if not parts:
            items = [{"Name": name, "Region": "cn-hangzhou"} for name in self.projects]
            return self._listing(path, "ListProjectResponse", ("Projects", "Project"), items, page, size or 10, xml)
        project = self.projects.get(parts[0])
        if project is None:
            return error(404, "InvalidProject.NotFound", f"no project {parts[0]}")
        if parts[1:] == ["packages"]:
            items = [{"PackageName": name, "ProjectName": parts[0], "Type": "JAR"} for name in project]
            return self._listing(
                path, "ListPackageResponse", ("Packages", "Package"), items, page, size or self.package_page_size, xml
            )
        if len(parts) == 4 and parts[1] == "packages" and parts[3] == "jobs" and parts[2] in project:
            items = [{"JobId": job, "JobName": f"job {job}", "IsCommitted": True} for job in project[parts[2]]]
            return self._listing(
                path, "GetRefPackageJobResponse", ("Jobs", "Job"), items, page, size or self.job_page_size, xml
            )
        return error(404, "InvalidPackage.NotFound", f"no such package: {path}")

    def _listing(
        self,
        path: str,
        root: str,
        wrap: tuple[str, str],
        items: list[dict[str, object]],
        page: int,
        size: int,
        xml: bool,
    ) -> Reply:
        pages = max(-(-len(items) // size), 1)
        shown = items[(page - 1) * size : page * size]
        return self._page(path, root, wrap, shown, len(items), pages, page, xml, size)

    def _page(
        self,
        path: str,
        root: str,
        wrap: tuple[str, str] | None,
        items: list[dict[str, object]],
        total: int,
        pages: int,
        page: int,
        xml: bool,
        size: int = 10,
    ) -> Reply:
        request_id = str(uuid.uuid4()).upper()
        with self._lock:
            self.request_ids.setdefault(path, []).append(request_id)
        head: dict[str, object] = {"RequestId": request_id}
        if wrap is not None:
            head.update(PageIndex=page, PageSize=size, TotalCount=total, TotalPage=pages)
        if not xml:
            body = dict(head)
            if wrap is not None:
                body[wrap[0]] = {wrap[1]: items}
            return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()
        fields = "".join(f"<{name}>{value}</{name}>" for name, value in head.items())
        if wrap is not None:
            inner = "".join(
                f"<{wrap[1]}>"
                + "".join(
                    f"<{k}>{escape(str(v).lower() if isinstance(v, bool) else str(v))}</{k}>" for k, v in item.items()
                )
                + f"</{wrap[1]}>"
                for item in items
            )
            fields += f"<{wrap[0]}>{inner}</{wrap[0]}>"
        text = f'<?xml version="1.0" encoding="UTF-8"?><{root}>{fields}</{root}>'
        return 200, {"Content-Type": "application/xml;charset=utf-8"}, text.encode()

    # -- what a judge reads -----------------------------------------------------------------------

    def jobs_path(self, project: str, package: str) -> str:
        return f"{PREFIX}/{project}/packages/{package}/jobs"

    def package_path(self, project: str, package: str) -> str:
        return f"{PREFIX}/{project}/packages/{package}"


def error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Reply:
    body = {"RequestId": str(uuid.uuid4()).upper(), "HostId": "127.0.0.1", "Code": code, "Message": message}
    return status, {"Content-Type": "application/json", **(headers or {})}, json.dumps(body).encode()


def throttled(retry_after_ms: int, seen: list[float]) -> Fault:
    """Answers once 400 Throttling.User with x-acs-retry-after (noting when), then as the service would."""

    def reply(request: ReceivedRequest) -> Reply | None:
        if seen:
            return None
        seen.append(time.monotonic())
        return error(
            400,
            "Throttling.User",
            "Request was denied due to user flow control.",
            {"x-acs-retry-after": str(retry_after_ms)},
        )

    return reply


def malformed(_: ReceivedRequest) -> Reply:
    return 200, {"Content-Type": "application/json"}, b'{"RequestId": "BROKEN", "PageIndex": 1, "Jobs": {"Job": ['


def server_error(_: ReceivedRequest) -> Reply:
    return error(500, "InternalError", "The request processing has failed due to some unknown error.")


def held(release: threading.Event, then: Reply) -> Fault:
    return lambda request: Hold(release, then)
