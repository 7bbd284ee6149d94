# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET

if TYPE_CHECKING:
    from ..models.package_list import PackageList


T = TypeVar("T", bound="ListPackageResponse")

# The wire names of this model's fields: any other key of a decoded object goes to additional_properties.
_FIELD_NAMES = frozenset(
    {
        "RequestId",
        "PageIndex",
        "PageSize",
        "TotalCount",
        "TotalPage",
        "Packages",
    }
)


@_attrs_define
class ListPackageResponse:
    """One page of the packages of a project (alibaba-cloud-sdk-go ListPackageResponse). Like every page,
    it always carries its request ID and its totals.

        Attributes:
            request_id (str): Request ID (请求ID). Example: 0E2C7B3A-5D41-4F8E-9A6B-1C2D3E4F5A60.
            page_index (int): The page returned, 1-based (返回第几页). Example: 1.
            page_size (int): Packages per page (每页包含的Package数). Example: 10.
            total_count (int): Number of packages in all pages (Package总数). Example: 1.
            total_page (int): Number of pages (页码总数). Example: 1.
            packages (PackageList): The packages of this page, wrapped the Alibaba way (alibaba-cloud-sdk-go
                struct_packages.go).
    """

    request_id: str
    page_index: int
    page_size: int
    total_count: int
    total_page: int
    packages: PackageList
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        page_index = self.page_index

        page_size = self.page_size

        total_count = self.total_count

        total_page = self.total_page

        packages = self.packages.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "RequestId": request_id,
                "PageIndex": page_index,
                "PageSize": page_size,
                "TotalCount": total_count,
                "TotalPage": total_page,
                "Packages": packages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.package_list import PackageList  # noqa: PLC0415

        request_id = src_dict["RequestId"]

        page_index = src_dict["PageIndex"]

        page_size = src_dict["PageSize"]

        total_count = src_dict["TotalCount"]

        total_page = src_dict["TotalPage"]

        packages = PackageList.from_dict(src_dict["Packages"])

        # Positional, in the order the fields are declared above (keywords cost twice as much here).
        list_package_response = cls(
            request_id,
            page_index,
            page_size,
            total_count,
            total_page,
            packages,
        )

        if not _FIELD_NAMES.issuperset(src_dict):  # keys the spec does not name: a newer server
            list_package_response.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return list_package_response

    @classmethod
    def _struct_fields(cls) -> tuple[tuple[str, str, type[Any] | None], ...]:
        """For the core's msgspec decoders: (attribute, wire name, model of the value or of its items, if one),
        in the order of the constructor's arguments."""
        from ..models.package_list import PackageList  # noqa: PLC0415

        return (
            ("request_id", "RequestId", None),
            ("page_index", "PageIndex", None),
            ("page_size", "PageSize", None),
            ("total_count", "TotalCount", None),
            ("total_page", "TotalPage", None),
            ("packages", "Packages", PackageList),
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
        from ..models.package_list import PackageList  # noqa: PLC0415

        if struct.packages is not UNSET:
            struct.packages = PackageList._from_struct(struct.packages, values)
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
