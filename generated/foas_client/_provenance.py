# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "0750897a08ffde1300fe3bf867f31bd09965ac7b160793f3e9c4ca6554c046b9",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "30ad275d7d71fb51762890f7897698325d23673041fbc6f1ccd788f28fe33cf4",
    "generator/templates": "0785c05a8be7fb5e365678efcad354ed9c0a9947207359d647279b37952d70e5",
    "spec/foas.openapi.yaml": "53060b641fe7f0cd0a07f694c43e783f9e1cfbde6536dcd56f3fc08a8a2b7186",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
