# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET

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
    """One page of the jobs that reference a package. A page always carries its request ID and
    its totals: a 2xx body without them (the error envelope `{"Code", "Message", ...}` sent
    with 200, for one) is not a page, and is never read as "no jobs".

        Attributes:
            request_id (str): Request ID (请求ID). Example: 31FDAE27-F135-4DAB-9C75-FADD6B0C4D1D.
            page_index (int): The page returned, 1-based (返回第几页). Example: 1.
            page_size (int): Jobs per page (每页包含的作业数). Example: 10.
            total_count (int): Number of jobs in all pages (作业总数). Example: 1.
            total_page (int): Number of pages (页码总数). Example: 1.
            jobs (JobList): The jobs of this page (作业详情). The field table says "Array of Job"; the wire wraps the
                array the Alibaba way: JSON `{"Job": [...]}`, XML `<Jobs><Job/>...</Jobs>`. An empty page
                may come as `"Jobs": {}`, `<Jobs/>`, `"Jobs": null` or no `Jobs` at all: each reads as
                an empty list.
    """

    request_id: str
    page_index: int
    page_size: int
    total_count: int
    total_page: int
    jobs: JobList
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        page_index = self.page_index

        page_size = self.page_size

        total_count = self.total_count

        total_page = self.total_page

        jobs = self.jobs.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "RequestId": request_id,
                "PageIndex": page_index,
                "PageSize": page_size,
                "TotalCount": total_count,
                "TotalPage": total_page,
                "Jobs": jobs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_list import JobList  # noqa: PLC0415

        request_id = src_dict["RequestId"]

        page_index = src_dict["PageIndex"]

        page_size = src_dict["PageSize"]

        total_count = src_dict["TotalCount"]

        total_page = src_dict["TotalPage"]

        jobs = JobList.from_dict(src_dict["Jobs"])

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

    @classmethod
    def _struct_fields(cls) -> tuple[tuple[str, str, type[Any] | None], ...]:
        """For the core's msgspec decoders: (attribute, wire name, model of the value or of its items, if one),
        in the order of the constructor's arguments."""
        from ..models.job_list import JobList  # noqa: PLC0415

        return (
            ("request_id", "RequestId", None),
            ("page_index", "PageIndex", None),
            ("page_size", "PageSize", None),
            ("total_count", "TotalCount", None),
            ("total_page", "TotalPage", None),
            ("jobs", "Jobs", JobList),
        )

    @classmethod
    def _from_struct(cls: type[T], struct: Any, values: Callable[[Any], tuple[Any, ...]]) -> T:
        """The model of a msgspec Struct that the core decoded, and so checked, against this model's shape.

        ``values`` is msgspec's ``structs.astuple``, handed over by the core (the models import nothing of
        msgspec): the Struct's fields are the model's (``_struct_fields``), in the constructor's order,
        absent ones ``UNSET``. Nothing is checked again. The Struct, the decoder's and read once, is
        updated in place: known enum values become members, as in ``from_dict`` (looked up by value:
        UNSET and other text stay as they are), and nested Structs become models.
        """
        from ..models.job_list import JobList  # noqa: PLC0415

        if struct.jobs is not UNSET:
            struct.jobs = JobList._from_struct(struct.jobs, values)
        return cls(*values(struct))

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
