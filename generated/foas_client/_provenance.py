# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "088cd754c915a0a72221c08f45d71060acc00d6752a1a39f6f306acaf67d61af",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/extensions": "fc7fe54704e2d30bf4a72a9a7dbb1f50f6f69afc7f3847d58ce7b40a2cfcba0e",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "01e85b1c60c6cef4b3d1a87c7528eee7fc48b633851ff7a230efd9969bfbdfa9",
    "generator/templates": "ace2891935066358506f9b4012a3890218d25624c2cf654b6dca5098982ba895",
    "spec/foas.openapi.yaml": "7abb182b6b6ed559df3e7301034ced425e739b83f3066b07c5702848bbbebad6",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
