"""The network settings (proxy, verify, cert, limits, trust_env) over real HTTPS on 127.0.0.1.

A CA is made here (trustme), with a certificate for 127.0.0.1 that the HTTPS fake serves, and a
client certificate for the fake that asks for one. The CONNECT proxy of ``tests/support`` is a real
forward proxy: each connection a client opens through it is one ``CONNECT`` it records, so the tests
of the pool limits count connections there. Both clients and the ``foas`` command are driven.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from foas_client import AsyncFoasClient, FoasClient
from foas_client._cli import ExitCode, main
from foas_client._core.credentials import ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN
from foas_client.errors import InvalidParameterError, TransportError
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, LoopbackFake, documented_page
from tests.support.connect_proxy import ConnectProxy
from tests.support.pki import Pki, make_pki

PROJECT, PACKAGE = "project1", "package1.jar"
DOCUMENTED = ("--project-name", PROJECT, "--package-name", PACKAGE)
DOCUMENTED_JOBS = documented_page().jobs.job
# Every variable that could point a client at another CA store or a proxy: cleared for each test.
ENVIRONMENT = (
    "ALIBABA_CLOUD_CA_BUNDLE",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    *(f"{name}{suffix}" for name in ("HTTP", "HTTPS", "ALL", "NO") for suffix in ("_PROXY", "_proxy")),
    *(f"{name}_proxy" for name in ("http", "https", "all", "no")),
)
ENVIRONMENT = tuple(dict.fromkeys(ENVIRONMENT))


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(ENV_ACCESS_KEY_ID, TEST_CREDENTIALS.access_key_id)
    monkeypatch.setenv(ENV_ACCESS_KEY_SECRET, TEST_CREDENTIALS.access_key_secret)
    monkeypatch.delenv(ENV_SECURITY_TOKEN, raising=False)
    return monkeypatch


@pytest.fixture(scope="module")
def https(pki: Pki) -> Iterator[LoopbackFake]:
    with FakeFoasService.with_documented_jobs().serve(ssl_context=pki.server_context()) as fake:
        yield fake


@pytest.fixture(scope="module")
def mtls(pki: Pki) -> Iterator[LoopbackFake]:
    """The fake that refuses a client without a certificate its CA issued."""
    service = FakeFoasService.with_documented_jobs()
    with service.serve(ssl_context=pki.server_context(require_client_cert=True)) as fake:
        yield fake


@pytest.fixture
def proxy() -> Iterator[ConnectProxy]:
    with ConnectProxy() as proxy:
        yield proxy


def port(fake: LoopbackFake) -> str:
    return fake.base_url.rpartition(":")[2]


def job_names_sync(endpoint: str, **settings: object) -> list[str]:
    with FoasClient(endpoint=endpoint, max_attempts=1, **settings) as client:  # type: ignore[arg-type]
        return [job.job_name for job in client.get_ref_package_job(PROJECT, PACKAGE).jobs.job]


def job_names_async(endpoint: str, **settings: object) -> list[str]:
    async def run() -> list[str]:
        async with AsyncFoasClient(endpoint=endpoint, max_attempts=1, **settings) as client:  # type: ignore[arg-type]
            return [job.job_name for job in (await client.get_ref_package_job(PROJECT, PACKAGE)).jobs.job]

    return asyncio.run(run())


CALLS = {"sync": job_names_sync, "async": job_names_async}
both = pytest.mark.parametrize("call", list(CALLS.values()), ids=list(CALLS))


# --- verify ----------------------------------------------------------------------------------------


def test_the_fake_serves_https_with_the_ca_of_the_test(https: LoopbackFake) -> None:
    assert https.base_url.startswith("https://127.0.0.1:")


@both
@pytest.mark.parametrize("kind", [str, Path])
def test_verify_with_a_ca_bundle_path(call, kind: type, https: LoopbackFake, pki: Pki) -> None:  # type: ignore[no-untyped-def]
    assert call(https.base_url, verify=kind(pki.ca)) == [job.job_name for job in DOCUMENTED_JOBS]


@both
def test_verify_false_accepts_any_certificate(call, https: LoopbackFake) -> None:  # type: ignore[no-untyped-def]
    assert call(https.base_url, verify=False)


@both
@pytest.mark.parametrize("variable", ["ALIBABA_CLOUD_CA_BUNDLE", "SSL_CERT_FILE"])
def test_the_ca_bundle_variables_are_honoured(  # type: ignore[no-untyped-def]
    call, variable: str, https: LoopbackFake, pki: Pki, environment: pytest.MonkeyPatch
) -> None:
    environment.setenv(variable, str(pki.ca))
    assert call(https.base_url)


def test_alibaba_cloud_ca_bundle_wins_over_ssl_cert_file(
    https: LoopbackFake, pki: Pki, environment: pytest.MonkeyPatch
) -> None:
    environment.setenv("ALIBABA_CLOUD_CA_BUNDLE", str(pki.ca))
    environment.setenv("SSL_CERT_FILE", str(pki.other_ca))
    assert job_names_sync(https.base_url)
    with FoasClient(endpoint=https.base_url) as client:
        assert (client.settings.network.ca, client.settings.network.ca_source) == (
            str(pki.ca),
            "$ALIBABA_CLOUD_CA_BUNDLE",
        )


def test_an_explicit_verify_path_wins_over_the_variables(
    https: LoopbackFake, pki: Pki, environment: pytest.MonkeyPatch
) -> None:
    environment.setenv("ALIBABA_CLOUD_CA_BUNDLE", str(pki.other_ca))
    assert job_names_sync(https.base_url, verify=str(pki.ca))


@both
@pytest.mark.parametrize("store", ["default", "other CA", "other CA from the environment"])
def test_a_server_the_ca_did_not_sign_is_a_one_line_transport_error(  # type: ignore[no-untyped-def]
    call, store: str, https: LoopbackFake, pki: Pki, environment: pytest.MonkeyPatch
) -> None:
    settings: dict[str, object] = {"verify": str(pki.other_ca)} if store == "other CA" else {}
    if store == "other CA from the environment":
        environment.setenv("ALIBABA_CLOUD_CA_BUNDLE", str(pki.other_ca))
    with pytest.raises(TransportError) as raised:
        call(https.base_url, **settings)
    assert "CERTIFICATE_VERIFY_FAILED" in str(raised.value)
    assert "\n" not in str(raised.value)


@both
def test_trust_env_false_ignores_the_ca_variables(  # type: ignore[no-untyped-def]
    call, https: LoopbackFake, pki: Pki, environment: pytest.MonkeyPatch
) -> None:
    environment.setenv("ALIBABA_CLOUD_CA_BUNDLE", str(pki.ca))
    with pytest.raises(TransportError, match="CERTIFICATE_VERIFY_FAILED"):
        call(https.base_url, trust_env=False)


def test_clients_of_one_setting_share_one_tls_context(https: LoopbackFake, pki: Pki) -> None:
    with (
        FoasClient(endpoint=https.base_url, verify=str(pki.ca)) as one,
        FoasClient(endpoint="https://foas.aliyuncs.com", verify=str(pki.ca)) as two,
    ):
        assert one.settings.network.ssl_context(one.settings.endpoint) is two.settings.network.ssl_context(
            two.settings.endpoint
        )


# --- cert ------------------------------------------------------------------------------------------


@both
@pytest.mark.parametrize("form", ["one file", "pair"])
def test_cert_sends_the_client_certificate_the_server_requires(  # type: ignore[no-untyped-def]
    call, form: str, mtls: LoopbackFake, pki: Pki
) -> None:
    cert = str(pki.client_pem) if form == "one file" else (str(pki.client_cert), str(pki.client_key))
    assert call(mtls.base_url, verify=str(pki.ca), cert=cert)


@both
def test_without_the_client_certificate_the_server_refuses(call, mtls: LoopbackFake, pki: Pki) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TransportError):
        call(mtls.base_url, verify=str(pki.ca))


# --- proxy -----------------------------------------------------------------------------------------


@both
def test_proxy_tunnels_https_with_connect(call, https: LoopbackFake, pki: Pki, proxy: ConnectProxy) -> None:  # type: ignore[no-untyped-def]
    assert call(https.base_url, verify=str(pki.ca), proxy=proxy.url)
    assert proxy.connects == [f"127.0.0.1:{port(https)}"]


@both
def test_https_proxy_in_the_environment_is_used_unless_trust_env_is_false(  # type: ignore[no-untyped-def]
    call, https: LoopbackFake, pki: Pki, proxy: ConnectProxy, environment: pytest.MonkeyPatch
) -> None:
    environment.setenv("HTTPS_PROXY", proxy.url)
    assert call(https.base_url, verify=str(pki.ca))
    assert len(proxy.connects) == 1
    assert call(https.base_url, verify=str(pki.ca), trust_env=False)
    assert len(proxy.connects) == 1  # the second client went straight to the fake


def test_a_proxy_password_never_shows(https: LoopbackFake, pki: Pki, proxy: ConnectProxy) -> None:
    secret_url = proxy.url.replace("http://", "http://user:pr0xy-pa55@")
    with FoasClient(endpoint=https.base_url, verify=str(pki.ca), proxy=secret_url) as client:
        assert "pr0xy-pa55" not in repr(client.settings)
        assert client.settings.network.proxy == proxy.url
        client.get_ref_package_job(PROJECT, PACKAGE)
    assert proxy.connects == [f"127.0.0.1:{port(https)}"]


# --- limits: counted as connections through the proxy -------------------------------------------------


def connections(https: LoopbackFake, pki: Pki, proxy: ConnectProxy, calls: int, **settings: object) -> int:
    with FoasClient(endpoint=https.base_url, verify=str(pki.ca), proxy=proxy.url, **settings) as client:  # type: ignore[arg-type]
        for _ in range(calls):
            client.get_ref_package_job(PROJECT, PACKAGE)
    return len(proxy.connects)


def test_keep_alive_reuses_one_connection_by_default(https: LoopbackFake, pki: Pki, proxy: ConnectProxy) -> None:
    assert connections(https, pki, proxy, 3) == 1


@pytest.mark.parametrize(
    "limits",
    [httpx.Limits(max_keepalive_connections=0), httpx.Limits(keepalive_expiry=0)],
    ids=["no keep-alive connections", "keep-alive expires at once"],
)
def test_limits_without_keep_alive_open_a_connection_per_call(
    limits: httpx.Limits, https: LoopbackFake, pki: Pki, proxy: ConnectProxy
) -> None:
    assert connections(https, pki, proxy, 3, limits=limits) == 3


def test_max_connections_bounds_concurrent_calls(https: LoopbackFake, pki: Pki, proxy: ConnectProxy) -> None:
    async def run(limits: httpx.Limits | None) -> None:
        settings = {} if limits is None else {"limits": limits}
        async with AsyncFoasClient(endpoint=https.base_url, verify=str(pki.ca), proxy=proxy.url, **settings) as client:  # type: ignore[arg-type]
            await asyncio.gather(*(client.get_ref_package_job(PROJECT, PACKAGE) for _ in range(6)))

    asyncio.run(run(httpx.Limits(max_connections=1)))
    assert len(proxy.connects) == 1  # six calls at once, one after another on the one connection
    asyncio.run(run(None))
    assert len(proxy.connects) > 2  # without the limit, several connections opened at once


# --- checked at construction ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"proxy": "ftp://127.0.0.1:21"}, r"^proxy: expected an http://, https:// or socks5:// URL"),
        ({"proxy": "http://"}, r"^proxy: "),
        ({"proxy": 3128}, r"^proxy: expected a URL string or an httpx.Proxy, got int"),
        (
            {"proxy": "http://u:hunter2@127.0.0.1:99999"},
            r"^proxy: port 99999 is out of range in 'http://127.0.0.1:99999'$",
        ),
        ({"proxy": "http://u:hunter2@[::1"}, r"^proxy: not a URL$"),
        ({"verify": "/no/such/ca.pem"}, r"^verify: cannot read '/no/such/ca.pem'"),
        ({"verify": 1}, r"^verify: expected a file path, got int"),
        ({"verify": ""}, r"^verify: expected a file path"),
        ({"cert": "/no/such/client.pem"}, r"^cert: cannot read"),
        ({"cert": ("a", "b", "c")}, r"^cert: expected a file path or a \(certificate, key\) pair"),
        ({"limits": {"max_connections": 1}}, r"^limits: expected an httpx.Limits, got dict"),
        ({"limits": httpx.Limits(max_connections=0)}, r"^limits: max_connections must be an integer of at least 1"),
        ({"limits": httpx.Limits(max_keepalive_connections=-1)}, r"^limits: max_keepalive_connections"),
        ({"limits": httpx.Limits(keepalive_expiry=-1)}, r"^limits: keepalive_expiry"),
        ({"limits": httpx.Limits(keepalive_expiry=float("nan"))}, r"^limits: keepalive_expiry"),
        ({"trust_env": "no"}, r"^trust_env must be True or False, got 'no'"),
        ({"trust_env": None}, r"^trust_env must be True or False"),
        (
            {"proxy": "http://127.0.0.1:3128", "transport": httpx.MockTransport(lambda r: httpx.Response(200))},
            r"^proxy: a transport replaces the network",
        ),
    ],
)
@pytest.mark.parametrize("client_class", [FoasClient, AsyncFoasClient])
def test_invalid_settings_are_refused_at_construction_naming_the_argument(
    client_class: type[FoasClient], settings: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidParameterError, match=message) as raised:
        client_class(endpoint="https://127.0.0.1:9", **settings)  # type: ignore[arg-type]
    assert "hunter2" not in str(raised.value)


def test_files_that_are_not_pem_are_refused_at_construction(tmp_path: Path, pki: Pki) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")
    with pytest.raises(InvalidParameterError, match=r"^verify: the file does not hold PEM CA certificates"):
        FoasClient(endpoint="https://127.0.0.1:9", verify=str(junk))
    with pytest.raises(InvalidParameterError, match=r"^cert: the file does not hold a PEM certificate"):
        FoasClient(endpoint="https://127.0.0.1:9", verify=str(pki.ca), cert=str(junk))
    with pytest.raises(InvalidParameterError, match=r"^cert: the file does not hold a PEM certificate"):
        FoasClient(endpoint="https://127.0.0.1:9", cert=str(pki.ca))  # a certificate without its key


def test_a_missing_ca_bundle_variable_is_refused_naming_the_variable(environment: pytest.MonkeyPatch) -> None:
    environment.setenv("ALIBABA_CLOUD_CA_BUNDLE", "/no/such/bundle.pem")
    with pytest.raises(InvalidParameterError, match=r"^\$ALIBABA_CLOUD_CA_BUNDLE: cannot read"):
        FoasClient(endpoint="https://127.0.0.1:9")
    FoasClient(endpoint="https://127.0.0.1:9", trust_env=False).close()  # not read then


def test_checks_do_not_depend_on_the_endpoint_scheme(tmp_path: Path) -> None:
    with pytest.raises(InvalidParameterError, match=r"^verify: cannot read"):
        FoasClient(endpoint="http://127.0.0.1:9", verify="/no/such/ca.pem")
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")
    with pytest.raises(InvalidParameterError, match=r"^verify: the file does not hold PEM CA certificates"):
        FoasClient(endpoint="http://127.0.0.1:9", verify=str(junk))


def test_a_ca_bundle_the_environment_names_is_read_only_where_tls_may_be_used(
    tmp_path: Path, environment: pytest.MonkeyPatch
) -> None:
    # $SSL_CERT_FILE is set machine-wide on many hosts: a client of an http:// endpoint without a proxy
    # never uses it, and does not spend the tens of ms reading it takes (it must still exist).
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")
    environment.setenv("SSL_CERT_FILE", str(junk))
    FoasClient(endpoint="http://127.0.0.1:9").close()
    refused = r"^\$SSL_CERT_FILE: the file does not hold PEM CA certificates"
    with pytest.raises(InvalidParameterError, match=refused):
        FoasClient(endpoint="https://127.0.0.1:9")
    with pytest.raises(InvalidParameterError, match=refused):  # an https:// proxy would need it
        FoasClient(endpoint="http://127.0.0.1:9", proxy="https://127.0.0.1:8")
    environment.setenv("HTTPS_PROXY", "http://127.0.0.1:8")
    with pytest.raises(InvalidParameterError, match=refused):  # so might the environment's
        FoasClient(endpoint="http://127.0.0.1:9")
    environment.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    with pytest.raises(InvalidParameterError, match=r"^\$SSL_CERT_FILE: cannot read"):
        FoasClient(endpoint="http://127.0.0.1:9", trust_env=True)


# --- the command line ---------------------------------------------------------------------------------


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def foas(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def run(*argv: str) -> Run:
        capsys.readouterr()
        code = main(["get-ref-package-job", *DOCUMENTED, "--output", "json", "--max-attempts", "1", *argv])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def test_cli_https_with_a_ca_bundle_through_a_proxy(foas, https: LoopbackFake, pki: Pki, proxy: ConnectProxy) -> None:  # type: ignore[no-untyped-def]
    run = foas("--endpoint", https.base_url, "--ca-bundle", str(pki.ca), "--proxy", proxy.url)
    assert (run.code, run.err) == (ExitCode.OK, "")
    assert '"JobName": "job1"' in run.out
    assert proxy.connects == [f"127.0.0.1:{port(https)}"]


@pytest.mark.parametrize("variable", ["ALIBABA_CLOUD_CA_BUNDLE", "SSL_CERT_FILE"])
def test_cli_honours_the_ca_bundle_variables(  # type: ignore[no-untyped-def]
    foas, variable: str, https: LoopbackFake, pki: Pki, environment: pytest.MonkeyPatch
) -> None:
    environment.setenv(variable, str(pki.ca))
    assert foas("--endpoint", https.base_url).code == ExitCode.OK
    failed = foas("--endpoint", https.base_url, "--no-trust-env")
    assert failed.code == ExitCode.TRANSPORT


def test_cli_client_certificate_and_limits(foas, mtls: LoopbackFake, pki: Pki, proxy: ConnectProxy) -> None:  # type: ignore[no-untyped-def]
    common = ("--endpoint", mtls.base_url, "--ca-bundle", str(pki.ca), "--proxy", proxy.url)
    run = foas(
        *common, "--cert", str(pki.client_cert), "--key", str(pki.client_key), "--max-keepalive-connections", "0"
    )
    assert (run.code, run.err) == (ExitCode.OK, "")
    assert foas(*common).code == ExitCode.TRANSPORT  # no certificate: refused by the server


def test_cli_no_verify_and_https_proxy_variable(  # type: ignore[no-untyped-def]
    foas, https: LoopbackFake, proxy: ConnectProxy, environment: pytest.MonkeyPatch
) -> None:
    environment.setenv("HTTPS_PROXY", proxy.url)
    assert foas("--endpoint", https.base_url, "--no-verify").code == ExitCode.OK
    assert len(proxy.connects) == 1
    assert foas("--endpoint", https.base_url, "--no-verify", "--no-trust-env").code == ExitCode.OK
    assert len(proxy.connects) == 1


def test_cli_wrong_ca_is_one_line_exit_4(foas, https: LoopbackFake, pki: Pki) -> None:  # type: ignore[no-untyped-def]
    run = foas("--endpoint", https.base_url, "--ca-bundle", str(pki.other_ca))
    assert run.code == ExitCode.TRANSPORT == 4
    lines = run.err.splitlines()
    assert len(lines) == 1 and "CERTIFICATE_VERIFY_FAILED" in lines[0] and "Traceback" not in run.err
    assert lines[0].startswith("foas: error: ConnectError: ")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--proxy", "ftp://127.0.0.1:21"), "foas: error: --proxy: expected an http://"),
        (("--proxy", "http://user:hunter2@127.0.0.1:99999"), "foas: error: --proxy: port 99999 is out of range"),
        (("--ca-bundle", "/no/such/ca.pem"), "foas: error: --ca-bundle: cannot read '/no/such/ca.pem'"),
        (("--cert", "/no/such/client.pem"), "foas: error: --cert/--key: cannot read"),
        (("--key", "/no/such/key.pem"), "foas: error: --key needs --cert"),
        (("--max-connections", "0"), "argument --max-connections: must be an integer of at least 1"),
        (("--max-keepalive-connections", "-1"), "argument --max-keepalive-connections"),
        (("--keepalive-expiry", "soon"), "argument --keepalive-expiry: expected seconds"),
        (("--ca-bundle", "x", "--no-verify"), "argument --no-verify: not allowed with argument --ca-bundle"),
    ],
)
def test_cli_invalid_network_options_exit_2_in_one_line(foas, argv: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    run = foas("--endpoint", "https://127.0.0.1:9", *argv)
    assert run.code == ExitCode.USAGE == 2
    lines = run.err.splitlines()
    assert len(lines) == 1 and message in lines[0], run.err
    assert "hunter2" not in run.err
