"""Per-customer assistant overrides: each person hears their own greeting and details.

`assistantOverrides` is the API's own JSON (CreateCustomerDTO); keys inside
`variableValues` and `metadata` are yours and are sent exactly as written.
"""

from typing import Literal

import pulumi

from pulumi_cozmox import Campaign, Customer

config = pulumi.Config()


def customer(number: str, name: str, appointment: str, language: Literal["en", "es"]) -> Customer:
    return {
        "number": number,
        "name": name,
        "assistantOverrides": {
            "firstMessage": f"Hi {name}, this is Dr. Rivera's office calling about your visit.",
            "variableValues": {"appointment_time": appointment, "patientName": name},
            "metadata": {"CRM-Contact-Id": f"crm-{number[-4:]}"},
            "transcriber": {"provider": "deepgram", "language": language},
        },
    }


campaign = Campaign(
    "appointment-confirmations",
    name="Appointment confirmations",
    phone_number_id=config.get("phoneNumberId") or "pn-clinic-0001",
    assistant_id=config.get("assistantId") or "asst-confirmations-0001",
    schedule_plan={"earliestAt": config.get("earliestAt") or "2030-05-11T16:30:00Z"},
    customers=[
        customer("+14155550111", "Maria", "Monday 9:00", "es"),
        customer("+14155550112", "Tom", "Monday 9:30", "en"),
        customer("+14155550113", "Ingrid", "Tuesday 14:00", "en"),
    ],
)

pulumi.export("campaign_id", campaign.id)
pulumi.export("customer_count", campaign.customer_count)
pulumi.export("status", campaign.status)
