"""Credentials that cannot go into a request: refused before anything reaches the loopback fake.

A provider is asked at every request; what it returns is checked as ``Credentials`` checks itself
(visible ASCII only), and refused with a ``CredentialsError`` that is not retried and never shows
the value.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from foas_client import AsyncFoasClient, Credentials, FoasClient
from foas_client.errors import CredentialsError
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, LoopbackFake

PROJECT, PACKAGE = "project1", "package1.jar"
TOKEN = "Qx7Vk2Lm9Tz4Wp8R"  # distinctive: any four characters of it in a message would be a leak


class StaleFileProvider:
    """A provider that reads an STS token from a file and forgets to strip its newline (unchecked values)."""

    def __init__(self, **parts: str) -> None:
        self.access_key_id = parts.get("access_key_id", TEST_CREDENTIALS.access_key_id)
        self.access_key_secret = parts.get("access_key_secret", TEST_CREDENTIALS.access_key_secret)
        self.security_token = parts.get("security_token", TOKEN + "\n")
        self.calls = 0

    def get_credentials(self) -> Credentials:
        self.calls += 1
        return self  # type: ignore[return-value]


@pytest.fixture
def service() -> FakeFoasService:
    return FakeFoasService.with_documented_jobs()


@pytest.fixture
def fake(service: FakeFoasService) -> Iterator[LoopbackFake]:
    with service.serve() as fake:
        yield fake


def call(client_kind: str, endpoint: str, provider: StaleFileProvider) -> None:
    if client_kind == "sync":
        with FoasClient(endpoint=endpoint, credentials=provider) as client:
            client.get_ref_package_job(PROJECT, PACKAGE)
        return

    async def run() -> None:
        async with AsyncFoasClient(endpoint=endpoint, credentials=provider) as client:
            await client.get_ref_package_job(PROJECT, PACKAGE)

    asyncio.run(run())


def leaks(value: str, text: str) -> bool:
    return any(value[i : i + 4] in text for i in range(len(value) - 3))


@pytest.mark.parametrize("client_kind", ["sync", "async"])
@pytest.mark.parametrize(
    ("part", "value"),
    [
        ("security_token", TOKEN + "\n"),
        ("security_token", TOKEN + "\r\n"),
        ("security_token", "Tök" + TOKEN),
        ("access_key_id", TOKEN + "\x00"),
        ("access_key_secret", TOKEN + "\x1b"),
    ],
    ids=["token-LF", "token-CRLF", "token-non-ASCII", "id-NUL", "secret-ESC"],
)
def test_unusable_credentials_from_a_provider_are_refused_unsent_and_not_retried(
    fake: LoopbackFake, service: FakeFoasService, client_kind: str, part: str, value: str
) -> None:
    provider = StaleFileProvider(**{part: value})

    with pytest.raises(CredentialsError) as caught:
        call(client_kind, fake.base_url, provider)

    assert str(caught.value).startswith(f"the credentials provider returned unusable credentials: {part} holds ")
    assert not leaks(TOKEN, str(caught.value)) and not leaks(TOKEN, repr(caught.value))
    assert provider.calls == 1  # not retried
    assert service.requests == 0
