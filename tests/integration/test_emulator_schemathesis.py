"""Property-based tests of the emulator against its own OpenAPI document (schemathesis).

At most 25 generated requests per operation and mode, sent with the bearer key:

- positive (requests that follow the document): no 5xx, every response in the documented
  content type, and every documented response conforming to its schema;
- negative (requests that break the document): no 5xx.

The schema is loaded from the file the emulator serves (checked to be the same document), and
the server's URL is given per call: the server starts after collection, and schemathesis's
lazy fixture loader does not work with this pytest.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import httpx
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

MAX_EXAMPLES = 25
OPENAPI = Path(__file__).resolve().parents[2] / "schema" / "cozmox-campaign.openapi.json"
DEBUG = bool(os.environ.get("COZMOX_SCHEMATHESIS_DEBUG"))

HYPOTHESIS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate],
    derandomize=True,
)


def _schema(mode: GenerationMode) -> schemathesis.BaseSchema:
    document = json.loads(OPENAPI.read_text("utf-8"))
    # The contract refers to one schema it does not define (README: "unknown: accept");
    # schemathesis silently drops a request body it cannot resolve, so define it as any object.
    schemas = document["components"]["schemas"]
    schemas.setdefault("CreateInworldCredentialDTO", {"type": "object"})
    # Bounded generation that reaches the server's happy path:
    # - assistantOverrides (~200 nested schemas) is left out: hypothesis cannot build one in
    #   bounded time; the full campaign of the API tests covers it;
    # - the rules the document cannot state (README) are stated here: unknown properties are
    #   rejected, numbers are E.164, a campaign names an assistant (not also a workflow).
    customer = schemas["CreateCustomerDTO"]
    del customer["properties"]["assistantOverrides"]
    customer["properties"]["number"]["pattern"] = "^\\+[1-9][0-9]{6,14}$"
    create = schemas["CreateCampaignDTO"]
    del create["properties"]["workflowId"]
    create["required"] = [*create["required"], "assistantId"]
    for name in ("CreateCampaignDTO", "UpdateCampaignDTO", "CreateCustomerDTO", "SchedulePlan"):
        schemas[name]["additionalProperties"] = False
    loaded = schemathesis.openapi.from_dict(document)
    loaded.config.generation.update(modes=[mode], max_examples=MAX_EXAMPLES)
    return loaded


positive = _schema(GenerationMode.POSITIVE)
negative = _schema(GenerationMode.NEGATIVE)


def _call(case, emulator):
    response = case.call(
        base_url=emulator.base_url,
        headers={"Authorization": f"Bearer {emulator.api_key}"},
        timeout=60,
    )
    if DEBUG:
        print("STATUS", case.method, case.path, response.status_code, response.text[:300])
    return response


def test_the_served_document_is_the_contract(emulator):
    served = httpx.get(f"{emulator.base_url}/openapi.json").json()
    contract = json.loads(OPENAPI.read_text("utf-8"))
    assert served.pop("servers") == [{"url": emulator.base_url}]
    contract.pop("servers")
    assert served == contract


SEED_CAMPAIGN = {
    "name": "schemathesis",
    "phoneNumberId": "pn-1",
    "assistantId": "asst-1",
    "customers": [{"number": "+14155550100"}],
    "schedulePlan": {"earliestAt": "2099-01-01T00:00:00Z"},
}


@positive.parametrize()
@HYPOTHESIS
def test_valid_requests_get_conforming_answers(case, emulator):
    if "id" in (case.path_parameters or {}):
        # Aim at a campaign that exists (a random id is only ever a 404).
        with emulator.api() as api:
            case.path_parameters["id"] = api.post("/campaign", json=SEED_CAMPAIGN).json()["id"]
    response = _call(case, emulator)
    case.validate_response(
        response,
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )


@negative.parametrize()
@HYPOTHESIS
def test_invalid_requests_never_get_a_server_error(case, emulator):
    response = _call(case, emulator)
    case.validate_response(response, checks=[not_a_server_error])
