"""The publishing tests' tools: the release artefacts built once, commands run, a consumer's fresh venv."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path
from typing import NamedTuple

from foas_client.testing import TEST_CREDENTIALS
from scripts.api_check import project_version

ROOT = Path(__file__).resolve().parents[2]


class Built(NamedTuple):
    """What `python -m build` made of the source tree, and the version pyproject.toml declares."""

    sdist: Path
    wheel: Path
    version: str


def build_release(out: Path) -> Built:
    """The sdist and the wheel in ``out``, as `make dist` builds them. The wheel is built from the sdist,
    so a file that the sdist lacks fails here."""
    run(sys.executable, "-m", "build", "--outdir", out, ROOT, cwd=ROOT)
    (sdist,) = out.glob("foas_client-*.tar.gz")
    (wheel,) = out.glob("foas_client-*.whl")
    return Built(sdist, wheel, project_version(ROOT))


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command to completion (5 minutes at most); fail the test with its output's tail unless it exits 0."""
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{args[:3]} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    return result


def new_venv(home: Path) -> Path:
    """A fresh virtual environment at ``home``, empty; returns its python. Install with ``pip_install``."""
    # Without pip of its own: ensurepip costs seconds per venv, and this pip can install into it.
    venv.EnvBuilder(with_pip=False).create(home)
    return home / "bin" / "python"


def pip_install(python: Path, *args: str | Path, cwd: Path, env: dict[str, str]) -> None:
    """``pip install *args`` into the environment of ``python``, with pip's configuration as it stands."""
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", *args, cwd=cwd, env=env)


def clean_env(home: Path) -> dict[str, str]:
    """This process's environment as seen from the venv at ``home``: its ``bin`` first, no trace of the dev venv,
    and the fake's test credentials in the variables the client reads."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = f"{home / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["ALIBABA_CLOUD_ACCESS_KEY_ID"] = TEST_CREDENTIALS.access_key_id
    env["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = TEST_CREDENTIALS.access_key_secret
    return env
