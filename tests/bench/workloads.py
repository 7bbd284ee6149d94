"""Listings run as whole processes by the bench, and the official SDK's listing they share with it.

    python -m tests.bench.workloads official-sdk --endpoint URL --project P --package P --page-size N [--threads N]
    python -m tests.bench.workloads iter-jobs --endpoint URL --project P --package P --page-size N [--concurrency N]

Both take the AccessKey from ``ALIBABA_CLOUD_ACCESS_KEY_ID`` / ``ALIBABA_CLOUD_ACCESS_KEY_SECRET``, list
every job and print how many they saw. This module imports neither foas_client nor anything of the
bench at its top, so that the official SDK's process pays for the official SDK's imports only.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

REGION = "cn-hangzhou"


def official_sdk_listing(
    base_url: str, access_key: tuple[str, str], *, project: str, package: str, page_size: int, threads: int = 1
) -> Callable[[], int]:
    """A listing with the official aliyun-python-sdk-foas, as its users write one: the number of jobs seen.

    ``threads == 1``: page after page until the last. Above 1: the first page alone (it tells how
    many there are), then the rest through a ``ThreadPoolExecutor(threads)``, as this client's
    ``iter_jobs(concurrency=threads)`` does. Each page body is read with ``json.loads``.
    """
    from aliyunsdkcore.client import AcsClient  # type: ignore[import-untyped]  # bench-only, untyped
    from aliyunsdkfoas.request.v20181111.GetRefPackageJobRequest import (  # type: ignore[import-untyped]
        GetRefPackageJobRequest,
    )

    client = AcsClient(access_key[0], access_key[1], REGION)
    host = base_url.removeprefix("http://")

    def page(page_index: int) -> dict[str, Any]:
        request = GetRefPackageJobRequest()
        request.set_endpoint(host)  # the fake on loopback, over plain http
        request.set_protocol_type("http")
        request.set_projectName(project)
        request.set_packageName(package)
        request.set_pageSize(page_size)
        request.set_pageIndex(page_index)
        document: dict[str, Any] = json.loads(client.do_action_with_exception(request))
        return document

    def sequential() -> int:
        seen, page_index = 0, 1
        while True:
            document = page(page_index)
            seen += len(document["Jobs"]["Job"])
            if not document["Jobs"]["Job"] or page_index >= document["TotalPage"]:
                return seen
            page_index += 1

    def threaded() -> int:
        first = page(1)
        seen = len(first["Jobs"]["Job"])
        with ThreadPoolExecutor(max_workers=threads) as pool:
            for document in pool.map(page, range(2, first["TotalPage"] + 1)):
                seen += len(document["Jobs"]["Job"])
        return seen

    return sequential if threads == 1 else threaded


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.workloads")
    parser.add_argument("workload", choices=["official-sdk", "iter-jobs"])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--package", required=True)
    parser.add_argument("--page-size", type=int, required=True)
    parser.add_argument("--threads", type=int, default=1, help="official-sdk: pages in flight")
    parser.add_argument("--concurrency", type=int, default=1, help="iter-jobs: pages in flight")
    args = parser.parse_args(argv)
    access_key = (os.environ["ALIBABA_CLOUD_ACCESS_KEY_ID"], os.environ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"])
    if args.workload == "official-sdk":
        listing = official_sdk_listing(
            args.endpoint,
            access_key,
            project=args.project,
            package=args.package,
            page_size=args.page_size,
            threads=args.threads,
        )
        print(listing())
        return
    from foas_client import Credentials, FoasClient

    credentials = Credentials(access_key_id=access_key[0], access_key_secret=access_key[1])
    with FoasClient(endpoint=args.endpoint, credentials=credentials) as client:
        jobs = client.iter_jobs(args.project, args.package, page_size=args.page_size, concurrency=args.concurrency)
        print(sum(1 for _ in jobs))  # each job dropped as soon as it is counted: what streaming keeps is the client's


if __name__ == "__main__":
    main()
