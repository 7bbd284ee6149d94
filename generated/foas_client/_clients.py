# Generated from spec/foas.openapi.yaml and generator/templates/layers/_clients.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""``FoasClient`` and ``AsyncFoasClient``: one signed, retried method per operation of Realtime Compute (foas) — GetRefPackageJob."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from ._core.http.core import CLIENT_ARGUMENTS, AsyncClientCore, Server, SyncClientCore
from ._core.http.raw_response import RawResponse
from ._core.lifecycle import DEFAULT_CONCURRENCY
from ._core.paging import page_request
from ._schema import SERVER_DEFAULTS, SERVER_ENDPOINTS, SERVER_URL
from .client import Client

# Each method imports its operation's endpoint module (and so that operation's models) at its first
# call, and the sweeps and guards their plans (``_lifecycle``): class creation is most of an import's
# cost, and a program calls a few of the spec's operations. A later import is a dictionary lookup.
if TYPE_CHECKING:
    from ._core.lifecycle.evidence import EvidenceTarget
    from ._lifecycle import PackageReferences
    from .models import (
        DeletePackageResponse,
        GetPackageResponse,
        GetRefPackageJobResponse,
        Job,
        ListPackageResponse,
        ListProjectResponse,
        Package,
        Project,
    )

__all__ = ["AsyncFoasClient", "AsyncFoasClientWithRawResponse", "FoasClient", "FoasClientWithRawResponse"]

_SERVER = Server.of(SERVER_URL, SERVER_DEFAULTS, SERVER_ENDPOINTS)


class FoasClient(SyncClientCore):
    __doc__ = (
        "A signed, retrying client of Realtime Compute (foas) — GetRefPackageJob: one method per operation of the spec.\n"
        "Use it as a context manager, or ``close()`` it.\n" + CLIENT_ARGUMENTS
    )
    _server = _SERVER
    _client_class = Client

    @cached_property
    def with_raw_response(self) -> FoasClientWithRawResponse:
        """Each operation's method, answering with a ``RawResponse`` of its model: the final answer's
        ``status_code``, ``headers`` and ``request_id``, the ``attempts`` made, the ``elapsed`` seconds
        and ``parse()``, the model the plain method returns. The same retries; an error still raises.
        """
        return FoasClientWithRawResponse(self)

    def get_ref_package_job(
        self,
        project_name: str,
        package_name: str,
        *,
        page_size: int | None = None,
        page_index: int | None = None,
    ) -> GetRefPackageJobResponse:
        """List the jobs that reference a package.

        Returns, one page at a time, every job of the project whose `Packages` list names the
        package (获取指定Package的所有作业详情). Pages are 1-based.

        ``GET /api/v2/projects/{projectName}/packages/{packageName}/jobs`` (``GetRefPackageJob``), retried as the client's settings say.

        Args:
            project_name: Project name (项目名称). Sent percent-encoded as one path segment.
            package_name: Package name (Package名称), e.g. a jar file name. Sent percent-encoded as one path segment.
            page_size: Number of jobs per page (每页包含的作业数). Default: the server's.
            page_index: Page to return, 1-based (返回第几页). Default: the server's.

        Raises:
            ApiError: an error status after retries (ThrottlingError, AuthError, NotFoundError, ServerError...),
                or an error body sent with a success status.
            DecodeError: the answer does not match the spec.
            TransportError: the request did not complete after retries (TimeoutError for timeouts).
            InvalidParameterError: an argument the spec does not allow, or the client is closed; nothing was sent.
        """
        from .api.packages import get_ref_package_job

        return self._request(
            get_ref_package_job.OPERATION,
            {
                "project_name": project_name,
                "package_name": package_name,
                "region_id": self.settings.region_id,
                "page_size": page_size,
                "page_index": page_index,
            },
        )

    def iter_jobs(
        self,
        project_name: str,
        package_name: str,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
    ) -> Generator[Job, None, None]:
        """Every item of every page of ``get_ref_package_job``, in the server's order, each exactly once.

        Each page is a ``get_ref_package_job`` call, with its retries; the pages are checked against each
        other (see ``iter_pages``). Arguments as for ``get_ref_package_job``, and:

        Args:
            page_size: items per page (default: the server's).
            start_page: the first page to read (default: the first page).
            limit: items to yield at most (default: all); no page is fetched that the limit does not need.
            concurrency: pages requested at a time, at most (default 1). Above 1, once the first page
                gives the totals, the next pages are fetched ahead in threads, still yielded in order.
            max_pages: pages fetched at most (default 10,000); a listing that goes on raises.

        Raises:
            PaginationError: the pages do not add up: a page repeated, totals changed while reading, a
                page other than the one asked for, or more than ``max_pages`` pages.
            InvalidParameterError: an argument is out of range, or the client is closed; raised by this
                call, nothing was sent.
            And what ``get_ref_package_job`` raises, once the items of the pages before were yielded.

        Returns:
            A generator; leaving the loop early, ``close()`` it to stop the requests ahead at once.
        """
        from .api.packages import get_ref_package_job

        rules = get_ref_package_job.page_rules()
        return self._items(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.get_ref_package_job(project_name, package_name, **arguments),
            limit=limit,
            concurrency=concurrency,
            max_pages=max_pages,
        )

    def iter_pages(
        self,
        project_name: str,
        package_name: str,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
    ) -> Generator[GetRefPackageJobResponse, None, None]:
        """Every page of ``get_ref_package_job``, in order; arguments as for ``iter_jobs``.

        The listing ends at the page count the first page announced or at an empty page. A page equal
        to the one before, totals or page size that change, an echoed page number other than the one
        asked for, or more than ``max_pages`` pages raise ``PaginationError``: never a loop, never a
        page twice.
        """
        from .api.packages import get_ref_package_job

        rules = get_ref_package_job.page_rules()
        return self._pages(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.get_ref_package_job(project_name, package_name, **arguments),
            concurrency=concurrency,
            max_pages=max_pages,
        )

    def find_unreferenced_packages(
        self,
        project_names: Sequence[str] | None = None,
        *,
        all_projects: bool = False,
        package_name: str | None = None,
        tag: str | None = None,
        type_: str | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        page_size: int | None = None,
        evidence: EvidenceTarget | None = None,
    ) -> Generator[PackageReferences, None, None]:
        """Every package of the projects given (or of all of them), with whether any
        job references it: ``GetRefPackageJob``'s listing of each, decided or failed.

        A package is ``unreferenced`` only when its whole listing was read (every page, the paging
        checks passing) and held no job; any error makes it ``failed``, with the reason, never
        guessed. A project whose ``ListPackage`` failed (or ``ListProject``,
        with ``all_projects``) is yielded as ``failed`` too, with no package.

        Results come in the listings' order (projects as given or listed, then each one's
        packages as listed), each as soon as it and those before it are decided. Every request of
        the sweep shares one budget of ``concurrency`` in flight, and one throttled answer holds them all
        back for the wait the service asked for (``x-acs-retry-after``). Memory stays flat: packages
        stream from their listing, at most ``2 × concurrency`` checks are in flight or waiting.

        Args:
            project_names: the projects to sweep.
            all_projects: sweep every project ``ListProject`` lists instead.
            package_name: Only the package of this name (Package名称). (``ListPackage``'s filter)
            tag: Only the packages with this tag (Package标签). (``ListPackage``'s filter)
            type_: Only the packages of this type (Package类型), e.g. JAR or PYTHON. (``ListPackage``'s filter)
            concurrency: requests in flight at once, in all (default 8).
            page_size: projects and packages asked for per page of their listings
                (default: the service's); the job listings use the service's.
            evidence: a path (appended to) or a writable text file: one JSON line per decision; no secret.

        Raises:
            InvalidParameterError: neither or both of ``project_names`` and ``all_projects``, a
                ``concurrency`` or ``page_size`` below 1, or an evidence path that cannot be opened; nothing was sent.
        """
        from ._lifecycle import SWEEP_GET_REF_PACKAGE_JOB, EvidenceLog, SweepBudget, sweep, version

        log = EvidenceLog(evidence, region=self.settings.region_id, endpoint=self.settings.endpoint, version=version)
        return sweep(
            SWEEP_GET_REF_PACKAGE_JOB,
            containers=project_names,
            all_containers=all_projects,
            list_containers=lambda arguments: self.list_project(**arguments),
            list_subjects=lambda container, arguments: self.list_package(
                container, package_name=package_name, tag=tag, type_=type_, **arguments
            ),
            list_checked=lambda container, subject, arguments: self.get_ref_package_job(
                container, subject, **arguments
            ),
            budget=SweepBudget(concurrency),
            evidence=log,
            page_size=page_size,
        )

    def list_project(
        self,
        *,
        name: str | None = None,
        cluster_id: str | None = None,
        region: str | None = None,
        deploy_type: str | None = None,
        page_size: int | None = None,
        page_index: int | None = None,
    ) -> ListProjectResponse:
        """List the projects.

        Returns, one page at a time, the Realtime Compute projects of the account (项目列表). Pages are 1-based.
        Source: alibaba-cloud-sdk-go services/foas/list_project.go (ListProjectRequest, ListProjectResponse).

        ``GET /api/v2/projects`` (``ListProject``), retried as the client's settings say.

        Args:
            name: Only the project of this name (项目名称). Default: the server's.
            cluster_id: Only the projects of this cluster (集群ID). Default: the server's.
            region: Only the projects of this region (项目所在区域). Default: the server's.
            deploy_type: Only the projects of this deploy type (部署类型), e.g. cell or public. Default: the server's.
            page_size: Number of projects per page (每页包含的项目数). Default: the server's.
            page_index: Page to return, 1-based (返回第几页). Default: the server's.

        Raises:
            ApiError: an error status after retries (ThrottlingError, AuthError, NotFoundError, ServerError...),
                or an error body sent with a success status.
            DecodeError: the answer does not match the spec.
            TransportError: the request did not complete after retries (TimeoutError for timeouts).
            InvalidParameterError: an argument the spec does not allow, or the client is closed; nothing was sent.
        """
        from .api.projects import list_project

        return self._request(
            list_project.OPERATION,
            {
                "region_id": self.settings.region_id,
                "name": name,
                "cluster_id": cluster_id,
                "region": region,
                "deploy_type": deploy_type,
                "page_size": page_size,
                "page_index": page_index,
            },
        )

    def iter_projects(
        self,
        *,
        name: str | None = None,
        cluster_id: str | None = None,
        region: str | None = None,
        deploy_type: str | None = None,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
    ) -> Generator[Project, None, None]:
        """Every item of every page of ``list_project``, in the server's order, each exactly once.

        Each page is a ``list_project`` call, with its retries; the pages are checked against each
        other (see ``iter_project_pages``). Arguments as for ``list_project``, and:

        Args:
            page_size: items per page (default: the server's).
            start_page: the first page to read (default: the first page).
            limit: items to yield at most (default: all); no page is fetched that the limit does not need.
            concurrency: pages requested at a time, at most (default 1). Above 1, once the first page
                gives the totals, the next pages are fetched ahead in threads, still yielded in order.
            max_pages: pages fetched at most (default 10,000); a listing that goes on raises.

        Raises:
            PaginationError: the pages do not add up: a page repeated, totals changed while reading, a
                page other than the one asked for, or more than ``max_pages`` pages.
            InvalidParameterError: an argument is out of range, or the client is closed; raised by this
                call, nothing was sent.
            And what ``list_project`` raises, once the items of the pages before were yielded.

        Returns:
            A generator; leaving the loop early, ``close()`` it to stop the requests ahead at once.
        """
        from .api.projects import list_project

        rules = list_project.page_rules()
        return self._items(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.list_project(
                name=name, cluster_id=cluster_id, region=region, deploy_type=deploy_type, **arguments
            ),
            limit=limit,
            concurrency=concurrency,
            max_pages=max_pages,
        )

    def iter_project_pages(
        self,
        *,
        name: str | None = None,
        cluster_id: str | None = None,
        region: str | None = None,
        deploy_type: str | None = None,
        page_size: int | None = None,
        start_page: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
    ) -> Generator[ListProjectResponse, None, None]:
        """Every page of ``list_project``, in order; arguments as for ``iter_projects``.

        The listing ends at the page count the first page announced or at an empty page. A page equal
        to the one before, totals or page size that change, an echoed page number other than the one
        asked for, or more than ``max_pages`` pages raise ``PaginationError``: never a loop, never a
        page twice.
        """
        from .api.projects import list_project

        rules = list_project.page_rules()
        return self._pages(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.list_project(
                name=name, cluster_id=cluster_id, region=region, deploy_type=deploy_type, **arguments
            ),
            concurrency=concurrency,
            max_pages=max_pages,
        )

    def list_package(
        self,
        project_name: str,
        *,
        package_name: str | None = None,
        tag: str | None = None,
        type_: str | None = None,
        page_size: int | None = None,
        page_index: int | None = None,
    ) -> ListPackageResponse:
        """List the packages of a project.

        Returns, one page at a time, the packages uploaded to the project (Package列表). Pages are 1-based.
        Source: alibaba-cloud-sdk-go services/foas/list_package.go (ListPackageRequest, ListPackageResponse).

        ``GET /api/v2/projects/{projectName}/packages`` (``ListPackage``), retried as the client's settings say.

        Args:
            project_name: Project name (项目名称). Sent percent-encoded as one path segment.
            package_name: Only the package of this name (Package名称). Default: the server's.
            tag: Only the packages with this tag (Package标签). Default: the server's.
            type_: Only the packages of this type (Package类型), e.g. JAR or PYTHON. Default: the server's.
            page_size: Number of packages per page (每页包含的Package数). Default: the server's.
            page_index: Page to return, 1-based (返回第几页). Default: the server's.

        Raises:
            ApiError: an error status after retries (ThrottlingError, AuthError, NotFoundError, ServerError...),
                or an error body sent with a success status.
            DecodeError: the answer does not match the spec.
            TransportError: the request did not complete after retries (TimeoutError for timeouts).
            InvalidParameterError: an argument the spec does not allow, or the client is closed; nothing was sent.
        """
        from .api.packages import list_package

        return self._request(
            list_package.OPERATION,
            {
                "project_name": project_name,
                "region_id": self.settings.region_id,
                "package_name": package_name,
                "tag": tag,
                "type_": type_,
                "page_size": page_size,
                "page_index": page_index,
            },
        )

    def iter_packages(
        self,
        project_name: str,
        *,
        package_name: str | None = None,
        tag: str | None = None,
        type_: str | None = None,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
    ) -> Generator[Package, None, None]:
        """Every item of every page of ``list_package``, in the server's order, each exactly once.

        Each page is a ``list_package`` call, with its retries; the pages are checked against each
        other (see ``iter_package_pages``). Arguments as for ``list_package``, and:

        Args:
            page_size: items per page (default: the server's).
            start_page: the first page to read (default: the first page).
            limit: items to yield at most (default: all); no page is fetched that the limit does not need.
            concurrency: pages requested at a time, at most (default 1). Above 1, once the first page
                gives the totals, the next pages are fetched ahead in threads, still yielded in order.
            max_pages: pages fetched at most (default 10,000); a listing that goes on raises.

        Raises:
            PaginationError: the pages do not add up: a page repeated, totals changed while reading, a
                page other than the one asked for, or more than ``max_pages`` pages.
            InvalidParameterError: an argument is out of range, or the client is closed; raised by this
                call, nothing was sent.
            And what ``list_package`` raises, once the items of the pages before were yielded.

        Returns:
            A generator; leaving the loop early, ``close()`` it to stop the requests ahead at once.
        """
        from .api.packages import list_package

        rules = list_package.page_rules()
        return self._items(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.list_package(
                project_name, package_name=package_name, tag=tag, type_=type_, **arguments
            ),
            limit=limit,
            concurrency=concurrency,
            max_pages=max_pages,
        )

    def iter_package_pages(
        self,
        project_name: str,
        *,
        package_name: str | None = None,
        tag: str | None = None,
        type_: str | None = None,
        page_size: int | None = None,
        start_page: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
    ) -> Generator[ListPackageResponse, None, None]:
        """Every page of ``list_package``, in order; arguments as for ``iter_packages``.

        The listing ends at the page count the first page announced or at an empty page. A page equal
        to the one before, totals or page size that change, an echoed page number other than the one
        asked for, or more than ``max_pages`` pages raise ``PaginationError``: never a loop, never a
        page twice.
        """
        from .api.packages import list_package

        rules = list_package.page_rules()
        return self._pages(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.list_package(
                project_name, package_name=package_name, tag=tag, type_=type_, **arguments
            ),
            concurrency=concurrency,
            max_pages=max_pages,
        )

    def get_package(
        self,
        project_name: str,
        package_name: str,
    ) -> GetPackageResponse:
        """Describe a package.

        Returns one package of the project, by its name (获取Package详情).
        Source: alibaba-cloud-sdk-go services/foas/get_package.go (GetPackageRequest, GetPackageResponse).

        ``GET /api/v2/projects/{projectName}/packages/{packageName}`` (``GetPackage``), retried as the client's settings say.

        Args:
            project_name: Project name (项目名称). Sent percent-encoded as one path segment.
            package_name: Package name (Package名称), e.g. a jar file name. Sent percent-encoded as one path segment.

        Raises:
            ApiError: an error status after retries (ThrottlingError, AuthError, NotFoundError, ServerError...),
                or an error body sent with a success status.
            DecodeError: the answer does not match the spec.
            TransportError: the request did not complete after retries (TimeoutError for timeouts).
            InvalidParameterError: an argument the spec does not allow, or the client is closed; nothing was sent.
        """
        from .api.packages import get_package

        return self._request(
            get_package.OPERATION,
            {
                "project_name": project_name,
                "package_name": package_name,
                "region_id": self.settings.region_id,
            },
        )

    def delete_package(
        self,
        project_name: str,
        package_name: str,
    ) -> DeletePackageResponse:
        """Delete a package.

        Deletes a package from the project (删除Package). The service does not check that no job uses
        it: ask GetRefPackageJob first (the guarded delete does, right before the DELETE).
        Source: alibaba-cloud-sdk-go services/foas/delete_package.go (DeletePackageRequest, DeletePackageResponse).

        ``DELETE /api/v2/projects/{projectName}/packages/{packageName}`` (``DeletePackage``), retried as the client's settings say.

        Args:
            project_name: Project name (项目名称). Sent percent-encoded as one path segment.
            package_name: Package name (Package名称), e.g. a jar file name. Sent percent-encoded as one path segment.

        Raises:
            ApiError: an error status after retries (ThrottlingError, AuthError, NotFoundError, ServerError...),
                or an error body sent with a success status.
            DecodeError: the answer does not match the spec.
            TransportError: the request did not complete after retries (TimeoutError for timeouts).
            InvalidParameterError: an argument the spec does not allow, or the client is closed; nothing was sent.
        """
        from .api.packages import delete_package

        return self._request(
            delete_package.OPERATION,
            {
                "project_name": project_name,
                "package_name": package_name,
                "region_id": self.settings.region_id,
            },
        )

    def delete_package_if_unreferenced(
        self,
        project_name: str,
        package_name: str,
        *,
        force: bool = False,
        evidence: EvidenceTarget | None = None,
    ) -> DeletePackageResponse:
        """``delete_package``, only when no job references it: ``GetRefPackageJob``'s whole
        listing is read with the same arguments right before the DELETE, which is sent once, only when it is empty.

        Nothing is deleted on an error, a page that does not add up, or an interruption (Ctrl-C) before the
        DELETE. The service cannot promise more: nothing stops a job from starting to use it
        between the last page read and the DELETE.

        Args:
            project_name: Project name (项目名称). Sent percent-encoded as one path segment.
            package_name: Package name (Package名称), e.g. a jar file name. Sent percent-encoded as one path segment.
            force: skip the guard: send the DELETE without reading the listing.
            evidence: a path (appended to) or a writable text file: one JSON line per decision (the
                guard's, then the DELETE's), with the RequestIds, the region, the endpoint, the time and
                this client's version; no secret.

        Raises:
            PackageInUseError: jobs reference it (``total_count``, ``first_ids``); no DELETE was sent.
            ApiError, DecodeError, PaginationError, TransportError: the listing failed (no DELETE was sent),
                or the DELETE did.
            InvalidParameterError: an argument the spec does not allow, or the evidence path cannot be opened.
        """
        from ._lifecycle import GUARD_DELETE_PACKAGE, EvidenceLog, guarded_delete, version

        log = EvidenceLog(evidence, region=self.settings.region_id, endpoint=self.settings.endpoint, version=version)
        try:
            return guarded_delete(
                GUARD_DELETE_PACKAGE,
                {
                    "project_name": project_name,
                    "package_name": package_name,
                },
                list_checked=lambda arguments: self.get_ref_package_job(project_name, package_name, **arguments),
                delete=lambda: self.delete_package(
                    project_name,
                    package_name,
                ),
                force=force,
                evidence=log,
            )
        finally:
            log.close()


class AsyncFoasClient(AsyncClientCore):
    __doc__ = (
        "The async twin of ``FoasClient``: same arguments and rules, ``await``-able calls.\n"
        "Use it as an async context manager, or ``await aclose()`` it; ``transport`` is an\n"
        "``httpx.AsyncBaseTransport``.\n" + CLIENT_ARGUMENTS
    )
    _server = _SERVER
    _client_class = Client

    @cached_property
    def with_raw_response(self) -> AsyncFoasClientWithRawResponse:
        """Each operation's method, answering with a ``RawResponse`` of its model: the final answer's
        ``status_code``, ``headers`` and ``request_id``, the ``attempts`` made, the ``elapsed`` seconds
        and ``parse()``, the model the plain method returns. The same retries; an error still raises.
        """
        return AsyncFoasClientWithRawResponse(self)

    async def get_ref_package_job(
        self,
        project_name: str,
        package_name: str,
        *,
        page_size: int | None = None,
        page_index: int | None = None,
    ) -> GetRefPackageJobResponse:
        """List the jobs that reference a package. (see ``FoasClient.get_ref_package_job``)."""
        from .api.packages import get_ref_package_job

        return await self._request(
            get_ref_package_job.OPERATION,
            {
                "project_name": project_name,
                "package_name": package_name,
                "region_id": self.settings.region_id,
                "page_size": page_size,
                "page_index": page_index,
            },
        )

    def iter_jobs(
        self,
        project_name: str,
        package_name: str,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
    ) -> AsyncGenerator[Job, None]:
        """Every item of every page of ``get_ref_package_job``, for ``async for``; see ``FoasClient.iter_jobs``.

        Pages fetched ahead (``concurrency`` above 1) are asyncio tasks. Leaving the loop early,
        close it (``contextlib.aclosing``) to cancel them at once.
        """
        from .api.packages import get_ref_package_job

        rules = get_ref_package_job.page_rules()
        return self._items(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.get_ref_package_job(project_name, package_name, **arguments),
            limit=limit,
            concurrency=concurrency,
            max_pages=max_pages,
        )

    def iter_pages(
        self,
        project_name: str,
        package_name: str,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
    ) -> AsyncGenerator[GetRefPackageJobResponse, None]:
        """Every page of ``get_ref_package_job``, for ``async for``; see ``FoasClient.iter_pages``."""
        from .api.packages import get_ref_package_job

        rules = get_ref_package_job.page_rules()
        return self._pages(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.get_ref_package_job(project_name, package_name, **arguments),
            concurrency=concurrency,
            max_pages=max_pages,
        )

    def find_unreferenced_packages(
        self,
        project_names: Sequence[str] | None = None,
        *,
        all_projects: bool = False,
        package_name: str | None = None,
        tag: str | None = None,
        type_: str | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        page_size: int | None = None,
        evidence: EvidenceTarget | None = None,
    ) -> AsyncGenerator[PackageReferences, None]:
        """``FoasClient.find_unreferenced_packages`` for ``async for``: the checks are asyncio tasks, the same rules."""
        from ._lifecycle import SWEEP_GET_REF_PACKAGE_JOB, AsyncSweepBudget, EvidenceLog, asweep, version

        log = EvidenceLog(evidence, region=self.settings.region_id, endpoint=self.settings.endpoint, version=version)
        return asweep(
            SWEEP_GET_REF_PACKAGE_JOB,
            containers=project_names,
            all_containers=all_projects,
            list_containers=lambda arguments: self.list_project(**arguments),
            list_subjects=lambda container, arguments: self.list_package(
                container, package_name=package_name, tag=tag, type_=type_, **arguments
            ),
            list_checked=lambda container, subject, arguments: self.get_ref_package_job(
                container, subject, **arguments
            ),
            budget=AsyncSweepBudget(concurrency),
            evidence=log,
            page_size=page_size,
        )

    async def list_project(
        self,
        *,
        name: str | None = None,
        cluster_id: str | None = None,
        region: str | None = None,
        deploy_type: str | None = None,
        page_size: int | None = None,
        page_index: int | None = None,
    ) -> ListProjectResponse:
        """List the projects. (see ``FoasClient.list_project``)."""
        from .api.projects import list_project

        return await self._request(
            list_project.OPERATION,
            {
                "region_id": self.settings.region_id,
                "name": name,
                "cluster_id": cluster_id,
                "region": region,
                "deploy_type": deploy_type,
                "page_size": page_size,
                "page_index": page_index,
            },
        )

    def iter_projects(
        self,
        *,
        name: str | None = None,
        cluster_id: str | None = None,
        region: str | None = None,
        deploy_type: str | None = None,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
    ) -> AsyncGenerator[Project, None]:
        """Every item of every page of ``list_project``, for ``async for``; see ``FoasClient.iter_projects``.

        Pages fetched ahead (``concurrency`` above 1) are asyncio tasks. Leaving the loop early,
        close it (``contextlib.aclosing``) to cancel them at once.
        """
        from .api.projects import list_project

        rules = list_project.page_rules()
        return self._items(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.list_project(
                name=name, cluster_id=cluster_id, region=region, deploy_type=deploy_type, **arguments
            ),
            limit=limit,
            concurrency=concurrency,
            max_pages=max_pages,
        )

    def iter_project_pages(
        self,
        *,
        name: str | None = None,
        cluster_id: str | None = None,
        region: str | None = None,
        deploy_type: str | None = None,
        page_size: int | None = None,
        start_page: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
    ) -> AsyncGenerator[ListProjectResponse, None]:
        """Every page of ``list_project``, for ``async for``; see ``FoasClient.iter_project_pages``."""
        from .api.projects import list_project

        rules = list_project.page_rules()
        return self._pages(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.list_project(
                name=name, cluster_id=cluster_id, region=region, deploy_type=deploy_type, **arguments
            ),
            concurrency=concurrency,
            max_pages=max_pages,
        )

    async def list_package(
        self,
        project_name: str,
        *,
        package_name: str | None = None,
        tag: str | None = None,
        type_: str | None = None,
        page_size: int | None = None,
        page_index: int | None = None,
    ) -> ListPackageResponse:
        """List the packages of a project. (see ``FoasClient.list_package``)."""
        from .api.packages import list_package

        return await self._request(
            list_package.OPERATION,
            {
                "project_name": project_name,
                "region_id": self.settings.region_id,
                "package_name": package_name,
                "tag": tag,
                "type_": type_,
                "page_size": page_size,
                "page_index": page_index,
            },
        )

    def iter_packages(
        self,
        project_name: str,
        *,
        package_name: str | None = None,
        tag: str | None = None,
        type_: str | None = None,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
    ) -> AsyncGenerator[Package, None]:
        """Every item of every page of ``list_package``, for ``async for``; see ``FoasClient.iter_packages``.

        Pages fetched ahead (``concurrency`` above 1) are asyncio tasks. Leaving the loop early,
        close it (``contextlib.aclosing``) to cancel them at once.
        """
        from .api.packages import list_package

        rules = list_package.page_rules()
        return self._items(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.list_package(
                project_name, package_name=package_name, tag=tag, type_=type_, **arguments
            ),
            limit=limit,
            concurrency=concurrency,
            max_pages=max_pages,
        )

    def iter_package_pages(
        self,
        project_name: str,
        *,
        package_name: str | None = None,
        tag: str | None = None,
        type_: str | None = None,
        page_size: int | None = None,
        start_page: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
    ) -> AsyncGenerator[ListPackageResponse, None]:
        """Every page of ``list_package``, for ``async for``; see ``FoasClient.iter_package_pages``."""
        from .api.packages import list_package

        rules = list_package.page_rules()
        return self._pages(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.list_package(
                project_name, package_name=package_name, tag=tag, type_=type_, **arguments
            ),
            concurrency=concurrency,
            max_pages=max_pages,
        )

    async def get_package(
        self,
        project_name: str,
        package_name: str,
    ) -> GetPackageResponse:
        """Describe a package. (see ``FoasClient.get_package``)."""
        from .api.packages import get_package

        return await self._request(
            get_package.OPERATION,
            {
                "project_name": project_name,
                "package_name": package_name,
                "region_id": self.settings.region_id,
            },
        )

    async def delete_package(
        self,
        project_name: str,
        package_name: str,
    ) -> DeletePackageResponse:
        """Delete a package. (see ``FoasClient.delete_package``)."""
        from .api.packages import delete_package

        return await self._request(
            delete_package.OPERATION,
            {
                "project_name": project_name,
                "package_name": package_name,
                "region_id": self.settings.region_id,
            },
        )

    async def delete_package_if_unreferenced(
        self,
        project_name: str,
        package_name: str,
        *,
        force: bool = False,
        evidence: EvidenceTarget | None = None,
    ) -> DeletePackageResponse:
        """``delete_package``, guarded (see ``FoasClient.delete_package_if_unreferenced``); a cancellation before the DELETE sends none."""
        from ._lifecycle import GUARD_DELETE_PACKAGE, EvidenceLog, aguarded_delete, version

        log = EvidenceLog(evidence, region=self.settings.region_id, endpoint=self.settings.endpoint, version=version)
        try:
            return await aguarded_delete(
                GUARD_DELETE_PACKAGE,
                {
                    "project_name": project_name,
                    "package_name": package_name,
                },
                list_checked=lambda arguments: self.get_ref_package_job(project_name, package_name, **arguments),
                delete=lambda: self.delete_package(
                    project_name,
                    package_name,
                ),
                force=force,
                evidence=log,
            )
        finally:
            log.close()


class FoasClientWithRawResponse:
    """``FoasClient``'s operations answered as ``RawResponse``s: ``client.with_raw_response.<method>(...)``."""

    def __init__(self, client: FoasClient) -> None:
        self._client = client

    def get_ref_package_job(
        self,
        project_name: str,
        package_name: str,
        *,
        page_size: int | None = None,
        page_index: int | None = None,
    ) -> RawResponse[GetRefPackageJobResponse]:
        """``FoasClient.get_ref_package_job``, answered as a ``RawResponse``: the same retries and errors."""
        from .api.packages import get_ref_package_job

        return self._client._raw_request(
            get_ref_package_job.OPERATION,
            {
                "project_name": project_name,
                "package_name": package_name,
                "region_id": self._client.settings.region_id,
                "page_size": page_size,
                "page_index": page_index,
            },
        )

    def list_project(
        self,
        *,
        name: str | None = None,
        cluster_id: str | None = None,
        region: str | None = None,
        deploy_type: str | None = None,
        page_size: int | None = None,
        page_index: int | None = None,
    ) -> RawResponse[ListProjectResponse]:
        """``FoasClient.list_project``, answered as a ``RawResponse``: the same retries and errors."""
        from .api.projects import list_project

        return self._client._raw_request(
            list_project.OPERATION,
            {
                "region_id": self._client.settings.region_id,
                "name": name,
                "cluster_id": cluster_id,
                "region": region,
                "deploy_type": deploy_type,
                "page_size": page_size,
                "page_index": page_index,
            },
        )

    def list_package(
        self,
        project_name: str,
        *,
        package_name: str | None = None,
        tag: str | None = None,
        type_: str | None = None,
        page_size: int | None = None,
        page_index: int | None = None,
    ) -> RawResponse[ListPackageResponse]:
        """``FoasClient.list_package``, answered as a ``RawResponse``: the same retries and errors."""
        from .api.packages import list_package

        return self._client._raw_request(
            list_package.OPERATION,
            {
                "project_name": project_name,
                "region_id": self._client.settings.region_id,
                "package_name": package_name,
                "tag": tag,
                "type_": type_,
                "page_size": page_size,
                "page_index": page_index,
            },
        )

    def get_package(
        self,
        project_name: str,
        package_name: str,
    ) -> RawResponse[GetPackageResponse]:
        """``FoasClient.get_package``, answered as a ``RawResponse``: the same retries and errors."""
        from .api.packages import get_package

        return self._client._raw_request(
            get_package.OPERATION,
            {
                "project_name": project_name,
                "package_name": package_name,
                "region_id": self._client.settings.region_id,
            },
        )

    def delete_package(
        self,
        project_name: str,
        package_name: str,
    ) -> RawResponse[DeletePackageResponse]:
        """``FoasClient.delete_package``, answered as a ``RawResponse``: the same retries and errors."""
        from .api.packages import delete_package

        return self._client._raw_request(
            delete_package.OPERATION,
            {
                "project_name": project_name,
                "package_name": package_name,
                "region_id": self._client.settings.region_id,
            },
        )


class AsyncFoasClientWithRawResponse:
    """``AsyncFoasClient``'s operations answered as ``RawResponse``s, ``await``-able."""

    def __init__(self, client: AsyncFoasClient) -> None:
        self._client = client

    async def get_ref_package_job(
        self,
        project_name: str,
        package_name: str,
        *,
        page_size: int | None = None,
        page_index: int | None = None,
    ) -> RawResponse[GetRefPackageJobResponse]:
        """``AsyncFoasClient.get_ref_package_job``, answered as a ``RawResponse``: the same retries and errors."""
        from .api.packages import get_ref_package_job

        return await self._client._raw_request(
            get_ref_package_job.OPERATION,
            {
                "project_name": project_name,
                "package_name": package_name,
                "region_id": self._client.settings.region_id,
                "page_size": page_size,
                "page_index": page_index,
            },
        )

    async def list_project(
        self,
        *,
        name: str | None = None,
        cluster_id: str | None = None,
        region: str | None = None,
        deploy_type: str | None = None,
        page_size: int | None = None,
        page_index: int | None = None,
    ) -> RawResponse[ListProjectResponse]:
        """``AsyncFoasClient.list_project``, answered as a ``RawResponse``: the same retries and errors."""
        from .api.projects import list_project

        return await self._client._raw_request(
            list_project.OPERATION,
            {
                "region_id": self._client.settings.region_id,
                "name": name,
                "cluster_id": cluster_id,
                "region": region,
                "deploy_type": deploy_type,
                "page_size": page_size,
                "page_index": page_index,
            },
        )

    async def list_package(
        self,
        project_name: str,
        *,
        package_name: str | None = None,
        tag: str | None = None,
        type_: str | None = None,
        page_size: int | None = None,
        page_index: int | None = None,
    ) -> RawResponse[ListPackageResponse]:
        """``AsyncFoasClient.list_package``, answered as a ``RawResponse``: the same retries and errors."""
        from .api.packages import list_package

        return await self._client._raw_request(
            list_package.OPERATION,
            {
                "project_name": project_name,
                "region_id": self._client.settings.region_id,
                "package_name": package_name,
                "tag": tag,
                "type_": type_,
                "page_size": page_size,
                "page_index": page_index,
            },
        )

    async def get_package(
        self,
        project_name: str,
        package_name: str,
    ) -> RawResponse[GetPackageResponse]:
        """``AsyncFoasClient.get_package``, answered as a ``RawResponse``: the same retries and errors."""
        from .api.packages import get_package

        return await self._client._raw_request(
            get_package.OPERATION,
            {
                "project_name": project_name,
                "package_name": package_name,
                "region_id": self._client.settings.region_id,
            },
        )

    async def delete_package(
        self,
        project_name: str,
        package_name: str,
    ) -> RawResponse[DeletePackageResponse]:
        """``AsyncFoasClient.delete_package``, answered as a ``RawResponse``: the same retries and errors."""
        from .api.packages import delete_package

        return await self._client._raw_request(
            delete_package.OPERATION,
            {
                "project_name": project_name,
                "package_name": package_name,
                "region_id": self._client.settings.region_id,
            },
        )
