# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
from enum import Enum


class KnownJobType(str, Enum):
    """Job types documented by the vendor: FLINK_STREAM (流作业, streaming) and FLINK_BATCH
    (批作业, batch).
    """

    FLINK_BATCH = "FLINK_BATCH"
    FLINK_STREAM = "FLINK_STREAM"

    def __str__(self) -> str:
        return str(self.value)
