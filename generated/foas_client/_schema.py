# Generated from spec/foas.openapi.yaml and spec/plan.schema.json by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""What the core knows of the spec: object shapes (JSON kinds, XML names) and the operations."""

from ._core.operation import OperationSpec, Pagination, Parameter, ResponseSpec, WireName
from ._core.shapes import ObjectShape, Shape

# The API's schemas, by model class name.
SHAPES: dict[str, ObjectShape] = {
    "DeletePackageResponse": ObjectShape(
        xml_name="DeletePackageResponse",
        fields={"RequestId": Shape(kind="string", xml_name="RequestId")},
        required=frozenset(["RequestId"]),
    ),
    "ErrorResponse": ObjectShape(
        xml_name="Error",
        fields={
            "RequestId": Shape(kind="string", xml_name="RequestId"),
            "HostId": Shape(kind="string", xml_name="HostId"),
            "Code": Shape(kind="string", xml_name="Code"),
            "Message": Shape(kind="string", xml_name="Message"),
            "Recommend": Shape(kind="string", xml_name="Recommend"),
            "Description": Shape(kind="string", xml_name="Description"),
            "AccessDeniedDetail": Shape(kind="string", xml_name="AccessDeniedDetail"),
        },
    ),
    "GetPackageResponse": ObjectShape(
        xml_name="GetPackageResponse",
        fields={
            "RequestId": Shape(kind="string", xml_name="RequestId"),
            "Package": Shape(kind="object", xml_name="Package", ref="Package"),
        },
        required=frozenset(["Package", "RequestId"]),
    ),
    "GetRefPackageJobResponse": ObjectShape(
        xml_name="GetRefPackageJobResponse",
        fields={
            "RequestId": Shape(kind="string", xml_name="RequestId"),
            "PageIndex": Shape(kind="integer", xml_name="PageIndex", minimum=-2147483648, maximum=2147483647),
            "PageSize": Shape(kind="integer", xml_name="PageSize", minimum=-2147483648, maximum=2147483647),
            "TotalCount": Shape(
                kind="integer", xml_name="TotalCount", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
            "TotalPage": Shape(kind="integer", xml_name="TotalPage", minimum=-2147483648, maximum=2147483647),
            "Jobs": Shape(kind="object", xml_name="Jobs", ref="JobList", default="{}"),
        },
        required=frozenset(["PageIndex", "PageSize", "RequestId", "TotalCount", "TotalPage"]),
    ),
    "Job": ObjectShape(
        xml_name="Job",
        fields={
            "ApiType": Shape(kind="string", xml_name="ApiType"),
            "ClusterId": Shape(kind="string", xml_name="ClusterId"),
            "Code": Shape(kind="string", xml_name="Code"),
            "CreateTime": Shape(
                kind="integer", xml_name="CreateTime", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
            "Creator": Shape(kind="string", xml_name="Creator"),
            "Description": Shape(kind="string", xml_name="Description"),
            "EngineVersion": Shape(kind="string", xml_name="EngineVersion"),
            "FolderId": Shape(
                kind="integer", xml_name="FolderId", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
            "IsCommitted": Shape(kind="boolean", xml_name="IsCommitted"),
            "JobId": Shape(kind="string", xml_name="JobId"),
            "JobName": Shape(kind="string", xml_name="JobName"),
            "JobType": Shape(kind="string", xml_name="JobType"),
            "Modifier": Shape(kind="string", xml_name="Modifier"),
            "ModifyTime": Shape(
                kind="integer", xml_name="ModifyTime", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
            "Packages": Shape(kind="string", xml_name="Packages"),
            "PlanJson": Shape(kind="string", xml_name="PlanJson"),
            "ProjectName": Shape(kind="string", xml_name="ProjectName"),
            "Properties": Shape(kind="string", xml_name="Properties"),
            "QueueName": Shape(kind="string", xml_name="QueueName"),
        },
    ),
    "JobList": ObjectShape(
        xml_name="Jobs",
        fields={
            "Job": Shape(
                kind="array", xml_name="Job", items=Shape(kind="object", xml_name="Job", ref="Job"), default="[]"
            )
        },
    ),
    "ListPackageResponse": ObjectShape(
        xml_name="ListPackageResponse",
        fields={
            "RequestId": Shape(kind="string", xml_name="RequestId"),
            "PageIndex": Shape(kind="integer", xml_name="PageIndex", minimum=-2147483648, maximum=2147483647),
            "PageSize": Shape(kind="integer", xml_name="PageSize", minimum=-2147483648, maximum=2147483647),
            "TotalCount": Shape(
                kind="integer", xml_name="TotalCount", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
            "TotalPage": Shape(kind="integer", xml_name="TotalPage", minimum=-2147483648, maximum=2147483647),
            "Packages": Shape(kind="object", xml_name="Packages", ref="PackageList", default="{}"),
        },
        required=frozenset(["PageIndex", "PageSize", "RequestId", "TotalCount", "TotalPage"]),
    ),
    "ListProjectResponse": ObjectShape(
        xml_name="ListProjectResponse",
        fields={
            "RequestId": Shape(kind="string", xml_name="RequestId"),
            "PageIndex": Shape(kind="integer", xml_name="PageIndex", minimum=-2147483648, maximum=2147483647),
            "PageSize": Shape(kind="integer", xml_name="PageSize", minimum=-2147483648, maximum=2147483647),
            "TotalCount": Shape(
                kind="integer", xml_name="TotalCount", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
            "TotalPage": Shape(kind="integer", xml_name="TotalPage", minimum=-2147483648, maximum=2147483647),
            "Projects": Shape(kind="object", xml_name="Projects", ref="ProjectList", default="{}"),
        },
        required=frozenset(["PageIndex", "PageSize", "RequestId", "TotalCount", "TotalPage"]),
    ),
    "Package": ObjectShape(
        xml_name="Package",
        fields={
            "PackageName": Shape(kind="string", xml_name="PackageName"),
            "OriginName": Shape(kind="string", xml_name="OriginName"),
            "ProjectName": Shape(kind="string", xml_name="ProjectName"),
            "Type": Shape(kind="string", xml_name="Type"),
            "Tag": Shape(kind="string", xml_name="Tag"),
            "Description": Shape(kind="string", xml_name="Description"),
            "Md5": Shape(kind="string", xml_name="Md5"),
            "OssBucket": Shape(kind="string", xml_name="OssBucket"),
            "OssEndpoint": Shape(kind="string", xml_name="OssEndpoint"),
            "OssOwner": Shape(kind="string", xml_name="OssOwner"),
            "OssPath": Shape(kind="string", xml_name="OssPath"),
            "ScanState": Shape(kind="string", xml_name="ScanState"),
            "ScanErrorMessage": Shape(kind="string", xml_name="ScanErrorMessage"),
            "ScanExtBizNo": Shape(kind="string", xml_name="ScanExtBizNo"),
            "ScanLink": Shape(kind="string", xml_name="ScanLink"),
            "Creator": Shape(kind="string", xml_name="Creator"),
            "Modifier": Shape(kind="string", xml_name="Modifier"),
            "CreateTime": Shape(
                kind="integer", xml_name="CreateTime", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
            "ModifyTime": Shape(
                kind="integer", xml_name="ModifyTime", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
        },
    ),
    "PackageList": ObjectShape(
        xml_name="Packages",
        fields={
            "Package": Shape(
                kind="array",
                xml_name="Package",
                items=Shape(kind="object", xml_name="Package", ref="Package"),
                default="[]",
            )
        },
    ),
    "Project": ObjectShape(
        xml_name="Project",
        fields={
            "Id": Shape(kind="string", xml_name="Id"),
            "Name": Shape(kind="string", xml_name="Name"),
            "Description": Shape(kind="string", xml_name="Description"),
            "Region": Shape(kind="string", xml_name="Region"),
            "ClusterId": Shape(kind="string", xml_name="ClusterId"),
            "DeployType": Shape(kind="string", xml_name="DeployType"),
            "State": Shape(kind="string", xml_name="State"),
            "ManagerIds": Shape(kind="string", xml_name="ManagerIds"),
            "GlobalJobConfig": Shape(kind="string", xml_name="GlobalJobConfig"),
            "Creator": Shape(kind="string", xml_name="Creator"),
            "Modifier": Shape(kind="string", xml_name="Modifier"),
            "CreateTime": Shape(
                kind="integer", xml_name="CreateTime", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
            "ModifyTime": Shape(
                kind="integer", xml_name="ModifyTime", minimum=-9223372036854775808, maximum=9223372036854775807
            ),
        },
    ),
    "ProjectList": ObjectShape(
        xml_name="Projects",
        fields={
            "Project": Shape(
                kind="array",
                xml_name="Project",
                items=Shape(kind="object", xml_name="Project", ref="Project"),
                default="[]",
            )
        },
    ),
}

# ExecutionPlan, embedded in Job.PlanJson, by TypedDict name.
EXECUTION_PLAN_SHAPES: dict[str, ObjectShape] = {
    "ExecutionPlan": ObjectShape(
        xml_name="ExecutionPlan",
        fields={
            "nodes": Shape(kind="array", xml_name="nodes", items=Shape(kind="object", xml_name="nodes", ref="PlanNode"))
        },
        required=frozenset(["nodes"]),
    ),
    "PlanEdge": ObjectShape(
        xml_name="PlanEdge",
        fields={
            "id": Shape(kind="integer", xml_name="id"),
            "ship_strategy": Shape(kind="string", xml_name="ship_strategy"),
            "side": Shape(kind="string", xml_name="side"),
        },
        required=frozenset(["id", "ship_strategy"]),
    ),
    "PlanNode": ObjectShape(
        xml_name="PlanNode",
        fields={
            "id": Shape(kind="integer", xml_name="id"),
            "type": Shape(kind="string", xml_name="type"),
            "pact": Shape(kind="string", xml_name="pact"),
            "contents": Shape(kind="string", xml_name="contents"),
            "parallelism": Shape(kind="integer", xml_name="parallelism"),
            "predecessors": Shape(
                kind="array",
                xml_name="predecessors",
                items=Shape(kind="object", xml_name="predecessors", ref="PlanEdge"),
            ),
        },
        required=frozenset(["contents", "id", "pact", "parallelism", "type"]),
    ),
}

# The shapes of each document that fields embed (x-embedded-schema), by its schema's title.
EMBEDDED_SHAPES: dict[str, dict[str, ObjectShape]] = {
    "ExecutionPlan": EXECUTION_PLAN_SHAPES,
}

# The API version (info.version), sent as x-acs-version.
API_VERSION = "2018-11-11"

# Each operation: method, path template, parameters, x-pagination and responses, by operationId.
OPERATIONS: dict[str, OperationSpec] = {
    "GetRefPackageJob": OperationSpec(
        operation_id="GetRefPackageJob",
        method="GET",
        path="/api/v2/projects/{projectName}/packages/{packageName}/jobs",
        summary="List the jobs that reference a package.",
        parameters=(
            Parameter(
                name="projectName",
                python_name="project_name",
                location="path",
                required=True,
                min_length=1,
                description="Project name (项目名称). Sent percent-encoded as one path segment.",
                example="project1",
            ),
            Parameter(
                name="packageName",
                python_name="package_name",
                location="path",
                required=True,
                min_length=1,
                description="Package name (Package名称), e.g. a jar file name. Sent percent-encoded as one path segment.",
                example="package1.jar",
            ),
            Parameter(
                name="RegionId",
                python_name="region_id",
                location="query",
                filled_by="region",
                description="Region ID (区域ID). Public-cloud users may omit it.",
                example="cn-hangzhou",
            ),
            Parameter(
                name="pageSize",
                python_name="page_size",
                location="query",
                kind="integer",
                minimum=1,
                maximum=2147483647,
                description="Number of jobs per page (每页包含的作业数).",
                example=50,
            ),
            Parameter(
                name="pageIndex",
                python_name="page_index",
                location="query",
                kind="integer",
                minimum=1,
                maximum=2147483647,
                description="Page to return, 1-based (返回第几页).",
                example=1,
            ),
        ),
        pagination=Pagination(
            page=WireName(wire="pageIndex", python="page_index"),
            size=WireName(wire="pageSize", python="page_size"),
            items=(WireName(wire="Jobs", python="jobs"), WireName(wire="Job", python="job")),
            items_method="iter_jobs",
            pages_method="iter_pages",
            page_index=(WireName(wire="PageIndex", python="page_index"),),
            page_size=(WireName(wire="PageSize", python="page_size"),),
            total_items=(WireName(wire="TotalCount", python="total_count"),),
            total_pages=(WireName(wire="TotalPage", python="total_page"),),
        ),
        responses=(
            ResponseSpec(
                status="200",
                model="GetRefPackageJobResponse",
                media_types=("application/json", "application/xml", "text/xml"),
            ),
            ResponseSpec(
                status="4XX", model="ErrorResponse", media_types=("application/json", "application/xml", "text/xml")
            ),
            ResponseSpec(
                status="5XX", model="ErrorResponse", media_types=("application/json", "application/xml", "text/xml")
            ),
        ),
    ),
    "ListProject": OperationSpec(
        operation_id="ListProject",
        method="GET",
        path="/api/v2/projects",
        summary="List the projects.",
        parameters=(
            Parameter(
                name="RegionId",
                python_name="region_id",
                location="query",
                filled_by="region",
                description="Region ID (区域ID). Public-cloud users may omit it.",
                example="cn-hangzhou",
            ),
            Parameter(
                name="name",
                python_name="name",
                location="query",
                description="Only the project of this name (项目名称).",
                example="project1",
            ),
            Parameter(
                name="clusterId",
                python_name="cluster_id",
                location="query",
                description="Only the projects of this cluster (集群ID).",
                example="et2cloud****",
            ),
            Parameter(
                name="region",
                python_name="region",
                location="query",
                description="Only the projects of this region (项目所在区域).",
                example="cn-hangzhou",
            ),
            Parameter(
                name="deployType",
                python_name="deploy_type",
                location="query",
                description="Only the projects of this deploy type (部署类型), e.g. cell or public.",
                example="cell",
            ),
            Parameter(
                name="pageSize",
                python_name="page_size",
                location="query",
                kind="integer",
                minimum=1,
                maximum=2147483647,
                description="Number of projects per page (每页包含的项目数).",
                example=50,
            ),
            Parameter(
                name="pageIndex",
                python_name="page_index",
                location="query",
                kind="integer",
                minimum=1,
                maximum=2147483647,
                description="Page to return, 1-based (返回第几页).",
                example=1,
            ),
        ),
        pagination=Pagination(
            page=WireName(wire="pageIndex", python="page_index"),
            size=WireName(wire="pageSize", python="page_size"),
            items=(WireName(wire="Projects", python="projects"), WireName(wire="Project", python="project")),
            items_method="iter_projects",
            pages_method="iter_project_pages",
            page_index=(WireName(wire="PageIndex", python="page_index"),),
            page_size=(WireName(wire="PageSize", python="page_size"),),
            total_items=(WireName(wire="TotalCount", python="total_count"),),
            total_pages=(WireName(wire="TotalPage", python="total_page"),),
        ),
        responses=(
            ResponseSpec(
                status="200",
                model="ListProjectResponse",
                media_types=("application/json", "application/xml", "text/xml"),
            ),
            ResponseSpec(
                status="4XX", model="ErrorResponse", media_types=("application/json", "application/xml", "text/xml")
            ),
            ResponseSpec(
                status="5XX", model="ErrorResponse", media_types=("application/json", "application/xml", "text/xml")
            ),
        ),
    ),
    "ListPackage": OperationSpec(
        operation_id="ListPackage",
        method="GET",
        path="/api/v2/projects/{projectName}/packages",
        summary="List the packages of a project.",
        parameters=(
            Parameter(
                name="projectName",
                python_name="project_name",
                location="path",
                required=True,
                min_length=1,
                description="Project name (项目名称). Sent percent-encoded as one path segment.",
                example="project1",
            ),
            Parameter(
                name="RegionId",
                python_name="region_id",
                location="query",
                filled_by="region",
                description="Region ID (区域ID). Public-cloud users may omit it.",
                example="cn-hangzhou",
            ),
            Parameter(
                name="packageName",
                python_name="package_name",
                location="query",
                description="Only the package of this name (Package名称).",
                example="package1.jar",
            ),
            Parameter(
                name="tag",
                python_name="tag",
                location="query",
                description="Only the packages with this tag (Package标签).",
                example="v1",
            ),
            Parameter(
                name="type",
                python_name="type_",
                location="query",
                description="Only the packages of this type (Package类型), e.g. JAR or PYTHON.",
                example="JAR",
            ),
            Parameter(
                name="pageSize",
                python_name="page_size",
                location="query",
                kind="integer",
                minimum=1,
                maximum=2147483647,
                description="Number of packages per page (每页包含的Package数).",
                example=50,
            ),
            Parameter(
                name="pageIndex",
                python_name="page_index",
                location="query",
                kind="integer",
                minimum=1,
                maximum=2147483647,
                description="Page to return, 1-based (返回第几页).",
                example=1,
            ),
        ),
        pagination=Pagination(
            page=WireName(wire="pageIndex", python="page_index"),
            size=WireName(wire="pageSize", python="page_size"),
            items=(WireName(wire="Packages", python="packages"), WireName(wire="Package", python="package")),
            items_method="iter_packages",
            pages_method="iter_package_pages",
            page_index=(WireName(wire="PageIndex", python="page_index"),),
            page_size=(WireName(wire="PageSize", python="page_size"),),
            total_items=(WireName(wire="TotalCount", python="total_count"),),
            total_pages=(WireName(wire="TotalPage", python="total_page"),),
        ),
        responses=(
            ResponseSpec(
                status="200",
                model="ListPackageResponse",
                media_types=("application/json", "application/xml", "text/xml"),
            ),
            ResponseSpec(
                status="4XX", model="ErrorResponse", media_types=("application/json", "application/xml", "text/xml")
            ),
            ResponseSpec(
                status="5XX", model="ErrorResponse", media_types=("application/json", "application/xml", "text/xml")
            ),
        ),
    ),
    "GetPackage": OperationSpec(
        operation_id="GetPackage",
        method="GET",
        path="/api/v2/projects/{projectName}/packages/{packageName}",
        summary="Describe a package.",
        parameters=(
            Parameter(
                name="projectName",
                python_name="project_name",
                location="path",
                required=True,
                min_length=1,
                description="Project name (项目名称). Sent percent-encoded as one path segment.",
                example="project1",
            ),
            Parameter(
                name="packageName",
                python_name="package_name",
                location="path",
                required=True,
                min_length=1,
                description="Package name (Package名称), e.g. a jar file name. Sent percent-encoded as one path segment.",
                example="package1.jar",
            ),
            Parameter(
                name="RegionId",
                python_name="region_id",
                location="query",
                filled_by="region",
                description="Region ID (区域ID). Public-cloud users may omit it.",
                example="cn-hangzhou",
            ),
        ),
        responses=(
            ResponseSpec(
                status="200",
                model="GetPackageResponse",
                media_types=("application/json", "application/xml", "text/xml"),
            ),
            ResponseSpec(
                status="4XX", model="ErrorResponse", media_types=("application/json", "application/xml", "text/xml")
            ),
            ResponseSpec(
                status="5XX", model="ErrorResponse", media_types=("application/json", "application/xml", "text/xml")
            ),
        ),
    ),
    "DeletePackage": OperationSpec(
        operation_id="DeletePackage",
        method="DELETE",
        path="/api/v2/projects/{projectName}/packages/{packageName}",
        summary="Delete a package.",
        parameters=(
            Parameter(
                name="projectName",
                python_name="project_name",
                location="path",
                required=True,
                min_length=1,
                description="Project name (项目名称). Sent percent-encoded as one path segment.",
                example="project1",
            ),
            Parameter(
                name="packageName",
                python_name="package_name",
                location="path",
                required=True,
                min_length=1,
                description="Package name (Package名称), e.g. a jar file name. Sent percent-encoded as one path segment.",
                example="package1.jar",
            ),
            Parameter(
                name="RegionId",
                python_name="region_id",
                location="query",
                filled_by="region",
                description="Region ID (区域ID). Public-cloud users may omit it.",
                example="cn-hangzhou",
            ),
        ),
        responses=(
            ResponseSpec(
                status="200",
                model="DeletePackageResponse",
                media_types=("application/json", "application/xml", "text/xml"),
            ),
            ResponseSpec(
                status="4XX", model="ErrorResponse", media_types=("application/json", "application/xml", "text/xml")
            ),
            ResponseSpec(
                status="5XX", model="ErrorResponse", media_types=("application/json", "application/xml", "text/xml")
            ),
        ),
    ),
}

# Each operation's operationId (sent as x-acs-action), by endpoint module name.
OPERATION_IDS: dict[str, str] = {
    "get_ref_package_job": "GetRefPackageJob",
    "list_project": "ListProject",
    "list_package": "ListPackage",
    "get_package": "GetPackage",
    "delete_package": "DeletePackage",
}

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
