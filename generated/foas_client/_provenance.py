# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "a1336783787bfefdd749f1ed17a7706c638b60f40bb77b4a4bfb2acc571636db",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/extensions": "fc7fe54704e2d30bf4a72a9a7dbb1f50f6f69afc7f3847d58ce7b40a2cfcba0e",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "c805dae4dcbb3c1c390f570afca1a509bca6f673ba5e58ad8e3a17e4a69fb8d1",
    "generator/templates": "ccc86bc1665a805e13882d528febe9d08df728c0b1bef73e23682b26fb5a974d",
    "spec/foas.openapi.yaml": "41eca71982c016934479ca8da9a5bfed611866101d1d734bb2a70a16c4b855f5",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
