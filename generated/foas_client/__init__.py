# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Realtime Compute (foas) — GetRefPackageJob: a typed client for Alibaba Cloud Realtime Compute (foas 2018-11-11).

Models and endpoint functions are generated from ``spec/foas.openapi.yaml``; responses decode from
JSON and from XML by their Content-Type; every error is a ``foas_client.errors.FoasError``.
"""

from typing import TYPE_CHECKING, Any

from ._core.lazy import lazy_names
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

if TYPE_CHECKING:  # imported on first use (see __getattr__); type checkers see them here
    from ._bindings import Acs3Signer, RoaSigner, decode_body
    from ._clients import AsyncFoasClient, FoasClient
    from ._core.credentials import AsyncCredentialsProvider, Credentials, CredentialsProvider, OfficialChainProvider
    from ._core.http.core import ResponseFormat, SignatureVersion
    from ._core.http.raw_response import RawResponse
    from ._core.http.retry import RetryPolicy
    from ._embedded.execution_plan import ExecutionPlan, PlanEdge, PlanNode
    from ._extensions.java_properties import parse_properties
    from ._extensions.plan import parse_plan
    from ._lifecycle import PackageReferences
    from .client import Client
    from .models.delete_package_response import DeletePackageResponse
    from .models.error_response import ErrorResponse
    from .models.get_package_response import GetPackageResponse
    from .models.get_ref_package_job_response import GetRefPackageJobResponse
    from .models.job import Job
    from .models.job_list import JobList
    from .models.known_api_type import KnownApiType
    from .models.known_job_type import KnownJobType
    from .models.list_package_response import ListPackageResponse
    from .models.list_project_response import ListProjectResponse
    from .models.package import Package
    from .models.package_list import PackageList
    from .models.project import Project
    from .models.project_list import ProjectList

__version__: str  # the installed distribution's version, read on first use (see __getattr__)

# Every name but the errors, by the module that defines it, imported when first asked for: most of an
# import's cost is class creation (the clients, the core's descriptors, each operation's models), and
# a program that only catches foas_client.FoasError, or lists jobs and never parses a document, should
# not pay for the rest. The errors stay eager: `except foas_client.ApiError` must cost nothing.
_LAZY = {
    "Acs3Signer": "._bindings",
    "RoaSigner": "._bindings",
    "decode_body": "._bindings",
    "AsyncFoasClient": "._clients",
    "FoasClient": "._clients",
    "AsyncCredentialsProvider": "._core.credentials",
    "Credentials": "._core.credentials",
    "CredentialsProvider": "._core.credentials",
    "OfficialChainProvider": "._core.credentials",
    "ResponseFormat": "._core.http.core",
    "SignatureVersion": "._core.http.core",
    "RawResponse": "._core.http.raw_response",
    "RetryPolicy": "._core.http.retry",
    "Client": ".client",
    "GetRefPackageJobResponse": ".models.get_ref_package_job_response",
    "JobList": ".models.job_list",
    "Job": ".models.job",
    "ListProjectResponse": ".models.list_project_response",
    "ProjectList": ".models.project_list",
    "Project": ".models.project",
    "ListPackageResponse": ".models.list_package_response",
    "PackageList": ".models.package_list",
    "GetPackageResponse": ".models.get_package_response",
    "DeletePackageResponse": ".models.delete_package_response",
    "Package": ".models.package",
    "ErrorResponse": ".models.error_response",
    "KnownJobType": ".models.known_job_type",
    "KnownApiType": ".models.known_api_type",
    "PackageReferences": "._lifecycle",
    "parse_plan": "._extensions.plan",
    "parse_properties": "._extensions.java_properties",
    "ExecutionPlan": "._embedded.execution_plan",
    "PlanNode": "._embedded.execution_plan",
    "PlanEdge": "._embedded.execution_plan",
}
_lazy_name, __dir__ = lazy_names(__name__, _LAZY, globals())


def __getattr__(name: str) -> Any:
    """Each name of ``_LAZY`` on first use; ``__version__``: the installed distribution's version
    (``"0+unknown"`` in a source tree never installed).

    The version is read from the package metadata when first asked for, not at import:
    importlib.metadata alone costs a fifth of the package's import time.
    """
    if name != "__version__":
        return _lazy_name(name)
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
