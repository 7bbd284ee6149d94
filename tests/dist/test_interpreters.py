"""The wheel on every interpreter the package declares, as a downstream service installs it.

The suite runs on the development interpreter; here the built wheel goes into a fresh venv of each
other supported CPython (found on PATH, else under pyenv), which then runs a downstream service's use
of the public API against the package's own fake (sync and async clients, paging, XML, errors, the
plan and .properties views), passes ``mypy --strict`` for that interpreter's version, and runs the
``foas`` command. Where an interpreter is missing the test is skipped, except in CI (``CI=true``),
where every declared version must be tested.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from foas_client.testing import FakeFoasService
from tests.support.publishing import ROOT, Built, clean_env, pip_install, run

VERSIONS = ("3.10", "3.13")  # with the development interpreter (3.11): the lowest, and the newest supported


def interpreter(version: str) -> Path | None:
    """A CPython ``version`` executable: ``python<version>`` on PATH that really is that version, else pyenv's."""
    candidates = [shutil.which(f"python{version}")]
    root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    candidates += sorted(str(path) for path in Path(root, "versions").glob(f"{version}.*/bin/python{version}"))
    for candidate in filter(None, candidates):
        probe = subprocess.run(
            [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], capture_output=True, text=True
        )
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return Path(candidate)
    return None


@pytest.fixture(scope="module", params=VERSIONS)
def installed(request: pytest.FixtureRequest, built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv of the interpreter ``request.param`` holding the wheel with its cli and speedups extras."""
    version: str = request.param
    python = interpreter(version)
    if python is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CPython {version} is declared supported, but no python{version} was found to test it")
        pytest.skip(f"no python{version} on this machine")
    home = tmp_path_factory.mktemp(f"py{version}")
    run(python, "-m", "venv", "--without-pip", home, cwd=home)
    pip_install(home / "bin" / "python", f"{built.wheel}[cli,speedups]", cwd=home, env=clean_env(home))
    return home


def test_the_wheel_runs_a_downstream_service_on_each_supported_interpreter(installed: Path, tmp_path: Path) -> None:
    source = tmp_path / "consumer.py"
    shutil.copy(ROOT / "tests" / "dist" / "consumer.py", source)
    env = clean_env(installed)
    python = installed / "bin" / "python"
    version = run(python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])", cwd=tmp_path, env=env).stdout
    run(
        *(sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-version", version.strip()),
        *("--python-executable", python, source),
        cwd=tmp_path,
        env=env,
    )
    out = run(python, source, cwd=tmp_path, env=env).stdout
    assert out.splitlines()[-1].startswith("120 1 job1")
    assert out.splitlines()[0].startswith("refused: ")


def test_the_foas_command_runs_on_each_supported_interpreter(installed: Path, tmp_path: Path) -> None:
    with FakeFoasService.with_documented_jobs().serve() as fake:
        out = run(
            *(installed / "bin" / "foas", "get-ref-package-job", "--project-name", "project1"),
            *("--package-name", "package1.jar", "--output", "jsonl", "--endpoint", fake.base_url),
            cwd=tmp_path,
            env=clean_env(installed),
        ).stdout
    assert json.loads(out.splitlines()[0])["JobId"] == "9t9m6jfw8rb44iexhbpv3tnz"
