"""The package sweep's workload: which packages of a project no job references.

The estate (``ESTATE``): one project of 500 packages, a third of them referenced by 5 jobs each, made by
the fake itself (``FakeFoasService.with_estate``); the fake answers each request after 20 ms. Each sweep
lists the packages (ListPackage, pages of ``PACKAGE_PAGE``), asks GetRefPackageJob for every package
(pages of ``JOB_PAGE``: one page each here), and returns the names it found unreferenced, which the
bench checks against the estate.

- ``official_sdk_sweep``: the official aliyun-python-sdk-foas, as its users write the loop: one
  request after another.
- ``floor_sweep``: the least code doing the same calls with 8 threads (``http.client`` keep-alive,
  one connection per thread; V3 signed inline; ``json.loads``; a referenced package's listing read to
  its first job, an unreferenced one's to its last page, as the sweep reads them).
- ``client_sweep``: ``FoasClient.find_unreferenced_packages`` (its default budget of 8).

This module imports neither foas_client nor the official SDK at its top, as ``workloads`` does not.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import attrs

from tests.bench.workloads import REGION, _stdlib_get, official_sdk_sender, v3_headers

if TYPE_CHECKING:
    from foas_client.testing import Estate, FakeFoasService

PACKAGE_PAGE = 100  # packages per ListPackage page
JOB_PAGE = 20  # jobs per GetRefPackageJob page
THREADS = 8  # the floor's, and the sweep's default budget


@attrs.frozen
class SweepEstate:
    """The sweep's estate as the fake makes it (``FakeFoasService.with_estate``, deterministic for ``seed``): one
    project of ``packages`` packages, 1 in ``every`` of them referenced by ``jobs`` jobs each."""

    packages: int = 500
    every: int = 3
    jobs: int = 5
    seed: int = 0

    def service(self, *, latency: float = 0.0) -> FakeFoasService:
        """A ``FakeFoasService`` holding the estate, checking signatures against ``TEST_CREDENTIALS``."""
        from foas_client.testing import FakeFoasService

        return FakeFoasService.with_estate(
            projects=1,
            packages=self.packages,
            referenced=1 / self.every,
            jobs_per_package=self.jobs,
            seed=self.seed,
            latency=latency,
        )

    def made(self) -> Estate:
        """What the fake makes (its ``Estate``): the same in every process, so the bench knows the fake's."""
        return _made(self)

    @property
    def project(self) -> str:
        """The estate's one project, as the fake names it."""
        return self.made().owners[0].name

    def unreferenced(self) -> set[str]:
        """The names of the packages no job references: what a sweep must find."""
        return set(self.made().owners[0].unreferenced)


@functools.cache
def _made(estate: SweepEstate) -> Estate:
    made = estate.service().estate
    assert made is not None  # with_estate made it
    return made


ESTATE = SweepEstate()


def official_sdk_sweep(base_url: str, access_key: tuple[str, str], *, project: str) -> Callable[[], set[str]]:
    """The official SDK's sequential loop: every ListPackage page, then each package's GetRefPackageJob pages."""
    from aliyunsdkfoas.request.v20181111.GetRefPackageJobRequest import (  # type: ignore[import-untyped]
        GetRefPackageJobRequest,
    )
    from aliyunsdkfoas.request.v20181111.ListPackageRequest import ListPackageRequest  # type: ignore[import-untyped]

    send = official_sdk_sender(base_url, access_key)

    def packages() -> Iterator[str]:
        page_index = 1
        while True:
            request = ListPackageRequest()
            request.set_projectName(project)
            request.set_pageSize(PACKAGE_PAGE)
            request.set_pageIndex(page_index)
            document = send(request)
            yield from (package["PackageName"] for package in document["Packages"]["Package"])
            if not document["Packages"]["Package"] or page_index >= document["TotalPage"]:
                return
            page_index += 1

    def jobs(package: str) -> int:
        seen, page_index = 0, 1
        while True:
            request = GetRefPackageJobRequest()
            request.set_projectName(project)
            request.set_packageName(package)
            request.set_pageSize(JOB_PAGE)
            request.set_pageIndex(page_index)
            document = send(request)
            seen += len(document["Jobs"]["Job"])
            if not document["Jobs"]["Job"] or page_index >= document["TotalPage"]:
                return seen
            page_index += 1

    def sweep() -> set[str]:
        return {package for package in list(packages()) if jobs(package) == 0}

    return sweep


def floor_sweep(
    base_url: str, access_key: tuple[str, str], *, project: str, threads: int = THREADS
) -> Callable[[], set[str]]:
    """The same calls as ``official_sdk_sweep``, ``threads`` at a time, with the least code: the floor."""
    host = urlsplit(base_url).netloc
    send = _stdlib_get(base_url)

    def get(target: str, action: str) -> dict[str, Any]:
        status, body = send(target, v3_headers(host, access_key, action=action, target=target))  # as the client signs
        if status != 200:
            raise RuntimeError(f"the floor's GET got {status}: {body[:300]!r}")
        document: dict[str, Any] = json.loads(body)
        return document

    def package_page(page_index: int) -> list[str]:
        document = get(list_package_target(project, page_index), "ListPackage")
        return [p["PackageName"] for p in document["Packages"]["Package"]]

    def referenced(package: str) -> bool:
        path = f"{_packages_path(project)}/{quote(package, safe='')}/jobs"
        page_index = 1
        while True:
            query = {"RegionId": REGION, "pageIndex": page_index, "pageSize": JOB_PAGE}
            document = get(_target(path, query), "GetRefPackageJob")
            if document["Jobs"]["Job"]:
                return True
            if page_index >= document["TotalPage"]:
                return False
            page_index += 1

    def sweep() -> set[str]:
        first = get(list_package_target(project, 1), "ListPackage")
        names = [p["PackageName"] for p in first["Packages"]["Package"]]
        with ThreadPoolExecutor(max_workers=threads) as pool:
            for page in pool.map(package_page, range(2, first["TotalPage"] + 1)):
                names += page
            return {name for name, used in zip(names, pool.map(referenced, names), strict=True) if not used}

    return sweep


def list_package_target(project: str, page_index: int) -> str:
    """The floor's ListPackage request for one page of ``project``'s packages: the path and the query."""
    return _target(_packages_path(project), {"RegionId": REGION, "pageIndex": page_index, "pageSize": PACKAGE_PAGE})


def _packages_path(project: str) -> str:
    return f"/api/v2/projects/{quote(project, safe='')}/packages"


def _target(path: str, query: dict[str, Any]) -> str:
    """``path`` and ``query``, its values percent-encoded, its keys sorted as V3 signs them."""
    return path + "?" + "&".join(f"{k}={quote(str(v), safe='')}" for k, v in sorted(query.items()))


def client_sweep(client: Any, *, project: str) -> Callable[[], set[str]]:
    """``client.find_unreferenced_packages`` over ``project``: the unreferenced names; any failed package raises."""

    def sweep() -> set[str]:
        found = set()
        for result in client.find_unreferenced_packages([project], concurrency=THREADS, page_size=PACKAGE_PAGE):
            if result.status == "failed":
                raise RuntimeError(f"the sweep failed on {result.package_name}: {result.error}")
            if result.status == "unreferenced":
                found.add(result.package_name)
        return found

    return sweep
