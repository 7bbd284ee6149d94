"""A real package index on loopback (pypiserver in its own process), for the publishing tests.

``LocalIndex.start(folder)`` runs ``pypi-server`` on 127.0.0.1 at a free port, serving and storing
packages in ``folder``; it returns once that server (and no other) answers, or raises with the
server's log. ``upload`` sends files with twine as a release would; ``stop`` ends the process.
"""

from __future__ import annotations

import http.client
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import TracebackType

from typing_extensions import Self

STARTUP_SECONDS = 30.0
PORT_ATTEMPTS = 3


class LocalIndex:
    """A running pypiserver; ``url`` is its root (``.../``), ``simple_url`` what pip is given."""

    def __init__(self, process: subprocess.Popen[bytes], url: str, log: Path) -> None:
        self.process = process
        self.url = url
        self.simple_url = f"{url}simple/"
        self.log = log

    @classmethod
    def start(cls, folder: Path) -> LocalIndex:
        """Serve ``folder`` (created if missing) at a free port; raise ``RuntimeError`` if it never answers."""
        packages = folder / "packages"
        packages.mkdir(parents=True, exist_ok=True)
        # A token on the welcome page proves that the server answering is ours, not another process
        # that took the port between our probe and pypiserver's bind.
        token = secrets.token_hex(8)
        welcome = folder / "welcome.html"
        welcome.write_text(f"local index {token}", encoding="utf-8")
        failures: list[str] = []
        for attempt in range(PORT_ATTEMPTS):
            port = _free_port()
            log = folder / f"server-{attempt}.log"
            with log.open("wb") as sink:
                process = subprocess.Popen(
                    [
                        *(sys.executable, "-m", "pypiserver", "run"),
                        *("--host", "127.0.0.1", "--port", str(port)),
                        # No authentication for any action: a throwaway index on loopback.
                        *("--authenticate", ".", "--passwords", "."),
                        # Packages it does not hold answer 404 instead of a redirect to the public index:
                        # dependencies come from pip's own configured index, never through this one.
                        "--disable-fallback",
                        *("--server", "wsgiref", "--hash-algo", "sha256", "--welcome", str(welcome)),
                        str(packages),
                    ],
                    stdout=sink,
                    stderr=subprocess.STDOUT,
                )
            index = cls(process, f"http://127.0.0.1:{port}/", log)
            if index._answers(token):
                return index
            index.stop()
            failures.append(log.read_text(encoding="utf-8", errors="replace")[-2000:])
        raise RuntimeError(f"pypiserver did not start in {PORT_ATTEMPTS} attempts:\n" + "\n---\n".join(failures))

    def _answers(self, token: str) -> bool:
        """Poll the welcome page until it shows ``token``: False if the process exits or time runs out."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url, timeout=2) as response:
                    if token in response.read().decode("utf-8", errors="replace"):
                        return True
            except (OSError, http.client.HTTPException):
                pass  # not listening yet, or not answering HTTP yet
            try:
                self.process.wait(timeout=0.05)  # the pause between polls, and it notices an exit (port taken)
            except subprocess.TimeoutExpired:
                continue
            return False
        return False

    def upload(self, *files: Path) -> subprocess.CompletedProcess[str]:
        """``twine upload`` ``files`` to this index (any user name and password: none is checked)."""
        return subprocess.run(
            [
                *(sys.executable, "-m", "twine", "upload", "--repository-url", self.url),
                *("--username", "local", "--password", "local", "--non-interactive", "--disable-progress-bar"),
                *(str(file) for file in files),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def stop(self) -> None:
        """End the server process (terminate, then kill if it lingers)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
