"""The fake with state: packages that DELETE removes, jobs listed by the packages they name, whole estates.

Expectations come from the spec (the membership rule of GetRefPackageJob, the error example's NotFound
code) and from the fake's own data (``service.estate``, ``service.packages``), never from literals.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from foas_client import FoasClient
from foas_client.errors import NotFoundError
from foas_client.models import Job
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, make_jobs, make_packages
from tests.support.pages import operation

ROOT = Path(__file__).resolve().parents[2]
MEMBERSHIP = operation("GetRefPackageJob")["x-membership-filter"]
NOT_FOUND = json.loads((ROOT / "spec/examples/Error.example.json").read_text(encoding="utf-8"))
FORMATS = ["json", "xml"]


def client_of(service: FakeFoasService, response_format: str = "json") -> FoasClient:
    return FoasClient(credentials=TEST_CREDENTIALS, transport=service.transport(), response_format=response_format)  # type: ignore[arg-type]


def naming(job: Job, *packages: str) -> Job:
    """``job`` with its membership field (the spec's x-membership-filter field) naming ``packages``."""
    return Job.from_dict({**job.to_dict(), MEMBERSHIP["field"]: MEMBERSHIP["separator"].join(packages)})


@pytest.mark.parametrize("response_format", FORMATS)
def test_delete_removes_the_package_from_the_listing_and_get_answers_not_found(response_format: str) -> None:
    service = FakeFoasService.with_estate(projects=1, packages=5, referenced=0.4, seed=3)
    assert service.estate is not None
    owner = service.estate.owners[0]
    gone = owner.unreferenced[0]
    with client_of(service, response_format) as client:
        before = [package.package_name for package in client.iter_packages(owner.name, page_size=2)]
        assert client.get_package(owner.name, gone).package.package_name == gone
        client.delete_package(owner.name, gone)
        after = [package.package_name for package in client.iter_packages(owner.name, page_size=2)]
        assert after == [name for name in before if name != gone]
        assert client.list_package(owner.name).total_count == len(before) - 1
        for call in (client.get_package, client.delete_package):  # GET and a second DELETE: both 404
            with pytest.raises(NotFoundError) as caught:
                call(owner.name, gone)
            assert (caught.value.status_code, caught.value.code) == (404, NOT_FOUND["Code"])
            assert caught.value.message == NOT_FOUND["Message"]
    assert [(record.method, record.status) for record in service.deletes] == [("DELETE", 200), ("DELETE", 404)]
    assert all(record.path.endswith(f"/{gone}") for record in service.deletes)


def test_get_package_answers_the_package_the_listing_holds_with_a_fresh_request_id() -> None:
    service = FakeFoasService()
    packages = make_packages(3, project_name="p", seed=1)
    service.add_packages("p", packages)
    with client_of(service) as client:
        answers = [client.get_package("p", str(package.package_name)) for package in packages]
        again = client.get_package("p", str(packages[0].package_name))
    assert [answer.package for answer in answers] == packages
    assert len({answer.request_id for answer in [*answers, again]}) == len(answers) + 1
    assert service.deletes == []


def test_a_package_added_again_after_its_delete_is_back() -> None:
    service = FakeFoasService.with_estate(projects=1, packages=2, seed=5)
    name = service.projects()[0].name
    package = service.packages(str(name))[0]
    with client_of(service) as client:
        client.delete_package(str(name), str(package.package_name))
        service.add_packages(str(name), [package])
        assert client.get_package(str(name), str(package.package_name)).package == package


def test_an_unlisted_package_answers_the_example_unless_the_listings_are_complete() -> None:
    service = FakeFoasService.with_documented_examples()  # as before: any name gets the made example
    with client_of(service) as client:
        documented = client.get_package("p", "never-listed.jar")
        assert documented.package.package_name is not None
        client.delete_package("p", "never-listed.jar")
        service.complete_listings = True  # as with_estate sets it: the listing is the whole truth
        for call in (client.get_package, client.delete_package):
            with pytest.raises(NotFoundError) as caught:
                call("p", "never-listed.jar")
            assert caught.value.code == NOT_FOUND["Code"]


@pytest.mark.parametrize("response_format", FORMATS)
def test_a_job_naming_two_packages_is_listed_for_both(response_format: str) -> None:
    service = FakeFoasService()
    first, second = make_jobs(2, project_name="p", package_name="a.jar", seed=2)
    service.add_jobs("p", "a.jar", [naming(first, "a.jar", "b.jar"), second])
    with client_of(service, response_format) as client:
        listed = {name: [job.job_id for job in client.iter_jobs("p", name)] for name in ("a.jar", "b.jar", "c.jar")}
        elsewhere = client.get_ref_package_job("q", "b.jar").total_count
    assert listed == {"a.jar": [first.job_id, second.job_id], "b.jar": [first.job_id], "c.jar": []}
    assert elsewhere == 0  # membership counts within the project only
    assert [job.job_id for job in service.jobs("p", "b.jar")] == [first.job_id]


def test_a_job_added_for_a_package_is_listed_for_it_whatever_its_field_names() -> None:
    service = FakeFoasService.with_documented_jobs()  # the documented job's field names another package
    documented = service.jobs("project1", "package1.jar")
    assert len(documented) == 1
    jobs = make_jobs(30, project_name="p", package_name="big.jar")
    service.add_jobs("p", "big.jar", jobs)
    service.add_jobs("p", "small.jar", jobs[:5])  # the same jobs added for another package: not listed twice
    with client_of(service) as client:
        assert client.get_ref_package_job("project1", "package1.jar").total_count == 1
        assert [job.job_id for job in client.iter_jobs("p", "big.jar")] == [job.job_id for job in jobs]
        assert [job.job_id for job in client.iter_jobs("p", "small.jar")] == [job.job_id for job in jobs[:5]]


def test_a_job_listed_twice_for_its_package_stays_so() -> None:
    service = FakeFoasService()
    jobs = make_jobs(3, project_name="p", package_name="a.jar")
    service.add_jobs("p", "a.jar", jobs)
    service.add_jobs("p", "a.jar", jobs)  # what add_jobs did before the state: added twice, listed twice
    assert len(service.jobs("p", "a.jar")) == 6


@pytest.mark.parametrize(("projects", "packages", "referenced", "per_package"), [(2, 3, 0.5, 1), (3, 7, 0.3, 4)])
def test_an_estate_has_the_counts_asked_for(projects: int, packages: int, referenced: float, per_package: int) -> None:
    service = FakeFoasService.with_estate(
        projects=projects, packages=packages, referenced=referenced, jobs_per_package=per_package, seed=11
    )
    assert service.estate is not None
    expected_referenced = math.floor(packages * referenced + 0.5)  # halves rounded up
    with client_of(service, "xml") as client:
        names = [project.name for project in client.iter_projects()]
        assert names == [owner.name for owner in service.estate.owners]
        assert len(set(names)) == projects
        for owner in service.estate.owners:
            listed = [package.package_name for package in client.iter_packages(owner.name)]
            assert listed == list(owner.items)
            assert len(set(listed)) == packages
            assert len(owner.referenced) == expected_referenced
            counts = {name: client.get_ref_package_job(owner.name, name).total_count for name in listed}
            assert counts == {name: per_package if name in owner.referenced else 0 for name in listed}
            for name in owner.referenced:
                for job in client.iter_jobs(owner.name, name):
                    assert name in str(job.packages).split(MEMBERSHIP["separator"])
                    assert job.project_name == owner.name


def test_an_estate_is_deterministic_for_its_seed() -> None:
    def snapshot(seed: int) -> list[Any]:
        service = FakeFoasService.with_estate(projects=2, packages=4, referenced=0.5, jobs_per_package=2, seed=seed)
        assert service.estate is not None
        found: list[Any] = [service.estate.owners, [project.to_dict() for project in service.projects()]]
        for owner in service.estate.owners:
            found.append([package.to_dict() for package in service.packages(owner.name)])
            found.extend([job.to_dict() for job in service.jobs(owner.name, name)] for name in owner.items)
        return found

    assert snapshot(7) == snapshot(7)
    assert snapshot(7) != snapshot(8)


def test_an_estate_lists_nothing_else() -> None:
    service = FakeFoasService.with_estate(projects=1, packages=2, referenced=0, seed=1)
    assert service.estate is not None
    (owner,) = service.estate.owners
    assert owner.referenced == () and owner.unreferenced == owner.items
    with client_of(service) as client:
        with pytest.raises(NotFoundError):
            client.get_package(owner.name, f"not-{owner.items[0]}")
        assert client.list_package(f"not-{owner.name}").total_count == 0


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"projects": -1}, "projects"),
        ({"packages": -2}, "packages"),
        ({"referenced": 1.5}, "referenced"),
        ({"referenced": float("nan")}, "referenced"),
        ({"jobs_per_package": 0}, "jobs_per_package"),
    ],
)
def test_an_estate_refuses_impossible_counts_naming_the_argument(arguments: dict[str, Any], named: str) -> None:
    with pytest.raises(ValueError, match=rf"^{named} must be"):
        FakeFoasService.with_estate(**arguments)
