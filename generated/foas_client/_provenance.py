# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "a6fe4c50d82d49c051ea30b40a9a775d3e53aa788da24127a40437009c3416cf",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "b80e890a91ca50a9cc5de5ef7cc1d54ebbc87274ac66999f5ba9e932942e2020",
    "generator/templates": "4df99f9454d02a96fe9802d4d4b18c27910ee21b4dd2634245bdf14a2dbc432a",
    "spec/foas.openapi.yaml": "70b9b6c541aa3baee00fa240d7c778711905faadc06f7eb60a6ab6a39f545f76",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
