# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "5619685f6a080d4c3efd005d94d8be045ac954e4928978a779c32b70ee10115d",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "66ee94a03992075762e0c89f94457853a040f16499a65fbf3761fe21317d0e83",
    "generator/templates": "3b008639ab75d692c62256572407259ccce3a5994e04143c50a5e59f5745c7cd",
    "spec/foas.openapi.yaml": "eb8bb8168930286d16a0e85be43bfb876062a5c243337e5dd25f637a5a4a89b5",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
