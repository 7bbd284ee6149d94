"""``timeout`` of any type the clients cannot use is refused by name, as every other argument is.

``math.isfinite(None)`` or ``math.isfinite("5")`` used to escape as a bare ``TypeError``; ``True``
is an ``int`` to Python and a mistake here. The ``foas`` command refuses the same values as a usage error.
"""

from __future__ import annotations

from typing import Any

import pytest

from foas_client import AsyncFoasClient, Credentials, FoasClient
from foas_client._cli import main
from foas_client.errors import InvalidParameterError

CREDENTIALS = Credentials("LTAI5tTimeoutKeyId", "timeout-Secret-Value")
ENDPOINT = "http://127.0.0.1:1"  # nothing is sent: the constructor refuses first


@pytest.mark.parametrize("client_class", [FoasClient, AsyncFoasClient])
@pytest.mark.parametrize("timeout", [None, "5", "", True, False, float("nan"), float("inf"), b"5", [5]], ids=repr)
def test_a_timeout_the_clients_cannot_use_is_refused_by_name(client_class: Any, timeout: object) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        client_class(credentials=CREDENTIALS, endpoint=ENDPOINT, timeout=timeout)

    assert isinstance(caught.value, ValueError)
    assert "timeout" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("client_class", [FoasClient, AsyncFoasClient])
@pytest.mark.parametrize("timeout", [5, 0.5, 10.0])
def test_a_number_of_seconds_is_taken(client_class: Any, timeout: float) -> None:
    client = client_class(credentials=CREDENTIALS, endpoint=ENDPOINT, timeout=timeout)

    assert client.settings.attempt_timeout == timeout


@pytest.mark.parametrize("value", ["nan", "abc", "", "0", "-1", "inf"])
def test_the_command_refuses_them_in_one_line(capsys: pytest.CaptureFixture[str], value: str) -> None:
    argv = ["get-ref-package-job", "--project-name", "project1", "--package-name", "package1.jar"]

    code = main([*argv, "--endpoint", ENDPOINT, "--timeout", value])

    err = capsys.readouterr().err
    assert code == 2
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "--timeout" in err
