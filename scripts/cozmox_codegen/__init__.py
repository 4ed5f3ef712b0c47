"""Build-time code generation for pulumi-cozmox (not shipped: ``make schema`` runs it).

- :mod:`cozmox_codegen.schema`: the vendored OpenAPI document -> JSON Schemas (``schema/``);
- ``python -m cozmox_codegen``: writes them (``--check``: compares them instead).
"""
