"""`make demo`: the client end to end, with no cloud account.

Starts a loopback server that verifies the ROA signature independently and answers with the vendor's
documented examples (JSON or XML by Accept), then asks it "which jobs reference package1.jar?" with
`FoasClient`, in both wire formats, and shows the first job's execution plan.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from foas_client import Credentials, FoasClient, NotFoundError, parse_plan, parse_properties
from tests.support.roa_server import ReceivedRequest, RoaVerifyingServer

EXAMPLES = Path(__file__).resolve().parent.parent / "spec" / "examples"
DEMO_KEY = Credentials("demo-access-key-id", "demo-access-key-secret")


def respond(request: ReceivedRequest) -> tuple[int, dict[str, str], bytes]:
    if "/packages/package1.jar/" not in request.raw_target:
        return 404, {"Content-Type": "application/json"}, (EXAMPLES / "Error.example.json").read_bytes()
    if request.headers.get("accept") == "application/xml":
        return 200, {"Content-Type": "text/xml;charset=utf-8"}, (EXAMPLES / "GetRefPackageJob.rooted.xml").read_bytes()
    return 200, {"Content-Type": "application/json"}, (EXAMPLES / "GetRefPackageJob.documented.json").read_bytes()


def when(milliseconds: int | object) -> str:
    if not isinstance(milliseconds, int):
        return "-"
    return datetime.fromtimestamp(milliseconds / 1000, tz=timezone.utc).strftime("%Y-%m-%d %H:%M")


def main() -> None:
    with RoaVerifyingServer({DEMO_KEY.access_key_id: DEMO_KEY.access_key_secret}, respond) as server:
        print(f"fake service on {server.base_url} (signatures verified)\n")
        for response_format in ("json", "xml"):
            with FoasClient(endpoint=server.base_url, credentials=DEMO_KEY, response_format=response_format) as client:
                page = client.get_ref_package_job("project1", "package1.jar", page_size=10)
            print(f"[{response_format}] {page.total_count} job(s) reference package1.jar (RequestId {page.request_id})")
            print(f"  {'JobId':26} {'JobName':8} {'JobType':13} {'online':6} {'modified (UTC)':16}")
            for job in page.jobs.job:
                online = str(job.is_committed)
                print(f"  {job.job_id:26} {job.job_name:8} {job.job_type!s:13} {online:6} {when(job.modify_time)}")
        job = page.jobs.job[0]
        print(f"\nexecution plan of {job.job_name}:")
        for node in parse_plan(job.plan_json)["nodes"]:
            inputs = ", ".join(f"{edge['id']} ({edge['ship_strategy']})" for edge in node.get("predecessors", []))
            print(f"  [{node['id']}] {node['pact']:11} {node['type'][:48]:48} <- {inputs or '-'}")
        print(f"\njob code as properties: {parse_properties(job.code)}")
        with FoasClient(endpoint=server.base_url, credentials=DEMO_KEY) as client:
            try:
                client.get_ref_package_job("project1", "missing.jar")
            except NotFoundError as error:
                print(f"\na missing package raises a typed error:\n  {type(error).__name__}: {error}")
    print("\ndemo OK")


if __name__ == "__main__":
    main()
