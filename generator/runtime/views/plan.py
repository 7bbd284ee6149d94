"""Typed views of the text fields of a job: the execution plan (JSON) and Java ``.properties`` text."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, cast

from ..._schema import PLAN_SHAPES
from ..decoding.validate import validate
from ..errors import DecodeError

if TYPE_CHECKING:  # TypedDicts: types only, and their module loads typing_extensions (on 3.10)
    from ..._plan_models import ExecutionPlan

__all__ = ["parse_plan", "parse_properties", "render_plan_text"]

_PLAN = "ExecutionPlan"


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
    return cast("ExecutionPlan", validate(document, _PLAN, PLAN_SHAPES))


def render_plan_text(plan_json: str, view: str) -> str:
    """The plan that ``plan_json`` carries, in the view ``view`` (``_plan_view.PLAN_FORMATS``).

    Raises:
        DecodeError: the text is not a plan.
        ValueError: an unknown view.
    """
    from .plan_view import render_plan  # the views are for the command line: loaded when one is asked for

    return render_plan(parse_plan(plan_json), view)


def parse_properties(text: str) -> dict[str, str]:
    """The key/value pairs of Java ``.properties`` text, such as a job's ``properties`` or ``code``.

    Comments (``#``, ``!``) are dropped; a repeated key keeps its last value.

    Raises:
        DecodeError: the text is not valid ``.properties`` (e.g. a broken ``\\u`` escape).
    """
    if not isinstance(text, str):
        raise DecodeError(f"properties must be text, got {type(text).__name__}")
    # The maintained .properties parser (escapes, continuations, both comment styles); imported here,
    # on first use, as few callers need it.
    import javaproperties

    try:
        return dict(javaproperties.loads(text))
    except ValueError as exc:
        raise DecodeError(f"invalid .properties text: {exc}") from None
