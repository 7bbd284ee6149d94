"""The loopback fake in a process of its own, for the listing and streaming benchmarks.

    python -m tests.bench.fake_process --jobs 2000 [--latency 0.02] [--also 10000] [--estate]

Serves ``PROJECT``/``PACKAGE`` with ``--jobs`` generated jobs (and ``PROJECT``/``SMALL_PACKAGE`` with
the first ``--also`` of them; ``--estate``: also the package sweep's estate, ``tests.bench.sweep.ESTATE``,
as the fake makes it), checking signatures against ``TEST_CREDENTIALS``; prints its base URL on one
line, then serves until its standard input closes.

Why a process of its own: in the bench's process, the fake's threads (building and encoding every
page) would compete for the GIL with the client being measured, and slow the concurrent listings
most; a real service runs elsewhere. The clients compared (this one, the official SDK, the CLI) all
talk to it the same way.
"""

from __future__ import annotations

import argparse
import socketserver
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, make_jobs
from tests.bench.sweep import ESTATE

PROJECT, PACKAGE, SMALL_PACKAGE = "bench", "big.jar", "small.jar"
ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.fake_process")
    parser.add_argument("--jobs", type=int, required=True)
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--also", type=int, default=0, help="jobs under SMALL_PACKAGE (the first ones)")
    parser.add_argument("--estate", action="store_true", help="also the package sweep's estate (tests.bench.sweep)")
    args = parser.parse_args()
    # The stdlib server listens with a backlog of 5: a burst of more concurrent connects loses SYNs,
    # and each lost one costs the client a 1 s retransmission. This process only serves, so the class
    # default is raised here (LoopbackFake itself should subclass with a larger request_queue_size).
    socketserver.TCPServer.request_queue_size = 128
    if args.estate:
        service = ESTATE.service(latency=args.latency)  # its credentials: TEST_CREDENTIALS
    else:
        service = FakeFoasService(credentials=[TEST_CREDENTIALS], latency=args.latency)
    jobs = make_jobs(args.jobs, project_name=PROJECT, package_name=PACKAGE)
    service.add_jobs(PROJECT, PACKAGE, jobs)
    if args.also:
        service.add_jobs(PROJECT, SMALL_PACKAGE, jobs[: args.also])
    with service.serve() as fake:
        print(fake.base_url, flush=True)
        sys.stdin.read()


@contextmanager
def fake_process(*, jobs: int, latency: float = 0.0, also: int = 0, estate: bool = False) -> Iterator[str]:
    """A running fake in a child process; yields its base URL, stops it on exit."""
    command = [sys.executable, "-m", "tests.bench.fake_process", "--jobs", str(jobs), "--latency", str(latency)]
    if also:
        command += ["--also", str(also)]
    if estate:
        command.append("--estate")
    child = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        url = child.stdout.readline().strip()
        if not url.startswith("http://"):
            raise RuntimeError(f"the fake process did not start (exit code {child.wait()})")
        yield url
    finally:
        if child.stdin is not None:
            child.stdin.close()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


if __name__ == "__main__":
    main()
