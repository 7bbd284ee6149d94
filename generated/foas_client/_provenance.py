# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "2c8ef7ddc2bb5800ac54b0e2cf9127dbdea129cd342474c9a8694697c1239865",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "e5541a60c11987e5826fbe91a8948a75b6127c3b0e94f7379ffbfaf63ffd33df",
    "generator/templates": "9c8499afa438877f6083754a8a01ffcfdd8c6231a64cdfca62439c8e9ce02f3a",
    "spec/foas.openapi.yaml": "4fd83f02fcaf87450d926042359d65f19c6889a426192354ff07ced00584558e",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
