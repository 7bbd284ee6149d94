"""``FoasClient`` and ``AsyncFoasClient``: signed, retried calls with typed results and errors.

Both are thin shells around one ``_Settings`` (endpoint, region, signer, Accept, timeout, retry
policy) and the generated endpoint functions; every rule lives once, in the settings, the signer,
the retry policy or the generated code.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import AsyncGenerator, Generator, Iterator
from contextlib import contextmanager
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

import attrs
import httpx
import stamina

from ._attempt_timeout import AttemptTimeout
from ._credentials import CredentialsProvider, default_credentials
from ._errors import InvalidParameterError
from ._limits import ACCEPT_ENCODING, DEFAULT_MAX_RESPONSE_BYTES, ResponseLimit
from ._paging import aiter_items, aiter_pages, iter_items, iter_pages, page_request
from ._retry import DEFAULT_DEADLINE, DEFAULT_MAX_ATTEMPTS, RetryPolicy, translated_transport_errors
from ._schema import OPERATION_IDS, SERVER_DEFAULTS, SERVER_ENDPOINTS, SERVER_URL
from ._signing import RoaSigner
from .api.packages import get_ref_package_job
from .client import Client
from .models import GetRefPackageJobResponse, Job
from .types import UNSET, Unset

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["DEFAULT_TIMEOUT", "ENV_ENDPOINT", "ENV_REGION_ID", "AsyncFoasClient", "FoasClient", "ResponseFormat"]

ENV_REGION_ID = "ALIBABA_CLOUD_REGION_ID"
ENV_ENDPOINT = "FOAS_ENDPOINT"  # a base URL instead of the region's endpoint: a test service, a proxy
DEFAULT_TIMEOUT = 10.0  # seconds: one attempt, from sending the request to the last byte of the answer
ResponseFormat = Literal["json", "xml"]
_ACCEPT = {"json": "application/json", "xml": "application/xml"}
_REGION_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
_GET_REF_PACKAGE_JOB = OPERATION_IDS["get_ref_package_job"]  # its pagination: the spec's x-pagination


@attrs.frozen
class _Settings:
    """Everything a call needs, resolved once from the constructor's arguments and the environment."""

    endpoint: str
    region_id: str
    signer: RoaSigner
    accept: str
    timeout: httpx.Timeout
    retry: RetryPolicy
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    attempt_timeout: float = DEFAULT_TIMEOUT  # seconds: one attempt, whole (each step is bounded by ``timeout``)

    @classmethod
    def resolve(
        cls,
        *,
        region_id: str | None,
        credentials: CredentialsProvider | None,
        endpoint: str | None,
        response_format: ResponseFormat,
        timeout: float,
        max_attempts: int,
        deadline: float | None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> _Settings:
        if response_format not in _ACCEPT:
            raise InvalidParameterError(f"response_format must be 'json' or 'xml', got {response_format!r}")
        if not (math.isfinite(timeout) and timeout > 0):
            raise InvalidParameterError(f"timeout must be a positive number of seconds, got {timeout!r}")
        if max_attempts < 1:
            raise InvalidParameterError(f"max_attempts must be at least 1, got {max_attempts!r}")
        if isinstance(max_response_bytes, bool) or not isinstance(max_response_bytes, int) or max_response_bytes < 1:
            raise InvalidParameterError(f"max_response_bytes must be a positive integer, got {max_response_bytes!r}")
        if endpoint is None and ENV_ENDPOINT in os.environ:
            endpoint = os.environ[ENV_ENDPOINT]
            if problem := cls.endpoint_problem(endpoint):
                raise InvalidParameterError(f"${ENV_ENDPOINT}: {problem}")
        if endpoint is not None and (problem := cls.endpoint_problem(endpoint)):
            raise InvalidParameterError(f"endpoint: {problem}")  # "" included: it used to mean production
        region = region_id or os.environ.get(ENV_REGION_ID) or SERVER_DEFAULTS["regionId"]
        if not _REGION_ID.fullmatch(region):  # it becomes part of the host name: nothing else may get in
            raise InvalidParameterError(f"region_id must look like cn-hangzhou, got {region!r}")
        return cls(
            endpoint=(cls.default_endpoint(region) if endpoint is None else endpoint).rstrip("/"),
            region_id=region,
            signer=RoaSigner(default_credentials(credentials), region_id=region),
            accept=_ACCEPT[response_format],
            timeout=httpx.Timeout(timeout),
            retry=RetryPolicy(max_attempts=max_attempts, deadline=deadline),
            max_response_bytes=max_response_bytes,
            attempt_timeout=timeout,
        )

    @staticmethod
    def endpoint_problem(endpoint: str) -> str | None:
        """Why ``endpoint`` cannot be a base URL, in a few words; ``None`` when it can.

        A base URL is ``http://`` or ``https://``, a host, optionally a port and a path prefix; no
        spaces, user info, query or fragment (a password in it would show in reprs and error lines).
        """
        if not isinstance(endpoint, str):
            return f"expected a URL string, got {type(endpoint).__name__}"
        shown = repr(endpoint) if "@" not in endpoint else "a URL with user info"
        if not endpoint.isprintable() or any(c.isspace() for c in endpoint):
            return f"spaces or control characters in {shown}"
        try:
            url = httpx.URL(endpoint)
            port = url.port
        except httpx.InvalidURL:
            return f"not a URL: {shown}"
        if url.scheme not in ("http", "https") or "://" not in endpoint:
            return f"expected an http:// or https:// URL with a host, got {shown}"
        if not url.host:
            return f"expected a host after {url.scheme}://, got {shown}"
        if port is not None and not 0 < port < 65536:
            return f"port {port} is out of range in {shown}"
        if url.userinfo or url.query or url.fragment or "?" in endpoint or "#" in endpoint:
            return f"expected no user info, query or fragment in a base URL, got {shown}"
        return None

    @staticmethod
    def default_endpoint(region_id: str) -> str:
        """The base URL the official SDKs use for ``region_id``: the spec's ``x-endpoints`` host for a
        region it names (e.g. ``cn-hongkong`` → ``https://foas.aliyuncs.com``), else the server URL
        template's regional host ``https://foas.<region_id>.aliyuncs.com``."""
        return SERVER_ENDPOINTS.get(region_id) or SERVER_URL.format_map({**SERVER_DEFAULTS, "regionId": region_id})

    def client(self, transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None) -> Client:
        # Every body is read through the attempt's clock and the size cap: event hooks, so that they hold
        # for any transport or proxy. The clock's hook comes first, to see the body as it comes off the wire.
        limit = ResponseLimit(self.max_response_bytes)
        clock = AttemptTimeout(self.attempt_timeout)
        hooks = {"request": [clock.request], "response": [clock.response, limit]}
        httpx_args: dict[str, object] = {"auth": self.signer, "event_hooks": hooks}
        if transport is not None:
            httpx_args["transport"] = transport
        headers = {"Accept": self.accept, "Accept-Encoding": ACCEPT_ENCODING}  # the codings the cap decodes
        return Client(base_url=self.endpoint, headers=headers, timeout=self.timeout, httpx_args=httpx_args)


def _optional(value: int | None) -> int | Unset:
    return UNSET if value is None else value


_TransportT = TypeVar("_TransportT", httpx.BaseTransport, httpx.AsyncBaseTransport)
_HttpT = TypeVar("_HttpT", httpx.Client, httpx.AsyncClient)


class _FacadeBase(Generic[_TransportT, _HttpT]):
    """What both clients share: their arguments, resolved once into ``settings``, and the generated client.

    Args:
        region_id: e.g. ``cn-shanghai``; default ``$ALIBABA_CLOUD_REGION_ID``, else ``cn-hangzhou``.
        credentials: ``Credentials`` or a provider; default the environment
            (``ALIBABA_CLOUD_ACCESS_KEY_ID``/``_SECRET``/``ALIBABA_CLOUD_SECURITY_TOKEN``), else the
            ``alibabacloud-credentials`` chain when installed.
        endpoint: base URL; default ``$FOAS_ENDPOINT``, else the region's endpoint as the official SDKs
            have it (the spec's ``x-endpoints``: e.g. ``https://foas.aliyuncs.com`` for ``cn-hongkong``), else
            ``https://foas.<region_id>.aliyuncs.com``. ``region_id`` is sent either way.
        response_format: ``"json"`` (default) or ``"xml"``, asked for with ``Accept``; the answer is
            decoded by the Content-Type it comes back with.
        timeout: seconds one attempt may take, from sending the request to the last byte of the
            answer (default 10); a slower attempt raises ``TimeoutError`` and is retried.
        max_attempts: attempts in all, retries included (default 3; 1 turns retries off).
        deadline: seconds after which no new attempt starts (default 10; ``None``: no limit): a call
            takes at most about ``deadline`` + one backoff wait + ``timeout``.
        max_response_bytes: the largest response body accepted, in bytes after decoding gzip or deflate
            (default 64 MiB). A longer body, or a larger ``Content-Length``, stops the read at once and
            raises ``ResponseTooLargeError`` (a ``DecodeError``; not retried): memory stays bounded
            whatever the server sends.
        transport: an httpx transport to use instead of the network (e.g. the testing fake's).

    Raises:
        CredentialsError: no credentials were given or found.
        InvalidParameterError: an argument is out of range, or ``endpoint`` is not an http(s) URL with
            a host (``""`` included).
    """

    def __init__(
        self,
        *,
        region_id: str | None = None,
        credentials: CredentialsProvider | None = None,
        endpoint: str | None = None,
        response_format: ResponseFormat = "json",
        timeout: float = DEFAULT_TIMEOUT,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        deadline: float | None = DEFAULT_DEADLINE,
        transport: _TransportT | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self.settings = _Settings.resolve(
            region_id=region_id,
            credentials=credentials,
            endpoint=endpoint,
            response_format=response_format,
            timeout=timeout,
            max_attempts=max_attempts,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
        )
        self._client = self.settings.client(transport)
        # Made now, not at the first call: threads sharing this client share one connection pool, and
        # close() closes every connection the client ever opened.
        self._http: _HttpT = self._open(self._client)

    _CLOSE = "close"  # the method that closes this client, for the message of a call made after it

    def _open(self, client: Client) -> _HttpT:
        """The httpx client that ``client`` sends with (sync or async, by subclass)."""
        raise NotImplementedError

    def _refuse_if_closed(self) -> None:
        """Raises ``InvalidParameterError`` if the client was closed; otherwise does nothing."""
        if self._http.is_closed:
            raise InvalidParameterError(
                f"{type(self).__name__} is closed ({self._CLOSE}() was called): make a new client for more calls"
            )

    @contextmanager
    def _attempt(self) -> Iterator[None]:
        """Around each attempt: a closed client raises ``InvalidParameterError`` and sends nothing.

        Also when another thread closes the client as the attempt starts (httpx then raises a bare
        ``RuntimeError``). Not retried: ``InvalidParameterError`` is no transport error.
        """
        self._refuse_if_closed()
        try:
            with translated_transport_errors():
                yield
        except RuntimeError:
            self._refuse_if_closed()
            raise

    def __repr__(self) -> str:
        return f"{type(self).__name__}(endpoint={self.settings.endpoint!r}, region_id={self.settings.region_id!r})"


class FoasClient(_FacadeBase[httpx.BaseTransport, httpx.Client]):
    __doc__ = (
        "A signed, retrying client for GetRefPackageJob. Use it as a context manager, or ``close()`` it.\n"
        + (_FacadeBase.__doc__ or "").partition("\n")[2]
    )

    def _open(self, client: Client) -> httpx.Client:
        return client.get_httpx_client()

    @cached_property
    def _call(self) -> stamina.BoundRetryingCaller:
        return self.settings.retry.caller()

    def get_ref_package_job(
        self, project_name: str, package_name: str, *, page_size: int | None = None, page_index: int | None = None
    ) -> GetRefPackageJobResponse:
        """One page of the jobs of ``project_name`` that reference ``package_name`` (pages are 1-based).

        Raises:
            ApiError: an error status after retries (ThrottlingError, AuthError, NotFoundError, ServerError...).
            DecodeError: the answer does not match the spec.
            TransportError: the request did not complete after retries (TimeoutError for timeouts).
            InvalidParameterError: an empty project or package name, or the client is closed; nothing was sent.
        """
        return self._call(self._get_ref_package_job_once, project_name, package_name, page_size, page_index)

    def _get_ref_package_job_once(
        self, project_name: str, package_name: str, page_size: int | None, page_index: int | None
    ) -> GetRefPackageJobResponse:
        with self._attempt():
            return get_ref_package_job.sync(
                project_name,
                package_name,
                client=self._client,
                region_id=self.settings.region_id,
                page_size=_optional(page_size),
                page_index=_optional(page_index),
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
        """Every job that references ``package_name``, page after page, in the server's order.

        Each page is a ``get_ref_package_job`` call, with its retries; the pages are checked against
        each other (see ``iter_pages``).

        Args:
            page_size: jobs per page (default: the server's).
            start_page: the first page to read (default: the first page).
            limit: jobs to yield at most (default: all); no page is fetched that the limit does not need.
            concurrency: pages requested at a time, at most (default 1). Above 1, once the first page
                gives the totals, the next pages are fetched ahead in threads, still yielded in order.
            max_pages: pages fetched at most (default 10,000); a listing that goes on raises.

        Raises:
            PaginationError: the pages do not add up: a page repeated, totals changed while reading, a
                page other than the one asked for, or more than ``max_pages`` pages.
            InvalidParameterError: an argument is out of range, or the client is closed; raised by this
                call, nothing was sent.
            And what ``get_ref_package_job`` raises, once the jobs of the pages before were yielded.

        Returns:
            A generator; leaving the loop early, ``close()`` it to stop the requests ahead at once.
        """
        self._refuse_if_closed()
        return iter_items(
            _GET_REF_PACKAGE_JOB,
            page_request(_GET_REF_PACKAGE_JOB, page=start_page, size=page_size),
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
        """Every page of the jobs that reference ``package_name``, in order; arguments as for ``iter_jobs``.

        The listing ends at the page count the first page announced or at an empty page. A page equal
        to the one before, totals or page size that change, an echoed page number other than the one
        asked for, or more than ``max_pages`` pages raise ``PaginationError``: never a loop, never a
        page twice.
        """
        self._refuse_if_closed()
        return iter_pages(
            _GET_REF_PACKAGE_JOB,
            page_request(_GET_REF_PACKAGE_JOB, page=start_page, size=page_size),
            lambda arguments: self.get_ref_package_job(project_name, package_name, **arguments),
            concurrency=concurrency,
            max_pages=max_pages,
        )

    def close(self) -> None:
        """Close the connections; a call made after this raises ``InvalidParameterError``, sending nothing."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncFoasClient(_FacadeBase[httpx.AsyncBaseTransport, httpx.AsyncClient]):
    """The async twin of ``FoasClient``: same arguments and rules, ``await``-able calls.

    Use it as an async context manager, or ``await aclose()`` it; ``transport`` is an
    ``httpx.AsyncBaseTransport``.
    """

    _CLOSE = "aclose"

    def _open(self, client: Client) -> httpx.AsyncClient:
        return client.get_async_httpx_client()

    @cached_property
    def _call(self) -> stamina.BoundAsyncRetryingCaller:
        return self.settings.retry.async_caller()

    async def get_ref_package_job(
        self, project_name: str, package_name: str, *, page_size: int | None = None, page_index: int | None = None
    ) -> GetRefPackageJobResponse:
        """One page of the jobs that reference the package; see ``FoasClient.get_ref_package_job``."""
        return await self._call(self._get_ref_package_job_once, project_name, package_name, page_size, page_index)

    async def _get_ref_package_job_once(
        self, project_name: str, package_name: str, page_size: int | None, page_index: int | None
    ) -> GetRefPackageJobResponse:
        with self._attempt():
            return await get_ref_package_job.asyncio(
                project_name,
                package_name,
                client=self._client,
                region_id=self.settings.region_id,
                page_size=_optional(page_size),
                page_index=_optional(page_index),
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
        """Every job that references the package, for ``async for``; see ``FoasClient.iter_jobs``.

        Pages fetched ahead (``concurrency`` above 1) are asyncio tasks. Leaving the loop early,
        close it (``contextlib.aclosing``) to cancel them at once.
        """
        self._refuse_if_closed()
        return aiter_items(
            _GET_REF_PACKAGE_JOB,
            page_request(_GET_REF_PACKAGE_JOB, page=start_page, size=page_size),
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
        """Every page of the jobs that reference the package, for ``async for``; see ``FoasClient.iter_pages``."""
        self._refuse_if_closed()
        return aiter_pages(
            _GET_REF_PACKAGE_JOB,
            page_request(_GET_REF_PACKAGE_JOB, page=start_page, size=page_size),
            lambda arguments: self.get_ref_package_job(project_name, package_name, **arguments),
            concurrency=concurrency,
            max_pages=max_pages,
        )

    async def aclose(self) -> None:
        """Close the connections; a call made after this raises ``InvalidParameterError``, sending nothing."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
