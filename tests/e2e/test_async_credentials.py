"""The async client awaits a provider's ``get_credentials_async``; the sync client never awaits.

Over the loopback fake, which verifies the signature: a request signed with the credentials awaited
is answered, so each test proves which method gave them. The official chain's client is stood in
for by objects with the shape of ``alibabacloud_credentials.client.Client`` (``get_credential`` and
``async get_credential_async``, returning a model with the three attributes).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from foas_client import AsyncFoasClient, Credentials, FoasClient, OfficialChainProvider
from foas_client.errors import CredentialsError, InvalidParameterError
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, LoopbackFake

PROJECT, PACKAGE = "project1", "package1.jar"


def model() -> SimpleNamespace:
    return SimpleNamespace(
        access_key_id=TEST_CREDENTIALS.access_key_id,
        access_key_secret=TEST_CREDENTIALS.access_key_secret,
        security_token=None,
    )


class AsyncOnlyProvider:
    """A provider of this package's protocol with only the async method."""

    def __init__(self) -> None:
        self.awaited = 0

    async def get_credentials_async(self) -> Credentials:
        self.awaited += 1
        await asyncio.sleep(0)  # a real suspension point, as a refresh over the network has
        return TEST_CREDENTIALS


class BothProvider(AsyncOnlyProvider):
    """Both methods, counted: which one a client used is then known."""

    def __init__(self) -> None:
        super().__init__()
        self.called = 0

    def get_credentials(self) -> Credentials:
        self.called += 1
        return TEST_CREDENTIALS


class AsyncOnlyChainClient:
    """The official chain client's async half only."""

    def __init__(self) -> None:
        self.awaited = 0

    async def get_credential_async(self) -> SimpleNamespace:
        self.awaited += 1
        await asyncio.sleep(0)
        return model()


class BothChainClient(AsyncOnlyChainClient):
    def __init__(self) -> None:
        super().__init__()
        self.called = 0
        self.coroutines = 0

    def get_credential(self) -> SimpleNamespace:
        self.called += 1
        return model()

    def get_credential_async(self):  # type: ignore[no-untyped-def,override]
        # Counts the coroutines made, not only those awaited: the sync client must make none.
        self.coroutines += 1
        return super().get_credential_async()


@pytest.fixture
def fake() -> Iterator[LoopbackFake]:
    with FakeFoasService.with_documented_jobs().serve() as fake:
        yield fake


def call_async(endpoint: str, provider: object, calls: int = 2) -> None:
    async def run() -> None:
        async with AsyncFoasClient(endpoint=endpoint, credentials=provider, max_attempts=1) as client:  # type: ignore[arg-type]
            for _ in range(calls):
                await client.get_ref_package_job(PROJECT, PACKAGE)

    asyncio.run(run())


def call_sync(endpoint: str, provider: object, calls: int = 2) -> None:
    with FoasClient(endpoint=endpoint, credentials=provider, max_attempts=1) as client:  # type: ignore[arg-type]
        for _ in range(calls):
            client.get_ref_package_job(PROJECT, PACKAGE)


def test_async_client_awaits_a_provider_with_only_the_async_method(fake: LoopbackFake) -> None:
    provider = AsyncOnlyProvider()
    call_async(fake.base_url, provider)
    assert provider.awaited == 2  # once per request


def test_async_client_prefers_the_async_method_when_the_provider_has_both(fake: LoopbackFake) -> None:
    provider = BothProvider()
    call_async(fake.base_url, provider)
    assert (provider.awaited, provider.called) == (2, 0)


def test_sync_client_never_awaits_a_provider_with_both(fake: LoopbackFake) -> None:
    provider = BothProvider()
    call_sync(fake.base_url, provider)
    assert (provider.awaited, provider.called) == (0, 2)


def test_sync_client_refuses_an_async_only_provider_at_construction() -> None:
    with pytest.raises(InvalidParameterError, match=r"^credentials: AsyncOnlyProvider has only get_credentials_async"):
        FoasClient(endpoint="http://127.0.0.1:9", credentials=AsyncOnlyProvider())  # type: ignore[arg-type]


@pytest.mark.parametrize("client_class", [FoasClient, AsyncFoasClient])
def test_an_object_that_provides_nothing_is_refused_at_construction(client_class: type[FoasClient]) -> None:
    with pytest.raises(InvalidParameterError, match=r"^credentials: expected Credentials or a provider"):
        client_class(endpoint="http://127.0.0.1:9", credentials=object())  # type: ignore[arg-type]


def test_official_chain_async_only_client_serves_the_async_client(fake: LoopbackFake) -> None:
    chain = AsyncOnlyChainClient()
    call_async(fake.base_url, OfficialChainProvider(chain))
    assert chain.awaited == 2


def test_official_chain_async_only_client_in_the_sync_client_is_a_credentials_error(fake: LoopbackFake) -> None:
    chain = AsyncOnlyChainClient()
    with pytest.raises(CredentialsError, match="has only get_credential_async: use it with the async client"):
        call_sync(fake.base_url, OfficialChainProvider(chain), calls=1)
    assert chain.awaited == 0


def test_official_chain_with_both_methods_each_client_uses_its_own(fake: LoopbackFake) -> None:
    chain = BothChainClient()
    call_async(fake.base_url, OfficialChainProvider(chain))
    assert (chain.awaited, chain.called) == (2, 0)
    chain = BothChainClient()
    call_sync(fake.base_url, OfficialChainProvider(chain))
    assert (chain.coroutines, chain.called) == (0, 2)  # not a coroutine made, so none left unawaited


def test_official_chain_async_failure_is_a_credentials_error_without_its_message(fake: LoopbackFake) -> None:
    class Failing:
        async def get_credential_async(self) -> None:
            raise RuntimeError("metadata service said: secret-looking-text")

    with pytest.raises(CredentialsError) as raised:
        call_async(fake.base_url, OfficialChainProvider(Failing()), calls=1)
    assert "secret-looking-text" not in str(raised.value)
    assert "RuntimeError" in str(raised.value)


def test_async_provider_returning_unusable_credentials_is_refused(fake: LoopbackFake) -> None:
    class Stale:
        async def get_credentials_async(self) -> SimpleNamespace:
            return SimpleNamespace(
                access_key_id=TEST_CREDENTIALS.access_key_id,
                access_key_secret=TEST_CREDENTIALS.access_key_secret,
                security_token="token-from-a-file\n",
            )

    with pytest.raises(CredentialsError, match="security_token holds a line break") as raised:
        call_async(fake.base_url, Stale(), calls=1)
    assert "token-from-a-file" not in str(raised.value)
