"""How the ``foas`` command prints an operation's items (JSON, JSON lines, CSV, a table) and shows progress.

Records carry the API's field names and the spec's types: the generated model's ``to_dict()``, which
leaves out what the server did not send, ordered as the spec lists the fields. Which fields, which of
them make the table and which are times come from the spec, as a ``RecordLayout``. The table and the
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
from collections.abc import Callable, Iterable, Sequence
from types import ModuleType
from typing import IO, Any, Protocol

import attrs

__all__ = [
    "OUTPUTS",
    "Listing",
    "Progress",
    "RecordLayout",
    "Writer",
    "load_rich",
    "page_progress",
    "record",
    "writer",
]

OUTPUTS = ("table", "json", "jsonl", "csv")


class Model(Protocol):
    """A generated model: what the writers need of an item."""

    def to_dict(self) -> dict[str, Any]: ...


@attrs.frozen
class RecordLayout:
    """How the items of one kind are printed, as the spec says.

    Attributes:
        noun: what one item is called in the table's footer (e.g. ``job``).
        fields: every field of the item schema, wire names in the spec's order (json, jsonl, csv).
        table_columns: the fields the table shows (the schema's ``x-table-columns``).
        time_columns: fields holding milliseconds since the Unix epoch (``x-timestamp: milliseconds``),
            shown in the table as UTC dates.
        wrap_columns: table columns whose text may wrap (the item's name); the others stay on one line.
    """

    noun: str
    fields: tuple[str, ...]
    table_columns: tuple[str, ...]
    time_columns: frozenset[str] = frozenset()
    wrap_columns: frozenset[str] = frozenset()


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


def record(item: Model, layout: RecordLayout) -> dict[str, Any]:
    """``item`` as the API names and types it, in the spec's field order; fields not sent are left out."""
    data = item.to_dict()
    found = {name: data[name] for name in layout.fields if name in data}
    found.update((name, value) for name, value in data.items() if name not in found)  # not in the spec
    return found


@attrs.define
class Listing:
    """What the pages said about the whole listing, for the table's footer.

    Attributes:
        paged: the operation answers in pages (else its one answer is the one item shown).
        all_pages: every page was read (``--all``).
        pages_read: pages fetched.
        page_index, total_pages, total_items: as the first (or only) page said them; ``None`` when absent.
    """

    paged: bool = True
    all_pages: bool = False
    pages_read: int = 0
    page_index: int | None = None
    total_pages: int | None = None
    total_items: int | None = None


class Writer(Protocol):
    """Prints items as pages arrive (``add``), then whatever needs the whole listing (``finish``)."""

    buffers: bool  # True: nothing reaches the output before ``finish``

    def add(self, items: Sequence[Model]) -> None: ...
    def finish(self, listing: Listing) -> None: ...


class _JsonWriter:
    """One JSON array of item objects, written at the end (a failure part-way prints no half array)."""

    buffers = True

    def __init__(self, out: IO[str], layout: RecordLayout) -> None:
        self._out = out
        self._layout = layout
        self._records: list[dict[str, Any]] = []

    def add(self, items: Sequence[Model]) -> None:
        self._records.extend(record(item, self._layout) for item in items)

    def finish(self, listing: Listing) -> None:
        self._out.write(json.dumps(self._records, ensure_ascii=False, indent=2) + "\n")
        self._out.flush()


def _json_lines_encoder() -> Callable[[list[dict[str, Any]]], str]:
    """Records as JSON lines (compact, UTF-8 text as it is, each line ending in ``\\n``).

    msgspec's encoder when it is installed (the ``speedups`` extra): about five times as fast as
    json's, the fallback, which writes the same text for the values a record holds.
    """
    try:
        from msgspec.json import Encoder  # optional, and imported only for jsonl
    except ImportError:
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        return lambda records: "".join(encode(one) + "\n" for one in records)
    encode_lines = Encoder().encode_lines
    return lambda records: encode_lines(records).decode()


class _JsonLinesWriter:
    """One JSON object per line, a page's lines written and flushed as soon as the page arrives."""

    buffers = False

    def __init__(self, out: IO[str], layout: RecordLayout) -> None:
        self._out = out
        self._layout = layout
        self._encode_lines = _json_lines_encoder()

    def add(self, items: Sequence[Model]) -> None:
        # One write and one flush per page, not per line: a flush is a system call, and a page's
        # lines are there at once anyway.
        self._out.write(self._encode_lines([record(item, self._layout) for item in items]))
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
    if isinstance(value, (dict, list)):  # a nested object or list: one cell of JSON
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return harmless(value, keep="\t\r\n")  # line breaks and tabs are data CSV quotes; the rest are not
    return value


class _CsvWriter:
    """A header of every field of the item schema, in the spec's order, then one row per item (streamed per page)."""

    buffers = False

    def __init__(self, out: IO[str], layout: RecordLayout) -> None:
        self._out = out
        self._fields = layout.fields
        self._csv = csv.writer(out, lineterminator="\n")
        self._csv.writerow(self._fields)
        out.flush()

    def add(self, items: Sequence[Model]) -> None:
        for item in items:
            data = item.to_dict()
            self._csv.writerow(_csv_value(data.get(name, "")) for name in self._fields)
        self._out.flush()

    def finish(self, listing: Listing) -> None:
        pass


def _cell(value: object, *, is_time: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    if is_time and isinstance(value, int):
        try:
            moment = datetime.datetime.fromtimestamp(value / 1000, tz=datetime.timezone.utc)
        except (OverflowError, OSError, ValueError):
            return str(value)
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    return harmless(" ".join(str(value).split()))  # one line per row, nothing for the terminal to act on


def _heading(name: str, layout: RecordLayout) -> str:
    return f"{name} (UTC)" if name in layout.time_columns else name


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _footer(shown: int, listing: Listing, noun: str) -> str:
    if not listing.paged:
        return _plural(shown, noun)
    if shown == 0 and listing.total_items == 0:
        return f"0 {noun}s"
    if listing.all_pages:
        return f"{_plural(shown, noun)} from {_plural(listing.pages_read, 'page')}"

    def known(value: int | None) -> str:
        return "?" if value is None else str(value)

    return (
        f"{_plural(shown, noun)} on page {known(listing.page_index)} of {known(listing.total_pages)}"
        f" ({known(listing.total_items)} in all)"
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
    """A table of the layout's table columns for a person, with times as UTC dates and a footer; written at the end."""

    buffers = True

    def __init__(self, out: IO[str], layout: RecordLayout, rich: ModuleType | None) -> None:
        self._out = out
        self._layout = layout
        self._rich = rich
        self._rows: list[list[str]] = []

    def add(self, items: Sequence[Model]) -> None:
        columns, times = self._layout.table_columns, self._layout.time_columns
        for item in items:
            data = item.to_dict()
            self._rows.append([_cell(data.get(name), is_time=name in times) for name in columns])

    def finish(self, listing: Listing) -> None:
        headings = [_heading(name, self._layout) for name in self._layout.table_columns]
        footer = _footer(len(self._rows), listing, self._layout.noun)
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
            for name, heading in zip(self._layout.table_columns, headings, strict=True):
                table.add_column(heading, no_wrap=name not in self._layout.wrap_columns, overflow="fold")
            for row in self._rows:
                table.add_row(*(rich.text.Text(cell) for cell in row))  # Text: no markup in the data
            console.print(table)
        console.print(rich.text.Text(footer))


def writer(output: str, out: IO[str], layout: RecordLayout, *, rich: ModuleType | None = None) -> Writer:
    """The writer for ``--output`` (one of ``OUTPUTS``); ``rich`` is used by the table when given.

    Raises:
        ValueError: an unknown output.
    """
    if output == "json":
        return _JsonWriter(out, layout)
    if output == "jsonl":
        return _JsonLinesWriter(out, layout)
    if output == "csv":
        return _CsvWriter(out, layout)
    if output == "table":
        return _TableWriter(out, layout, rich)
    raise ValueError(f"output must be one of {', '.join(OUTPUTS)}, got {output!r}")


def _isatty(stream: IO[str]) -> bool:
    """Whether ``stream`` is a terminal (a closed or fake stream is not)."""
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

    def __init__(
        self, rich: ModuleType, stream: IO[str], total_pages: int | None, description: str, unit: str = "pages"
    ) -> None:
        progress = rich.progress
        self._progress = progress.Progress(
            progress.TextColumn("{task.description}"),
            progress.BarColumn(),
            progress.MofNCompleteColumn(),
            progress.TextColumn(unit),
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
    rich: Callable[[], ModuleType | None] | None,
    stderr: IO[str],
    stdout: IO[str],
    total_pages: int | None,
    streaming: bool,
    description: str,
    unit: str = "pages",
) -> Progress:
    """A progress bar of pages on ``stderr`` when it helps, else a progress that shows nothing.

    Shown only with rich (``rich`` loads it: ``load_rich``; ``None``: no bar), when ``stderr`` is a
    terminal, the listing spans at least ``PROGRESS_MIN_PAGES`` pages (or does not say), and the
    output does not stream onto that same terminal (a bar redrawn between lines of output would
    garble both). rich is loaded only once the bar is to be shown: its import costs about 30 ms.
    ``unit``: what the bar counts (default ``pages``; ``total_pages`` is then the total of those).
    """
    if rich is None or not _isatty(stderr):
        return _NoProgress()
    if total_pages is not None and total_pages < PROGRESS_MIN_PAGES:
        return _NoProgress()
    if streaming and _isatty(stdout):
        return _NoProgress()
    module = rich()
    return _NoProgress() if module is None else _RichProgress(module, stderr, total_pages, description, unit)
