# Copied from generator/runtime/_pytest_plugin.py by generator/ (`make generate`). Do not edit here: edit the source.
"""pytest fixtures for code that uses foas_client, registered through the ``pytest11`` entry point.

``foas_fake``: a running loopback fake (``LoopbackFake``) that knows the documented job under
``project1``/``package1.jar`` and accepts ``foas_client.testing.TEST_CREDENTIALS``; add jobs with
``foas_fake.service.add_jobs(...)`` and faults with ``foas_fake.service.inject(...)``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .testing import FakeFoasService, LoopbackFake


@pytest.fixture
def foas_fake() -> Iterator[LoopbackFake]:
    """A fake GetRefPackageJob service on 127.0.0.1, started for one test and stopped after it."""
    with FakeFoasService.with_documented_jobs().serve() as fake:
        yield fake
