"""Refresh: what a campaign read from the API means in the program's terms (inputs, outputs)."""

from __future__ import annotations

from typing import Any

from pulumi_cozmox.core.model.compare import field_schema, same_value
from pulumi_cozmox.core.model.customers import (
    customers_digest,
    decode_customers,
    digest_of,
    encode_customers,
)
from pulumi_cozmox.core.resource.fields import (
    ENDED,
    INPUT_KEYS,
    INPUT_TO_API,
    OUTPUT_TO_API,
    STATE_ONLY,
    UNCOMPARED,
)

__all__ = ["outputs_from_api", "project_inputs"]


def _project_customers(server: list[Any], declared_blob: Any) -> str:
    if isinstance(declared_blob, str):
        try:
            if digest_of(server) == customers_digest(declared_blob):
                return declared_blob
            if same_value(server, decode_customers(declared_blob), field_schema("customers")):
                return declared_blob
        except ValueError:
            pass
    return encode_customers(server)


def project_inputs(api_campaign: dict[str, Any], declared: dict[str, Any]) -> dict[str, Any]:
    """The inputs an API campaign corresponds to, for refresh to compare with ``declared``.

    Keeps only the keys ``declared`` has. A value equal to the declared one up to the defaults
    the contract documents or date-time formatting (:mod:`pulumi_cozmox.core.model.compare`)
    keeps the declared form, so an unchanged campaign gives ``declared`` back (customers: the
    identical blob) and shows no drift; any other difference, a key someone added in the
    dashboard included, shows the server's value. State-only inputs are kept as declared.
    """
    result: dict[str, Any] = {}
    for key, value in declared.items():
        if key in UNCOMPARED:
            result[key] = value
            continue
        if key not in INPUT_KEYS:
            continue
        if key == ENDED:
            result[key] = value  # a campaign that ended by itself did what it was asked
            continue
        if key in STATE_ONLY:
            result[key] = value
            if key == "customer_count" and isinstance(api_campaign.get("customers"), list):
                result[key] = len(api_campaign["customers"])
            continue
        server = api_campaign.get(INPUT_TO_API[key])
        if key == "customers":
            # A campaign always has customers; if a response left them out, keep the declared.
            result[key] = _project_customers(server, value) if isinstance(server, list) else value
        elif same_value(server, value, field_schema(INPUT_TO_API[key])):
            result[key] = value
        else:
            result[key] = server
    return result


def outputs_from_api(api_campaign: dict[str, Any]) -> dict[str, Any]:
    """The server-managed outputs (snake_case) of an API campaign; None where absent."""
    return {key: api_campaign.get(api) for key, api in OUTPUT_TO_API.items()}
