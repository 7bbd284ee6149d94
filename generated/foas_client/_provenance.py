# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "515f7bf5677d1d0f8e1dcda715b37f1ff12fc844efae7002571aee7a6b338121",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "90c7d904112f09a058d04409239c6d56c705ea048ec264fb218c70d02704f001",
    "generator/templates": "c0a05c10a2b8ed4114c152eb9927a14e6baa4fd24d1489fe4c6e0965e70b14e2",
    "spec/foas.openapi.yaml": "4fd83f02fcaf87450d926042359d65f19c6889a426192354ff07ced00584558e",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
