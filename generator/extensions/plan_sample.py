"""A realistic execution-plan document (``spec/plan.schema.json``), for the testing fake's generated items.

The fake fills a field shown by the plan view (``x-view: plan``) with one of these (``plan.sample``): a chain of
five operators from a source to a sink, each edge with a ship strategy, parallelisms varied.
"""

from __future__ import annotations

import json
import random

__all__ = ["sample_plan"]

_OPERATORS = [
    ("Source: Kafka Source", "Data Source"),
    ("Timestamps/Watermarks", "Operator"),
    ("Filter -> Map", "Operator"),
    ("Window(TumblingEventTimeWindows(60000), EventTimeTrigger, AggregateFunction)", "Operator"),
    ("Sink: Hologres Sink", "Data Sink"),
]


def sample_plan(rng: random.Random) -> str:
    """A plan document as JSON text (indented, as the service sends it), varied by ``rng``."""
    nodes = []
    for node_id, (kind, pact) in enumerate(_OPERATORS, start=1):
        node: dict[str, object] = {
            "id": node_id,
            "type": kind,
            "pact": pact,
            "contents": kind,
            "parallelism": rng.choice([1, 2, 4, 8]),
        }
        if node_id > 1:
            strategy = rng.choice(["FORWARD", "HASH", "REBALANCE", "KEY-GROUP"])
            node["predecessors"] = [{"id": node_id - 1, "ship_strategy": strategy, "side": "second"}]
        nodes.append(node)
    return json.dumps({"nodes": nodes}, indent=2)
