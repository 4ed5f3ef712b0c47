"""The native provider plugin ``pulumi-resource-cozmox``: the Campaign resource as
``cozmox:index:Campaign`` for every Pulumi language (YAML, TypeScript, ...) and for
``pulumi import``, over the same core as the dynamic provider (:mod:`pulumi_cozmox.core`).

- :mod:`~pulumi_cozmox.native.values`: the engine's values <-> the core's canonical inputs;
- :mod:`~pulumi_cozmox.native.server`: the gRPC servicer (Pulumi's provider protocol);
- ``schema.json``: the package schema, generated from the API's JSON Schema (``make schema``).
"""
