"""``foas --output jsonl`` writes the same text with the optional msgspec encoder (``speedups``) and without it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from foas_client._core.cli.output import _json_lines_encoder

EXAMPLES = Path(__file__).resolve().parents[2] / "spec" / "examples"
DOCUMENTED_JOB = json.loads((EXAMPLES / "GetRefPackageJob.documented.json").read_bytes())["Jobs"]["Job"][0]

RECORDS: list[dict[str, Any]] = [
    DOCUMENTED_JOB,  # Chinese text, CR LF, JSON inside a string
    {
        "JobName": 'quote " backslash \\ tab \t NUL \x00 ESC \x1b DEL \x7f LS \u2028 emoji 😀',
        "CreateTime": 2**70,  # integers of any size, as the decoders read them
        "IsCommitted": False,
        "Extra": {"nested": [1, None, True, "é"], "empty": {}},
        "Ratio": 0.1,
    },
    {},
]


def without_msgspec(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "msgspec.json", None)  # as installed without the speedups extra


def test_both_encoders_write_the_same_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("msgspec", reason="requirements-dev.txt installs it")
    fast = _json_lines_encoder()(RECORDS)
    without_msgspec(monkeypatch)
    plain = _json_lines_encoder()(RECORDS)
    assert fast == plain
    lines = fast.split("\n")
    assert lines[-1] == ""  # every line ends in a newline, the last included
    assert [json.loads(line) for line in lines[:-1]] == RECORDS


def test_a_page_without_records_writes_nothing() -> None:
    assert _json_lines_encoder()([]) == ""
