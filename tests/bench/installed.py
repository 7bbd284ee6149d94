"""The client as users install it: the wheel in a fresh venv, compiled to bytecode.

The development install is editable and, on machines that set PYTHONDONTWRITEBYTECODE, never
cached as bytecode: every fresh process would compile the whole package from source, a cost no
user pays. Figures taken in fresh processes (import time, the CLI's wall time and peak RSS) use
this venv instead. It holds what ``pip install 'foas-client[cli,speedups]'`` brings, plus the
official SDK of the baselines (requirements-bench.txt), at the development venv's versions (its
``pip freeze`` as constraints; pip's cache usually has them all): nothing a user would not have.
With the development venv reached through a ``.pth`` file instead, httpx imported its own command
line (httpx imports ``httpx._main`` whenever click is installed, and the development tools bring
click), about 50 ms that a user's ``foas`` never spends.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH_REQUIREMENTS = ROOT / "requirements-bench.txt"


def _run(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {(done.stderr or done.stdout)[-2000:]}")
    return done.stdout


@contextmanager
def installed_wheel() -> Iterator[str]:
    """A temporary venv with this project's wheel installed and compiled; yields its python.

    Raises:
        RuntimeError: building, installing or checking the install failed; or ``foas_client`` or
            ``httpx`` would not be imported from bytecode in it.
    """
    with tempfile.TemporaryDirectory(prefix="foas-bench-") as scratch:
        wheels, venv = Path(scratch, "wheels"), Path(scratch, "venv")
        # --no-isolation: the pinned hatchling of the dev venv builds it, offline, in a second.
        _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(wheels), str(ROOT)])
        (wheel,) = wheels.glob("*.whl")
        _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
        python = str(venv / "bin" / "python")
        constraints = Path(scratch, "constraints.txt")
        frozen = _run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"]).splitlines()
        constraints.write_text("\n".join(line for line in frozen if not line.startswith("foas-client")) + "\n")
        install = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--disable-pip-version-check"]
        _run([*install, f"{wheel}[cli,speedups]", "-r", str(BENCH_REQUIREMENTS), "-c", str(constraints)])
        purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).strip())
        _run([python, "-m", "compileall", "-q", str(purelib)])
        check = (
            "import importlib.util, os, sys, foas_client, httpx\n"
            "for module in (foas_client, httpx):\n"
            "    cached = importlib.util.cache_from_source(module.__file__)\n"
            "    assert os.path.exists(cached), cached\n"
            f"assert foas_client.__file__.startswith({str(purelib)!r}), foas_client.__file__\n"
        )
        _run([python, "-I", "-c", check])
        yield python
