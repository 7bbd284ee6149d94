"""A TLS failure is a ``TransportError`` from both clients, never a bare ``ssl.SSLError``.

Under TLS 1.3 a server that requires a client certificate refuses it only after the handshake, at
the first read; httpx's async transport then lets ``ssl.SSLError`` through unwrapped. The transports
here trust the test's CA but present no client certificate.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from foas_client import AsyncFoasClient, FoasClient
from foas_client.errors import TransportError
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, LoopbackFake
from tests.support.pki import Pki, make_pki


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(Path(tmp_path_factory.mktemp("pki")))


@pytest.fixture(scope="module")
def mtls(pki: Pki) -> Iterator[LoopbackFake]:
    with FakeFoasService.with_documented_jobs().serve(ssl_context=pki.server_context(require_client_cert=True)) as fake:
        yield fake


def test_sync_client_refused_by_the_server_raises_transport_error(mtls: LoopbackFake, pki: Pki) -> None:
    transport = httpx.HTTPTransport(verify=pki.client_context())
    with (
        FoasClient(endpoint=mtls.base_url, credentials=TEST_CREDENTIALS, transport=transport, max_attempts=1) as client,
        pytest.raises(TransportError) as raised,
    ):
        client.get_ref_package_job("project1", "package1.jar")
    assert "\n" not in str(raised.value)


def test_async_client_refused_by_the_server_raises_transport_error(mtls: LoopbackFake, pki: Pki) -> None:
    async def run() -> None:
        transport = httpx.AsyncHTTPTransport(verify=pki.client_context())
        async with AsyncFoasClient(
            endpoint=mtls.base_url, credentials=TEST_CREDENTIALS, transport=transport, max_attempts=1
        ) as client:
            await client.get_ref_package_job("project1", "package1.jar")

    # SSLError (the alert was read) or ReadError (the connection closed first), by the timing of the
    # two: several calls, so that the unwrapped case is met.
    for _ in range(8):
        with pytest.raises(TransportError, match=r"^(SSLError: .*CERTIFICATE_REQUIRED|ReadError: )") as raised:
            asyncio.run(run())
        assert "\n" not in str(raised.value)
