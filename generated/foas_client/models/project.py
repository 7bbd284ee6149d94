# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Project")

# The wire names of this model's fields: any other key of a decoded object goes to additional_properties.
_FIELD_NAMES = frozenset(
    {
        "Id",
        "Name",
        "Description",
        "Region",
        "ClusterId",
        "DeployType",
        "State",
        "ManagerIds",
        "GlobalJobConfig",
        "Creator",
        "Modifier",
        "CreateTime",
        "ModifyTime",
    }
)


@_attrs_define
class Project:
    """A Realtime Compute project (alibaba-cloud-sdk-go struct_project.go).

    Attributes:
        id (str | Unset): Project ID (项目ID). Example: 12345.
        name (str | Unset): Project name (项目名称). Example: project1.
        description (str | Unset): Project remarks (项目描述). Example: the team's project.
        region (str | Unset): Region of the project (项目所在区域). Example: cn-hangzhou.
        cluster_id (str | Unset): Cluster ID (集群ID). Example: et2cloud****.
        deploy_type (str | Unset): Deploy type (部署类型). Example: cell.
        state (str | Unset): Project state (项目状态). Example: AVAILABLE.
        manager_ids (str | Unset): Managers' account IDs, comma-separated (项目管理员). Example: 1709064687573327.
        global_job_config (str | Unset): Configuration applied to every job of the project (全局作业配置).
        creator (str | Unset): Account that created the project (项目创建者). Example: 1709064687573327.
        modifier (str | Unset): Account that last modified the project (最新修改者). Example: 1709064687573327.
        create_time (int | Unset): Creation time (创建时间), milliseconds since the Unix epoch. Example: 1551161842000.
        modify_time (int | Unset): Last modification time (最新修改时间), milliseconds since the Unix epoch. Example:
            1583722910000.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    region: str | Unset = UNSET
    cluster_id: str | Unset = UNSET
    deploy_type: str | Unset = UNSET
    state: str | Unset = UNSET
    manager_ids: str | Unset = UNSET
    global_job_config: str | Unset = UNSET
    creator: str | Unset = UNSET
    modifier: str | Unset = UNSET
    create_time: int | Unset = UNSET
    modify_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description = self.description

        region = self.region

        cluster_id = self.cluster_id

        deploy_type = self.deploy_type

        state = self.state

        manager_ids = self.manager_ids

        global_job_config = self.global_job_config

        creator = self.creator

        modifier = self.modifier

        create_time = self.create_time

        modify_time = self.modify_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["Id"] = id
        if name is not UNSET:
            field_dict["Name"] = name
        if description is not UNSET:
            field_dict["Description"] = description
        if region is not UNSET:
            field_dict["Region"] = region
        if cluster_id is not UNSET:
            field_dict["ClusterId"] = cluster_id
        if deploy_type is not UNSET:
            field_dict["DeployType"] = deploy_type
        if state is not UNSET:
            field_dict["State"] = state
        if manager_ids is not UNSET:
            field_dict["ManagerIds"] = manager_ids
        if global_job_config is not UNSET:
            field_dict["GlobalJobConfig"] = global_job_config
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
        id = src_dict.get("Id", UNSET)

        name = src_dict.get("Name", UNSET)

        description = src_dict.get("Description", UNSET)

        region = src_dict.get("Region", UNSET)

        cluster_id = src_dict.get("ClusterId", UNSET)

        deploy_type = src_dict.get("DeployType", UNSET)

        state = src_dict.get("State", UNSET)

        manager_ids = src_dict.get("ManagerIds", UNSET)

        global_job_config = src_dict.get("GlobalJobConfig", UNSET)

        creator = src_dict.get("Creator", UNSET)

        modifier = src_dict.get("Modifier", UNSET)

        create_time = src_dict.get("CreateTime", UNSET)

        modify_time = src_dict.get("ModifyTime", UNSET)

        # Positional, in the order the fields are declared above (keywords cost twice as much here).
        project = cls(
            id,
            name,
            description,
            region,
            cluster_id,
            deploy_type,
            state,
            manager_ids,
            global_job_config,
            creator,
            modifier,
            create_time,
            modify_time,
        )

        if not _FIELD_NAMES.issuperset(src_dict):  # keys the spec does not name: a newer server
            project.additional_properties = {key: value for key, value in src_dict.items() if key not in _FIELD_NAMES}
        return project

    @classmethod
    def _struct_fields(cls) -> tuple[tuple[str, str, type[Any] | None], ...]:
        """For the core's msgspec decoders: (attribute, wire name, model of the value or of its items, if one),
        in the order of the constructor's arguments."""
        return (
            ("id", "Id", None),
            ("name", "Name", None),
            ("description", "Description", None),
            ("region", "Region", None),
            ("cluster_id", "ClusterId", None),
            ("deploy_type", "DeployType", None),
            ("state", "State", None),
            ("manager_ids", "ManagerIds", None),
            ("global_job_config", "GlobalJobConfig", None),
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
