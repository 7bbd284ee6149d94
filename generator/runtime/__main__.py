"""``python -m foas_client``: the ``foas`` command."""

from ._cli import main

raise SystemExit(main())
