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


class PackageInUseError(InUseError):
    """``delete_package_if_unreferenced`` refused: jobs still reference what was to be deleted
    (``GetRefPackageJob``, read right before the DELETE, holds items); nothing was deleted.

    Attributes as ``InUseError``'s: ``arguments``, ``total_count``, ``first_ids`` (their JobIds),
    ``request_ids``.
    """


__all__ = [
    "ApiError",
    "AuthError",
    "CredentialsError",
    "DecodeError",
    "FoasError",
    "InUseError",
    "InvalidParameterError",
    "NotFoundError",
    "PackageInUseError",
    "PaginationError",
    "ResponseTooLargeError",
    "ServerError",
    "ThrottlingError",
    "TimeoutError",
    "TransportError",
    "UnsafeXmlError",
]
