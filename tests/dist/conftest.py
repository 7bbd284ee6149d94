"""The release artefacts, built once per test session and shared by every test in tests/dist."""

from __future__ import annotations

import pytest

from tests.support.publishing import Built, build_release


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The sdist and the wheel of the source tree (see ``build_release``)."""
    return build_release(tmp_path_factory.mktemp("dist"))
