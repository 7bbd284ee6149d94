"""Tracing with OpenTelemetry (the ``otel`` extra): one span per attempt, each carrying the ROA action.

``opentelemetry-instrumentation-httpx`` instruments httpx's transports, below the client's retries, so
each attempt (re-signed, with its own Date and nonce) is a span of its own. The action is a header
(``x-acs-action``), which the instrumentation's ``request_hook`` puts on the span, as README shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from foas_client import FoasClient
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, Fault
from tests.support.pages import operation

ACTION = operation("GetRefPackageJob")["operationId"]
PROJECT, PACKAGE = (p["example"] for p in operation(ACTION)["parameters"] if p["in"] == "path")


def action_on_span(span: Any, request: Any) -> None:
    """The instrumentation's request hook: the ROA action of the request, as a span attribute."""
    span.set_attribute("foas.action", request.headers.get("x-acs-action", ""))


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    instrumentor = HTTPXClientInstrumentor()
    instrumentor.instrument(tracer_provider=provider, request_hook=action_on_span)
    try:
        yield exporter
    finally:
        instrumentor.uninstrument()


def test_each_attempt_is_a_span_carrying_the_action(spans: InMemorySpanExporter) -> None:
    service = FakeFoasService.with_documented_jobs()
    with service.serve() as fake:
        service.inject(Fault.error(503))  # the first attempt fails, the second succeeds
        with FoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS, max_attempts=2) as client:
            page = client.get_ref_package_job(PROJECT, PACKAGE)
    assert page.jobs.job
    finished = spans.get_finished_spans()
    assert len(finished) == 2 == service.requests
    assert [span.attributes["foas.action"] for span in finished] == [ACTION, ACTION]
    statuses = [
        span.attributes.get("http.response.status_code", span.attributes.get("http.status_code")) for span in finished
    ]
    assert statuses == [503, 200]  # (the attribute's name depends on the semantic conventions chosen)
