"""The fake as its own process: ``python -m foas_client.testing serve``, for services not written in Python.

``main`` parses the command line, builds the fake with the generated binding's factory, serves it on
HTTP until SIGTERM or Ctrl-C, and exits 0. The first line on stdout (flushed at once) is the base URL
and the credentials the fake accepts, so a parent process or a container's healthcheck can read it::

    fake: http://127.0.0.1:40123 access_key_id=fake-access-key-id access_key_secret=fake-access-key-secret

``-v`` writes one line on stderr per request whose signature verified, with its version
(``fake: signature v3 verified: GET /api/...``).

It knows no operation: the generated ``testing`` module passes what to serve and how to add ``--jobs``.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from .answers import Fault
from .server import LoopbackServer
from .service import TEST_CREDENTIALS, FakeService

__all__ = ["main", "parse_fault"]

_Service = TypeVar("_Service", bound=FakeService)

# The kinds --fault takes: what a shell can spell, each to the Fault it queues.
_FAULTS: dict[str, Callable[[list[str]], Fault]] = {
    "error": lambda args: Fault.error(int(args[0]) if args else 503, *args[1:2]),
    "throttle": lambda args: Fault.throttle(int(args[0])) if args else Fault.throttle(),
    # acs-retry-after:MS[:STATUS[:CODE]]: an error (400 Throttling.User by default) carrying x-acs-retry-after
    "acs-retry-after": lambda args: Fault.error(
        int(args[1]) if args[1:] else 400,
        args[2] if args[2:] else "Throttling.User",
        acs_retry_after=str(int(args[0])) if args else "1000",
    ),
    "reset": lambda args: Fault.reset(),
    "malformed": lambda args: Fault.malformed(),
    "html": lambda args: Fault.html(int(args[0]) if args else 502),
    "delay": lambda args: Fault.delay(float(args[0]) if args else 1.0),
    "truncate": lambda args: Fault.truncate(),
}


def parse_fault(text: str) -> Fault:
    """A ``Fault`` from its command-line spelling: ``KIND[:ARG[:ARG]]``, e.g. ``error:503``,
    ``error:500:InternalError``, ``throttle``, ``throttle:429``, ``acs-retry-after:300`` (400
    Throttling.User with ``x-acs-retry-after: 300``), ``acs-retry-after:300:400:InvalidParameter``,
    ``reset``, ``malformed``, ``html:502``, ``delay:2.5``, ``truncate``.

    Raises:
        argparse.ArgumentTypeError: an unknown kind or an argument that is not a number.
    """
    kind, *args = text.split(":")
    if kind not in _FAULTS:
        raise argparse.ArgumentTypeError(f"unknown fault {kind!r}; one of {', '.join(_FAULTS)}")
    try:
        return _FAULTS[kind](args)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad fault {text!r}: its argument is not a number") from None


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="The testing fake of the service, as its own process.")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser(
        "serve",
        help="serve the fake on HTTP until SIGTERM or Ctrl-C",
        description="Serve the fake on HTTP; the first line on stdout gives its base URL and credentials.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=0, help="the port; 0, the default: a free one")
    serve.add_argument(
        "--jobs", type=int, default=0, metavar="N", help="N generated items more, beside the documented ones"
    )
    serve.add_argument("--seed", type=int, default=0, help="the seed of the generated items (default: 0)")
    serve.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="one line on stderr for each request whose signature verifies, naming its version (v3 or v1)",
    )
    serve.add_argument(
        "--fault",
        type=parse_fault,
        action="append",
        default=[],
        metavar="KIND",
        help="a fault for the next request, repeatable, used in order: error:503, throttle, reset, malformed, ...",
    )
    return parser


def main(
    argv: Sequence[str] | None,
    make_service: Callable[[], _Service],
    add_generated: Callable[[_Service, int, int], None],
    *,
    prog: str = "python -m foas_client.testing",
) -> int:
    """Runs the command line ``argv``; returns the exit status (0 after SIGTERM or Ctrl-C; 1 when the
    address cannot be listened on, a port in use for one, said in one line on stderr).

    ``make_service`` builds the fake (with its documented examples, checking ``TEST_CREDENTIALS``);
    ``add_generated(service, count, seed)`` adds ``--jobs`` generated items to each paged operation.
    """
    arguments = _parser(prog).parse_args(argv)
    if arguments.verbose:  # the service logs each verified signature's version on this logger (INFO)
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("fake: %(message)s"))
        log = logging.getLogger("foas_client.testing")
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    service = make_service()
    if arguments.jobs:
        add_generated(service, arguments.jobs, arguments.seed)
    service.inject(*arguments.fault)
    try:
        listening = LoopbackServer(service, host=arguments.host, port=arguments.port)
    except OSError as exc:  # EADDRINUSE, EACCES (a port below 1024), an address not on this host...
        reason = exc.strerror or str(exc)
        print(
            f"{prog} serve: error: cannot listen on {arguments.host} port {arguments.port}: {reason}", file=sys.stderr
        )
        return 1
    stop = threading.Event()
    # The handlers only set the event: the main thread waits on it, then stops the server cleanly.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    with listening as server:
        print(
            f"fake: {server.base_url} access_key_id={TEST_CREDENTIALS.access_key_id}"
            f" access_key_secret={TEST_CREDENTIALS.access_key_secret}",
            flush=True,  # a parent reads this line through a pipe: it must not sit in a buffer
        )
        while not stop.wait(1.0):  # a timeout keeps the wait interruptible by the handlers on every platform
            pass
    sys.stdout.flush()
    return 0
