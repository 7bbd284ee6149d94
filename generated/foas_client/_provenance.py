# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "a36ddbd12db57318c1e7335bf944e5100a74dce3ad36a1ddaf299299ce2397fe",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "5bf236bc08d2e4b1b970622995921affc981f73f1e24a85836ef9297dbd0bcfc",
    "generator/templates": "1257a58b09a1af8c0179ffe54fcc754699101425409a7d51d8e6521704901392",
    "spec/foas.openapi.yaml": "4fd83f02fcaf87450d926042359d65f19c6889a426192354ff07ced00584558e",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
