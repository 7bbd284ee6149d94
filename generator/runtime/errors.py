"""The package's exception tree: one base class, one mapping from a response to an API error.

``FoasError``
├── ``ApiError``: the service answered 4xx/5xx (status, Code, Message, RequestId, HostId, Recommend)
│   ├── ``ThrottlingError``: a ``Throttling*`` code, HTTP 429 or ``x-acs-retry-after`` (retried)
│   ├── ``AuthError``: signature, AccessKey or permission refused (401, 403, ``InvalidAccessKeyId*``...)
│   ├── ``NotFoundError``: HTTP 404 or a ``*.NotFound`` / ``*NotExist*`` code
│   └── ``ServerError``: HTTP 5xx (retried)
├── ``DecodeError`` (also a ``ValueError``): a body that does not match the spec, or is hostile
│   ├── ``UnsafeXmlError``: XML carrying a DTD or entity declarations, refused unread
│   └── ``ResponseTooLargeError``: a body over the client's ``max_response_bytes``, not read further
├── ``TransportError``: the request did not complete (connection refused, reset, TLS...)
│   └── ``TimeoutError``: a connect, read, write or pool timeout
├── ``PaginationError``: pages that do not add up (a page repeated, totals changed mid-way...); never looped over
├── ``InUseError``: a guarded delete refused, as items still reference what was to be deleted
├── ``CredentialsError``: no usable AccessKey
└── ``InvalidParameterError`` (also a ``ValueError``): a request parameter the API cannot take
"""

from __future__ import annotations

import builtins
import json
from typing import Any, Protocol

__all__ = [
    "ApiError",
    "AuthError",
    "CredentialsError",
    "DecodeError",
    "FoasError",
    "InUseError",
    "InvalidParameterError",
    "NotFoundError",
    "PaginationError",
    "ResponseTooLargeError",
    "ServerError",
    "ThrottlingError",
    "TimeoutError",
    "TransportError",
    "UnsafeXmlError",
    "api_error_class",
]


def _unpickled(cls: type[FoasError], args: tuple[Any, ...]) -> FoasError:
    """An error of ``cls`` with ``args``, made without ``__init__``; unpickling then restores its attributes."""
    return cls.__new__(cls, *args)


class FoasError(Exception):
    """Base class of every error this package raises.

    Every error pickles with its type, message and attributes (status, Code, RequestId, body, path,
    page...), so it crosses a process boundary (a ``ProcessPoolExecutor``) as itself.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        # The default, type(self)(*self.args), would pass the one-line message to __init__, whose
        # arguments are the parts the message is made of (or keyword-only ones): rebuild without it.
        return _unpickled, (type(self), self.args), self.__dict__


class ErrorBody(Protocol):
    """What an API error needs of a decoded error body (the spec's error schema).

    A body may also have ``access_denied_detail`` and ``description`` (the spec's
    ``AccessDeniedDetail`` and ``Description``); an error reads them when it has them.
    """

    @property
    def code(self) -> object: ...
    @property
    def message(self) -> object: ...
    @property
    def request_id(self) -> object: ...
    @property
    def host_id(self) -> object: ...
    @property
    def recommend(self) -> object: ...


def _text(value: object) -> str | None:
    """The body's value if the server sent a non-empty string, else ``None`` (UNSET included)."""
    return value if isinstance(value, str) and value else None


def _json_or_text(value: object) -> object:
    """``value`` decoded when it is the text of a JSON object or array, else the text itself (``None``: none).

    The service sends ``AccessDeniedDetail`` as an object (``{"AuthAction": ..., "NoPermissionType": ...}``);
    the decoders hand a structured value over as its JSON text, and some services send plain text ("无").
    """
    text = _text(value)
    if text is None or text.lstrip()[:1] not in ("{", "["):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


_LINE_BUDGET = 400  # characters: str(error) stays a line a terminal or a log shows whole


class ApiError(FoasError):
    """The service answered with an error status.

    Attributes:
        status_code: the HTTP status, e.g. 403.
        code: the service's error Code (``Throttling.User``...), or ``None`` if the body had none.
        message, request_id, host_id, recommend: as the service sent them, or ``None``.
        description: the service's ``Description`` of the error, or ``None``.
        access_denied_detail: why RAM denied the call (``AccessDeniedDetail``): the decoded JSON (a
            dict such as ``{"AuthAction": "foas:GetRefPackageJob", "NoPermissionType": "ImplicitDeny", ...}``)
            when the service sent JSON, else its text; ``None`` when it sent none.
        body: the decoded error body, or ``None`` when the body was not an API error document.
        detail: why there is no body (empty, not an error document...), or ``None``.
        retry_after: seconds the server asked to wait: ``x-acs-retry-after`` (sent in milliseconds)
            when the answer carried it, else ``Retry-After``; ``None`` when neither was usable.
        acs_retry_after: seconds from ``x-acs-retry-after`` alone, or ``None``; an error carrying it is
            a ``ThrottlingError``, whatever its Code.

    ``str(error)`` is one line: status, Code, Message and RequestId, then the Description and the
    AccessDeniedDetail as far as a line of 400 characters allows (cut with ``...``).
    """

    def __init__(
        self,
        status_code: int,
        body: ErrorBody | None = None,
        *,
        detail: str | None = None,
        retry_after: float | None = None,
        acs_retry_after: float | None = None,
    ) -> None:
        self.status_code = status_code
        self.acs_retry_after = acs_retry_after
        self.retry_after = acs_retry_after if acs_retry_after is not None else retry_after
        self.body = body
        self.code = _text(body.code) if body is not None else None
        self.message = _text(body.message) if body is not None else None
        self.request_id = _text(body.request_id) if body is not None else None
        self.host_id = _text(body.host_id) if body is not None else None
        self.recommend = _text(body.recommend) if body is not None else None
        # getattr: a body of an older spec, or a caller's own, may not have these fields
        self.description = _text(getattr(body, "description", None))
        self.access_denied_detail = _json_or_text(getattr(body, "access_denied_detail", None))
        self.detail = detail
        super().__init__(self._one_line())

    def _one_line(self) -> str:
        parts = [f"HTTP {self.status_code}"]
        if self.code:
            parts.append(self.code)
        text = f"{' '.join(parts)}: {self.message or self.detail or 'no error message'}"
        if self.request_id:
            text += f" (RequestId {self.request_id})"
        text = " ".join(text.split())  # one line, whatever the server put in Message
        extras = []
        if self.description and self.description != self.message:  # the service often repeats the Message
            extras.append(f"Description: {self.description}")
        if self.access_denied_detail is not None:
            shown = self.access_denied_detail
            if not isinstance(shown, str):
                shown = json.dumps(shown, ensure_ascii=False, separators=(",", ":"))
            extras.append(f"AccessDeniedDetail: {shown}")
        if not extras:
            return text
        extra = " ".join(" ".join(extras).split())
        room = _LINE_BUDGET - len(text) - 3  # " - " between
        if room < 20:  # no room worth showing: the attributes still hold it all
            return text
        if len(extra) > room:
            extra = extra[: room - 3].rstrip() + "..."
        return f"{text} - {extra}"


class ThrottlingError(ApiError):
    """The service throttled the call (``Throttling*`` code, HTTP 429, or any error carrying
    ``x-acs-retry-after``); it is retried, after ``retry_after`` seconds when the service said."""


class AuthError(ApiError):
    """The signature, the AccessKey or the permission was refused (401/403 or an auth Code)."""


class NotFoundError(ApiError):
    """What the request names does not exist (404 or a ``*NotFound``/``*NotExist*`` Code)."""


class ServerError(ApiError):
    """The service failed (HTTP 5xx); it is retried."""


_AUTH_CODE_PREFIXES = (
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "InvalidSecurityToken",
    "Forbidden",
    "NoPermission",
)


def api_error_class(status_code: int, code: str | None, *, throttled: bool = False) -> type[ApiError]:
    """The most specific ``ApiError`` subclass for a status and an error Code.

    Throttling wins (Alibaba sends it as 400 too, and ``throttled``: the answer carried a usable
    ``x-acs-retry-after``, which makes any error throttling), then a 5xx status (the server failed,
    whatever the Code), then the Code where it is specific, then the status.
    """
    code = code or ""
    # Since aliyun/darabonba-openapi PR #283 and aliyun/aliyun-cli PR #1395 the official SDKs and CLI
    # take x-acs-retry-after, not the Code, as the sign of throttling.
    if throttled or code.startswith("Throttling") or status_code == 429:
        return ThrottlingError
    if status_code >= 500:  # whatever the Code says, the server failed: retryable
        return ServerError
    if code.startswith(_AUTH_CODE_PREFIXES) or status_code in (401, 403):
        return AuthError
    if code.endswith("NotFound") or "NotExist" in code or status_code == 404:
        return NotFoundError
    return ApiError


class DecodeError(FoasError, ValueError):
    """A body that cannot be decoded into the spec's model.

    Attributes:
        path: where in the document it failed, e.g. ``Jobs.Job[3].CreateTime`` ('' for the whole).
        status_code: the HTTP status of the response, when it came from one.
        content_type: the response's Content-Type, when it came from one.
    """

    def __init__(
        self, reason: str, *, path: str = "", status_code: int | None = None, content_type: str | None = None
    ) -> None:
        self.reason = reason
        self.path = path
        self.status_code = status_code
        self.content_type = content_type
        super().__init__(self._one_line())

    def _one_line(self) -> str:
        where = f" at {self.path}" if self.path else ""
        status = f"HTTP {self.status_code} " if self.status_code is not None else ""
        ctype = f" ({self.content_type})" if self.content_type else ""
        return " ".join(f"cannot decode {status}response{ctype}{where}: {self.reason}".split())


class UnsafeXmlError(DecodeError):
    """XML with a DTD, an entity declaration or an entity reference: refused without being resolved."""


class ResponseTooLargeError(DecodeError):
    """A response body larger than the client's ``max_response_bytes``: refused, not read further."""


class TransportError(FoasError):
    """The request did not complete: connection refused or reset, DNS, TLS, protocol error."""


class TimeoutError(TransportError, builtins.TimeoutError):
    """A connect, read, write or pool timeout expired (also a builtin ``TimeoutError``)."""


class PaginationError(FoasError):
    """The pages of a listing do not add up, so iterating stopped rather than loop or repeat an item.

    Raised for a page identical to the one before (the server ignored the page number), totals or
    page size that changed between pages (the listing changed while it was read: start again), a
    page other than the one asked for, more pages than ``max_pages``, or an operation the spec does
    not paginate.

    Attributes:
        operation_id: the operation being paged, e.g. ``GetRefPackageJob``.
        page: the page number at which it was detected, or ``None``.
        reason: what was wrong, without the operation and page.
    """

    def __init__(self, reason: str, *, operation_id: str, page: int | None = None) -> None:
        self.reason = reason
        self.operation_id = operation_id
        self.page = page
        where = f" page {page}" if page is not None else ""
        super().__init__(" ".join(f"{operation_id}{where}: {reason}".split()))


class CredentialsError(FoasError):
    """No usable AccessKey was found, or the one given is incomplete."""


class InvalidParameterError(FoasError, ValueError):
    """A request parameter the API cannot take (e.g. an empty path segment); nothing was sent."""


class InUseError(FoasError):
    """A guarded delete refused: the guard's listing, read right before the DELETE, holds items.

    Nothing was deleted (no DELETE was sent).

    Attributes:
        arguments: the path arguments of what was to be deleted, by wire name.
        noun: what the listing's items are (``job``).
        count: how many reference it, as the listing announced (else the items seen).
        first_ids: the ids of the first of them.
        request_ids: the RequestIds of the listing's pages read.
    """

    def __init__(
        self,
        arguments: dict[str, str],
        *,
        noun: str,
        count: int,
        first_ids: tuple[str, ...] = (),
        request_ids: tuple[str, ...] = (),
    ) -> None:
        self.arguments = arguments
        self.noun = noun
        self.count = count
        self.first_ids = first_ids
        self.request_ids = request_ids
        super().__init__(self._one_line())

    def _one_line(self) -> str:
        what = " ".join(f"{name} {value!r}" for name, value in self.arguments.items())
        count = f"{self.count} {self.noun}" + ("" if self.count == 1 else "s")
        first = ", ".join(self.first_ids)
        more = ", ..." if len(self.first_ids) < self.count else ""
        named = f" ({first}{more})" if first else ""
        verb = "references" if self.count == 1 else "reference"
        text = f"refused to delete {what}: {count} {verb} it{named}; nothing was deleted"
        return " ".join(text.split())
