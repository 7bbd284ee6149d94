"""AccessKey credentials: an immutable value, a provider protocol for refreshed ones, and the default chain.

Resolution order of ``default_credentials``: explicit → environment → the official chain of the optional
PyPI package ``alibabacloud-credentials``, imported only when needed. We delegate to that package
rather than reimplement its providers (CLI profiles, OIDC, ECS RAM role, credentials URI...): it is the
vendor's maintained chain and refreshes STS tokens itself.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Mapping
from typing import Any, Protocol

import attrs

from .errors import CredentialsError

__all__ = [
    "ENV_ACCESS_KEY_ID",
    "ENV_ACCESS_KEY_SECRET",
    "ENV_SECURITY_TOKEN",
    "AsyncCredentialsProvider",
    "Credentials",
    "CredentialsProvider",
    "OfficialChainProvider",
    "credential_problem",
    "credentials_of",
    "credentials_of_async",
    "default_credentials",
    "ensure_usable",
    "environment_secrets",
]

ENV_ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID"
ENV_ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET"
ENV_SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN"


def _redacted(value: object) -> str:
    return "None" if value is None else "'***'"


def environment_secrets() -> list[str]:
    """The secret and the STS token the environment holds (each of 4 characters or more): what any text this
    package writes (a line on stderr, an evidence record) is masked against, belt and braces."""
    return [
        value for name in (ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN) if len(value := os.environ.get(name, "")) >= 4
    ]


# Visible ASCII only: the id and the token travel in HTTP headers, where a line break, a control or a
# non-ASCII character cannot go, and a space at either end is dropped by the server (the signature then
# fails); the secret is keyed into the HMAC the same way. Such characters are always a mistake: the
# newline ending a file a token was read from, a value pasted with its surroundings.
_USABLE = re.compile(r"[\x21-\x7e]+")


def credential_problem(value: object) -> str | None:
    """Why ``value`` cannot be an AccessKey id, secret or STS token, in words that never quote it.

    Returns:
        ``None`` when ``value`` is a non-empty string of visible ASCII characters; otherwise the problem,
        e.g. ``"holds a line break (CR or LF) ..."``, naming the kind of character, never the character,
        its neighbours or its position.
    """
    if not isinstance(value, str) or not value:
        return "must be a non-empty string"
    if _USABLE.fullmatch(value):
        return None
    if "\r" in value or "\n" in value:
        kind = "a line break (CR or LF; a value read from a file often ends with one)"
    elif " " in value or "\t" in value:
        kind = "a space or a tab"
    elif any(char < " " or char == "\x7f" for char in value):
        kind = "a control character"
    else:
        kind = "a non-ASCII character"
    return f"holds {kind}: only visible ASCII characters can be signed and sent"


def _usable(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = credential_problem(value)
    if problem is not None:
        raise CredentialsError(f"{attribute.name} {problem}")  # the field's name, never its value


def _optional_usable(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _usable(instance, attribute, value)


class CredentialsProvider(Protocol):
    """Anything that hands out the credentials to sign the next request with.

    ``get_credentials`` is called once per request (each retry included), so a provider may refresh
    STS credentials between calls. It raises ``CredentialsError`` when it has none.
    """

    def get_credentials(self) -> Credentials: ...


class AsyncCredentialsProvider(Protocol):
    """A provider the async client awaits: ``get_credentials_async`` is awaited once per request.

    A provider may have both methods: the async client then awaits ``get_credentials_async`` and never
    calls ``get_credentials``; the sync client calls ``get_credentials`` and never awaits. One with only
    ``get_credentials_async`` serves the async client alone.
    """

    async def get_credentials_async(self) -> Credentials: ...


@attrs.frozen
class Credentials:
    """An AccessKey pair, with the token of STS credentials; the secret and token are redacted in repr/str.

    Also a ``CredentialsProvider`` that always returns itself.

    Raises:
        CredentialsError: ``access_key_id`` or ``access_key_secret`` is empty or not a string, or
            ``security_token`` is an empty string; or one of them holds anything but visible ASCII
            characters (a line break, a space, a control or a non-ASCII character). The message names
            the field and the problem, never the value.
    """

    access_key_id: str = attrs.field(validator=_usable)
    access_key_secret: str = attrs.field(validator=_usable, repr=_redacted)
    security_token: str | None = attrs.field(default=None, validator=_optional_usable, repr=_redacted)

    def get_credentials(self) -> Credentials:
        """These credentials (static credentials never change)."""
        return self

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Credentials:
        """Credentials from ``ALIBABA_CLOUD_ACCESS_KEY_ID``, ``..._ACCESS_KEY_SECRET`` and ``..._SECURITY_TOKEN``.

        Args:
            environ: where to read the variables; ``os.environ`` when ``None``. An empty
                ``ALIBABA_CLOUD_SECURITY_TOKEN`` counts as absent.

        Raises:
            CredentialsError: the id or the secret is missing or empty; the message names the variable.
        """
        env = os.environ if environ is None else environ
        for name in (ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET):
            if not env.get(name):
                raise CredentialsError(f"environment variable {name} is not set or empty")
        return cls(env[ENV_ACCESS_KEY_ID], env[ENV_ACCESS_KEY_SECRET], env.get(ENV_SECURITY_TOKEN) or None)


def ensure_usable(credentials: Credentials) -> None:
    """Check what a provider returned before it is signed with: the rules ``Credentials`` applies when made.

    For a provider that returns another object with the same attributes, or one made without the checks.

    Raises:
        CredentialsError: the first field that ``credential_problem`` refuses, named with the problem,
            never with its value.
    """
    for name in ("access_key_id", "access_key_secret", "security_token"):
        value = getattr(credentials, name, None)
        if value is None and name == "security_token":  # optional: only STS credentials have one
            continue
        problem = credential_problem(value)
        if problem is not None:
            raise CredentialsError(f"the credentials provider returned unusable credentials: {name} {problem}")


class OfficialChainProvider:
    """Credentials from the default chain of ``alibabacloud-credentials`` (its ``Client().get_credential()``).

    Each ``get_credentials`` call asks the chain, which caches and refreshes STS credentials itself.
    The sync client calls the chain's blocking ``get_credential()``; the async client awaits its
    ``get_credential_async()`` (``get_credentials_async``), so a refresh (e.g. from the ECS metadata
    service) does not block the event loop.

    Args:
        client: an object with ``get_credential()`` and/or ``async get_credential_async()``, returning
            something with ``access_key_id``, ``access_key_secret`` and ``security_token`` attributes;
            by default a new ``alibabacloud_credentials.client.Client()``, which has both.

    Raises:
        CredentialsError: ``alibabacloud-credentials`` is not installed (when ``client`` is ``None``).
    """

    def __init__(self, client: Any = None) -> None:
        if client is None:
            try:
                module = importlib.import_module("alibabacloud_credentials.client")
            except ImportError:
                raise CredentialsError(
                    "the package alibabacloud-credentials is not installed; "
                    "install it for the official credentials chain"
                ) from None
            client = module.Client()
        self._client = client

    def __repr__(self) -> str:
        return f"{type(self).__name__}(client={type(self._client).__name__})"

    def get_credentials(self) -> Credentials:
        """The chain's current credentials, from its blocking ``get_credential()``.

        Raises:
            CredentialsError: the chain found none, gave no AccessKey (e.g. a bearer token), or has
                only ``get_credential_async`` (then only the async client can use it).
        """
        get = getattr(self._client, "get_credential", None)
        if get is None:
            raise CredentialsError(
                f"the credentials client {type(self._client).__name__} has only get_credential_async: "
                "use it with the async client"
            )
        try:
            model = get()
        except Exception as exc:
            raise self._failed(exc) from exc
        return self._credentials(model)

    async def get_credentials_async(self) -> Credentials:
        """The chain's current credentials, awaited from its ``get_credential_async()`` when it has one
        (a refresh then does not block the event loop), else from ``get_credential()``.

        Raises:
            CredentialsError: as ``get_credentials``.
        """
        get = getattr(self._client, "get_credential_async", None)
        if get is None:
            return self.get_credentials()
        try:
            model = await get()
        except Exception as exc:
            raise self._failed(exc) from exc
        return self._credentials(model)

    @staticmethod
    def _failed(exc: Exception) -> CredentialsError:
        # Our own message: the chain's may quote a credentials endpoint's answer. The cause stays
        # attached for a traceback.
        return CredentialsError(
            f"the alibabacloud-credentials chain found no usable credentials ({type(exc).__name__}); "
            f"set {ENV_ACCESS_KEY_ID} and {ENV_ACCESS_KEY_SECRET} or configure the chain"
        )

    @staticmethod
    def _credentials(model: Any) -> Credentials:
        key_id = getattr(model, "access_key_id", None)
        secret = getattr(model, "access_key_secret", None)
        if not key_id or not secret:
            raise CredentialsError("the alibabacloud-credentials chain gave no AccessKey id and secret")
        return Credentials(key_id, secret, getattr(model, "security_token", None) or None)


def credentials_of(provider: CredentialsProvider | AsyncCredentialsProvider) -> Credentials:
    """The credentials to sign one request with, asked of ``provider`` without awaiting, and checked.

    Raises:
        CredentialsError: the provider has none, returned unusable ones (see ``ensure_usable``), or has
            only ``get_credentials_async``.
    """
    if type(provider) is Credentials:  # static: checked when made, frozen since
        return provider
    get = getattr(provider, "get_credentials", None)
    if get is None:
        raise CredentialsError(
            f"the credentials provider {type(provider).__name__} has only get_credentials_async: "
            "use it with the async client"
        )
    credentials: Credentials = get()
    ensure_usable(credentials)  # a line break in a header would otherwise go out, or print the value
    return credentials


async def credentials_of_async(provider: CredentialsProvider | AsyncCredentialsProvider) -> Credentials:
    """As ``credentials_of``, but awaiting the provider's ``get_credentials_async`` when it has one."""
    get = getattr(provider, "get_credentials_async", None)
    if get is None or type(provider) is Credentials:
        return credentials_of(provider)
    credentials: Credentials = await get()
    ensure_usable(credentials)
    return credentials


def default_credentials(
    explicit: CredentialsProvider | AsyncCredentialsProvider | None = None, *, environ: Mapping[str, str] | None = None
) -> CredentialsProvider | AsyncCredentialsProvider:
    """The credentials to sign with: ``explicit`` if given, else the environment, else the official chain.

    The environment is used as soon as ``ALIBABA_CLOUD_ACCESS_KEY_ID`` or ``..._SECRET`` is set (a half-set
    pair is an error, not a reason to look elsewhere). The official chain is tried only if
    ``alibabacloud-credentials`` is installed, and is asked once here so that a missing credential
    fails now rather than at the first request.

    Args:
        explicit: ``Credentials``, any ``CredentialsProvider`` or ``AsyncCredentialsProvider``; returned as is.
        environ: where to read the variables; ``os.environ`` when ``None``.

    Raises:
        CredentialsError: no source has credentials; the message says which variables to set.
    """
    if explicit is not None:
        return explicit
    env = os.environ if environ is None else environ
    if env.get(ENV_ACCESS_KEY_ID) or env.get(ENV_ACCESS_KEY_SECRET):
        return Credentials.from_env(env)
    try:
        provider = OfficialChainProvider()
    except CredentialsError:
        raise CredentialsError(
            f"no credentials: pass them explicitly, set {ENV_ACCESS_KEY_ID} and {ENV_ACCESS_KEY_SECRET}, "
            "or install alibabacloud-credentials for its provider chain"
        ) from None
    provider.get_credentials()
    return provider
