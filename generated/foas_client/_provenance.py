# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "34e9dc71543f9d672ea7db18c3964c4150ff23104fe96887d1d48b232706ad2c",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "255c31e104f9a70566fd6f018192091e5aebb2a348559b000dd8b0d75a5c074f",
    "generator/templates": "fad62065da6b1b3bdba7d41fe2be02c3a6a5e9a86c2e704e09e7d20a5915bac1",
    "spec/foas.openapi.yaml": "4fd83f02fcaf87450d926042359d65f19c6889a426192354ff07ced00584558e",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
