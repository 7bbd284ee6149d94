# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""The documents that fields embed (``x-embedded-schema``): a module of TypedDicts per JSON Schema.

- ``execution_plan``: spec/plan.schema.json, for Job.PlanJson
"""
