"""A fake of the GetRefPackageJob service for your tests: in process or on loopback, no cloud account.

    from foas_client import FoasClient
    from foas_client.testing import FakeFoasService, Fault, TEST_CREDENTIALS, make_jobs

    service = FakeFoasService.with_documented_jobs()    # project1 / package1.jar -> the documented job
    service.add_jobs("project1", "big.jar", make_jobs(2_345, project_name="project1", package_name="big.jar"))
    with service.serve() as fake:                       # real HTTP on 127.0.0.1
        with FoasClient(endpoint=fake.base_url, credentials=TEST_CREDENTIALS) as client:
            page = client.get_ref_package_job("project1", "big.jar", page_size=100)
    client = FoasClient(credentials=TEST_CREDENTIALS, transport=service.transport())   # in process
    service.inject(Fault.error(503), Fault.throttle(), Fault.reset())                  # the next three requests

The fake checks ROA signatures against its credentials (``TEST_CREDENTIALS`` by default), answers
JSON or XML by ``Accept``, pages by ``pageIndex``/``pageSize`` with correct totals, answers
Alibaba-style errors, and acts out the faults queued with ``inject``. With pytest, the
``foas_fake`` fixture (registered by this package's pytest plugin) gives a running loopback fake.
"""

from ._fake_data import documented_page, make_jobs
from ._fake_server import LoopbackFake
from ._fake_service import TEST_CREDENTIALS, Answer, FakeFoasService, Fault, Misbehaviour

__all__ = [
    "TEST_CREDENTIALS",
    "Answer",
    "FakeFoasService",
    "Fault",
    "LoopbackFake",
    "Misbehaviour",
    "documented_page",
    "make_jobs",
]
