# Generated from the inputs listed below by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""Where this package came from: the digests of its inputs and the versions of the tools."""

INPUTS_SHA256: dict[str, str] = {
    "generator/*.py": "34e9dc71543f9d672ea7db18c3964c4150ff23104fe96887d1d48b232706ad2c",
    "generator/config.yaml": "5bfc500386bc59d5085c521f517b3dbb5ff18b2e6ef7f3a0fbebb71d229dc9e2",
    "generator/ruff-generated.toml": "242dd51d205406f242c79e1b8e8ab42c73c77e7d18f2371c13cf8f19c7e5a6af",
    "generator/runtime": "552e93f2f84d123f0cdd39a215e8d1d31a12d73da3ffdc3f43cc9eda68a9cba4",
    "generator/templates": "961b81421ecccaf82dc64c65da1bc5e462baf709074d1d83a997b75462f80f66",
    "spec/foas.openapi.yaml": "5c7cbdad73e0cc534d44cafba8648b8b7a1b93147865508e9a4d635fa184ade7",
    "spec/plan.schema.json": "56c562f960aebd19d07de1ef10914146493171555eec8d51a84729f12a0fc1e0",
}

TOOLS: dict[str, str] = {"datamodel-code-generator": "0.89.0", "openapi-python-client": "0.29.1", "ruff": "0.17.5"}
