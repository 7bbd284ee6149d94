# Generated from spec/foas.openapi.yaml and generator/templates/layers/testing.py.jinja by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""A fake of the Realtime Compute (foas) — GetRefPackageJob service for your tests: in process or on loopback, no cloud account.

    from foas_client import FoasClient
    from foas_client.testing import FakeFoasService, Fault, TEST_CREDENTIALS

    service = FakeFoasService.with_documented_examples()   # the spec's documented answers
    service.add_jobs("p1", "p2", make_jobs(2_345, project_name="p1", package_name="p2"))
    with service.serve() as fake:                          # real HTTP on 127.0.0.1
        with FoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS) as client:
            items = list(client.iter_jobs("p1", "p2", page_size=100))
    client = FoasClient(credentials=TEST_CREDENTIALS, transport=service.transport())   # in process
    service.inject(Fault.error(503), Fault.throttle(), Fault.reset())                  # the next three requests

The fake routes every operation of the spec by method and path, refuses the parameters the spec
refuses (400 InvalidParameter), checks ROA signatures against its credentials (``TEST_CREDENTIALS``
by default), answers JSON or XML by ``Accept``, pages the operations with ``x-pagination`` with
correct totals, answers Alibaba-style errors, and acts out the faults queued with ``inject``. With
pytest, the ``foas_fake`` fixture (registered by this package's pytest plugin) gives a running
loopback fake. ``python -m foas_client.testing serve`` runs it as its own process (``--help``).

Operations: GetRefPackageJob (``add_jobs``, ``jobs``, ``make_jobs``), ListProject (``add_projects``, ``projects``, ``make_projects``), ListPackage (``add_packages``, ``packages``, ``make_packages``), GetPackage (``set_get_package``), DeletePackage (``set_delete_package``).
"""

from ._core.testing.answers import Answer, Fault, Misbehaviour
from ._core.testing.estate import Estate, EstateOwner
from ._core.testing.service import TEST_CREDENTIALS, RequestRecord
from ._fake import _OPERATIONS, FakeFoasService, LoopbackFake, documented_page, make_jobs, make_packages, make_projects

__all__ = [
    "Answer",
    "Estate",
    "EstateOwner",
    "FakeFoasService",
    "Fault",
    "LoopbackFake",
    "Misbehaviour",
    "RequestRecord",
    "TEST_CREDENTIALS",
    "documented_page",
    "make_jobs",
    "make_packages",
    "make_projects",
]


def _add_generated(service: FakeFoasService, count: int, seed: int) -> None:
    """``count`` generated items for each paged operation, under the spec's example path arguments."""
    arguments = _OPERATIONS["GetRefPackageJob"].example_arguments()
    service.add_jobs(
        arguments["projectName"],
        arguments["packageName"],
        make_jobs(count, project_name=arguments["projectName"], package_name=arguments["packageName"], seed=seed),
    )
    arguments = _OPERATIONS["ListProject"].example_arguments()
    service.add_projects(
        make_projects(count, seed=seed),
    )
    arguments = _OPERATIONS["ListPackage"].example_arguments()
    service.add_packages(
        arguments["projectName"],
        make_packages(count, project_name=arguments["projectName"], seed=seed),
    )


if __name__ == "__main__":  # python -m foas_client.testing serve [...]
    import sys

    from ._core.testing.cli import EstateOptions, main

    # serve --projects N --packages M --referenced FRACTION --jobs-per-package K: FakeFoasService.with_estate
    estate = EstateOptions(
        ("projects", "packages", "jobs"),
        "jobs-per-package",
        lambda top, nested, referenced, per_item, seed: FakeFoasService.with_estate(
            projects=top, packages=nested, referenced=referenced, jobs_per_package=per_item, seed=seed
        ),
    )
    sys.exit(main(sys.argv[1:], FakeFoasService.with_documented_examples, _add_generated, estate=estate))
