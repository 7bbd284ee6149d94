# Generated from spec/foas.openapi.yaml and generator/templates/layers/_fake.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""The testing fake of Realtime Compute (foas) — GetRefPackageJob: its operations, routes and data stores, on the fake's core.

GetRefPackageJob: ``GET /api/v2/projects/{projectName}/packages/{packageName}/jobs``, paged; items: ``add_jobs``, ``make_jobs``
ListProject: ``GET /api/v2/projects``, paged; items: ``add_projects``, ``make_projects``
ListPackage: ``GET /api/v2/projects/{projectName}/packages``, paged; items: ``add_packages``, ``make_packages``
GetPackage: ``GET /api/v2/projects/{projectName}/packages/{packageName}``; answer: ``set_get_package``
DeletePackage: ``DELETE /api/v2/projects/{projectName}/packages/{packageName}``; answer: ``set_delete_package``
"""

from __future__ import annotations

import functools
import ssl
from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

import httpx

from ._core.credentials import Credentials
from ._core.decoding.responses import decode_body
from ._core.testing.estate import DEFAULT_ITEMS, DEFAULT_OWNERS, DEFAULT_PER_ITEM, DEFAULT_REFERENCED
from ._core.testing.items import FieldHint, make_items
from ._core.testing.relations import FieldFilter, ItemAddress, Membership
from ._core.testing.server import LoopbackServer
from ._core.testing.service import TEST_CREDENTIALS, FakeOperation, FakeService
from ._core.testing.transport import async_mock_transport, mock_transport
from ._examples import EXAMPLES
from ._extensions.plan import sample as plan_sample
from ._schema import OPERATIONS, SHAPES
from .api.packages import get_ref_package_job
from .models import (
    DeletePackageResponse,
    GetPackageResponse,
    GetRefPackageJobResponse,
    Job,
    ListPackageResponse,
    ListProjectResponse,
    Package,
    Project,
)

__all__ = ["FakeFoasService", "LoopbackFake", "documented_page", "make_jobs", "make_packages", "make_projects"]


def _documented(operation_id: str, status: str, name: str, shape: str) -> Callable[[], dict[str, Any]]:
    """Reads the documented JSON example of an operation, checked against its shape like any answer, once."""

    @functools.cache
    def read() -> dict[str, Any]:
        return decode_body(EXAMPLES[operation_id][status]["application/json"][name], "application/json", shape, SHAPES)

    return read


# What the spec says of each property of Job, for make_jobs.
_GET_REF_PACKAGE_JOB_FIELDS = {
    "ApiType": FieldHint(kind="string", example="DATASTREAM", members=("DATASTREAM", "SQL")),
    "ClusterId": FieldHint(kind="string", example="et2cloud****"),
    "Code": FieldHint(kind="string", example="blink.main.class=com.example.jobs.Job1\r\nblink.job.name=job1"),
    "CreateTime": FieldHint(kind="integer", example=1551161842000, timestamp=True),
    "Creator": FieldHint(kind="string", example="1709064687573327"),
    "Description": FieldHint(kind="string", example="test"),
    "EngineVersion": FieldHint(kind="string", example="blink-3.4.4"),
    "FolderId": FieldHint(kind="integer", example=10148),
    "IsCommitted": FieldHint(kind="boolean", example=True),
    "JobId": FieldHint(kind="string", example="9t9m6jfw8rb44iexhbpv3tnz", identifier=True),
    "JobName": FieldHint(kind="string", example="job1", name=True),
    "JobType": FieldHint(kind="string", example="FLINK_STREAM", members=("FLINK_STREAM", "FLINK_BATCH")),
    "Modifier": FieldHint(kind="string", example="1709064687573327"),
    "ModifyTime": FieldHint(kind="integer", example=1583722910000, timestamp=True),
    "Packages": FieldHint(kind="string", example="blink_test_datastream.jar", from_parameter="packageName"),
    "PlanJson": FieldHint(kind="string", embedded=plan_sample),
    "ProjectName": FieldHint(kind="string", example="bayes_team", from_parameter="projectName"),
    "Properties": FieldHint(
        kind="string",
        example="#checkpoint模式:EXACTLY_ONCE 或者 AT_LEAST_ONCE\nblink.checkpoint.mode=EXACTLY_ONCE\nblink.checkpoint.interval.ms=180000\nstate.backend.rocksdb.ttl.ms=129600000\n",
    ),
    "QueueName": FieldHint(kind="string", example="root.bayes_team"),
}

# What the spec says of each property of Project, for make_projects.
_LIST_PROJECT_FIELDS = {
    "Id": FieldHint(kind="string", example="12345"),
    "Name": FieldHint(kind="string", example="project1", identifier=True),
    "Description": FieldHint(kind="string", example="the team's project"),
    "Region": FieldHint(kind="string", example="cn-hangzhou"),
    "ClusterId": FieldHint(kind="string", example="et2cloud****"),
    "DeployType": FieldHint(kind="string", example="cell"),
    "State": FieldHint(kind="string", example="AVAILABLE"),
    "ManagerIds": FieldHint(kind="string", example="1709064687573327"),
    "GlobalJobConfig": FieldHint(kind="string", example=""),
    "Creator": FieldHint(kind="string", example="1709064687573327"),
    "Modifier": FieldHint(kind="string", example="1709064687573327"),
    "CreateTime": FieldHint(kind="integer", example=1551161842000, timestamp=True),
    "ModifyTime": FieldHint(kind="integer", example=1583722910000, timestamp=True),
}

# What the spec says of each property of Package, for make_packages.
_LIST_PACKAGE_FIELDS = {
    "PackageName": FieldHint(kind="string", example="package1.jar", identifier=True),
    "OriginName": FieldHint(kind="string", example="package1.jar", name=True),
    "ProjectName": FieldHint(kind="string", example="project1", from_parameter="projectName"),
    "Type": FieldHint(kind="string", example="JAR"),
    "Tag": FieldHint(kind="string", example="v1"),
    "Description": FieldHint(kind="string", example="the team's jobs"),
    "Md5": FieldHint(kind="string", example="0cc175b9c0f1b6a831c399e269772661"),
    "OssBucket": FieldHint(kind="string", example="bucket1"),
    "OssEndpoint": FieldHint(kind="string", example="oss-cn-hangzhou-internal.aliyuncs.com"),
    "OssOwner": FieldHint(kind="string", example="1709064687573327"),
    "OssPath": FieldHint(kind="string", example="packages/package1.jar"),
    "ScanState": FieldHint(kind="string", example="SUCCESS"),
    "ScanErrorMessage": FieldHint(kind="string", example=""),
    "ScanExtBizNo": FieldHint(kind="string", example=""),
    "ScanLink": FieldHint(kind="string", example=""),
    "Creator": FieldHint(kind="string", example="1709064687573327"),
    "Modifier": FieldHint(kind="string", example="1709064687573327"),
    "CreateTime": FieldHint(kind="integer", example=1551161842000, timestamp=True),
    "ModifyTime": FieldHint(kind="integer", example=1583722910000, timestamp=True),
}

_OPERATIONS = {
    "GetRefPackageJob": FakeOperation(
        operation_id="GetRefPackageJob",
        method=OPERATIONS["GetRefPackageJob"].method,
        path=OPERATIONS["GetRefPackageJob"].path,
        parameters=OPERATIONS["GetRefPackageJob"].parameters,
        response_shape="GetRefPackageJobResponse",
        response_model=GetRefPackageJobResponse.from_dict,
        pagination=OPERATIONS["GetRefPackageJob"].pagination,
        item_model=Job.from_dict,
        default_page_size=10,
        fields=_GET_REF_PACKAGE_JOB_FIELDS,
        item_id="JobId",
        membership=Membership(parameter="packageName", field="Packages", separator=","),
        documented=_documented("GetRefPackageJob", "200", "documented", "GetRefPackageJobResponse"),
    ),
    "ListProject": FakeOperation(
        operation_id="ListProject",
        method=OPERATIONS["ListProject"].method,
        path=OPERATIONS["ListProject"].path,
        parameters=OPERATIONS["ListProject"].parameters,
        response_shape="ListProjectResponse",
        response_model=ListProjectResponse.from_dict,
        pagination=OPERATIONS["ListProject"].pagination,
        item_model=Project.from_dict,
        default_page_size=10,
        fields=_LIST_PROJECT_FIELDS,
        item_id="Name",
        filters=(
            FieldFilter(parameter="name", field="Name"),
            FieldFilter(parameter="clusterId", field="ClusterId"),
            FieldFilter(parameter="region", field="Region"),
            FieldFilter(parameter="deployType", field="DeployType"),
        ),
        documented=_documented("ListProject", "200", "made", "ListProjectResponse"),
    ),
    "ListPackage": FakeOperation(
        operation_id="ListPackage",
        method=OPERATIONS["ListPackage"].method,
        path=OPERATIONS["ListPackage"].path,
        parameters=OPERATIONS["ListPackage"].parameters,
        response_shape="ListPackageResponse",
        response_model=ListPackageResponse.from_dict,
        pagination=OPERATIONS["ListPackage"].pagination,
        item_model=Package.from_dict,
        default_page_size=10,
        fields=_LIST_PACKAGE_FIELDS,
        item_id="PackageName",
        filters=(
            FieldFilter(parameter="packageName", field="PackageName"),
            FieldFilter(parameter="tag", field="Tag"),
            FieldFilter(parameter="type", field="Type"),
        ),
        documented=_documented("ListPackage", "200", "made", "ListPackageResponse"),
    ),
    "GetPackage": FakeOperation(
        operation_id="GetPackage",
        method=OPERATIONS["GetPackage"].method,
        path=OPERATIONS["GetPackage"].path,
        parameters=OPERATIONS["GetPackage"].parameters,
        response_shape="GetPackageResponse",
        response_model=GetPackageResponse.from_dict,
        addresses=ItemAddress(
            listing="ListPackage",
            parameter="packageName",
            not_found_code="InvalidPackage.NotFound",
            not_found_message="The specified package does not exist.",
            field=("Package",),
            removes=False,
        ),
        documented=_documented("GetPackage", "200", "made", "GetPackageResponse"),
    ),
    "DeletePackage": FakeOperation(
        operation_id="DeletePackage",
        method=OPERATIONS["DeletePackage"].method,
        path=OPERATIONS["DeletePackage"].path,
        parameters=OPERATIONS["DeletePackage"].parameters,
        response_shape="DeletePackageResponse",
        response_model=DeletePackageResponse.from_dict,
        addresses=ItemAddress(
            listing="ListPackage",
            parameter="packageName",
            not_found_code="InvalidPackage.NotFound",
            not_found_message="The specified package does not exist.",
            field=(),
            removes=True,
        ),
        documented=_documented("DeletePackage", "200", "made", "DeletePackageResponse"),
    ),
}


class FakeFoasService(FakeService):
    """An in-memory Realtime Compute (foas) — GetRefPackageJob service: JSON or XML by ``Accept``, for your tests.

    Args:
        credentials: the AccessKeys whose ROA signatures it accepts (and STS tokens it expects);
            empty: signatures are not checked.
        latency: seconds added to every answer.
        xml_content_type: the Content-Type of XML answers (the service sends ``text/xml;charset=utf-8``).

    A paged operation lists the items added for its path arguments (none: an empty listing), pages
    1-based unless the spec says otherwise; any other operation answers the object set for its path
    arguments, else its documented example. Faults queued with ``inject`` are used one per request, in
    order; ``misbehaviour`` bends pagination.
    GetPackage answers the item that ListPackage lists with that ``packageName``; once it is removed, it answers 404 ``InvalidPackage.NotFound``.
    DeletePackage removes the item that ListPackage lists with that ``packageName``; once it is removed, it answers 404 ``InvalidPackage.NotFound``.
    GetRefPackageJob lists, for a ``packageName``, the items added for it and those of the same ``project_name`` whose ``Packages`` names it (','-separated).
    ListProject keeps the items whose ``Name`` equals ``name``, ``ClusterId`` equals ``clusterId``, ``Region`` equals ``region``, ``DeployType`` equals ``deployType``, for each of these parameters given; its totals count the items kept.
    ListPackage keeps the items whose ``PackageName`` equals ``packageName``, ``Tag`` equals ``tag``, ``Type`` equals ``type``, for each of these parameters given; its totals count the items kept.
    ``request_log`` records the requests answered, ``deletes`` the DELETEs among them.
    """

    def __init__(
        self,
        *,
        credentials: Iterable[Credentials] = (),
        latency: float = 0.0,
        xml_content_type: str = "application/xml",
    ) -> None:
        super().__init__(
            _OPERATIONS.values(), SHAPES, credentials=credentials, latency=latency, xml_content_type=xml_content_type
        )

    @classmethod
    def with_documented_examples(
        cls, *, credentials: Iterable[Credentials] = (TEST_CREDENTIALS,), latency: float = 0.0
    ) -> FakeFoasService:
        """A fake whose paged operations list their documented items under the spec's example path arguments
        (each path parameter's ``example``), checking signatures against ``credentials``."""
        service = cls(credentials=credentials, latency=latency)
        service.load_documented_examples()
        return service

    @classmethod
    def with_estate(
        cls,
        *,
        projects: int = DEFAULT_OWNERS,
        packages: int = DEFAULT_ITEMS,
        referenced: float = DEFAULT_REFERENCED,
        jobs_per_package: int = DEFAULT_PER_ITEM,
        seed: int = 0,
        credentials: Iterable[Credentials] = (TEST_CREDENTIALS,),
        latency: float = 0.0,
    ) -> FakeFoasService:
        """A fake holding a whole estate, deterministic for ``seed``: ``projects`` generated Project items
        (ListProject), ``packages`` Package items under each (ListPackage), and for a ``referenced``
        fraction of each's packages (halves rounded up), ``jobs_per_package`` Job items naming each
        (GetRefPackageJob); the others nothing references. Every listing is complete: an item not listed answers 404.
        ``service.estate`` says what was made; signatures are checked against ``credentials``.

        Raises:
            ValueError: a count below 0 (``jobs_per_package`` below 1), or ``referenced`` outside 0..1.
        """
        service = cls(credentials=credentials, latency=latency)
        service.add_estate(
            "ListProject",
            "ListPackage",
            "GetRefPackageJob",
            owners=projects,
            items=packages,
            referenced=referenced,
            per_item=jobs_per_package,
            seed=seed,
            names=("projects", "packages", "referenced", "jobs_per_package"),
        )
        return service

    @classmethod
    def with_documented_jobs(
        cls, *, credentials: Iterable[Credentials] = (TEST_CREDENTIALS,), latency: float = 0.0
    ) -> FakeFoasService:
        """``with_documented_examples``: GetRefPackageJob lists its documented Job items under the spec's example path arguments."""
        return cls.with_documented_examples(credentials=credentials, latency=latency)

    @classmethod
    def with_documented_projects(
        cls, *, credentials: Iterable[Credentials] = (TEST_CREDENTIALS,), latency: float = 0.0
    ) -> FakeFoasService:
        """``with_documented_examples``: ListProject lists its documented Project items under the spec's example path arguments."""
        return cls.with_documented_examples(credentials=credentials, latency=latency)

    @classmethod
    def with_documented_packages(
        cls, *, credentials: Iterable[Credentials] = (TEST_CREDENTIALS,), latency: float = 0.0
    ) -> FakeFoasService:
        """``with_documented_examples``: ListPackage lists its documented Package items under the spec's example path arguments."""
        return cls.with_documented_examples(credentials=credentials, latency=latency)

    def transport(self) -> httpx.MockTransport:
        """An in-process transport for ``FoasClient(transport=...)`` or ``httpx.Client``."""
        return mock_transport(self)

    def async_transport(self) -> httpx.MockTransport:
        """An in-process transport for ``AsyncFoasClient(transport=...)`` or ``httpx.AsyncClient``."""
        return async_mock_transport(self)

    def serve(self, *, port: int = 0, ssl_context: ssl.SSLContext | None = None) -> LoopbackFake:
        """This fake on real HTTP at 127.0.0.1 (a free port by default; HTTPS with ``ssl_context``, a
        server-side context); use it as a context manager."""
        return LoopbackFake(self, port=port, ssl_context=ssl_context)

    def add_jobs(self, project_name: str, package_name: str, jobs: Sequence[Job]) -> None:
        """Make ``jobs`` what GetRefPackageJob lists for (``project_name``, ``package_name``), after those added before."""
        self.add_items(
            "GetRefPackageJob",
            {
                "projectName": project_name,
                "packageName": package_name,
            },
            jobs,
        )

    def jobs(self, project_name: str, package_name: str) -> list[Job]:
        """What GetRefPackageJob lists for (``project_name``, ``package_name``), in order."""
        return self.items(
            "GetRefPackageJob",
            {
                "projectName": project_name,
                "packageName": package_name,
            },
        )

    def add_projects(self, projects: Sequence[Project]) -> None:
        """Make ``projects`` what ListProject lists for (), after those added before."""
        self.add_items("ListProject", {}, projects)

    def projects(
        self,
    ) -> list[Project]:
        """What ListProject lists for (), in order."""
        return self.items("ListProject", {})

    def add_packages(self, project_name: str, packages: Sequence[Package]) -> None:
        """Make ``packages`` what ListPackage lists for (``project_name``), after those added before."""
        self.add_items(
            "ListPackage",
            {
                "projectName": project_name,
            },
            packages,
        )

    def packages(self, project_name: str) -> list[Package]:
        """What ListPackage lists for (``project_name``), in order."""
        return self.items(
            "ListPackage",
            {
                "projectName": project_name,
            },
        )

    def set_get_package(self, project_name: str, package_name: str, answer: GetPackageResponse) -> None:
        """Make ``answer`` what GetPackage answers for (``project_name``, ``package_name``) instead of its documented example."""
        self.set_answer(
            "GetPackage",
            {
                "projectName": project_name,
                "packageName": package_name,
            },
            answer,
        )

    def set_delete_package(self, project_name: str, package_name: str, answer: DeletePackageResponse) -> None:
        """Make ``answer`` what DeletePackage answers for (``project_name``, ``package_name``) instead of its documented example."""
        self.set_answer(
            "DeletePackage",
            {
                "projectName": project_name,
                "packageName": package_name,
            },
            answer,
        )


class LoopbackFake(LoopbackServer):
    """A ``FakeFoasService`` served over HTTP/1.1 on 127.0.0.1 (a free port unless ``port`` is given),
    over TLS when ``ssl_context`` (a server-side context) is given.

    Use it as a context manager (or ``start()``/``stop()``); ``base_url`` is what to give a client's
    ``endpoint``. Stopping wakes every delayed answer, so a test never waits on a fault.
    """

    service: FakeFoasService

    def __init__(self, service: FakeFoasService, *, port: int = 0, ssl_context: ssl.SSLContext | None = None) -> None:
        super().__init__(service, port=port, ssl_context=ssl_context)


def documented_page(
    operation_id: str = get_ref_package_job.OPERATION_ID,
) -> GetRefPackageJobResponse | ListProjectResponse | ListPackageResponse | GetPackageResponse | DeletePackageResponse:
    """The vendor's documented JSON example of the operation, decoded like any response.

    Raises:
        KeyError: the spec documents no JSON answer of the operation.
    """
    documented = _OPERATIONS[operation_id].documented
    if documented is None:
        raise KeyError(f"{operation_id} has no documented JSON example")
    return cast(
        "GetRefPackageJobResponse | ListProjectResponse | ListPackageResponse | GetPackageResponse | DeletePackageResponse",
        _OPERATIONS[operation_id].response_model(dict(documented())),
    )


def make_jobs(count: int, *, project_name: str, package_name: str, seed: int = 0) -> list[Job]:
    """``count`` realistic, distinct Job items for GetRefPackageJob (``project_name``, ``package_name``), from the spec's examples.

    Deterministic for a given ``seed``; ids are unique and ordered as the fake serves them; the fields the
    spec ties to a path parameter (``x-fake-from-parameter``) carry its value.
    """
    arguments: dict[str, str] = {
        "projectName": project_name,
        "packageName": package_name,
    }
    return [
        Job.from_dict(item)
        for item in make_items(count, _GET_REF_PACKAGE_JOB_FIELDS, path_arguments=arguments, seed=seed)
    ]


def make_projects(count: int, *, seed: int = 0) -> list[Project]:
    """``count`` realistic, distinct Project items for ListProject, from the spec's examples.

    Deterministic for a given ``seed``; ids are unique and ordered as the fake serves them; the fields the
    spec ties to a path parameter (``x-fake-from-parameter``) carry its value.
    """
    arguments: dict[str, str] = {}
    return [
        Project.from_dict(item) for item in make_items(count, _LIST_PROJECT_FIELDS, path_arguments=arguments, seed=seed)
    ]


def make_packages(count: int, *, project_name: str, seed: int = 0) -> list[Package]:
    """``count`` realistic, distinct Package items for ListPackage (``project_name``), from the spec's examples.

    Deterministic for a given ``seed``; ids are unique and ordered as the fake serves them; the fields the
    spec ties to a path parameter (``x-fake-from-parameter``) carry its value.
    """
    arguments: dict[str, str] = {
        "projectName": project_name,
    }
    return [
        Package.from_dict(item) for item in make_items(count, _LIST_PACKAGE_FIELDS, path_arguments=arguments, seed=seed)
    ]
