# Generated from spec/foas.openapi.yaml and generator/templates/layers/errors.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""The exceptions raised by this package: one tree under ``FoasError``."""

from ._core.errors import (
    ApiError,
    AuthError,
    CredentialsError,
    DecodeError,
    FoasError,
    InUseError,
    InvalidParameterError,
    NotFoundError,
    PaginationError,
    ResponseTooLargeError,
    ServerError,
    ThrottlingError,
    TimeoutError,
    TransportError,
    UnsafeXmlError,
)

__all__ = [
    "ApiError",
    "AuthError",
    "CredentialsError",
    "DecodeError",
    "FoasError",
    "InUseError",
    "InvalidParameterError",
    "NotFoundError",
    "PaginationError",
    "ResponseTooLargeError",
    "ServerError",
    "ThrottlingError",
    "TimeoutError",
    "TransportError",
    "UnsafeXmlError",
]
