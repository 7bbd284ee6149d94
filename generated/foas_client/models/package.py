# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Package")

# The wire names of this model's fields: any other key of a decoded object goes to additional_properties.
_FIELD_NAMES = frozenset(
    {
        "PackageName",
        "OriginName",
        "ProjectName",
        "Type",
        "Tag",
        "Description",
        "Md5",
        "OssBucket",
        "OssEndpoint",
        "OssOwner",
        "OssPath",
        "ScanState",
        "ScanErrorMessage",
        "ScanExtBizNo",
        "ScanLink",
        "Creator",
        "Modifier",
        "CreateTime",
        "ModifyTime",
    }
)


@_attrs_define
class Package:
    """A package (jar) of a project (alibaba-cloud-sdk-go struct_package.go).

    Attributes:
        package_name (str | Unset): Package name (Package名称). Example: package1.jar.
        origin_name (str | Unset): Name of the file uploaded (上传的文件名). Example: package1.jar.
        project_name (str | Unset): Project name (项目名称). Example: project1.
        type_ (str | Unset): Package type (Package类型), e.g. JAR or PYTHON. Example: JAR.
        tag (str | Unset): Package tag (Package标签). Example: v1.
        description (str | Unset): Package remarks (Package描述). Example: the team's jobs.
        md_5 (str | Unset): MD5 of the file (文件MD5). Example: 0cc175b9c0f1b6a831c399e269772661.
        oss_bucket (str | Unset): OSS bucket holding the file. Example: bucket1.
        oss_endpoint (str | Unset): OSS endpoint of the bucket. Example: oss-cn-hangzhou-internal.aliyuncs.com.
        oss_owner (str | Unset): Account owning the bucket. Example: 1709064687573327.
        oss_path (str | Unset): Path of the file in the bucket. Example: packages/package1.jar.
        scan_state (str | Unset): Security scan state (安全扫描状态). Example: SUCCESS.
        scan_error_message (str | Unset): Why the security scan failed.
        scan_ext_biz_no (str | Unset): Security scan reference.
        scan_link (str | Unset): Link to the security scan report.
        creator (str | Unset): Account that uploaded the package (创建者). Example: 1709064687573327.
        modifier (str | Unset): Account that last modified the package (最新修改者). Example: 1709064687573327.
        create_time (int | Unset): Upload time (创建时间), milliseconds since the Unix epoch. Example: 1551161842000.
        modify_time (int | Unset): Last modification time (最新修改时间), milliseconds since the Unix epoch. Example:
            1583722910000.
    """

    package_name: str | Unset = UNSET
    origin_name: str | Unset = UNSET
    project_name: str | Unset = UNSET
    type_: str | Unset = UNSET
    tag: str | Unset = UNSET
    description: str | Unset = UNSET
    md_5: str | Unset = UNSET
    oss_bucket: str | Unset = UNSET
    oss_endpoint: str | Unset = UNSET
    oss_owner: str | Unset = UNSET
    oss_path: str | Unset = UNSET
    scan_state: str | Unset = UNSET
    scan_error_message: str | Unset = UNSET
    scan_ext_biz_no: str | Unset = UNSET
    scan_link: str | Unset = UNSET
    creator: str | Unset = UNSET
    modifier: str | Unset = UNSET
    create_time: int | Unset = UNSET
    modify_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        package_name = self.package_name

        origin_name = self.origin_name

        project_name = self.project_name

        type_ = self.type_

        tag = self.tag

        description = self.description

        md_5 = self.md_5

        oss_bucket = self.oss_bucket

        oss_endpoint = self.oss_endpoint

        oss_owner = self.oss_owner

        oss_path = self.oss_path

        scan_state = self.scan_state

        scan_error_message = self.scan_error_message

        scan_ext_biz_no = self.scan_ext_biz_no

        scan_link = self.scan_link

        creator = self.creator

        modifier = self.modifier

        create_time = self.create_time

        modify_time = self.modify_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if package_name is not UNSET:
            field_dict["PackageName"] = package_name
        if origin_name is not UNSET:
            field_dict["OriginName"] = origin_name
        if project_name is not UNSET:
            field_dict["ProjectName"] = project_name
        if type_ is not UNSET:
            field_dict["Type"] = type_
        if tag is not UNSET:
            field_dict["Tag"] = tag
        if description is not UNSET:
            field_dict["Description"] = description
        if md_5 is not UNSET:
            field_dict["Md5"] = md_5
        if oss_bucket is not UNSET:
            field_dict["OssBucket"] = oss_bucket
        if oss_endpoint is not UNSET:
            field_dict["OssEndpoint"] = oss_endpoint
        if oss_owner is not UNSET:
            field_dict["OssOwner"] = oss_owner
        if oss_path is not UNSET:
            field_dict["OssPath"] = oss_path
        if scan_state is not UNSET:
            field_dict["ScanState"] = scan_state
        if scan_error_message is not UNSET:
            field_dict["ScanErrorMessage"] = scan_error_message
        if scan_ext_biz_no is not UNSET:
            field_dict["ScanExtBizNo"] = scan_ext_biz_no
        if scan_link is not UNSET:
            field_dict["ScanLink"] = scan_link
        if creator is not UNSET:
            field_dict["Creator"] = creator
        if modifier is not UNSET:
            field_dict["Modifier"] = modifier
        if create_time is not UNSET:
            field_dict["CreateTime"] = create_time
        if modify_time is not UNSET:
            field_dict["ModifyTime"] = modify_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        package_name = src_dict.get("PackageName", UNSET)

        origin_name = src_dict.get("OriginName", UNSET)

        project_name = src_dict.get("ProjectName", UNSET)

        type_ = src_dict.get("Type", UNSET)

        tag = src_dict.get("Tag", UNSET)

        description = src_dict.get("Description", UNSET)

        md_5 = src_dict.get("Md5", UNSET)

        oss_bucket = src_dict.get("OssBucket", UNSET)

        oss_endpoint = src_dict.get("OssEndpoint", UNSET)

        oss_owner = src_dict.get("OssOwner", UNSET)

        oss_path = src_dict.get("OssPath", UNSET)

        scan_state = src_dict.get("ScanState", UNSET)

        scan_error_message = src_dict.get("ScanErrorMessage", UNSET)

        scan_ext_biz_no = src_dict.get("ScanExtBizNo", UNSET)

        scan_link = src_dict.get("ScanLink", UNSET)

        creator = src_dict.get("Creator", UNSET)

        modifier = src_dict.get("Modifier", UNSET)

        create_time = src_dict.get("CreateTime", UNSET)

        modify_time = src_dict.get("ModifyTime", UNSET)

        # Positional, in the order the fields are declared above (keywords cost twice as much here).
        package = cls(
            package_name,
            origin_name,
            project_name,
            type_,
            tag,
            description,
            md_5,
            oss_bucket,
            oss_endpoint,
            oss_owner,
            oss_path,
            scan_state,
            scan_error_message,
            scan_ext_biz_no,
            scan_link,
            creator,
            modifier,
            create_time,
            modify_time,
        )

        if not _FIELD_NAMES.issuperset(src_dict):  # keys the spec does not name: a newer server
            package.additional_properties = {key: value for key, value in src_dict.items() if key not in _FIELD_NAMES}
        return package

    @classmethod
    def _struct_fields(cls) -> tuple[tuple[str, str, type[Any] | None], ...]:
        """For the core's msgspec decoders: (attribute, wire name, model of the value or of its items, if one),
        in the order of the constructor's arguments."""
        return (
            ("package_name", "PackageName", None),
            ("origin_name", "OriginName", None),
            ("project_name", "ProjectName", None),
            ("type_", "Type", None),
            ("tag", "Tag", None),
            ("description", "Description", None),
            ("md_5", "Md5", None),
            ("oss_bucket", "OssBucket", None),
            ("oss_endpoint", "OssEndpoint", None),
            ("oss_owner", "OssOwner", None),
            ("oss_path", "OssPath", None),
            ("scan_state", "ScanState", None),
            ("scan_error_message", "ScanErrorMessage", None),
            ("scan_ext_biz_no", "ScanExtBizNo", None),
            ("scan_link", "ScanLink", None),
            ("creator", "Creator", None),
            ("modifier", "Modifier", None),
            ("create_time", "CreateTime", None),
            ("modify_time", "ModifyTime", None),
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
