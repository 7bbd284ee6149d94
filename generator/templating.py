"""The one Jinja environment the generator renders its own templates with (the layers and the data modules).

Templates only lay out what the generator computed in Python: a context of names, and of Python
source already written (``generator.render.source``); filters turn values into literals.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from generator.render import source

__all__ = ["environment"]


@functools.cache
def environment(templates: Path) -> jinja2.Environment:
    """An environment loading ``templates/``: strict (a name the context lacks fails generation, not the
    package), whitespace as written, no escaping (the output is Python source, not HTML).

    One per folder and process: compiling a template costs far more than rendering it, and generation
    renders the layers twice (the name check reads what they bind, before any tool runs).
    """
    found = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    found.filters["py"] = repr  # a Python literal of a string
    found.filters["py_tuple"] = lambda values: repr(tuple(values))
    found.filters["source"] = source  # a Python expression of a value: containers, attrs instances
    return found
