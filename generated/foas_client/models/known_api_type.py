# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
from enum import Enum


class KnownApiType(str, Enum):
    """API types documented by the vendor."""

    DATASTREAM = "DATASTREAM"
    SQL = "SQL"

    def __str__(self) -> str:
        return str(self.value)
