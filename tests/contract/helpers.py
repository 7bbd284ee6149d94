"""Shared by the contract, unit and regeneration tests: repository paths, the documented example bodies,
and a real ``foas_client.Client`` whose transport is an ``httpx.MockTransport`` recording what was sent."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from foas_client import Client, RetryPolicy
from tests.support.pages import page

ROOT = Path(__file__).resolve().parents[2]
SPEC_DIR = ROOT / "spec"
EXAMPLES_DIR = SPEC_DIR / "examples"
BASE_URL = "https://foas.cn-hangzhou.aliyuncs.com"
RESPONSE = "GetRefPackageJobResponse"


@dataclass(frozen=True)
class Example:
    """One documented body under ``spec/examples`` and the Content-Type it is served with."""

    file: str
    content_type: str

    @property
    def body(self) -> bytes:
        return (EXAMPLES_DIR / self.file).read_bytes()


JSON_DOC = Example("GetRefPackageJob.documented.json", "application/json")
XML_FRAGMENT = Example("GetRefPackageJob.documented.xml", "application/xml")  # the vendor's rootless siblings
XML_ROOTED = Example("GetRefPackageJob.rooted.xml", "text/xml;charset=utf-8")
DOCUMENTED = (JSON_DOC, XML_FRAGMENT, XML_ROOTED)
ERROR_JSON = Example("Error.example.json", "application/json")
ERROR_XML = Example("Error.example.xml", "application/xml")


@dataclass
class FakeServer:
    """Answers every request with one canned response and keeps the requests it saw.

    By default the response is a valid empty page (the fields every page carries, no jobs).
    """

    status: int = 200
    body: bytes = field(default_factory=lambda: json.dumps(page()).encode())
    content_type: str | None = "application/json"
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        headers = {"Content-Type": self.content_type} if self.content_type else {}
        return httpx.Response(self.status, content=self.body, headers=headers)

    def client(self) -> Client:
        """A real client (sync and async) whose httpx transport is this fake; one attempt per call, so
        that each call is one answer (the retries have tests of their own)."""
        return Client(
            base_url=BASE_URL, httpx_args={"transport": httpx.MockTransport(self)}, retry=RetryPolicy(max_attempts=1)
        )


def serving(example: Example, status: int = 200) -> FakeServer:
    return FakeServer(status=status, body=example.body, content_type=example.content_type)
