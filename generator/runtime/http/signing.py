"""ROA signature version 1 (HMAC-SHA1), as Alibaba Cloud's official SDKs compute it, as an ``httpx.Auth``.

String to sign::

    METHOD \\n Accept \\n Content-MD5 \\n Content-Type \\n Date \\n
    x-acs-*:value \\n ...   (names lower-cased, sorted)
    /raw/path[?key=value&bare_key...]   (query sorted by key, decoded)

``Authorization: acs <AccessKeyId>:<base64(HMAC-SHA1(AccessKeySecret, string_to_sign))>``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from datetime import datetime, timezone
from email.utils import format_datetime
from urllib.parse import unquote_plus

import httpx

from ..credentials import (
    AsyncCredentialsProvider,
    Credentials,
    CredentialsProvider,
    credentials_of,
    credentials_of_async,
)

__all__ = ["AcsSigner", "RoaSigner", "canonical_resource", "sign", "string_to_sign"]

SIGNATURE_METHOD = "HMAC-SHA1"
SIGNATURE_VERSION = "1.0"
DEFAULT_ACCEPT = "application/json"
_ACS_PREFIX = "x-acs-"


def canonical_resource(raw_path_and_query: str) -> str:
    """The resource part of the string to sign.

    Args:
        raw_path_and_query: the request target as sent on the wire, e.g. ``/a%2Fb/jobs?x=1+2&flag``.

    Returns:
        The path unchanged (still percent-encoded), then, if the query has any pair, ``?`` and the pairs
        sorted by key, keys and values percent-decoded (``+`` is a space, as in a form-encoded query),
        ``key=value``, or ``key`` alone when the value is empty, joined by ``&``.
    """
    path, _, query = raw_path_and_query.partition("?")
    pairs = []
    for item in query.split("&"):
        if item:
            key, _, value = item.partition("=")
            pairs.append((unquote_plus(key), unquote_plus(value)))
    if not pairs:
        return path
    pairs.sort(key=lambda pair: pair[0])
    return path + "?" + "&".join(f"{key}={value}" if value else key for key, value in pairs)


def string_to_sign(method: str, headers: Mapping[str, str], raw_path_and_query: str) -> str:
    """The ROA v1 string to sign for a request.

    Args:
        method: the HTTP method, any case.
        headers: the request's headers, names in any case; a missing Accept, Content-MD5, Content-Type
            or Date counts as empty.
        raw_path_and_query: the request target as sent on the wire (see ``canonical_resource``).
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    fixed = [method.upper()] + [lowered.get(name, "") for name in ("accept", "content-md5", "content-type", "date")]
    acs = [f"{name}:{lowered[name]}" for name in sorted(lowered) if name.startswith(_ACS_PREFIX)]
    return "\n".join([*fixed, *acs, canonical_resource(raw_path_and_query)])


def sign(secret: str, string: str) -> str:
    """``base64(HMAC-SHA1(secret, string))``, both UTF-8 encoded."""
    digest = hmac.new(secret.encode("utf-8"), string.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _uuid4() -> str:
    import uuid  # here, not at import: uuid imports platform, a few ms most imports never need

    return str(uuid.uuid4())


class AcsSigner(httpx.Auth):
    """What both signature versions share: the credentials asked once per request, the defaults of the
    headers every call carries, a redacted repr, and the httpx flow (sync and async alike).

    A subclass writes its version's headers and ``Authorization`` in ``_sign``.
    """

    requires_request_body = False
    requires_response_body = False

    def __init__(
        self,
        credentials: CredentialsProvider | AsyncCredentialsProvider,
        *,
        region_id: str,
        version: str | None = None,
        action: str | None = None,
        clock: Callable[[], datetime] = _utc_now,
        nonce: Callable[[], str] = _uuid4,
    ) -> None:
        self._credentials = credentials
        self.region_id = region_id
        self.version = version
        self.action = action
        self._clock = clock
        self._nonce = nonce

    def __repr__(self) -> str:
        # Never the credentials' fields beyond what they choose to show (Credentials redacts its secret).
        return (
            f"{type(self).__name__}(credentials={self._credentials!r}, region_id={self.region_id!r}, "
            f"version={self.version!r}, action={self.action!r})"
        )

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Sign ``request`` in place and yield it once (httpx's sync client); the provider is asked synchronously."""
        self.sign_request(request)
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Sign ``request`` in place and yield it once (httpx's async client).

        The credentials are awaited from the provider's ``get_credentials_async`` when it has one (the
        official chain's refresh then never blocks the event loop); otherwise ``get_credentials`` is called.
        """
        self.sign_request(request, await credentials_of_async(self._credentials))
        yield request

    def sign_request(self, request: httpx.Request, credentials: Credentials | None = None) -> None:
        """Set the signing headers and ``Authorization`` on ``request``, replacing any earlier signature.

        Args:
            request: the request to sign, in place.
            credentials: the credentials to sign with, already checked; default: the provider's, asked now.

        Raises:
            CredentialsError: the provider has no credentials, or unusable ones; ``request`` is unchanged.
        """
        if credentials is None:
            credentials = credentials_of(self._credentials)
        now = self._clock()
        now = now.replace(tzinfo=timezone.utc) if now.tzinfo is None else now.astimezone(timezone.utc)
        # The headers are read once into a plain dict, keyed by lower-cased name, and written back once:
        # httpx's Headers scans every header on each read or write, a dozen times per request otherwise.
        encoding = request.headers.encoding
        names: dict[str, str] = {}  # lower-cased name -> the name as first written
        values: dict[str, str] = {}
        for raw_name, raw_value in request.headers.raw:
            name, value = raw_name.decode(encoding), raw_value.decode(encoding)
            key = name.lower()
            names.setdefault(key, name)
            values[key] = f"{values[key]}, {value}" if key in values else value  # as Headers.items() joins them
        signed = {"x-acs-signature-nonce": ("x-acs-signature-nonce", self._nonce())}
        for name, default in (
            ("Accept", DEFAULT_ACCEPT),
            ("x-acs-version", self.version),  # the generated endpoint functions set their own
            ("x-acs-action", self.action),  # the generated endpoint functions set their own
            ("x-acs-region-id", self.region_id),
        ):
            if default is not None and name.lower() not in values:
                signed[name.lower()] = (name, default)
        for stale in self._STALE:  # another signature's headers, or this one's from an earlier attempt
            values.pop(stale, None)
        if credentials.security_token is not None:
            signed["x-acs-security-token"] = ("x-acs-security-token", credentials.security_token)
        for key, (name, value) in signed.items():
            names.setdefault(key, name)
            values[key] = value
        self._sign(request, credentials, now, names, values)
        names["authorization"] = "Authorization"
        request.headers = httpx.Headers([(names[key], value) for key, value in values.items()], encoding=encoding)

    # Headers a signature of either version sets and the other does not send: never carried over.
    _STALE = (
        "authorization",
        "date",
        "x-acs-date",
        "x-acs-signature-method",
        "x-acs-signature-version",
        "x-acs-content-sha256",
        "x-acs-security-token",
        "x-acs-accesskey-id",
    )

    def _sign(
        self,
        request: httpx.Request,
        credentials: Credentials,
        now: datetime,
        names: dict[str, str],
        values: dict[str, str],
    ) -> None:
        """Add this version's headers to ``values`` (lower-cased name -> value; ``names`` spells new
        names as sent), and ``values["authorization"]``."""
        raise NotImplementedError


class RoaSigner(AcsSigner):
    """Signs every request (every retry included) with a fresh Date and nonce, ROA signature v1.

    Sets ``Date``, ``Accept`` (the request's own, else ``application/json``), ``x-acs-signature-method``,
    ``x-acs-signature-version``, ``x-acs-signature-nonce``, ``x-acs-version``, ``x-acs-action``,
    ``x-acs-region-id`` (for these three a value already on the request wins, so one signer serves
    several operations), ``x-acs-security-token`` for STS credentials, then ``Authorization``.
    The request path must already be percent-encoded as it is to be sent; the body is not read.

    Args:
        credentials: ``Credentials`` or a ``CredentialsProvider``, asked once per request.
        region_id: e.g. ``cn-hangzhou``.
        version: the API version sent unless the request carries its own (the endpoint functions set it).
        action: the action sent unless the request carries its own (the endpoint functions set it).
        clock: returns the time to put in ``Date`` (a naive value is taken as UTC); default: now.
        nonce: returns a unique nonce; default: a random UUID4.

    Raises (from ``auth_flow``):
        CredentialsError: the provider has no credentials, or returned a field holding anything but
            visible ASCII characters (see ``Credentials``); nothing is sent, and it is not retried.
    """

    def _sign(
        self,
        request: httpx.Request,
        credentials: Credentials,
        now: datetime,
        names: dict[str, str],
        values: dict[str, str],
    ) -> None:
        for key, name, value in (
            ("date", "Date", format_datetime(now, usegmt=True)),
            ("x-acs-signature-method", "x-acs-signature-method", SIGNATURE_METHOD),
            ("x-acs-signature-version", "x-acs-signature-version", SIGNATURE_VERSION),
        ):
            names.setdefault(key, name)
            values[key] = value
        raw_target = request.url.raw_path.decode("ascii")
        signature = sign(credentials.access_key_secret, string_to_sign(request.method, values, raw_target))
        values["authorization"] = f"acs {credentials.access_key_id}:{signature}"
