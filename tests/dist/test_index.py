"""Publishing end to end, through a real package index: build, upload, install by name, use.

The session's sdist and wheel (tests/dist/conftest.py) are uploaded with twine to a pypiserver on
127.0.0.1 (tests/support/package_index.py). A fresh venv then runs what a downstream service runs,
`pip install 'foas-client[cli,properties]'` with that index as an extra index: foas-client comes from it, the
dependencies from pip's own configured index. The installed package must be the wheel just built, at
pyproject.toml's version; a typed consumer passes `mypy --strict` against it and runs; the venv's
`foas` command answers from the package's fake, found through FOAS_ENDPOINT.
"""

from __future__ import annotations

import hashlib
import json
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, LoopbackFake
from tests.support.package_index import LocalIndex
from tests.support.publishing import ROOT, Built, clean_env, new_venv, pip_install, run


@pytest.fixture(scope="module")
def index(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalIndex]:
    """A running index holding the session's sdist and wheel, uploaded as a release uploads them."""
    with LocalIndex.start(tmp_path_factory.mktemp("index")) as running:
        uploaded = running.upload(built.sdist, built.wheel)
        assert uploaded.returncode == 0, f"twine upload failed:\n{uploaded.stdout[-2000:]}\n{uploaded.stderr[-2000:]}"
        yield running


@pytest.fixture(scope="module")
def consumer(index: LocalIndex, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A fresh venv where pip installed ``foas-client[cli,properties]`` by name, and pip's ``--report`` of it."""
    home = tmp_path_factory.mktemp("consumer")
    report = home / "report.json"
    pip_install(
        new_venv(home / "venv"),
        # --extra-index-url, not --index-url: the index pip is configured with still provides httpx, rich...
        *("--extra-index-url", index.simple_url, "--report", report),
        "foas-client[cli,properties]",
        cwd=home,
        env=clean_env(home / "venv"),
    )
    return home / "venv", json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture
def fake() -> Iterator[LoopbackFake]:
    with FakeFoasService.with_documented_jobs().serve() as running:
        yield running


def installed(report: dict[str, Any], name: str) -> dict[str, Any]:
    """The entry of pip's ``--report`` for the distribution ``name``."""
    matches: list[dict[str, Any]] = [item for item in report["install"] if item["metadata"]["name"].lower() == name]
    (item,) = matches
    return item


def test_the_index_lists_the_uploaded_sdist_and_wheel(index: LocalIndex, built: Built) -> None:
    with urllib.request.urlopen(f"{index.simple_url}foas-client/", timeout=10) as response:
        page = response.read().decode("utf-8")
    assert built.sdist.name in page
    assert built.wheel.name in page


def test_pip_installs_the_wheel_just_built_by_name_from_the_index(
    consumer: tuple[Path, dict[str, Any]], index: LocalIndex, built: Built
) -> None:
    home, report = consumer
    package = installed(report, "foas-client")
    assert package["metadata"]["version"] == built.version
    assert package["requested_extras"] == ["cli", "properties"]
    assert package["download_info"]["url"].startswith(index.url)
    # The very file uploaded, not one from pip's cache or another index with the same version.
    assert package["download_info"]["archive_info"]["hashes"]["sha256"] == hashlib.sha256(
        built.wheel.read_bytes()
    ).hexdigest()
    rich = installed(report, "rich")  # the cli extra's dependency, from pip's configured index
    assert not rich["download_info"]["url"].startswith(index.url)
    code = "import foas_client; print(foas_client.__version__); print(foas_client.__file__)"
    version, where = run(home / "bin" / "python", "-c", code, cwd=home.parent, env=clean_env(home)).stdout.split()
    assert version == built.version
    assert where.startswith(str(home))


def test_the_installed_foas_command_answers_from_the_fake_at_foas_endpoint(
    consumer: tuple[Path, dict[str, Any]], fake: LoopbackFake, built: Built, tmp_path: Path
) -> None:
    home, _ = consumer
    env = clean_env(home)
    assert run(home / "bin" / "foas", "--version", cwd=tmp_path, env=env).stdout.split()[-1] == built.version
    env["FOAS_ENDPOINT"] = fake.base_url
    out = run(
        *(home / "bin" / "foas", "get-ref-package-job", "--project-name", "project1"),
        *("--package-name", "package1.jar", "--output", "jsonl"),
        cwd=tmp_path,
        env=env,
    ).stdout
    assert json.loads(out.splitlines()[0])["JobId"] == "9t9m6jfw8rb44iexhbpv3tnz"
    assert TEST_CREDENTIALS.access_key_secret not in out


def test_a_typed_consumer_passes_mypy_strict_against_the_install_and_runs(
    consumer: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    home, _ = consumer
    source = tmp_path / "consumer.py"
    source.write_text((ROOT / "tests" / "dist" / "consumer.py").read_text(encoding="utf-8"), encoding="utf-8")
    env = clean_env(home)
    run(
        *(sys.executable, "-m", "mypy", "--strict", "--no-incremental"),
        *("--python-executable", home / "bin" / "python", source),
        cwd=tmp_path,
        env=env,
    )
    out = run(home / "bin" / "python", source, cwd=tmp_path, env=env).stdout
    assert out.splitlines()[-1].startswith("120 1 job1")
