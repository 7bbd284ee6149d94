# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Contains all the data models used in inputs/outputs"""

from typing import TYPE_CHECKING

from .._core.lazy import lazy_names

if TYPE_CHECKING:  # imported on first use (see _core/lazy.py); type checkers see them here
    from .delete_package_response import DeletePackageResponse
    from .error_response import ErrorResponse
    from .get_package_response import GetPackageResponse
    from .get_ref_package_job_response import GetRefPackageJobResponse
    from .job import Job
    from .job_list import JobList
    from .known_api_type import KnownApiType
    from .known_job_type import KnownJobType
    from .list_package_response import ListPackageResponse
    from .list_project_response import ListProjectResponse
    from .package import Package
    from .package_list import PackageList
    from .project import Project
    from .project_list import ProjectList

_LAZY = {
    "DeletePackageResponse": ".delete_package_response",
    "ErrorResponse": ".error_response",
    "GetPackageResponse": ".get_package_response",
    "GetRefPackageJobResponse": ".get_ref_package_job_response",
    "Job": ".job",
    "JobList": ".job_list",
    "KnownApiType": ".known_api_type",
    "KnownJobType": ".known_job_type",
    "ListPackageResponse": ".list_package_response",
    "ListProjectResponse": ".list_project_response",
    "Package": ".package",
    "PackageList": ".package_list",
    "Project": ".project",
    "ProjectList": ".project_list",
}
__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())

__all__ = (
    "DeletePackageResponse",
    "ErrorResponse",
    "GetPackageResponse",
    "GetRefPackageJobResponse",
    "Job",
    "JobList",
    "KnownApiType",
    "KnownJobType",
    "ListPackageResponse",
    "ListProjectResponse",
    "Package",
    "PackageList",
    "Project",
    "ProjectList",
)
