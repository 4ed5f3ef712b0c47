"""The POST /campaign body, with the customers' JSON spliced in as bytes (never parsed)."""

from __future__ import annotations

import json
from typing import Any

from pulumi_cozmox.core.resource.fields import INPUT_TO_API

__all__ = ["splice_body", "to_api_body"]


def to_api_body(props: dict[str, Any]) -> dict[str, Any]:
    """The POST body (API keys) for ``props``, without customers; None values left out."""
    return {
        api: props[key]
        for key, api in INPUT_TO_API.items()
        if key != "customers" and props.get(key) is not None
    }


def splice_body(fields: dict[str, Any], customers: bytes) -> bytes:
    """The POST /campaign JSON body: ``fields`` (API keys) with the customers' JSON bytes
    spliced in, never parsed."""
    head = json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    sep = b"," if len(head) > 2 else b""
    return head[:-1] + sep + b'"customers":' + customers + b"}"
