"""Listings run as whole processes by the bench, and the official SDK's listing they share with it.

    python -m tests.bench.workloads official-sdk --endpoint URL --project P --package P --page-size N [--threads N]
    python -m tests.bench.workloads iter-jobs --endpoint URL --project P --package P --page-size N [--concurrency N]
    python -m tests.bench.workloads floor --endpoint URL --project P --package P --page-size N \\
        [--threads N] [--jsonl] [--httpx]

Each takes the AccessKey from ``ALIBABA_CLOUD_ACCESS_KEY_ID`` / ``ALIBABA_CLOUD_ACCESS_KEY_SECRET``, lists
every job and prints how many it saw (``floor --jsonl``: each job as a JSON line, as ``foas --output
jsonl`` does). This module imports neither foas_client nor anything of the bench at its top, so that
the official SDK's process pays for the official SDK's imports only, and the floor's for the standard
library's.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import http.client
import json
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import quote, urlsplit

REGION = "cn-hangzhou"


def official_sdk_listing(
    base_url: str, access_key: tuple[str, str], *, project: str, package: str, page_size: int, threads: int = 1
) -> Callable[[], int]:
    """A listing with the official aliyun-python-sdk-foas, as its users write one: the number of jobs seen.

    ``threads == 1``: page after page until the last. Above 1: the first page alone (it tells how
    many there are), then the rest through a ``ThreadPoolExecutor(threads)``, as this client's
    ``iter_jobs(concurrency=threads)`` does. Each page body is read with ``json.loads``.
    """
    from aliyunsdkfoas.request.v20181111.GetRefPackageJobRequest import (  # type: ignore[import-untyped]
        GetRefPackageJobRequest,
    )

    send = official_sdk_sender(base_url, access_key)

    def page(page_index: int) -> dict[str, Any]:
        request = GetRefPackageJobRequest()
        request.set_projectName(project)
        request.set_packageName(package)
        request.set_pageSize(page_size)
        request.set_pageIndex(page_index)
        return send(request)

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


def official_sdk_sender(base_url: str, access_key: tuple[str, str]) -> Callable[[Any], dict[str, Any]]:
    """The official SDK's sending, as its users write it: one ``AcsClient`` (made here, before anything is
    timed), and ``send(request)``: the request sent to the fake on loopback over plain http, its body read
    with ``json.loads``."""
    from aliyunsdkcore.client import AcsClient  # type: ignore[import-untyped]  # bench-only, untyped

    client = AcsClient(access_key[0], access_key[1], REGION)
    host = base_url.removeprefix("http://")

    def send(request: Any) -> dict[str, Any]:
        request.set_endpoint(host)  # the fake on loopback, over plain http
        request.set_protocol_type("http")
        document: dict[str, Any] = json.loads(client.do_action_with_exception(request))
        return document

    return send


def _page_target(project: str, package: str, page_size: int, page_index: int) -> str:
    """The path (each segment percent-encoded) and the query, sorted by key as V3 signs it."""
    path = f"/api/v2/projects/{quote(project, safe='')}/packages/{quote(package, safe='')}/jobs"
    return f"{path}?RegionId={REGION}&pageIndex={page_index}&pageSize={page_size}"


_EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()  # a GET has no body


def signed_v3_request(
    host: str, access_key: tuple[str, str], *, project: str, package: str, page_size: int, page_index: int
) -> tuple[str, dict[str, str]]:
    """One page's request as this client sends it by default, signed by hand with signature V3
    (ACS3-HMAC-SHA256): the target and the headers, ``Authorization`` included. ``host``: the ``Host``
    header as sent (``127.0.0.1:8080``), which V3 signs.

    A fresh ``x-acs-date`` and nonce each time; the canonical request written out for this one GET
    (its query needs no encoding, its body is empty). Written once for the hand-made listings and
    calls (the floors, the hand-signed httpx baselines); the fake checks it, so a mistake here fails
    the bench.
    """
    target = _page_target(project, package, page_size, page_index)
    return target, v3_headers(host, access_key, action="GetRefPackageJob", target=target)


def v3_headers(host: str, access_key: tuple[str, str], *, action: str, target: str) -> dict[str, str]:
    """The headers of a GET of ``target`` (its query already sorted and encoded), signed by hand with V3."""
    key_id, secret = access_key
    signed = {  # lower-cased names, sorted: the order V3 signs them in
        "host": host,
        "x-acs-action": action,
        "x-acs-content-sha256": _EMPTY_SHA256,
        "x-acs-date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "x-acs-region-id": REGION,
        "x-acs-signature-nonce": str(uuid.uuid4()),
        "x-acs-version": "2018-11-11",
    }
    path, _, query = target.partition("?")
    names = ";".join(signed)
    lines = "".join(f"{name}:{value}\n" for name, value in signed.items())
    canonical = f"GET\n{path}\n{query}\n{lines}\n{names}\n{_EMPTY_SHA256}"
    string = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
    signature = hmac.new(secret.encode(), string.encode(), hashlib.sha256).hexdigest()
    headers = {"Accept": "application/json", **signed}
    headers["Authorization"] = f"ACS3-HMAC-SHA256 Credential={key_id},SignedHeaders={names},Signature={signature}"
    return headers


def floor_listing(
    base_url: str,
    access_key: tuple[str, str],
    *,
    project: str,
    package: str,
    page_size: int,
    threads: int = 1,
    jsonl: bool = False,
    on_httpx: bool = False,
) -> Callable[[], int]:
    """The least a listing can do, written for this one request: the bench's floor, the number of jobs seen.

    ``http.client`` keep-alive connections (one per thread), the request signed by hand with signature
    V3 as the client signs by default (``signed_v3_request``; the fake checks it), ``json.loads``; the pages fetched as
    ``official_sdk_listing`` fetches them (the first alone, then ``threads`` at a time, in order).
    ``jsonl``: each job written to stdout as a JSON line, a page's lines flushed together. No
    argument check, no retry, no typed model, no bound on the answer: what this client adds to it
    is what the figures next to the floor show. ``on_httpx``: the same code sending through one
    ``httpx.Client`` (imported here), the HTTP library this client is built on, in place of ``http.client``.
    """
    host = urlsplit(base_url).netloc
    send = _httpx_get(base_url) if on_httpx else _stdlib_get(base_url)

    def page(page_index: int) -> dict[str, Any]:
        target, headers = signed_v3_request(
            host, access_key, project=project, package=package, page_size=page_size, page_index=page_index
        )
        status, body = send(target, headers)
        if status != 200:
            raise RuntimeError(f"the floor's GET got {status}: {body[:300]!r}")
        document: dict[str, Any] = json.loads(body)
        return document

    def seen(document: dict[str, Any]) -> int:
        jobs = document["Jobs"]["Job"]
        if jsonl:
            sys.stdout.write("".join(json.dumps(job, ensure_ascii=False) + "\n" for job in jobs))
            sys.stdout.flush()
        return len(jobs)

    def listing() -> int:
        first = page(1)
        count = seen(first)
        with ThreadPoolExecutor(max_workers=threads) as pool:
            for document in pool.map(page, range(2, first["TotalPage"] + 1)):
                count += seen(document)
        return count

    return listing


def _stdlib_get(base_url: str) -> Callable[[str, dict[str, str]], tuple[int, bytes]]:
    """``(path and query, headers) -> (status, body)`` through ``http.client`` keep-alive connections to
    ``base_url``, one per thread."""
    split = urlsplit(base_url)
    local = threading.local()

    def get(target: str, headers: dict[str, str]) -> tuple[int, bytes]:
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = http.client.HTTPConnection(split.hostname or "", split.port)
        conn.request("GET", target, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()

    return get


def _httpx_get(base_url: str) -> Callable[[str, dict[str, str]], tuple[int, bytes]]:
    """``(path and query, headers) -> (status, body)`` through one ``httpx.Client`` on ``base_url``."""
    import httpx  # here: the floor on http.client does not pay for it

    # verify=False: the fake is plain http on loopback, and loading the CA certificates for a TLS
    # context no request uses would cost the floor about 35 ms (this client does not load them either).
    client = httpx.Client(base_url=base_url, verify=False, limits=httpx.Limits(max_keepalive_connections=64))

    def get(target: str, headers: dict[str, str]) -> tuple[int, bytes]:
        response = client.get(target, headers=headers)
        return response.status_code, response.content

    return get


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.workloads")
    parser.add_argument("workload", choices=["official-sdk", "iter-jobs", "floor"])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--package", required=True)
    parser.add_argument("--page-size", type=int, required=True)
    parser.add_argument("--threads", type=int, default=1, help="official-sdk, floor: pages in flight")
    parser.add_argument("--jsonl", action="store_true", help="floor: print each job as a JSON line, not the count")
    parser.add_argument("--httpx", action="store_true", help="floor: send through httpx, not http.client")
    parser.add_argument("--concurrency", type=int, default=1, help="iter-jobs: pages in flight")
    args = parser.parse_args(argv)
    access_key = (os.environ["ALIBABA_CLOUD_ACCESS_KEY_ID"], os.environ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"])
    pages: dict[str, Any] = {"project": args.project, "package": args.package, "page_size": args.page_size}
    if args.workload == "official-sdk":
        print(official_sdk_listing(args.endpoint, access_key, threads=args.threads, **pages)())
        return
    if args.workload == "floor":
        count = floor_listing(
            args.endpoint, access_key, threads=args.threads, jsonl=args.jsonl, on_httpx=args.httpx, **pages
        )()
        if not args.jsonl:
            print(count)
        return
    from foas_client import Credentials, FoasClient

    credentials = Credentials(access_key_id=access_key[0], access_key_secret=access_key[1])
    with FoasClient(endpoint=args.endpoint, credentials=credentials) as client:
        jobs = client.iter_jobs(args.project, args.package, page_size=args.page_size, concurrency=args.concurrency)
        print(sum(1 for _ in jobs))  # each job dropped as soon as it is counted: what streaming keeps is the client's


if __name__ == "__main__":
    main()
