"""The bench's figures can fail: each measuring function, fed a clearly slower or bigger stand-in, says MISS.

No test here times the client: the stand-ins are sleeps, busy loops and allocations, and the only
assertions are about the comparison machinery (and about the baselines producing the client's data).
Sizes are tiny, so the whole file runs in a few seconds.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from foas_client import GetRefPackageJobResponse, JobList
from foas_client._core.testing.xml_writer import encode_xml
from foas_client._schema import API_VERSION, SHAPES
from foas_client.testing import TEST_CREDENTIALS, FakeFoasService, make_jobs
from tests.bench.baselines import as_builtins, hand_call, msgspec_decoder, signed_httpx_listing, xml_hand_walk
from tests.bench.measure import (
    Figure,
    Goal,
    Rounds,
    call_time,
    interleave,
    interleave_sides,
    peak_rss_kib,
    process_seconds,
)
from tests.bench.run import (
    ACCESS_KEY,
    GOALS,
    SECTIONS,
    Section,
    absolute_figure,
    cpu_figure,
    import_figure,
    main,
    per_call_figure,
    rss_figure,
    sides_figures,
)
from tests.bench.sweep import list_package_target
from tests.bench.workloads import floor_listing, signed_v3_request
from tests.support.pages import parameters, request_path

PYTHON = sys.executable
MIB = 1024  # peak RSS samples are in KiB


def busy(iterations: int) -> int:
    """CPU work that no sleep can stand in for."""
    return sum(range(iterations))


def test_the_verdict_is_the_median_ratio_not_the_best_round() -> None:
    rounds = Rounds(ours=(0.1, 5.0, 5.0), baseline=(1.0, 1.0, 1.0))
    assert rounds.low == pytest.approx(0.1)
    assert rounds.median == pytest.approx(5.0)
    assert not Goal(1.0, "≤ 1.0").met(rounds)


def test_rounds_alternate_and_swap_which_side_goes_first() -> None:
    order: list[str] = []

    def side(name: str) -> float:
        order.append(name)
        return 1.0

    interleave(lambda: side("ours"), lambda: side("base"), rounds=3)
    assert order == ["ours", "base", "base", "ours", "ours", "base"]


def test_sides_take_turns_in_a_rotating_order() -> None:
    order: list[str] = []

    def side(name: str) -> Callable[[], float]:
        return lambda: order.append(name) or 1.0  # type: ignore[func-returns-value]

    interleave_sides({name: side(name) for name in "abc"}, rounds=3)
    assert order == list("abcbcacab")


def test_a_client_slower_than_its_floor_misses_though_it_beats_the_peer() -> None:
    # The floor's goal holds on its own: a client far ahead of a slow peer still misses it when it
    # costs 2x what the floor does.
    def waits(seconds: float) -> Callable[[], float]:
        return call_time(lambda: time.sleep(seconds))

    sides = interleave_sides({"ours": waits(0.004), "floor": waits(0.002), "peer": waits(0.04)}, rounds=3)
    peer, floor = sides_figures(
        sides, [("cli-all", "", "ours", "peer", "peer"), ("cli-all/floor", "", "ours", "floor", "floor")]
    )
    assert peer.passed is True
    assert floor.passed is False
    assert floor.rounds.median > GOALS["cli-all/floor"].limit


def test_every_goal_belongs_to_a_figure_and_strict_fails_on_a_miss(monkeypatch: pytest.MonkeyPatch) -> None:
    # --strict exits 1 when a goal is missed, 0 otherwise; without it a run is a measurement (0).
    missed = Figure("cli-all", "slow", "peer", "s", Rounds((1.0,), (1.0,)), GOALS["cli-all"])
    met = Figure("generate", "quick", "—", "s", Rounds((1.0,), None), GOALS["generate"])
    for figures, strict, code in (([missed, met], True, 1), ([met], True, 0), ([missed], False, 0)):
        monkeypatch.setitem(SECTIONS, "generate", Section(lambda _, chosen=figures: list(chosen)))
        assert main(["--only", "generate", *(["--strict"] if strict else [])]) == code


def test_a_slower_decode_misses() -> None:
    body = json.dumps({"a": list(range(50))}).encode()

    def slow_decode() -> object:  # the same decode, plus 2 ms of waiting
        time.sleep(0.002)
        return json.loads(body)

    figure = per_call_figure(
        "x", "slow", slow_decode, "json.loads", lambda: json.loads(body), Goal(1.3, ""), rounds=3, number=5
    )
    assert figure.passed is False
    assert figure.rounds.median > 1.3


def test_the_same_work_on_both_sides_passes() -> None:
    # The machinery does not fail everything: equal sides give a ratio near 1.
    def work() -> None:
        time.sleep(0.002)

    figure = per_call_figure("x", "same", work, "same", work, Goal(1.5, ""), rounds=3, number=5)
    assert figure.passed is True


def test_more_cpu_per_request_misses() -> None:
    figure = cpu_figure(
        "x", "busy", lambda: busy(600_000), "less", lambda: busy(150_000), Goal(1.0, ""), rounds=3, per_call=10
    )
    assert figure.passed is False
    assert figure.rounds.median > 2


def processes(commands: dict[str, list[str]], *, rounds: int, jobs: int) -> dict[str, tuple[float, ...]]:
    """Whole processes taking turns, each listing ``jobs``, as the bench's cli-all figures measure them."""
    return interleave_sides(
        {name: process_seconds(command, jobs=jobs) for name, command in commands.items()}, rounds=rounds
    )


def test_a_slower_whole_process_misses() -> None:
    slow = [PYTHON, "-I", "-S", "-c", "import time; time.sleep(0.3); print(3)"]
    quick = [PYTHON, "-I", "-S", "-c", "print('{}\\n' * 3, end='')"]  # three JSON lines
    sides = processes({"slow": slow, "quick": quick}, rounds=2, jobs=3)
    (figure,) = sides_figures(sides, [("cli-all/floor", "slow", "slow", "quick", "quick")])
    assert figure.passed is False


@pytest.mark.parametrize("output", ["print(2)", "print('{}\\n' * 2, end='')", "pass"])
def test_a_process_that_lists_fewer_jobs_is_an_error_not_a_figure(output: str) -> None:
    short = [PYTHON, "-I", "-S", "-c", output]
    full = [PYTHON, "-I", "-S", "-c", "print(3)"]
    with pytest.raises(RuntimeError, match=r"listed [02] jobs, expected 3"):
        processes({"short": short, "full": full}, rounds=1, jobs=3)
    with pytest.raises(RuntimeError, match=r"listed [02] jobs, expected 3"):
        rss_figure("x", "short", short, "full", full, None, rounds=1, jobs=(3, 3))


def test_a_process_that_grows_with_the_input_misses() -> None:
    bloated = [PYTHON, "-I", "-S", "-c", "ballast = b'x' * (100 << 20); print(1)"]  # written, so resident
    lean = [PYTHON, "-I", "-S", "-c", "print(1)"]
    figure = rss_figure("x", "bloated", bloated, "lean", lean, Goal(1.1, ""), rounds=2, jobs=(1, 1))
    assert figure.passed is False
    assert min(figure.rounds.ours) > 100 * MIB


def test_the_callers_memory_does_not_reach_the_peak_rss_figure() -> None:
    # Linux carries RSS high-water marks across fork and exec: a child measured directly would
    # report this process's size. 200 MB of ballast here must leave the figure where it was.
    command = [PYTHON, "-I", "-S", "-c", "pass"]
    before = peak_rss_kib(command)()
    ballast = b"\xff" * (200 << 20)  # written, so resident
    after = peak_rss_kib(command)()
    assert len(ballast) == 200 << 20
    assert after < 60 * MIB, f"{after / MIB:.0f} MB: the caller's 200 MB reached the figure"
    assert abs(after - before) < 10 * MIB


def test_a_slower_import_misses(tmp_path: Path) -> None:
    (tmp_path / "heavy_standin.py").write_text("total = sum(range(3_000_000))\n")  # CPU at import time
    (tmp_path / "light_standin.py").write_text("total = 0\n")
    figure = import_figure(
        "x",
        "heavy",
        PYTHON,
        "import heavy_standin",
        "import light_standin",
        Goal(1.5, ""),
        rounds=1,
        path=[str(tmp_path)],
    )
    assert figure.passed is False


def test_an_absolute_figure_over_its_limit_misses() -> None:
    command = [PYTHON, "-I", "-S", "-c", "import time; time.sleep(0.2)"]
    assert absolute_figure("x", "slow", command, Goal(0.1, "≤ 0.1 s"), rounds=1).passed is False


# -- the baselines produce what the client produces -----------------------------------------------


def small_page() -> dict[str, object]:
    jobs = make_jobs(3, project_name="p", package_name="k.jar")
    page = GetRefPackageJobResponse(
        request_id="r", page_index=1, page_size=3, total_count=3, total_page=1, jobs=JobList(job=jobs)
    )
    return page.to_dict()


def test_the_msgspec_structs_read_the_page_as_the_client() -> None:
    document = small_page()
    assert as_builtins(msgspec_decoder()(json.dumps(document).encode())) == document


def test_the_xml_hand_walk_reads_the_page_as_the_client() -> None:
    document = small_page()
    assert xml_hand_walk(encode_xml(document, "GetRefPackageJobResponse", SHAPES)) == document


def test_the_hand_signed_get_passes_the_fakes_signature_check() -> None:
    service = FakeFoasService(credentials=[TEST_CREDENTIALS])
    service.add_jobs("p", "k.jar", make_jobs(5, project_name="p", package_name="k.jar"))
    with service.serve() as fake, httpx.Client() as http:
        listing = signed_httpx_listing(http, fake.base_url, ACCESS_KEY, project="p", package="k.jar", page_size=2)
        assert listing() == 5
    assert set(service.signature_versions) == {"v3"}  # as the client signs by default
    with service.serve() as fake, httpx.Client() as http:
        forged = signed_httpx_listing(
            http, fake.base_url, (ACCESS_KEY[0], "wrong"), project="p", package="k.jar", page_size=2
        )
        with pytest.raises(RuntimeError, match="400"):
            forged()


def test_the_hand_made_requests_are_the_ones_the_spec_describes() -> None:
    # The floors' requests, as they send them: GetRefPackageJob (signed) and the sweep's ListPackage.
    target, headers = signed_v3_request(
        "foas.test", ACCESS_KEY, project="p", package="k 1.jar", page_size=2, page_index=3
    )
    assert (headers["x-acs-action"], headers["x-acs-version"]) == ("GetRefPackageJob", API_VERSION)
    project, package = (p["name"] for p in parameters(location="path"))
    (listed,) = (p["name"] for p in parameters("ListPackage", location="path"))
    for operation_id, sent_target, path_values in (
        ("GetRefPackageJob", target, {project: "p", package: "k 1.jar"}),
        ("ListPackage", list_package_target("p 1", 3), {listed: "p 1"}),
    ):
        path, _, query = sent_target.partition("?")
        assert path == request_path(operation_id, **path_values)
        sent = [pair.partition("=")[0] for pair in query.split("&")]
        assert sent == sorted(sent)  # as V3 signs them
        # A new optional parameter may be left out.
        assert set(sent) <= {p["name"] for p in parameters(operation_id, location="query")}


@pytest.mark.parametrize("on_httpx", [False, True], ids=["http.client", "httpx"])
def test_the_floor_lists_every_job_past_the_fakes_signature_check(on_httpx: bool) -> None:
    service = FakeFoasService(credentials=[TEST_CREDENTIALS])
    service.add_jobs("p", "k.jar", make_jobs(5, project_name="p", package_name="k.jar"))
    with service.serve() as fake:
        listing = floor_listing(
            fake.base_url, ACCESS_KEY, project="p", package="k.jar", page_size=2, threads=2, on_httpx=on_httpx
        )
        assert listing() == 5


def test_the_hand_written_call_passes_the_fakes_signature_check_and_reads_the_page() -> None:
    service = FakeFoasService(credentials=[TEST_CREDENTIALS])
    jobs = make_jobs(3, project_name="p", package_name="k.jar")
    service.add_jobs("p", "k.jar", jobs)
    with httpx.Client(base_url="http://foas.test", transport=service.transport()) as http:
        page = as_builtins(hand_call(http, ACCESS_KEY, project="p", package="k.jar", page_size=3)())
    assert page["Jobs"]["Job"] == [job.to_dict() for job in jobs]
    assert list(service.signature_versions) == ["v3"]


def test_the_hand_signed_v3_request_is_refused_with_another_secret() -> None:
    service = FakeFoasService(credentials=[TEST_CREDENTIALS])
    target, headers = signed_v3_request(
        "foas.test", (ACCESS_KEY[0], "wrong"), project="p", package="k.jar", page_size=2, page_index=1
    )
    with httpx.Client(base_url="http://foas.test", transport=service.transport()) as http:
        assert http.get(target, headers=headers).status_code == 400
