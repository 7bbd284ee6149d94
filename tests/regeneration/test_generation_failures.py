"""Generation that cannot produce a working package stops with ``generator: <cause>`` and exit status 2, and the
package generated before stays as it was: a module that does not import, one that is not valid Python, a ruff
failure, an unexpected exception in a step."""

from __future__ import annotations

from pathlib import Path

from tests.regeneration.helpers import PACKAGE, assert_generation_stops


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_module_that_does_not_import_stops_generation(root: Path, pristine: Path) -> None:
    # cli/output is not imported by the package's __init__: the check imports every module. The installed
    # package has no such import, so the failure also shows that the staging package is the one imported.
    # The core is linked, not copied: the broken module is the package's at once, so only the generated
    # modules are compared with the package before.
    broken_import = "\nfrom foas_client import no_such_name\n\nVALUE = no_such_name\n"
    append(root / "generator/runtime/cli/output.py", broken_import)
    result = assert_generation_stops(
        root,
        pristine / PACKAGE,
        "the new foas_client does not import",
        "cannot import name 'no_such_name'",
        core_edited=True,
    )
    assert ".foas_client.staging/foas_client/_core/cli/output.py" in result.stderr


def test_a_module_that_is_not_valid_python_stops_generation_naming_file_and_line(root: Path, pristine: Path) -> None:
    runtime_module = root / "generator/runtime/http/limits.py"
    append(runtime_module, "\ndef broken(:\n")
    lines = len(runtime_module.read_text(encoding="utf-8").splitlines())
    assert_generation_stops(
        root,
        pristine / PACKAGE,
        f"generator/runtime/http/limits.py:{lines} is not valid Python",
        "def broken(:",
        core_edited=True,
    )


def test_a_ruff_failure_is_reported_with_ruffs_own_words(root: Path, pristine: Path) -> None:
    append(root / "generator/ruff-generated.toml", "\n[[[\n")
    assert_generation_stops(root, pristine / PACKAGE, "ruff check failed (exit 2)", "TOML parse error")


def test_an_unexpected_exception_names_the_step(root: Path, pristine: Path) -> None:
    (root / "spec/examples/Error.example.xml").unlink()  # referenced by the spec's externalValue
    assert_generation_stops(
        root, pristine / PACKAGE, "deriving foas_client/_examples.py failed: FileNotFoundError", "Error.example.xml"
    )
