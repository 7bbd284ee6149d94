# Generated from spec/foas.openapi.yaml and generator/templates/layers/_clients.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""``FoasClient`` and ``AsyncFoasClient``: one signed, retried method per operation of Realtime Compute (foas) — GetRefPackageJob."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator
from functools import cached_property

from ._core.http.core import CLIENT_ARGUMENTS, AsyncClientCore, Server, SyncClientCore
from ._core.http.raw_response import RawResponse
from ._core.paging import page_request
from ._schema import SERVER_DEFAULTS, SERVER_ENDPOINTS, SERVER_URL
from .api.packages import get_ref_package_job
from .client import Client
from .models import (
    GetRefPackageJobResponse,
    Job,
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
        rules = get_ref_package_job.page_rules()
        return self._pages(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.get_ref_package_job(project_name, package_name, **arguments),
            concurrency=concurrency,
            max_pages=max_pages,
        )


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
        rules = get_ref_package_job.page_rules()
        return self._pages(
            rules,
            page_request(rules, page=start_page, size=page_size),
            lambda arguments: self.get_ref_package_job(project_name, package_name, **arguments),
            concurrency=concurrency,
            max_pages=max_pages,
        )


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
