# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponse")

# The wire names of this model's fields: any other key of a decoded object goes to additional_properties.
_FIELD_NAMES = frozenset(
    {
        "RequestId",
        "HostId",
        "Code",
        "Message",
        "Recommend",
        "Description",
        "AccessDeniedDetail",
    }
)


@_attrs_define
class ErrorResponse:
    """The Alibaba Cloud error body, sent with any 4xx or 5xx status.

    Attributes:
        request_id (str | Unset): Request ID, to quote to support.
        host_id (str | Unset): The endpoint host that answered.
        code (str | Unset): Error code, e.g. `Throttling.User` or `InvalidAccessKeyId.NotFound`.
        message (str | Unset): Human-readable error message.
        recommend (str | Unset): Link to a diagnosis of the error.
        description (str | Unset): The service's longer description of the error, when it gives one.
        access_denied_detail (str | Unset): Why RAM denied the call: a JSON object (`AuthAction`, `PolicyType`,
            `NoPermissionType`,
            `AuthPrincipalType`, `EncodedDiagnosticMessage`...). A JSON body sends the object itself
            and an XML body its elements; the client keeps either as the object's JSON text, and
            plain text as it is.
             Example: {"AuthAction":"foas:GetRefPackageJob","NoPermissionType":"ImplicitDeny","PolicyType":"AccountLevelIden
            tityBasedPolicy"}.
    """

    request_id: str | Unset = UNSET
    host_id: str | Unset = UNSET
    code: str | Unset = UNSET
    message: str | Unset = UNSET
    recommend: str | Unset = UNSET
    description: str | Unset = UNSET
    access_denied_detail: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        host_id = self.host_id

        code = self.code

        message = self.message

        recommend = self.recommend

        description = self.description

        access_denied_detail = self.access_denied_detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if request_id is not UNSET:
            field_dict["RequestId"] = request_id
        if host_id is not UNSET:
            field_dict["HostId"] = host_id
        if code is not UNSET:
            field_dict["Code"] = code
        if message is not UNSET:
            field_dict["Message"] = message
        if recommend is not UNSET:
            field_dict["Recommend"] = recommend
        if description is not UNSET:
            field_dict["Description"] = description
        if access_denied_detail is not UNSET:
            field_dict["AccessDeniedDetail"] = access_denied_detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        request_id = src_dict.get("RequestId", UNSET)

        host_id = src_dict.get("HostId", UNSET)

        code = src_dict.get("Code", UNSET)

        message = src_dict.get("Message", UNSET)

        recommend = src_dict.get("Recommend", UNSET)

        description = src_dict.get("Description", UNSET)

        access_denied_detail = src_dict.get("AccessDeniedDetail", UNSET)

        # Positional, in the order the fields are declared above (keywords cost twice as much here).
        error_response = cls(
            request_id,
            host_id,
            code,
            message,
            recommend,
            description,
            access_denied_detail,
        )

        if not _FIELD_NAMES.issuperset(src_dict):  # keys the spec does not name: a newer server
            error_response.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return error_response

    @classmethod
    def _struct_fields(cls) -> tuple[tuple[str, str, type[Any] | None], ...]:
        """For the core's msgspec decoders: (attribute, wire name, model of the value or of its items, if one),
        in the order of the constructor's arguments."""
        return (
            ("request_id", "RequestId", None),
            ("host_id", "HostId", None),
            ("code", "Code", None),
            ("message", "Message", None),
            ("recommend", "Recommend", None),
            ("description", "Description", None),
            ("access_denied_detail", "AccessDeniedDetail", None),
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
