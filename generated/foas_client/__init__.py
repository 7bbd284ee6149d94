# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Realtime Compute (foas) — GetRefPackageJob: a typed client for Alibaba Cloud Realtime Compute (foas 2018-11-11).

Models and endpoint functions are generated from ``spec/foas.openapi.yaml``; responses decode from
JSON and from XML by their Content-Type; every error is a ``foas_client.errors.FoasError``.
"""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from ._bindings import RoaSigner, decode_body
from ._client_core import ResponseFormat
from ._clients import AsyncFoasClient, FoasClient
from ._credentials import Credentials, CredentialsProvider, OfficialChainProvider
from ._plan import parse_plan, parse_properties
from ._plan_models import ExecutionPlan, PlanEdge, PlanNode
from ._retry import RetryPolicy
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
    ErrorResponse,
    GetRefPackageJobResponse,
    Job,
    JobList,
    KnownApiType,
    KnownJobType,
)

try:
    __version__ = _version("foas-client")
except PackageNotFoundError:  # imported from a source tree that was not installed
    __version__ = "0+unknown"

__all__ = [
    "ApiError",
    "AsyncFoasClient",
    "AuthError",
    "Client",
    "Credentials",
    "CredentialsProvider",
    "DecodeError",
    "ErrorResponse",
    "ExecutionPlan",
    "FoasClient",
    "FoasError",
    "GetRefPackageJobResponse",
    "Job",
    "JobList",
    "KnownApiType",
    "KnownJobType",
    "NotFoundError",
    "OfficialChainProvider",
    "PaginationError",
    "PlanEdge",
    "PlanNode",
    "ResponseFormat",
    "RetryPolicy",
    "RoaSigner",
    "ServerError",
    "ThrottlingError",
    "TransportError",
    "__version__",
    "decode_body",
    "parse_plan",
    "parse_properties",
]
