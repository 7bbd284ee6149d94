# Generated from spec/foas.openapi.yaml and generator/templates/layers/_pytest_plugin.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""pytest fixtures for code that uses foas_client, registered through the ``pytest11`` entry point.

``foas_fake``: a running loopback fake (``LoopbackFake``) that serves the spec's documented answers
and accepts ``foas_client.testing.TEST_CREDENTIALS``; fill it through ``foas_fake.service`` (e.g.
``add_jobs(...)``, ``add_projects(...)``, ``add_packages(...)``, ``set_get_package(...)``, ``set_delete_package(...)``, ``inject(...)`` for faults).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .testing import FakeFoasService, LoopbackFake


@pytest.fixture
def foas_fake() -> Iterator[LoopbackFake]:
    """A fake Realtime Compute (foas) — GetRefPackageJob service on 127.0.0.1, started for one test and stopped after it."""
    with FakeFoasService.with_documented_examples().serve() as fake:
        yield fake
