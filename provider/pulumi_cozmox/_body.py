"""The POST /campaign body, with the customers' JSON spliced in as bytes (never parsed)."""

from __future__ import annotations

import json
from typing import Any

from pulumi_cozmox._customers import customers_json
from pulumi_cozmox._fields import INPUT_TO_API

__all__ = ["create_body_bytes", "to_api_body"]


def to_api_body(props: dict[str, Any]) -> dict[str, Any]:
    """The POST body (API keys) for ``props``, without customers; None values left out."""
    return {
        api: props[key]
        for key, api in INPUT_TO_API.items()
        if key != "customers" and props.get(key) is not None
    }


def create_body_bytes(props: dict[str, Any]) -> bytes:
    """The POST /campaign JSON body with the customers' canonical JSON spliced in as bytes.

    The customers are decompressed but never parsed. Raises ValueError for a malformed blob.
    """
    head = json.dumps(to_api_body(props), separators=(",", ":"), ensure_ascii=False)
    customers = customers_json(props["customers"])
    body = head.encode("utf-8")
    sep = b"," if len(body) > 2 else b""
    return body[:-1] + sep + b'"customers":' + customers + b"}"
