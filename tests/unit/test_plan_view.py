"""The plan views (text, Mermaid, DOT) on the documented plan, and on labels built to break them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from foas_client import ExecutionPlan, parse_plan
from foas_client._extensions.plan_view import LABEL_WIDTH, PLAN_FORMATS, render_plan, to_dot, to_mermaid, to_text

DOCUMENTED = Path(__file__).resolve().parents[2] / "spec" / "examples" / "GetRefPackageJob.documented.json"
DOCUMENTED_PLAN = parse_plan(json.loads(DOCUMENTED.read_bytes())["Jobs"]["Job"][0]["PlanJson"])
TRIGGER = DOCUMENTED_PLAN["nodes"][2]["type"]  # quotes none, but (), {}, $, @, = and 230 characters
EDGES = [("n1", "n2", "FORWARD"), ("n2", "n4", "KEY-GROUP"), ("n4", "n5", "FORWARD")]

HOSTILE_TYPE = 'Source: "quoted" #1 <b>bold</b> & `tick` | pipe; end %% {a} $1 @b \\l back\\slash'
HOSTILE_PLAN: ExecutionPlan = {
    "nodes": [
        {"id": 1, "type": HOSTILE_TYPE, "pact": "Data Source", "contents": "", "parallelism": 2},
        {
            "id": -3,
            "type": "end",
            "pact": 'Operator "x"',
            "contents": "",
            "parallelism": 1,
            "predecessors": [{"id": 1, "ship_strategy": 'HASH["a"] |x|'}],
        },
        {
            "id": 7,
            "type": "Sink:\nline two",
            "pact": "Data Sink",
            "contents": "",
            "parallelism": 1,
            "predecessors": [{"id": -3, "ship_strategy": "FORWARD"}, {"id": 99, "ship_strategy": "REBALANCE"}],
        },
    ]
}

MERMAID_NODE = re.compile(r'^    (n\w+)(\(\[|\[)"(.*)"(\]\)|\])$')
MERMAID_EDGE = re.compile(r'^    (n\w+) -->\|"(.*)"\| (n\w+)$')
MERMAID_CODES = {"#quot;": '"', "#amp;": "&", "#lt;": "<", "#gt;": ">", "#96;": "`", "#35;": "#"}


def mermaid_decoded(label: str) -> str:
    """What Mermaid shows for a quoted label: its entity codes decoded, ``<br/>`` as a line break."""
    text = re.sub("|".join(map(re.escape, MERMAID_CODES)), lambda match: MERMAID_CODES[match.group()], label)
    return text.replace("<br/>", "\n")


def unwrapped(lines: list[str]) -> str:
    """The type text of a label: the lines between the heading and the parallelism, rejoined."""
    return "".join(line if line.endswith(" ") else line + " " for line in lines[1:-1]).strip()


# -- text -----------------------------------------------------------------------------------------


def test_text_lists_each_node_with_its_pact_type_parallelism_and_inputs() -> None:
    assert to_text(DOCUMENTED_PLAN).splitlines() == [
        "Execution plan: 4 nodes",
        "[1] Data Source: Source: Custom Source (parallelism 1)",
        "    <- (no inputs)",
        "[2] Operator: Timestamps/Watermarks (parallelism 1)",
        "    <- [1] FORWARD",
        f"[4] Operator: {TRIGGER} (parallelism 1)",
        "    <- [2] KEY-GROUP",
        "[5] Data Sink: Sink: Unnamed (parallelism 1)",
        "    <- [4] FORWARD",
    ]


def test_text_keeps_one_line_per_node_and_names_inputs_missing_from_the_plan() -> None:
    lines = to_text(HOSTILE_PLAN).splitlines()
    assert lines[1] == f"[1] Data Source: {HOSTILE_TYPE} (parallelism 2)"
    assert "[7] Data Sink: Sink: line two (parallelism 1)" in lines
    assert lines[-2:] == ["    <- [-3] FORWARD", "    <- [99] REBALANCE (not in the plan)"]


# -- Mermaid --------------------------------------------------------------------------------------


def test_mermaid_is_a_left_to_right_flowchart_of_the_documented_nodes_and_edges() -> None:
    lines = to_mermaid(DOCUMENTED_PLAN).splitlines()
    assert lines[0] == "flowchart LR"
    nodes = [MERMAID_NODE.match(line) for line in lines[1:5]]
    assert all(nodes), lines[1:5]
    assert [node.group(1) for node in nodes if node] == ["n1", "n2", "n4", "n5"]
    assert [(m.group(1), m.group(3), m.group(2)) for m in map(MERMAID_EDGE.match, lines[5:]) if m] == EDGES
    assert len(lines) == 8


def test_mermaid_shapes_sources_and_sinks_as_stadiums_and_operators_as_boxes() -> None:
    shapes = {m.group(1): m.group(2) for m in map(MERMAID_NODE.match, to_mermaid(DOCUMENTED_PLAN).splitlines()) if m}
    assert shapes == {"n1": "([", "n2": "[", "n4": "[", "n5": "(["}


def test_mermaid_labels_show_id_pact_the_whole_type_and_parallelism() -> None:
    labels = {
        m.group(1): mermaid_decoded(m.group(3)).split("\n")
        for m in map(MERMAID_NODE.match, to_mermaid(DOCUMENTED_PLAN).splitlines())
        if m
    }
    assert labels["n1"] == ["1 · Data Source", "Source: Custom Source", "parallelism 1"]
    assert labels["n4"][0] == "4 · Operator" and labels["n4"][-1] == "parallelism 1"
    assert all(len(line) <= LABEL_WIDTH for line in labels["n4"])
    assert unwrapped(labels["n4"]).replace(" ", "") == TRIGGER.replace(" ", "")  # $, @, (), {} kept as text


def test_mermaid_labels_never_carry_a_raw_quote_or_html_and_decode_to_the_original_text() -> None:
    text = to_mermaid(HOSTILE_PLAN)
    for line in text.splitlines()[1:]:
        node, edge = MERMAID_NODE.match(line), MERMAID_EDGE.match(line)
        label = node.group(3) if node else edge.group(2) if edge else None
        assert label is not None, line
        assert not re.search(r'["<>&`]', label.replace("<br/>", "")), label
        assert not re.search(r"#(?!quot;|amp;|lt;|gt;|96;|35;)", label), label
    first = MERMAID_NODE.match(text.splitlines()[1])
    assert first is not None
    assert unwrapped(mermaid_decoded(first.group(3)).split("\n")) == HOSTILE_TYPE
    decoded = mermaid_decoded(text)
    assert 'nm3["-3 · Operator "x"\nend\nparallelism 1"]' in decoded  # a negative id still makes an identifier
    assert '    n1 -->|"HASH["a"] |x|"| nm3' in decoded
    assert "    n99 -->|" in decoded  # an input missing from the plan is still drawn


# -- DOT ------------------------------------------------------------------------------------------


def test_dot_is_a_digraph_of_the_documented_nodes_and_edges() -> None:
    text = to_dot(DOCUMENTED_PLAN)
    assert text.startswith("digraph plan {\n    rankdir=LR;\n") and text.endswith("}\n")
    assert re.findall(r"^    (n\d+) \[label=", text, re.M) == ["n1", "n2", "n4", "n5"]
    assert re.findall(r'^    (n\d+) -> (n\d+) \[label="([^"]*)"\];$', text, re.M) == EDGES
    assert '    n1 [label="1 · Data Source\\nSource: Custom Source\\nparallelism 1"];' in text


def test_dot_escapes_quotes_and_backslashes_in_labels() -> None:
    text = to_dot(HOSTILE_PLAN)
    labels = re.findall(r'label="((?:[^"\\]|\\.)*)"', text)
    assert len(labels) == 3 + 3
    assert '\\"quoted\\"' in text and "\\\\l back\\\\slash" in text
    assert 'nm3 -> n7 [label="FORWARD"];' in text


DOT = shutil.which("dot")


@pytest.mark.skipif(DOT is None, reason="Graphviz `dot` is not installed (apt-get install graphviz)")
@pytest.mark.parametrize("plan", [DOCUMENTED_PLAN, HOSTILE_PLAN], ids=["documented", "hostile"])
def test_graphviz_accepts_the_dot_and_draws_the_labels_as_text(plan: ExecutionPlan) -> None:
    assert DOT is not None
    result = subprocess.run([DOT, "-Tsvg"], input=to_dot(plan), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    svg = result.stdout
    assert svg.count('class="node"') == len(plan["nodes"]) + (1 if plan is HOSTILE_PLAN else 0)  # + missing n99
    if plan is HOSTILE_PLAN:
        assert "&quot;quoted&quot; #1 &lt;b&gt;bold&lt;/b&gt; &amp;" in svg
        assert "\\l back\\slash" in svg  # shown as typed, not read as DOT's left-justify escape
    else:
        assert "KEY&#45;GROUP" in svg or "KEY-GROUP" in svg


# -- dispatch -------------------------------------------------------------------------------------


@pytest.mark.parametrize("plan_format", list(PLAN_FORMATS))
def test_render_plan_dispatches_by_format(plan_format: str) -> None:
    assert render_plan(DOCUMENTED_PLAN, plan_format) == PLAN_FORMATS[plan_format](DOCUMENTED_PLAN)


def test_render_plan_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="text, mermaid, dot"):
        render_plan(DOCUMENTED_PLAN, "svg")
