"""Nobody is called twice, whatever happens to a `pulumi up` (issue 8), through the real CLI.

Stacks of several campaigns, `--parallel`, the whole `pulumi up` session killed at three
moments of a create, lost answers, a renamed resource, a campaign deleted in the dashboard.
Expected outcomes follow from the scenario: exactly the campaigns the program declares, each
resource holding its own, and a refusal (naming the campaign and the fix) wherever going on
would call people again.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, both_doors, through
from tests.e2e.pulumi_cli import PulumiFailed, wait_for

NUMBERS = ["+14155550101", "+14155550102", "+14155550103"]


def args(day: int = 1, **overrides: Any) -> dict[str, Any]:
    """A campaign of a follow-up series: alike but for the day it starts."""
    base: dict[str, Any] = {
        "name": "Follow-up",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [{"number": n} for n in NUMBERS],
        "schedule_plan": {"earliestAt": f"2099-01-0{day}T17:00:00Z"},
    }
    return {**base, **overrides}


def campaigns(emulator: Emulator) -> list[dict[str, Any]]:
    with emulator.api() as api:
        return list(api.get("/campaign", params={"limit": 100}).json()["results"])


def journal(emulator: Emulator, method: str, path: str) -> list[dict[str, Any]]:
    """The API's requests for ``method path``, in the order they arrived."""
    entries = sorted(emulator.control.get("requests").json(), key=lambda e: e["arrived"])
    return [e for e in entries if e["method"] == method and e["path"] == path]


def journal_all(emulator: Emulator) -> list[dict[str, Any]]:
    """Every request the API received, in the order they arrived."""
    return sorted(emulator.control.get("requests").json(), key=lambda e: e["arrived"])


def posts(emulator: Emulator) -> list[dict[str, Any]]:
    return [e for e in emulator.control.get("requests").json() if e["method"] == "POST"]


def fault(emulator: Emulator, **rule: Any) -> None:
    emulator.control.post("faults", json=rule).raise_for_status()


def in_flight(emulator: Emulator) -> int:
    """Requests the rules hold at the kill's moment: held before they are handled, or handled
    and their answers held."""
    rules = emulator.control.get("faults").json()
    held = sum(rule.get("held", 0) for rule in rules)
    return held + sum(r["hits"] for r in rules if r["action"] == "delay_after_commit")


def state_ids(stack: CampaignStack) -> dict[str, str]:
    outputs = stack.outputs()
    return {k[: -len(".id")]: v for k, v in outputs.items() if k.endswith(".id")}


def refused_ids(output: str, stack: CampaignStack) -> dict[str, str]:
    """resource name -> the campaign id each refusal names (and offers to adopt)."""
    found = re.findall(
        r'resource "(\w+)": an identical campaign already exists[^:]*: (\S+) ', output
    )
    for _name, cid in found:
        assert stack.opt_in("adopt_id", cid) in output
    return dict(found)


# --- a killed `pulumi up` -------------------------------------------------------------------


MOMENTS = {
    # The creates' duplicate guard is looking at the org just before the POSTs (the run's
    # view catching up: its first read, in check, lists by status) when the job is killed.
    "before the POST": {"method": "GET", "path": "/campaign", "query": "updatedAtGe=*"},
    # The API has each POST and commits it after the kill.
    "POST in flight": {"method": "POST", "path": "/campaign"},
    # The API committed each POST; the answers are held until after the kill.
    "after the commit": {"method": "POST", "path": "/campaign", "action": "delay_after_commit"},
}


def adopt_each_refused(
    stack: CampaignStack,
    emulator: Emulator,
    declared: dict[str, dict[str, Any]],
    again: subprocess.CompletedProcess[str],
) -> None:
    """Each create finds its campaign already in the API: refused (at check: the engine stops
    at the first), nothing sent, the campaign and the fix named; the first refusal also names
    the other campaigns the interrupted run created. Each is adopted as named, in turn."""
    adopted: dict[str, str] = {}
    output = again.stdout + again.stderr
    others = {c["id"] for c in campaigns(emulator)}
    while again.returncode != 0:
        named = refused_ids(output, stack)
        assert len(named) == 1 and not set(named) & set(adopted), output
        [(name, cid)] = named.items()
        if not adopted:
            assert all(other in output for other in others - {cid})
        adopted[name] = cid
        stack.declare(
            **{n: {**a, "adopt_id": adopted[n]} if n in adopted else a for n, a in declared.items()}
        )
        again = stack.run("up", "--yes", "--skip-preview", "--parallel", "4", check=False)
        output = again.stdout + again.stderr
    assert set(adopted) == set(declared)
    assert sorted(adopted.values()) == sorted(others)
    assert posts(emulator) == []
    assert state_ids(stack) == adopted
    # adopt_id has done its job: removing it changes nothing.
    stack.declare(**declared)


def assert_pending_creates_cleared(
    stack: CampaignStack, emulator: Emulator, declared: dict[str, dict[str, Any]]
) -> None:
    """The CLI's record of the interrupted creates (one per resource, still there after the
    `up` that followed), cleared as the README says; no request but the refresh's reads."""
    ids = state_ids(stack)
    pending = stack.export()["deployment"].get("pending_operations") or []
    assert sorted(p["resource"]["urn"].rsplit("::", 1)[1] for p in pending) == sorted(declared)
    assert {p["type"] for p in pending} == {"creating"}
    emulator.control.delete("requests").raise_for_status()
    stack.run("refresh", "--yes", "--skip-preview", "--clear-pending-creates")
    assert not stack.export()["deployment"].get("pending_operations")
    # It read the campaigns (the refresh: one listing of those created with them), and wrote
    # nothing.
    read = sorted((e["method"], e["path"]) for e in emulator.control.get("requests").json())
    assert read == [("GET", "/campaign")]
    assert state_ids(stack) == ids


def cancel_after_kill(stack: CampaignStack) -> None:
    """`pulumi cancel`, as the CLI tells the user after a kill. The file backend keeps a copy of
    the checkpoint (`.json.bak`) before it writes the new one; a kill that lands on that write
    can leave the checkpoint unreadable (`failed to load checkpoint: EOF`, seen once on a busy
    machine), and the user puts the copy back (pulumi/pulumi#3089), as this does then."""
    done = stack.run("cancel", "--yes", check=False)
    if done.returncode and "failed to load checkpoint" in done.stderr and stack.backend:
        state = stack.backend / ".pulumi" / "stacks" / stack.project() / f"{stack.name}.json"
        shutil.copyfile(state.with_name(f"{state.name}.bak"), state)
        done = stack.run("cancel", "--yes", check=False)
    assert done.returncode == 0, done.stderr


# Each moment through one door (the doors alternate): whoever is killed, the next `up` is the
# core's guard. Both doors' refusals spell adopt_id in test_a_renamed_resource_is_refused_then_
# an_alias_keeps_the_campaign.
@pytest.mark.parametrize(
    ("moment", "door"),
    [("before the POST", "python"), ("POST in flight", "yaml"), ("after the commit", "python")],
)
def test_killed_up_then_cancel_and_up_never_dials_twice(
    moment: str, campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    declared = {f"c{day}": args(day) for day in (1, 2, 3)}
    stack.declare(**declared)
    # Held until the test releases them (after the kill), or answered once the client has gone
    # (the kill: the answer is held that long, 600 s at most, whatever the machine's speed).
    hold = {"action": "hold"} if "action" not in MOMENTS[moment] else {"delaySeconds": 600}
    fault(emulator, **MOMENTS[moment], **hold, times=3)
    job = stack.start("up", "--yes", "--skip-preview", "--parallel", "4")
    # Three POSTs are held; before them, one look at the org: creates that ask while a look is
    # in flight share the next one, which cannot start while the first is held.
    held = 1 if moment == "before the POST" else 3
    wait_for(lambda: in_flight(emulator) == held, f"{held} held requests at the API")
    job.kill()
    emulator.control.post("faults/release").raise_for_status()
    committed = 0 if moment == "before the POST" else 3
    wait_for(lambda: len(campaigns(emulator)) == committed, f"{committed} campaigns committed")
    wait_for(lambda: len(emulator.control.get("requests").json()) >= 3, "held requests end")

    cancel_after_kill(stack)  # what the CLI tells the user to do
    emulator.control.delete("requests").raise_for_status()
    again = stack.run("up", "--yes", "--skip-preview", "--parallel", "4", check=False)
    if moment == "before the POST":
        assert again.returncode == 0, again.stdout + again.stderr
        assert len(posts(emulator)) == 3
    else:
        adopt_each_refused(stack, emulator, declared, again)
    stored = {c["id"]: c for c in campaigns(emulator)}
    assert len(stored) == 3
    ids = state_ids(stack)
    assert set(ids.values()) == set(stored)
    for name, cid in ids.items():
        assert stored[cid]["schedulePlan"] == declared[name]["schedule_plan"]
    assert stack.preview_json()["changeSummary"] == {"same": 4}
    assert_pending_creates_cleared(stack, emulator, declared)


# --- lost answers, in parallel ---------------------------------------------------------------


LOST: dict[str, dict[str, Any]] = {
    "drop after commit": {"action": "drop_after_commit"},
    "503 after commit": {
        "action": "answer",
        "status": 503,
        "body": "Service Unavailable",
        "commit": True,
    },
    "2xx without id": {"action": "answer", "status": 201, "body": "{}", "commit": True},
}


# Each lost answer through one door (the lookup is the core's); each door runs three creates
# at once here, which is the adapter's doing.
@pytest.mark.parametrize(
    ("lost", "door"),
    [("drop after commit", "python"), ("503 after commit", "yaml"), ("2xx without id", "python")],
)
def test_parallel_look_alikes_with_lost_answers_each_own_their_campaign(
    lost: str, campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    declared = {f"c{day}": args(day) for day in (1, 2, 3)}
    stack.declare(**declared)
    # The three POSTs are held until all three are (the creates, look-alikes that nothing
    # keeps apart, are in flight together); then each answer is lost after its commit.
    fault(emulator, method="POST", path="/campaign", action="hold", count=3, times=3)
    fault(emulator, method="POST", path="/campaign", times=3, **LOST[lost])
    up = stack.up("--parallel", "4")
    sent = sorted(posts(emulator), key=lambda e: e["arrived"])
    assert [(p.get("hold"), p.get("fault")) for p in sent] == [("count", LOST[lost]["action"])] * 3
    stored = {c["id"]: c for c in campaigns(emulator)}
    ids = state_ids(stack)
    assert len(stored) == 3 and sorted(ids.values()) == sorted(stored)
    for name, cid in ids.items():
        assert stored[cid]["schedulePlan"] == declared[name]["schedule_plan"]
    # The takeover is shown, naming each resource.
    for name, cid in ids.items():
        assert re.search(
            rf'campaign {cid} \(resource "{name}"\).*taken over', up.stdout + up.stderr
        )
    assert stack.preview_json()["changeSummary"] == {"same": 4}


# --- adopted campaigns ------------------------------------------------------------------------


@both_doors  # each adapter asks the engine to delete before it creates a replacement
def test_replacing_an_adopted_campaign_creates_the_new_one(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    with emulator.api() as api:
        made = api.post(
            "/campaign",
            json={
                "name": "Follow-up",
                "phoneNumberId": "pn-1",
                "assistantId": "asst-1",
                "customers": [{"number": n} for n in NUMBERS],
                "schedulePlan": {"earliestAt": "2099-01-01T17:00:00Z"},
            },
        ).json()
    stack = campaign_stack()
    stack.declare(main=args(adopt_id=made["id"]), other=args(2))
    stack.up()
    assert state_ids(stack)["main"] == made["id"]
    # Customers change while scheduled: replaced (delete, then create), adopt_id stays.
    fewer = args(adopt_id=made["id"], customers=[{"number": NUMBERS[0]}])
    stack.declare(main=fewer, other=args(2))
    emulator.control.delete("requests").raise_for_status()
    stack.up()
    written = [(e["method"], e["path"]) for e in journal_all(emulator) if e["method"] != "GET"]
    assert written == [("DELETE", f"/campaign/{made['id']}"), ("POST", "/campaign")]
    main = state_ids(stack)["main"]
    assert main != made["id"]
    stored = {c["id"]: c for c in campaigns(emulator)}
    assert made["id"] not in stored and len(stored[main]["customers"]) == 1
    assert len(stored) == 2
    assert stack.preview_json()["changeSummary"] == {"same": 3}


@through("yaml")  # the core's diff; adoptId is translated in test_adopt.py (both doors)
def test_adopt_id_set_to_the_campaigns_own_id_changes_nothing(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(main=args())
    stack.up()
    own = state_ids(stack)["main"]
    stack.declare(main=args(adopt_id=own))
    assert stack.preview_json()["changeSummary"] == {"same": 2}
    stack.up()
    assert [c["id"] for c in campaigns(emulator)] == [own] == [state_ids(stack)["main"]]


# --- dialed campaigns: format-only edits, renames, dashboard deletes --------------------------


def start_dialing(emulator: Emulator, earliest: str = "2099-01-01T17:00:00Z") -> None:
    """Stop the emulator's clock a second past ``earliest``: scheduled campaigns dial, and
    stay where they are until the test moves the clock."""
    start = datetime.fromisoformat(earliest.replace("Z", "+00:00"))
    emulator.clock(freeze=True, set=(start + timedelta(seconds=1)).isoformat())


def end_all_calls(emulator: Emulator) -> None:
    emulator.clock(advance="PT1H")


@through("yaml")  # the core's comparison of instants
def test_a_schedule_edit_to_the_same_instant_is_no_change(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(main=args(schedule_plan={"earliestAt": "2099-01-01T17:00:00Z"}))
    stack.up()
    start_dialing(emulator)
    stack.declare(main=args(schedule_plan={"earliestAt": "2099-01-01T18:00:00+01:00"}))
    emulator.control.delete("requests").raise_for_status()
    assert stack.preview_json()["changeSummary"] == {"same": 2}
    stack.up()
    assert emulator.control.get("requests").json() == []


@both_doors
def test_a_renamed_resource_is_refused_then_an_alias_keeps_the_campaign(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(**{"spring-checkup": args(), "other": args(2)})
    stack.up()
    old = state_ids(stack)["spring-checkup"]
    start_dialing(emulator)
    # A refactor renames the resource, nothing else.
    stack.declare(spring=args(), other=args(2))
    emulator.control.delete("requests").raise_for_status()
    # Refused at preview already (what up would refuse), with GETs only.
    previewed = stack.run("preview", check=False)
    assert previewed.returncode != 0
    said = previewed.stdout + previewed.stderr
    assert 'resource "spring": an identical campaign already exists' in said and old in said
    assert {e["method"] for e in emulator.control.get("requests").json()} == {"GET"}
    with pytest.raises(PulumiFailed) as refused:
        stack.up()
    output = refused.value.stdout + refused.value.stderr
    assert 'resource "spring": an identical campaign already exists' in output
    alias_hint = "aliases=[pulumi.Alias(" if stack.door == "python" else "options: aliases:"
    assert old in output and alias_hint in output
    assert stack.opt_in("adopt_id", old) in output  # the way out, as this door spells it
    assert posts(emulator) == []
    assert [c["id"] for c in campaigns(emulator) if c["id"] == old] == [old]  # not deleted
    # Pulumi's own fix: an alias. The campaign stays, nothing is sent.
    stack.declare(spring={**args(), "aliases": ["spring-checkup"]}, other=args(2))
    emulator.control.delete("requests").raise_for_status()
    stack.up()
    assert state_ids(stack)["spring"] == old
    assert all(e["method"] == "GET" for e in emulator.control.get("requests").json())
    assert len(campaigns(emulator)) == 2


@both_doors
def test_a_dialed_campaign_deleted_in_the_dashboard_is_not_recreated_silently(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    # "dialed" (day 1) and "unseen" (day 2) dial and end; the stack records that "dialed"
    # ended, but sees "unseen" only as scheduled. "waiting" (day 5) never dials.
    stack.declare(dialed=args(1), unseen=args(2), waiting=args(5))
    stack.up()
    ids = state_ids(stack)
    start_dialing(emulator, "2099-01-02T17:00:00Z")
    end_all_calls(emulator)
    with emulator.api() as api:
        api.delete(f"/campaign/{ids['unseen']}").raise_for_status()
    stack.run("refresh", "--yes", "--skip-preview")
    assert stack.resource(":Campaign", "dialed")["outputs"]["status"] == "ended"
    # Gone with its window open by the API's clock (its Date header): it may have dialed.
    assert stack.resource(":Campaign", "unseen")["outputs"]["status"] == "deleted"
    with emulator.api() as api:
        for name in ("dialed", "waiting"):
            api.delete(f"/campaign/{ids[name]}").raise_for_status()
    stack.run("refresh", "--yes", "--skip-preview")
    assert stack.resource(":Campaign", "dialed")["outputs"]["status"] == "deleted"
    with pytest.raises(AssertionError, match="no resource waiting"):
        stack.resource(":Campaign", "waiting")  # never dialed: forgotten, may be re-created

    emulator.control.delete("requests").raise_for_status()
    for command in (("up", "--yes", "--skip-preview"), ("up", "--yes", "--refresh")):
        result = stack.run(*command, check=False)
        assert result.returncode != 0
        output = result.stdout + result.stderr
        assert "deleted outside Pulumi after it had dialed" in output
        # The first refusal stops the run: it names one of the two, with its campaign.
        assert any(f'campaign {ids[n]} (resource "{n}")' in output for n in ("dialed", "unseen"))
        assert "Traceback" not in output  # a check failure: one clear error
    # Only the campaign that never dialed may have been re-created meanwhile.
    assert [c["schedulePlan"] for c in campaigns(emulator)] in ([], [args(5)["schedule_plan"]])

    # Opting in re-creates them (calling their people again, as asked); the one that never
    # dialed is re-created as declared.
    stack.declare(
        dialed=args(1, allow_redial=True), unseen=args(2, allow_redial=True), waiting=args(5)
    )
    stack.up()
    assert len(posts(emulator)) == 3
    assert sorted(c["schedulePlan"]["earliestAt"][:10] for c in campaigns(emulator)) == [
        "2099-01-01",
        "2099-01-02",
        "2099-01-05",
    ]
    assert stack.preview_json()["changeSummary"] == {"same": 4}


def test_unknown_workflow_id_passes_preview_and_is_checked_at_up(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    flow = {k: v for k, v in args().items() if k != "assistant_id"}
    stack.declare(stubs={"wf": {"value": "wf-1"}}, main={**flow, "workflow_from": "wf"})
    preview = stack.preview_json()
    assert preview["changeSummary"] == {"create": 3}
    stack.up()
    [stored] = campaigns(emulator)
    assert stored["workflowId"] == "wf-1" and "assistantId" not in stored


def test_unknown_workflow_id_with_an_assistant_passes_preview_and_is_refused_at_up(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    # Both set: the rule "one of them" cannot be judged at preview (the workflow is another
    # resource's output); at up it is known, and check refuses the campaign: nothing is sent.
    stack = campaign_stack()
    stack.declare(stubs={"wf": {"value": "wf-1"}}, main={**args(), "workflow_from": "wf"})
    assert stack.preview_json()["changeSummary"] == {"create": 3}
    emulator.control.delete("requests").raise_for_status()
    refused = stack.run("up", "--yes", "--skip-preview", check=False)
    assert refused.returncode != 0
    # The names as the program wrote them.
    assert "assistant_id and workflow_id cannot both be set" in refused.stdout + refused.stderr
    assert emulator.control.get("requests").json() == []
    assert campaigns(emulator) == []


@both_doors
def test_plain_http_to_another_host_is_refused_before_any_request(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    # This machine's name is not a loopback name, yet it reaches the emulator: had the key
    # been sent, the emulator's journal would show it.
    port = emulator.base_url.rsplit(":", 1)[1]
    url = f"http://{socket.gethostname()}:{port}"
    assert httpx.get(f"{url}/__emulator/health").json() == {"ok": True}
    stack = campaign_stack()
    stack.configure({"cozmox:baseUrl": url})
    stack.declare(main=args())
    # Refused at preview (a create is planned), and at up: nothing sent either time.
    for command in (["preview"], ["up", "--yes", "--skip-preview"]):
        refused = stack.run(*command, check=False)
        assert emulator.control.get("requests").json() == []
        assert refused.returncode != 0
        output = refused.stdout + refused.stderr
        assert "cozmox:baseUrl must be an https:// URL" in output
        assert emulator.api_key not in output
