"""The machinery of the generated clients (``FoasClient``, ``AsyncFoasClient``), which knows no operation.

The generated ``_clients`` module has one method per operation of the spec; each hands its
operation's ``Operation`` (from its endpoint module) and its arguments to ``_request``, which runs
the one request path (``request``) through the client's ``Channel``: its connection pool, its retry
settings, and a guard that refuses calls on a closed client. Paged operations hand their
``PageRules`` to ``_items``/``_pages``. Everything that differs between APIs reaches this module as
data from the generated code: the server (``Server``) and the generated ``Client`` class.
"""

from __future__ import annotations

import math
import os
import re
import threading
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, Protocol, TypeGuard, TypeVar

import attrs
import httpx

from ..credentials import AsyncCredentialsProvider, CredentialsProvider, default_credentials
from ..errors import InvalidParameterError
from ..operation import Operation
from ..paging import PageRules, aiter_items, aiter_pages, iter_items, iter_pages
from .attempt_timeout import AttemptTimeout
from .limits import ACCEPT_ENCODING, DEFAULT_MAX_RESPONSE_BYTES, ResponseLimit
from .network import CertTypes, Network, ProxyTypes, VerifyTypes
from .raw_response import RawResponse
from .request import Channel, arequest, request
from .retry import DEFAULT_DEADLINE, DEFAULT_MAX_ATTEMPTS, RetryPolicy
from .signing import AcsSigner, RoaSigner
from .signing_v3 import Acs3Signer

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "CLIENT_ARGUMENTS",
    "DEFAULT_TIMEOUT",
    "ENV_ENDPOINT",
    "ENV_REGION_ID",
    "KEEP",
    "AsyncClientCore",
    "ResponseFormat",
    "Server",
    "SignatureVersion",
    "SyncClientCore",
]

ENV_REGION_ID = "ALIBABA_CLOUD_REGION_ID"
ENV_ENDPOINT = "FOAS_ENDPOINT"  # a base URL instead of the region's endpoint: a test service, a proxy
DEFAULT_TIMEOUT = 10.0  # seconds: one attempt, from sending the request to the last byte of the answer
ResponseFormat = Literal["json", "xml"]
SignatureVersion = Literal["v3", "v1"]
# v3 (ACS3-HMAC-SHA256) is what the current official SDKs sign with; v1 (ROA, HMAC-SHA1) is the legacy SDKs'.
_SIGNERS: dict[str, type[AcsSigner]] = {"v3": Acs3Signer, "v1": RoaSigner}
_ACCEPT = {"json": "application/json", "xml": "application/xml"}
_REGION_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", re.ASCII)  # RFC 9110's token
_HEADER_VALUE = re.compile(r"[\t\x20-\x7e]*")  # ASCII, as httpx sends a str; no CR, LF or other control character
# Set for each request by the signer and by the endpoint: a caller's value would be overwritten or break the signature.
_RESERVED_HEADERS = frozenset({"authorization", "host"})


class _Keep:
    """The type of ``KEEP``: an option of ``with_options`` left as the client has it."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()  # typed Any: it stands in for any option's type in with_options' signature


def _seconds(value: object) -> TypeGuard[float]:
    """Whether ``value`` is a positive, finite number of seconds (``bool`` is not: it is an int).

    Checked by type first: ``None`` or ``"5"`` would reach ``math.isfinite`` as a bare ``TypeError``.
    """
    return not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value) and value > 0


def _checked_timeout(timeout: object) -> float:
    if not _seconds(timeout):
        raise InvalidParameterError(f"timeout must be a positive number of seconds, got {timeout!r}")
    return float(timeout)


def _checked_max_attempts(max_attempts: object) -> int:
    if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1:
        raise InvalidParameterError(f"max_attempts must be an integer of at least 1, got {max_attempts!r}")
    return max_attempts


def _checked_deadline(deadline: object) -> float | None:
    if deadline is None:
        return None
    if not _seconds(deadline):
        raise InvalidParameterError(f"deadline must be a positive number of seconds or None, got {deadline!r}")
    return float(deadline)


def _checked_headers(headers: object) -> dict[str, str]:
    if not isinstance(headers, Mapping):
        raise InvalidParameterError(f"headers must be a mapping of names to values, got {type(headers).__name__}")
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            raise InvalidParameterError(f"headers: {name!r} is not a header name")
        if name.lower() in _RESERVED_HEADERS:
            raise InvalidParameterError(f"headers: {name} is set by the client for each request")
        if not isinstance(value, str) or not _HEADER_VALUE.fullmatch(value):
            # the value is not shown: it may be a token
            raise InvalidParameterError(f"headers: the value of {name} must be a string without control characters")
        checked[name] = value
    return checked


T = TypeVar("T")


class _HttpClients(Protocol):
    """What the core needs of the generated ``Client``: its httpx clients, made once."""

    def get_httpx_client(self) -> httpx.Client: ...
    def get_async_httpx_client(self) -> httpx.AsyncClient: ...


_ClientT = TypeVar("_ClientT", bound=_HttpClients)


@attrs.frozen
class Server:
    """Where an API's requests go, as its spec's first server says.

    Attributes:
        url: the URL template with one variable, the region (e.g. ``https://foas.{regionId}.aliyuncs.com``).
        region_variable: that variable's name.
        default_region: its default in the spec.
        endpoints: base URLs by region where the service is not at the template's host (``x-endpoints``).
    """

    url: str
    region_variable: str
    default_region: str
    endpoints: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def of(cls, url: str, defaults: Mapping[str, str], endpoints: Mapping[str, str]) -> Server:
        """The server of a URL template whose one variable (with its default in ``defaults``) is the region."""
        (variable, default), *more = defaults.items()
        if more:
            raise ValueError(f"the server URL {url!r} must have one variable, the region; it has {len(defaults)}")
        return cls(url=url, region_variable=variable, default_region=default, endpoints=endpoints)

    def endpoint(self, region_id: str) -> str:
        """The base URL the official SDKs use for ``region_id``: its ``x-endpoints`` host when the spec
        names the region (e.g. ``cn-hongkong`` → ``https://foas.aliyuncs.com``), else the template's
        regional host (``https://foas.<region_id>.aliyuncs.com``)."""
        return self.endpoints.get(region_id) or self.url.format_map({self.region_variable: region_id})


@attrs.frozen
class _Settings:
    """Everything a call needs, resolved once from the constructor's arguments and the environment."""

    endpoint: str
    region_id: str
    signer: AcsSigner
    accept: str
    timeout: httpx.Timeout
    retry: RetryPolicy
    network: Network
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    attempt_timeout: float = DEFAULT_TIMEOUT  # seconds: one attempt, whole (each step is bounded by ``timeout``)
    headers: Mapping[str, str] = attrs.field(factory=dict)  # sent with every request (``with_options``)

    @classmethod
    def resolve(
        cls,
        *,
        server: Server,
        region_id: str | None,
        credentials: CredentialsProvider | AsyncCredentialsProvider | None,
        endpoint: str | None,
        response_format: ResponseFormat,
        timeout: float,
        max_attempts: int,
        deadline: float | None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        signature_version: SignatureVersion = "v3",
        proxy: ProxyTypes | None = None,
        verify: VerifyTypes = True,
        cert: CertTypes | None = None,
        limits: httpx.Limits | None = None,
        trust_env: bool = True,
        transport: object = None,
    ) -> _Settings:
        if response_format not in _ACCEPT:
            raise InvalidParameterError(f"response_format must be 'json' or 'xml', got {response_format!r}")
        if not isinstance(signature_version, str) or signature_version not in _SIGNERS:
            raise InvalidParameterError(f"signature_version must be 'v3' or 'v1', got {signature_version!r}")
        timeout = _checked_timeout(timeout)
        max_attempts = _checked_max_attempts(max_attempts)
        deadline = _checked_deadline(deadline)
        if isinstance(max_response_bytes, bool) or not isinstance(max_response_bytes, int) or max_response_bytes < 1:
            raise InvalidParameterError(f"max_response_bytes must be a positive integer, got {max_response_bytes!r}")
        if endpoint is None and ENV_ENDPOINT in os.environ:
            endpoint = os.environ[ENV_ENDPOINT]
            if problem := cls.endpoint_problem(endpoint):
                raise InvalidParameterError(f"${ENV_ENDPOINT}: {problem}")
        if endpoint is not None and (problem := cls.endpoint_problem(endpoint)):
            raise InvalidParameterError(f"endpoint: {problem}")  # "" included: it used to mean production
        region = region_id or os.environ.get(ENV_REGION_ID) or server.default_region
        if not _REGION_ID.fullmatch(region):  # it becomes part of the host name: nothing else may get in
            raise InvalidParameterError(f"region_id must look like cn-hangzhou, got {region!r}")
        base_url = (server.endpoint(region) if endpoint is None else endpoint).rstrip("/")
        network = Network.resolve(
            proxy=proxy,
            verify=verify,
            cert=cert,
            limits=limits,
            trust_env=trust_env,
            transport=transport,
            endpoint=base_url,
        )
        return cls(
            endpoint=base_url,
            region_id=region,
            signer=_SIGNERS[signature_version](default_credentials(credentials), region_id=region),
            accept=_ACCEPT[response_format],
            timeout=httpx.Timeout(timeout),
            retry=RetryPolicy(max_attempts=max_attempts, deadline=deadline),
            max_response_bytes=max_response_bytes,
            attempt_timeout=timeout,
            network=network,
        )

    def with_options(self, *, timeout: object, max_attempts: object, deadline: object, headers: object) -> _Settings:
        """These settings with the options given (``KEEP``: as they are), each checked as ``resolve`` does.

        Raises:
            InvalidParameterError: an option out of range, naming it.
        """
        changed: dict[str, Any] = {}
        if timeout is not KEEP:
            changed["attempt_timeout"] = _checked_timeout(timeout)
            changed["timeout"] = httpx.Timeout(changed["attempt_timeout"])
        if max_attempts is not KEEP or deadline is not KEEP:
            changed["retry"] = RetryPolicy(
                max_attempts=self.retry.max_attempts if max_attempts is KEEP else _checked_max_attempts(max_attempts),
                deadline=self.retry.deadline if deadline is KEEP else _checked_deadline(deadline),
            )
        if headers is not KEEP:
            changed["headers"] = {**self.headers, **_checked_headers(headers)}
        return attrs.evolve(self, **changed)

    @staticmethod
    def endpoint_problem(endpoint: object) -> str | None:
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

    def client(
        self, client_class: Callable[..., _ClientT], transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None
    ) -> _ClientT:
        """A generated ``Client`` (``client_class``) that signs, caps and times every request as these settings say."""
        # Every body is read through the attempt's clock and the size cap: event hooks, so that they hold
        # for any transport or proxy. The clock's hook comes first, to see the body as it comes off the wire.
        limit = ResponseLimit(self.max_response_bytes)
        clock = AttemptTimeout(self.attempt_timeout)
        hooks = {"request": [clock.request], "response": [clock.response, limit]}
        httpx_args: dict[str, object] = {"auth": self.signer, "event_hooks": hooks, **self.network.httpx_args()}
        if transport is not None:
            httpx_args["transport"] = transport
        headers = {"Accept": self.accept, "Accept-Encoding": ACCEPT_ENCODING}  # the codings the cap decodes
        verify = self.network.ssl_context(self.endpoint)  # one per setting, not one per client: see tls
        return client_class(
            base_url=self.endpoint, headers=headers, timeout=self.timeout, verify_ssl=verify, httpx_args=httpx_args
        )


_TransportT = TypeVar("_TransportT", httpx.BaseTransport, httpx.AsyncBaseTransport)
_HttpT = TypeVar("_HttpT", httpx.Client, httpx.AsyncClient)


class _ClientCore(Generic[_TransportT, _HttpT]):
    """What both clients share: their arguments, resolved once into ``settings``, and the generated client.

    Args:
        region_id: e.g. ``cn-shanghai``; default ``$ALIBABA_CLOUD_REGION_ID``, else ``cn-hangzhou``.
        credentials: ``Credentials`` or a provider (``get_credentials``, asked at every request; the async
            client awaits ``get_credentials_async`` instead when the provider has it); default the environment
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
        signature_version: ``"v3"`` (default: ACS3-HMAC-SHA256, as the current official SDKs sign) or
            ``"v1"`` (ROA signature v1, HMAC-SHA1, as the legacy SDKs sign).
        proxy: the proxy every request goes through: an ``http://``, ``https://`` or ``socks5://`` URL
            (user info for the proxy's own authentication is kept out of reprs and messages), or an
            ``httpx.Proxy``; default ``$HTTPS_PROXY``/``$HTTP_PROXY``/``$ALL_PROXY`` (``$NO_PROXY``
            honoured) when ``trust_env``. Not with ``transport``, which replaces the network.
        verify: ``True`` (default) verifies the server's certificate against
            ``$ALIBABA_CLOUD_CA_BUNDLE``, else ``$SSL_CERT_FILE`` (both read only when ``trust_env``),
            else certifi's CA store; a path to a PEM CA bundle (or an OpenSSL CA directory) verifies
            against it alone; ``False`` verifies nothing (tests only).
        cert: a client certificate, for a server or proxy that asks for one: the path of a PEM file
            holding the certificate and its unencrypted key, or a ``(certificate, key)`` pair of paths.
        limits: the connection pool's ``httpx.Limits`` (``max_connections``, ``max_keepalive_connections``,
            ``keepalive_expiry`` in seconds); default httpx's (100, 20, 5 s).
        trust_env: whether the proxy variables and the CA variables above count (default ``True``).

    Raises:
        CredentialsError: no credentials were given or found.
        InvalidParameterError: an argument is out of range, or ``endpoint`` is not an http(s) URL with
            a host (``""`` included), or a network setting is not usable (a CA bundle or certificate
            file missing or not PEM, a proxy that is not a URL): the message names the argument, or
            the environment variable it came from.
    """

    _server: ClassVar[Server]  # set by the generated client classes
    _client_class: ClassVar[Callable[..., Any]]  # the generated ``Client``

    def __init__(
        self,
        *,
        region_id: str | None = None,
        credentials: CredentialsProvider | AsyncCredentialsProvider | None = None,
        endpoint: str | None = None,
        response_format: ResponseFormat = "json",
        timeout: float = DEFAULT_TIMEOUT,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        deadline: float | None = DEFAULT_DEADLINE,
        transport: _TransportT | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        signature_version: SignatureVersion = "v3",
        proxy: ProxyTypes | None = None,
        verify: VerifyTypes = True,
        cert: CertTypes | None = None,
        limits: httpx.Limits | None = None,
        trust_env: bool = True,
    ) -> None:
        self._check_provider(credentials)
        self.settings: _Settings = _Settings.resolve(
            server=self._server,
            region_id=region_id,
            credentials=credentials,
            endpoint=endpoint,
            response_format=response_format,
            timeout=timeout,
            max_attempts=max_attempts,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
            signature_version=signature_version,
            proxy=proxy,
            verify=verify,
            cert=cert,
            limits=limits,
            trust_env=trust_env,
            transport=transport,
        )
        self._client = self.settings.client(self._client_class, transport)
        # Made now, not at the first call: threads sharing this client share one connection pool, and
        # close() closes every connection the client ever opened.
        self._http: _HttpT = self._open(self._client)
        self._owns_pool = True
        self._channel: Channel[_HttpT] = self._channel_for(self.settings, released=None)

    def _channel_for(self, settings: _Settings, *, released: threading.Event | None) -> Channel[_HttpT]:
        """The channel a call goes through with ``settings``: this client's pool, the settings' retries,
        per-attempt timeout and headers (sent with each request, so that clients sharing the pool differ)."""
        return Channel(
            self._http,
            settings.retry,
            httpx.URL(settings.endpoint).host,
            closed=self._closed_message(),
            timeout=settings.attempt_timeout,
            headers=settings.headers,
            released=released,
        )

    def with_options(
        self,
        *,
        timeout: float = KEEP,
        max_attempts: int = KEEP,
        deadline: float | None = KEEP,
        headers: Mapping[str, str] = KEEP,
    ) -> Self:
        """A client of this class whose calls use these options, left out ones as this client has them.

        It shares this client's connection pool, credentials, endpoint and format: a
        ``client.with_options(timeout=2).get_...(...)`` per call costs no connection. The pool belongs
        to the client made by the constructor: closing a client made here ends its own calls only
        (a call after raises ``InvalidParameterError``), closing the constructor's ends every one's.

        Args:
            timeout: seconds one attempt may take, whole (see the constructor).
            max_attempts: attempts in all, retries included (1 turns retries off).
            deadline: seconds after which no new attempt starts (``None``: no limit).
            headers: sent with every request, added to this client's own ``with_options`` headers;
                a signed ``x-acs-*`` header is signed. The operation's ``x-acs-action`` and
                ``x-acs-version`` win over them.

        Raises:
            InvalidParameterError: an option out of range (``timeout=0``, ``max_attempts=0``, a header
                with a line break, ``Authorization``...), naming it; no client is made.
        """
        settings = self.settings.with_options(
            timeout=timeout, max_attempts=max_attempts, deadline=deadline, headers=headers
        )
        derived = object.__new__(type(self))  # not copy.copy: nothing cached on this client may carry over
        derived.settings = settings
        derived._client = self._client
        derived._http = self._http
        derived._owns_pool = False
        derived._channel = derived._channel_for(settings, released=threading.Event())
        return derived

    _CLOSE = "close"  # the method that closes this client, for the message of a call made after it
    _AWAITS = False  # whether this client can await a provider's get_credentials_async

    def _check_provider(self, credentials: object) -> None:
        """Refuse, before anything is made, a ``credentials`` this client could never ask."""
        if credentials is None or hasattr(credentials, "get_credentials"):
            return
        name = type(credentials).__name__
        if hasattr(credentials, "get_credentials_async"):
            if self._AWAITS:
                return
            raise InvalidParameterError(
                f"credentials: {name} has only get_credentials_async, which {type(self).__name__} cannot await; "
                "give it get_credentials too, or use the async client"
            )
        raise InvalidParameterError(f"credentials: expected Credentials or a provider with get_credentials, got {name}")

    def _open(self, client: Any) -> _HttpT:
        """The httpx client that ``client`` sends with (sync or async, by subclass)."""
        raise NotImplementedError

    def _release(self) -> bool:
        """For a client that does not own its pool (``with_options``): refuse its further calls, and say
        so (``True``); ``False`` for the owner, whose ``close`` closes the pool."""
        if self._owns_pool:
            return False
        if self._channel.released is not None:
            self._channel.released.set()
        return True

    def _closed_message(self) -> str:
        return f"{type(self).__name__} is closed ({self._CLOSE}() was called): make a new client for more calls"

    def _refuse_if_closed(self) -> None:
        """Raises ``InvalidParameterError`` if the client was closed; otherwise does nothing."""
        self._channel.refuse_if_closed()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(endpoint={self.settings.endpoint!r}, region_id={self.settings.region_id!r})"


CLIENT_ARGUMENTS = (_ClientCore.__doc__ or "").partition("\n")[2]  # the Args/Raises part, for the generated docstrings


class SyncClientCore(_ClientCore[httpx.BaseTransport, httpx.Client]):
    """The sync client's machinery; the generated ``FoasClient`` adds one method per operation."""

    def _open(self, client: Any) -> httpx.Client:
        return client.get_httpx_client()  # type: ignore[no-any-return]

    def _request(self, operation: Operation[T], arguments: Mapping[str, object]) -> T:
        """One call of ``operation`` with ``arguments`` (``None``: not sent), on the one request path.

        Raises:
            InvalidParameterError: an argument the spec does not allow, or the client is closed; nothing was sent.
            And what the operation's answer raises after the retries, transport errors as the package's.
        """
        return request(operation, arguments, self._channel)

    def _raw_request(self, operation: Operation[T], arguments: Mapping[str, object]) -> RawResponse[T]:
        """``_request``, the answer as a ``RawResponse`` (status, headers, attempts, elapsed; ``parse()``)."""
        return request(operation, arguments, self._channel, raw=True)

    def _pages(
        self,
        rules: PageRules,
        request: dict[str, Any],
        fetch: Callable[[dict[str, Any]], T],
        *,
        concurrency: int,
        max_pages: int | None,
    ) -> Generator[T, None, None]:
        """Every page ``fetch`` (one call of the operation) gives, as ``rules`` walk them; see ``_paging``."""
        self._refuse_if_closed()
        return iter_pages(rules, request, fetch, concurrency=concurrency, max_pages=max_pages)

    def _items(
        self,
        rules: PageRules,
        request: dict[str, Any],
        fetch: Callable[[dict[str, Any]], Any],
        *,
        limit: int | None,
        concurrency: int,
        max_pages: int | None,
    ) -> Generator[Any, None, None]:
        """Every item of every page, ``limit`` at most; see ``_paging.iter_items``."""
        self._refuse_if_closed()
        return iter_items(rules, request, fetch, limit=limit, concurrency=concurrency, max_pages=max_pages)

    def close(self) -> None:
        """Close the connections; a call made after this raises ``InvalidParameterError``, sending nothing.

        A client made by ``with_options`` leaves the shared pool open: only its own calls end."""
        if not self._release():
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncClientCore(_ClientCore[httpx.AsyncBaseTransport, httpx.AsyncClient]):
    """The async client's machinery: the same rules, ``await``-able (``transport``: an ``httpx.AsyncBaseTransport``)."""

    _CLOSE = "aclose"
    _AWAITS = True

    def _open(self, client: Any) -> httpx.AsyncClient:
        return client.get_async_httpx_client()  # type: ignore[no-any-return]

    async def _request(self, operation: Operation[T], arguments: Mapping[str, object]) -> T:
        """``await`` one call of ``operation``; see ``SyncClientCore._request``."""
        return await arequest(operation, arguments, self._channel)

    async def _raw_request(self, operation: Operation[T], arguments: Mapping[str, object]) -> RawResponse[T]:
        """``await`` one call as a ``RawResponse``; see ``SyncClientCore._raw_request``."""
        return await arequest(operation, arguments, self._channel, raw=True)

    def _pages(
        self,
        rules: PageRules,
        request: dict[str, Any],
        fetch: Callable[[dict[str, Any]], Awaitable[T]],
        *,
        concurrency: int,
        max_pages: int | None,
    ) -> AsyncGenerator[T, None]:
        """Every page, for ``async for``; pages fetched ahead are asyncio tasks."""
        self._refuse_if_closed()
        return aiter_pages(rules, request, fetch, concurrency=concurrency, max_pages=max_pages)

    def _items(
        self,
        rules: PageRules,
        request: dict[str, Any],
        fetch: Callable[[dict[str, Any]], Awaitable[Any]],
        *,
        limit: int | None,
        concurrency: int,
        max_pages: int | None,
    ) -> AsyncGenerator[Any, None]:
        """Every item of every page, for ``async for``, ``limit`` at most."""
        self._refuse_if_closed()
        return aiter_items(rules, request, fetch, limit=limit, concurrency=concurrency, max_pages=max_pages)

    async def aclose(self) -> None:
        """Close the connections; a call made after this raises ``InvalidParameterError``, sending nothing.

        A client made by ``with_options`` leaves the shared pool open: only its own calls end."""
        if not self._release():
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
