# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "0e6016ce436db95dd3766e6582e88d94f8c775e0a4d2d5f2935c313b030c590d",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "43f5fd0b4612cdb1fde0aa5784c6af1e2f02a3b893438718d64b0fb3904aa62d",
    "generator/templates": "5f4ca29e822a2dcb127c63669e9d46453e1ed8c668c903697dc638ba70b16420",
    "spec/foas.openapi.yaml": "5b615324cfb86d1461210d1ba130597d4230c19fd31ae3d6f2a37d632e69bf45",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
