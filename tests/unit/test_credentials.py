"""Credentials: redaction, the environment, the optional official chain and the resolution order."""

from __future__ import annotations

import sys
import types

import attrs
import pytest

from foas_client._core.credentials import (
    ENV_ACCESS_KEY_ID,
    ENV_ACCESS_KEY_SECRET,
    ENV_SECURITY_TOKEN,
    Credentials,
    OfficialChainProvider,
    default_credentials,
)
from foas_client._core.errors import CredentialsError, FoasError

KEY_ID = "LTAI5tTestKeyId"
SECRET = "s3cr3t-Secret-Value-0123"
TOKEN = "sts-Token-Value-4567"
CHAIN_MODULES = ("alibabacloud_credentials", "alibabacloud_credentials.client")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
def no_official_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``alibabacloud-credentials`` unimportable, whether or not it is installed here."""
    for name in CHAIN_MODULES:
        monkeypatch.setitem(sys.modules, name, None)


class FakeModel:
    def __init__(self, access_key_id: str | None, access_key_secret: str | None, security_token: str | None) -> None:
        self.access_key_id = access_key_id
        self.access_key_secret = access_key_secret
        self.security_token = security_token


class FakeChainClient:
    """Stands in for ``alibabacloud_credentials.client.Client``: same ``get_credential()`` shape."""

    def __init__(self, model: FakeModel | None = None, error: Exception | None = None) -> None:
        self.model = model
        self.error = error
        self.calls = 0

    def get_credential(self) -> FakeModel | None:
        self.calls += 1
        if self.error is not None:
            raise self.error
        return self.model


def install_fake_chain(monkeypatch: pytest.MonkeyPatch, client: FakeChainClient) -> None:
    package = types.ModuleType("alibabacloud_credentials")
    module = types.ModuleType("alibabacloud_credentials.client")
    module.Client = lambda: client  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, CHAIN_MODULES[0], package)
    monkeypatch.setitem(sys.modules, CHAIN_MODULES[1], module)


# --- the value ---------------------------------------------------------------------------------------


def test_repr_and_str_redact_secret_and_token() -> None:
    credentials = Credentials(KEY_ID, SECRET, TOKEN)
    for text in (repr(credentials), str(credentials), f"{credentials}", f"{credentials!r}"):
        assert SECRET not in text
        assert TOKEN not in text
        assert KEY_ID in text
    assert repr(credentials) == f"Credentials(access_key_id='{KEY_ID}', access_key_secret='***', security_token='***')"
    assert repr(Credentials(KEY_ID, SECRET)).endswith("security_token=None)")


def test_credentials_are_immutable_and_provide_themselves() -> None:
    credentials = Credentials(KEY_ID, SECRET)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        credentials.access_key_secret = "other"  # type: ignore[misc]
    assert credentials.get_credentials() is credentials


@pytest.mark.parametrize(
    ("args", "field"),
    [(("", SECRET), "access_key_id"), ((KEY_ID, ""), "access_key_secret"), ((KEY_ID, SECRET, ""), "security_token")],
)
def test_empty_fields_are_refused_by_name(args: tuple[str, ...], field: str) -> None:
    with pytest.raises(CredentialsError, match=field) as caught:
        Credentials(*args)
    assert isinstance(caught.value, FoasError)


# Values a credential cannot hold: each would break the header it goes into (or the signature).
# Distinctive text around the bad character, so that any part of it showing up in a message is caught.
BAD_CHARACTERS = {
    "trailing LF": ("Qx7Vk2Lm9Tz4Wp8R\n", "line break"),
    "trailing CR LF": ("Qx7Vk2Lm9Tz4Wp8R\r\n", "line break"),
    "CR inside": ("Qx7Vk2Lm\r9Tz4Wp8R", "line break"),
    "NUL": ("Qx7Vk2Lm\x009Tz4Wp8R", "control character"),
    "ESC": ("Qx7Vk2Lm\x1b[2J9Tz4Wp8R", "control character"),
    "DEL": ("Qx7Vk2Lm9Tz4Wp8R\x7f", "control character"),
    "tab": ("Qx7Vk2Lm\t9Tz4Wp8R", "space or a tab"),
    "leading space": (" Qx7Vk2Lm9Tz4Wp8R", "space or a tab"),
    "non-ASCII": ("Qx7Vk2Lm9Tz4Wp8Ré", "non-ASCII"),
    "CJK": ("Qx7Vk2Lm9Tz4Wp8R密钥", "non-ASCII"),
    "non-breaking space": ("Qx7Vk2Lm9Tz4Wp8R\u00a0", "non-ASCII"),
}
PARTS = {"access_key_id": 0, "access_key_secret": 1, "security_token": 2}


def shows_any_part_of(value: str, text: str) -> bool:
    """Whether ``text`` holds ``value``, or any four characters in a row of it (its visible parts too)."""
    visible = "".join(char for char in value if char.isascii() and char.isalnum())
    return value in text or any(visible[i : i + 4] in text for i in range(len(visible) - 3))


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize(("value", "problem"), BAD_CHARACTERS.values(), ids=BAD_CHARACTERS)
def test_a_value_that_cannot_go_into_a_header_is_refused_naming_the_part_not_the_value(
    part: str, value: str, problem: str
) -> None:
    args = [KEY_ID, SECRET, TOKEN]
    args[PARTS[part]] = value

    with pytest.raises(CredentialsError) as caught:
        Credentials(*args)

    message = str(caught.value)
    assert message.startswith(f"{part} holds a") and problem in message
    assert "\n" not in message
    for text in (message, repr(caught.value), repr(caught.value.args)):
        assert not shows_any_part_of(value, text), text


def test_a_token_read_from_a_file_with_its_newline_is_refused_from_the_environment() -> None:
    token = BAD_CHARACTERS["trailing LF"][0]
    env = {ENV_ACCESS_KEY_ID: KEY_ID, ENV_ACCESS_KEY_SECRET: SECRET, ENV_SECURITY_TOKEN: token}
    with pytest.raises(CredentialsError, match=r"^security_token holds a line break") as caught:
        Credentials.from_env(env)
    assert not shows_any_part_of(token, str(caught.value))


def test_the_official_chains_unusable_credentials_are_refused() -> None:
    token = BAD_CHARACTERS["trailing CR LF"][0]
    provider = OfficialChainProvider(FakeChainClient(FakeModel(KEY_ID, SECRET, token)))
    with pytest.raises(CredentialsError, match="security_token holds a line break") as caught:
        provider.get_credentials()
    assert not shows_any_part_of(token, str(caught.value))


def test_visible_ascii_credentials_are_accepted() -> None:
    every_visible = "".join(map(chr, range(0x21, 0x7F)))
    credentials = Credentials(every_visible, every_visible, every_visible)
    assert credentials.security_token == every_visible


# --- the environment ---------------------------------------------------------------------------------


def test_from_env_reads_the_three_variables(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv(ENV_ACCESS_KEY_ID, KEY_ID)
    clean_env.setenv(ENV_ACCESS_KEY_SECRET, SECRET)
    assert Credentials.from_env() == Credentials(KEY_ID, SECRET)
    clean_env.setenv(ENV_SECURITY_TOKEN, TOKEN)
    assert Credentials.from_env() == Credentials(KEY_ID, SECRET, TOKEN)
    clean_env.setenv(ENV_SECURITY_TOKEN, "")
    assert Credentials.from_env().security_token is None


def test_from_env_takes_an_explicit_mapping() -> None:
    env = {ENV_ACCESS_KEY_ID: KEY_ID, ENV_ACCESS_KEY_SECRET: SECRET, ENV_SECURITY_TOKEN: TOKEN}
    assert Credentials.from_env(env) == Credentials(KEY_ID, SECRET, TOKEN)


@pytest.mark.parametrize(
    ("present", "missing"),
    [
        ({ENV_ACCESS_KEY_SECRET: SECRET, ENV_SECURITY_TOKEN: TOKEN}, ENV_ACCESS_KEY_ID),
        ({ENV_ACCESS_KEY_ID: KEY_ID, ENV_SECURITY_TOKEN: TOKEN}, ENV_ACCESS_KEY_SECRET),
        ({ENV_ACCESS_KEY_ID: KEY_ID, ENV_ACCESS_KEY_SECRET: "", ENV_SECURITY_TOKEN: TOKEN}, ENV_ACCESS_KEY_SECRET),
    ],
)
def test_missing_variable_is_named_and_no_secret_is_shown(
    clean_env: pytest.MonkeyPatch, present: dict[str, str], missing: str
) -> None:
    for name, value in present.items():
        clean_env.setenv(name, value)

    with pytest.raises(CredentialsError) as caught:
        Credentials.from_env()

    message = str(caught.value)
    assert missing in message
    assert SECRET not in message
    assert TOKEN not in message
    assert "\n" not in message


# --- the official chain ------------------------------------------------------------------------------


def test_official_chain_provider_adapts_the_clients_credential() -> None:
    client = FakeChainClient(FakeModel(KEY_ID, SECRET, TOKEN))
    provider = OfficialChainProvider(client)
    assert provider.get_credentials() == Credentials(KEY_ID, SECRET, TOKEN)
    assert provider.get_credentials() == Credentials(KEY_ID, SECRET, TOKEN)
    assert client.calls == 2  # asked per request: the chain refreshes STS credentials itself
    assert SECRET not in repr(provider)


def test_official_chain_provider_maps_empty_token_to_none() -> None:
    provider = OfficialChainProvider(FakeChainClient(FakeModel(KEY_ID, SECRET, "")))
    assert provider.get_credentials().security_token is None


def test_official_chain_failure_is_a_credentials_error_without_the_chains_text() -> None:
    error = RuntimeError(f"credentials endpoint said {SECRET}")
    provider = OfficialChainProvider(FakeChainClient(error=error))

    with pytest.raises(CredentialsError) as caught:
        provider.get_credentials()

    assert SECRET not in str(caught.value)
    assert "RuntimeError" in str(caught.value)
    assert ENV_ACCESS_KEY_ID in str(caught.value)
    assert caught.value.__cause__ is error


@pytest.mark.parametrize("model", [FakeModel(None, None, None), FakeModel(KEY_ID, None, None), None])
def test_official_chain_without_an_access_key_is_refused(model: FakeModel | None) -> None:
    with pytest.raises(CredentialsError, match="no AccessKey"):
        OfficialChainProvider(FakeChainClient(model)).get_credentials()


def test_official_chain_provider_needs_the_package(no_official_chain: None) -> None:
    with pytest.raises(CredentialsError, match="alibabacloud-credentials"):
        OfficialChainProvider()


# --- resolution order --------------------------------------------------------------------------------


def test_explicit_credentials_win(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv(ENV_ACCESS_KEY_ID, "from-env")
    clean_env.setenv(ENV_ACCESS_KEY_SECRET, "from-env")
    explicit = Credentials(KEY_ID, SECRET)
    assert default_credentials(explicit) is explicit


def test_environment_comes_before_the_chain(clean_env: pytest.MonkeyPatch) -> None:
    client = FakeChainClient(FakeModel("chain-id", "chain-secret", None))
    install_fake_chain(clean_env, client)
    clean_env.setenv(ENV_ACCESS_KEY_ID, KEY_ID)
    clean_env.setenv(ENV_ACCESS_KEY_SECRET, SECRET)

    assert default_credentials() == Credentials(KEY_ID, SECRET)
    assert client.calls == 0


def test_half_set_environment_is_an_error_not_a_fallback(clean_env: pytest.MonkeyPatch) -> None:
    install_fake_chain(clean_env, FakeChainClient(FakeModel("chain-id", "chain-secret", None)))
    with pytest.raises(CredentialsError, match=ENV_ACCESS_KEY_SECRET):
        default_credentials(environ={ENV_ACCESS_KEY_ID: KEY_ID})


def test_chain_is_used_when_the_environment_has_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    client = FakeChainClient(FakeModel("chain-id", "chain-secret", TOKEN))
    install_fake_chain(monkeypatch, client)

    provider = default_credentials(environ={})

    assert isinstance(provider, OfficialChainProvider)
    assert client.calls == 1  # probed once, so a missing credential fails at construction
    assert provider.get_credentials() == Credentials("chain-id", "chain-secret", TOKEN)


def test_chain_that_finds_nothing_fails_at_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_chain(monkeypatch, FakeChainClient(error=LookupError("nothing configured")))
    with pytest.raises(CredentialsError, match=ENV_ACCESS_KEY_ID):
        default_credentials(environ={})


def test_no_source_at_all_gives_an_actionable_error(no_official_chain: None) -> None:
    with pytest.raises(CredentialsError) as caught:
        default_credentials(environ={})
    message = str(caught.value)
    for hint in (ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, "alibabacloud-credentials"):
        assert hint in message
