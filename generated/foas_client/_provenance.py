# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "f6f94794d0f42b4fecde477539c321e654924e903608f7b4bc4aa33d24ca753d",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "5bf236bc08d2e4b1b970622995921affc981f73f1e24a85836ef9297dbd0bcfc",
    "generator/templates": "1ba72bddb390698ae1468b78a931395d37f16d35082c2a9943b14e865583ed0c",
    "spec/foas.openapi.yaml": "4fd83f02fcaf87450d926042359d65f19c6889a426192354ff07ced00584558e",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
