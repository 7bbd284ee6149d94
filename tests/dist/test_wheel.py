"""The wheel alone, as a downstream service installs it: a fresh virtual environment, no source tree.

Takes the session's wheel (tests/dist/conftest.py), installs it (with its declared dependencies only)
into a new venv, then: imports it, runs the `foas` console script against the fake, and runs mypy --strict on a typed consumer.
"""

from __future__ import annotations

import json
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, LoopbackFake
from tests.support.publishing import ROOT, Built, clean_env, new_venv, pip_install, run


@pytest.fixture(scope="module")
def wheel(built: Built) -> Path:
    return built.wheel


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv holding the wheel and its dependencies, and nothing of this repository."""
    home = tmp_path_factory.mktemp("venv")
    # the properties extra: the typed consumer parses a job's Properties
    pip_install(new_venv(home), f"{wheel}[properties]", cwd=home, env=clean_env(home))
    return home


@pytest.fixture
def fake() -> Iterator[LoopbackFake]:
    with FakeFoasService.with_documented_jobs().serve() as running:
        yield running


def test_the_wheel_holds_the_package_and_its_types_only(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "foas_client/py.typed" in names
    assert "foas_client/__init__.py" in names
    assert "foas_client/openapi.json" in names  # the bundled spec, package data
    assert not [name for name in names if name.startswith(("tests/", "generator/", "spec/", "scripts/"))]
    assert not [name for name in names if "__pycache__" in name]


def test_the_wheel_requires_javaproperties_only_with_the_properties_extra(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    (metadata,) = [name for name in archive.namelist() if name.endswith(".dist-info/METADATA")]
    required = [line for line in archive.read(metadata).decode().splitlines() if line.startswith("Requires-Dist:")]
    assert [line for line in required if "javaproperties" in line] == [
        'Requires-Dist: javaproperties>=0.8; extra == "properties"'
    ]


def test_the_installed_wheel_imports_from_its_venv(installed: Path, tmp_path: Path) -> None:
    code = "import foas_client, sys; print(foas_client.__file__); print(foas_client.__version__)"
    out = run(installed / "bin" / "python", "-c", code, cwd=tmp_path, env=clean_env(installed)).stdout.split()
    assert out[0].startswith(str(installed))
    assert out[1] != "0+unknown"


def test_the_installed_wheel_reads_its_bundled_spec_with_importlib_resources(installed: Path, tmp_path: Path) -> None:
    code = (
        "import json; from importlib.resources import files; "
        "document = json.loads((files('foas_client') / 'openapi.json').read_text(encoding='utf-8')); "
        "print(document['openapi'], sorted(document['paths'])[0])"
    )
    out = run(installed / "bin" / "python", "-c", code, cwd=tmp_path, env=clean_env(installed)).stdout
    packaged = json.loads((ROOT / "generated" / "foas_client" / "openapi.json").read_text(encoding="utf-8"))
    assert out.split() == [packaged["openapi"], sorted(packaged["paths"])[0]]


def test_the_console_script_answers_from_the_fake(installed: Path, fake: LoopbackFake, tmp_path: Path) -> None:
    out = run(
        installed / "bin" / "foas",
        "get-ref-package-job",
        "--project-name",
        "project1",
        "--package-name",
        "package1.jar",
        "--endpoint",
        fake.base_url,
        "--output",
        "jsonl",
        cwd=tmp_path,
        env=clean_env(installed),
    ).stdout
    assert '"JobId": "9t9m6jfw8rb44iexhbpv3tnz"' in out
    assert TEST_CREDENTIALS.access_key_secret not in out


def test_a_typed_consumer_passes_mypy_strict_and_runs(installed: Path, tmp_path: Path) -> None:
    consumer = tmp_path / "consumer.py"
    consumer.write_text((ROOT / "tests" / "dist" / "consumer.py").read_text(encoding="utf-8"), encoding="utf-8")
    env = clean_env(installed)
    run(
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--python-executable",
        installed / "bin" / "python",
        "--no-incremental",
        consumer,
        cwd=tmp_path,
        env=env,
    )
    out = run(installed / "bin" / "python", consumer, cwd=tmp_path, env=env).stdout
    assert out.splitlines()[-1].startswith("120 1 job1")
