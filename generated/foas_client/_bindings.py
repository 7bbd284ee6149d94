# Generated from spec/foas.openapi.yaml and generator/templates/layers/_bindings.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""The runtime core's public entry points, bound to Realtime Compute (foas) — GetRefPackageJob: its shapes and its API version."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from ._core.credentials import AsyncCredentialsProvider, CredentialsProvider
from ._core.decoding import responses as _responses
from ._core.http import signing as _signing
from ._core.http import signing_v3 as _signing_v3
from ._core.http.signing import _utc_now, _uuid4
from ._schema import API_VERSION, SHAPES

__all__ = ["Acs3Signer", "RoaSigner", "decode_body"]


def decode_body(content: bytes, content_type: str | None, shape_name: str) -> dict[str, Any]:
    """The JSON-shaped dict that ``content`` carries, checked against the spec's schema ``shape_name``.

    ``content_type`` picks JSON or XML (parameters ignored; ``+json``/``+xml`` accepted). The model's
    ``from_dict`` makes the model of the dict.

    Raises:
        DecodeError: unsupported type, malformed or hostile document, or a value of the wrong type.
    """
    return _responses.decode_body(content, content_type, shape_name, SHAPES)


class RoaSigner(_signing.RoaSigner):
    __doc__ = _signing.RoaSigner.__doc__

    def __init__(
        self,
        credentials: CredentialsProvider | AsyncCredentialsProvider,
        *,
        region_id: str,
        version: str = API_VERSION,
        action: str | None = None,
        clock: Callable[[], datetime] = _utc_now,
        nonce: Callable[[], str] = _uuid4,
    ) -> None:
        super().__init__(credentials, region_id=region_id, version=version, action=action, clock=clock, nonce=nonce)


class Acs3Signer(_signing_v3.Acs3Signer):
    __doc__ = _signing_v3.Acs3Signer.__doc__

    def __init__(
        self,
        credentials: CredentialsProvider | AsyncCredentialsProvider,
        *,
        region_id: str,
        version: str = API_VERSION,
        action: str | None = None,
        clock: Callable[[], datetime] = _utc_now,
        nonce: Callable[[], str] = _uuid4,
    ) -> None:
        super().__init__(credentials, region_id=region_id, version=version, action=action, clock=clock, nonce=nonce)
