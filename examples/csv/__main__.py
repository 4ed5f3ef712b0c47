"""Customers from a CSV file, the way the Cozmox dashboard imports them: a `number` column,
an optional `name` column, and every other column becomes that customer's
`assistantOverrides.variableValues` (column names kept exactly as written).

Config: customersCsv (default customers.csv next to this file), phoneNumberId, assistantId.

The numbers in customers.csv are +1 415 555-0121 to -0123: the 555-0100 to 555-0199 block is
reserved for fiction in the North American numbering plan, so they reach nobody and are nobody's
data. A real list is personal data: keep it out of git, or commit it encrypted with SOPS and
read it with pulumi_cozmox.read_customers, which decrypts it (docs/sops.md).
"""

import csv
from pathlib import Path

import pulumi

from pulumi_cozmox import Campaign, Customer


def read_customers(path: Path) -> list[Customer]:
    customers: list[Customer] = []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = csv.DictReader(handle)
        if rows.fieldnames is None or "number" not in rows.fieldnames:
            raise ValueError(f"{path}: the first line must name a 'number' column")
        for row in rows:
            entry: Customer = {"number": row.pop("number").strip()}
            name = (row.pop("name", None) or "").strip()
            if name:
                entry["name"] = name
            values = {column: value for column, value in row.items() if column and value}
            if values:
                entry["assistantOverrides"] = {"variableValues": values}
            customers.append(entry)
    return customers


config = pulumi.Config()
csv_path = Path(config.get("customersCsv") or Path(__file__).parent / "customers.csv")

campaign = Campaign(
    "renewal-reminders",
    name="Renewal reminders",
    phone_number_id=config.get("phoneNumberId") or "pn-renewals-0001",
    assistant_id=config.get("assistantId") or "asst-renewals-0001",
    customers=read_customers(csv_path),
    schedule_plan={"earliestAt": config.get("earliestAt") or "2030-06-01T17:00:00Z"},
)

pulumi.export("campaign_id", campaign.id)
pulumi.export("customer_count", campaign.customer_count)
