"""A CI guard and a destructive command, over loopback HTTP against the fake.

Paged commands take ``--exit-code`` (0: the complete listing is empty; 1: it has an item; a failure
2 or more) and ``--count``. A destructive command (a DELETE in the spec, or ``x-destructive``) asks on
a terminal, refuses without one unless ``--yes`` is given, and ``--dry-run`` prints the signed request
and sends nothing. Which commands are which comes from the spec.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

import pytest

from foas_client._cli import ExitCode, main
from foas_client._core.cli.destructive import DeclinedError, confirm
from foas_client._core.credentials import ENV_SECURITY_TOKEN
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, Fault, LoopbackFake, make_jobs
from tests.support.pages import operations, parameters, python_name, request_path

LISTING_ID = "GetRefPackageJob"
LISTING = python_name(LISTING_ID).replace("_", "-")
PROJECT, USED, UNUSED = "team α", "used one.jar", "unused.jar"
JOBS = 45  # more than one page of the fake's default size
# What the generator derives a destructive command from: the operation's x-destructive, else its method.
DESTRUCTIVE = sorted(
    op for op, (method, _, spec) in operations().items() if spec.get("x-destructive", method == "DELETE")
)
KEPT = sorted(set(operations()) - set(DESTRUCTIVE))

pytestmark = pytest.mark.usefixtures("environment")


def command(operation_id: str) -> str:
    return python_name(operation_id).replace("_", "-")


def path_options(operation_id: str) -> tuple[list[str], dict[str, str]]:
    """The operation's required options on the command line, and the path arguments they give."""
    values = {p["name"]: f"{p['name']} x/ü" for p in parameters(operation_id, location="path")}
    argv = [f"--{python_name(name).replace('_', '-')}" for name in values]
    return [token for option, value in zip(argv, values.values(), strict=True) for token in (option, value)], values


@pytest.fixture
def service() -> FakeFoasService:
    service = FakeFoasService.with_documented_examples()
    service.add_jobs(PROJECT, USED, make_jobs(JOBS, project_name=PROJECT, package_name=USED))
    return service


@pytest.fixture
def fake(service: FakeFoasService) -> Iterator[LoopbackFake]:
    with service.serve() as fake:
        yield fake


# -- --exit-code and --count ----------------------------------------------------------------------


@pytest.mark.parametrize("wire", ["json", "xml"])
@pytest.mark.parametrize(("package", "expected"), [(USED, ExitCode.API_ERROR), (UNUSED, ExitCode.OK)])
def test_exit_code_says_whether_the_complete_listing_has_an_item(foas, wire: str, package: str, expected: int) -> None:
    where = ["--project-name", PROJECT, "--package-name", package, "--response-format", wire]
    run = foas(LISTING, *where, "--exit-code", "--output", "jsonl")
    assert (run.code, run.err) == (expected, "")
    assert len(run.out.splitlines()) == (JOBS if package == USED else 0)  # every page, as --all reads


def test_exit_code_tells_an_error_from_an_answer(foas, service: FakeFoasService) -> None:
    service.inject(Fault.error(403, "Forbidden.RAM"))  # not retried: the first answer is the last
    run = foas(LISTING, "--project-name", PROJECT, "--package-name", UNUSED, "--exit-code")
    assert run.code == ExitCode.UNDECIDED and "Forbidden.RAM" in run.err
    service.inject(Fault.error(403, "Forbidden.RAM"))
    assert foas(LISTING, "--project-name", PROJECT, "--package-name", UNUSED).code == ExitCode.API_ERROR  # as before


def test_exit_code_on_a_listing_that_breaks_off_is_a_failure(foas, service: FakeFoasService) -> None:
    service.inject(Fault.malformed())  # the first page is not a page: nothing can be decided
    run = foas(LISTING, "--project-name", PROJECT, "--package-name", USED, "--exit-code", "--max-attempts", "1")
    assert run.code >= 2 and run.code not in (ExitCode.OK, ExitCode.API_ERROR)


@pytest.mark.parametrize("wire", ["json", "xml"])
def test_count_prints_the_number_of_items_in_the_complete_listing_only(foas, wire: str) -> None:
    for package, jobs in ((USED, JOBS), (UNUSED, 0)):
        run = foas(LISTING, "--project-name", PROJECT, "--package-name", package, "--count", "--response-format", wire)
        assert (run.code, run.out, run.err) == (ExitCode.OK, f"{jobs}\n", "")
    both = foas(LISTING, "--project-name", PROJECT, "--package-name", USED, "--count", "--exit-code")
    assert (both.code, both.out) == (ExitCode.API_ERROR, f"{JOBS}\n")


def test_every_paged_command_has_the_guard_options(capsys: pytest.CaptureFixture[str]) -> None:
    for operation_id, (_, _, spec) in operations().items():
        capsys.readouterr()
        assert main([command(operation_id), "--help"]) == 0
        shown = capsys.readouterr().out
        assert ("--exit-code" in shown and "--count" in shown) == ("x-pagination" in spec), operation_id


# -- destructive commands -------------------------------------------------------------------------


@pytest.mark.parametrize("operation_id", KEPT)
def test_a_command_that_destroys_nothing_has_no_confirmation(
    capsys: pytest.CaptureFixture[str], operation_id: str
) -> None:
    assert main([command(operation_id), "--help"]) == 0
    shown = capsys.readouterr().out
    assert "--yes" not in shown and "--dry-run" not in shown


@pytest.mark.parametrize("operation_id", DESTRUCTIVE)
def test_without_a_terminal_a_delete_is_refused_unless_yes(foas, service: FakeFoasService, operation_id: str) -> None:
    argv, _ = path_options(operation_id)
    before = service.requests
    run = foas(command(operation_id), *argv)
    assert run.code == ExitCode.USAGE and "--yes" in run.err and len(run.err.splitlines()) == 1
    assert service.requests == before  # nothing was sent
    sent = foas(command(operation_id), *argv, "--yes", "--output", "json")
    assert sent.code == ExitCode.OK and len(service.deletes) == 1


@pytest.mark.parametrize("operation_id", DESTRUCTIVE)
@pytest.mark.parametrize("signature", ["v3", "v1"])
def test_dry_run_prints_the_signed_request_and_sends_nothing(
    foas, service: FakeFoasService, monkeypatch: pytest.MonkeyPatch, operation_id: str, signature: str
) -> None:
    monkeypatch.setenv(ENV_SECURITY_TOKEN, "sts-token-that-must-not-show")
    argv, values = path_options(operation_id)
    before = service.requests
    run = foas(command(operation_id), *argv, "--dry-run", "--signature-version", signature)
    assert (run.code, run.err) == (ExitCode.OK, "")
    assert service.requests == before
    first, *headers = run.out.splitlines()
    method, url = first.split(" ", 1)
    assert method == operations()[operation_id][0]
    assert unquote(urlsplit(url).path) == unquote(request_path(operation_id, **values))
    fields = dict(line.split(": ", 1) for line in headers[:-1])
    assert fields["x-acs-action"] == operation_id
    assert "<redacted>" in fields["authorization"] and TEST_CREDENTIALS.access_key_id in fields["authorization"]
    assert fields["x-acs-security-token"] == "<redacted>"
    assert TEST_CREDENTIALS.access_key_secret not in run.out and "sts-token-that-must-not-show" not in run.out
    assert headers[-1] == "dry run: nothing was sent"


def test_a_terminal_is_asked_and_only_yes_goes_ahead() -> None:
    def ask(answer: str) -> str:
        err = io.StringIO()
        confirm("DELETE it", yes=False, stdin=io.StringIO(answer), stderr=err, is_terminal=lambda _: True)
        return err.getvalue()

    assert ask("y\n").endswith("[y/N] ") and ask("YES\n")
    for answer in ("n\n", "\n", "", "yes please\n"):
        with pytest.raises(DeclinedError) as declined:
            ask(answer)
        assert not declined.value.usage and "not confirmed" in str(declined.value)


def test_without_a_terminal_nothing_is_read() -> None:
    stdin = io.StringIO("y\n")  # a pipe's "y" is no confirmation: nobody saw the question
    with pytest.raises(DeclinedError) as declined:
        confirm("DELETE it", yes=False, stdin=stdin, stderr=io.StringIO(), is_terminal=lambda _: False)
    assert declined.value.usage and stdin.tell() == 0
    confirm("DELETE it", yes=True, stdin=stdin, stderr=io.StringIO(), is_terminal=lambda _: False)
