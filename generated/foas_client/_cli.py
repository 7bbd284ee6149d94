# Generated from spec/foas.openapi.yaml and generator/templates/layers/_cli.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""The ``foas`` command (also ``python -m foas_client``): every operation of Realtime Compute (foas) — GetRefPackageJob from a shell.

foas get-ref-package-job: List the jobs that reference a package.
foas plan: show the PlanJson of a job (Execution plan of the online job (作业上线的执行计划))
foas list-project: List the projects.
foas list-package: List the packages of a project.
foas get-package: Describe a package.
foas delete-package: Delete a package.
foas --version
"""

from __future__ import annotations

from collections.abc import Sequence

from ._clients import FoasClient
from ._core.cli.core import Command, EmbeddedView, ExitCode, Program, run
from ._core.cli.output import RecordLayout
from ._core.cli.sweep import SweepCommand
from ._core.operation import WireName
from ._core.paging import PageRules
from ._extensions import plan as plan_view
from ._schema import OPERATIONS

__all__ = ["PROGRAM", "ExitCode", "main"]


def _version() -> str:
    from . import __version__  # read from the package metadata on first use: only for --version

    return __version__


PROGRAM = Program(
    prog="foas",
    description="Alibaba Cloud Realtime Compute (foas), from the spec's operations.",
    client_class=FoasClient,
    version=_version,
    commands=(
        Command(
            name="get-ref-package-job",
            operation_id="GetRefPackageJob",
            summary="List the jobs that reference a package.",
            parameters=OPERATIONS["GetRefPackageJob"].parameters,
            # Looked up on the client at each call: a subclass's (or a test's) method is the one run.
            call=lambda client, **arguments: client.get_ref_package_job(**arguments),
            layout=RecordLayout(
                noun="job",
                fields=(
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
                ),
                table_columns=(
                    "JobId",
                    "JobName",
                    "JobType",
                    "ApiType",
                    "IsCommitted",
                    "CreateTime",
                    "ModifyTime",
                    "EngineVersion",
                ),
                time_columns=frozenset(("CreateTime", "ModifyTime")),
                wrap_columns=frozenset(("JobName",)),
            ),
            # From the spec alone: the command's endpoint module is imported by its first call.
            rules=PageRules.of(OPERATIONS["GetRefPackageJob"]),
            items=lambda client, **arguments: client.iter_jobs(**arguments),
            views=(
                EmbeddedView(
                    command="plan",
                    help="show the PlanJson of a job (Execution plan of the online job (作业上线的执行计划))",
                    description="Execution plan of the online job (作业上线的执行计划): a JSON document described by `plan.schema.json`.",
                    field="plan_json",
                    wire_field="PlanJson",
                    id_field="job_id",
                    name_field="job_name",
                    formats=plan_view.FORMATS,
                    render=plan_view.render,
                ),
            ),
        ),
        Command(
            name="list-project",
            operation_id="ListProject",
            summary="List the projects.",
            parameters=OPERATIONS["ListProject"].parameters,
            # Looked up on the client at each call: a subclass's (or a test's) method is the one run.
            call=lambda client, **arguments: client.list_project(**arguments),
            layout=RecordLayout(
                noun="project",
                fields=(
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
                ),
                table_columns=("Name", "Id", "Region", "ClusterId", "DeployType", "State", "CreateTime"),
                time_columns=frozenset(("CreateTime", "ModifyTime")),
                wrap_columns=frozenset(()),
            ),
            # From the spec alone: the command's endpoint module is imported by its first call.
            rules=PageRules.of(OPERATIONS["ListProject"]),
            items=lambda client, **arguments: client.iter_projects(**arguments),
        ),
        Command(
            name="list-package",
            operation_id="ListPackage",
            summary="List the packages of a project.",
            parameters=OPERATIONS["ListPackage"].parameters,
            # Looked up on the client at each call: a subclass's (or a test's) method is the one run.
            call=lambda client, **arguments: client.list_package(**arguments),
            layout=RecordLayout(
                noun="package",
                fields=(
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
                ),
                table_columns=("PackageName", "Type", "Tag", "ProjectName", "Md5", "CreateTime", "ModifyTime"),
                time_columns=frozenset(("CreateTime", "ModifyTime")),
                wrap_columns=frozenset(("OriginName",)),
            ),
            # From the spec alone: the command's endpoint module is imported by its first call.
            rules=PageRules.of(OPERATIONS["ListPackage"]),
            items=lambda client, **arguments: client.iter_packages(**arguments),
        ),
        Command(
            name="get-package",
            operation_id="GetPackage",
            summary="Describe a package.",
            parameters=OPERATIONS["GetPackage"].parameters,
            # Looked up on the client at each call: a subclass's (or a test's) method is the one run.
            call=lambda client, **arguments: client.get_package(**arguments),
            layout=RecordLayout(
                noun="get package response",
                fields=("RequestId", "Package"),
                table_columns=("RequestId",),
                time_columns=frozenset(()),
                wrap_columns=frozenset(()),
            ),
        ),
        Command(
            name="delete-package",
            operation_id="DeletePackage",
            summary="Delete a package.",
            parameters=OPERATIONS["DeletePackage"].parameters,
            # Looked up on the client at each call: a subclass's (or a test's) method is the one run.
            call=lambda client, **arguments: client.delete_package(**arguments),
            layout=RecordLayout(
                noun="delete package response",
                fields=("RequestId",),
                table_columns=("RequestId",),
                time_columns=frozenset(()),
                wrap_columns=frozenset(()),
            ),
            destructive=True,  # a DELETE: asks first, --yes, --dry-run
            # x-guard: the command reads GetRefPackageJob first (--force skips it), --evidence.
            guard=lambda client, **arguments: client.delete_package_if_unreferenced(**arguments),
        ),
    ),
    sweeps=(
        SweepCommand(
            name="unreferenced-packages",
            summary="List the packages no job references.",
            operation_id="GetRefPackageJob",
            parameters=tuple(
                p
                for p in OPERATIONS["ListPackage"].parameters
                if p.python_name in ("region_id", "package_name", "tag", "type_")
            ),
            container=WireName("projectName", "project_name"),
            subject=WireName("packageName", "package_name"),
            nouns=("project", "package", "job"),
            all_option="--all-projects",
            names_argument="project_names",
            all_argument="all_projects",
            first_ids_key="firstJobIds",
            item_key="package",
            sweep=lambda client, **arguments: client.find_unreferenced_packages(**arguments),
            delete=lambda client, container, subject, *, evidence: client.delete_package_if_unreferenced(
                container, subject, evidence=evidence
            ),
        ),
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Runs ``foas`` with ``argv`` (default: ``sys.argv[1:]``) and returns the exit code (see ``ExitCode``)."""
    return run(PROGRAM, argv)
