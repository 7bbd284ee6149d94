"""The regeneration workflow: a field added to the spec decodes from JSON and XML after ``python -m generator``
with no other edit, and regenerating an unchanged copy reproduces ``generated/foas_client`` byte for byte."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.contract.helpers import ROOT
from tests.support.pages import enum_members, job_fields, not_a_member, page, python_name, unused, xml_page

PYTHON = sys.executable  # the project's venv: it has the pinned generator toolchain
GENERATE_BUDGET_S = 60.0  # `make generate` takes about 1 s; this only catches a hang


def copy_sources(destination: Path) -> Path:
    """What ``python -m generator`` reads: spec/ and generator/ (it needs neither pyproject.toml nor requirements)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("spec", "generator"):
        shutil.copytree(ROOT / name, destination / name, ignore=ignore)
    return destination


def generate(root: Path) -> Path:
    started = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "-m", "generator"], cwd=root, capture_output=True, text=True, timeout=GENERATE_BUDGET_S
    )
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    package = root / "generated" / "foas_client"
    assert str(package) in result.stdout  # it wrote into the copy, not into the repository
    assert elapsed < GENERATE_BUDGET_S
    return package


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_regenerating_an_unchanged_copy_reproduces_the_committed_package(tmp_path: Path) -> None:
    fresh = tree(generate(copy_sources(tmp_path)))
    committed = tree(ROOT / "generated" / "foas_client")
    drift = {
        "generated but not committed": sorted(fresh.keys() - committed.keys()),
        "committed but not generated": sorted(committed.keys() - fresh.keys()),
        "different bytes": sorted(name for name in fresh.keys() & committed.keys() if fresh[name] != committed[name]),
    }
    assert drift == {key: [] for key in drift}, "generated/ drifted from spec/ + generator/: run `make generate`"


# What the test adds: names the spec does not use yet (a suffix is added once the spec has one of them).
SAVEPOINT = unused("SavepointPath", job_fields())
SAVEPOINT_XML = unused("Savepoint", job_fields())  # the XML element is not named like the JSON property
RETRY_COUNT = unused("RetryCount", job_fields())
NEW_JOB_TYPE = not_a_member("KnownJobType", "FLINK_SQL")
NEW_JOB = {SAVEPOINT: "oss://bucket/sp-1", RETRY_COUNT: 3, "JobType": NEW_JOB_TYPE}  # as JSON sends it
PROBE_NAMES = {
    "savepoint_path": python_name(SAVEPOINT),
    "retry_count": python_name(RETRY_COUNT),
    "new_job_type": NEW_JOB_TYPE,
}


def add_fields_to_spec(root: Path) -> None:
    path = root / "spec" / "foas.openapi.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    schemas["Job"]["properties"][SAVEPOINT] = {
        "type": "string",
        "description": "Where the job's last savepoint is.",
        "xml": {"name": SAVEPOINT_XML},
    }
    schemas["Job"]["properties"][RETRY_COUNT] = {"type": "integer", "format": "int64"}
    schemas["KnownJobType"]["enum"].append(NEW_JOB_TYPE)
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")


# Runs against the regenerated package only (PYTHONPATH puts it before the editable install). Its bodies
# (valid pages, built here from the spec) come as JSON in argv[1], the names it looks for in argv[2]: the
# test's helpers are not importable there.
PROBE = r"""
import json
import sys
import foas_client
from foas_client import GetRefPackageJobResponse, KnownJobType, decode_body
from foas_client.errors import DecodeError
from foas_client.types import Unset

def job(body, content_type):
    page = GetRefPackageJobResponse.from_dict(decode_body(body, content_type, "GetRefPackageJobResponse"))
    return page.jobs.job[0]

names = json.loads(sys.argv[2])

def summary(job):
    retry_count = getattr(job, names["retry_count"])
    return {
        "savepoint_path": getattr(job, names["savepoint_path"]),
        "retry_count": retry_count,
        "retry_count_type": type(retry_count).__name__,
        "job_type_is_new_member": job.job_type is KnownJobType(names["new_job_type"]),
        "to_dict": job.to_dict(),
    }

def error_path(body, content_type):
    try:
        decode_body(body, content_type, "GetRefPackageJobResponse")
    except DecodeError as exc:
        return exc.path
    return None

bodies = {name: body.encode() for name, body in json.loads(sys.argv[1]).items()}
print(json.dumps({
    "file": foas_client.__file__,
    "members": [member.value for member in KnownJobType],
    "json": summary(job(bodies["json"], "application/json")),
    "xml": summary(job(bodies["xml"], "text/xml")),
    "xml_json_name_is_not_an_element": isinstance(
        getattr(job(bodies["xml_json_name"], "application/xml"), names["savepoint_path"]), Unset
    ),
    "json_error": error_path(bodies["json_error"], "application/json"),
    "xml_error": error_path(bodies["xml_error"], "application/xml"),
}))
"""


def probe_bodies() -> dict[str, str]:
    """The probe's bodies: valid pages around the new fields."""

    def json_page(job: dict[str, object]) -> str:
        return json.dumps(page(Jobs={"Job": [job]}))

    def xml_job(inner: str) -> str:
        return xml_page(f"<Jobs><Job>{inner}</Job></Jobs>").decode()

    return {
        "json": json_page(NEW_JOB),
        "xml": xml_job(
            f"<{SAVEPOINT_XML}>oss://bucket/sp-1</{SAVEPOINT_XML}><{RETRY_COUNT}> 3 </{RETRY_COUNT}>"
            f"<JobType>{NEW_JOB_TYPE}</JobType>"
        ),
        "xml_json_name": xml_job(f"<{SAVEPOINT}>x</{SAVEPOINT}>"),
        "json_error": json_page({RETRY_COUNT: "three"}),
        "xml_error": xml_job(f"<{RETRY_COUNT}>three</{RETRY_COUNT}>"),
    }


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sources(tmp_path_factory.mktemp("changed-spec"))
    add_fields_to_spec(root)
    return generate(root)


def test_fields_added_to_the_spec_decode_from_json_and_xml(regenerated: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(regenerated.parent)}
    result = subprocess.run(
        [PYTHON, "-c", PROBE, json.dumps(probe_bodies()), json.dumps(PROBE_NAMES)],
        cwd=regenerated.parent,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert Path(seen["file"]).is_relative_to(regenerated)
    assert sorted(seen["members"]) == sorted([*enum_members("KnownJobType"), NEW_JOB_TYPE])
    expected = {
        "savepoint_path": "oss://bucket/sp-1",
        "retry_count": 3,
        "retry_count_type": "int",
        "job_type_is_new_member": True,
        "to_dict": NEW_JOB,
    }
    assert seen["json"] == expected
    assert seen["xml"] == expected
    assert seen["xml_json_name_is_not_an_element"] is True
    assert seen["json_error"] == seen["xml_error"] == f"Jobs.Job[0].{RETRY_COUNT}"


def edit_endpoints(root: Path, edit: Callable[[dict[str, list[str]]], None]) -> None:
    path = root / "spec" / "foas.openapi.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(spec["servers"][0]["x-endpoints"])
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")


ENDPOINT_PROBE = r"""
import json, sys
from foas_client import Credentials, FoasClient
print(json.dumps({
    region: FoasClient(region_id=region, credentials=Credentials("id", "secret")).settings.endpoint
    for region in sys.argv[1:]
}))
"""


def test_a_region_added_to_x_endpoints_is_routed_with_no_other_edit(tmp_path: Path) -> None:
    def edit(table: dict[str, list[str]]) -> None:
        table["foas.aliyuncs.com"].append("xx-new-1")  # a new region
        table["foas.aliyuncs.com"].remove("cn-hongkong")  # a region that gets a host of its own
        table["foas.hk.example.com"] = ["cn-hongkong"]

    root = copy_sources(tmp_path)
    edit_endpoints(root, edit)
    package = generate(root)
    environment = {**os.environ, "PYTHONPATH": str(package.parent)}
    regions = ["xx-new-1", "cn-hongkong", "us-east-1", "xx-unlisted-1"]
    result = subprocess.run(
        [PYTHON, "-c", ENDPOINT_PROBE, *regions], env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "xx-new-1": "https://foas.aliyuncs.com",
        "cn-hongkong": "https://foas.hk.example.com",
        "us-east-1": "https://foas.ap-northeast-1.aliyuncs.com",
        "xx-unlisted-1": "https://foas.xx-unlisted-1.aliyuncs.com",
    }


def test_a_region_listed_under_two_hosts_stops_generation(tmp_path: Path) -> None:
    root = copy_sources(tmp_path)
    edit_endpoints(root, lambda table: table["foas.aliyuncs.com"].append("us-east-1"))
    result = subprocess.run(
        [PYTHON, "-m", "generator"], cwd=root, capture_output=True, text=True, timeout=GENERATE_BUDGET_S
    )
    assert result.returncode != 0
    assert "x-endpoints: region 'us-east-1' is listed twice" in result.stderr
    assert not (root / "generated" / "foas_client").exists()
