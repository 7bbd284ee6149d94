# Generated from spec/foas.openapi.yaml and generator/templates/layers/_cli.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""The ``foas`` command (also ``python -m foas_client``): every operation of Realtime Compute (foas) — GetRefPackageJob from a shell.

foas get-ref-package-job: List the jobs that reference a package.
foas plan: show the PlanJson of a job (Execution plan of the online job (作业上线的执行计划))
foas --version
"""

from __future__ import annotations

from collections.abc import Sequence

from ._clients import FoasClient
from ._core.cli.core import Command, EmbeddedView, ExitCode, Program, run
from ._core.cli.output import RecordLayout
from ._extensions import plan as plan_view
from ._schema import OPERATIONS
from .api.packages import get_ref_package_job

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
            rules=get_ref_package_job.page_rules(),
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
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Runs ``foas`` with ``argv`` (default: ``sys.argv[1:]``) and returns the exit code (see ``ExitCode``)."""
    return run(PROGRAM, argv)
