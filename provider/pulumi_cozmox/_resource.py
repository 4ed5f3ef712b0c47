"""The ``Campaign`` resource: typed, snake_case arguments -> the props the provider sees.

Customers cross the engine as one compressed JSON string (a secret): the SDK serializes
10,000 nested customer objects in ~21 s, but one string in well under a second.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pulumi
from pulumi.dynamic import Resource

from pulumi_cozmox.core.model.customers import encode_customers
from pulumi_cozmox.core.resource.fields import OUTPUT_TO_API
from pulumi_cozmox.provider import CampaignProvider

if TYPE_CHECKING:  # the generated types module is big: only type checkers read it from here
    from pulumi_cozmox.types import Customer, SchedulePlan

__all__ = ["Campaign", "CampaignArgs"]


@dataclass(kw_only=True)
class CampaignArgs:
    """The arguments of a Campaign; nested objects use the API's own JSON keys."""

    name: pulumi.Input[str]
    phone_number_id: pulumi.Input[str]
    customers: pulumi.Input[Sequence[Customer]]
    assistant_id: pulumi.Input[str] | None = None
    workflow_id: pulumi.Input[str] | None = None
    schedule_plan: pulumi.Input[SchedulePlan] | None = None
    #: Opt in to replacing the campaign with this id after it has dialed (its customers are
    #: called again): the id a refusal names allows that one re-dial; True allows every one.
    allow_redial: bool | str = False
    #: Opt in to creating a campaign identical to the one with this id in the org (same
    #: customers, schedule, phone number, assistant or workflow): they are called twice.
    allow_duplicate: bool | str = False
    #: Opt in to a dialing window that calls people before 08:00 or after 21:00 their local
    #: time (judged from each number's time zones); otherwise preview refuses it.
    allow_outside_calling_hours: bool = False
    #: Take over an existing campaign by id instead of creating one (used only when the
    #: resource is first created).
    adopt_id: pulumi.Input[str] | None = None
    #: Stop the campaign: scheduled calls are not placed, calls in progress finish (PATCH
    #: status "ended"). A campaign cannot be restarted: back to False is a re-dial.
    ended: bool = False


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


class Campaign(Resource, module="cozmox", name="Campaign"):
    """A Cozmox outbound call campaign. Creating one dials its customers."""

    name: pulumi.Output[str]
    phone_number_id: pulumi.Output[str]
    assistant_id: pulumi.Output[str | None]
    workflow_id: pulumi.Output[str | None]
    schedule_plan: pulumi.Output[Mapping[str, Any] | None]
    customers: pulumi.Output[str]
    customer_count: pulumi.Output[int]
    allow_redial: pulumi.Output[bool | str]
    allow_duplicate: pulumi.Output[bool | str]
    allow_outside_calling_hours: pulumi.Output[bool]
    adopt_id: pulumi.Output[str | None]
    ended: pulumi.Output[bool]
    status: pulumi.Output[str]
    ended_reason: pulumi.Output[str | None]
    org_id: pulumi.Output[str]
    created_at: pulumi.Output[str]
    updated_at: pulumi.Output[str]
    calls: pulumi.Output[Mapping[str, Any]]
    calls_counter_scheduled: pulumi.Output[int]
    calls_counter_queued: pulumi.Output[int]
    calls_counter_in_progress: pulumi.Output[int]
    calls_counter_ended_voicemail: pulumi.Output[int]
    calls_counter_ended: pulumi.Output[int]

    def __init__(
        self,
        resource_name: str,
        args: CampaignArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        name: pulumi.Input[str] | None = None,
        phone_number_id: pulumi.Input[str] | None = None,
        customers: pulumi.Input[Sequence[Customer]] | None = None,
        assistant_id: pulumi.Input[str] | None = None,
        workflow_id: pulumi.Input[str] | None = None,
        schedule_plan: pulumi.Input[SchedulePlan] | None = None,
        allow_redial: bool | str = False,
        allow_duplicate: bool | str = False,
        allow_outside_calling_hours: bool = False,
        adopt_id: pulumi.Input[str] | None = None,
        ended: bool = False,
    ) -> None:
        keywords = {
            "name": name,
            "phone_number_id": phone_number_id,
            "customers": customers,
            "assistant_id": assistant_id,
            "workflow_id": workflow_id,
            "schedule_plan": schedule_plan,
            "allow_redial": allow_redial or None,
            "allow_duplicate": allow_duplicate or None,
            "allow_outside_calling_hours": allow_outside_calling_hours or None,
            "adopt_id": adopt_id,
            "ended": ended or None,
        }
        given = [key for key, value in keywords.items() if value is not None]
        if args is not None and given:
            raise TypeError(
                f"Campaign {resource_name!r}: pass the arguments either as args=CampaignArgs(...) "
                f"or as keywords, not both (keywords given: {', '.join(given)})"
            )
        if args is None:
            if name is None or phone_number_id is None or customers is None:
                missing = [
                    k for k in ("name", "phone_number_id", "customers") if keywords[k] is None
                ]
                raise TypeError(f"Campaign {resource_name!r} needs {', '.join(missing)}")
            args = CampaignArgs(
                name=name,
                phone_number_id=phone_number_id,
                customers=customers,
                assistant_id=assistant_id,
                workflow_id=workflow_id,
                schedule_plan=schedule_plan,
                allow_redial=allow_redial,
                allow_duplicate=allow_duplicate,
                allow_outside_calling_hours=allow_outside_calling_hours,
                adopt_id=adopt_id,
                ended=ended,
            )
        props: dict[str, Any] = dict(vars(args))
        props["ended"] = props.get("ended") or None
        # Names the resource in the provider's messages; the provider never compares it.
        props["resource_name"] = resource_name
        blob, count = _encoded_customers(args.customers)
        # Customers' numbers and emails are personal data: secret in inputs and outputs.
        props["customers"] = pulumi.Output.secret(blob)
        props["customer_count"] = count
        props.update(dict.fromkeys(OUTPUT_TO_API))
        defaults = pulumi.ResourceOptions(
            additional_secret_outputs=["customers"], delete_before_replace=True
        )
        super().__init__(
            CampaignProvider(), resource_name, props, pulumi.ResourceOptions.merge(defaults, opts)
        )
