# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "18e6e9f370a676969d6981d7cd6cec08d331fa02fc83c7b9a96dae06f994b301",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/extensions": "fc7fe54704e2d30bf4a72a9a7dbb1f50f6f69afc7f3847d58ce7b40a2cfcba0e",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "862045368e9d8cd53939758932e300051d6e707d28af0c8b3bff755ba12d9cd2",
    "generator/templates": "7a01e1a09b0cc71ad2d9b7ce488cfc931c501fad73763cd0cec8a80e0b4ac259",
    "spec/foas.openapi.yaml": "d629133549bf8e9badd9ca3dea3f796ab2b54a4b7403626e68b4bd7987baee3b",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
