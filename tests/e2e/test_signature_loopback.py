"""Both signatures over real HTTP on 127.0.0.1, checked by a server that imports nothing from the package.

``RoaVerifyingServer`` verifies V3 with the official SDK's ``get_authorization`` (and checks that ``host``
and every ``x-acs-*`` header are signed) and v1 with the published algorithm. Both clients and the
``foas`` command list every job of a three-page listing: V3 by default, v1 when asked.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
import os
import subprocess
import sys
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from foas_client import Acs3Signer, AsyncFoasClient, Credentials, FoasClient
from foas_client.errors import AuthError
from tests.support.roa_server import ReceivedRequest, RoaVerifyingServer, verify_v3_signature

KEY_ID, SECRET, TOKEN = "LTAI5tSignatureKey", "signature-secret-0123", "sts-Signature-Token-77"
PROJECT, PACKAGE = "project 1", "my pkg/../中文 a+b?.jar"  # every part of the path and query is awkward
TOTAL, PAGE_SIZE = 250, 100  # three pages
JOBS = [{"JobId": f"job-{i:03d}", "JobName": f"job {i}"} for i in range(TOTAL)]
_BOUND = 60.0  # seconds for one CLI process


def respond(request: ReceivedRequest) -> tuple[int, dict[str, str], bytes]:
    query = parse_qs(request.raw_target.partition("?")[2])
    page, size = int(query["pageIndex"][0]), int(query["pageSize"][0])
    document = {
        "RequestId": f"req-{page}",
        "PageIndex": page,
        "PageSize": size,
        "TotalCount": TOTAL,
        "TotalPage": math.ceil(TOTAL / size),
        "Jobs": {"Job": JOBS[(page - 1) * size : page * size]},
    }
    return 200, {"Content-Type": "application/json"}, json.dumps(document).encode()


@pytest.fixture
def server() -> Any:
    with RoaVerifyingServer({KEY_ID: SECRET}, respond) as running:
        yield running


def versions(server: RoaVerifyingServer) -> list[tuple[str | None, bool]]:
    return [(request.signature_version, request.signature_ok) for request in server.received]


def options(version: str | None) -> dict[str, Any]:
    return {} if version is None else {"signature_version": version}


@pytest.mark.parametrize("token", [None, TOKEN], ids=["ak", "sts"])
@pytest.mark.parametrize(("version", "expected"), [(None, "v3"), ("v3", "v3"), ("v1", "v1")])
def test_the_sync_client_lists_every_job(
    server: RoaVerifyingServer, version: str | None, expected: str, token: str | None
) -> None:
    credentials = Credentials(KEY_ID, SECRET, token)
    with FoasClient(endpoint=server.base_url, credentials=credentials, **options(version)) as client:
        jobs = list(client.iter_jobs(PROJECT, PACKAGE, page_size=PAGE_SIZE, concurrency=2))

    assert [job.job_id for job in jobs] == [job["JobId"] for job in JOBS]
    assert versions(server) == [(expected, True)] * 3
    assert all(request.headers.get("x-acs-security-token") == token for request in server.received)


@pytest.mark.parametrize(("version", "expected"), [(None, "v3"), ("v1", "v1")])
def test_the_async_client_lists_every_job(server: RoaVerifyingServer, version: str | None, expected: str) -> None:
    async def run() -> list[str]:
        credentials = Credentials(KEY_ID, SECRET)
        async with AsyncFoasClient(endpoint=server.base_url, credentials=credentials, **options(version)) as client:
            return [job.job_id async for job in client.iter_jobs(PROJECT, PACKAGE, page_size=PAGE_SIZE, concurrency=3)]

    assert asyncio.run(run()) == [job["JobId"] for job in JOBS]
    assert versions(server) == [(expected, True)] * 3


@pytest.mark.parametrize(("flags", "expected"), [((), "v3"), (("--signature-version", "v1"), "v1")])
def test_the_command_lists_every_job(server: RoaVerifyingServer, flags: tuple[str, ...], expected: str) -> None:
    environment = {**os.environ, "ALIBABA_CLOUD_ACCESS_KEY_ID": KEY_ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": SECRET}
    environment.pop("ALIBABA_CLOUD_SECURITY_TOKEN", None)
    arguments = ["--project-name", PROJECT, "--package-name", PACKAGE, "--all", "--page-size", str(PAGE_SIZE)]
    result = subprocess.run(
        [sys.executable, "-m", "foas_client", "get-ref-package-job", *arguments, "--output", "jsonl", *flags],
        env={**environment, "FOAS_ENDPOINT": server.base_url},
        capture_output=True,
        text=True,
        timeout=_BOUND,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["JobId"] for line in result.stdout.splitlines()] == [job["JobId"] for job in JOBS]
    assert versions(server) == [(expected, True)] * 3


def test_a_wrong_secret_fails_verification_in_both_versions(server: RoaVerifyingServer) -> None:
    for version in ("v3", "v1"):
        wrong = Credentials(KEY_ID, "not-the-secret")
        with (
            FoasClient(endpoint=server.base_url, credentials=wrong, signature_version=version) as client,  # type: ignore[arg-type]
            pytest.raises(AuthError),
        ):
            client.get_ref_package_job(PROJECT, PACKAGE)
    assert versions(server) == [("v3", False), ("v1", False)]


def test_the_verifier_refuses_an_unsigned_acs_header_or_host() -> None:
    """The judge itself: a header added after signing, or a signed list without host, does not verify."""
    request = httpx.Request("GET", "http://127.0.0.1:1/api/v2/x?RegionId=r", headers={"x-acs-action": "A"})
    Acs3Signer(Credentials(KEY_ID, SECRET), region_id="r").sign_request(request)
    target, secrets = request.url.raw_path.decode(), {KEY_ID: SECRET}.get
    assert verify_v3_signature("GET", target, request.headers, b"", secrets)
    assert not verify_v3_signature("GET", target, request.headers, b"body", secrets)  # x-acs-content-sha256
    assert not verify_v3_signature("GET", target, {**request.headers, "x-acs-extra": "unsigned"}, b"", secrets)
    unsigned_host = request.headers["authorization"].replace("SignedHeaders=host;", "SignedHeaders=")
    assert unsigned_host != request.headers["authorization"]
    assert not verify_v3_signature("GET", target, {**request.headers, "authorization": unsigned_host}, b"", secrets)
    assert hashlib.sha256(b"").hexdigest() == request.headers["x-acs-content-sha256"]
