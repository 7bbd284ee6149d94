# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "f67ade9681988d756edcc4a2566c1a4a1ae66669e0f3718fa34b63913ccc30e3",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/extensions": "fc7fe54704e2d30bf4a72a9a7dbb1f50f6f69afc7f3847d58ce7b40a2cfcba0e",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "4d7281c14563bb58eff2e5a9cdea9337ceb1f656039cbedf8d13b5590045cf8f",
    "generator/templates": "e77582a9a94c34a4555384d25c08a7dc73ada748b94bf9dd70c865759db80a0a",
    "spec/foas.openapi.yaml": "1bf612b1c81a94cd4458135498c33341adca29c04413d70defe2dc73ba736eb4",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
