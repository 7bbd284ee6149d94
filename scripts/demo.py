"""`make demo`: "which jobs still use this jar?" answered by the `foas` command, with no cloud account.

Starts the package's fake of the service on 127.0.0.1 with the vendor's documented job and a
generated data set, runs the CLI against it as a user would (a table, one `--all` listing, the
execution plan of a job), then stops the fake. A second fake holds a generated estate (projects,
packages, the jobs that reference them): the sweep for unreferenced packages, the guard's exit codes,
a dry run, and one refused and one allowed guarded delete, with their evidence. Exits non-zero if any
step fails or exits with another code than the one shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, make_jobs

PROJECT = "project1"
SHARED_JAR = "common-udf.jar"
JOBS_USING_SHARED_JAR = 1_234


def foas(endpoint: str, *args: str, rows: int | None = None, code: int | None = None) -> None:
    """Runs `foas ARGS --endpoint ENDPOINT` and prints its output (only the first ``rows`` lines and the last);
    fails unless it exits with ``code`` (default 0; given, it is shown)."""
    print(f"\n$ foas {' '.join(args)}" + (f"; echo $?  # {code}" if code is not None else ""), flush=True)
    env = {
        **os.environ,
        "ALIBABA_CLOUD_ACCESS_KEY_ID": TEST_CREDENTIALS.access_key_id,
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": TEST_CREDENTIALS.access_key_secret,
    }
    command = [sys.executable, "-m", "foas_client", *args, "--endpoint", endpoint]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    expected = 0 if code is None else code
    if done.returncode != expected:
        raise SystemExit(f"foas {' '.join(args)} exited {done.returncode}, not {expected}: {done.stderr.strip()}")
    lines = done.stdout.splitlines() + done.stderr.splitlines()
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
    lifecycle()
    print("demo OK")


def lifecycle() -> None:
    """The whole job: which packages does nothing use, and delete only those, with evidence."""
    service = FakeFoasService.with_estate(projects=2, packages=6, referenced=0.5, jobs_per_package=2)
    assert service.estate is not None  # with_estate made one
    project = service.estate.owners[0]
    used, unused = project.referenced[0], project.unreferenced[0]
    with service.serve() as fake, tempfile.TemporaryDirectory() as folder:
        evidence = str(Path(folder) / "evidence.jsonl")
        summary, *owners = service.estate.describe(["projects", "packages", "jobs"])
        print(f"\nfake estate on {fake.base_url}: {summary}")
        print("\n".join(f"  {line}" for line in owners))
        foas(fake.base_url, "unreferenced-packages", "--all-projects", "--evidence", evidence)
        for package, code in ((used, 1), (unused, 0)):  # a CI guard: 1 when some job uses it, 0 when none does
            where = ["--project-name", project.name, "--package-name", package]
            foas(fake.base_url, "get-ref-package-job", *where, "--exit-code", "--count", code=code)
        delete = ["delete-package", "--project-name", project.name, "--evidence", evidence, "--yes"]
        foas(fake.base_url, *delete[:3], "--package-name", unused, "--dry-run", rows=2)
        foas(fake.base_url, *delete, "--package-name", used, code=1)  # jobs use it: refused, nothing sent
        foas(fake.base_url, *delete, "--package-name", unused)  # checked again, then deleted
        deletes = [record.target for record in service.deletes]
        assert len(deletes) == 1, deletes
        decisions = Path(evidence).read_text().splitlines()
        print(f"\n$ cat evidence.jsonl  # {len(decisions)} decisions, with RequestIds")
        for line in decisions[-3:]:
            record = json.loads(line)
            print({key: record[key] for key in ("decision", "projectName", "packageName", "totalCount", "requestIds")})
        print(f"\nfake stopped after {service.requests} signed requests, {len(deletes)} DELETE", flush=True)


if __name__ == "__main__":
    main()
