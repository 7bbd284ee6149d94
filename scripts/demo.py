"""`make demo`: "which jobs still use this jar?" answered by the `foas` command, with no cloud account.

Starts the package's fake of the service on 127.0.0.1 with the vendor's documented job and a
generated data set, runs the CLI against it as a user would (a table, one `--all` listing, the
execution plan of a job), then stops the fake. Exits non-zero if any step fails.
"""

from __future__ import annotations

import os
import subprocess
import sys

from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, make_jobs

PROJECT = "project1"
SHARED_JAR = "common-udf.jar"
JOBS_USING_SHARED_JAR = 1_234


def foas(endpoint: str, *args: str, rows: int | None = None) -> None:
    """Runs `foas ARGS --endpoint ENDPOINT` and prints its output (only the first ``rows`` lines and the last)."""
    print(f"\n$ foas {' '.join(args)}", flush=True)
    env = {
        **os.environ,
        "ALIBABA_CLOUD_ACCESS_KEY_ID": TEST_CREDENTIALS.access_key_id,
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": TEST_CREDENTIALS.access_key_secret,
    }
    command = [sys.executable, "-m", "foas_client", *args, "--endpoint", endpoint]
    lines = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout.splitlines()
    if rows is not None and len(lines) > rows + 1:
        lines = [*lines[:rows], f"... {len(lines) - rows - 1} more lines ...", lines[-1]]
    print("\n".join(lines), flush=True)


def main() -> None:
    service = FakeFoasService.with_documented_jobs(latency=0.005)
    service.add_jobs(
        PROJECT, SHARED_JAR, make_jobs(JOBS_USING_SHARED_JAR, project_name=PROJECT, package_name=SHARED_JAR)
    )
    documented = ["--project-name", PROJECT, "--package-name", "package1.jar"]
    shared = ["--project-name", PROJECT, "--package-name", SHARED_JAR]
    with service.serve() as fake:
        print(f"fake GetRefPackageJob service on {fake.base_url}: signatures checked, JSON or XML, paged")
        foas(fake.base_url, "get-ref-package-job", *documented)
        foas(fake.base_url, "get-ref-package-job", *documented, "--response-format", "xml", "--output", "json")
        foas(
            fake.base_url,
            "get-ref-package-job",
            *shared,
            "--all",
            "--page-size",
            "100",
            "--response-format",
            "xml",
            rows=10,
        )
        foas(fake.base_url, "plan", *documented)
        foas(fake.base_url, "plan", *documented, "--format", "mermaid")
        print(f"\nfake stopped after {service.requests} signed requests", flush=True)
    print("demo OK")


if __name__ == "__main__":
    main()
