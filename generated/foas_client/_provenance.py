# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "7254729ccf868837345bbd9f29cbf709f8e92944d99737f4e8621176ccf24ba5",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/extensions": "fc7fe54704e2d30bf4a72a9a7dbb1f50f6f69afc7f3847d58ce7b40a2cfcba0e",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "d5f4f2499f54328307641223451ec01e4fe3d9f4e78c91a031914684f4bff841",
    "generator/templates": "a2ac7e954932fc12345fef242aba8a08706f0bb4dc9f72f7c8c1627bf787ef2f",
    "spec/foas.openapi.yaml": "61097ab69e0677ed5772ce0b520b9b5070b71e4a159940b01f3fe8cbb15d4a38",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
