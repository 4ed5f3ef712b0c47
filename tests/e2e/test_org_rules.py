"""The org's calling calendar (issue 13), through the real CLI: several stacks against one org,
the call limit and the duplicate guard across them (at preview, and when two `up`s race), the
do-not-call list edited between two previews, an org of thousands of campaigns, and a preview
that fails exactly where `up` would.

Expected outcomes follow from each scenario: who may be called, how often, and which campaign
remains; requests are counted in the emulator's journal.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qsl

import pytest

from tests.conftest import Emulator
from tests.e2e.conftest import CampaignStack, both_doors, through
from tests.e2e.pulumi_cli import run_review

ADA, GRACE, ALAN, EDSGER = "+14155550101", "+14155550102", "+14155550103", "+14155550104"


def campaign(start: str, numbers: list[str], hours: int = 3, **options: Any) -> dict[str, Any]:
    """A campaign calling ``numbers`` from ``start`` (UTC, 'YYYY-MM-DDTHH:MM') for ``hours``."""
    begin = datetime.fromisoformat(start).replace(tzinfo=timezone.utc)
    end = begin + timedelta(hours=hours)
    return {
        "name": f"Reminders {start}",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [{"number": n} for n in numbers],
        "schedule_plan": {
            "earliestAt": begin.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "latestAt": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
        **options,
    }


def campaigns(emulator: Emulator) -> list[dict[str, Any]]:
    with emulator.api() as api:
        return list(api.get("/campaign", params={"limit": 100}).json()["results"])


def journal(emulator: Emulator) -> list[dict[str, Any]]:
    return list(emulator.control.get("requests").json())


def methods(emulator: Emulator) -> set[str]:
    return {e["method"] for e in journal(emulator)}


def ids(stack: CampaignStack) -> dict[str, str]:
    return {k[: -len(".id")]: v for k, v in stack.outputs().items() if k.endswith(".id")}


def assert_no_number(text: str, *numbers: str) -> None:
    for number in numbers:
        assert number not in text and number[2:] not in text, "a number was printed"


# --- the call limit across stacks ------------------------------------------------------------


# The call limit is the core's rule: one door (the YAML door's cozmox:callLimit is read in
# test_two_stacks_racing_end_with_one_campaign[call limit-yaml]).
@through("python")
def this_runs_creates_count_too(second: CampaignStack, emulator: Emulator) -> None:
    """Moved a day later, Ada may be called; but two creates of this run that both call Alan
    within 24 hours are one too many: the one checked second is refused, naming the other
    (the engine checks "again" second: it depends on "tuesday"). Further apart: both made."""
    second.declare(
        tuesday=campaign("2099-01-07T17:00", [ALAN, ADA]),
        again=campaign("2099-01-07T23:00", [ALAN], depends_on=["tuesday"]),
    )
    refused = second.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert 'resource "again": customers[0]' in said and 'resource "tuesday" (created' in said
    assert 'resource "tuesday": customers[0]' not in said

    second.declare(
        tuesday=campaign("2099-01-07T17:00", [ALAN, ADA]),
        later=campaign("2099-01-09T17:00", [ALAN]),
    )
    emulator.control.delete("requests").raise_for_status()
    second.up("--parallel", "4")
    assert sum(e["method"] == "POST" for e in journal(emulator)) == 2
    assert len(campaigns(emulator)) == 3


def a_looser_limit_says_who_else_calls(third: CampaignStack, monday: str) -> None:
    """A looser limit lets a third campaign through (Grace: Monday only), and the preview and
    the review say who else calls them; Alan a third time in 7 days is refused."""
    third.configure({"cozmox:callLimit": "2/7d"})
    # A do-not-call list that lists none of friday's customers: the review counts 0.
    (third.workdir / "do-not-call.txt").write_text("+14155550199\n")
    third.configure({"cozmox:doNotCall": "do-not-call.txt"})
    third.declare(friday=campaign("2099-01-10T17:00", [EDSGER, GRACE]))
    preview = third.run("preview")
    said = preview.stdout + preview.stderr
    expected = f"call limit 2/7d: 1 person also called by campaign {monday}"
    assert f"cozmox: friday: rules: 0 on the do-not-call list; {expected}" in said
    # The review counts both rules in its summary and gives each a row.
    reviewed = run_review(third.run("preview", "--json").stdout, third.workdir)
    assert reviewed.returncode == 0, reviewed.stderr
    [summary] = [ln for ln in reviewed.stdout.splitlines() if ln.startswith("**Cozmox:")]
    assert summary.endswith(
        "Rules: 0 on the do-not-call list; 1 person also called by another campaign within the"
        " limit."
    ), summary
    assert "| do-not-call list | 0 of its customers listed |" in reviewed.stdout
    assert f"| call limit 2/7d | also called: 1 person by campaign {monday} (" in reviewed.stdout
    assert_no_number(reviewed.stdout, EDSGER, GRACE, ADA)
    # Alan twice in those 7 days already (tuesday, later): a third call is past this limit.
    third.declare(
        friday=campaign("2099-01-10T17:00", [EDSGER, GRACE]),
        saturday=campaign("2099-01-11T17:00", [ALAN]),
    )
    refused = third.run("preview", check=False)
    assert refused.returncode != 0
    assert "also called by 2 other campaigns" in refused.stdout + refused.stderr


def test_the_call_limit_counts_other_stacks_and_this_run(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    first = campaign_stack("first")
    first.configure({"cozmox:callLimit": "1/24h"})
    first.declare(monday=campaign("2099-01-05T17:00", [ADA, GRACE]))
    first.up()
    monday = ids(first)["monday"]

    # Another stack of the same org: Ada again 21 hours after Monday's window closes.
    second = campaign_stack("second")
    second.configure({"cozmox:callLimit": "1/24h"})
    second.declare(tuesday=campaign("2099-01-06T17:00", [ALAN, ADA]))
    emulator.control.delete("requests").raise_for_status()
    refused = second.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert 'resource "tuesday"' in said and "customers[1]" in said and "customers[0]" not in said
    assert f"campaign {monday}" in said and "past the call limit 1/24h" in said
    assert_no_number(said, ADA, ALAN)
    assert methods(emulator) == {"GET"}

    this_runs_creates_count_too(second, emulator)
    a_looser_limit_says_who_else_calls(campaign_stack("third"), monday)


# Each clash through one door: the withdrawal after the POST is the core's; each door's create
# shows it, and the YAML door's cozmox:callLimit is read here.
@pytest.mark.parametrize(("clash", "door"), [("identical", "python"), ("call limit", "yaml")])
def test_two_stacks_racing_end_with_one_campaign(
    clash: str, campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    # Two stacks of one org run `up` at the same moment; their campaigns clash (the same
    # campaign, or the same person within the call limit). Each passes its own check; the
    # emulator holds each POST until both are held, so they are in flight together.
    stacks = [campaign_stack("east"), campaign_stack("west")]
    for stack, hour in zip(stacks, ("17:00", "18:00"), strict=True):
        stack.configure({"cozmox:callLimit": "1/24h"})
        start = "2099-01-05T17:00" if clash == "identical" else f"2099-01-05T{hour}"
        stack.declare(shared=campaign(start, [ADA, GRACE]))
    rule = {"method": "POST", "path": "/campaign", "action": "hold", "count": 2, "times": 2}
    emulator.control.post("faults", json=rule).raise_for_status()
    jobs = [s.start("up", "--yes", "--skip-preview") for s in stacks]
    codes = [job.wait(300) for job in jobs]
    outputs = [job.output() for job in jobs]
    # Both POSTs were in flight together: held until both were, the second arrived before the
    # first was answered.
    posts = sorted(
        (e for e in journal(emulator) if e["method"] == "POST"), key=lambda e: e["arrived"]
    )
    assert [p["hold"] for p in posts] == ["count", "count"]
    assert len(posts) == 2 and posts[1]["arrived"] < posts[0]["ended"]
    # Exactly one campaign remains; the later one was deleted again, before it dialed.
    remaining = campaigns(emulator)
    assert len(remaining) == 1
    assert codes.count(0) == 1, outputs
    loser = outputs[1 - codes.index(0)]
    assert "is the later of them, so it was deleted again" in loser
    assert "nobody was called" in loser
    assert sum(e["method"] == "DELETE" for e in journal(emulator)) == 1
    winner = stacks[codes.index(0)]
    assert ids(winner)["shared"] == remaining[0]["id"]


# --- the do-not-call list ----------------------------------------------------------------------


def readable_state(stack: CampaignStack) -> str:
    """The stack's state as text in which a number would show: secrets revealed, the
    customers decoded (the Python door records them compressed), the pickled provider
    unpacked from its base64."""
    resources = stack.export(show_secrets=True)["deployment"].get("resources", [])
    for resource in resources:
        for part in ("inputs", "outputs"):
            values = resource.get(part) or {}
            if resource["type"].endswith(":Campaign") and "customers" in values:
                values["customers"] = stack.recorded_customers(values)
            provider = values.get("__provider")
            if isinstance(provider, dict) and "plaintext" in provider:
                packed = json.loads(provider["plaintext"])
                values["__provider"] = base64.b64decode(packed).decode("latin-1")
    return json.dumps(resources)


# The list's rules are the core's: one door. Both doors spell the refusal's way out
# (`ended`) in test_drift.py::test_the_drift_check_catches_a_person_who_opted_out_before_the_
# campaign_dials, and replace delete-first in test_never_twice.py::test_replacing_an_adopted_
# campaign_creates_the_new_one.
@through("python")
def test_a_person_listed_after_the_campaign_was_created_fails_every_preview(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    dnc = stack.workdir / "do-not-call.csv"
    dnc.write_text("number,reason\n")
    stack.configure({"cozmox:doNotCall": "do-not-call.csv"})
    stack.declare(reminders=campaign("2099-01-05T17:00", [ADA, GRACE, ALAN]))
    stack.up()
    [campaign_id] = ids(stack).values()

    # Grace opts out on Monday; the campaign would dial on Friday.
    dnc.write_text("number,reason\n+1 (415) 555-0102,asked on the phone\n")
    emulator.control.delete("requests").raise_for_status()
    refused = stack.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert f"campaign {campaign_id}" in said and "customers[1]" in said
    assert "on the do-not-call list" in said and "Remove them from the program" in said
    assert_no_number(said, GRACE)
    # It looked at the live status (one GET), and wrote nothing.
    assert [(e["method"], e["path"]) for e in journal(emulator)] == [
        ("GET", f"/campaign/{campaign_id}")
    ]
    assert f"or stop the campaign: set {stack.opt_in('ended', True)} on the resource" in said
    # A refresh still records what it finds.
    stack.run("refresh", "--yes", "--skip-preview")
    # The list is not in state, the campaign's customers are: the search sees numbers.
    state = readable_state(stack)
    assert GRACE in state and ADA in state
    assert "asked on the phone" not in state and "(415) 555-0102" not in state
    # The other way out the message gives, a stop, is a plan the list allows: it calls nobody.
    stack.declare(reminders=campaign("2099-01-05T17:00", [ADA, GRACE, ALAN], ended=True))
    assert stack.preview_json()["changeSummary"] == {"update": 1, "same": 1}

    # A new campaign that calls her is refused at preview too, by path.
    stack.declare(
        reminders=campaign("2099-01-05T17:00", [ADA, ALAN]),
        extra=campaign("2099-02-05T17:00", [EDSGER, GRACE]),
    )
    refused = stack.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert 'resource "extra"' in said and "customers[1]: 1 customer is on the do-not-call" in said
    assert_no_number(said, GRACE)

    # The way out: remove her. The campaign is replaced before it dials; nobody is listed.
    stack.declare(reminders=campaign("2099-01-05T17:00", [ADA, ALAN]))
    emulator.control.delete("requests").raise_for_status()
    stack.up()
    sent = [e["method"] for e in journal(emulator) if e["method"] != "GET"]
    assert sent == ["DELETE", "POST"]
    [stored] = campaigns(emulator)
    assert [c["number"] for c in stored["customers"]] == [ADA, ALAN]
    assert stack.preview_json()["changeSummary"] == {"same": 2}
    # The list itself never reaches state: she is in no readable part of it now.
    state = readable_state(stack)
    assert ADA in state and ALAN in state
    assert GRACE not in state and GRACE[2:] not in state
    assert "asked on the phone" not in state


@both_doors
def test_an_unreadable_list_is_named_by_file_and_line(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    (stack.workdir / "dnc.txt").write_text("+14155550101\nAda Lovelace\n")
    stack.configure({"cozmox:doNotCall": "dnc.txt"})
    stack.declare(reminders=campaign("2099-01-05T17:00", [ADA]))
    refused = stack.run("preview", check=False)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "cozmox:doNotCall file dnc.txt, line 2: not a phone number" in said
    assert "Ada Lovelace" not in said
    assert journal(emulator) == []


# --- a big org ---------------------------------------------------------------------------------


def params(entry: dict[str, Any]) -> dict[str, str]:
    return dict(parse_qsl(entry["query"]))


def read_as(entry: dict[str, Any]) -> tuple[str, str, str | None, str | None]:
    """A request as (method, path, the status it lists, the page)."""
    query = params(entry)
    return entry["method"], entry["path"], query.get("status"), query.get("page")


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# How the org is read is the core's (the org view): one door.
@through("python")
def import_history(emulator: Emulator, now: datetime, twin: dict[str, Any]) -> str:
    """Three years of history: 3,000 campaigns that ended long ago, 150 scheduled ahead (50
    customers each), and one made in the dashboard identical to ``twin``: its id."""
    history = []
    for i in range(3000):
        created = now - timedelta(days=3 * 365) + timedelta(hours=8 * i)
        body: dict[str, Any] = {
            "name": f"old {i}",
            "phoneNumberId": "pn-1",
            "assistantId": "asst-1",
            "customers": [{"number": f"+1415201{i % 9000:04d}"}],
        }
        history.append({"createdAt": created.isoformat(), "body": body})
    for i in range(150):
        body = {
            "name": f"ahead {i}",
            "phoneNumberId": "pn-1",
            "assistantId": "asst-1",
            "schedulePlan": {"earliestAt": f"2099-03-{1 + i % 28:02d}T17:00:00Z"},
            "customers": [{"number": f"+1415202{i:02d}{j:02d}"} for j in range(50)],
        }
        history.append({"createdAt": (now - timedelta(days=30)).isoformat(), "body": body})
    made = {"name": "made in the dashboard", "phoneNumberId": "pn-1", "assistantId": "asst-1"}
    made |= {"schedulePlan": twin["schedule_plan"], "customers": twin["customers"]}
    history.append({"createdAt": (now - timedelta(days=2)).isoformat(), "body": made})
    imported = emulator.control.post("import", json={"campaigns": history})
    imported.raise_for_status()
    return str(imported.json()["ids"][-1])


def assert_up_read_once_then_caught_up(emulator: Emulator) -> None:
    """What an `up` of five creates read: the org once, then only what changed lately."""
    listings = [e for e in journal(emulator) if (e["method"], e["path"]) == ("GET", "/campaign")]
    # No listing reads the whole history: each asks for a status or what changed lately.
    for entry in listings:
        query = entry["query"]
        assert (
            "status=scheduled" in query or "status=in-progress" in query or ("updatedAtGe" in query)
        ), query
    # The up's one read of the org: 2 pages of scheduled campaigns (151 at 100 a page), 1 in
    # progress, 1 ended lately; then a look at what changed before and after each POST, shared
    # by the creates asking at the same moment: two at least, two per create at most.
    by_status = [e for e in listings if "status=" in e["query"]]
    assert len(by_status) == 2 + 1 + 1
    catch_ups = [e for e in listings if "status=" not in e["query"]]
    assert 2 <= len(catch_ups) <= 5 * 2
    posts = [e for e in journal(emulator) if e["method"] == "POST"]
    assert len(posts) == 5
    order = [(e["method"], e["query"][:40], e["arrived"], e["ended"]) for e in journal(emulator)]
    for post in posts:
        assert any(c["ended"] < post["arrived"] for c in catch_ups), order
        assert any(c["arrived"] > post["ended"] for c in catch_ups), order


def test_an_org_of_thousands_is_read_once_and_bounded(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    # The clock stands still: the lookback's bound is exact.
    now = instant(emulator.clock(freeze=True)["now"])
    twin = campaign("2099-01-05T17:00", [ADA, GRACE])
    twin_id = import_history(emulator, now, twin)
    stack = campaign_stack()
    creates = {f"c{i}": campaign(f"2099-02-0{i}T17:00", [f"+14155550{i}11"]) for i in range(1, 6)}
    stack.declare(**creates, twin=twin)
    emulator.control.delete("requests").raise_for_status()
    refused = stack.run("preview", check=False)
    assert refused.returncode != 0
    assert (
        'resource "twin": an identical campaign already exists' in refused.stdout + refused.stderr
    )
    # The preview of six creates read the org once: 2 pages of scheduled campaigns (151 at 100
    # a page), 1 in progress, 1 of those that ended within the lookback; then the look at the
    # twin its refusal names, and one read of the assistant and of the phone number all six
    # name (the resources are checked at once: those three in any order).
    read = sorted(journal(emulator), key=lambda e: e["arrived"])
    assert [read_as(e) for e in read[:4]] == [
        ("GET", "/campaign", "scheduled", "1"),
        ("GET", "/campaign", "scheduled", "2"),
        ("GET", "/campaign", "in-progress", "1"),
        ("GET", "/campaign", "ended", "1"),
    ]
    assert sorted(read_as(e) for e in read[4:]) == [
        ("GET", "/assistant/asst-1", None, None),
        ("GET", f"/campaign/{twin_id}", None, None),
        ("GET", "/phone-number/pn-1", None, None),
    ]
    # The lookback is 7 days (no rule asks for more), from the server's time of the first read
    # (its Date header, the frozen instant).
    assert instant(params(read[3])["updatedAtGe"]) == now - timedelta(days=7)

    stack.declare(**creates)
    emulator.control.delete("requests").raise_for_status()
    stack.up("--parallel", "8")
    assert_up_read_once_then_caught_up(emulator)


# --- preview says what up would --------------------------------------------------------------


@both_doors
def test_preview_checks_the_key_when_a_write_is_planned(
    campaign_stack: Callable[..., CampaignStack], emulator: Emulator
) -> None:
    stack = campaign_stack()
    stack.declare(reminders=campaign("2099-01-05T17:00", [ADA]))
    stack.up()
    stack.configure(remove=("cozmox:apiKey",))
    emulator.control.delete("requests").raise_for_status()
    # A no-op preview needs no key and sends nothing.
    assert stack.preview_json()["changeSummary"] == {"same": 2}
    assert journal(emulator) == []
    # A rename is a write: the missing key is said now, not after the merge.
    stack.declare(reminders=campaign("2099-01-05T17:00", [ADA], name="Renamed"))
    missing = stack.run("preview", check=False)
    assert missing.returncode != 0 and "no Cozmox API key" in missing.stdout + missing.stderr
    # A wrong key: refused with a clear message. Three writes are planned (a rename, two new
    # campaigns): one request for the run, not one per resource.
    stack.configure(secrets={"cozmox:apiKey": "sk-not-this-one"})
    stack.declare(
        reminders=campaign("2099-01-05T17:00", [ADA], name="Renamed"),
        new=campaign("2099-01-06T17:00", [GRACE]),
        newer=campaign("2099-01-07T17:00", [ALAN]),
    )
    emulator.control.delete("requests").raise_for_status()
    wrong = stack.run("preview", check=False)
    said = wrong.stdout + wrong.stderr
    assert wrong.returncode != 0
    assert "the Cozmox API refused the API key (401 Unauthorized)" in said
    assert "sk-not-this-one" not in said
    assert [e["status"] for e in journal(emulator)] == [401]
