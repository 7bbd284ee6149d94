"""A copy of the sources with its package generated once, and a fresh copy of it for each test to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.regeneration.helpers import copy_sources, generate


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """spec/ and generator/ copied, and ``generated/foas_client`` generated from them; never modified."""
    root = copy_sources(tmp_path_factory.mktemp("pristine"))
    generate(root)
    return root


@pytest.fixture
def root(pristine: Path, tmp_path: Path) -> Path:
    """A copy of ``pristine``, package included, for a test to break."""
    # symlinks=True: the copy's package links to the copy's own generator/runtime/, as in the repository
    shutil.copytree(pristine, tmp_path, dirs_exist_ok=True, symlinks=True)
    return tmp_path
