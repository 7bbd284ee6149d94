"""Views of a job's execution plan a person can look at: a text list, a Mermaid flowchart, a Graphviz digraph.

Pure functions from a parsed ``ExecutionPlan`` (see ``plan.parse_plan``) to text; nothing here does I/O.
Edges run from each predecessor to the node it feeds, labelled with the ship strategy.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # TypedDicts: types only, and their module loads typing_extensions (on 3.10)
    from .._embedded.execution_plan import ExecutionPlan, PlanNode

__all__ = ["PLAN_FORMATS", "render_plan", "to_dot", "to_mermaid", "to_text"]

LABEL_WIDTH = 48  # characters per line of a graph node's label: operator descriptions run to hundreds

# In a Mermaid quoted label, `"` ends the label and `<`/`>`/`&` are HTML; Mermaid's entity codes
# (`#quot;`, `#35;`...) stand in for them. `#` goes first so that the codes added after stay intact.
_MERMAID_ESCAPES = (("#", "#35;"), ('"', "#quot;"), ("&", "#amp;"), ("<", "#lt;"), (">", "#gt;"), ("`", "#96;"))


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _node_id(plan_id: int) -> str:
    """A graph identifier for a plan node id (``n4``; ``nm4`` for -4, which no tool would parse as ``n-4``)."""
    return f"n{plan_id}" if plan_id >= 0 else f"nm{-plan_id}"


def _label_lines(node: PlanNode) -> list[str]:
    wrapped = textwrap.wrap(_one_line(node["type"]), LABEL_WIDTH, break_on_hyphens=False) or [""]
    return [f"{node['id']} · {_one_line(node['pact'])}", *wrapped, f"parallelism {node['parallelism']}"]


def _edges(plan: ExecutionPlan) -> Iterator[tuple[int, int, str]]:
    """(from, to, ship strategy) for every input of every node, in plan order."""
    for node in plan["nodes"]:
        for edge in node.get("predecessors", []):
            yield edge["id"], node["id"], edge["ship_strategy"]


def to_text(plan: ExecutionPlan) -> str:
    """The plan as a list for a terminal: each node's id, pact, type and parallelism, then its inputs.

    Example line pair: ``[2] Operator: Timestamps/Watermarks (parallelism 1)`` and
    ``    <- [1] FORWARD``; a node without inputs shows ``    <- (no inputs)``.
    """
    known = {node["id"] for node in plan["nodes"]}
    lines = [f"Execution plan: {len(plan['nodes'])} nodes"]
    for node in plan["nodes"]:
        lines.append(
            f"[{node['id']}] {_one_line(node['pact'])}: {_one_line(node['type'])} (parallelism {node['parallelism']})"
        )
        inputs = node.get("predecessors", [])
        for edge in inputs:
            missing = "" if edge["id"] in known else " (not in the plan)"
            lines.append(f"    <- [{edge['id']}] {_one_line(edge['ship_strategy'])}{missing}")
        if not inputs:
            lines.append("    <- (no inputs)")
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    for raw, code in _MERMAID_ESCAPES:
        text = text.replace(raw, code)
    return text


def to_mermaid(plan: ExecutionPlan) -> str:
    """The plan as a Mermaid ``flowchart LR``: sources and sinks (no inputs, no outputs) as stadiums, others as boxes.

    Every label is a quoted string with Mermaid's entity codes for the characters that would end or
    break it, so quotes, parentheses, ``$``, ``@``, ``{}`` or HTML in operator names are shown as text.
    """
    feeding = {source for source, _, _ in _edges(plan)}
    lines = ["flowchart LR"]
    for node in plan["nodes"]:
        label = "<br/>".join(_mermaid_text(line) for line in _label_lines(node))
        is_end = not node.get("predecessors") or node["id"] not in feeding  # a source or a sink
        opening, closing = ('(["', '"])') if is_end else ('["', '"]')
        lines.append(f"    {_node_id(node['id'])}{opening}{label}{closing}")
    for source, target, strategy in _edges(plan):
        lines.append(f'    {_node_id(source)} -->|"{_mermaid_text(_one_line(strategy))}"| {_node_id(target)}')
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    """``text`` inside a DOT double-quoted string: only ``\\`` and ``"`` need escaping (``\\n`` is ours)."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def to_dot(plan: ExecutionPlan) -> str:
    """The plan as a Graphviz digraph (left to right), for ``dot -Tsvg`` and friends."""
    lines = [
        "digraph plan {",
        "    rankdir=LR;",
        '    node [shape=box, style=rounded, fontname="Helvetica"];',
        '    edge [fontname="Helvetica", fontsize=10];',
    ]
    for node in plan["nodes"]:
        label = "\\n".join(_dot_text(line) for line in _label_lines(node))
        lines.append(f'    {_node_id(node["id"])} [label="{label}"];')
    for source, target, strategy in _edges(plan):
        lines.append(f'    {_node_id(source)} -> {_node_id(target)} [label="{_dot_text(_one_line(strategy))}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


PLAN_FORMATS: dict[str, Callable[[ExecutionPlan], str]] = {"text": to_text, "mermaid": to_mermaid, "dot": to_dot}


def render_plan(plan: ExecutionPlan, plan_format: str = "text") -> str:
    """``plan`` in ``plan_format``: one of ``PLAN_FORMATS`` (``text``, ``mermaid``, ``dot``).

    Raises:
        ValueError: an unknown format.
    """
    try:
        render = PLAN_FORMATS[plan_format]
    except KeyError:
        raise ValueError(f"plan format must be one of {', '.join(PLAN_FORMATS)}, got {plan_format!r}") from None
    return render(plan)
