# Generated from spec/foas.openapi.yaml and spec/plan.schema.json by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""What the decoders know of the spec: object shapes (JSON kinds, XML names) and pagination."""

from typing import Any

from ._core.shapes import ObjectShape, Shape

# The API's schemas, by model class name.
SHAPES: dict[str, ObjectShape] = {
    "ErrorResponse": ObjectShape(
        xml_name="Error",
        fields={
            "RequestId": Shape("string", xml_name="RequestId"),
            "HostId": Shape("string", xml_name="HostId"),
            "Code": Shape("string", xml_name="Code"),
            "Message": Shape("string", xml_name="Message"),
            "Recommend": Shape("string", xml_name="Recommend"),
        },
    ),
    "GetRefPackageJobResponse": ObjectShape(
        xml_name="GetRefPackageJobResponse",
        fields={
            "RequestId": Shape("string", xml_name="RequestId"),
            "PageIndex": Shape("integer", xml_name="PageIndex", minimum=-2147483648, maximum=2147483647),
            "PageSize": Shape("integer", xml_name="PageSize", minimum=-2147483648, maximum=2147483647),
            "TotalCount": Shape(
                "integer", xml_name="TotalCount", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
            "TotalPage": Shape("integer", xml_name="TotalPage", minimum=-2147483648, maximum=2147483647),
            "Jobs": Shape("object", xml_name="Jobs", ref="JobList", default="{}"),
        },
        required=frozenset(["PageIndex", "PageSize", "RequestId", "TotalCount", "TotalPage"]),
    ),
    "Job": ObjectShape(
        xml_name="Job",
        fields={
            "ApiType": Shape("string", xml_name="ApiType"),
            "ClusterId": Shape("string", xml_name="ClusterId"),
            "Code": Shape("string", xml_name="Code"),
            "CreateTime": Shape(
                "integer", xml_name="CreateTime", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
            "Creator": Shape("string", xml_name="Creator"),
            "Description": Shape("string", xml_name="Description"),
            "EngineVersion": Shape("string", xml_name="EngineVersion"),
            "FolderId": Shape(
                "integer", xml_name="FolderId", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
            "IsCommitted": Shape("boolean", xml_name="IsCommitted"),
            "JobId": Shape("string", xml_name="JobId"),
            "JobName": Shape("string", xml_name="JobName"),
            "JobType": Shape("string", xml_name="JobType"),
            "Modifier": Shape("string", xml_name="Modifier"),
            "ModifyTime": Shape(
                "integer", xml_name="ModifyTime", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
            "Packages": Shape("string", xml_name="Packages"),
            "PlanJson": Shape("string", xml_name="PlanJson"),
            "ProjectName": Shape("string", xml_name="ProjectName"),
            "Properties": Shape("string", xml_name="Properties"),
            "QueueName": Shape("string", xml_name="QueueName"),
        },
    ),
    "JobList": ObjectShape(
        xml_name="Jobs",
        fields={
            "Job": Shape("array", xml_name="Job", default="[]", items=Shape("object", xml_name="Job", ref="Job")),
        },
    ),
}

# The execution plan carried in Job.PlanJson, by TypedDict name.
PLAN_SHAPES: dict[str, ObjectShape] = {
    "ExecutionPlan": ObjectShape(
        xml_name="ExecutionPlan",
        fields={
            "nodes": Shape("array", xml_name="nodes", items=Shape("object", xml_name="nodes", ref="PlanNode")),
        },
        required=frozenset(["nodes"]),
    ),
    "PlanEdge": ObjectShape(
        xml_name="PlanEdge",
        fields={
            "id": Shape("integer", xml_name="id"),
            "ship_strategy": Shape("string", xml_name="ship_strategy"),
            "side": Shape("string", xml_name="side"),
        },
        required=frozenset(["id", "ship_strategy"]),
    ),
    "PlanNode": ObjectShape(
        xml_name="PlanNode",
        fields={
            "id": Shape("integer", xml_name="id"),
            "type": Shape("string", xml_name="type"),
            "pact": Shape("string", xml_name="pact"),
            "contents": Shape("string", xml_name="contents"),
            "parallelism": Shape("integer", xml_name="parallelism"),
            "predecessors": Shape(
                "array", xml_name="predecessors", items=Shape("object", xml_name="predecessors", ref="PlanEdge")
            ),
        },
        required=frozenset(["contents", "id", "pact", "parallelism", "type"]),
    ),
}

# Each paginated operation's x-pagination, by operationId.
PAGINATION: dict[str, dict[str, Any]] = {
    "GetRefPackageJob": {
        "style": "page-number",
        "pageParameter": "pageIndex",
        "sizeParameter": "pageSize",
        "itemsMethod": "iter_jobs",
        "pagesMethod": "iter_pages",
        "firstPage": 1,
        "items": ["Jobs", "Job"],
        "pageIndex": ["PageIndex"],
        "pageSize": ["PageSize"],
        "totalItems": ["TotalCount"],
        "totalPages": ["TotalPage"],
        "python": {
            "pageParameter": "page_index",
            "sizeParameter": "page_size",
            "items": ["jobs", "job"],
            "pageIndex": ["page_index"],
            "pageSize": ["page_size"],
            "totalItems": ["total_count"],
            "totalPages": ["total_page"],
        },
    }
}

# The API version (info.version), sent as x-acs-version.
API_VERSION = "2018-11-11"

# Each operation's method, path template and parameters, by operationId.
OPERATIONS: dict[str, dict[str, Any]] = {
    "GetRefPackageJob": {
        "method": "GET",
        "path": "/api/v2/projects/{projectName}/packages/{packageName}/jobs",
        "summary": "List the jobs that reference a package.",
        "parameters": [
            {
                "name": "projectName",
                "python_name": "project_name",
                "in": "path",
                "kind": "string",
                "required": True,
                "minimum": None,
                "maximum": None,
                "min_length": 1,
                "example": "project1",
                "description": "Project name (项目名称). Sent percent-encoded as one path segment.",
                "filled_by": None,
            },
            {
                "name": "packageName",
                "python_name": "package_name",
                "in": "path",
                "kind": "string",
                "required": True,
                "minimum": None,
                "maximum": None,
                "min_length": 1,
                "example": "package1.jar",
                "description": "Package name (Package名称), e.g. a jar file name. Sent percent-encoded as one path segment.",
                "filled_by": None,
            },
            {
                "name": "RegionId",
                "python_name": "region_id",
                "in": "query",
                "kind": "string",
                "required": False,
                "minimum": None,
                "maximum": None,
                "min_length": None,
                "example": "cn-hangzhou",
                "description": "Region ID (区域ID). Public-cloud users may omit it.",
                "filled_by": "region",
            },
            {
                "name": "pageSize",
                "python_name": "page_size",
                "in": "query",
                "kind": "integer",
                "required": False,
                "minimum": 1,
                "maximum": 2147483647,
                "min_length": None,
                "example": 50,
                "description": "Number of jobs per page (每页包含的作业数).",
                "filled_by": None,
            },
            {
                "name": "pageIndex",
                "python_name": "page_index",
                "in": "query",
                "kind": "integer",
                "required": False,
                "minimum": 1,
                "maximum": 2147483647,
                "min_length": None,
                "example": 1,
                "description": "Page to return, 1-based (返回第几页).",
                "filled_by": None,
            },
        ],
    }
}

# Each operation's operationId (sent as x-acs-action), by endpoint module name.
OPERATION_IDS: dict[str, str] = {"get_ref_package_job": "GetRefPackageJob"}

# The first server of the spec: its URL template and the defaults of its variables.
SERVER_URL = "https://foas.{regionId}.aliyuncs.com"
SERVER_DEFAULTS: dict[str, str] = {"regionId": "cn-hangzhou"}

# The base URL of each region the server's x-endpoints names (others follow SERVER_URL).
SERVER_ENDPOINTS: dict[str, str] = {
    "ap-northeast-1": "https://foas.ap-northeast-1.aliyuncs.com",
    "ap-northeast-2-pop": "https://foas.ap-northeast-1.aliyuncs.com",
    "ap-south-1": "https://foas.ap-northeast-1.aliyuncs.com",
    "ap-southeast-2": "https://foas.ap-northeast-1.aliyuncs.com",
    "ap-southeast-5": "https://foas.ap-northeast-1.aliyuncs.com",
    "cn-beijing": "https://foas.cn-beijing.aliyuncs.com",
    "cn-beijing-finance-1": "https://foas.aliyuncs.com",
    "cn-beijing-finance-pop": "https://foas.aliyuncs.com",
    "cn-beijing-gov-1": "https://foas.aliyuncs.com",
    "cn-beijing-nu16-b01": "https://foas.aliyuncs.com",
    "cn-chengdu": "https://foas.aliyuncs.com",
    "cn-edge-1": "https://foas.aliyuncs.com",
    "cn-fujian": "https://foas.aliyuncs.com",
    "cn-haidian-cm12-c01": "https://foas.aliyuncs.com",
    "cn-hangzhou": "https://foas.cn-hangzhou.aliyuncs.com",
    "cn-hangzhou-bj-b01": "https://foas.aliyuncs.com",
    "cn-hangzhou-internal-prod-1": "https://foas.aliyuncs.com",
    "cn-hangzhou-internal-test-1": "https://foas.aliyuncs.com",
    "cn-hangzhou-internal-test-2": "https://foas.aliyuncs.com",
    "cn-hangzhou-internal-test-3": "https://foas.aliyuncs.com",
    "cn-hangzhou-test-306": "https://foas.aliyuncs.com",
    "cn-hongkong": "https://foas.aliyuncs.com",
    "cn-hongkong-finance-pop": "https://foas.aliyuncs.com",
    "cn-huhehaote": "https://foas.aliyuncs.com",
    "cn-qingdao": "https://foas.cn-qingdao.aliyuncs.com",
    "cn-qingdao-nebula": "https://foas.aliyuncs.com",
    "cn-shanghai": "https://foas.cn-shanghai.aliyuncs.com",
    "cn-shanghai-et15-b01": "https://foas.aliyuncs.com",
    "cn-shanghai-et2-b01": "https://foas.aliyuncs.com",
    "cn-shanghai-inner": "https://foas.aliyuncs.com",
    "cn-shanghai-internal-test-1": "https://foas.aliyuncs.com",
    "cn-shenzhen": "https://foas.cn-shenzhen.aliyuncs.com",
    "cn-shenzhen-finance-1": "https://foas.aliyuncs.com",
    "cn-shenzhen-inner": "https://foas.aliyuncs.com",
    "cn-shenzhen-st4-d01": "https://foas.aliyuncs.com",
    "cn-shenzhen-su18-b01": "https://foas.aliyuncs.com",
    "cn-wuhan": "https://foas.aliyuncs.com",
    "cn-yushanfang": "https://foas.aliyuncs.com",
    "cn-zhangbei-na61-b01": "https://foas.aliyuncs.com",
    "cn-zhangjiakou": "https://foas.cn-zhangjiakou.aliyuncs.com",
    "cn-zhangjiakou-na62-a01": "https://foas.aliyuncs.com",
    "cn-zhengzhou-nebula-1": "https://foas.aliyuncs.com",
    "eu-central-1": "https://foas.ap-northeast-1.aliyuncs.com",
    "eu-west-1": "https://foas.ap-northeast-1.aliyuncs.com",
    "eu-west-1-oxs": "https://foas.ap-northeast-1.aliyuncs.com",
    "me-east-1": "https://foas.ap-northeast-1.aliyuncs.com",
    "rus-west-1-pop": "https://foas.ap-northeast-1.aliyuncs.com",
    "us-east-1": "https://foas.ap-northeast-1.aliyuncs.com",
    "us-west-1": "https://foas.ap-northeast-1.aliyuncs.com",
}
