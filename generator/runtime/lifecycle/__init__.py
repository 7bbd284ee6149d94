"""What deletes safely: a guard re-read before a DELETE, a sweep of every subject, and the evidence of each decision.

``DEFAULT_CONCURRENCY`` lives here, not in ``budget``: the clients and the command line name it as a
default, and importing the package costs nothing, while the modules are imported by the first sweep.
"""

DEFAULT_CONCURRENCY = 8  # requests in flight at once, across every listing of a sweep
