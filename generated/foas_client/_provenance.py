# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "c97e60d2b64f0a01e8ff9518deefa6e69f89b4f767c5cc292121e94894679d9c",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "7e44b4e2defbbbd2251dd7d0597e150a40f88cdc8dd781a6a743a975a6a349c6",
    "generator/templates": "9aa570da2ba606f8c656bfe9d7ca139cce9ce952aaf23ec2713d274fbe1bb8c0",
    "spec/foas.openapi.yaml": "8fe9ed0c5353d11bfbe6b0d3732bec669d3a59689cf9bbd077b06f6524fe145a",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
