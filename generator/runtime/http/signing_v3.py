"""Signature V3 (ACS3-HMAC-SHA256), as Alibaba Cloud's current official SDKs compute it, as an ``httpx.Auth``.

Canonical request (lines joined by ``\\n``)::

    METHOD
    /the/path/as/sent            (each segment percent-encoded)
    key=value&...                (query pairs sorted by key, keys and values encoded, only A-Z a-z 0-9 - _ . ~ kept)
    host:value                   (the signed headers: host, every x-acs-*, content-type when sent;
    x-acs-...:value               names lower-cased, sorted, values stripped; one line each)
    <empty line>
    host;x-acs-...               (the signed header names, joined by ;)
    hex(SHA-256(body))           (also sent as x-acs-content-sha256)

String to sign: ``ACS3-HMAC-SHA256\\n`` + ``hex(SHA-256(canonical request))``;
``Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex HMAC-SHA256>``.
The official Python algorithm is ``alibabacloud_openapi_util.client.Client.get_authorization``; the tests
check this module against it.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping, Sequence
from datetime import datetime
from urllib.parse import quote, unquote_plus

import httpx

from ..credentials import Credentials
from .signing import AcsSigner

__all__ = [
    "ALGORITHM",
    "Acs3Signer",
    "canonical_headers",
    "canonical_query",
    "canonical_request",
    "sign_v3",
    "string_to_sign_v3",
]

ALGORITHM = "ACS3-HMAC-SHA256"
_ACS_PREFIX = "x-acs-"
_ALWAYS_SIGNED = ("host", "content-type")  # besides every x-acs-* header; content-type only when sent


def _encode(text: str) -> str:
    # RFC 3986 unreserved characters stay, everything else is %XX of its UTF-8 bytes (space is %20, not +).
    return quote(text, safe="~", encoding="utf-8")


def canonical_query(raw_query: str) -> str:
    """The query line of the canonical request.

    Args:
        raw_query: the query as sent on the wire, without ``?`` (e.g. ``b=x+y&a=%E4%B8%AD&flag``).

    Returns:
        The pairs decoded (``+`` is a space, as in a form-encoded query), sorted by key then value, key and
        value re-encoded (see the module docstring), as ``key=value`` (``key=`` when the value is empty),
        joined by ``&``; ``""`` for no query.
    """
    pairs = []
    for item in raw_query.split("&"):
        if item:
            key, _, value = item.partition("=")
            pairs.append((unquote_plus(key), unquote_plus(value)))
    pairs.sort()
    return "&".join(f"{_encode(key)}={_encode(value)}" for key, value in pairs)


def canonical_headers(headers: Mapping[str, str], signed: Sequence[str] | None = None) -> tuple[str, str]:
    """The signed headers of a request: (their ``name:value\\n`` lines, their names joined by ``;``).

    Signed are the names in ``signed`` (a verifier passes the request's ``SignedHeaders``), else ``host``,
    every ``x-acs-*`` header and ``content-type`` when present; names lower-cased and, unless given,
    sorted; values stripped of surrounding spaces (a missing header counts as empty). ``headers``: names
    in any case, one value each.
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    names = signed_header_names(lowered) if signed is None else [name.lower() for name in signed]
    return "".join(f"{name}:{lowered.get(name, '').strip()}\n" for name in names), ";".join(names)


def signed_header_names(headers: Mapping[str, str]) -> list[str]:
    """The names this module signs among ``headers`` (lower-cased names): ``host``, every ``x-acs-*`` and
    ``content-type`` when present, sorted."""
    return sorted(name for name in headers if name.startswith(_ACS_PREFIX) or name in _ALWAYS_SIGNED)


def canonical_request(
    method: str,
    raw_path_and_query: str,
    headers: Mapping[str, str],
    content_sha256: str,
    signed: Sequence[str] | None = None,
) -> str:
    """The V3 canonical request (see the module docstring).

    Args:
        method: the HTTP method, any case.
        raw_path_and_query: the request target as sent on the wire, path still percent-encoded.
        headers: the request's headers (only the signed ones are used; see ``canonical_headers``).
        content_sha256: the hex SHA-256 of the body, as sent in ``x-acs-content-sha256``.
        signed: the names of the signed headers (see ``canonical_headers``); default: this module's rule.
    """
    path, _, query = raw_path_and_query.partition("?")
    lines, signed_names = canonical_headers(headers, signed)
    return "\n".join([method.upper(), path or "/", canonical_query(query), lines, signed_names, content_sha256])


def string_to_sign_v3(canonical: str) -> str:
    """``ACS3-HMAC-SHA256\\n`` + the hex SHA-256 of ``canonical`` (UTF-8)."""
    return f"{ALGORITHM}\n{hashlib.sha256(canonical.encode('utf-8')).hexdigest()}"


def sign_v3(secret: str, string: str) -> str:
    """``hex(HMAC-SHA256(secret, string))``, both UTF-8 encoded."""
    return hmac.new(secret.encode("utf-8"), string.encode("utf-8"), hashlib.sha256).hexdigest()


def _iso8601(now: datetime) -> str:
    return now.strftime("%Y-%m-%dT%H:%M:%SZ")  # UTC, to the second, as the official SDKs write it


class Acs3Signer(AcsSigner):
    """Signs every request (every retry included) with a fresh ``x-acs-date`` and nonce, signature V3
    (ACS3-HMAC-SHA256).

    Sets ``Accept`` (the request's own, else ``application/json``), ``x-acs-date`` (ISO 8601 UTC),
    ``x-acs-signature-nonce``, ``x-acs-content-sha256`` (the hex SHA-256 of the body), ``x-acs-version``,
    ``x-acs-action``, ``x-acs-region-id`` (for these three a value already on the request wins, so one
    signer serves several operations), ``x-acs-security-token`` and ``x-acs-accesskey-id`` for STS
    credentials, then ``Authorization``. Signed are ``host``, every ``x-acs-*`` header and
    ``content-type`` when sent. The request path must already be percent-encoded as it is to be sent.

    Args:
        credentials: ``Credentials`` or a ``CredentialsProvider``, asked once per request.
        region_id: e.g. ``cn-hangzhou``.
        version: the API version sent unless the request carries its own (the endpoint functions set it).
        action: the action sent unless the request carries its own (the endpoint functions set it).
        clock: returns the time to put in ``x-acs-date`` (a naive value is taken as UTC); default: now.
        nonce: returns a unique nonce; default: a random UUID4.

    Raises (from ``auth_flow``):
        CredentialsError: the provider has no credentials, or returned a field holding anything but
            visible ASCII characters (see ``Credentials``); nothing is sent, and it is not retried.
    """

    requires_request_body = True  # the body's hash is signed: httpx reads a streamed body before the flow

    def _sign(
        self,
        request: httpx.Request,
        credentials: Credentials,
        now: datetime,
        names: dict[str, str],
        values: dict[str, str],
    ) -> None:
        added = {
            "x-acs-date": _iso8601(now),
            "x-acs-content-sha256": hashlib.sha256(request.content).hexdigest(),
        }
        if credentials.security_token is not None:  # the official SDKs name the key beside an STS token
            added["x-acs-accesskey-id"] = credentials.access_key_id
        if "host" not in values:  # httpx sets it from the URL; a request built without one still signs it
            added["host"] = request.url.netloc.decode("ascii")
        for key, value in added.items():
            names.setdefault(key, "Host" if key == "host" else key)
            values[key] = value
        raw_target = request.url.raw_path.decode("ascii")
        signed = signed_header_names(values)  # once: the canonical request and Authorization name the same
        canonical = canonical_request(request.method, raw_target, values, values["x-acs-content-sha256"], signed)
        signature = sign_v3(credentials.access_key_secret, string_to_sign_v3(canonical))
        values["authorization"] = (
            f"{ALGORITHM} Credential={credentials.access_key_id},SignedHeaders={';'.join(signed)},Signature={signature}"
        )
