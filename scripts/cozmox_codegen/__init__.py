"""Build-time code generation for pulumi-cozmox (not shipped: ``make schema`` runs it).

- :mod:`cozmox_codegen.schema`: the vendored OpenAPI document -> JSON Schemas (``schema/``);
- :mod:`cozmox_codegen.typeddicts`: the generated JSON Schema -> TypedDicts
  (``provider/pulumi_cozmox/types.py``);
- ``python -m cozmox_codegen``: writes both (``--check``: compares them instead).
"""
