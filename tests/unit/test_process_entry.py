"""The ``foas`` process's own entry (``foas_client.__main__.main``): the command, then a quick exit."""

from __future__ import annotations

import atexit
import gc
import importlib.metadata
from collections.abc import Callable, Sequence

import pytest

import foas_client.__main__ as process_entry
import foas_client._cli


@pytest.fixture
def at_exit(monkeypatch: pytest.MonkeyPatch) -> list[Callable[[], object]]:
    """What the entry leaves for the end of the process (the real ``atexit`` is left alone)."""
    registered: list[Callable[[], object]] = []
    monkeypatch.setattr(atexit, "register", registered.append)
    monkeypatch.setattr(atexit, "unregister", lambda func: registered.remove(func) if func in registered else None)
    return registered


def test_the_process_runs_the_command_and_freezes_the_heap_at_exit(
    monkeypatch: pytest.MonkeyPatch, at_exit: list[Callable[[], object]]
) -> None:
    commands: list[Sequence[str] | None] = []
    monkeypatch.setattr(foas_client._cli, "main", lambda argv=None: commands.append(argv) or 3)
    assert process_entry.main(["--version"]) == 3  # the command's exit code, unchanged
    assert process_entry.main() == 3
    assert commands == [["--version"], None]
    assert at_exit == [gc.freeze]  # once, however often the entry runs


def test_a_program_running_the_command_in_process_keeps_its_collector(at_exit: list[Callable[[], object]]) -> None:
    assert foas_client._cli.main(["--version"]) == 0
    assert at_exit == []


def test_the_console_script_is_the_process_entry() -> None:
    scripts = importlib.metadata.entry_points(group="console_scripts")
    (script,) = (point for point in scripts if point.name == foas_client._cli.PROGRAM.prog)
    assert script.load() is process_entry.main
