"""An e2e test program: declares the Campaigns listed in spec.json (written by the test)."""

import json
from pathlib import Path

import pulumi

from pulumi_cozmox import Campaign

spec = json.loads((Path(__file__).parent / "spec.json").read_text())
for resource_name, args in spec["campaigns"].items():
    import_id = args.pop("import_", None)
    opts = pulumi.ResourceOptions(import_=import_id) if import_id else None
    campaign = Campaign(resource_name, opts=opts, **args)
    pulumi.export(f"{resource_name}.id", campaign.id)
    pulumi.export(f"{resource_name}.name", campaign.name)
    pulumi.export(f"{resource_name}.status", campaign.status)
    pulumi.export(f"{resource_name}.customer_count", campaign.customer_count)
