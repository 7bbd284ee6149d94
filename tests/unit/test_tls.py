"""The TLS context of the clients: verifying for https, made once per process; free for a plain-http endpoint."""

from __future__ import annotations

import ssl

import pytest

from foas_client._core.http.tls import tls_context


def test_https_endpoints_share_one_verifying_context() -> None:
    context = tls_context("https://foas.cn-hangzhou.aliyuncs.com")
    assert context is tls_context("https://foas.aliyuncs.com")  # CA certificates loaded once per process
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.cert_store_stats()["x509_ca"] > 0


def test_a_plain_http_endpoint_loads_no_certificate_and_would_fail_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    context = tls_context("http://127.0.0.1:8080")
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.cert_store_stats()["x509_ca"] == 0  # trusts nothing: any TLS it were asked for fails


def test_a_proxy_in_the_environment_gets_the_verifying_context(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "https://proxy.example:3128")  # TLS to the proxy must verify
    assert tls_context("http://127.0.0.1:8080") is tls_context("https://foas.aliyuncs.com")
