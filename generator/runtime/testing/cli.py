"""The fake as its own process: ``python -m foas_client.testing serve``, for services not written in Python.

``main`` parses the command line, builds the fake with the generated binding's factory, serves it on
HTTP until SIGTERM or Ctrl-C, and exits 0. The first line on stdout (flushed at once) is the base URL
and the credentials the fake accepts, so a parent process or a container's healthcheck can read it::

    fake: http://127.0.0.1:40123 access_key_id=fake-access-key-id access_key_secret=fake-access-key-secret

``-v`` writes one line on stderr per request whose signature verified, with its version
(``fake: signature v3 verified: GET /api/...``).

With an estate (``EstateOptions``, when the spec nests three listings: ``--projects N --packages M
--referenced FRACTION [--jobs-per-package K]``, the names the generated binding gives), the fake serves
that estate instead of the documented examples, and the lines after the first say what it holds.

It knows no operation: the generated ``testing`` module passes what to serve and how to add ``--jobs``.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import attrs

from .answers import Fault
from .estate import DEFAULT_ITEMS, DEFAULT_OWNERS, DEFAULT_PER_ITEM, DEFAULT_REFERENCED, check_estate
from .server import LoopbackServer
from .service import TEST_CREDENTIALS, FakeService

__all__ = ["EstateOptions", "main", "parse_fault"]

_Service = TypeVar("_Service", bound=FakeService)


@attrs.frozen
class EstateOptions(Generic[_Service]):
    """The estate options of ``serve``, named by the generated binding after the spec's three nested listings.

    Attributes:
        nouns: the plural nouns of the top, nested and referencing items (``projects``, ``packages``,
            ``jobs``): the options are ``--<top>``, ``--<nested>`` and ``--<per_item>``.
        per_item: the option of the number of referencing items per referenced item (``jobs-per-package``).
        build: makes the fake: ``build(top, nested, referenced, per_item, seed)``, raising ``ValueError``
            for counts it refuses.
    """

    nouns: tuple[str, str, str]
    per_item: str
    build: Callable[[int, int, float, int, int], _Service]


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


def _parser(prog: str, estate: EstateOptions[_Service] | None = None) -> argparse.ArgumentParser:
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
        "--latency", type=float, default=0.0, metavar="SECONDS", help="seconds added to every answer (default: 0)"
    )
    if estate is not None:
        top, nested, referencing = estate.nouns
        serve.add_argument(
            f"--{top}", type=int, default=None, metavar="N", help=f"serve an estate of N {top} instead of the examples"
        )
        serve.add_argument(
            f"--{nested}",
            type=int,
            default=None,
            metavar="M",
            help=f"the estate's {nested} per item of --{top} (default: {DEFAULT_ITEMS})",
        )
        serve.add_argument(
            "--referenced",
            type=float,
            default=None,
            metavar="FRACTION",
            help=f"the fraction of the estate's {nested} that {referencing} reference, 0 to 1"
            f" (default: {DEFAULT_REFERENCED})",
        )
        serve.add_argument(
            f"--{estate.per_item}",
            type=int,
            default=None,
            metavar="K",
            help=f"the {referencing} of each referenced item of --{nested} (default: {DEFAULT_PER_ITEM})",
        )
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


def _options(estate: EstateOptions[_Service]) -> tuple[str, str, str, str]:
    """The estate's options, in the order ``EstateOptions.build`` takes their values."""
    top, nested, _ = estate.nouns
    return top, nested, "referenced", estate.per_item


def _dest(option: str) -> str:
    return option.replace("-", "_")


def main(
    argv: Sequence[str] | None,
    make_service: Callable[[], _Service],
    add_generated: Callable[[_Service, int, int], None],
    *,
    prog: str = "python -m foas_client.testing",
    estate: EstateOptions[_Service] | None = None,
) -> int:
    """Runs the command line ``argv``; returns the exit status (0 after SIGTERM or Ctrl-C; 1 when the
    address cannot be listened on, a port in use for one, said in one line on stderr; 2 for bad options).

    ``make_service`` builds the fake (with its documented examples, checking ``TEST_CREDENTIALS``);
    ``add_generated(service, count, seed)`` adds ``--jobs`` generated items to each paged operation;
    ``estate``, when given, adds the options of an estate served instead of the documented examples.
    """
    parser = _parser(prog, estate)
    arguments = parser.parse_args(argv)
    service: _Service
    given = [getattr(arguments, _dest(option)) for option in _options(estate)] if estate is not None else []
    if estate is not None and any(value is not None for value in given):
        top = DEFAULT_OWNERS if given[0] is None else int(given[0])
        nested = DEFAULT_ITEMS if given[1] is None else int(given[1])
        referenced = DEFAULT_REFERENCED if given[2] is None else float(given[2])
        per_item = DEFAULT_PER_ITEM if given[3] is None else int(given[3])
        try:
            check_estate(top, nested, referenced, per_item, names=[f"--{option}" for option in _options(estate)])
        except ValueError as exc:
            parser.error(str(exc))  # exits 2, as argparse does for any bad option
        service = estate.build(top, nested, referenced, per_item, arguments.seed)
    else:
        service = make_service()
    if arguments.verbose:  # the service logs each verified signature's version on this logger (INFO)
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("fake: %(message)s"))
        log = logging.getLogger("foas_client.testing")
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    service.latency = arguments.latency
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
        if estate is not None and service.estate is not None:
            for line in service.estate.describe(estate.nouns):
                print(f"fake: {line}", flush=True)
        while not stop.wait(1.0):  # a timeout keeps the wait interruptible by the handlers on every platform
            pass
    sys.stdout.flush()
    return 0
