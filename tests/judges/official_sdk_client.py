"""Calls the fake as a team using the official legacy Python SDK would, and prints what it got as JSON.

Run by the interpreter of a venv holding aliyun-python-sdk-core and aliyun-python-sdk-foas (and nothing
of this project): ``python official_sdk_client.py <base URL> <AccessKeyId> <AccessKeySecret>``. The
SDK is pointed at the fake by its own means: ``AcsClient(port=...)`` and, per request,
``set_endpoint(host)`` and ``set_protocol_type("http")``. Each call's outcome is a JSON object; an
exception other than the SDK's ``ServerException`` is recorded by its class name, not raised, so the
test can say which call failed and how.
"""

from __future__ import annotations

import json
import sys
import warnings
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.client import AcsClient
from aliyunsdkfoas.request.v20181111.GetRefPackageJobRequest import GetRefPackageJobRequest

REGION = "cn-hangzhou"


def request(host: str, package: str, accept: str = "JSON", page: tuple[int, int] | None = None) -> Any:
    built = GetRefPackageJobRequest()
    built.set_endpoint(host)
    built.set_protocol_type("http")
    built.set_accept_format(accept)
    built.set_projectName("project1")
    built.set_packageName(package)
    if page is not None:
        built.set_pageIndex(page[0])
        built.set_pageSize(page[1])
    return built


def page_of(body: bytes) -> dict[str, Any]:
    answer = json.loads(body)
    return {
        "PageIndex": answer["PageIndex"],
        "PageSize": answer["PageSize"],
        "TotalCount": answer["TotalCount"],
        "TotalPage": answer["TotalPage"],
        "JobIds": [job["JobId"] for job in answer["Jobs"]["Job"]],
        "JobNames": [job["JobName"] for job in answer["Jobs"]["Job"]],
    }


def outcome(call: Any) -> dict[str, Any]:
    try:
        return {"ok": call()}
    except ServerException as error:
        return {
            "ServerException": {
                "code": error.get_error_code(),
                "status": error.get_http_status(),
                "request_id": error.get_request_id(),
                "message": error.get_error_msg(),
            }
        }
    except Exception as error:  # recorded, not raised: the IndexError the issue saw, for one
        return {"exception": type(error).__name__, "message": str(error)}


def xml_page(client: AcsClient, host: str) -> dict[str, Any]:
    # do_action_with_exception always asks for JSON; get_response keeps the request's format.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        status, headers, body = client.get_response(request(host, "package1.jar", accept="XML"))
    root = ElementTree.fromstring(body)
    return {
        "status": status,
        "content_type": headers.get("Content-Type"),
        "root": root.tag,
        "TotalCount": root.findtext("TotalCount"),
        "JobNames": [job.findtext("JobName") for job in root.iter("Job")],
    }


def main(base_url: str, access_key_id: str, access_key_secret: str) -> None:
    address = urlsplit(base_url)
    host, port = address.hostname or "", address.port or 80
    client = AcsClient(access_key_id, access_key_secret, REGION, port=port, timeout=10, connect_timeout=5)
    wrong = AcsClient(access_key_id, access_key_secret + "-wrong", REGION, port=port, timeout=10, connect_timeout=5)
    results = {
        "json": outcome(lambda: page_of(client.do_action_with_exception(request(host, "package1.jar")))),
        "xml": outcome(lambda: xml_page(client, host)),
        "pages": [
            outcome(
                lambda index=index: page_of(
                    client.do_action_with_exception(request(host, "package1.jar", page=(index, 10)))
                )
            )
            for index in (1, 2)
        ],
        "space": outcome(lambda: page_of(client.do_action_with_exception(request(host, "my pkg.jar")))),
        "chinese": outcome(lambda: page_of(client.do_action_with_exception(request(host, "中文包.jar")))),
        "wrong_secret": outcome(lambda: page_of(wrong.do_action_with_exception(request(host, "package1.jar")))),
    }
    sys.stdout.write(json.dumps(results, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
