"""The fake over HTTPS: ``serve(ssl_context=...)`` serves the same answers over TLS on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from foas_client.testing import FakeFoasService
from tests.support.pki import make_pki


def test_serve_with_an_ssl_context_is_https_with_that_certificate(tmp_path: Path) -> None:
    pki = make_pki(tmp_path)
    with FakeFoasService.with_documented_jobs().serve(ssl_context=pki.server_context()) as fake:
        assert fake.base_url.startswith("https://127.0.0.1:")
        with httpx.Client(verify=pki.client_context()) as http:
            answer = http.get(f"{fake.base_url}/")
        assert answer.status_code >= 400  # an unsigned request: the fake's error, over TLS
        with httpx.Client(verify=True) as http, pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            http.get(f"{fake.base_url}/")
        with httpx.Client(verify=pki.client_context()) as http:  # a refused handshake did not stop the server
            assert http.get(f"{fake.base_url}/").status_code >= 400


def test_serve_without_an_ssl_context_is_plain_http() -> None:
    with FakeFoasService.with_documented_jobs().serve() as fake:
        assert fake.base_url.startswith("http://127.0.0.1:")
