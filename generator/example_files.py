"""The response examples the spec references by ``externalValue``, read byte for byte."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any


def examples(spec: Mapping[str, Any], spec_dir: Path) -> dict[str, dict[str, dict[str, dict[str, bytes]]]]:
    """The bytes of every response example the spec references by ``externalValue``.

    Keyed by operationId, status (``200``, ``4XX``...), media type and example name.
    """
    responses = spec.get("components", {}).get("responses", {})
    found: dict[str, dict[str, dict[str, dict[str, bytes]]]] = {}
    for path_item in spec.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            by_status = found.setdefault(operation["operationId"], {})
            for status, response in operation.get("responses", {}).items():
                if "$ref" in response:
                    response = responses[response["$ref"].rpartition("/")[2]]
                for media, content in response.get("content", {}).items():
                    for name, example in content.get("examples", {}).items():
                        if "externalValue" in example:
                            data = (spec_dir / example["externalValue"]).read_bytes()
                            by_status.setdefault(str(status), {}).setdefault(media, {})[name] = data
    return found
