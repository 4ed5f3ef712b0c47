"""Build-time code generation for pulumi-cozmox (not shipped: ``make schema`` runs it).

- :mod:`cozmox_codegen.schema`: the vendored OpenAPI document -> JSON Schemas (``schema/``);
- :mod:`cozmox_codegen.typeddicts`: the generated JSON Schema -> TypedDicts
  (``provider/pulumi_cozmox/types.py``);
- :mod:`cozmox_codegen.pulumischema`: the JSON Schema and the field table -> the native
  plugin's package schema (``provider/pulumi_cozmox/native/schema.json``);
- :mod:`cozmox_codegen.resource`: the field table -> the Python resource's arguments
  (``provider/pulumi_cozmox/_args.py``) and ``docs/campaign.md``;
- ``python -m cozmox_codegen``: writes them all (``--check``: compares them instead).
"""
