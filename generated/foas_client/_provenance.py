# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "bef91024c11ac0991222d0641db39e16eacc1fabb131ea930600d8d449ff1f11",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "2f2033069902ae4975910378568ef3fbef629f0c2c4b31dddf65315310fb8e4d",
    "generator/templates": "2cc8bcd428efc54bcbdb47b026ed5a0ac8caa7febf13c54a491812a55dd5597e",
    "spec/foas.openapi.yaml": "abb6400dd470834c910e24d9225ceb34b37ee8bd47ba16d951bab8f66923f8f9",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
