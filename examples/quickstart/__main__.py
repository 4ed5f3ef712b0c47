"""Quickstart: three customers, one assistant, calls on a weekday morning.

Stack config (all optional here; the demo points baseUrl at the local emulator):
  cozmox:apiKey (secret), cozmox:baseUrl, phoneNumberId, assistantId, earliestAt, latestAt
"""

import pulumi

from pulumi_cozmox import Campaign

config = pulumi.Config()

campaign = Campaign(
    "spring-checkup",
    name=config.get("campaignName") or "Spring check-up reminders",
    phone_number_id=config.get("phoneNumberId") or "pn-quickstart-0001",
    assistant_id=config.get("assistantId") or "asst-reminders-0001",
    schedule_plan={
        "earliestAt": config.get("earliestAt") or "2030-03-04T17:00:00Z",
        "latestAt": config.get("latestAt") or "2030-03-04T20:00:00Z",
    },
    customers=[
        {"number": "+14155550101", "name": "Ada Lovelace"},
        {"number": "+14155550102", "name": "Grace Hopper"},
        {"number": "+14155550103", "name": "Alan Turing"},
    ],
)

pulumi.export("campaign_id", campaign.id)
pulumi.export("status", campaign.status)
pulumi.export("customer_count", campaign.customer_count)
pulumi.export("calls_counter_ended", campaign.calls_counter_ended)
