# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "556b59064f2c54fec948c0c07ce0a41e986c6b0ce62d89f2127bbc7c5b77e2e3",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "31894f0b2a10f67d0e7f0f2db76de65e5a93082a29e9892393d91f907e768e5e",
    "generator/templates": "e5287b4676ea7d6b5ca56b120439c56cd4e1d1ed46e99a295ddfac6fdd369783",
    "spec/foas.openapi.yaml": "eb8bb8168930286d16a0e85be43bfb876062a5c243337e5dd25f637a5a4a89b5",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
