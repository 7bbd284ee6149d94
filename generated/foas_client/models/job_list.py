# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET

if TYPE_CHECKING:
    from ..models.job import Job


T = TypeVar("T", bound="JobList")

# The wire names of this model's fields: any other key of a decoded object goes to additional_properties.
_FIELD_NAMES = frozenset(
    {
        "Job",
    }
)


@_attrs_define
class JobList:
    """The jobs of this page (作业详情). The field table says "Array of Job"; the wire wraps the
    array the Alibaba way: JSON `{"Job": [...]}`, XML `<Jobs><Job/>...</Jobs>`. An empty page
    may come as `"Jobs": {}`, `<Jobs/>`, `"Jobs": null` or no `Jobs` at all: each reads as
    an empty list.

        Attributes:
            job (list[Job]):
    """

    job: list[Job]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job = []
        for job_item_data in self.job:
            job_item = job_item_data.to_dict()
            job.append(job_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Job": job,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job import Job  # noqa: PLC0415

        job = []
        _job = src_dict["Job"]
        for job_item_data in _job:
            job_item = Job.from_dict(job_item_data)

            job.append(job_item)

        # Positional, in the order the fields are declared above (keywords cost twice as much here).
        job_list = cls(
            job,
        )

        if not _FIELD_NAMES.issuperset(src_dict):  # keys the spec does not name: a newer server
            job_list.additional_properties = {key: value for key, value in src_dict.items() if key not in _FIELD_NAMES}
        return job_list

    @classmethod
    def _struct_fields(cls) -> tuple[tuple[str, str, type[Any] | None], ...]:
        """For the core's msgspec decoders: (attribute, wire name, model of the value or of its items, if one),
        in the order of the constructor's arguments."""
        from ..models.job import Job  # noqa: PLC0415

        return (("job", "Job", Job),)

    @classmethod
    def _from_struct(cls: type[T], struct: Any, values: Callable[[Any], tuple[Any, ...]]) -> T:
        """The model of a msgspec Struct that the core decoded, and so checked, against this model's shape.

        ``values`` is msgspec's ``structs.astuple``, handed over by the core (the models import nothing of
        msgspec): the Struct's fields are the model's (``_struct_fields``), in the constructor's order,
        absent ones ``UNSET``. Nothing is checked again. The Struct, the decoder's and read once, is
        updated in place: known enum values become members, as in ``from_dict`` (looked up by value:
        UNSET and other text stay as they are), and nested Structs become models.
        """
        from ..models.job import Job  # noqa: PLC0415

        if struct.job is not UNSET:
            item_from_struct = Job._from_struct
            struct.job = [item_from_struct(item, values) for item in struct.job]
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
