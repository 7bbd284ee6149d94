# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "a3ee2650d2e371ba27422502b83025b0599aae93b5a428d7501109e5742c9d72",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/extensions": "fc7fe54704e2d30bf4a72a9a7dbb1f50f6f69afc7f3847d58ce7b40a2cfcba0e",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "b80365f50a57ee159991b55a9224abb30c27a4c7027cd2514ca790d9411dd33e",
    "generator/templates": "ffe3cda9bf3ecfd50126a507911240bd5564873065147fcabaf027fe6494c978",
    "spec/foas.openapi.yaml": "c73f436528eac1487a69331cfd16292d49b89ba5b5753dbc9f61e8f70571d07f",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
