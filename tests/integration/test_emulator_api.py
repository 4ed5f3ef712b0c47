"""The emulated campaign API over real HTTP: CRUD, listing, validation, auth and isolation."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
FUTURE = "2099-04-01T15:00:00Z"


def small_campaign(name: str = "small", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": name,
        "phoneNumberId": "pn-1",
        "assistantId": "asst-1",
        "customers": [
            {
                "number": "+14155550100",
                "assistantOverrides": {
                    "variableValues": {"first_name": "Ada", "CamelCase": {"snake_key": 1}}
                },
            }
        ],
    }
    body.update(extra)
    return body


def full_campaign() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "campaign-full.json").read_text("utf-8"))
    return data


def is_iso(text: str) -> bool:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).tzinfo is not None


@pytest.fixture
def api(emulator) -> Iterator[httpx.Client]:
    with emulator.api() as client:
        yield client


def create(api: httpx.Client, body: dict[str, Any]) -> dict[str, Any]:
    response = api.post("/campaign", json=body)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def total(api: httpx.Client) -> int:
    response = api.get("/campaign")
    assert response.status_code == 200
    count: int = response.json()["metadata"]["totalItems"]
    return count


# -- create / read ---------------------------------------------------------------------------


def test_create_returns_the_body_merged_with_server_fields(api):
    body = full_campaign()
    created = create(api, body)
    uuid.UUID(created["id"])
    assert created["orgId"] == "local-org"
    assert is_iso(created["createdAt"]) and created["createdAt"] == created["updatedAt"]
    assert created["status"] == "scheduled"  # the full campaign starts in 2030
    assert "endedReason" not in created
    assert created["calls"] == {}
    assert created["callsCounterScheduled"] == len(body["customers"])
    for counter in ("Queued", "InProgress", "EndedVoicemail", "Ended"):
        assert created[f"callsCounter{counter}"] == 0
    for key, value in body.items():
        assert created[key] == value, key


def test_without_a_schedule_plan_dialing_starts_at_once(api):
    created = create(api, small_campaign())
    assert created["status"] == "in-progress"
    assert created["callsCounterInProgress"] == 1
    assert len(created["calls"]) == 1


def test_user_data_keys_are_returned_as_sent(api):
    created = create(api, small_campaign())
    fetched = api.get(f"/campaign/{created['id']}").json()
    values = fetched["customers"][0]["assistantOverrides"]["variableValues"]
    assert values == {"first_name": "Ada", "CamelCase": {"snake_key": 1}}


def test_get_returns_the_created_campaign(api):
    created = create(api, full_campaign())
    response = api.get(f"/campaign/{created['id']}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == created


@pytest.mark.parametrize(
    "campaign_id", [str(uuid.uuid4()), "not-a-uuid"], ids=["a-uuid", "not-a-uuid"]
)
def test_get_unknown_campaign_is_404_in_the_api_format(api, campaign_id):
    response = api.get(f"/campaign/{campaign_id}")
    assert response.status_code == 404
    assert response.json() == {
        "statusCode": 404,
        "error": "Not Found",
        "message": "Campaign not found",
    }


def test_unknown_route_is_404(api):
    for method, path in (("GET", "/campaigns"), ("PUT", "/campaign"), ("POST", "/campaign/x")):
        response = api.request(method, path)
        assert response.status_code == 404
        assert response.json()["message"] == f"Cannot {method} {path}"


def test_accepts_a_10000_customer_campaign(api):
    import sys

    sys.path.insert(0, str(DATA.parent.parent / "benchmarks"))
    from campaigns import large_campaign  # type: ignore[import-not-found]

    body = large_campaign(10_000)
    raw = json.dumps(body, separators=(",", ":")).encode()
    assert len(raw) > 60_000_000
    response = api.post(
        "/campaign", content=raw, headers={"content-type": "application/json"}, timeout=300
    )
    assert response.status_code == 201, response.text[:2000]
    created = response.json()
    assert created["callsCounterScheduled"] == 10_000
    assert created["customers"] == body["customers"]


# -- list ------------------------------------------------------------------------------------


def test_list_pages_sorts_and_counts(api):
    ids = [create(api, small_campaign(f"c{i}"))["id"] for i in range(5)]
    page1 = api.get("/campaign", params={"limit": 2}).json()
    assert page1["metadata"] == {"itemsPerPage": 2, "totalItems": 5, "currentPage": 1}
    assert [c["id"] for c in page1["results"]] == ids[::-1][:2]  # newest first by default
    page3 = api.get("/campaign", params={"limit": 2, "page": 3}).json()
    assert [c["id"] for c in page3["results"]] == [ids[0]]
    assert page3["metadata"]["currentPage"] == 3
    ascending = api.get("/campaign", params={"sortOrder": "ASC"}).json()
    assert [c["id"] for c in ascending["results"]] == ids
    beyond = api.get("/campaign", params={"page": 9}).json()
    assert beyond["results"] == [] and beyond["metadata"]["totalItems"] == 5
    assert api.get("/campaign", params={"id": ids[2]}).json()["results"][0]["id"] == ids[2]


CREATED = 120  # more than the emulator's largest page (100)


@pytest.fixture
def many(api) -> list[str]:
    """Ids of CREATED campaigns, oldest first."""
    return [create(api, small_campaign(f"c{i:03d}", customers=[]))["id"] for i in range(CREATED)]


@pytest.mark.parametrize(
    ("limit", "page", "items_per_page", "returned"),
    [
        (None, 1, 100, 100),  # the contract's default limit
        (None, 2, 100, CREATED - 100),
        ("1000", 1, 100, 100),  # the contract allows 1000; the emulator serves 100
        ("1000", 2, 100, CREATED - 100),
        ("101", 1, 100, 100),
        ("100", 2, 100, CREATED - 100),
        ("50", 3, 50, CREATED - 100),
        ("7", 1, 7, 7),
        ("7.9", 1, 7, 7),  # a number in the contract: the fraction is dropped
        ("0", 1, 0, 0),
    ],
)
def test_list_reports_the_page_size_it_used(api, many, limit, page, items_per_page, returned):
    params = {"page": str(page)} if limit is None else {"limit": limit, "page": str(page)}
    result = api.get("/campaign", params=params).json()
    assert result["metadata"] == {
        "itemsPerPage": items_per_page,
        "totalItems": CREATED,
        "currentPage": page,
    }
    newest_first = many[::-1]
    start = (page - 1) * items_per_page
    assert [c["id"] for c in result["results"]] == newest_first[start : start + returned]


def test_a_client_that_follows_the_metadata_reads_every_campaign_once(api, many):
    """Ask for the contract's largest page; let ``itemsPerPage`` and ``totalItems`` say
    where the end is."""
    seen: list[str] = []
    page = 1
    while True:
        result = api.get("/campaign", params={"limit": 1000, "page": page}).json()
        seen += [c["id"] for c in result["results"]]
        meta = result["metadata"]
        if meta["currentPage"] * meta["itemsPerPage"] >= meta["totalItems"]:
            break
        page += 1
    assert page == 2
    assert sorted(seen) == sorted(many) and len(seen) == CREATED


def test_list_filters_by_status_and_time(api, emulator):
    emulator.clock(freeze=True)  # "now" dials for a minute: still dialing when listed
    scheduled = create(api, small_campaign("later", schedulePlan={"earliestAt": FUTURE}))
    emulator.control.post("clock", json={"advanceSeconds": 5}).raise_for_status()
    running = create(api, small_campaign("now"))

    def ids(**params: str) -> list[str]:
        response = api.get("/campaign", params=params)
        assert response.status_code == 200, response.text
        return [c["id"] for c in response.json()["results"]]

    assert ids(status="scheduled") == [scheduled["id"]]
    assert ids(status="in-progress") == [running["id"]]
    assert ids(status="ended") == []
    assert ids(createdAtGt=scheduled["createdAt"]) == [running["id"]]
    assert ids(createdAtGe=scheduled["createdAt"], sortOrder="ASC") == [
        scheduled["id"],
        running["id"],
    ]
    assert ids(createdAtLt=running["createdAt"]) == [scheduled["id"]]
    assert ids(createdAtLe=scheduled["createdAt"]) == [scheduled["id"]]
    assert ids(updatedAtGt=scheduled["updatedAt"]) == [running["id"]]
    assert ids(updatedAtLe=scheduled["updatedAt"]) == [scheduled["id"]]
    later = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
    assert ids(updatedAtLt=later, createdAtGe="2000-01-01T00:00:00+02:00") == [
        running["id"],
        scheduled["id"],
    ]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": "0"}, "page must not be less than 1"),
        ({"page": "x"}, "page must be a number conforming to the specified constraints"),
        ({"limit": "-1"}, "limit must not be less than 0"),
        ({"limit": "1001"}, "limit must not be greater than 1000"),
        ({"status": "paused"}, "status must be one of the following values: scheduled"),
        ({"sortOrder": "up"}, "sortOrder must be one of the following values: ASC, DESC"),
        ({"createdAtGt": "yesterday"}, "createdAtGt must be a valid ISO 8601 date string"),
        ({"colour": "red"}, "property colour should not exist"),
    ],
)
def test_list_rejects_bad_parameters(api, params, message):
    response = api.get("/campaign", params=params)
    assert response.status_code == 400
    body = response.json()
    assert body["statusCode"] == 400 and body["error"] == "Bad Request"
    assert any(m.startswith(message) for m in body["message"]), body


# -- update ----------------------------------------------------------------------------------


def test_patch_while_scheduled_changes_every_updatable_field(api, emulator):
    created = create(api, full_campaign())
    emulator.control.post("clock", json={"advanceSeconds": 2}).raise_for_status()
    plan = {"earliestAt": "2031-01-01T10:00:00Z", "latestAt": "2031-01-01T18:00:00Z"}
    patch = {"name": "renamed", "phoneNumberId": "pn-2", "assistantId": "asst-2"}
    response = api.patch(f"/campaign/{created['id']}", json={**patch, "schedulePlan": plan})
    assert response.status_code == 200, response.text
    updated = response.json()
    assert {k: updated[k] for k in patch} == patch
    assert updated["schedulePlan"] == plan
    assert updated["updatedAt"] > created["updatedAt"]
    assert updated["createdAt"] == created["createdAt"]
    assert updated["customers"] == created["customers"]
    assert api.get(f"/campaign/{created['id']}").json() == updated


def test_patch_workflow_replaces_assistant(api):
    created = create(api, small_campaign(schedulePlan={"earliestAt": FUTURE}))
    updated = api.patch(f"/campaign/{created['id']}", json={"workflowId": "wf-1"}).json()
    assert updated["workflowId"] == "wf-1" and "assistantId" not in updated
    response = api.patch(
        f"/campaign/{created['id']}", json={"workflowId": "wf-2", "assistantId": "asst-9"}
    )
    assert response.status_code == 400
    assert any("assistantId and workflowId" in m for m in response.json()["message"])


def test_patch_in_progress_allows_name_only(api):
    created = create(api, small_campaign())
    assert created["status"] == "in-progress"
    renamed = api.patch(f"/campaign/{created['id']}", json={"name": "new name"})
    assert renamed.status_code == 200 and renamed.json()["name"] == "new name"
    for field, value in (
        ("assistantId", "asst-2"),
        ("workflowId", "wf-1"),
        ("phoneNumberId", "pn-2"),
        ("schedulePlan", {"earliestAt": FUTURE}),
    ):
        response = api.patch(f"/campaign/{created['id']}", json={field: value})
        assert response.status_code == 400, field
        body = response.json()
        assert body["error"] == "Bad Request"
        assert field in body["message"] and "in-progress" in body["message"]
    assert api.get(f"/campaign/{created['id']}").json()["assistantId"] == "asst-1"


def test_end_a_scheduled_campaign(api):
    created = create(api, small_campaign(schedulePlan={"earliestAt": FUTURE}))
    ended = api.patch(f"/campaign/{created['id']}", json={"status": "ended"}).json()
    assert ended["status"] == "ended"
    assert ended["endedReason"] == "campaign.scheduled.ended-by-user"
    assert ended["callsCounterScheduled"] == 0 and ended["calls"] == {}
    again = api.patch(f"/campaign/{created['id']}", json={"status": "ended", "name": "done"})
    assert again.status_code == 200
    assert again.json()["endedReason"] == "campaign.scheduled.ended-by-user"
    assert again.json()["name"] == "done"
    locked = api.patch(f"/campaign/{created['id']}", json={"assistantId": "asst-2"})
    assert locked.status_code == 400 and "ended" in locked.json()["message"]


def test_end_an_in_progress_campaign(api):
    created = create(api, small_campaign())
    ended = api.patch(f"/campaign/{created['id']}", json={"status": "ended"}).json()
    assert ended["status"] == "ended"
    assert ended["endedReason"] == "campaign.in-progress.ended-by-user"
    assert ended["callsCounterInProgress"] == 1  # the call in progress finishes


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"customers": []}, "property customers should not exist"),
        ({"status": "paused"}, "status must be one of the following values: ended"),
        ({"name": 7}, "name must be a string"),
        ({"schedulePlan": {"latestAt": FUTURE}}, "schedulePlan.earliestAt should not be null"),
        (
            {"schedulePlan": {"earliestAt": FUTURE, "latestAt": "2098-01-01T00:00:00Z"}},
            "schedulePlan.latestAt: must be after schedulePlan.earliestAt",
        ),
    ],
)
def test_patch_rejects_invalid_bodies_and_changes_nothing(api, patch, message):
    created = create(api, small_campaign(schedulePlan={"earliestAt": FUTURE}))
    response = api.patch(f"/campaign/{created['id']}", json=patch)
    assert response.status_code == 400
    assert any(m.startswith(message) for m in response.json()["message"]), response.json()
    assert api.get(f"/campaign/{created['id']}").json() == created


# -- delete ----------------------------------------------------------------------------------


def test_delete_returns_the_campaign_then_404(api):
    created = create(api, small_campaign(schedulePlan={"earliestAt": FUTURE}))
    response = api.delete(f"/campaign/{created['id']}")
    assert response.status_code == 200
    assert response.json() == created
    assert api.get(f"/campaign/{created['id']}").status_code == 404
    assert api.delete(f"/campaign/{created['id']}").status_code == 404
    assert api.patch(f"/campaign/{created['id']}", json={"name": "x"}).status_code == 404
    assert total(api) == 0


# -- validation ------------------------------------------------------------------------------


def test_create_rejects_unknown_and_mistyped_properties(api):
    body = small_campaign()
    body["foo"] = 1
    body["name"] = 5
    body["customers"][0]["bar"] = True
    body["customers"][0]["name"] = "x" * 41
    response = api.post("/campaign", json=body)
    assert response.status_code == 400
    assert response.json()["statusCode"] == 400
    assert response.json()["error"] == "Bad Request"
    assert set(response.json()["message"]) == {
        "property foo should not exist",
        "name must be a string",
        "property customers[0].bar should not exist",
        "customers[0].name must be shorter than or equal to 40 characters",
    }
    assert total(api) == 0


def test_create_applies_the_cross_field_rules(api):
    body = small_campaign(workflowId="wf-1")
    body["customers"].append(copy.deepcopy(body["customers"][0]))
    body["customers"][1]["number"] = "415-555"
    messages = api.post("/campaign", json=body).json()["message"]
    assert any(m.startswith("workflowId:") for m in messages)
    assert any(m.startswith("customers[1].number:") for m in messages)
    missing = small_campaign()
    del missing["assistantId"]
    assert api.post("/campaign", json=missing).status_code == 400
    assert total(api) == 0


def test_the_documentation_example_is_rejected_at_its_placeholders(api):
    seed = json.loads((DATA / "seed-create-campaign.request.json").read_text("utf-8"))
    response = api.post("/campaign", json=seed)
    assert response.status_code == 400
    messages = response.json()["message"]
    assert "customers[0].extension must be a string" in messages
    assert (
        "customers[0].assistantOverrides.compliancePlan.hipaaEnabled must be a boolean value"
        in (messages)
    )
    assert total(api) == 0


MEDIA = "Content-Type must be application/json"


@pytest.mark.parametrize(
    ("content", "content_type", "status", "message"),
    [
        (
            b'{"name": "x",',
            "application/json",
            400,
            "Unexpected token in JSON at line 1 column 14: Expecting property name enclosed in"
            " double quotes",
        ),
        (b"", "application/json", 400, "Unexpected token in JSON at line 1 column 1"),
        (b'{"name": NaN}', "application/json", 400, "Unexpected token in JSON: NaN is not"),
        (b"\xc3\x28", "application/json", 400, "Request body is not valid UTF-8"),
        (b"\xff\xfe\xfa", "application/json", 400, "Request body is not valid UTF-8"),
        (b"[1, 2]", "application/json", 400, ["body must be an object"]),
        (b"null", "application/json", 400, ["body must be an object"]),
        (b'{"name": "x"}', "text/plain", 415, MEDIA),
        (b"name=x", "application/x-www-form-urlencoded", 415, MEDIA),
    ],
)
def test_create_rejects_bodies_that_are_not_a_json_object(
    api, content, content_type, status, message
):
    response = api.post("/campaign", content=content, headers={"content-type": content_type})
    assert response.status_code == status
    body = response.json()
    assert body["statusCode"] == status
    if isinstance(message, list):
        assert body["message"] == message
    else:
        assert body["message"].startswith(message), body
    assert total(api) == 0


def test_patch_rejects_malformed_json(api):
    created = create(api, small_campaign())
    response = api.patch(
        f"/campaign/{created['id']}",
        content=b"{oops",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["message"]


# -- auth and isolation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer sk-wrong"},
        {"Authorization": "sk-cozmox-local"},
        {"Authorization": "Basic sk-cozmox-local"},
        {"Authorization": "Bearer"},
    ],
)
def test_missing_or_unknown_key_is_401(emulator, headers):
    with httpx.Client(base_url=emulator.base_url, headers=headers) as client:
        for method, path in (("GET", "/campaign"), ("POST", "/campaign"), ("GET", "/campaign/x")):
            response = client.request(method, path, json=small_campaign())
            assert response.status_code == 401
            assert response.json()["error"] == "Unauthorized"
    with emulator.api() as api:
        assert total(api) == 0


def test_campaigns_of_another_org_do_not_exist(emulator, api):
    emulator.control.post("keys", json={"key": "sk-other", "orgId": "other-org"}).raise_for_status()
    mine = create(api, small_campaign("mine"))
    with emulator.api("sk-other") as other:
        theirs = create(other, small_campaign("theirs"))
        assert theirs["orgId"] == "other-org"
        for method in ("GET", "DELETE"):
            assert other.request(method, f"/campaign/{mine['id']}").status_code == 404
        assert other.patch(f"/campaign/{mine['id']}", json={"name": "x"}).status_code == 404
        assert [c["id"] for c in other.get("/campaign").json()["results"]] == [theirs["id"]]
    assert [c["id"] for c in api.get("/campaign").json()["results"]] == [mine["id"]]
    assert api.get(f"/campaign/{mine['id']}").json()["name"] == "mine"


def test_openapi_document_names_this_server(emulator):
    response = httpx.get(f"{emulator.base_url}/openapi.json")
    assert response.status_code == 200
    doc = response.json()
    assert doc["servers"] == [{"url": emulator.base_url}]
    assert set(doc["paths"]) == {"/campaign", "/campaign/{id}"}
    assert "CreateCampaignDTO" in doc["components"]["schemas"]
