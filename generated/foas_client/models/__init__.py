# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Contains all the data models used in inputs/outputs"""

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
