"""The conventions of a command that destroys (a DELETE, or an operation marked ``x-destructive``).

- On a terminal it asks before it sends anything; ``--yes`` answers for the user.
- Without a terminal (a script, a CI job) it refuses unless ``--yes`` is given: nothing reads the question.
- ``--dry-run`` prints the signed request it would send, and sends nothing.

The dry run signs the request through the client's own path (the same URL, headers, and signature as a
real call), by a transport that keeps the request instead of sending it. What it prints is that request,
but for its signature and any security token: a signature that was never used is a live authorisation of
this very DELETE for as long as the service accepts its date, so it is left out, as a secret is.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import IO, Any

import httpx

from ..errors import FoasError
from .output import _isatty

__all__ = ["DeclinedError", "DryRun", "add_options", "can_ask", "confirm", "describe_request"]

_REDACTED = "<redacted>"
# Where each signature version puts the signature (ACS3: "...,Signature=<hex>"; ROA v1: "acs <id>:<base64>").
_SIGNATURES = (re.compile(r"(Signature=)[^,\s]+"), re.compile(r"^(acs [^:\s]+:)\S+$"))
_SECRET_HEADERS = frozenset({"x-acs-security-token"})


class DeclinedError(FoasError):
    """The user did not confirm a destructive command (or could not: no terminal and no ``--yes``)."""

    def __init__(self, message: str, *, usage: bool) -> None:
        super().__init__(message)
        self.usage = usage  # True: refused for want of --yes (a usage error), False: the user said no


class DryRun(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A transport that keeps the first request it is handed (signed by then) and sends nothing.

    It stops the call by raising ``DryRun.Kept``, which no retry policy retries.
    """

    class Kept(Exception):  # not an error: the dry run's way out of the call
        def __init__(self, request: httpx.Request) -> None:
            super().__init__("dry run: the request was kept, not sent")
            self.request = request

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise DryRun.Kept(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise DryRun.Kept(request)


def add_options(group: argparse._ArgumentGroup) -> None:
    """``--yes`` and ``--dry-run``, on a destructive command."""
    group.add_argument("--yes", action="store_true", help="do not ask for confirmation (needed without a terminal)")
    group.add_argument(
        "--dry-run",
        action="store_true",
        help="print the signed request it would send (signature and token left out), and send nothing",
    )


def describe_request(request: httpx.Request) -> str:
    """The request as text: its method and URL, then each header (``name: value``), signature and tokens redacted."""
    lines = [f"{request.method} {request.url}"]
    for name, value in request.headers.items():
        if name.lower() == "authorization":
            for pattern in _SIGNATURES:
                value = pattern.sub(lambda match: match.group(1) + _REDACTED, value)
        elif name.lower() in _SECRET_HEADERS:
            value = _REDACTED
        lines.append(f"{name}: {value}")
    return "\n".join(lines) + "\n"


def can_ask(stdin: IO[str], stderr: IO[str], *, is_terminal: Callable[[Any], bool] | None = None) -> bool:
    """Whether a question on ``stderr`` can be answered on ``stdin``: both are terminals."""
    terminal = is_terminal or _isatty
    return terminal(stdin) and terminal(stderr)


def confirm(
    what: str,
    *,
    yes: bool,
    stdin: IO[str] | None = None,
    stderr: IO[str] | None = None,
    is_terminal: Callable[[Any], bool] | None = None,
) -> None:
    """Returns when the destructive ``what`` (e.g. ``DELETE /api/...``) may go ahead: ``yes``, or the user typed y.

    Raises:
        DeclinedError: no terminal to ask on and no ``yes`` (``usage=True``), or the user said anything but y.
    """
    if yes:
        return
    stdin = stdin or sys.stdin
    stderr = stderr or sys.stderr
    if not can_ask(stdin, stderr, is_terminal=is_terminal):
        raise DeclinedError(f"{what}: not sent; without a terminal to ask on, give --yes", usage=True)
    stderr.write(f"{what}\nSend it? [y/N] ")
    stderr.flush()
    answer = stdin.readline().strip().lower()
    if answer not in ("y", "yes"):
        raise DeclinedError(f"{what}: not sent (not confirmed)", usage=False)
