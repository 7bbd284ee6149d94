"""JSON bodies decode the same with the optional fast parser (msgspec, the ``speedups`` extra) and without it.

msgspec reads a body first when it is installed; whatever it refuses, the standard library's json reads
or refuses, so values and error messages are json's own either way. The dev requirements install
msgspec, so this process tests that path; the whole JSON decoding suite also runs again in a fresh
interpreter where msgspec cannot be imported.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from foas_client import GetRefPackageJobResponse, decode_body
from foas_client._core.decoding.responses import json_parser
from foas_client.errors import DecodeError
from tests.support.pages import page

ROOT = Path(__file__).resolve().parents[2]
RESPONSE = "GetRefPackageJobResponse"


def test_the_fast_parser_is_used_when_installed() -> None:
    pytest.importorskip("msgspec", reason="requirements-dev.txt installs it")
    assert json_parser() == "msgspec"


def test_the_json_decoding_suite_passes_without_the_fast_parser() -> None:
    code = (
        "import sys; sys.modules['msgspec'] = None\n"  # as installed without the speedups extra
        "from foas_client._core.decoding.responses import json_parser\n"
        "assert json_parser() == 'json', json_parser()\n"
        "import pytest\n"
        "sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', 'tests/unit/test_decode_json.py',"
        " 'tests/unit/test_json_parsers.py::test_values_are_the_standard_librarys',"
        " 'tests/unit/test_json_parsers.py::test_errors_are_the_standard_librarys',"
        " 'tests/contract/test_documented_examples.py']))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def same(left: Any, right: Any) -> bool:
    """Equal, with the same types all the way down (1 and 1.0 differ), NaN equal to NaN."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(same(left[key], right[key]) for key in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, float) and math.isnan(left):
        return math.isnan(right)
    return bool(left == right)


def completed(document: str) -> str:
    """The JSON object ``document`` (text), preceded by the fields of a valid page that it does not name.

    The page is complete (an empty job list unless ``document`` has one), so that what a decoder
    returns is what json reads, with nothing filled in.
    """
    others = [
        f"{json.dumps(name)}: {json.dumps(value)}"
        for name, value in page(Jobs={"Job": []}).items()
        if json.dumps(name) not in document
    ]
    return "{" + ", ".join(others) + ", " + document.lstrip().removeprefix("{")


# Documents that fit the spec, with the values where JSON parsers are known to differ in unknown fields
# (they land in additional_properties as parsed): msgspec refuses some, which json reads.
EDGE_DOCUMENTS = [
    pytest.param(
        completed('{"RequestId": "r", "Big": 18446744073709551616, "Small": -9223372036854775809}').encode(),
        id="big-ints",
    ),
    pytest.param(completed('{"RequestId": "r", "Huge": 100000000000000000000000000000}').encode(), id="huge-int"),
    pytest.param(
        completed('{"RequestId": "r", "Real": 0.1, "Exp": 1E+2, "Tiny": 1e-400, "NegZero": -0.0}').encode(),
        id="floats",
    ),
    pytest.param(
        completed('{"RequestId": "r", "Inf": 1e400, "NaN": NaN, "MinusInf": -Infinity}').encode(), id="non-finite"
    ),
    pytest.param(completed('{"RequestId": "\\ud83d\\ude00 paired"}').encode(), id="surrogate-pair"),
    pytest.param(b"\xef\xbb\xbf" + completed('{"RequestId": "bom"}').encode(), id="utf8-bom"),
    pytest.param(completed('{"RequestId": "utf-16 \u4f5c\u4e1a"}').encode("utf-16"), id="utf16"),
    pytest.param(completed('{"RequestId": "utf-32"}').encode("utf-32-le"), id="utf32"),
    pytest.param(completed('{"RequestId": "a", "RequestId": "b", "TotalCount": 1}').encode(), id="duplicate-keys"),
    pytest.param(completed('{"RequestId": "\u4f5c\u4e1a\\u00e9\\n\\"", "Jobs": {"Job": [{}]}}').encode(), id="escapes"),
]


@pytest.mark.parametrize("body", EDGE_DOCUMENTS)
def test_values_are_the_standard_librarys(body: bytes) -> None:
    decoded = decode_body(body, "application/json", RESPONSE)
    assert same(decoded, json.loads(body))
    assert list(decoded) == list(json.loads(body))  # the document's order, too
    page = GetRefPackageJobResponse.from_dict(decoded)
    assert same(page.to_dict(), json.loads(body))


@pytest.mark.parametrize(
    ("body", "path"),
    [
        (completed('{"RequestId": "a\\ud800b"}').encode(), "RequestId"),
        (completed('{"Jobs": {"Job": [{}, {"JobName": "\\udfff"}]}}').encode(), "Jobs.Job[1].JobName"),
        (completed('{"\\udc00": 1}').encode(), "\udc00"),
    ],
)
def test_an_unpaired_surrogate_is_refused_with_its_path(body: bytes, path: str) -> None:
    """json reads a lone surrogate escape into a str no UTF-8 writer can encode: refused, by both parsers."""
    with pytest.raises(DecodeError) as caught:
        decode_body(body, "application/json", RESPONSE)
    assert caught.value.path == path


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'{"RequestId": "r"', id="truncated"),
        pytest.param(b'{"RequestId": "r"} trailing', id="trailing-data"),
        pytest.param(b'{"RequestId": "\xff"}', id="invalid-utf8"),
        pytest.param(b'{"RequestId": "r",}', id="trailing-comma"),
        pytest.param(b"[" * 3000, id="deep"),
        pytest.param(b"", id="empty"),
    ],
)
def test_errors_are_the_standard_librarys(body: bytes) -> None:
    with pytest.raises(DecodeError) as caught:
        decode_body(body, "application/json", RESPONSE)
    try:
        json.loads(body)
    except (ValueError, RecursionError) as exc:
        assert caught.value.reason == f"malformed JSON: {exc}"
    else:
        pytest.fail("json.loads read a body that decode_body refused")
