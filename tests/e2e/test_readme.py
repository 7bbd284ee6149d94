"""Every Python block of README.md passes ``mypy --strict`` and runs, as a user would paste it.

Each block runs in a fresh interpreter against a signature-checking loopback fake: the credentials
come from the environment and the endpoint from ``FOAS_ENDPOINT``, as they would for a user
pointing the client at a test service, so the blocks stay what a user writes against the real one.
A block that defines ``test_*`` functions runs under pytest (it uses the package's fixture).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from foas_client._core.credentials import ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN
from foas_client._core.http.core import ENV_ENDPOINT, ENV_REGION_ID
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, LoopbackFake, make_jobs

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
BLOCKS = BLOCK.findall(README.read_text(encoding="utf-8"))


def file_name(index: int, source: str) -> str:
    return f"test_readme_{index}.py" if re.search(r"^def test_", source, re.MULTILINE) else f"readme_{index}.py"


@pytest.fixture(scope="module")
def blocks(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("readme")
    paths = []
    for index, source in enumerate(BLOCKS):
        path = folder / file_name(index, source)
        path.write_text(source, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def fake() -> Iterator[LoopbackFake]:
    service = FakeFoasService.with_documented_jobs()
    service.add_jobs("project1", "big.jar", make_jobs(1_234, project_name="project1", package_name="big.jar"))
    with service.serve() as running:
        yield running


def test_the_readme_has_python_blocks() -> None:
    assert len(BLOCKS) >= 6


def test_every_block_passes_mypy_strict(blocks: list[Path]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *map(str, blocks)],
        capture_output=True,
        text=True,
        cwd=blocks[0].parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_every_block_runs(index: int, blocks: list[Path], fake: LoopbackFake) -> None:
    path = blocks[index]
    env = {name: value for name, value in os.environ.items() if not name.startswith(("ALIBABA_CLOUD_", "FOAS_"))}
    env.pop(ENV_SECURITY_TOKEN, None)
    env.pop(ENV_REGION_ID, None)
    env.update(
        {
            ENV_ACCESS_KEY_ID: TEST_CREDENTIALS.access_key_id,
            ENV_ACCESS_KEY_SECRET: TEST_CREDENTIALS.access_key_secret,
            ENV_ENDPOINT: fake.base_url,
        }
    )
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(path)]
    if not path.name.startswith("test_"):
        command = [sys.executable, str(path)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=path.parent, env=env, timeout=120)
    assert result.returncode == 0, f"README block {index}:\n{BLOCKS[index]}\n{result.stdout}{result.stderr}"
