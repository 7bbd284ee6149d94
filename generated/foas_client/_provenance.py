# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "d52277a467c709c45928639fb4e6a853341356c33c268f2c742d5da5b586077c",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/extensions": "fc7fe54704e2d30bf4a72a9a7dbb1f50f6f69afc7f3847d58ce7b40a2cfcba0e",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "d92db571c9fa190f1cfe0e5362d17c85c1891d353814075c1f914225a7512ab7",
    "generator/templates": "4b4c5d85c1b14855b503729279b2ded7d81247c2d0b81f52d4433cc3a275b1e6",
    "spec/foas.openapi.yaml": "1bf612b1c81a94cd4458135498c33341adca29c04413d70defe2dc73ba736eb4",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
