"""``import foas_client`` loads what a first call needs and leaves the rest for when it is used.

Each module below costs import time that programs pay on every start (the bench's ``import``
figure); each is only needed by some uses: the async client (asyncio), a retried call (stamina), an
XML answer (lxml), the JSON fast path (msgspec, at the first decode), the plan's views, the version.
"""

from __future__ import annotations

import subprocess
import sys

import foas_client

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
