"""JSON bodies decoded straight into the models, through msgspec Structs built from the spec's shapes.

The usual path parses a body into dicts, checks them (``_validate``) and builds the model from them
(``from_dict``): three walks. When msgspec is installed (the ``speedups`` extra), ``model_decoder``
gives one instead: msgspec decodes the body into Structs made from the shapes (``_structs``), checking
every kind and bound as it goes, and the model's generated ``_from_struct`` builds the model from them.

The Structs accept only the bodies that the usual path reads as they stand: every field known to
the spec, of its kind and within its bounds, no ``null`` where the spec has none, the required fields
present (an absent field with a default in the spec takes it). For any other body (an unknown field,
a ``null`` to drop, one object standing for a list, a malformed document...) the decoder returns
``None``, and the usual path decides: its result, or its error and the error's path, are the rule.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import msgspec
from msgspec.structs import astuple

from ..shapes import ObjectShape
from .structs import Unsupported, struct_type

__all__ = ["model_decoder"]

ModelDecoder = Callable[[bytes], Any]
"""``bytes -> model``, or ``None`` when the body is not one the Structs accept as it stands."""


def model_decoder(model: type[Any], shape_name: str, shapes: Mapping[str, ObjectShape]) -> ModelDecoder | None:
    """The decoder of ``model`` (whose shape is ``shapes[shape_name]``), or ``None`` if it has none.

    A model has one when it, and every model it holds, has the generated ``_struct_fields`` and
    ``_from_struct``, and names the same fields as its shape. Build once and keep: building costs
    milliseconds, decoding with it costs what msgspec does.
    """
    try:
        struct = struct_type(model, shape_name, shapes)
    except Unsupported:
        return None
    decode = msgspec.json.Decoder(struct).decode
    from_struct = model._from_struct

    def decode_model(content: bytes) -> Any:
        try:
            document = decode(content)
        except (ValueError, RecursionError):  # msgspec's DecodeError and ValidationError are ValueErrors
            return None
        return from_struct(document, astuple)

    return decode_model
