"""What the independent judges share: the pinned Node tools, a bundled copy of the spec, a Prism process.

Spectral and Prism come from ``package.json``/``package-lock.json`` (``make node_modules/.installed``,
which ``make lint`` and ``make test`` run first). The spec's examples are files (``externalValue``),
which neither tool loads, so a test that needs them inline builds a bundled copy in a temporary
directory with the generator's bundling (``generator/bundle.py``, which also writes the package's
``openapi.json``): each ``externalValue`` replaced by a ``value`` (JSON parsed, XML as its text).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import bundle
from generator.bundle import Keep

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "foas.openapi.yaml"
NODE_BIN = ROOT / "node_modules" / ".bin"
LISTEN_TIMEOUT = 30.0  # seconds for Prism to open its port (it takes under 1 s here)


def node_tool(name: str) -> Path:
    """The pinned executable ``name`` from ``node_modules/.bin``; fails (not skips) when it is missing."""
    path = NODE_BIN / name
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make node_modules/.installed` (npm ci from package-lock.json)")
    return path


def load_spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


def inline_examples(spec: dict[str, Any], *, keep: Keep = lambda media, path: True) -> int:
    """``generator.bundle.inline_examples`` on a spec read from ``SPEC``: the one bundling, the package's."""
    return bundle.inline_examples(spec, SPEC.parent, keep=keep)


def write_spec(spec: dict[str, Any], directory: Path, name: str = "foas.bundled.json") -> Path:
    path = directory / name
    path.write_text(json.dumps(spec, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Prism:
    """``prism mock`` of one spec file on 127.0.0.1, as a subprocess of its own process group."""

    def __init__(self, spec: Path, log: Path) -> None:
        self.spec = spec
        self.log = log
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> Prism:
        command = [str(node_tool("prism")), "mock", "--host", "127.0.0.1", "--port", str(self.port), str(self.spec)]
        with self.log.open("wb") as log:
            self._process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
            )
        self._wait_listening()
        return self

    def _wait_listening(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + LISTEN_TIMEOUT
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                pytest.fail(f"prism exited with {self._process.returncode}: {self.log.read_text(errors='replace')}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)  # polling a port that is not open yet: no event to wait on
        self.stop()
        pytest.fail(f"prism did not listen on port {self.port} within {LISTEN_TIMEOUT} s: {self.log.read_text()}")

    def stop(self) -> None:
        process = self._process
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)  # the group this test started (node may fork workers)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


@contextmanager
def running_prism(spec: Path, log: Path) -> Iterator[Prism]:
    prism = Prism(spec, log)
    try:
        yield prism.start()
    finally:
        prism.stop()
