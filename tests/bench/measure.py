"""The bench's measuring machinery: samplers, interleaved rounds, figures with goals, the verdict.

Every figure compares the thing measured ("ours") with a baseline over repeated, interleaved rounds,
and is judged on the median of the per-round ratios. The samplers take the thing measured as a
parameter (a callable, a command, a module name), so that ``tests/bench/test_bench_can_fail.py`` can
feed them a deliberately slower or bigger stand-in and see the figure miss.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

PEAK_RSS_WRAPPER = Path(__file__).with_name("peak_rss.py")

Sampler = Callable[[], float]
"""One sample of one side of a comparison: seconds, CPU seconds, KiB... (lower is better)."""


# -- rounds ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rounds:
    """The samples of repeated rounds; ``baseline`` is ``None`` for an absolute figure (no baseline).

    ``ours[i]`` and ``baseline[i]`` were taken in the same round, one right after the other.
    """

    ours: tuple[float, ...]
    baseline: tuple[float, ...] | None

    @property
    def ratios(self) -> tuple[float, ...]:
        """Per-round ratios ours / baseline; for an absolute figure, ours' samples themselves."""
        if self.baseline is None:
            return self.ours
        return tuple(mine / theirs for mine, theirs in zip(self.ours, self.baseline, strict=True))

    @property
    def median(self) -> float:
        """The median of the per-round ratios: what the verdict uses."""
        return statistics.median(self.ratios)

    @property
    def low(self) -> float:
        return min(self.ratios)

    @property
    def high(self) -> float:
        return max(self.ratios)


def interleave(ours: Sampler, baseline: Sampler, *, rounds: int, number: int = 1) -> Rounds:
    """``rounds`` rounds of ``number`` samples of each side, alternating (ours, baseline, baseline, ours, ...).

    A side's sample in a round is the median of its ``number``. Alternating sample by sample exposes
    both sides to the same moment of a shared machine (the load of others' runs comes and goes by
    the tenth of a second), and the median drops the samples that a pre-emption hit; swapping which
    side goes first keeps any "second in the pair" effect (a warm cache, a cold one) from favouring one.
    """
    sides = interleave_sides({"ours": ours, "baseline": baseline}, rounds=rounds, number=number)
    return Rounds(sides["ours"], sides["baseline"])


def interleave_sides(samplers: Mapping[str, Sampler], *, rounds: int, number: int = 1) -> dict[str, tuple[float, ...]]:
    """``interleave`` for any number of sides: per round, per side, the median of its ``number`` samples.

    The sides take turns sample by sample, the order rotated by one at every turn (for two sides: A B,
    B A, A B...), so that each side meets each moment of the machine as often as the others. Ratios
    between any two sides (``Rounds(sides[a], sides[b])``) are then per-round ratios as ``interleave``
    gives them: a floor, this client and a peer measured once serve several figures.
    """
    names = list(samplers)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        gc.collect()  # a round starts clean: no side pays for garbage left by an earlier one
        taken: dict[str, list[float]] = {name: [] for name in names}
        for turn in range(number):
            shift = (index + turn) % len(names)
            for name in names[shift:] + names[:shift]:
                taken[name].append(samplers[name]())
        for name in names:
            samples[name].append(statistics.median(taken[name]))
    return {name: tuple(values) for name, values in samples.items()}


def repeat(ours: Sampler, *, rounds: int) -> Rounds:
    """``rounds`` samples of an absolute figure (one without a baseline)."""
    return Rounds(tuple(ours() for _ in range(rounds)), None)


def interleave_calls(
    ours: Callable[[], object],
    baseline: Callable[[], object],
    *,
    rounds: int,
    number: int,
    clock: Callable[[], float] = time.perf_counter,
) -> Rounds:
    """``interleave`` for work done in this process: a sample is the ``clock`` time of one call.

    The median call of a round drops the calls that a pre-emption hit, while the work every call does
    (collecting the young objects it allocates) stays in. ``clock``: ``time.perf_counter`` for wall
    time, ``time.process_time`` for the CPU of this process.
    """
    return interleave(call_time(ours, clock), call_time(baseline, clock), rounds=rounds, number=number)


def call_time(function: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> Sampler:
    """A sampler: the ``clock`` time of one call of ``function``."""

    def sample() -> float:
        started = clock()
        function()
        return clock() - started

    return sample


# -- samplers (work in a process of its own) ------------------------------------------------------


def process_seconds(
    command: Sequence[str], *, env: Mapping[str, str] | None = None, cwd: Path | None = None, jobs: int | None = None
) -> Sampler:
    """A sampler: the wall seconds of one run of ``command`` in a fresh process, start-up included.

    ``jobs``: the command lists that many jobs (see ``jobs_listed``): a run that lists fewer, and
    so may look fast, is an error.

    Raises (when sampled):
        RuntimeError: the command exited non-zero (its standard error is in the message), or did
            not list ``jobs`` jobs.
    """

    def sample() -> float:
        with tempfile.TemporaryFile() as out:  # a file: no reader in this process competes for a core
            started = time.perf_counter()
            done = subprocess.run(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.PIPE, text=True)
            elapsed = time.perf_counter() - started
            if done.returncode != 0:
                raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()[-2000:]}")
            _check_listed(command, out, jobs)
        return elapsed

    return sample


def jobs_listed(output: bytes) -> int:
    """How many jobs a listing process says it saw: one line of digits is a count (the workloads'
    own listings print one), any other output is one JSON line per job (``--output jsonl``)."""
    lines = output.splitlines()
    if len(lines) == 1 and lines[0].strip().isdigit():
        return int(lines[0])
    return len(lines)


def _check_listed(command: Sequence[str], out: IO[bytes], jobs: int | None) -> None:
    if jobs is None:
        return
    out.seek(0)
    seen = jobs_listed(out.read())
    if seen != jobs:
        raise RuntimeError(f"{' '.join(command)} listed {seen} jobs, expected {jobs}")


def peak_rss_kib(
    command: Sequence[str], *, env: Mapping[str, str] | None = None, cwd: Path | None = None, jobs: int | None = None
) -> Sampler:
    """A sampler: the peak RSS (KiB) of one run of ``command``, its own, whatever the caller's size.

    ``command`` runs under ``peak_rss.py`` (see there why): neither this process's memory nor its
    high-water mark reach the figure. ``jobs``: as for ``process_seconds``.

    Raises (when sampled):
        RuntimeError: the command exited non-zero, or did not list ``jobs`` jobs.
    """

    def sample() -> float:
        with tempfile.TemporaryDirectory() as scratch, tempfile.TemporaryFile() as out:
            result_file = Path(scratch, "rss.json")
            wrapper = [sys.executable, "-I", "-S", str(PEAK_RSS_WRAPPER), str(result_file), *command]
            done = subprocess.run(wrapper, env=env, cwd=cwd, stdout=out, stderr=subprocess.PIPE, text=True)
            if done.returncode != 0 or not result_file.exists():
                raise RuntimeError(f"the RSS wrapper failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
            result = json.loads(result_file.read_text())
            if result["returncode"] != 0:
                raise RuntimeError(f"{' '.join(command)} exited {result['returncode']}: {done.stderr.strip()[-2000:]}")
            _check_listed(command, out, jobs)
        return float(result["maxrss_kib"])  # Linux reports ru_maxrss in KiB

    return sample


def import_seconds(python: str, statement: str, *, path: Sequence[str] = ()) -> Sampler:
    """A sampler: the CPU seconds ``statement`` (``import httpx``, ``from foas_client import FoasClient``)
    takes in a fresh ``python -I`` (start-up excluded).

    CPU rather than wall time: with the files in the page cache an import is all CPU, and on a shared
    machine its wall time mostly says how long it waited for a core. ``-I``: neither PYTHONPATH nor
    PYTHONDONTWRITEBYTECODE nor the current directory shape the import; ``path``: directories put
    first on ``sys.path`` (before the clock starts).
    """
    code = (
        f"import sys, time; sys.path[:0] = {list(path)!r}\n"
        f"t = time.process_time()\n{statement}\nprint(time.process_time() - t)"
    )

    def sample() -> float:
        done = subprocess.run([python, "-I", "-c", code], check=True, capture_output=True, text=True)
        return float(done.stdout)

    return sample


# -- figures ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Goal:
    """At most ``limit`` for the median ratio (or, for an absolute figure, the median value)."""

    limit: float
    text: str  # as printed, e.g. "≤ 0.2 (5× faster)"

    def met(self, rounds: Rounds) -> bool:
        return rounds.median <= self.limit


@dataclass(frozen=True)
class Figure:
    """One row of the report: what was measured against what, its rounds and its goal (``None``: for information)."""

    key: str
    what: str
    baseline_name: str
    unit: str  # "s" or "KiB": how the samples print
    rounds: Rounds
    goal: Goal | None

    @property
    def passed(self) -> bool | None:
        return None if self.goal is None else self.goal.met(self.rounds)


def fmt(value: float, unit: str) -> str:
    """A sample for people: seconds as µs/ms/s, KiB as MB."""
    if unit == "KiB":
        return f"{value / 1024:.1f} MB"
    if value < 1e-3:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1e3:.3g} ms"
    return f"{value:.3g} s"


def render(figures: Sequence[Figure]) -> str:
    """The report's table: per figure the median samples of both sides and the per-round ratios' min, median, range."""
    header = ("", "what", "this client", "baseline", "n", "min", "median", "spread", "goal", "")
    table = [header]
    for figure in figures:
        rounds = figure.rounds
        ours = fmt(statistics.median(rounds.ours), figure.unit)
        if rounds.baseline is None:
            baseline = figure.baseline_name
            low, median, high = (fmt(value, figure.unit) for value in (rounds.low, rounds.median, rounds.high))
            spread = f"{low}–{high}"
        else:
            baseline = f"{figure.baseline_name} {fmt(statistics.median(rounds.baseline), figure.unit)}"
            low, median = f"{rounds.low:.2f}", f"{rounds.median:.2f}"
            spread = f"{rounds.low:.2f}–{rounds.high:.2f}"
        goal = "(info)" if figure.goal is None else figure.goal.text
        verdict = "" if figure.passed is None else ("PASS" if figure.passed else "MISS")
        table.append(
            (figure.key, figure.what, ours, baseline, str(len(rounds.ours)), low, median, spread, goal, verdict)
        )
    widths = [max(len(line[column]) for line in table) for column in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in table
    )


def child_env(**extra: str) -> dict[str, str]:
    """This process's environment for a measured child, plus ``extra``."""
    return {**os.environ, **extra}
