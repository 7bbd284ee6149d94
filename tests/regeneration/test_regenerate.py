"""The regeneration workflow: a field added to the spec decodes from JSON and XML after ``python -m generator``
with no other edit, and regenerating an unchanged copy reproduces ``generated/foas_client`` byte for byte."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.drift import compare_outputs
from tests.contract.helpers import ROOT
from tests.regeneration.helpers import PYTHON, copy_sources, edit_spec, generate, run_generator
from tests.support.pages import enum_members, job_fields, not_a_member, page, python_name, unused, xml_page


def test_regenerating_an_unchanged_copy_reproduces_the_committed_package(tmp_path: Path) -> None:
    fresh = generate(copy_sources(tmp_path))
    drift = compare_outputs(ROOT / "generated", fresh.parent, "foas_client", ["api.md"])
    assert drift == [], "generated/ drifted from spec/ + generator/: run `make generate`"


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
    def edit(spec: dict[str, Any]) -> None:
        schemas = spec["components"]["schemas"]
        schemas["Job"]["properties"][SAVEPOINT] = {
            "type": "string",
            "description": "Where the job's last savepoint is.",
            "xml": {"name": SAVEPOINT_XML},  # the XML element is not named like the JSON property
        }
        schemas["Job"]["properties"][RETRY_COUNT] = {"type": "integer", "format": "int64"}
        schemas["KnownJobType"]["enum"].append(NEW_JOB_TYPE)

    edit_spec(root, edit)


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
    edit_spec(root, lambda spec: edit(spec["servers"][0]["x-endpoints"]))


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
    result = run_generator(root)
    assert result.returncode != 0
    assert "x-endpoints: region 'us-east-1' is listed twice" in result.stderr
    assert not (root / "generated" / "foas_client").exists()
