# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Realtime Compute (foas) — GetRefPackageJob: a typed client for Alibaba Cloud Realtime Compute (foas 2018-11-11).

Models and endpoint functions are generated from ``spec/foas.openapi.yaml``; responses decode from
JSON and from XML by their Content-Type; every error is a ``foas_client.errors.FoasError``.
"""

from typing import TYPE_CHECKING, Any

from ._bindings import Acs3Signer, RoaSigner, decode_body
from ._clients import AsyncFoasClient, FoasClient
from ._core.credentials import AsyncCredentialsProvider, Credentials, CredentialsProvider, OfficialChainProvider
from ._core.http.core import ResponseFormat, SignatureVersion
from ._core.http.raw_response import RawResponse
from ._core.http.retry import RetryPolicy
from .client import Client
from .errors import (
    ApiError,
    AuthError,
    DecodeError,
    FoasError,
    NotFoundError,
    PaginationError,
    ServerError,
    ThrottlingError,
    TransportError,
)
from .models import (
    DeletePackageResponse,
    ErrorResponse,
    GetPackageResponse,
    GetRefPackageJobResponse,
    Job,
    JobList,
    KnownApiType,
    KnownJobType,
    ListPackageResponse,
    ListProjectResponse,
    Package,
    PackageList,
    Project,
    ProjectList,
)

if TYPE_CHECKING:  # imported on first use (see __getattr__); type checkers see them here
    from ._clients import PackageReferences
    from ._embedded.execution_plan import ExecutionPlan, PlanEdge, PlanNode
    from ._extensions.java_properties import parse_properties
    from ._extensions.plan import parse_plan

__version__: str  # the installed distribution's version, read on first use (see __getattr__)

# What the extensions bound to the spec's fields export (views and parsers of embedded documents),
# and the documents' models, imported when first asked for: most programs list jobs and never parse a
# document, and the models (TypedDicts, typing_extensions on 3.10) cost a few ms to import.
_LAZY = {
    "PackageReferences": "._clients",
    "parse_plan": "._extensions.plan",
    "parse_properties": "._extensions.java_properties",
    "ExecutionPlan": "._embedded.execution_plan",
    "PlanNode": "._embedded.execution_plan",
    "PlanEdge": "._embedded.execution_plan",
}


def __getattr__(name: str) -> Any:
    """The extensions' names and the embedded documents' models on first use; ``__version__``: the
    installed distribution's version (``"0+unknown"`` in a source tree never installed).

    The version is read from the package metadata when first asked for, not at import:
    importlib.metadata alone costs a fifth of the package's import time.
    """
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("foas-client")
    except PackageNotFoundError:  # imported from a source tree that was not installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found


__all__ = [
    "Acs3Signer",
    "ApiError",
    "AsyncCredentialsProvider",
    "AsyncFoasClient",
    "AuthError",
    "Client",
    "Credentials",
    "CredentialsProvider",
    "DecodeError",
    "DeletePackageResponse",
    "ErrorResponse",
    "ExecutionPlan",
    "FoasClient",
    "FoasError",
    "GetPackageResponse",
    "GetRefPackageJobResponse",
    "Job",
    "JobList",
    "KnownApiType",
    "KnownJobType",
    "ListPackageResponse",
    "ListProjectResponse",
    "NotFoundError",
    "OfficialChainProvider",
    "Package",
    "PackageList",
    "PackageReferences",
    "PaginationError",
    "PlanEdge",
    "PlanNode",
    "Project",
    "ProjectList",
    "RawResponse",
    "ResponseFormat",
    "RetryPolicy",
    "RoaSigner",
    "ServerError",
    "SignatureVersion",
    "ThrottlingError",
    "TransportError",
    "__version__",
    "decode_body",
    "parse_plan",
    "parse_properties",
]
