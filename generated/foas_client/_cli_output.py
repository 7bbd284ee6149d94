# Copied from generator/runtime/_cli_output.py by generator/ (`make generate`). Do not edit here: edit the source.
"""How the ``foas`` command prints jobs (JSON, JSON lines, CSV, a table) and shows progress on stderr.

Records carry the API's field names and the spec's types: the generated model's ``to_dict()``, which
leaves out what the server did not send, ordered as the spec lists the fields. The table and the
progress bar use ``rich`` when it is installed (``pip install 'foas-client[cli]'``: a maintained
library for terminal tables and live progress); without it the table is plain aligned text and there
is no progress bar.
"""

from __future__ import annotations

import csv
import datetime
import errno
import functools
import importlib
import json
import unicodedata
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import IO, Any, Protocol

import attrs

from ._schema import SHAPES
from .models import Job

__all__ = [
    "JOB_FIELDS",
    "OUTPUTS",
    "TABLE_COLUMNS",
    "Listing",
    "Progress",
    "job_record",
    "job_writer",
    "load_rich",
    "page_progress",
]

JOB_FIELDS: tuple[str, ...] = tuple(SHAPES["Job"].fields)  # the API's names, in the spec's order
# A choice of presentation, not something the spec states: the columns a person scans for. A test
# checks that each is a field of Job in the spec (and that the times are integers there).
TABLE_COLUMNS = ("JobId", "JobName", "JobType", "ApiType", "IsCommitted", "CreateTime", "ModifyTime", "EngineVersion")
EPOCH_MS_COLUMNS = frozenset({"CreateTime", "ModifyTime"})  # milliseconds since the Unix epoch, shown as UTC dates
OUTPUTS = ("table", "json", "jsonl", "csv")


def load_rich() -> ModuleType | None:
    """The ``rich`` package if it is installed (the ``cli`` extra), else ``None``."""
    try:
        module = importlib.import_module("rich")
        for name in ("rich.console", "rich.progress", "rich.table", "rich.text", "rich.box"):
            importlib.import_module(name)
    except ImportError:
        return None
    return module


def _on_broken_pipe(console: Any) -> None:
    console.quiet = True  # as rich does: nothing more is written
    raise BrokenPipeError(errno.EPIPE, "the reader of the output has gone")


@functools.cache
def _console_class(rich: ModuleType) -> type[Any]:
    """rich's ``Console``, letting a closed output reach the command as ``BrokenPipeError``.

    rich's own handling (``Console.on_broken_pipe``, its documented hook for subclasses) exits with
    status 1; the command ends every output the same way on a closed pipe, in one place: with 0.
    """
    return type("Console", (rich.console.Console,), {"on_broken_pipe": _on_broken_pipe})


def job_record(job: Job) -> dict[str, Any]:
    """``job`` as the API names and types it, in the spec's field order; fields not sent are left out."""
    data = job.to_dict()
    record = {name: data[name] for name in JOB_FIELDS if name in data}
    record.update((name, value) for name, value in data.items() if name not in record)  # not in the spec
    return record


@attrs.define
class Listing:
    """What the pages said about the whole listing, for the table's footer.

    Attributes:
        all_pages: every page was read (``--all``).
        pages_read: pages fetched.
        page_index, total_pages, total_count: as the first (or only) page said them; ``None`` when absent.
    """

    all_pages: bool = False
    pages_read: int = 0
    page_index: int | None = None
    total_pages: int | None = None
    total_count: int | None = None


class JobWriter(Protocol):
    """Prints jobs as pages arrive (``add``), then whatever needs the whole listing (``finish``)."""

    buffers: bool  # True: nothing reaches the output before ``finish``

    def add(self, jobs: Sequence[Job]) -> None: ...
    def finish(self, listing: Listing) -> None: ...


class _JsonWriter:
    """One JSON array of job objects, written at the end (a failure part-way prints no half array)."""

    buffers = True

    def __init__(self, out: IO[str]) -> None:
        self._out = out
        self._records: list[dict[str, Any]] = []

    def add(self, jobs: Sequence[Job]) -> None:
        self._records.extend(job_record(job) for job in jobs)

    def finish(self, listing: Listing) -> None:
        self._out.write(json.dumps(self._records, ensure_ascii=False, indent=2) + "\n")
        self._out.flush()


class _JsonLinesWriter:
    """One JSON object per line, each flushed as soon as its page arrives."""

    buffers = False

    def __init__(self, out: IO[str]) -> None:
        self._out = out

    def add(self, jobs: Sequence[Job]) -> None:
        for job in jobs:
            self._out.write(json.dumps(job_record(job), ensure_ascii=False) + "\n")
            self._out.flush()

    def finish(self, listing: Listing) -> None:
        pass


def harmless(text: str, keep: str = "") -> str:
    """``text`` with every character a terminal would act on, rather than show, written as an escape.

    Control characters (ESC starts the sequences that recolour, move the cursor or retitle a
    terminal), C1 controls, and invisible format characters such as the bidirectional overrides
    become ``\\xNN``/``\\uNNNN``; ``keep`` lists the ones left as they are.
    """
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() or char in keep else char.encode("unicode_escape").decode("ascii") for char in text
    )


def _csv_value(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return harmless(value, keep="\t\r\n")  # line breaks and tabs are data CSV quotes; the rest are not
    return value


class _CsvWriter:
    """A header of every Job field of the spec, in its order, then one row per job (streamed per page)."""

    buffers = False

    def __init__(self, out: IO[str]) -> None:
        self._out = out
        self._csv = csv.writer(out, lineterminator="\n")
        self._csv.writerow(JOB_FIELDS)
        out.flush()

    def add(self, jobs: Sequence[Job]) -> None:
        for job in jobs:
            record = job.to_dict()
            self._csv.writerow(_csv_value(record.get(name, "")) for name in JOB_FIELDS)
        self._out.flush()

    def finish(self, listing: Listing) -> None:
        pass


def _cell(name: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name in EPOCH_MS_COLUMNS and isinstance(value, int):
        try:
            moment = datetime.datetime.fromtimestamp(value / 1000, tz=datetime.timezone.utc)
        except (OverflowError, OSError, ValueError):
            return str(value)
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    return harmless(" ".join(str(value).split()))  # one line per row, nothing for the terminal to act on


def _heading(name: str) -> str:
    return f"{name} (UTC)" if name in EPOCH_MS_COLUMNS else name


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _footer(shown: int, listing: Listing) -> str:
    if shown == 0 and listing.total_count == 0:
        return "0 jobs"
    if listing.all_pages:
        return f"{_plural(shown, 'job')} from {_plural(listing.pages_read, 'page')}"

    def known(value: int | None) -> str:
        return "?" if value is None else str(value)

    return (
        f"{_plural(shown, 'job')} on page {known(listing.page_index)} of {known(listing.total_pages)}"
        f" ({known(listing.total_count)} in all)"
    )


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def plain_table(rows: Iterable[Sequence[str]], headings: Sequence[str]) -> str:
    """Left-aligned columns two spaces apart under a dashed rule, without trailing spaces."""
    table = [list(headings), *(list(row) for row in rows)]
    widths = [max(_width(row[column]) for row in table) for column in range(len(headings))]
    rule = ["-" * width for width in widths]
    lines = []
    for row in [table[0], rule, *table[1:]]:
        cells = [cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


class _TableWriter:
    """A table of ``TABLE_COLUMNS`` for a person, with times as UTC dates and a footer; written at the end."""

    buffers = True

    def __init__(self, out: IO[str], rich: ModuleType | None) -> None:
        self._out = out
        self._rich = rich
        self._rows: list[list[str]] = []

    def add(self, jobs: Sequence[Job]) -> None:
        for job in jobs:
            record = job.to_dict()
            self._rows.append([_cell(name, record.get(name)) for name in TABLE_COLUMNS])

    def finish(self, listing: Listing) -> None:
        headings = [_heading(name) for name in TABLE_COLUMNS]
        footer = _footer(len(self._rows), listing)
        if self._rich is None:
            if self._rows:
                self._out.write(plain_table(self._rows, headings))
            self._out.write(footer + "\n")
        else:
            self._rich_table(headings, footer)
        self._out.flush()

    def _rich_table(self, headings: list[str], footer: str) -> None:
        rich = self._rich
        assert rich is not None
        terminal = _isatty(self._out)
        # Off a terminal rich would assume 80 columns and fold cells: give it room, it uses what it needs.
        console = _console_class(rich)(file=self._out, width=None if terminal else 100_000, highlight=False)
        if self._rows:
            table = rich.table.Table(box=rich.box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
            for heading in headings:
                table.add_column(heading, no_wrap=heading != "JobName", overflow="fold")
            for row in self._rows:
                table.add_row(*(rich.text.Text(cell) for cell in row))  # Text: no markup in the data
            console.print(table)
        console.print(rich.text.Text(footer))


def job_writer(output: str, out: IO[str], *, rich: ModuleType | None = None) -> JobWriter:
    """The writer for ``--output`` (one of ``OUTPUTS``); ``rich`` is used by the table when given.

    Raises:
        ValueError: an unknown output.
    """
    if output == "json":
        return _JsonWriter(out)
    if output == "jsonl":
        return _JsonLinesWriter(out)
    if output == "csv":
        return _CsvWriter(out)
    if output == "table":
        return _TableWriter(out, rich)
    raise ValueError(f"output must be one of {', '.join(OUTPUTS)}, got {output!r}")


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or fake stream
        return False


class Progress(Protocol):
    """Pages read so far, shown while pages arrive."""

    def advance(self) -> None: ...
    def stop(self) -> None: ...


class _NoProgress:
    def advance(self) -> None:
        pass

    def stop(self) -> None:
        pass


class _RichProgress:
    """A transient rich progress bar of pages on ``stream``: it disappears when the listing is done."""

    def __init__(self, rich: ModuleType, stream: IO[str], total_pages: int | None, description: str) -> None:
        progress = rich.progress
        self._progress = progress.Progress(
            progress.TextColumn("{task.description}"),
            progress.BarColumn(),
            progress.MofNCompleteColumn(),
            progress.TextColumn("pages"),
            progress.TimeRemainingColumn(),
            console=_console_class(rich)(file=stream),
            transient=True,
            redirect_stdout=False,  # output goes to stdout unchanged; the bar lives on stderr only
            redirect_stderr=False,
        )
        self._task = self._progress.add_task(description, total=total_pages)
        self._progress.start()

    def advance(self) -> None:
        self._progress.advance(self._task)

    def stop(self) -> None:
        self._progress.stop()


PROGRESS_MIN_PAGES = 3  # a listing of fewer pages is over before a bar would help


def page_progress(
    *,
    rich: ModuleType | None,
    stderr: IO[str],
    stdout: IO[str],
    total_pages: int | None,
    streaming: bool,
    description: str,
) -> Progress:
    """A progress bar of pages on ``stderr`` when it helps, else a progress that shows nothing.

    Shown only with ``rich``, when ``stderr`` is a terminal, the listing spans at least
    ``PROGRESS_MIN_PAGES`` pages (or does not say), and the output does not stream onto that same
    terminal (a bar redrawn between lines of output would garble both).
    """
    if rich is None or not _isatty(stderr):
        return _NoProgress()
    if total_pages is not None and total_pages < PROGRESS_MIN_PAGES:
        return _NoProgress()
    if streaming and _isatty(stdout):
        return _NoProgress()
    return _RichProgress(rich, stderr, total_pages, description)
