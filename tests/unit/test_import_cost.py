"""``import foas_client`` loads what a first call needs and leaves the rest for when it is used.

Each module below costs import time that programs pay on every start (the bench's ``import``
figure); each is only needed by some uses: the async client (asyncio), a retried call (stamina), an
XML answer (lxml), the JSON fast path (msgspec, at the first decode), the plan's views, the version.
The package's names load on first use (``_core.lazy``); the client loads an operation's endpoint
module and models at its first call, and the sweeps' machinery at the first sweep.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import foas_client
import foas_client.models

LOADED_ON_USE = (
    "asyncio",
    "concurrent.futures",
    "foas_client._embedded.execution_plan",
    "foas_client._extensions.plan",
    "importlib.metadata",
    "javaproperties",
    "lxml",
    "msgspec",
    "rich",
    "stamina",
    "typing_extensions",
    "uuid",
)


def _loaded_after(statement: str) -> set[str]:
    probe = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-I", "-c", probe], check=True, capture_output=True, text=True)
    return set(done.stdout.split())


def test_import_leaves_what_only_some_uses_need() -> None:
    # What httpx loads itself is not this package's doing (with click installed, httpx imports its
    # own command line, rich included).
    added = _loaded_after("import foas_client") - _loaded_after("import httpx, attrs")
    assert "foas_client" in added
    assert sorted(name for name in LOADED_ON_USE if name in added) == []


def _per_use(loaded: set[str]) -> list[str]:
    """The modules of ``loaded`` that only some calls need: an operation's endpoint module or models, the
    sweeps' and guards' (the lifecycle package itself only holds a constant)."""
    return sorted(
        name
        for name in loaded
        if name.startswith(("foas_client.api.", "foas_client.models.", "foas_client._lifecycle"))
        or (name.startswith("foas_client._core.lifecycle.") and name != "foas_client._core.lifecycle")
    )


def test_the_package_alone_loads_neither_httpx_nor_attrs() -> None:
    # `except foas_client.ApiError` (the errors are eager) must not pay for the client.
    loaded = _loaded_after("import foas_client; foas_client.ApiError")
    assert sorted({"httpx", "attrs"} & loaded) == []


def test_the_clients_load_no_operation_until_it_is_called() -> None:
    loaded = _loaded_after("import foas_client; foas_client.FoasClient, foas_client.AsyncFoasClient")
    assert "foas_client._clients" in loaded
    assert _per_use(loaded) == []


def test_the_command_line_loads_no_operation_at_import() -> None:
    loaded = _loaded_after("import foas_client._cli")
    assert _per_use(loaded) == []


def test_every_public_name_is_there_on_first_use() -> None:
    assert set(foas_client.__all__) <= set(dir(foas_client)) | {"__version__"}
    for name in foas_client.__all__:
        assert getattr(foas_client, name) is not None, name
    assert foas_client.models.__all__
    for name in foas_client.models.__all__:
        assert getattr(foas_client.models, name).__name__ == name


def test_a_name_the_package_lacks_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'NoSuchName'"):
        foas_client.NoSuchName  # noqa: B018 (the lookup is the test)


def test_the_plan_views_are_there_on_first_use() -> None:
    assert foas_client.parse_plan.__module__ == "foas_client._extensions.plan"
    assert foas_client.PlanNode.__module__ == "foas_client._embedded.execution_plan"
    assert {"parse_plan", "parse_properties", "ExecutionPlan", "PlanEdge", "PlanNode"} <= set(foas_client.__all__)


def test_the_command_line_loads_the_plan_types_only_for_a_plan() -> None:
    # The plan's TypedDicts are types for checkers; their module loads typing_extensions on 3.10.
    added = _loaded_after("import foas_client._cli") - _loaded_after("import httpx, attrs")
    assert "foas_client._cli" in added
    assert sorted({"foas_client._embedded.execution_plan", "typing_extensions"} & added) == []


def test_a_call_answered_at_once_loads_no_retry_machinery() -> None:
    # stamina and tenacity are for a retry: a first attempt that succeeds (most calls) never loads them.
    probe = (
        "from foas_client import FoasClient, Credentials\n"
        "from foas_client.testing import FakeFoasService\n"
        "service = FakeFoasService.with_documented_examples(credentials=())\n"
        "client = FoasClient(transport=service.transport(), credentials=Credentials('i', 's'), endpoint='http://f')\n"
        "client.get_ref_package_job('project', 'package1.jar')\n"
    )
    probe += "import sys; print('\\n'.join(sys.modules))\n"
    done = subprocess.run([sys.executable, "-I", "-c", probe], check=True, capture_output=True, text=True)
    added = set(done.stdout.split()) - _loaded_after("import foas_client, foas_client.testing")
    assert sorted(name for name in added if name.partition(".")[0] in ("stamina", "tenacity")) == []


def test_the_command_line_loads_no_retry_machinery_at_import() -> None:
    added = _loaded_after("import foas_client._cli") - _loaded_after("import httpx, attrs")
    assert sorted(name for name in added if name.partition(".")[0] in ("stamina", "tenacity")) == []
