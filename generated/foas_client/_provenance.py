# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "c6c753f13c1e42938919fe9f58248106e16335ee691b0250630b685b8f1f1390",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/extensions": "fc7fe54704e2d30bf4a72a9a7dbb1f50f6f69afc7f3847d58ce7b40a2cfcba0e",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "68e09957c428177b5b380d92a95054d065d1972b57b4d5a8933126273bcbb4dd",
    "generator/templates": "f6f7dcf02fa6e503d6f9411b099bbbac2530e3b7aed10a26d0f7bf793e4eb8b7",
    "spec/foas.openapi.yaml": "c8f52db8e9493d741e21a6ba34eea0a7df54500e7129e0ecec1395e0e56c833c",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
