"""The TLS context a client verifies servers with: made once per process, not once per client.

httpx builds a fresh context for every client, loading certifi's CA certificates (about 35 ms of
CPU each time); the clients of one process share one instead (``SSL_CERT_FILE``/``SSL_CERT_DIR``
are read when the first client is made, as httpx reads them). An ``http://`` endpoint with no proxy
in the environment makes no TLS connection at all: its client gets a context that verifies as
strictly but trusts no certificate, which costs nothing and would fail closed if TLS were ever asked of it.
"""

from __future__ import annotations

import functools
import ssl
from urllib.request import getproxies

import httpx

__all__ = ["tls_context"]


@functools.cache
def _verifying() -> ssl.SSLContext:
    return httpx.create_ssl_context()


@functools.cache
def _trusting_nothing() -> ssl.SSLContext:
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # hostname checked, certificate required, no CA loaded


def tls_context(endpoint: str) -> ssl.SSLContext:
    """The context for a client of ``endpoint`` (a checked http(s) base URL)."""
    if endpoint.startswith("http://") and not getproxies():
        return _trusting_nothing()
    return _verifying()
