"""The execution-plan view: a job's ``PlanJson`` parsed and checked, and shown as text, Mermaid or DOT.

Selected by ``x-view: plan`` on a field whose ``x-embedded-schema`` is titled ``ExecutionPlan``
(``spec/plan.schema.json``). The renderers are in ``plan_view``, the fake's samples in ``plan_sample``.
"""

from __future__ import annotations

import json
import random
from typing import TYPE_CHECKING, cast

from .._core.decoding.validate import validate
from .._core.errors import DecodeError
from .._schema import EMBEDDED_SHAPES

if TYPE_CHECKING:  # TypedDicts: types only, and their module loads typing_extensions (on 3.10)
    from .._embedded.execution_plan import ExecutionPlan

__all__ = ["parse_plan"]

SELECTED_BY = ("x-view", "plan")
DOCUMENT = "ExecutionPlan"
# The names of plan_view.PLAN_FORMATS, here so that the command line does not load the renderers to
# build its options (a test holds the two equal).
FORMATS = ("text", "mermaid", "dot")


def parse_plan(plan_json: str) -> ExecutionPlan:
    """The execution plan that a job's ``plan_json`` carries, checked against ``spec/plan.schema.json``.

    Raises:
        DecodeError: the text is not JSON, or not a plan (``path`` names the first misfit).
    """
    try:
        document = json.loads(plan_json)
    except (ValueError, RecursionError) as exc:
        raise DecodeError(f"PlanJson is not JSON: {exc}") from None
    except TypeError:
        raise DecodeError(f"PlanJson must be text, got {type(plan_json).__name__}") from None
    return cast("ExecutionPlan", validate(document, DOCUMENT, EMBEDDED_SHAPES[DOCUMENT]))


def render(plan_json: str, plan_format: str) -> str:
    """The plan that ``plan_json`` carries, in ``plan_format`` (one of ``FORMATS``).

    Raises:
        DecodeError: the text is not a plan.
        ValueError: an unknown format.
    """
    from .plan_view import render_plan  # the views are for the command line: loaded when one is asked for

    return render_plan(parse_plan(plan_json), plan_format)


def sample(rng: random.Random) -> str:
    """A realistic plan document as JSON text, varied by ``rng`` (see ``plan_sample``)."""
    from .plan_sample import sample_plan

    return sample_plan(rng)
