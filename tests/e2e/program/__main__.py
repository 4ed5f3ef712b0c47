"""An e2e test program: declares what spec.json lists (written by the test).

``{"campaigns": {NAME: {Campaign keyword arguments..., "aliases": [OLD NAME...],
"depends_on": [NAME...], "workflow_from": STUB}}, "stubs": {STUB: {"value": TEXT}}}``
(``depends_on``: campaigns declared before it, which the engine then checks first); a campaign with
``workflow_from`` takes its ``workflow_id`` from that stub's output, which is not known at
preview while the stub is being created (as an id of another resource would be): the stub's
``value`` is set by its create, not among its inputs (an output named like an input would be
known at preview, the input's value standing in for it).
"""

import gc
import uuid
from pathlib import Path
from typing import Any

import orjson
import pulumi
from pulumi.dynamic import CreateResult, DiffResult, Resource, ResourceProvider, UpdateResult

from pulumi_cozmox import Campaign


class StubProvider(ResourceProvider):
    def create(self, props: dict[str, Any]) -> CreateResult:
        given = props["given"]
        return CreateResult(f"stub-{uuid.uuid4().hex[:8]}", {"given": given, "value": given})

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        return DiffResult(changes=olds.get("given") != news.get("given"))

    def update(self, _id: str, _olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        return UpdateResult({"given": news["given"], "value": news["given"]})


class Stub(Resource):
    value: pulumi.Output[Any]  # text; a benchmark floor gives a dict

    def __init__(self, name: str, value: Any) -> None:
        super().__init__(StubProvider(), name, {"given": value, "value": None})


# orjson, with the collector paused while it builds millions of objects: a 10,000-customer
# spec is ~95 MB, which the json module parses in ~4 s, this in ~1 s (benchmarks measure the
# provider, not this program's input); frozen, so later collections skip it.
gc.disable()
spec = orjson.loads((Path(__file__).parent / "spec.json").read_bytes())
gc.freeze()
gc.enable()
stubs = {name: Stub(name, **args) for name, args in spec.get("stubs", {}).items()}
declared: dict[str, Campaign] = {}
for resource_name, args in spec["campaigns"].items():
    aliases = [pulumi.Alias(name=old) for old in args.pop("aliases", [])]
    after = [declared[name] for name in args.pop("depends_on", [])]
    stub = args.pop("workflow_from", None)
    if stub is not None:
        args["workflow_id"] = stubs[stub].value
    opts = pulumi.ResourceOptions(aliases=aliases or None, depends_on=after or None)
    campaign = declared[resource_name] = Campaign(resource_name, opts=opts, **args)
    pulumi.export(f"{resource_name}.id", campaign.id)
    pulumi.export(f"{resource_name}.name", campaign.name)
    pulumi.export(f"{resource_name}.status", campaign.status)
    pulumi.export(f"{resource_name}.customer_count", campaign.customer_count)
