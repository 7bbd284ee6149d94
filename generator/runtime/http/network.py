"""The clients' network settings (proxy, TLS verification, client certificate, pool limits, the
environment), checked when a client is made and turned into httpx's arguments.

Every refusal is an ``InvalidParameterError`` naming the argument (or the environment variable) it
comes from. A proxy URL may carry a password: it never appears in a message or a repr.
"""

from __future__ import annotations

import math
import os
import ssl
from typing import Any

import attrs
import httpx

from ..errors import InvalidParameterError
from .tls import FileStamp, may_use_tls, tls_context

__all__ = ["ENV_CA_BUNDLE", "ENV_SSL_CERT_FILE", "CertTypes", "Network", "ProxyTypes", "VerifyTypes"]

ENV_CA_BUNDLE = "ALIBABA_CLOUD_CA_BUNDLE"  # the official SDKs' CA bundle variable
ENV_SSL_CERT_FILE = "SSL_CERT_FILE"  # OpenSSL's, which httpx and requests honour too

_Path = str | os.PathLike[str]
VerifyTypes = bool | _Path  # True: the default store (or the CA variables); False: no verification
CertTypes = _Path | tuple[_Path, _Path]  # one PEM file with the key, or (certificate, key)
ProxyTypes = str | httpx.Proxy
_PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")


def _stamp(path: str, where: str) -> FileStamp:
    try:
        status = os.stat(path)
    except OSError as exc:
        raise InvalidParameterError(f"{where}: cannot read {path!r}: {exc.strerror or type(exc).__name__}") from None
    return (path, status.st_size, status.st_mtime_ns)


def _path(value: object, where: str) -> str:
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str) or not value:
        raise InvalidParameterError(f"{where}: expected a file path, got {type(value).__name__}")
    return value


def _proxy_url(proxy: object) -> tuple[httpx.Proxy, str]:
    """The proxy and how to show it (its scheme, host and port, never its user info)."""
    if isinstance(proxy, httpx.Proxy):
        url = proxy.url
    elif isinstance(proxy, str):
        try:
            url = httpx.URL(proxy)
            url.port  # noqa: B018 - an out-of-range port raises only when read
        except (httpx.InvalidURL, ValueError, TypeError):
            raise InvalidParameterError("proxy: not a URL" + ("" if "@" in proxy else f": {proxy!r}")) from None
    else:
        raise InvalidParameterError(f"proxy: expected a URL string or an httpx.Proxy, got {type(proxy).__name__}")
    shown = f"{url.scheme}://{url.host}" + (f":{url.port}" if url.port is not None else "")
    if url.port is not None and not 0 < url.port < 65536:
        raise InvalidParameterError(f"proxy: port {url.port} is out of range in {shown!r}")
    if url.scheme not in _PROXY_SCHEMES or not url.host:
        raise InvalidParameterError(f"proxy: expected an http://, https:// or socks5:// URL with a host, got {shown!r}")
    return (proxy if isinstance(proxy, httpx.Proxy) else httpx.Proxy(url)), shown


def _check_limits(limits: object) -> httpx.Limits:
    if not isinstance(limits, httpx.Limits):
        raise InvalidParameterError(f"limits: expected an httpx.Limits, got {type(limits).__name__}")
    for name, least in (("max_connections", 1), ("max_keepalive_connections", 0)):
        value = getattr(limits, name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < least):
            raise InvalidParameterError(f"limits: {name} must be an integer of at least {least} or None, got {value!r}")
    expiry = limits.keepalive_expiry
    if expiry is not None and (
        isinstance(expiry, bool) or not isinstance(expiry, (int, float)) or not (math.isfinite(expiry) and expiry >= 0)
    ):
        raise InvalidParameterError(f"limits: keepalive_expiry must be seconds (0 or more) or None, got {expiry!r}")
    return limits


@attrs.frozen
class Network:
    """The checked network settings of one client.

    Attributes:
        ca: ``True`` (the default store), ``False`` (no verification) or the CA bundle's path.
        ca_source: where ``ca`` came from: ``"verify"``, ``$ALIBABA_CLOUD_CA_BUNDLE``, ``$SSL_CERT_FILE``
            or ``"default"``.
        proxy: the proxy's scheme, host and port (never its user info), or ``None``.
        limits: the connection pool's limits (``None``: httpx's).
        trust_env: whether the environment's proxies and CA variables count.
    """

    ca: bool | str
    ca_source: str
    proxy: str | None
    limits: httpx.Limits | None
    trust_env: bool
    _ca_stamp: FileStamp | bool = attrs.field(repr=False)
    _cert: tuple[FileStamp, FileStamp | None] | None = attrs.field(repr=False)
    _proxy_object: httpx.Proxy | None = attrs.field(repr=False)

    @classmethod
    def resolve(
        cls,
        *,
        proxy: ProxyTypes | None,
        verify: VerifyTypes,
        cert: CertTypes | None,
        limits: httpx.Limits | None,
        trust_env: bool,
        transport: object,
        endpoint: str = "https://",
    ) -> Network:
        """Check the arguments and read the environment (``ALIBABA_CLOUD_CA_BUNDLE``, then ``SSL_CERT_FILE``,
        when ``verify`` is ``True`` and ``trust_env`` is set), for a client of ``endpoint``.

        Raises:
            InvalidParameterError: naming the argument or the variable; e.g. a CA path that does not exist.
        """
        if not isinstance(trust_env, bool):
            raise InvalidParameterError(f"trust_env must be True or False, got {trust_env!r}")
        proxied, shown = _proxy_url(proxy) if proxy is not None else (None, None)
        if proxied is not None and transport is not None:
            # httpx would send through the proxy and never use the transport: say so rather than surprise.
            raise InvalidParameterError("proxy: a transport replaces the network; give proxy or transport, not both")
        ca: bool | str
        if isinstance(verify, bool):
            ca, source = verify, "verify" if verify is False else "default"
            if verify and trust_env:
                for name in (ENV_CA_BUNDLE, ENV_SSL_CERT_FILE):
                    if value := os.environ.get(name):
                        ca, source = value, f"${name}"
                        break
        else:
            ca, source = _path(verify, "verify"), "verify"
        stamp: FileStamp | bool = ca if isinstance(ca, bool) else _stamp(ca, source)
        certs: tuple[FileStamp, FileStamp | None] | None = None
        if cert is not None:
            if isinstance(cert, tuple):
                if len(cert) != 2:
                    raise InvalidParameterError("cert: expected a file path or a (certificate, key) pair of paths")
                certs = (_stamp(_path(cert[0], "cert"), "cert"), _stamp(_path(cert[1], "cert"), "cert"))
            else:
                certs = (_stamp(_path(cert, "cert"), "cert"), None)
        network = cls(
            ca=ca,
            ca_source=source,
            proxy=shown,
            limits=None if limits is None else _check_limits(limits),
            trust_env=trust_env,
            ca_stamp=stamp,
            cert=certs,
            proxy_object=proxied,
        )
        network._load(tls=may_use_tls(endpoint, trust_env=trust_env, proxy=proxied is not None))
        return network

    def _load(self, *, tls: bool) -> None:
        """Read the CA bundle and the certificate now, so that a wrong file fails the constructor.

        The default store is not read here: a client of an ``http://`` endpoint never needs it. Nor,
        for such a client (``tls`` false), is a CA bundle that the environment names rather than the
        caller (``$SSL_CERT_FILE`` is set machine-wide on many hosts): it would never be used, and
        reading one costs tens of ms. Its file was found and stamped all the same.
        """
        steps: list[tuple[str, tuple[FileStamp, FileStamp | None] | None]] = []
        if self._ca_stamp is not True and (tls or not self.ca_source.startswith("$")):
            steps.append((self.ca_source, None))  # the CA alone first, so that a failure names the right file
        if self._cert is not None:
            steps.append(("cert", self._cert))
        for where, cert in steps:
            try:
                tls_context("https://", ca=self._ca_stamp, cert=cert, trust_env=self.trust_env)
            except (ssl.SSLError, OSError, ValueError) as exc:
                reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or type(exc).__name__
                what = "a PEM certificate and its unencrypted key" if where == "cert" else "PEM CA certificates"
                raise InvalidParameterError(f"{where}: the file does not hold {what} ({reason})") from None

    def ssl_context(self, endpoint: str) -> ssl.SSLContext:
        """The TLS context for a client of ``endpoint``: shared with every client of the same settings."""
        return tls_context(
            endpoint, ca=self._ca_stamp, cert=self._cert, trust_env=self.trust_env, proxy=self._proxy_object is not None
        )

    def httpx_args(self) -> dict[str, Any]:
        """The httpx client arguments these settings give (besides ``verify``: see ``ssl_context``)."""
        args: dict[str, Any] = {"trust_env": self.trust_env}
        if self._proxy_object is not None:
            args["proxy"] = self._proxy_object
        if self.limits is not None:
            args["limits"] = self.limits
        return args
