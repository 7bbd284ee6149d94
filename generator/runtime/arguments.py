"""Request arguments checked against the spec's parameters before anything is built or sent.

The core's request path (``http.request``) calls ``check_arguments`` with the operation's parameters
(the ``Parameter``s of its ``OperationSpec`` in ``_schema.OPERATIONS``): what the spec says a parameter
takes (its JSON type, the bounds of its format, ``minimum``/``maximum``, ``minLength``) is what the
server would refuse, or worse, accept and misread. A value outside it raises
``InvalidParameterError`` naming the argument as the caller spelled it; no request is made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .errors import InvalidParameterError
from .operation import Parameter

__all__ = ["check_arguments", "check_count", "count_problem", "problem"]


def check_arguments(parameters: Sequence[Parameter], arguments: Mapping[str, object]) -> None:
    """Checks each argument (keyed by the parameter's generated argument name) against its descriptor.

    An argument that is ``None`` or ``UNSET`` (falsy, and neither text nor a number) is left out of
    the request, so it is not checked, unless the spec requires it.

    Raises:
        InvalidParameterError: a required argument left out, an argument of the wrong type, out of its
            bounds, empty where the spec sets a minimum length, or text that is not valid Unicode (a
            lone surrogate).
    """
    for parameter in parameters:
        value = arguments.get(parameter.python_name)
        if value is None or (not value and not isinstance(value, (str, int, float))):
            if parameter.required and not parameter.filled_by:
                raise InvalidParameterError(f"{_named(parameter)} is required, got {value!r}")
            continue  # None, or the generated code's UNSET: not sent
        found = problem(parameter, value)
        if found is not None:
            raise InvalidParameterError(f"{_named(parameter)} {found}")


def _named(parameter: Parameter) -> str:
    """The parameter as the caller spells it, and as the spec and the server do when that differs."""
    if parameter.python_name == parameter.name:
        return parameter.name
    return f"{parameter.python_name} ({parameter.name})"


def problem(parameter: Parameter, value: object) -> str | None:
    """What is wrong with ``value`` for the parameter ``parameter`` describes (``"must ..."``), or ``None``.

    The one rule behind ``check_arguments`` and the command line's options, which name the value each its way.
    """
    kind = parameter.kind
    if kind == "integer":
        return count_problem(value, minimum=parameter.minimum, maximum=parameter.maximum)
    if kind == "string":
        return _text_problem(value, parameter.min_length)
    if kind == "boolean" and type(value) is not bool:
        return f"must be true or false, got {_shown(value)}"
    return None


def check_count(value: object, name: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """``value`` if it is an int (``bool`` is not) within the bounds given.

    Raises:
        InvalidParameterError: naming ``name``, the bounds and the value.
    """
    found = count_problem(value, minimum=minimum, maximum=maximum)
    if found is not None:
        raise InvalidParameterError(f"{name} {found}")
    assert type(value) is int
    return value


def count_problem(value: object, *, minimum: int | None = None, maximum: int | None = None) -> str | None:
    """What is wrong with ``value`` as an int (``bool`` is not) within the bounds given, or ``None``."""
    if type(value) is not int:
        return f"must be an integer, got {_shown(value)}"
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        if maximum is None:
            bounds = f"of at least {minimum}"
        elif minimum is None:
            bounds = f"of at most {maximum}"
        else:
            bounds = f"from {minimum} to {maximum}"
        return f"must be an integer {bounds}, got {value}"
    return None


def _text_problem(value: object, min_length: int | None) -> str | None:
    if not isinstance(value, str):
        return f"must be a string, got {_shown(value)}"
    if min_length and len(value) < min_length:
        return "must not be empty" if min_length == 1 else f"must be at least {min_length} characters long"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: from undecodable bytes (argv, file names)
        return f"is not valid text: an unpaired surrogate at position {exc.start}"
    return None


def _shown(value: object) -> str:
    """A short description of a wrong value: its type, and its repr if that is short."""
    text = repr(value)
    return f"{type(value).__name__} {text}" if len(text) <= 40 else type(value).__name__
