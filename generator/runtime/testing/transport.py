"""A fake in process: httpx mock transports (sync and async) that act out its answers and faults.

They take anything that answers requests (``Answers``); the fake service does not know them.
"""

from __future__ import annotations

import asyncio
import time

import httpx

from .answers import Answer, Answers

__all__ = ["async_mock_transport", "mock_transport"]


def mock_transport(service: Answers) -> httpx.MockTransport:
    """An in-process transport for ``httpx.Client`` (or ``FoasClient(transport=...)``)."""

    def handle(request: httpx.Request) -> httpx.Response:
        answer = service.answer(request.method, request.url.raw_path.decode("ascii"), request.headers)
        time.sleep(_delay(answer))
        return _response(answer, request)

    return httpx.MockTransport(handle)


def async_mock_transport(service: Answers) -> httpx.MockTransport:
    """An in-process transport for ``httpx.AsyncClient`` (or ``AsyncFoasClient(transport=...)``)."""

    async def handle(request: httpx.Request) -> httpx.Response:
        answer = service.answer(request.method, request.url.raw_path.decode("ascii"), request.headers)
        await asyncio.sleep(_delay(answer))
        return _response(answer, request)

    return httpx.MockTransport(handle)


def _delay(answer: Answer) -> float:
    fault = answer.fault
    return answer.delay + (fault.seconds if fault is not None and fault.kind in ("delay", "slow_body") else 0.0)


def _response(answer: Answer, request: httpx.Request) -> httpx.Response:
    kind = answer.fault.kind if answer.fault is not None else None
    if kind == "reset":
        raise httpx.ReadError("connection reset by the fake", request=request)
    if kind == "truncate":
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body", request=request)
    return httpx.Response(answer.status, headers=dict(answer.headers), content=answer.body)
