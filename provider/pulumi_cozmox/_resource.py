"""The ``Campaign`` resource: typed, snake_case arguments -> the props the provider sees.

Its arguments and outputs come from the field table (``_args.py``, generated from
:data:`pulumi_cozmox.core.resource.fields.FIELDS`). Customers cross the engine as one
compressed JSON string (a secret): the SDK serializes 10,000 nested customer objects in ~21 s,
but one string in well under a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import MISSING, fields
from typing import Any

import pulumi
from pulumi.dynamic import Resource
from typing_extensions import Unpack

from pulumi_cozmox._args import CampaignArgs, CampaignKwargs, CampaignOutputs
from pulumi_cozmox._keywords import mistake as keyword_mistake
from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.core.model.customers_file import SOURCE_KEY, source_prop
from pulumi_cozmox.core.resource.fields import OUTPUT_TO_API
from pulumi_cozmox.provider import CampaignProvider

__all__ = ["Campaign", "CampaignArgs"]

#: The arguments a Campaign needs.
REQUIRED = tuple(f.name for f in fields(CampaignArgs) if f.default is MISSING)
#: Every argument a Campaign takes, by keyword.
ARGUMENTS = tuple(f.name for f in fields(CampaignArgs))


def _encoded_customers(customers: Any) -> tuple[pulumi.Input[str], pulumi.Input[int]]:
    """The customers blob and count; computed at once for plain data, so both are known at
    preview, or through the Output machinery when the list holds Outputs."""
    if isinstance(customers, Sequence) and not isinstance(customers, str | bytes):
        try:
            return encode_customers(list(customers)), len(customers)
        except TypeError:
            pass  # holds Outputs (or values JSON cannot hold): resolve them first
    resolved = pulumi.Output.from_input(customers)
    count = pulumi.Output.unsecret(resolved.apply(len))
    return resolved.apply(lambda items: encode_customers(list(items))), count


def _args(resource_name: str, args: CampaignArgs | None, given: dict[str, Any]) -> CampaignArgs:
    """The arguments, given either as ``args=CampaignArgs(...)`` or as keywords (not both)."""
    keywords = {k: v for k, v in given.items() if v is not None and v is not False}
    if args is not None and keywords:
        raise pulumi.RunError(
            f"Campaign {resource_name!r}: pass the arguments either as args=CampaignArgs(...) "
            f"or as keywords, not both (keywords given: {', '.join(keywords)})"
        )
    if args is not None:
        return args
    mistake = keyword_mistake(f"Campaign {resource_name!r}", given, ARGUMENTS, REQUIRED)
    if mistake is not None:
        # RunError: the program stops with this one line, no traceback (a type checker
        # already flags the typo in an editor: the keywords are typed, CampaignKwargs).
        raise pulumi.RunError(mistake)
    return CampaignArgs(**given)


class Campaign(Resource, CampaignOutputs, module="cozmox", name="Campaign"):
    """A Cozmox outbound call campaign. Creating one dials its customers."""

    def __init__(
        self,
        resource_name: str,
        args: CampaignArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Unpack[CampaignKwargs],
    ) -> None:
        args = _args(resource_name, args, dict(kwargs))
        props: dict[str, Any] = dict(vars(args))
        props["ended"] = props.get("ended") or None
        # Names the resource in the provider's messages; the provider never compares it.
        props["resource_name"] = resource_name
        blob, count = _encoded_customers(args.customers)
        # Customers' numbers and emails are personal data: secret in inputs and outputs.
        props["customers"] = pulumi.Output.secret(blob)
        props["customer_count"] = count
        # Where a file's customers are (lines, no value): check names them by file and line.
        props[SOURCE_KEY] = source_prop(args.customers)
        props.update(dict.fromkeys(OUTPUT_TO_API))
        defaults = pulumi.ResourceOptions(
            additional_secret_outputs=["customers"], delete_before_replace=True
        )
        super().__init__(
            CampaignProvider(), resource_name, props, pulumi.ResourceOptions.merge(defaults, opts)
        )
