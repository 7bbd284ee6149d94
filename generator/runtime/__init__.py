"""The core: the hand-written machinery every operation shares, knowing no operation.

It imports nothing generated and names no operation, parameter or field of the spec; the generated
modules at the package root hand it what it needs as data. Grouped by job:

- ``http``: the client core (settings, the connection pool, one request path), signing, retries,
  response limits, the attempt timeout and the attempt log;
- ``decoding``: JSON and XML bodies into models, validated against the spec's shapes;
- ``paging``: every page or item of a paged operation, in order, with guards;
- ``cli``: the ``foas`` command's machinery and its output formats;
- ``testing``: the fake of the service (in process, over loopback HTTP, as a process);
- at the top: the error tree, credentials, argument checks, the shapes and ``UNSET``, used by all.

Views of the documents a field embeds (an execution plan, ``.properties`` text) are not the core's:
they are extensions (``foas_client._extensions``), which the spec binds to its fields.
"""
