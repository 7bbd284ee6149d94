# Generated from spec/foas.openapi.yaml and generator/templates/layers/__main__.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""``python -m foas_client``: the ``foas`` command."""

from ._cli import main

if __name__ == "__main__":  # importing the module (a docs tool, a walk over the package) runs nothing
    raise SystemExit(main())
