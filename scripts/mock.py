"""`make mock`: the API mocked by Prism on 127.0.0.1, answering the documented examples of spec/examples.

Contract:

- The first line on stdout is ``mock: http://127.0.0.1:PORT (Prism, examples of spec/examples)``,
  flushed before Prism starts; PORT is a free port (``--port`` chooses one). Prism's own log follows.
- The document served is the package's bundled spec, ``generated/foas_client/openapi.json`` (its
  examples inline), with its ``security`` requirements left out: every request, signed or not, gets
  the documented example of the media type its ``Accept`` asks for (``application/json`` or
  ``application/xml``; the first example of each, unless a ``Prefer: example=NAME`` header names
  another). Prism would only check that an ``Authorization`` header is present, never a signature, so
  requiring one would prove nothing and would make an unsigned client fail against the mock.
- It runs in the foreground until Ctrl-C (SIGINT) or SIGTERM, then stops Prism, removes its copy of
  the document and exits 0; if Prism exits by itself (say, the port was taken), it exits with
  Prism's status.

Standard library only, so that it runs as ``python scripts/mock.py`` or ``python -m scripts.mock``.
"""

from __future__ import annotations

import argparse
import json
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_SPEC = ROOT / "generated" / "foas_client" / "openapi.json"
PRISM = ROOT / "node_modules" / ".bin" / "prism"
HOST = "127.0.0.1"


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now (the OS picks it; Prism binds it a moment later)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def without_security(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with every ``security`` requirement removed (top level and per operation), in place."""
    document.pop("security", None)
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            if isinstance(operation, dict):
                operation.pop("security", None)
    return document


def main(argv: list[str] | None = None) -> int:
    """Runs the mock until it is interrupted; returns the exit status (0 when stopped by a signal)."""
    parser = argparse.ArgumentParser(prog="make mock", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="the port to listen on (default: a free one)")
    options = parser.parse_args(argv)
    for needed, how in ((BUNDLED_SPEC, "make generate"), (PRISM, "make node_modules/.installed")):
        if not needed.exists():
            print(f"mock: {needed} is missing: run `{how}`", file=sys.stderr)
            return 2
    port = options.port or free_port()
    document = without_security(json.loads(BUNDLED_SPEC.read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory(prefix="foas-mock-") as scratch:
        spec = Path(scratch) / "openapi.json"
        spec.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        print(f"mock: http://{HOST}:{port} (Prism, examples of spec/examples)", flush=True)
        # A child rather than exec: this process stays to remove the document when Prism stops.
        prism = subprocess.Popen([str(PRISM), "mock", "--host", HOST, "--port", str(port), str(spec)])

        def stop(signum: int, frame: FrameType | None) -> None:
            prism.terminate()

        signal.signal(signal.SIGTERM, stop)
        try:
            status = prism.wait()
        except KeyboardInterrupt:
            # Ctrl-C reaches Prism too when it shares the terminal's process group; a SIGINT sent to
            # this process alone must still stop it.
            prism.send_signal(signal.SIGINT)
            prism.wait()
            return 0
        stopped = status in (-signal.SIGTERM, -signal.SIGINT, 128 + signal.SIGTERM, 128 + signal.SIGINT)
        return 0 if stopped else status


if __name__ == "__main__":
    sys.exit(main())
