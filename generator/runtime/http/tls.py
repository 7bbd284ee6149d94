"""The TLS contexts clients verify servers with: made once per distinct setting, not once per client.

httpx builds a fresh context for every client, loading certifi's CA certificates (about 35 ms of
CPU each time); the clients of one process share one per setting instead: the default (certifi's
store, or ``SSL_CERT_DIR``'s), and one per CA bundle and client certificate, keyed by the files'
paths, sizes and modification times so that a file rewritten in place is read again. An
``http://`` endpoint with no proxy makes no TLS connection at all: its client gets a context that
verifies as strictly but trusts no certificate, which costs nothing and would fail closed if TLS
were ever asked of it.
"""

from __future__ import annotations

import functools
import os
import ssl
from urllib.request import getproxies

import httpx

__all__ = ["FileStamp", "may_use_tls", "tls_context"]

# (path, size, mtime in ns): a file as it is now, so that a cached context is never one of an older file
FileStamp = tuple[str, int, int]


@functools.cache
def _trusting_nothing() -> ssl.SSLContext:
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # hostname checked, certificate required, no CA loaded


def _no_password() -> str:
    # Without a callback, OpenSSL would ask for an encrypted key's passphrase on the terminal.
    return ""


@functools.lru_cache(maxsize=32)
def _context(ca: FileStamp | bool, cert: tuple[FileStamp, FileStamp | None] | None, trust_env: bool) -> ssl.SSLContext:
    if ca is True:
        context = httpx.create_ssl_context(trust_env=trust_env)  # certifi's store, or $SSL_CERT_DIR's
    elif ca is False:
        context = httpx.create_ssl_context(verify=False)
    elif os.path.isdir(ca[0]):
        context = ssl.create_default_context(capath=ca[0])
    else:
        context = ssl.create_default_context(cafile=ca[0])
    if cert is not None:
        certfile, keyfile = cert
        context.load_cert_chain(certfile[0], keyfile[0] if keyfile else None, password=_no_password)
    return context


def may_use_tls(endpoint: str, *, trust_env: bool, proxy: bool) -> bool:
    """Whether a client of ``endpoint`` may ever make a TLS connection: an ``https://`` endpoint, or a
    proxy (given, or the environment's when ``trust_env``), which may be ``https://`` itself."""
    return not endpoint.startswith("http://") or proxy or bool(trust_env and getproxies())


def tls_context(
    endpoint: str,
    *,
    ca: FileStamp | bool = True,
    cert: tuple[FileStamp, FileStamp | None] | None = None,
    trust_env: bool = True,
    proxy: bool = False,
) -> ssl.SSLContext:
    """The context for a client of ``endpoint`` (a checked http(s) base URL).

    Args:
        endpoint: the base URL.
        ca: ``True``: the default store; ``False``: verify nothing; a stamped CA file or directory.
        cert: the client certificate and its key (``None``: the key is in the certificate's file).
        trust_env: whether ``SSL_CERT_DIR`` and the environment's proxies count.
        proxy: whether a proxy was given (it may be ``https://``, so TLS may be needed for ``http://``).

    Raises:
        ssl.SSLError, OSError: a file is not what it should be (read here, when the client is made).
    """
    if not may_use_tls(endpoint, trust_env=trust_env, proxy=proxy):
        return _trusting_nothing()
    return _context(ca, cert, trust_env)
