# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Contains all the data models used in inputs/outputs"""

from .error_response import ErrorResponse
from .get_ref_package_job_response import GetRefPackageJobResponse
from .job import Job
from .job_list import JobList
from .known_api_type import KnownApiType
from .known_job_type import KnownJobType

__all__ = (
    "ErrorResponse",
    "GetRefPackageJobResponse",
    "Job",
    "JobList",
    "KnownApiType",
    "KnownJobType",
)
