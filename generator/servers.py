"""Where requests go: the defaults of the first server's URL variables and its ``x-endpoints`` table."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.generator_error import GeneratorError


def server_defaults(spec: Mapping[str, Any]) -> dict[str, str]:
    """The default of each variable of the spec's first server URL."""
    variables = spec["servers"][0].get("variables", {})
    return {name: str(variable["default"]) for name, variable in variables.items()}


_HOST = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*", re.ASCII)


def server_endpoints(spec: Mapping[str, Any]) -> dict[str, str]:
    """The base URL of each region the first server's ``x-endpoints`` names, by region ID.

    ``x-endpoints`` maps a host to the regions sent there; the URL keeps the server URL's scheme.
    A region absent from the result follows the server URL template.

    Raises:
        GeneratorError: ``x-endpoints`` is not a mapping of host names to lists of region IDs, or
            names a region twice.
    """
    server = spec["servers"][0]
    table = server.get("x-endpoints", {})
    scheme = str(server["url"]).partition("://")[0]
    if not isinstance(table, dict):
        raise GeneratorError("servers[0].x-endpoints: expected a mapping of host to a list of region IDs")
    found: dict[str, str] = {}
    for host, regions in table.items():
        if not (isinstance(host, str) and _HOST.fullmatch(host)):
            raise GeneratorError(f"servers[0].x-endpoints: {host!r} is not a host name")
        if not (isinstance(regions, list) and all(isinstance(region, str) for region in regions)):
            raise GeneratorError(f"servers[0].x-endpoints.{host}: expected a list of region IDs")
        for region in regions:
            if region in found:
                raise GeneratorError(f"servers[0].x-endpoints: region {region!r} is listed twice")
            found[region] = f"{scheme}://{host}"
    return dict(sorted(found.items()))
