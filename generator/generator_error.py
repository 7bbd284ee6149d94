"""The one exception generation stops with."""

from __future__ import annotations


class GeneratorError(Exception):
    """Generation cannot produce a working package; ``str()`` says what, where and why, on one line or a few.

    Raised for a spec the generator cannot turn into a client and for a tool (openapi-python-client,
    datamodel-code-generator, ruff, the import check) that failed. ``python -m generator`` prints it
    and exits 2; the previously generated package is left as it was.
    """


def last_lines(text: str, count: int = 8) -> str:
    """The last ``count`` non-blank lines of ``text``: where a tool's output or a traceback says what went wrong."""
    kept = [line.rstrip() for line in text.strip().splitlines() if line.strip()]
    return "\n".join(kept[-count:])
