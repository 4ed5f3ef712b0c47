"""`pulumi import` of a campaign by id: judged as any takeover (:mod:`.takeover`: what it can
still call, against every rule), its inputs read from the API (GETs only), its customers
put in a file of the project, so that neither the code the CLI generates nor its output holds
one. The file is encrypted when a ``.sops.yaml`` creation rule applies to it (whether it is
tells the adapter what the project's ``requirements.txt`` must install: the plugin writes or
checks that file, not the engine)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pulumi_cozmox.core.engine.customers_io import place_customers_file, written_line
from pulumi_cozmox.core.engine.outcome import Missing, Read, Refusal, Sink, who
from pulumi_cozmox.core.engine.takeover import judge_takeover, takeover_of
from pulumi_cozmox.core.plan.change import Plan
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import INPUT_KEYS, OUTPUT_TO_API

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Run

__all__ = ["IMPORT_DIR", "Imported", "import_campaign"]

#: Where `pulumi import` writes an imported campaign's customers (relative to the project).
IMPORT_DIR = "customers"


@dataclass(frozen=True)
class Imported:
    """A campaign taken over by id: what it reads as, and the file its customers are in."""

    read: Read
    customers_file: str
    #: The file is encrypted with SOPS: the project installs pulumi-cozmox's ``sops`` extra.
    encrypted: bool


def import_campaign(run: Run, campaign_id: str, resource: str, sink: Sink) -> Imported:
    """Read campaign ``campaign_id`` for the resource ``resource``; Refusal when it does not
    exist or its customers cannot be put in a file."""
    declared: dict[str, Any] = dict.fromkeys(INPUT_KEYS)
    declared["resource_name"] = resource
    read = run.read(campaign_id, declared, importing=True)
    if read is None:
        raise Missing(
            f"campaign {campaign_id} does not exist in the org of this API key (GET "
            f"/campaign/{campaign_id} answered 404): check the id, and that cozmox:apiKey "
            "and cozmox:baseUrl are the org's"
        )
    _judge(run, campaign_id, read, resource)
    stem = f"{IMPORT_DIR}/{re.sub(r'[^A-Za-z0-9._-]', '_', resource)}"
    customers = run.customers(read.inputs["customers"]).items
    try:
        placed = place_customers_file(customers, run.project_dir, stem)
    except (OSError, ValueError) as exc:  # CustomersFileError and SopsError among them
        raise Refusal(
            f"resource {resource!r}: the imported customers go to a file under {IMPORT_DIR}/, "
            f"and {exc}"
        ) from None
    if not placed.found:
        file = names.field("customersFile")
        sink.notice(f"cozmox: {written_line(placed)}; the program names it as {file}")
    return Imported(read, placed.shown, placed.encrypted)


def _judge(run: Run, campaign_id: str, read: Read, resource: str) -> None:
    """An import takes the campaign over as it is: what it can still call is judged against
    every rule, as a takeover by ``adopt_id`` is (:mod:`.takeover`); a refusal names the
    program's ways out, since ``pulumi import`` sets no argument."""
    news = run.value({**read.inputs, "resource_name": resource})
    assert news is not None
    campaign = {api: read.outputs.get(key) for key, api in OUTPUT_TO_API.items()}
    taken = takeover_of({**campaign, "id": campaign_id}, Plan(), news, run.now())
    judged = judge_takeover(run, taken, news, news.listed())
    if judged.problems:
        named = who(news, campaign_id)
        said = "; ".join(p.message.removeprefix(f"{named}: ") for p in judged.problems)
        raise Refusal(
            f"{named}: {said}. `pulumi import` takes a campaign over as it is: declare it in "
            f"the program instead, with {names.setting('adoptId', campaign_id)} and one of "
            "these settings"
        )
