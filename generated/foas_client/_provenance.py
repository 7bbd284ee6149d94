# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "c7ea3d8d80a4232b0450c3b7d8957d2e2b6eeaee5d43c4f490d172e636725ff8",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/extensions": "fc7fe54704e2d30bf4a72a9a7dbb1f50f6f69afc7f3847d58ce7b40a2cfcba0e",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "2a0296c9b24a49fe4b18d120360547f078017a60f3ce5541a472718ea573e794",
    "generator/templates": "05802fa7185e747c0255f0e74b8037482af69f45ce46de8aab0db8c7a0b6ac78",
    "spec/foas.openapi.yaml": "1bf612b1c81a94cd4458135498c33341adca29c04413d70defe2dc73ba736eb4",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
