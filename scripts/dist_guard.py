"""`make dist`'s guard: refuse to build a release whose version is lower than its API changes require.

The minimum comes from the API check (scripts/api_check.py): the last release's version raised by
the bump that the changes since it need. Exits 0 with one line when pyproject.toml's version is at
least that (or nothing is released yet), 1 with a one-line reason when it is not.
"""

from __future__ import annotations

import sys

from scripts.api_check import assess, project_version, version_is_enough


def refusal(version: str, minimum: str) -> str | None:
    """Why ``version`` cannot be released when the API changes require at least ``minimum``; None when it can
    (a pre-release of the minimum, ``0.3.0rc1`` for ``0.3.0``, can)."""
    if version_is_enough(version, minimum):
        return None
    return f"pyproject.toml's version {version} is lower than {minimum}, the minimum that the API changes require"


def main() -> int:
    assessment = assess()
    version = project_version()
    if assessment is None:
        print(f"dist guard: nothing released yet, any version goes ({version})")
        return 0
    reason = refusal(version, assessment.minimum)
    if reason is not None:
        print(
            f"dist guard: {reason} since {assessment.release.ref} (a {assessment.bump} bump; "
            "`python -m scripts.api_check --changelog` lists them)",
            file=sys.stderr,
        )
        return 1
    print(f"dist guard: {version} is at least {assessment.minimum}, the minimum since {assessment.release.ref}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
