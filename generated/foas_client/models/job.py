# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_api_type import KnownApiType
from ..models.known_job_type import KnownJobType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Job")

# The wire names of this model's fields: any other key of a decoded object goes to additional_properties.
_FIELD_NAMES = frozenset(
    {
        "ApiType",
        "ClusterId",
        "Code",
        "CreateTime",
        "Creator",
        "Description",
        "EngineVersion",
        "FolderId",
        "IsCommitted",
        "JobId",
        "JobName",
        "JobType",
        "Modifier",
        "ModifyTime",
        "Packages",
        "PlanJson",
        "ProjectName",
        "Properties",
        "QueueName",
    }
)

# KnownApiType members by value: a documented value becomes its member, other text stays text.
_KNOWN_API_TYPE_MEMBERS = {member.value: member for member in KnownApiType}

# KnownJobType members by value: a documented value becomes its member, other text stays text.
_KNOWN_JOB_TYPE_MEMBERS = {member.value: member for member in KnownJobType}


@_attrs_define
class Job:
    """A job that references the package.

    Attributes:
        api_type (KnownApiType | str | Unset): API type (API类型). Known values are listed in `KnownApiType`; others
            decode as text. Example: DATASTREAM.
        cluster_id (str | Unset): Cluster ID (集群ID). Example: et2cloud****.
        code (str | Unset): Job code (作业代码); for DATASTREAM jobs, Java properties text. Example:
            blink.main.class=com.example.jobs.Job1
            blink.job.name=job1.
        create_time (int | Unset): Creation time (作业创建时间), milliseconds since the Unix epoch. Example: 1551161842000.
        creator (str | Unset): Account that created the job (作业创建者). Example: 1709064687573327.
        description (str | Unset): Job remarks (作业备注). Example: test.
        engine_version (str | Unset): Engine version (引擎版本). Example: blink-3.4.4.
        folder_id (int | Unset): Folder ID (文件夹ID). Example: 10148.
        is_committed (bool | Unset): Whether the job is online (是否上线). Example: True.
        job_id (str | Unset): Job ID (作业ID). Example: 9t9m6jfw8rb44iexhbpv3tnz.
        job_name (str | Unset): Job name (作业名称). Example: job1.
        job_type (KnownJobType | str | Unset): Job type (作业类型). Known values are listed in `KnownJobType`; others decode
            as text. Example: FLINK_STREAM.
        modifier (str | Unset): Account that last modified the job (最新修改者). Example: 1709064687573327.
        modify_time (int | Unset): Last modification time (最新修改时间), milliseconds since the Unix epoch. Example:
            1583722910000.
        packages (str | Unset): Packages the job uses, comma-separated (Package名称,多个Package请使用逗号分隔). Example:
            blink_test_datastream.jar.
        plan_json (str | Unset): Execution plan of the online job (作业上线的执行计划): a JSON document described by
            `plan.schema.json`.
        project_name (str | Unset): Project name (项目名称). Example: bayes_team.
        properties (str | Unset): Job run parameters (作业运行参数配置), Java properties text. Example:
            #checkpoint模式:EXACTLY_ONCE 或者 AT_LEAST_ONCE
            blink.checkpoint.mode=EXACTLY_ONCE
            blink.checkpoint.interval.ms=180000
            state.backend.rocksdb.ttl.ms=129600000
            .
        queue_name (str | Unset): Queue name (队列名称). Example: root.bayes_team.
    """

    api_type: KnownApiType | str | Unset = UNSET
    cluster_id: str | Unset = UNSET
    code: str | Unset = UNSET
    create_time: int | Unset = UNSET
    creator: str | Unset = UNSET
    description: str | Unset = UNSET
    engine_version: str | Unset = UNSET
    folder_id: int | Unset = UNSET
    is_committed: bool | Unset = UNSET
    job_id: str | Unset = UNSET
    job_name: str | Unset = UNSET
    job_type: KnownJobType | str | Unset = UNSET
    modifier: str | Unset = UNSET
    modify_time: int | Unset = UNSET
    packages: str | Unset = UNSET
    plan_json: str | Unset = UNSET
    project_name: str | Unset = UNSET
    properties: str | Unset = UNSET
    queue_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_type: str | Unset
        if isinstance(self.api_type, Unset):
            api_type = UNSET
        elif isinstance(self.api_type, KnownApiType):
            api_type = self.api_type.value
        else:
            api_type = self.api_type

        cluster_id = self.cluster_id

        code = self.code

        create_time = self.create_time

        creator = self.creator

        description = self.description

        engine_version = self.engine_version

        folder_id = self.folder_id

        is_committed = self.is_committed

        job_id = self.job_id

        job_name = self.job_name

        job_type: str | Unset
        if isinstance(self.job_type, Unset):
            job_type = UNSET
        elif isinstance(self.job_type, KnownJobType):
            job_type = self.job_type.value
        else:
            job_type = self.job_type

        modifier = self.modifier

        modify_time = self.modify_time

        packages = self.packages

        plan_json = self.plan_json

        project_name = self.project_name

        properties = self.properties

        queue_name = self.queue_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_type is not UNSET:
            field_dict["ApiType"] = api_type
        if cluster_id is not UNSET:
            field_dict["ClusterId"] = cluster_id
        if code is not UNSET:
            field_dict["Code"] = code
        if create_time is not UNSET:
            field_dict["CreateTime"] = create_time
        if creator is not UNSET:
            field_dict["Creator"] = creator
        if description is not UNSET:
            field_dict["Description"] = description
        if engine_version is not UNSET:
            field_dict["EngineVersion"] = engine_version
        if folder_id is not UNSET:
            field_dict["FolderId"] = folder_id
        if is_committed is not UNSET:
            field_dict["IsCommitted"] = is_committed
        if job_id is not UNSET:
            field_dict["JobId"] = job_id
        if job_name is not UNSET:
            field_dict["JobName"] = job_name
        if job_type is not UNSET:
            field_dict["JobType"] = job_type
        if modifier is not UNSET:
            field_dict["Modifier"] = modifier
        if modify_time is not UNSET:
            field_dict["ModifyTime"] = modify_time
        if packages is not UNSET:
            field_dict["Packages"] = packages
        if plan_json is not UNSET:
            field_dict["PlanJson"] = plan_json
        if project_name is not UNSET:
            field_dict["ProjectName"] = project_name
        if properties is not UNSET:
            field_dict["Properties"] = properties
        if queue_name is not UNSET:
            field_dict["QueueName"] = queue_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        api_type = src_dict.get("ApiType", UNSET)
        if isinstance(api_type, str):
            api_type = _KNOWN_API_TYPE_MEMBERS.get(api_type, api_type)

        cluster_id = src_dict.get("ClusterId", UNSET)

        code = src_dict.get("Code", UNSET)

        create_time = src_dict.get("CreateTime", UNSET)

        creator = src_dict.get("Creator", UNSET)

        description = src_dict.get("Description", UNSET)

        engine_version = src_dict.get("EngineVersion", UNSET)

        folder_id = src_dict.get("FolderId", UNSET)

        is_committed = src_dict.get("IsCommitted", UNSET)

        job_id = src_dict.get("JobId", UNSET)

        job_name = src_dict.get("JobName", UNSET)

        job_type = src_dict.get("JobType", UNSET)
        if isinstance(job_type, str):
            job_type = _KNOWN_JOB_TYPE_MEMBERS.get(job_type, job_type)

        modifier = src_dict.get("Modifier", UNSET)

        modify_time = src_dict.get("ModifyTime", UNSET)

        packages = src_dict.get("Packages", UNSET)

        plan_json = src_dict.get("PlanJson", UNSET)

        project_name = src_dict.get("ProjectName", UNSET)

        properties = src_dict.get("Properties", UNSET)

        queue_name = src_dict.get("QueueName", UNSET)

        # Positional, in the order the fields are declared above (keywords cost twice as much here).
        job = cls(
            api_type,
            cluster_id,
            code,
            create_time,
            creator,
            description,
            engine_version,
            folder_id,
            is_committed,
            job_id,
            job_name,
            job_type,
            modifier,
            modify_time,
            packages,
            plan_json,
            project_name,
            properties,
            queue_name,
        )

        if not _FIELD_NAMES.issuperset(src_dict):  # keys the spec does not name: a newer server
            job.additional_properties = {key: value for key, value in src_dict.items() if key not in _FIELD_NAMES}
        return job

    @classmethod
    def _struct_fields(cls) -> tuple[tuple[str, str, type[Any] | None], ...]:
        """For the core's msgspec decoders: (attribute, wire name, model of the value or of its items, if one),
        in the order of the constructor's arguments."""
        return (
            ("api_type", "ApiType", None),
            ("cluster_id", "ClusterId", None),
            ("code", "Code", None),
            ("create_time", "CreateTime", None),
            ("creator", "Creator", None),
            ("description", "Description", None),
            ("engine_version", "EngineVersion", None),
            ("folder_id", "FolderId", None),
            ("is_committed", "IsCommitted", None),
            ("job_id", "JobId", None),
            ("job_name", "JobName", None),
            ("job_type", "JobType", None),
            ("modifier", "Modifier", None),
            ("modify_time", "ModifyTime", None),
            ("packages", "Packages", None),
            ("plan_json", "PlanJson", None),
            ("project_name", "ProjectName", None),
            ("properties", "Properties", None),
            ("queue_name", "QueueName", None),
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
        struct.api_type = _KNOWN_API_TYPE_MEMBERS.get(struct.api_type, struct.api_type)
        struct.job_type = _KNOWN_JOB_TYPE_MEMBERS.get(struct.job_type, struct.job_type)
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
