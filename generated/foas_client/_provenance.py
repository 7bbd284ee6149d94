# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "6a6f9e5fadb36ff725e868c2861bc3fcbb7791b9d3f288f47d763ac14304c165",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/extensions": "fc7fe54704e2d30bf4a72a9a7dbb1f50f6f69afc7f3847d58ce7b40a2cfcba0e",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "a6aa5a4ad8e4d295ccb3514a0c0589a73f370d3077d1df238d3503531c95065a",
    "generator/templates": "3509aa5ad928a668cc2056884bdc694a887df4d65e44589d3a6a3ff824d3178e",
    "spec/foas.openapi.yaml": "1473bd36fe1d273189acb4c1cbea87f6eac730cb8fe3886dbcfa6f8f97d4fc9d",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
