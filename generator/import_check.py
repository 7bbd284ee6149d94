"""The import check: a newly generated package must import in a fresh interpreter before it replaces the old one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import TracebackType

from generator.generator_error import GeneratorError, last_lines

# Run by the fresh interpreter. While the package is still being written, it imports the third-party
# modules the runtime sources import (nearly all of the import time, overlapped with generation); on "go"
# it imports the package from the staging directory, checks that this copy and not an installed one was
# imported, then imports every module but __main__ (which would run the CLI), and finally runs the
# caller's follow-up, if any, in the same interpreter. A warm-up import that fails is ignored: optional
# dependencies are imported under try, and a required one fails again below.
_CHILD = """
import importlib, pathlib, pkgutil, re, sys
runtime, staging, name, then = sys.argv[1:]
# A line scan, not ast (a tenth of the time): a match in a docstring costs at most an import attempt.
statement = re.compile(r"^\\s*(?:import|from)\\s+([A-Za-z_][\\w.]*)", re.MULTILINE)
for source in sorted(pathlib.Path(runtime).rglob("*.py")):
    for module in statement.findall(source.read_text(encoding="utf-8")):
        if module.partition(".")[0] not in (name, "__future__"):
            try:
                importlib.import_module(module)
            except Exception:
                pass
if sys.stdin.readline().strip() != "go":
    sys.exit(0)
if name in sys.modules:
    sys.exit(f"{name} was imported before the check, from {sys.modules[name].__file__}")
sys.path.insert(0, staging)
package = importlib.import_module(name)
found = pathlib.Path(package.__file__).resolve().parent
if found != pathlib.Path(staging, name).resolve():
    sys.exit(f"imported {name} from {found}, not from {staging}")
def reraise(_):
    raise
for module in pkgutil.walk_packages(package.__path__, name + ".", onerror=reraise):
    if module.name.rpartition(".")[2] != "__main__":
        importlib.import_module(module.name)
if then:
    exec(compile(then, "<follow-up>", "exec"), {"staging": staging, "name": name})
"""

TIMEOUT_S = 60.0  # the import takes well under a second; this only catches a hang


class ImportCheck:
    """Imports the package ``name`` from ``staging`` (``staging/name/``) in a fresh interpreter.

    The interpreter starts when the context is entered and prepares while the caller writes the
    package; ``run()`` then performs the import. Isolated mode (``-I``) keeps ``PYTHONPATH``, the
    user's site directory and the current directory out of ``sys.path``, and the staging directory
    comes first, before the path an editable install adds. ``-B``: no ``__pycache__`` is written
    into the package. Leaving the context ends the interpreter if ``run()`` was not called.

    ``then``, Python source, runs in that interpreter once every module has imported, with the
    names ``staging`` and ``name`` defined: a reader of the new package (its command line, for the
    API reference) gets an interpreter that has imported it already, rather than a second one.
    """

    def __init__(self, runtime: Path, staging: Path, name: str, *, then: str = "") -> None:
        self._command = [sys.executable, "-I", "-B", "-c", _CHILD, str(runtime), str(staging), name, then]
        self._name = name
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> ImportCheck:
        self._process = subprocess.Popen(
            self._command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        return self

    def run(self) -> str:
        """Imports the package and every module in it but ``__main__``, runs ``then``, and returns what
        ``then`` printed.

        Raises:
            GeneratorError: a module failed to import (the message quotes the last lines of the
                error), the import took longer than ``TIMEOUT_S``, or the package was imported from
                anywhere but the staging directory.
        """
        if self._process is None:
            raise RuntimeError("ImportCheck.run() outside its `with` block")
        try:
            stdout, stderr = self._process.communicate("go\n", timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            raise GeneratorError(f"importing the new {self._name} took over {TIMEOUT_S:.0f} s") from exc
        if self._process.returncode != 0:
            output = last_lines(f"{stdout}\n{stderr}") or f"exit status {self._process.returncode}, no output"
            raise GeneratorError(f"the new {self._name} does not import; nothing was replaced:\n{output}")
        return stdout

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.communicate()
