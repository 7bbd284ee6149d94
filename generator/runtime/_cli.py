"""The ``foas`` command (also ``python -m foas_client``): GetRefPackageJob from a shell, and a job's plan.

    foas get-ref-package-job --project-name TEXT --package-name TEXT [--page-size INT] [--page-index INT]
         [--all] [--region-id TEXT] [--endpoint URL] [--response-format json|xml]
         [--output table|json|jsonl|csv] [--timeout SECONDS] [--max-attempts N]
    foas plan --project-name TEXT --package-name TEXT [--job-id ID | --job-name NAME] [--format text|mermaid|dot]
    foas --version

The operation's options (name, type, required, minimum, help) are built from its parameters in the
spec (``_schema.OPERATIONS``); only the client's own options are written here. Credentials, region
and endpoint defaults are the client's. Every failure ends with one line on stderr and an exit code
from ``ExitCode``; retry chatter appears only with ``--verbose``.
"""

from __future__ import annotations

import argparse
import enum
import inspect
import logging
import math
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from typing import Any, NoReturn

from stamina.instrumentation import RetryDetails, get_on_retry_hooks, set_on_retry_hooks

from . import __version__
from ._arguments import problem
from ._cli_output import OUTPUTS, Listing, job_writer, load_rich, page_progress
from ._client_core import DEFAULT_TIMEOUT, ENV_REGION_ID, _Settings
from ._clients import FoasClient
from ._credentials import ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN
from ._errors import (
    ApiError,
    CredentialsError,
    DecodeError,
    FoasError,
    InvalidParameterError,
    PaginationError,
    TransportError,
)
from ._plan import parse_plan
from ._plan_view import PLAN_FORMATS, render_plan
from ._retry import DEFAULT_MAX_ATTEMPTS
from ._schema import OPERATIONS, PAGINATION
from .api.packages import get_ref_package_job
from .models import GetRefPackageJobResponse, Job
from .types import Unset

__all__ = ["EXIT_CODES", "ExitCode", "build_parser", "main"]

PROG = "foas"
OPERATION_ID = get_ref_package_job.OPERATION_ID
# The command is the endpoint module's name in kebab case: get-ref-package-job.
COMMAND = get_ref_package_job.__name__.rpartition(".")[2].replace("_", "-")
_PAGING = PAGINATION[OPERATION_ID]["python"]
_PAGE_ARGUMENT: str = _PAGING["pageParameter"]  # page_index
_SIZE_ARGUMENT: str = _PAGING["sizeParameter"]  # page_size
# Spec parameters that configure the client (region_id) rather than the call.
_CLIENT_ARGUMENTS = frozenset(inspect.signature(FoasClient).parameters)
ALL_PAGES_CONCURRENCY = 4  # pages in flight with --all: faster on real networks, still printed in order


class ExitCode(enum.IntEnum):
    OK = 0
    API_ERROR = 1
    USAGE = 2
    UNDECODABLE = 3
    TRANSPORT = 4
    CREDENTIALS = 5
    NOTHING_TO_SHOW = 6
    INTERNAL = 7
    INTERRUPTED = 130


EXIT_CODES: dict[ExitCode, str] = {
    ExitCode.OK: "success",
    ExitCode.API_ERROR: "the service answered an error (the line names its Code and RequestId)",
    ExitCode.USAGE: "usage: a missing or invalid option",
    ExitCode.UNDECODABLE: "an answer that cannot be decoded (not the spec's JSON/XML), or pages that do not add up",
    ExitCode.TRANSPORT: "the service could not be reached or did not answer in time",
    ExitCode.CREDENTIALS: "no usable credentials",
    ExitCode.NOTHING_TO_SHOW: "plan: no such job, or the job has no execution plan",
    ExitCode.INTERNAL: "an unexpected error (a bug: please report the line)",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C)",
}

# Most specific first: the first class an error is an instance of gives the exit code.
_ERROR_CODES: tuple[tuple[type[BaseException], ExitCode], ...] = (
    (ApiError, ExitCode.API_ERROR),
    (InvalidParameterError, ExitCode.USAGE),
    (DecodeError, ExitCode.UNDECODABLE),
    (PaginationError, ExitCode.UNDECODABLE),
    (TransportError, ExitCode.TRANSPORT),
    (CredentialsError, ExitCode.CREDENTIALS),
)


class _UsageError(Exception):
    """A command line argparse refuses, as one line."""


class _NothingToShow(FoasError):
    """``plan``: no job matches, or the job carries no plan."""


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error raised as one line instead of the usage text and ``sys.exit``."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message} (see '{self.prog} --help')")


# -- options --------------------------------------------------------------------------------------


def _option(parameter: Mapping[str, Any]) -> Callable[[str], Any]:
    """The converter of a spec parameter's option: the text as the parameter's kind, checked by the library's rule."""

    def parse(text: str) -> Any:
        value: Any = text
        if parameter["kind"] == "integer":
            try:
                value = int(text)
            except ValueError:
                raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None
        found = problem(parameter, value)
        if found is not None:
            raise argparse.ArgumentTypeError(found)
        return value

    return parse


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, got {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {text}")
    return value


def _url(text: str) -> str:
    problem = _Settings.endpoint_problem(text)  # the client's own rule, reported as a usage error
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text


# The metavar of a spec parameter by its kind; any other kind is taken as text.
_METAVARS = {"integer": "INT"}


def _add_parameter(group: argparse._ArgumentGroup, parameter: dict[str, Any]) -> None:
    """One spec parameter as an option: ``--kebab-case`` of its python name, its type, bounds and help."""
    name: str = parameter["python_name"]
    group.add_argument(
        "--" + name.replace("_", "-"),
        dest=name,
        type=_option(parameter),
        metavar=_METAVARS.get(parameter["kind"], "TEXT"),
        required=bool(parameter["required"]),
        help=(parameter.get("description") or "").replace("%", "%%"),  # argparse %-formats help
    )


def _operation_parameters(*, paging: bool) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The operation's spec parameters as (required then paging, the rest), in the spec's order.

    ``paging=False`` leaves the page number out (``plan`` walks the pages itself).
    """
    parameters = OPERATIONS[OPERATION_ID]["parameters"]
    paging_names = (_SIZE_ARGUMENT, _PAGE_ARGUMENT) if paging else (_SIZE_ARGUMENT,)
    required = [p for p in parameters if p["required"]]
    pages = [p for name in paging_names for p in parameters if p["python_name"] == name and not p["required"]]
    rest = [p for p in parameters if p not in required and p not in pages and p["python_name"] != _PAGE_ARGUMENT]
    return required + pages, rest


def _add_client_options(group: argparse._ArgumentGroup, *, output: bool) -> None:
    group.add_argument(
        "--endpoint",
        type=_url,
        metavar="URL",
        help="base URL of the service (default: the region's endpoint, e.g. https://foas.<region>.aliyuncs.com)",
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
        type=_option({"kind": "integer", "minimum": 1}),
        default=DEFAULT_MAX_ATTEMPTS,
        metavar="N",
        help=f"attempts in all, retries included; 1: no retries (default: {DEFAULT_MAX_ATTEMPTS})",
    )
    group.add_argument("-v", "--verbose", action="store_true", help="show each request and each retry on stderr")


def _epilog() -> str:
    codes = "\n".join(f"  {int(code):<3}  {meaning}" for code, meaning in EXIT_CODES.items())
    return (
        "environment:\n"
        f"  {ENV_ACCESS_KEY_ID}, {ENV_ACCESS_KEY_SECRET}, {ENV_SECURITY_TOKEN} (STS)\n"
        "      the credentials (else the alibabacloud-credentials chain, when installed)\n"
        f"  {ENV_REGION_ID}  the default region (else cn-hangzhou)\n\n"
        f"exit codes (a failure prints one line on stderr):\n{codes}"
    )


def build_parser() -> argparse.ArgumentParser:
    """The ``foas`` argument parser: the ``get-ref-package-job`` and ``plan`` commands."""
    epilog = _epilog()
    formatter = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog=PROG,
        description="Alibaba Cloud Realtime Compute (foas): which jobs reference a package?",
        epilog=epilog,
        formatter_class=formatter,
    )
    # The installed distribution's version (package metadata, as foas_client.__version__).
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    summary = OPERATIONS[OPERATION_ID].get("summary") or OPERATION_ID
    listing = commands.add_parser(
        COMMAND, help=summary, description=f"{OPERATION_ID}: {summary}", epilog=epilog, formatter_class=formatter
    )
    leading, trailing = _operation_parameters(paging=True)
    operation = listing.add_argument_group(f"{OPERATION_ID} parameters (from the spec)")
    for parameter in leading:
        _add_parameter(operation, parameter)
    operation.add_argument(
        "--all",
        action="store_true",
        help="every page from --page-index on (default: the one page asked for); jsonl and csv stream as pages arrive",
    )
    for parameter in trailing:
        _add_parameter(operation, parameter)
    _add_client_options(listing.add_argument_group("client options"), output=True)
    listing.set_defaults(run=_run_listing)

    plan = commands.add_parser(
        "plan",
        help="show a job's execution plan (PlanJson) as a graph",
        description="The execution plan (PlanJson) of a job that references the package, as a list for the\n"
        "terminal (text), a Mermaid flowchart or a Graphviz digraph. Default: the first job.",
        epilog=epilog,
        formatter_class=formatter,
    )
    leading, trailing = _operation_parameters(paging=False)
    operation = plan.add_argument_group(f"{OPERATION_ID} parameters (from the spec)")
    for parameter in leading + trailing:
        _add_parameter(operation, parameter)
    view = plan.add_argument_group("the job and the view")
    choice = view.add_mutually_exclusive_group()
    choice.add_argument("--job-id", metavar="ID", help="the job with this JobId")
    choice.add_argument("--job-name", metavar="NAME", help="the first job with this JobName")
    view.add_argument(
        "--format",
        choices=tuple(PLAN_FORMATS),
        default="text",
        metavar="|".join(PLAN_FORMATS),
        help="text (default: a list for the terminal), mermaid (flowchart LR), dot (Graphviz)",
    )
    _add_client_options(plan.add_argument_group("client options"), output=False)
    plan.set_defaults(run=_run_plan)
    return parser


# -- running --------------------------------------------------------------------------------------


def _client(args: argparse.Namespace) -> FoasClient:
    spec_arguments = {name: getattr(args, name) for name in _spec_argument_names() if name in _CLIENT_ARGUMENTS}
    client = FoasClient(
        endpoint=args.endpoint,
        response_format=args.response_format,
        timeout=args.timeout,
        max_attempts=args.max_attempts,
        **spec_arguments,
    )
    args.resolved_endpoint = client.settings.endpoint  # for the error line of a transport failure
    return client


def _spec_argument_names() -> list[str]:
    return [parameter["python_name"] for parameter in OPERATIONS[OPERATION_ID]["parameters"]]


def _call_arguments(args: argparse.Namespace) -> dict[str, Any]:
    """The call's spec arguments given on the command line (project, package, page size, page number)."""
    names = [name for name in _spec_argument_names() if name not in _CLIENT_ARGUMENTS]
    return {name: getattr(args, name) for name in names if hasattr(args, name)}


def _walk(page: object, path: Sequence[str]) -> object:
    for name in path:
        page = getattr(page, name, None)
    return None if isinstance(page, Unset) else page


def _page_jobs(page: GetRefPackageJobResponse) -> list[Job]:
    items = _walk(page, _PAGING["items"])
    return [item for item in items if isinstance(item, Job)] if isinstance(items, list) else []


def _page_number(page: GetRefPackageJobResponse, key: str) -> int | None:
    value = _walk(page, _PAGING.get(key, ()))
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _pages(client: FoasClient, args: argparse.Namespace) -> Iterator[GetRefPackageJobResponse]:
    arguments = _call_arguments(args)
    if not args.all:
        return iter([client.get_ref_package_job(**arguments)])
    start_page = arguments.pop(_PAGE_ARGUMENT)
    return client.iter_pages(**arguments, start_page=start_page, concurrency=ALL_PAGES_CONCURRENCY)


def _run_listing(args: argparse.Namespace) -> int:
    rich = load_rich() if args.output == "table" or args.all else None  # only the table and the bar use it
    out, err = sys.stdout, sys.stderr
    writer = job_writer(args.output, out, rich=rich)
    listing = Listing(all_pages=args.all)
    with _client(args) as client, _closing(_pages(client, args)) as pages:
        progress = None
        try:
            for page in pages:
                if progress is None:
                    listing.page_index = _page_number(page, "pageIndex")
                    listing.total_pages = _page_number(page, "totalPages")
                    listing.total_count = _page_number(page, "totalItems")
                    progress = page_progress(
                        rich=rich if args.all else None,
                        stderr=err,
                        stdout=out,
                        total_pages=listing.total_pages,
                        streaming=not writer.buffers,
                        description=f"{OPERATION_ID} {args.package_name}",
                    )
                listing.pages_read += 1
                writer.add(_page_jobs(page))
                progress.advance()
        finally:
            if progress is not None:
                progress.stop()
    writer.finish(listing)
    return ExitCode.OK


def _run_plan(args: argparse.Namespace) -> int:
    arguments = _call_arguments(args)

    job_id: str | None = args.job_id
    job_name: str | None = args.job_name

    def wanted(job: Job) -> bool:
        if job_id is not None:
            return job.job_id == job_id
        if job_name is not None:
            return job.job_name == job_name
        return True

    chosen = job_id is not None or job_name is not None
    # The first job needs one page; a search reads pages ahead, as --all does.
    paging: dict[str, Any] = {"concurrency": ALL_PAGES_CONCURRENCY} if chosen else {"limit": 1}
    with _client(args) as client, _closing(client.iter_jobs(**arguments, **paging)) as jobs:
        job = next((job for job in jobs if wanted(job)), None)
    where = f"project {args.project_name!r} package {args.package_name!r}"
    if job is None:
        which = (
            f"job id {job_id!r}" if job_id is not None else f"job name {job_name!r}" if job_name is not None else "job"
        )
        raise _NothingToShow(f"no {which} among the jobs that reference {where}")
    if not isinstance(job.plan_json, str) or not job.plan_json.strip():
        raise _NothingToShow(f"job {job.job_id} of {where} has no execution plan (PlanJson)")
    text = render_plan(parse_plan(job.plan_json), args.format)
    if args.format == "text":
        text = f"Job {job.job_id} ({job.job_name})\n{text}"
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


def _secrets() -> list[str]:
    return [
        value for name in (ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN) if len(value := os.environ.get(name, "")) >= 4
    ]


def _redacted(text: str) -> str:
    """``text`` on one line, with any secret of the environment masked (belt and braces: none should be there)."""
    text = " ".join(text.split())
    for secret in _secrets():
        text = text.replace(secret, "***")
    return text


def _say(line: str, *, prefix: str = f"{PROG}: ") -> None:
    sys.stderr.write(_redacted(prefix + line) + "\n")
    sys.stderr.flush()


def _report_retry(details: RetryDetails) -> None:
    error = details.caused_by
    _say(f"retry {details.retry_num} in {details.wait_for:.2f} s after {type(error).__name__}: {error}")


class _StderrHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        _say(record.getMessage())


@contextmanager
def _chatter(verbose: bool) -> Iterator[None]:
    """Retries (stamina) and requests (httpx) on stderr with ``verbose``; otherwise not a word.

    stamina reports a scheduled retry through its on-retry hooks (by default a ``logging`` record,
    which Python's last-resort handler prints to stderr when nothing is configured, or structlog,
    which prints to stdout). The command installs its own hook instead, for this run only.
    """
    hooks = get_on_retry_hooks()
    set_on_retry_hooks([_report_retry] if verbose else [])
    requests = logging.getLogger("httpx")
    handler = _StderrHandler()
    level = requests.level
    if verbose:
        requests.addHandler(handler)
        requests.setLevel(logging.INFO)
    try:
        yield
    finally:
        set_on_retry_hooks(hooks)
        if verbose:
            requests.removeHandler(handler)
            requests.setLevel(level)


def _fail(code: ExitCode, line: str, *, prefix: str = f"{PROG}: ") -> int:
    _say(line, prefix=prefix)
    return code


def _exit_code(error: FoasError) -> ExitCode:
    if isinstance(error, _NothingToShow):
        return ExitCode.NOTHING_TO_SHOW
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


def main(argv: Sequence[str] | None = None) -> int:
    """Runs ``foas`` with ``argv`` (default: ``sys.argv[1:]``) and returns the exit code (see ``ExitCode``).

    ``--version`` prints ``foas <version>`` and returns 0. Never raises (``SystemExit`` from ``--help``
    and ``--version`` is returned as its code): every failure is one line on stderr, without a
    traceback or a secret.
    """
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except _UsageError as error:
            return _fail(ExitCode.USAGE, str(error), prefix="")  # already "foas COMMAND: error: ..."
        except SystemExit as done:  # --help, --version
            return done.code if isinstance(done.code, int) else ExitCode.OK
        with _chatter(args.verbose):
            try:
                return int(args.run(args))
            except FoasError as error:
                return _fail(_exit_code(error), _describe(error, args))
    except BrokenPipeError:  # the reader stopped reading (`foas ... | head`): not a failure of ours
        _stdout_gone()
        return ExitCode.OK
    except KeyboardInterrupt:
        return _fail(ExitCode.INTERRUPTED, "interrupted")
    except Exception as error:
        return _fail(ExitCode.INTERNAL, f"internal error: {type(error).__name__}: {error}")
