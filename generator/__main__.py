"""``python -m generator [--output DIR] [--check]``: regenerate the package and its API reference, or check both."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from generator.api_reference import REFERENCE
from generator.drift import compare_outputs
from generator.generator_error import GeneratorError
from generator.pipeline import PACKAGE, ROOT, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "--output", type=Path, help="directory to write foas_client/ and api.md into (default: generated/)"
    )
    parser.add_argument(
        "--check", action="store_true", help="regenerate into a temporary directory and fail on any difference"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        if args.check:
            with tempfile.TemporaryDirectory() as scratch:
                generate(ROOT, Path(scratch))
                differences = compare_outputs(ROOT / "generated", Path(scratch), PACKAGE, [REFERENCE])
            if differences:
                print("generated/ differs from what spec/ and generator/ produce:", file=sys.stderr)
                for line in differences:
                    print(f"  {line}", file=sys.stderr)
                print("run `make generate` and commit the result", file=sys.stderr)
                return 1
            print(
                f"generated/{PACKAGE} and generated/{REFERENCE} match spec/ and generator/"
                f" ({time.perf_counter() - started:.1f} s)"
            )
            return 0
        package = generate(ROOT, args.output)
    except GeneratorError as exc:
        print(f"generator: {str(exc) or 'stopped without saying why (a bug in generator/)'}", file=sys.stderr)
        return 2
    print(f"wrote {package} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
