# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_list import JobList


T = TypeVar("T", bound="GetRefPackageJobResponse")

# The wire names of this model's fields: any other key of a decoded object goes to additional_properties.
_FIELD_NAMES = frozenset(
    {
        "RequestId",
        "PageIndex",
        "PageSize",
        "TotalCount",
        "TotalPage",
        "Jobs",
    }
)


@_attrs_define
class GetRefPackageJobResponse:
    """One page of the jobs that reference a package.

    Attributes:
        request_id (str | Unset): Request ID (请求ID). Example: 31FDAE27-F135-4DAB-9C75-FADD6B0C4D1D.
        page_index (int | Unset): The page returned, 1-based (返回第几页). Example: 1.
        page_size (int | Unset): Jobs per page (每页包含的作业数). Example: 10.
        total_count (int | Unset): Number of jobs in all pages (作业总数). Example: 1.
        total_page (int | Unset): Number of pages (页码总数). Example: 1.
        jobs (JobList | Unset): The jobs of this page (作业详情). The field table says "Array of Job"; the wire wraps the
            array the Alibaba way: JSON `{"Job": [...]}`, XML `<Jobs><Job/>...</Jobs>`.
    """

    request_id: str | Unset = UNSET
    page_index: int | Unset = UNSET
    page_size: int | Unset = UNSET
    total_count: int | Unset = UNSET
    total_page: int | Unset = UNSET
    jobs: JobList | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        page_index = self.page_index

        page_size = self.page_size

        total_count = self.total_count

        total_page = self.total_page

        jobs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jobs, Unset):
            jobs = self.jobs.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if request_id is not UNSET:
            field_dict["RequestId"] = request_id
        if page_index is not UNSET:
            field_dict["PageIndex"] = page_index
        if page_size is not UNSET:
            field_dict["PageSize"] = page_size
        if total_count is not UNSET:
            field_dict["TotalCount"] = total_count
        if total_page is not UNSET:
            field_dict["TotalPage"] = total_page
        if jobs is not UNSET:
            field_dict["Jobs"] = jobs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_list import JobList  # noqa: PLC0415

        request_id = src_dict.get("RequestId", UNSET)

        page_index = src_dict.get("PageIndex", UNSET)

        page_size = src_dict.get("PageSize", UNSET)

        total_count = src_dict.get("TotalCount", UNSET)

        total_page = src_dict.get("TotalPage", UNSET)

        _jobs = src_dict.get("Jobs", UNSET)
        jobs: JobList | Unset
        if isinstance(_jobs, Unset):
            jobs = UNSET
        else:
            jobs = JobList.from_dict(_jobs)

        # Positional, in the order the fields are declared above (keywords cost twice as much here).
        get_ref_package_job_response = cls(
            request_id,
            page_index,
            page_size,
            total_count,
            total_page,
            jobs,
        )

        if not _FIELD_NAMES.issuperset(src_dict):  # keys the spec does not name: a newer server
            get_ref_package_job_response.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return get_ref_package_job_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
