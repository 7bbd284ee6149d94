"""The ``foas`` commands of the spec's lifecycle extensions: the sweep (``x-sweep``) and the guard (``x-guard``).

A ``SweepCommand`` (data from the generated ``_cli``; nothing here names an operation) is
``foas <command> --<container> NAME [...] | --all-<containers>`` with the subjects' listing's filters: it
prints every subject with its reference count and status (``unreferenced`` marks those nothing
references), a progress bar on a terminal (stderr), and with ``--delete`` deletes what it found
unreferenced, each through the guarded delete again.

Exit codes: 0 when every subject was decided; 8 (``UNDECIDED``) when any listing failed (its records
say why), whatever else; with ``--exit-code``: 0 when none is unreferenced, 1 when some are (8 still
wins); with ``--delete``: a failed DELETE's code, else 1 when a guard refused (a reference appeared
since the sweep) or the confirmation was declined, else as without it.

``--delete`` asks once, for the whole batch, on a terminal; without a terminal it needs ``--yes``.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

import attrs

from ..errors import FoasError, InUseError, InvalidParameterError
from ..lifecycle import DEFAULT_CONCURRENCY
from ..operation import Parameter, WireName
from .core import (
    MAX_CONCURRENCY,
    ExitCode,
    _add_client_options,
    _add_parameter,
    _call_arguments,
    _client,
    _count,
    _exit_code,
    _flag,
    _say,
)
from .destructive import DeclinedError, can_ask, confirm
from .output import Listing, RecordLayout, load_rich, page_progress, writer

if TYPE_CHECKING:
    from .core import Program, _Parser

__all__ = ["SweepCommand", "add_guard_options"]


def add_guard_options(group: argparse._ArgumentGroup) -> None:
    """``--force`` and ``--evidence`` of a guarded command (the spec's ``x-guard``)."""
    group.add_argument(
        "--force",
        action="store_true",
        help="delete without the guard: do not read the listing first (default: refuse when anything references it)",
    )
    group.add_argument(
        "--evidence",
        metavar="FILE",
        help="append one JSON line per decision (the guard's, the DELETE's) with its RequestIds to FILE",
    )


@attrs.frozen
class _Row:
    """One result as the output writers take it (``to_dict``)."""

    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.data


@attrs.frozen
class SweepCommand:
    """The sweep as a command (the spec's ``x-sweep``).

    Attributes:
        name, summary: the command (``x-sweep`` command) and its help line.
        operation_id: the checked listing's.
        parameters: its options from the spec: the subjects' listing's query parameters, paging aside (the
            client-filled ones configure the client, as for every command; the others are filters).
        container, subject: the path parameters the containers' and the subjects' items fill.
        nouns: what a container, a subject and a checked item are (``project``, ``package``, ``job``).
        all_option: the flag sweeping every container (``--all-projects``).
        names_argument, all_argument: the sweep method's arguments for the containers given, or all.
        first_ids_key, item_key: the record keys of the first checked ids and of the subject's item.
        sweep: the client's sweep method (called with the client and its arguments).
        delete: the client's guarded delete (called with the client, the container, the subject, ``evidence``).
    """

    name: str
    summary: str
    operation_id: str
    parameters: tuple[Parameter, ...]
    container: WireName
    subject: WireName
    nouns: tuple[str, str, str]
    all_option: str
    names_argument: str
    all_argument: str
    first_ids_key: str
    item_key: str
    sweep: Callable[..., Iterator[Any]]
    delete: Callable[..., Any]

    @property
    def layout(self) -> RecordLayout:
        keys = (self.container.wire, self.subject.wire, "status", "totalCount", self.first_ids_key)
        return RecordLayout(
            noun=self.nouns[1],
            fields=(*keys, "pagesRead", "requestIds", "error", self.item_key),
            table_columns=(*keys, "error"),
        )

    def add_to(self, commands: argparse._SubParsersAction[_Parser], program: Program, epilog: str) -> None:
        """Adds the command to ``commands``, the subcommands of ``program``'s parser."""
        container, subject, _ = self.nouns
        parser = commands.add_parser(
            self.name,
            help=self.summary,
            description=f"{self.summary} Every {subject} of the {container}s given, checked with "
            f"{self.operation_id}'s whole listing; a {subject} is unreferenced only when that listing was "
            "read to its end and held nothing. Exit codes: 0 everything decided; 8 some listing failed; "
            f"with --exit-code 1 when some {subject} is unreferenced; with --delete 1 when a guard refused.",
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        group = parser.add_argument_group(f"the {container}s and {subject}s")
        which = group.add_mutually_exclusive_group(required=True)
        which.add_argument(
            _flag(self.container.python),
            dest="names",
            action="append",
            metavar="NAME",
            help=f"a {container} to sweep (repeat for more)",
        )
        which.add_argument(self.all_option, dest="all_names", action="store_true", help=f"every {container}")
        for parameter in self.parameters:
            _add_parameter(group, parameter)
        group.add_argument(
            "--concurrency",
            type=_count(minimum=1, maximum=MAX_CONCURRENCY),
            default=DEFAULT_CONCURRENCY,
            metavar="N",
            help=f"requests in flight at once, in all (default: {DEFAULT_CONCURRENCY})",
        )
        group.add_argument(
            "--page-size",
            type=_count(minimum=1),
            metavar="N",
            help="items asked for per page of the listings swept (default: the service's)",
        )
        group.add_argument(
            "--evidence", metavar="FILE", help="append one JSON line per decision, with its RequestIds, to FILE"
        )
        action = group.add_mutually_exclusive_group()
        action.add_argument(
            "--exit-code",
            action="store_true",
            help=f"exit 1 when some {subject} is unreferenced, 0 when none is (8 when not everything was decided)",
        )
        action.add_argument(
            "--delete",
            action="store_true",
            help=f"then delete every unreferenced {subject}, each checked again right before its DELETE",
        )
        group.add_argument("--yes", action="store_true", help="with --delete: do not ask (needed without a terminal)")
        _add_client_options(parser.add_argument_group("client options"), output=True)
        parser.set_defaults(run=functools.partial(_run_sweep, program, self))

    def record(self, found: Any) -> _Row:
        item = found.item
        return _Row(
            {
                self.container.wire: found.container,
                self.subject.wire: found.subject,
                "status": found.status,
                "totalCount": found.count,
                self.first_ids_key: list(found.first_ids),
                "pagesRead": found.pages_read,
                "requestIds": list(found.request_ids),
                "error": found.error,
                self.item_key: item.to_dict() if item is not None else None,
            }
        )


def _evidence(path: str | None) -> IO[str] | None:
    if path is None:
        return None
    try:
        return open(path, "a", encoding="utf-8")  # closed by the caller, after the deletes
    except OSError as error:
        raise InvalidParameterError(f"--evidence: cannot append to {path!r}: {error.strerror}") from None


def _run_sweep(program: Program, command: SweepCommand, args: argparse.Namespace) -> int:
    prefix = f"{program.prog}: "
    noun = command.nouns[1]
    if args.yes and not args.delete:
        raise InvalidParameterError("--yes goes with --delete")
    if args.delete and not args.yes and not can_ask(sys.stdin, sys.stderr):
        raise InvalidParameterError("--delete without a terminal to confirm on needs --yes")
    evidence = _evidence(args.evidence)
    out, err = sys.stdout, sys.stderr
    rich = load_rich() if args.output == "table" else None
    items_out = writer(args.output, out, command.layout, rich=rich)
    counts = {"unreferenced": 0, "referenced": 0, "failed": 0}
    candidates: list[tuple[str, str]] = []
    try:
        with _client(program, command, args) as client:  # type: ignore[arg-type]  # it has the parameters
            arguments = {
                command.names_argument: args.names,
                command.all_argument: args.all_names,
                "concurrency": args.concurrency,
                "page_size": args.page_size,
                "evidence": evidence,
                **_call_arguments(program, command, args),  # type: ignore[arg-type]
            }
            progress = page_progress(
                rich=load_rich,
                stderr=err,
                stdout=out,
                total_pages=None,
                streaming=not items_out.buffers,
                description=command.name,
                unit=f"{noun}s",
            )
            try:
                for found in command.sweep(client, **arguments):
                    counts[found.status] += 1
                    if args.delete and found.status == "unreferenced":  # kept only to delete: memory stays flat
                        candidates.append((found.container, found.subject))
                    items_out.add([command.record(found)])
                    progress.advance()
            finally:
                progress.stop()
            items_out.finish(Listing(paged=False))
            code = _decided(command, args, counts, prefix)
            if args.delete and candidates:
                code = _delete(client, command, args, candidates, evidence, prefix) or code
    finally:
        if evidence is not None:
            evidence.close()
    return code


def _decided(command: SweepCommand, args: argparse.Namespace, counts: dict[str, int], prefix: str) -> int:
    noun = command.nouns[1]
    if counts["failed"]:
        _say(
            f"not everything was decided: {counts['failed']} failed (see their error), "
            f"{counts['unreferenced']} unreferenced, {counts['referenced']} referenced {noun}s",
            prefix=prefix,
        )
        return ExitCode.UNDECIDED
    if args.exit_code:
        return ExitCode.API_ERROR if counts["unreferenced"] else ExitCode.OK
    return ExitCode.OK


def _delete(
    client: Any,
    command: SweepCommand,
    args: argparse.Namespace,
    candidates: list[tuple[str, str]],
    evidence: IO[str] | None,
    prefix: str,
) -> int | None:
    """Deletes each candidate through the guard; the exit code when one did not go as asked, else ``None``."""
    count, noun = len(candidates), command.nouns[1]
    try:  # one question for the batch: the rules of every destructive command (asked on a terminal only)
        confirm(
            f"delete {count} unreferenced {noun}{'' if count == 1 else 's'} (each checked again first)", yes=args.yes
        )
    except DeclinedError:
        _say("nothing deleted", prefix=prefix)
        return ExitCode.API_ERROR
    failure: int | None = None
    refused = False
    for container, subject in candidates:
        where = f"{command.container.wire} {container!r} {command.subject.wire} {subject!r}"
        try:
            command.delete(client, container, subject, evidence=evidence)
        except InUseError as error:
            refused = True
            _say(f"{error}", prefix=prefix)
            continue
        except FoasError as error:
            failure = failure or _exit_code(error, args)
            _say(f"error: {where}: {error}", prefix=prefix)
            continue
        _say(f"deleted {where}", prefix=prefix)
    if failure is not None:
        return failure
    return ExitCode.API_ERROR if refused else None
