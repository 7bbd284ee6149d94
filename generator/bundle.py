"""The spec as one self-contained OpenAPI document: every ``externalValue`` example inlined as a ``value``.

Tools that read one file (Prism, Spectral, another language's generator, a reader of the published
package) do not load ``externalValue``; the bundled document carries the example files themselves:
a JSON file parsed into the value, any other file (XML) as its text, unchanged.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

Keep = Callable[[str, Path], bool]


def _keep_all(media: str, file: Path) -> bool:
    return True


def inline_examples(spec: dict[str, Any], spec_dir: Path, *, keep: Keep = _keep_all) -> int:
    """Replaces, in place, each ``externalValue`` in ``spec`` by a ``value``; returns how many were inlined.

    A file (resolved against ``spec_dir``, the spec's directory) ending in ``.json`` becomes its parsed
    JSON; any other file becomes its text, decoded as UTF-8 and otherwise untouched. ``keep(media_type,
    file)`` chooses the examples kept; the others are removed, and an ``examples`` left empty with them.

    Raises:
        OSError: a referenced file cannot be read.
        ValueError: a ``.json`` file is not valid JSON, or a file is not UTF-8.
    """
    inlined = 0

    def walk(node: Any, media: str) -> None:
        nonlocal inlined
        if isinstance(node, dict):
            examples = node.get("examples")
            if isinstance(examples, dict):
                for name, example in list(examples.items()):
                    if isinstance(example, dict) and "externalValue" in example:
                        file = (spec_dir / example.pop("externalValue")).resolve()
                        if not keep(media, file):
                            del examples[name]
                            continue
                        text = file.read_text(encoding="utf-8")
                        example["value"] = json.loads(text) if file.suffix == ".json" else text
                        inlined += 1
                if not examples:
                    del node["examples"]
            for key, value in node.items():
                # A key with a slash is a media type: the examples below it are that media type's.
                walk(value, key if "/" in key else media)
        elif isinstance(node, list):
            for item in node:
                walk(item, media)

    walk(spec, "")
    return inlined


def bundled(spec: Mapping[str, Any], spec_dir: Path) -> dict[str, Any]:
    """A deep copy of ``spec`` with every ``externalValue`` example inlined (``spec`` is left as it is)."""
    document = copy.deepcopy(dict(spec))
    inline_examples(document, spec_dir)
    return document


def render(document: Mapping[str, Any]) -> str:
    """``document`` as the JSON text the package ships: the spec's key order, UTF-8 text, a final newline.

    JSON rather than YAML so that a reader needs nothing beyond its standard library.
    """
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
