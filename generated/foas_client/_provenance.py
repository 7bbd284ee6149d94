# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "f975662193b6e8d427a353dbce0101c60996393e029f8a1acb1b73300426e9c6",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "565adf7f0ec1c5c4ce83be5923e3fdfd297f309c591dfd8b6f3d5f4e8481e25a",
    "generator/templates": "a671922b3da9f07f14052debab095fe4731ec3058a157206bd2af5a6c6766daa",
    "spec/foas.openapi.yaml": "5b615324cfb86d1461210d1ba130597d4230c19fd31ae3d6f2a37d632e69bf45",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
