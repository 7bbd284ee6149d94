# Copied from generator/runtime/_fake_data.py by generator/ (`make generate`). Do not edit here: edit the source.
"""Data for the testing fake: the documented job, and any number of realistic generated jobs."""

from __future__ import annotations

import json
import random
import string

import httpx

from ._examples import EXAMPLES
from ._responses import decode_response
from ._schema import SHAPES
from .api.packages import get_ref_package_job
from .models import GetRefPackageJobResponse, Job, KnownApiType, KnownJobType

__all__ = ["documented_page", "make_jobs"]

_EPOCH_2019_MS = 1_546_300_800_000
_YEAR_MS = 365 * 24 * 3600 * 1000
_OPERATORS = [
    ("Source: Kafka Source", "Data Source"),
    ("Timestamps/Watermarks", "Operator"),
    ("Filter -> Map", "Operator"),
    ("Window(TumblingEventTimeWindows(60000), EventTimeTrigger, AggregateFunction)", "Operator"),
    ("Sink: Hologres Sink", "Data Sink"),
]


def documented_page(operation_id: str = get_ref_package_job.OPERATION_ID) -> GetRefPackageJobResponse:
    """The vendor's documented JSON example of the operation, decoded like any response."""
    body = EXAMPLES[operation_id]["200"]["application/json"]["documented"]
    response = httpx.Response(200, content=body, headers={"Content-Type": "application/json"})
    return decode_response(response, GetRefPackageJobResponse.from_dict, GetRefPackageJobResponse.__name__, SHAPES)


def make_jobs(count: int, *, project_name: str, package_name: str, seed: int = 0) -> list[Job]:
    """``count`` realistic, distinct jobs referencing ``package_name`` (about 2.5 KB each on the wire).

    Deterministic for a given ``seed``; JobIds are unique and ordered as the fake serves them.
    """
    rng = random.Random(seed)
    return [_job(rng, index, project_name, package_name) for index in range(count)]


def _job(rng: random.Random, index: int, project_name: str, package_name: str) -> Job:
    created = _EPOCH_2019_MS + rng.randrange(_YEAR_MS)
    is_sql = rng.random() < 0.4
    name = f"{rng.choice(['etl', 'risk', 'ads', 'billing', 'search'])}_{rng.choice(['stream', 'agg', 'sync'])}_{index}"
    return Job(
        job_id=f"{index:08d}" + "".join(rng.choices(string.ascii_lowercase + string.digits, k=16)),
        job_name=name,
        project_name=project_name,
        packages=",".join([package_name, *rng.sample(["common-udf.jar", "connectors-2.1.jar", "metrics.jar"], 1)]),
        api_type=KnownApiType.SQL if is_sql else KnownApiType.DATASTREAM,
        job_type=KnownJobType.FLINK_BATCH if rng.random() < 0.1 else KnownJobType.FLINK_STREAM,
        cluster_id=f"et2cloud{rng.randrange(10_000):04d}",
        engine_version=rng.choice(["blink-3.4.4", "blink-3.6.0", "vvr-4.0.15-flink-1.13"]),
        creator=str(1_709_064_687_573_327 + rng.randrange(100)),
        modifier=str(1_709_064_687_573_327 + rng.randrange(100)),
        create_time=created,
        modify_time=created + rng.randrange(_YEAR_MS // 4),
        folder_id=10_000 + rng.randrange(500),
        is_committed=rng.random() < 0.8,
        queue_name=f"root.{project_name}",
        description=rng.choice(["", "nightly backfill", "owner: data platform", "see runbook"]),
        code=(f"blink.main.class=com.example.jobs.Job{index}\r\nblink.job.name={name}"),
        properties=(
            "#checkpoint模式:EXACTLY_ONCE 或者 AT_LEAST_ONCE\n"
            f"blink.checkpoint.mode={rng.choice(['EXACTLY_ONCE', 'AT_LEAST_ONCE'])}\n"
            f"blink.checkpoint.interval.ms={rng.choice([60000, 180000])}\n"
            f"state.backend.rocksdb.ttl.ms={rng.choice([86400000, 129600000])}\n"
        ),
        plan_json=_plan(rng),
    )


def _plan(rng: random.Random) -> str:
    nodes = []
    for node_id, (kind, pact) in enumerate(_OPERATORS, start=1):
        node: dict[str, object] = {
            "id": node_id,
            "type": kind,
            "pact": pact,
            "contents": kind,
            "parallelism": rng.choice([1, 2, 4, 8]),
        }
        if node_id > 1:
            strategy = rng.choice(["FORWARD", "HASH", "REBALANCE", "KEY-GROUP"])
            node["predecessors"] = [{"id": node_id - 1, "ship_strategy": strategy, "side": "second"}]
        nodes.append(node)
    return json.dumps({"nodes": nodes}, indent=2)
