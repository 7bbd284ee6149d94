"""The ``.properties`` parser: Java properties text (a job's ``Properties``) as key/value pairs.

Selected by ``x-embedded-format: java-properties`` on a field. Parsing is javaproperties' (the
maintained parser: escapes, continuations, both comment styles), which the ``properties`` extra
installs: ``pip install 'foas-client[properties]'``.
"""

from __future__ import annotations

from .._core.errors import DecodeError

__all__ = ["parse_properties"]

SELECTED_BY = ("x-embedded-format", "java-properties")


def parse_properties(text: str) -> dict[str, str]:
    """The key/value pairs of Java ``.properties`` text, such as a job's ``properties`` or ``code``.

    Comments (``#``, ``!``) are dropped; a repeated key keeps its last value.

    Raises:
        DecodeError: the text is not valid ``.properties`` (e.g. a broken ``\\u`` escape).
        ImportError: javaproperties is not installed (``pip install 'foas-client[properties]'``).
    """
    if not isinstance(text, str):
        raise DecodeError(f"properties must be text, got {type(text).__name__}")
    try:
        import javaproperties  # on first use: few callers need it
    except ImportError:
        raise ImportError(
            "parse_properties needs javaproperties, which the 'properties' extra installs: "
            "pip install 'foas-client[properties]'",
            name="javaproperties",
        ) from None

    try:
        return dict(javaproperties.loads(text))
    except ValueError as exc:
        raise DecodeError(f"invalid .properties text: {exc}") from None
