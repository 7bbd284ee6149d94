"""The machinery of the ``foas`` command, which knows no operation: commands come as ``Command`` data.

The generated ``_cli`` module describes one command per operation of the spec (``foas <operation>``,
kebab case: options from its parameters, output columns from its item schema, ``--all`` when it has
x-pagination) and the views of embedded documents (``foas plan``), and calls ``run``. Only the
client's own options are written here. Credentials, region and endpoint defaults are the client's.
Every failure ends with one line on stderr and an exit code from ``ExitCode``; retry chatter appears
only with ``--verbose`` (``-v``: each attempt and retry; ``-vv``: each HTTP request too).
"""

from __future__ import annotations

import argparse
import enum
import functools
import inspect
import logging
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from typing import TYPE_CHECKING, Any, NoReturn

import attrs
import httpx

from ..arguments import problem
from ..credentials import ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN, environment_secrets
from ..errors import (
    ApiError,
    CredentialsError,
    DecodeError,
    FoasError,
    InUseError,
    InvalidParameterError,
    PaginationError,
    TransportError,
)
from ..http.attempt_log import LOGGER, environment_handler
from ..http.core import DEFAULT_TIMEOUT, ENV_REGION_ID, SyncClientCore, _Settings
from ..http.network import ENV_CA_BUNDLE, ENV_SSL_CERT_FILE
from ..http.retry import DEFAULT_MAX_ATTEMPTS, on_retry_hooks
from ..operation import Parameter
from ..paging import PageRules, iter_page_items
from . import destructive
from .destructive import DeclinedError, DryRun
from .output import OUTPUTS, Listing, Model, RecordLayout, load_rich, page_progress, writer

if TYPE_CHECKING:
    from stamina.instrumentation import RetryDetails

    from .sweep import SweepCommand

__all__ = ["ALL_PAGES_CONCURRENCY", "EXIT_CODES", "Command", "EmbeddedView", "ExitCode", "Program", "run"]

# Pages in flight with --all unless --concurrency says otherwise; they print in order either way.
# Measured (whole process, 2,000 jobs in pages of 20, 20 ms per request, loopback fake, 2 shared
# cores; median wall time of 5 runs): 1: 3.25 s, 2: 1.72 s, 4: 1.32 s, 8: 0.90 s, 16: 0.93 s,
# 32: 0.90 s. Past 8 the process waits on its own CPU (decoding, writing), not on the service;
# and 8 requests at a time is still a modest load to put on a real service.
ALL_PAGES_CONCURRENCY = 8
MAX_CONCURRENCY = 64  # --concurrency: a thread per page in flight; more would only queue at the service


@attrs.frozen
class EmbeddedView:
    """A command that shows a document embedded in a text field of an item (``x-embedded-schema``).

    Attributes:
        command: its name (the field's ``x-view-command``, e.g. ``plan``).
        help, description: its help line and text.
        field: the item attribute holding the document's text; ``wire_field`` its name in the API.
        id_field, name_field: the item attributes that identify an item and name it (the item schema's
            ``x-item-id`` and ``x-item-name``), offered as ``--<id>``/``--<name>`` options to choose one.
        formats: the views, the first the default.
        render: the document's text and a format -> the text to print; raises ``DecodeError``.
    """

    command: str
    help: str
    description: str
    field: str
    wire_field: str
    id_field: str
    name_field: str
    formats: tuple[str, ...]
    render: Callable[[str, str], str]


@attrs.frozen
class Command:
    """One operation as a command: ``foas <name>``.

    Attributes:
        name: the command, the operation's method name in kebab case (``get-ref-package-job``).
        operation_id, summary: the operation's, from the spec.
        parameters: the operation's parameters (its ``OperationSpec``'s, from ``_schema.OPERATIONS``): its options.
        call: the client class's method for one call (called with the client and the arguments).
        layout: how its items print (the item schema's fields; for an operation without x-pagination,
            the answer's own schema: its one answer is the one item).
        rules: its x-pagination, else ``None``: with it come ``--all`` (the pages of ``call``, walked by
            these rules) and ``items``, the client class's method listing every item (for the views).
        views: commands showing an embedded document of its items (``foas plan``).
        destructive: the operation destroys (a DELETE, or ``x-destructive``): the command asks first on a
            terminal, refuses without one unless ``--yes`` is given, and ``--dry-run`` sends nothing.
        guard: the client class's guarded method (the spec's ``x-guard``), called instead of ``call``
            with ``force`` and ``evidence`` (``--force``, ``--evidence``; see ``cli.sweep``), or ``None``.
    """

    name: str
    operation_id: str
    summary: str
    parameters: tuple[Parameter, ...]
    call: Callable[..., Any]
    layout: RecordLayout
    rules: PageRules | None = None
    items: Callable[..., Iterator[Any]] | None = None
    views: tuple[EmbeddedView, ...] = ()
    destructive: bool = False
    guard: Callable[..., Any] | None = None


@attrs.frozen
class Program:
    """The whole command line: its name, what it is about, the client class, the version, the commands.

    ``version`` gives the version text; it is called only for ``--version`` (reading the installed
    package's metadata costs more than the rest of the command line's start-up).
    """

    prog: str
    description: str
    client_class: type[SyncClientCore]
    version: Callable[[], str]
    commands: tuple[Command, ...]
    sweeps: tuple[SweepCommand, ...] = ()  # the spec's x-sweep commands (cli.sweep)


class ExitCode(enum.IntEnum):
    OK = 0
    API_ERROR = 1
    USAGE = 2
    UNDECODABLE = 3
    TRANSPORT = 4
    CREDENTIALS = 5
    NOTHING_TO_SHOW = 6
    INTERNAL = 7
    UNDECIDED = 8
    INTERRUPTED = 130


EXIT_CODES: dict[ExitCode, str] = {
    ExitCode.OK: "success",
    ExitCode.API_ERROR: "the service answered an error (the line names its Code and RequestId); "
    "with --exit-code: the listing has items; a guarded delete refused (items still reference it), "
    "or a destructive command not confirmed",
    ExitCode.USAGE: "usage: a missing or invalid option",
    ExitCode.UNDECODABLE: "an answer that cannot be decoded (not the spec's JSON/XML), or pages that do not add up",
    ExitCode.TRANSPORT: "the service could not be reached or did not answer in time",
    ExitCode.CREDENTIALS: "no usable credentials",
    ExitCode.NOTHING_TO_SHOW: "a view (e.g. plan): no such item, or the item has no such document",
    ExitCode.INTERNAL: "an unexpected error (a bug: please report the line)",
    ExitCode.UNDECIDED: "not everything was decided: a sweep where some listing failed (see each failed "
    "record); with --exit-code, the service answered an error",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C)",
}

# Most specific first: the first class an error is an instance of gives the exit code.
_ERROR_CODES: tuple[tuple[type[BaseException], ExitCode], ...] = (
    (ApiError, ExitCode.API_ERROR),
    (InUseError, ExitCode.API_ERROR),  # refused: what was to be deleted is still referenced
    (InvalidParameterError, ExitCode.USAGE),
    (DecodeError, ExitCode.UNDECODABLE),
    (PaginationError, ExitCode.UNDECODABLE),
    (TransportError, ExitCode.TRANSPORT),
    (CredentialsError, ExitCode.CREDENTIALS),
)


class _UsageError(Exception):
    """A command line argparse refuses, as one line."""


class _NothingToShow(FoasError):
    """A view: no item matches, or the item carries no document."""


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error raised as one line instead of the usage text and ``sys.exit``."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message} (see '{self.prog} --help')")


class _VersionAction(argparse.Action):
    """``--version``: prints ``<prog> <version>`` on stdout and exits 0, as argparse's own action does.

    The version is asked of the program only then, not when the parser is built.
    """

    def __init__(self, option_strings: Sequence[str], dest: str, *, program: Program, **kwargs: Any) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, **kwargs)
        self.program = program

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> NoReturn:
        sys.stdout.write(f"{self.program.prog} {self.program.version()}\n")
        parser.exit()


# -- options --------------------------------------------------------------------------------------


def _option(parameter: Parameter) -> Callable[[str], Any]:
    """The converter of a spec parameter's option: the text as the parameter's kind, checked by the library's rule."""

    def parse(text: str) -> Any:
        value: Any = text
        if parameter.kind == "integer":
            try:
                value = int(text)
            except ValueError:
                raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None
        found = problem(parameter, value)
        if found is not None:
            raise argparse.ArgumentTypeError(found)
        return value

    return parse


def _count(*, minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    """The converter of a count option of the command line's own (not the spec's): an int within the bounds."""
    return _option(Parameter("", "", "query", kind="integer", minimum=minimum, maximum=maximum))


def _seconds(text: str, *, zero: bool = False) -> float:
    """The converter of a seconds option: a finite number above 0 (``zero``: or 0)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, got {text!r}") from None
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero):
        wanted = "0 or more seconds" if zero else "a positive number of seconds"
        raise argparse.ArgumentTypeError(f"must be {wanted}, got {text}")
    return value


def _url(text: str) -> str:
    problem = _Settings.endpoint_problem(text)  # the client's own rule, reported as a usage error
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text


# The metavar of a spec parameter by its kind; any other kind is taken as text.
_METAVARS = {"integer": "INT"}


def _add_parameter(group: argparse._ArgumentGroup, parameter: Parameter) -> None:
    """One spec parameter as an option: ``--kebab-case`` of its python name, its type, bounds and help."""
    name: str = parameter.python_name
    group.add_argument(
        _flag(name),
        dest=name,
        type=_option(parameter),
        metavar=_METAVARS.get(parameter.kind, "TEXT"),
        required=parameter.required,
        help=parameter.description.replace("%", "%%"),  # argparse %-formats help
    )


def _operation_parameters(command: Command, *, paging: bool) -> tuple[list[Parameter], list[Parameter]]:
    """The operation's spec parameters as (required then paging, the rest), in the spec's order.

    ``paging=False`` leaves the page number out (a view walks the pages itself).
    """
    page = command.rules.page_argument if command.rules else None
    size = command.rules.size_argument if command.rules else None
    paging_names = [name for name in ((size, page) if paging else (size,)) if name]
    parameters = list(command.parameters)
    required = [p for p in parameters if p.required]
    pages = [p for name in paging_names for p in parameters if p.python_name == name and not p.required]
    rest = [p for p in parameters if p not in required and p not in pages and p.python_name != page]
    return required + pages, rest


def _flag(python_name: str) -> str:
    """The option of a Python name: ``page_size`` -> ``--page-size``; ``type_`` (a keyword's) -> ``--type``."""
    return "--" + python_name.rstrip("_").replace("_", "-")


def _add_client_options(group: argparse._ArgumentGroup, *, output: bool) -> None:
    group.add_argument(
        "--endpoint",
        type=_url,
        metavar="URL",
        help="base URL of the service (default: the region's endpoint)",
    )
    group.add_argument(
        "--response-format",
        choices=("json", "xml"),
        default="json",
        metavar="json|xml",
        help="the wire format to ask for (default: json); answers decode by their Content-Type",
    )
    if output:
        group.add_argument(
            "--output",
            choices=OUTPUTS,
            default="table",
            metavar="|".join(OUTPUTS),
            help="table (default; for people), json (one array), jsonl (one object per line, streamed), "
            "csv (every field of the spec)",
        )
    group.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"per attempt, from sending the request to the answer's last byte (default: {DEFAULT_TIMEOUT:g})",
    )
    group.add_argument(
        "--max-attempts",
        type=_count(minimum=1),
        default=DEFAULT_MAX_ATTEMPTS,
        metavar="N",
        help=f"attempts in all, retries included; 1: no retries (default: {DEFAULT_MAX_ATTEMPTS})",
    )
    group.add_argument(
        "--signature-version",
        choices=("v3", "v1"),
        default="v3",
        metavar="v3|v1",
        help="the signature: v3 (default; ACS3-HMAC-SHA256, as the current official SDKs sign) "
        "or v1 (ROA, HMAC-SHA1, as the legacy SDKs sign)",
    )
    _add_network_options(group)
    group.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="show each attempt (operation, status, RequestId, attempt, elapsed) and each retry on stderr; "
        "given twice (-v -v), each HTTP request too",
    )


def _add_network_options(group: argparse._ArgumentGroup) -> None:
    """The clients' network settings (see ``FoasClient``): each option sets the argument of its name."""
    group.add_argument(
        "--proxy",
        metavar="URL",
        help="send every request through this proxy (http://, https:// or socks5://); "
        "default: $HTTPS_PROXY/$HTTP_PROXY/$ALL_PROXY, with $NO_PROXY",
    )
    verification = group.add_mutually_exclusive_group()
    verification.add_argument(
        "--ca-bundle",
        metavar="PATH",
        help="verify the server against this PEM CA bundle (or CA directory) alone; "
        f"default: ${ENV_CA_BUNDLE}, else ${ENV_SSL_CERT_FILE}, else certifi's store",
    )
    verification.add_argument(
        "--no-verify", action="store_true", help="do not verify the server's certificate (tests only)"
    )
    group.add_argument(
        "--cert", metavar="PATH", help="a client certificate (PEM; with its unencrypted key unless --key is given)"
    )
    group.add_argument("--key", metavar="PATH", help="the client certificate's key (PEM, unencrypted); needs --cert")
    group.add_argument(
        "--max-connections",
        type=_count(minimum=1),
        metavar="N",
        help="connections open at once, at most (default: 100)",
    )
    group.add_argument(
        "--max-keepalive-connections",
        type=_count(minimum=0),
        metavar="N",
        help="idle connections kept for reuse, at most (default: 20)",
    )
    group.add_argument(
        "--keepalive-expiry",
        type=functools.partial(_seconds, zero=True),
        metavar="SECONDS",
        help="how long an idle connection is kept (default: 5)",
    )
    group.add_argument(
        "--no-trust-env",
        action="store_true",
        help=f"ignore the proxy variables, ${ENV_CA_BUNDLE} and ${ENV_SSL_CERT_FILE}",
    )


def _epilog(program: Program) -> str:
    codes = "\n".join(f"  {int(code):<3}  {meaning}" for code, meaning in EXIT_CODES.items())
    return (
        "environment:\n"
        f"  {ENV_ACCESS_KEY_ID}, {ENV_ACCESS_KEY_SECRET}, {ENV_SECURITY_TOKEN} (STS)\n"
        "      the credentials (else the alibabacloud-credentials chain, when installed)\n"
        f"  {ENV_REGION_ID}  the default region (else {program.client_class._server.default_region})\n\n"
        f"exit codes (a failure prints one line on stderr):\n{codes}"
    )


def build_parser(program: Program) -> argparse.ArgumentParser:
    """The argument parser of ``program``: a command per operation, and the views of embedded documents."""
    epilog = _epilog(program)
    formatter = argparse.RawDescriptionHelpFormatter
    parser = _Parser(prog=program.prog, description=program.description, epilog=epilog, formatter_class=formatter)
    # The installed distribution's version (package metadata, as foas_client.__version__).
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, program=program, help="show program's version number and exit"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in program.commands:
        listing = commands.add_parser(
            command.name,
            help=command.summary,
            description=f"{command.operation_id}: {command.summary}",
            epilog=epilog,
            formatter_class=formatter,
        )
        leading, trailing = _operation_parameters(command, paging=True)
        operation = listing.add_argument_group(f"{command.operation_id} parameters (from the spec)")
        for parameter in leading:
            _add_parameter(operation, parameter)
        if command.rules is not None:
            operation.add_argument(
                "--all",
                action="store_true",
                help=f"every page from {_flag(command.rules.page_argument)} on (default: the one page asked for); "
                "jsonl and csv stream as pages arrive",
            )
            operation.add_argument(
                "--concurrency",
                type=_count(minimum=1, maximum=MAX_CONCURRENCY),
                default=ALL_PAGES_CONCURRENCY,
                metavar="N",
                help=f"with --all: pages requested at a time, at most (default: {ALL_PAGES_CONCURRENCY}); "
                "they print in order whatever the order they arrive in",
            )
            _add_complete_listing_options(operation, command)
        for parameter in trailing:
            _add_parameter(operation, parameter)
        if command.destructive:
            destructive.add_options(operation)
        if command.guard is not None:
            from .sweep import add_guard_options  # here: it imports this module

            add_guard_options(operation)
        _add_client_options(listing.add_argument_group("client options"), output=True)
        listing.set_defaults(run=functools.partial(_run_listing, program, command))
        for view in command.views:
            _add_view(commands, program, command, view, epilog)
    for sweep in program.sweeps:
        sweep.add_to(commands, program, epilog)
    return parser


def _add_complete_listing_options(group: argparse._ArgumentGroup, command: Command) -> None:
    """``--exit-code`` and ``--count`` of a paged command: each reads the complete listing, as ``--all`` does."""
    noun = command.layout.noun
    group.add_argument(
        "--exit-code",
        action="store_true",
        help=f"exit 0 when the complete listing has no {noun}, 1 when it has at least one "
        f"(as git diff --exit-code and grep do); a failure exits 2 or more ({int(ExitCode.UNDECIDED)}: "
        "the service answered an error); implies --all",
    )
    group.add_argument(
        "--count",
        action="store_true",
        help=f"print only the number of {noun}s in the complete listing; implies --all",
    )


def _add_view(
    commands: argparse._SubParsersAction[_Parser],
    program: Program,
    command: Command,
    view: EmbeddedView,
    epilog: str,
) -> None:
    parser = commands.add_parser(
        view.command,
        help=view.help,
        description=view.description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    leading, trailing = _operation_parameters(command, paging=False)
    operation = parser.add_argument_group(f"{command.operation_id} parameters (from the spec)")
    for parameter in leading + trailing:
        _add_parameter(operation, parameter)
    group = parser.add_argument_group(f"the {command.layout.noun} and the view")
    choice = group.add_mutually_exclusive_group()
    noun = command.layout.noun
    choice.add_argument(_flag(view.id_field), metavar="ID", help=f"the {noun} with this {view.id_field}")
    choice.add_argument(_flag(view.name_field), metavar="NAME", help=f"the first {noun} with this {view.name_field}")
    group.add_argument(
        "--format",
        choices=view.formats,
        default=view.formats[0],
        metavar="|".join(view.formats),
        help=f"the view (default: {view.formats[0]})",
    )
    _add_client_options(parser.add_argument_group("client options"), output=False)
    parser.set_defaults(run=functools.partial(_run_view, program, command, view))


# -- running --------------------------------------------------------------------------------------


def _client_arguments(client_class: type[SyncClientCore]) -> frozenset[str]:
    """The client constructor's arguments: spec parameters by these names configure the client (the region)."""
    return frozenset(inspect.signature(client_class).parameters)


def _client(
    program: Program, command: Command, args: argparse.Namespace, *, transport: httpx.BaseTransport | None = None
) -> SyncClientCore:
    """The client the options ask for; with ``transport``, one sending there (and no network settings)."""
    client_arguments = _client_arguments(program.client_class)
    spec_arguments = {
        p.python_name: getattr(args, p.python_name)
        for p in command.parameters
        if p.python_name in client_arguments and hasattr(args, p.python_name)
    }
    try:
        client = program.client_class(
            endpoint=args.endpoint,
            response_format=args.response_format,
            timeout=args.timeout,
            max_attempts=args.max_attempts,
            signature_version=args.signature_version,
            **(_network_arguments(args) if transport is None else {"transport": transport}),
            **spec_arguments,
        )
    except InvalidParameterError as error:
        # The client names its argument ("verify: ..."); the line names the option that set it.
        argument, colon, rest = str(error).partition(": ")
        if colon and argument in _NETWORK_OPTIONS:
            raise InvalidParameterError(f"{_NETWORK_OPTIONS[argument]}: {rest}") from None
        raise
    args.resolved_endpoint = client.settings.endpoint  # for the error line of a transport failure
    return client


# The client's network arguments, and the options that set them (for the line of a refusal).
_NETWORK_OPTIONS = {"proxy": "--proxy", "verify": "--ca-bundle", "cert": "--cert/--key", "limits": "--max-connections"}


def _network_arguments(args: argparse.Namespace) -> dict[str, Any]:
    """The client's network arguments from the options given; httpx's defaults for those not given."""
    if args.key is not None and args.cert is None:
        raise InvalidParameterError("--key needs --cert")
    network: dict[str, Any] = {"proxy": args.proxy, "trust_env": not args.no_trust_env}
    network["verify"] = False if args.no_verify else (args.ca_bundle if args.ca_bundle is not None else True)
    if args.cert is not None:
        network["cert"] = args.cert if args.key is None else (args.cert, args.key)
    pool = {
        "max_connections": args.max_connections,
        "max_keepalive_connections": args.max_keepalive_connections,
        "keepalive_expiry": args.keepalive_expiry,
    }
    if any(value is not None for value in pool.values()):
        defaults = httpx.Limits(max_connections=100, max_keepalive_connections=20)  # httpx's own defaults
        network["limits"] = httpx.Limits(
            max_connections=pool["max_connections"] or defaults.max_connections,
            max_keepalive_connections=(
                defaults.max_keepalive_connections
                if pool["max_keepalive_connections"] is None
                else pool["max_keepalive_connections"]
            ),
            keepalive_expiry=defaults.keepalive_expiry
            if pool["keepalive_expiry"] is None
            else pool["keepalive_expiry"],
        )
    return network


def _call_arguments(program: Program, command: Command, args: argparse.Namespace) -> dict[str, Any]:
    """The call's spec arguments given on the command line; those that configure the client (the region) are not."""
    client_arguments = _client_arguments(program.client_class)
    names = [p.python_name for p in command.parameters if p.python_name not in client_arguments]
    return {name: getattr(args, name) for name in names if hasattr(args, name)}


def _where(command: Command, args: argparse.Namespace) -> str:
    """The command and its required options, as typed: what a message says was listed."""
    required = [p.python_name for p in command.parameters if p.required]
    return " ".join([command.name, *(f"{_flag(name)} {getattr(args, name)!r}" for name in required)])


def _label(command: Command, args: argparse.Namespace) -> str:
    """A short name of the listing for its progress bar: the operation and its last required argument."""
    required = [p.python_name for p in command.parameters if p.required]
    return " ".join([command.operation_id, *(str(getattr(args, name)) for name in required[-1:])])


def _pages(
    client: SyncClientCore, command: Command, args: argparse.Namespace, program: Program
) -> Iterator[tuple[Any, list[Any]]]:
    """Each page the command prints, with its items: one call, or with ``--all`` every page, walked by the
    paging rules over the same call (each page read once, by the walk that checks it)."""
    arguments = _call_arguments(program, command, args)
    if command.rules is None or not _complete(args):
        call = command.call if command.guard is None else functools.partial(command.guard, **_guarded(args))
        page = call(client, **arguments)
        return iter([(page, command.rules.read(page).items if command.rules is not None else [page])])
    request = {**arguments, command.rules.page_argument: arguments.get(command.rules.page_argument)}
    return iter_page_items(
        command.rules, request, lambda page: command.call(client, **page), concurrency=args.concurrency
    )


def _complete(args: argparse.Namespace) -> bool:
    """Whether the command reads the complete listing: ``--all``, or what implies it."""
    return bool(args.all or args.exit_code or args.count)


def _guarded(args: argparse.Namespace) -> dict[str, Any]:
    """The guarded method's own arguments, from ``--force`` and ``--evidence``."""
    return {"force": args.force, "evidence": args.evidence}


def _run_listing(program: Program, command: Command, args: argparse.Namespace) -> int:
    if command.destructive:
        if args.dry_run:
            return _dry_run(program, command, args)
        destructive.confirm(_where(command, args), yes=args.yes)
    paged = command.rules is not None
    all_pages = paged and _complete(args)
    counting = paged and args.count
    out, err = sys.stdout, sys.stderr
    rich = load_rich() if args.output == "table" and not counting else None  # the bar loads it itself
    items_out = writer(args.output, out, command.layout, rich=rich)
    listing = Listing(paged=paged, all_pages=all_pages)
    found = 0
    with _client(program, command, args) as client, _closing(_pages(client, command, args, program)) as pages:
        progress = None
        try:
            for page, items in pages:
                if progress is None:
                    if command.rules is not None:  # what the first page says of the listing
                        facts = command.rules.read(page)
                        listing.page_index = facts.page_index
                        listing.total_pages = facts.total_pages
                        listing.total_items = facts.total_items
                    progress = page_progress(
                        rich=load_rich if all_pages else None,
                        stderr=err,
                        stdout=out,
                        total_pages=listing.total_pages,
                        streaming=not items_out.buffers,
                        description=_label(command, args),
                    )
                listing.pages_read += 1
                found += len(items)
                if not counting:
                    items_out.add(items)
                progress.advance()
        finally:
            if progress is not None:
                progress.stop()
    if counting:
        out.write(f"{found}\n")
        out.flush()
    else:
        items_out.finish(listing)
    if paged and args.exit_code:
        return ExitCode.API_ERROR if found else ExitCode.OK  # 1: found, as grep and git diff --exit-code say it
    return ExitCode.OK


def _dry_run(program: Program, command: Command, args: argparse.Namespace) -> int:
    """Prints the request the command would send, signed as it would be, and sends nothing."""
    arguments = _call_arguments(program, command, args)
    with _client(program, command, args, transport=DryRun()) as client:
        try:
            command.call(client, **arguments)
        except DryRun.Kept as kept:
            sys.stdout.write(destructive.describe_request(kept.request))
            sys.stdout.write("dry run: nothing was sent\n")
            sys.stdout.flush()
            return ExitCode.OK
    raise AssertionError("the dry run's transport was not reached")  # pragma: no cover - the call always sends


def _run_view(program: Program, command: Command, view: EmbeddedView, args: argparse.Namespace) -> int:
    assert command.items is not None
    arguments = _call_arguments(program, command, args)
    wanted_id: str | None = getattr(args, view.id_field)
    wanted_name: str | None = getattr(args, view.name_field)

    def wanted(item: Model) -> bool:
        if wanted_id is not None:
            return bool(getattr(item, view.id_field) == wanted_id)
        if wanted_name is not None:
            return bool(getattr(item, view.name_field) == wanted_name)
        return True

    chosen = wanted_id is not None or wanted_name is not None
    # The first item needs one page; a search reads pages ahead, as --all does.
    paging: dict[str, Any] = {"concurrency": ALL_PAGES_CONCURRENCY} if chosen else {"limit": 1}
    noun = command.layout.noun
    with (
        _client(program, command, args) as client,
        _closing(command.items(client, **arguments, **paging)) as items,
    ):
        item = next((item for item in items if wanted(item)), None)
    where = _where(command, args)
    if item is None:
        which = (
            f"{noun} with {_flag(view.id_field)} {wanted_id!r}"
            if wanted_id is not None
            else f"{noun} with {_flag(view.name_field)} {wanted_name!r}"
            if wanted_name is not None
            else noun
        )
        raise _NothingToShow(f"no {which} in {where}")
    document = getattr(item, view.field)
    item_id = getattr(item, view.id_field)
    if not isinstance(document, str) or not document.strip():
        raise _NothingToShow(f"{noun} {item_id} of {where} has no {view.wire_field}")
    text = view.render(document, args.format)
    if args.format == view.formats[0]:  # the terminal's view: say which item it is
        text = f"{noun.capitalize()} {item_id} ({getattr(item, view.name_field)})\n{text}"
    sys.stdout.write(text)
    sys.stdout.flush()
    return ExitCode.OK


@contextmanager
def _closing(iterator: Iterator[Any]) -> Iterator[Iterator[Any]]:
    """``iterator``, closed on the way out when it can be (stops a paging generator and its threads)."""
    if hasattr(iterator, "close"):
        with closing(iterator):  # type: ignore[type-var]
            yield iterator
    else:
        yield iterator


# -- chatter and failures -------------------------------------------------------------------------


def _redacted(text: str) -> str:
    """``text`` on one line, with any secret of the environment masked (belt and braces: none should be there)."""
    text = " ".join(text.split())
    for secret in environment_secrets():
        text = text.replace(secret, "***")
    return text


def _say(line: str, *, prefix: str) -> None:
    sys.stderr.write(_redacted(prefix + line) + "\n")
    sys.stderr.flush()


class _StderrHandler(logging.Handler):
    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def emit(self, record: logging.LogRecord) -> None:
        _say(record.getMessage(), prefix=self.prefix)


@contextmanager
def _chatter(verbosity: int, prefix: str) -> Iterator[None]:
    """What ``-v`` shows on stderr, for this run only: with 1 or more, the client's record of each attempt
    (the ``foas_client`` logger) and each scheduled retry (stamina); with 2 or more, each HTTP request
    (httpx's request line, URL and query included). With 0, not a word.

    stamina reports a scheduled retry through its on-retry hooks (by default a ``logging`` record,
    which Python's last-resort handler prints to stderr when nothing is configured, or structlog,
    which prints to stdout). The command installs its own hook instead, for this run (``on_retry_hooks``:
    stamina itself is loaded only if a retry is due). The handler that ``FOAS_LOG`` added is set aside
    while ``-v`` prints the same records, so that each shows once.
    Every line goes through ``_redacted``.
    """

    def report_retry(details: RetryDetails) -> None:
        error = details.caused_by
        line = f"retry {details.retry_num} in {details.wait_for:.2f} s after {type(error).__name__}: {error}"
        _say(line, prefix=prefix)

    attempts = _StderrHandler(prefix)
    # The attempt records only: other records of the package's loggers (a fake running in the same
    # process logs on foas_client.testing) are not the command's to show.
    attempts.addFilter(lambda record: hasattr(record, "foas_attempt"))
    shown = [(LOGGER, logging.DEBUG, attempts)] if verbosity else []
    if verbosity >= 2:
        shown.append((logging.getLogger("httpx"), logging.INFO, _StderrHandler(prefix)))
    levels = [logger.level for logger, _, _ in shown]
    from_environment = environment_handler() if verbosity else None
    if from_environment is not None:
        LOGGER.removeHandler(from_environment)
    for logger, level, handler in shown:
        logger.addHandler(handler)
        logger.setLevel(level)
    try:
        with on_retry_hooks([report_retry] if verbosity else []):
            yield
    finally:
        for (logger, _, handler), level in zip(shown, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)
        if from_environment is not None:
            LOGGER.addHandler(from_environment)


def _fail(code: ExitCode, line: str, *, prefix: str) -> int:
    _say(line, prefix=prefix)
    return code


def _exit_code(error: FoasError, args: argparse.Namespace) -> ExitCode:
    if isinstance(error, _NothingToShow):
        return ExitCode.NOTHING_TO_SHOW
    if isinstance(error, DeclinedError):
        return ExitCode.USAGE if error.usage else ExitCode.API_ERROR
    if isinstance(error, ApiError) and getattr(args, "exit_code", False):
        return ExitCode.UNDECIDED  # 1 says "found" with --exit-code: an error must not read as an answer
    return next((code for kind, code in _ERROR_CODES if isinstance(error, kind)), ExitCode.INTERNAL)


def _describe(error: FoasError, args: argparse.Namespace) -> str:
    if isinstance(error, TransportError):
        endpoint = getattr(args, "resolved_endpoint", None) or args.endpoint or "the service"
        attempts = _plural(args.max_attempts, "attempt")
        return f"error: {error} ({endpoint}; timeout {args.timeout:g} s, {attempts})"
    return f"error: {error}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _stdout_gone() -> None:
    """After a broken pipe: point stdout at /dev/null so that the interpreter's final flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def run(program: Program, argv: Sequence[str] | None = None) -> int:
    """Runs ``program`` with ``argv`` (default: ``sys.argv[1:]``) and returns the exit code (see ``ExitCode``).

    ``--version`` prints ``<prog> <version>`` and returns 0. Never raises (``SystemExit`` from ``--help``
    and ``--version`` is returned as its code): every failure is one line on stderr, without a
    traceback or a secret.
    """
    prefix = f"{program.prog}: "
    try:
        parser = build_parser(program)
        try:
            args = parser.parse_args(argv)
        except _UsageError as error:
            return _fail(ExitCode.USAGE, str(error), prefix="")  # already "foas COMMAND: error: ..."
        except SystemExit as done:  # --help, --version
            return done.code if isinstance(done.code, int) else ExitCode.OK
        with _chatter(args.verbose, prefix):
            try:
                return int(args.run(args))
            except FoasError as error:
                return _fail(_exit_code(error, args), _describe(error, args), prefix=prefix)
    except BrokenPipeError:  # the reader stopped reading (`foas ... | head`): not a failure of ours
        _stdout_gone()
        return ExitCode.OK
    except KeyboardInterrupt:
        return _fail(ExitCode.INTERRUPTED, "interrupted", prefix=prefix)
    except Exception as error:
        return _fail(ExitCode.INTERNAL, f"internal error: {type(error).__name__}: {error}", prefix=prefix)
