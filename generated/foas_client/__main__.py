# Generated from spec/foas.openapi.yaml and generator/templates/layers/__main__.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""``python -m foas_client`` and the ``foas`` executable: the command line as a process of its own."""

from __future__ import annotations

import atexit
import gc
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Runs ``foas`` with ``argv`` (default: ``sys.argv[1:]``) as this process's command; returns the exit code.

    A program that runs the command line and goes on afterwards calls ``foas_client._cli.main``.
    """
    from ._cli import main as run  # here: importing this module (a docs tool, a walk) loads nothing

    # When the process ends, what is left moves out of the collector's reach first, so that the
    # interpreter's collections on the way out pass it by: about 40 ms less on exit after a listing
    # (make bench, cli-all). By then every file and connection of the command is closed, and the
    # memory goes back with the process. Registered once, however often this is called.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    return run(argv)


if __name__ == "__main__":  # importing the module (a docs tool, a walk over the package) runs nothing
    raise SystemExit(main())
