# Generated from spec/foas.openapi.yaml and generator/templates/layers/_lifecycle.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""The sweeps and guarded deletes of Realtime Compute (foas) — GetRefPackageJob: their result classes and plans, for ``FoasClient`` and ``AsyncFoasClient``."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import attrs

from ._core.lifecycle.budget import AsyncSweepBudget, SweepBudget
from ._core.lifecycle.checks import Listing, SubjectCheck
from ._core.lifecycle.evidence import EvidenceLog
from ._core.lifecycle.guard import GuardPlan, aguarded_delete, guarded_delete
from ._core.lifecycle.sweep import SweepPlan, asweep, sweep
from ._schema import OPERATIONS
from .errors import PackageInUseError

if TYPE_CHECKING:
    from .models import Package

__all__ = [
    "AsyncSweepBudget",
    "EvidenceLog",
    "GUARD_DELETE_PACKAGE",
    "PackageReferences",
    "SWEEP_GET_REF_PACKAGE_JOB",
    "SweepBudget",
    "aguarded_delete",
    "asweep",
    "guarded_delete",
    "sweep",
    "version",
]


def version() -> str:
    """This client's version, as the evidence lines name it."""
    from . import __version__  # read from the package metadata when evidence is written

    return __version__


@attrs.frozen(kw_only=True)
class PackageReferences(SubjectCheck):
    """One package as ``find_unreferenced_packages`` found it: ``status`` (``unreferenced``, ``referenced``
    or ``failed``), ``count`` (jobs referencing it, as ``GetRefPackageJob`` announced),
    ``pages_read``, ``request_ids``, ``error`` (one line, when failed), and the names below."""

    @property
    def total_count(self) -> int | None:
        """``count``: the jobs referencing it, as ``GetRefPackageJob`` announced them."""
        return self.count

    @property
    def project_name(self) -> str | None:
        """The project (``None`` when ``ListProject`` itself failed)."""
        return self.container

    @property
    def package_name(self) -> str | None:
        """The package's PackageName (``None`` for a project whose listing failed)."""
        return self.subject

    @property
    def package(self) -> Package | None:
        """The package as ``ListPackage`` listed it."""
        return cast("Package | None", self.item)

    @property
    def first_job_ids(self) -> tuple[str, ...]:
        """The JobIds of the first jobs referencing it."""
        return self.first_ids


SWEEP_GET_REF_PACKAGE_JOB = SweepPlan(
    containers=Listing.of(OPERATIONS["ListProject"], item_id="name"),
    subjects=Listing.of(OPERATIONS["ListPackage"], item_id="package_name"),
    checked=Listing.of(OPERATIONS["GetRefPackageJob"], item_id="job_id"),
    result=PackageReferences,
)
GUARD_DELETE_PACKAGE = GuardPlan(
    checked=Listing.of(OPERATIONS["GetRefPackageJob"], item_id="job_id"),
    delete_operation="DeletePackage",
    error=PackageInUseError,
    noun="job",
)
