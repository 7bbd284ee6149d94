"""A downstream service's use of the public API, type-checked with mypy --strict against the installed wheel."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

from foas_client import (
    AsyncFoasClient,
    Credentials,
    FoasClient,
    FoasError,
    GetRefPackageJobResponse,
    Job,
    JobList,
    KnownJobType,
    NotFoundError,
    parse_plan,
    parse_properties,
)
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, make_jobs


def streaming_job_ids(client: FoasClient, package: str) -> Iterator[str]:
    for job in client.iter_jobs("project1", package, page_size=50):
        if isinstance(job.job_id, str):
            yield job.job_id


def describe(job: Job) -> str:
    kind = "stream" if job.job_type == KnownJobType.FLINK_STREAM else str(job.job_type)
    nodes = len(parse_plan(job.plan_json)["nodes"]) if isinstance(job.plan_json, str) else 0
    settings = parse_properties(job.properties) if isinstance(job.properties, str) else {}
    return f"{job.job_name} {kind} {nodes} nodes {len(settings)} settings"


async def first_page(endpoint: str, credentials: Credentials) -> GetRefPackageJobResponse:
    async with AsyncFoasClient(endpoint=endpoint, credentials=credentials, response_format="xml") as client:
        return await client.get_ref_package_job("project1", "package1.jar")


def main() -> None:
    service = FakeFoasService.with_documented_jobs()
    service.add_jobs("project1", "lib.jar", make_jobs(120, project_name="project1", package_name="lib.jar"))
    with service.serve() as fake, FoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS) as client:
        ids = list(streaming_job_ids(client, "lib.jar"))
        page = asyncio.run(first_page(fake.base_url, TEST_CREDENTIALS))
        try:
            client.get_ref_package_job("project1", "")
        except FoasError as error:
            print(f"refused: {error}")
        except NotFoundError:
            raise
    jobs = page.jobs.job if isinstance(page.jobs, JobList) and isinstance(page.jobs.job, list) else []
    print(len(ids), page.total_count, describe(jobs[0]))


if __name__ == "__main__":
    main()
