# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "cb7fee981af44ad724d95d769346081b48c0f6772e35e7221da8f007e19a6801",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "03afe93827041647899424cc458b403ab3eef681cff3f1853e04e93e54b4af86",
    "generator/templates": "ecd8dc53623b46d365145f925e71c07ed39ba2033f368698483b1ef0e0c057f3",
    "spec/foas.openapi.yaml": "8f2778c06166fa0d8df8032105a3653bbdac9ea1b441cc857ecb2c6a6c794ec4",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
