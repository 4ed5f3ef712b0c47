"""_create.py against the emulator: the duplicate guard, and lost answers never re-sent blindly.

Each fault is injected by the emulator over real HTTP; the expected outcome is what the
scenario implies: exactly the campaigns the program asked for, each resource its own.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from pulumi_cozmox.client.errors import DuplicateCampaign, OutcomeUnknown, ServerError
from pulumi_cozmox.core.engine.create import Claims, Created, create_campaign
from pulumi_cozmox.core.engine.guard import Guard
from pulumi_cozmox.core.engine.org import OrgView
from pulumi_cozmox.core.resource import names
from tests.integration.helpers import (
    add_fault,
    arrivals,
    body,
    campaigns,
    declared,
    guard_listings,
    journal,
    make_client,
    one_at_a_time,
)


def existing(emulator: Any, data: dict[str, Any]) -> str:
    """A campaign made outside this client (the dashboard, another stack)."""
    with emulator.api() as api:
        response = api.post("/campaign", json=data)
        response.raise_for_status()
        return str(response.json()["id"])


def create(client: Any, data: dict[str, Any], **options: Any) -> Created:
    return create_campaign(client, declared(data), lookup_interval=0.2, **options)


# --- the duplicate guard ---------------------------------------------------------------------


def test_identical_campaign_is_refused_before_anything_is_sent(client: Any, emulator: Any) -> None:
    first = existing(emulator, body("Spring"))
    emulator.control.delete("requests")
    # Another name, the same people at the same time from the same number: a duplicate.
    with pytest.raises(DuplicateCampaign) as refused:
        create(client, body("Spring (copy)"))
    message = names.render(str(refused.value), "python")  # as a Python program's author reads it
    assert refused.value.campaign_ids == [first]
    assert first in message
    assert f'adopt_id="{first}"' in message
    assert "aliases=[pulumi.Alias(" in message and f'allow_duplicate="{first}"' in message
    assert "+1415555" not in message
    assert journal(emulator, "POST") == []
    assert [c["id"] for c in campaigns(emulator)] == [first]


def test_same_instants_in_another_format_are_identical(client: Any, emulator: Any) -> None:
    existing(emulator, body(schedulePlan={"earliestAt": "2099-01-01T09:00:00Z"}))
    same_time = body(schedulePlan={"earliestAt": "2099-01-01T10:00:00+01:00"})
    with pytest.raises(DuplicateCampaign):
        create(client, same_time)


def test_allow_duplicate_creates_a_second_identical_campaign(client: Any, emulator: Any) -> None:
    first = existing(emulator, body())
    created = create(client, body(), allow_duplicate=True)
    assert created.campaign["id"] != first and created.recovered_from is None
    assert len(campaigns(emulator)) == 2


def test_allow_duplicate_by_id_allows_a_copy_of_that_campaign_once(
    client: Any, emulator: Any
) -> None:
    first = existing(emulator, body())
    other = existing(emulator, body(schedulePlan={"earliestAt": "2099-01-08T09:00:00.000Z"}))
    # Another campaign's id allows nothing: the refusal names the one it found.
    with pytest.raises(DuplicateCampaign) as refused:
        create(client, body(), allow_duplicate=other)
    assert refused.value.campaign_ids == [first]
    copy = create(client, body(), allow_duplicate=first)
    assert copy.campaign["id"] not in (first, other)
    # Done once, the same line allows no third copy: two identical campaigns exist now.
    emulator.control.delete("requests")
    with pytest.raises(DuplicateCampaign) as again:
        create(client, body(), allow_duplicate=first)
    assert sorted(again.value.campaign_ids) == sorted([first, copy.campaign["id"]])
    assert "allow_duplicate=True" in names.render(str(again.value), "python")
    assert journal(emulator, "POST") == []
    assert len(campaigns(emulator)) == 3


@pytest.mark.parametrize(
    "change",
    [
        {"schedulePlan": {"earliestAt": "2099-01-08T09:00:00.000Z"}},  # a follow-up series
        {"phoneNumberId": "pn-2"},
        {"assistantId": "as-2"},
        {"customers": [{"number": "+14155550000"}]},  # fewer people
        {  # the same people, other overrides
            "customers": [
                {"number": "+14155550000", "assistantOverrides": {"variableValues": {"a": 1}}},
                {"number": "+14155550001"},
            ]
        },
    ],
)
def test_look_alikes_are_created_as_declared(
    client: Any, emulator: Any, change: dict[str, Any]
) -> None:
    first = existing(emulator, body())
    assert Guard(client).identical(declared(body(**change))) == []
    created = create(client, body(**change))
    assert created.campaign["id"] != first
    assert len(campaigns(emulator)) == 2


def test_the_guard_reads_every_page(client: Any, emulator: Any) -> None:
    target = existing(emulator, body("target", numbers=3))
    for i in range(150):  # newer campaigns push the target to the second page
        existing(emulator, body(f"other {i}", numbers=1, phoneNumberId="pn-9"))
    assert [c["id"] for c in Guard(client).identical(declared(body("x", numbers=3)))] == [target]


# --- lost answers -------------------------------------------------------------------------------


def test_answer_lost_after_commit_is_found_not_sent_again(client: Any, emulator: Any) -> None:
    add_fault(emulator, method="POST", path="/campaign", action="drop_after_commit")
    created = create(client, body())
    assert created.recovered_from is not None and "RemoteProtocolError" in created.recovered_from
    assert [c["id"] for c in campaigns(emulator)] == [created.campaign["id"]]
    assert len(journal(emulator, "POST")) == 1


def test_dropped_before_processing_is_sent_again_after_a_short_lookup(
    client: Any, emulator: Any, pauses: list[float]
) -> None:
    add_fault(emulator, method="POST", path="/campaign", action="drop")
    created = create(client, body())
    assert created.recovered_from is None
    assert [c["id"] for c in campaigns(emulator)] == [created.campaign["id"]]
    assert [e["status"] for e in journal(emulator, "POST")] == [None, 201]
    # The server hung up: it is done with the request, so the lookup does not wait out the
    # long grace (2 x the 5 s timeout) before sending again.
    assert sum(pauses) <= 2.0 + 1.0


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_after_commit_is_found_not_sent_again(client: Any, emulator: Any, status: int) -> None:
    add_fault(emulator, method="POST", path="/campaign", action="answer", status=status,
              body='{"message": "upstream failed"}', commit=True)  # fmt: skip
    created = create(client, body())
    assert created.recovered_from is not None and str(status) in created.recovered_from
    assert [c["id"] for c in campaigns(emulator)] == [created.campaign["id"]]
    assert len(journal(emulator, "POST")) == 1


@pytest.mark.parametrize("status", [502, 503, 504])
def test_5xx_without_commit_is_sent_again_once_nothing_is_found(
    client: Any, emulator: Any, status: int
) -> None:
    add_fault(emulator, method="POST", path="/campaign", status=status)
    created = create(client, body())
    assert [c["id"] for c in campaigns(emulator)] == [created.campaign["id"]]
    assert [e["status"] for e in journal(emulator, "POST")] == [status, 201]


def test_500_without_commit_is_raised_not_repeated(client: Any, emulator: Any) -> None:
    add_fault(emulator, method="POST", path="/campaign", status=500)
    with pytest.raises(ServerError):
        create(client, body())
    assert len(journal(emulator, "POST")) == 1
    assert campaigns(emulator) == []


def test_429_is_retried_by_the_transport(client: Any, emulator: Any, pauses: list) -> None:
    add_fault(emulator, method="POST", path="/campaign", status=429, retryAfter=2, times=2)
    created = create(client, body())
    assert [c["id"] for c in campaigns(emulator)] == [created.campaign["id"]]
    assert [e["status"] for e in journal(emulator, "POST")] == [429, 429, 201]
    # Retry-After (2 s) plus jitter of up to 1 + 2/2 s: never sooner than the API asked.
    assert len(pauses) == 2 and all(2.0 <= p <= 2.0 + 2.0 for p in pauses)


@pytest.mark.parametrize("answer", ["", "not json", "{}", '{"name": "Q2"}', "[]"])
def test_malformed_2xx_after_commit_is_found(client: Any, emulator: Any, answer: str) -> None:
    add_fault(emulator, method="POST", path="/campaign", action="answer", status=201,
              body=answer, commit=True)  # fmt: skip
    created = create(client, body())
    assert created.recovered_from is not None
    assert [c["id"] for c in campaigns(emulator)] == [created.campaign["id"]]
    assert len(journal(emulator, "POST")) == 1


def test_malformed_2xx_with_nothing_created_is_never_sent_again(client: Any, emulator: Any) -> None:
    add_fault(emulator, method="POST", path="/campaign", action="answer", status=200,
              body='{"ok": true}')  # fmt: skip
    with pytest.raises(OutcomeUnknown) as unknown:
        create(client, body())
    assert "id" in str(unknown.value) and "adopt_id" in str(unknown.value)
    assert len(journal(emulator, "POST")) == 1
    assert campaigns(emulator) == []


def test_a_lookup_that_fails_is_outcome_unknown_never_a_second_post(
    client: Any, emulator: Any
) -> None:
    # The guard's read of the org goes through (scheduled, in progress, ended lately: a rule
    # that only waits a moment uses them up), the POST is dropped before it is handled, then
    # the lookup's listing is refused: whether the campaign exists cannot be known, so nothing
    # is sent again.
    add_fault(emulator, method="GET", path="/campaign", action="delay", delaySeconds=0.01, times=3)
    add_fault(emulator, method="POST", path="/campaign", action="drop")
    add_fault(emulator, method="GET", path="/campaign", action="status", status=401)
    with pytest.raises(OutcomeUnknown) as unknown:
        create(client, body())
    assert "401" in str(unknown.value)
    sent = sorted(emulator.control.get("requests").json(), key=lambda e: e["arrived"])
    assert [(e["method"], e["path"], e["status"]) for e in sent] == [
        *[("GET", "/campaign", 200)] * 3,
        ("POST", "/campaign", None),
        ("GET", "/campaign", 401),
    ]
    assert campaigns(emulator) == []


def test_slower_than_the_timeout_leaves_one_campaign(emulator: Any) -> None:
    # The server commits 1.5 s after the request; the client gives up at 1 s and looks the
    # campaign up over its grace period (2 x timeout) before it may post again.
    add_fault(emulator, method="POST", path="/campaign", action="delay", delaySeconds=1.5)
    with make_client(emulator, timeout=1.0) as c:
        created = create(c, body())
    assert created.recovered_from is not None and "ReadTimeout" in created.recovered_from
    assert [x["id"] for x in campaigns(emulator)] == [created.campaign["id"]]
    assert len(journal(emulator, "POST")) == 1


# --- parallel creates ---------------------------------------------------------------------------


#: Where creates must be kept apart (one at a time per identity): their POSTs are held by a
#: barrier that opens when two of them are in flight together. Kept apart, only one is ever in
#: flight: the barrier never fills and lets it go after ``timeoutSeconds`` (its journal entry
#: says ``"hold": "timeout"``); overlapping, they are released together (``"count"``), whatever
#: the load of the machine. (The run's first read of the org, by status, happens before the
#: threads.)
APART = {
    "method": "POST",
    "path": "/campaign",
    "action": "hold",
    "count": 2,
    "timeoutSeconds": 3,
}
#: Where creates must overlap: their POSTs are held until all of them are (a barrier in the
#: emulator), so they are in flight together whatever the load of the machine.
POSTS = {"method": "POST", "path": "/campaign", "action": "hold"}
#: A lost answer's lookup (``createdAtGe``, by the client after its POST).
LOOKUP = {"method": "GET", "path": "/campaign", "query": "*createdAtGe=*"}


def held(emulator: Any) -> int:
    return sum(rule.get("held", 0) for rule in emulator.control.get("faults").json())


def run_guard(client: Any) -> Guard:
    """The run's guard, as the provider has it: its view of the org read once, first."""
    guard = Guard(client)
    guard.org.load()
    return guard


def run_parallel(client: Any, bodies: list[dict[str, Any]], **options: Any) -> list[Created]:
    """Create each of ``bodies`` in its own thread, the threads released at once, sharing the
    run's guard and claims (one provider process serves a `pulumi up`'s parallel creates)."""
    results: list[Created | BaseException] = [RuntimeError("not run")] * len(bodies)
    start = threading.Barrier(len(bodies))
    guard = run_guard(client)
    claims = Claims()

    def one(i: int) -> None:
        try:
            start.wait(30)
            results[i] = create(client, bodies[i], guard=guard, claims=claims, **options)
        except BaseException as exc:  # reported below
            results[i] = exc

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(bodies))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return [r for r in results if isinstance(r, Created)]


def test_parallel_look_alikes_with_lost_answers_each_own_their_campaign(
    client: Any, emulator: Any
) -> None:
    # A follow-up series: alike but for the start date, every answer lost after commit. The
    # first create's lookup is held while the second creates and looks up: the second, newer,
    # finds both look-alikes unclaimed, the first's listed first (oldest first). Each must
    # still take its own (matching by name alone would take the first's).
    first, second = (
        body("Follow-up", schedulePlan={"earliestAt": f"2099-01-0{day}T09:00:00.000Z"})
        for day in (1, 2)
    )
    add_fault(emulator, method="POST", path="/campaign", action="drop_after_commit", times=2)
    add_fault(emulator, **LOOKUP, action="hold", times=1)
    guard, claims = run_guard(client), Claims()
    results: dict[str, Created | BaseException] = {}

    def create_first() -> None:
        try:
            results["first"] = create(client, first, guard=guard, claims=claims)
        except BaseException as exc:  # reported below
            results["first"] = exc

    thread = threading.Thread(target=create_first)
    thread.start()
    wait_for(lambda: held(emulator) == 1, "the first create's lookup held")
    results["second"] = create(client, second, guard=guard, claims=claims)
    emulator.control.post("faults/release").raise_for_status()
    thread.join(60)
    created = [r for r in (results["first"], results["second"]) if isinstance(r, Created)]
    assert len(created) == 2, results
    stored = {c["id"]: c for c in campaigns(emulator)}
    assert len(stored) == 2 and {r.campaign["id"] for r in created} == set(stored)
    for data, result in zip((first, second), created, strict=True):
        assert result.recovered_from is not None  # each answer was lost
        assert stored[result.campaign["id"]]["schedulePlan"] == data["schedulePlan"]
    lookups = [e for e in arrivals(emulator, "GET") if "createdAtGe" in e["query"]]
    # The order the scenario forces: the first's lookup arrived first, and ended last.
    assert lookups[0].get("hold") == "release" and lookups[0]["ended"] > lookups[-1]["ended"]


def test_parallel_identical_duplicates_with_lost_answers_get_distinct_campaigns(
    client: Any, emulator: Any
) -> None:
    add_fault(emulator, **APART, times=2)
    add_fault(emulator, method="POST", path="/campaign", action="drop_after_commit", times=2)
    created = run_parallel(client, [body(), body()], allow_duplicate=True)
    assert len({c.campaign["id"] for c in created}) == 2
    assert len(campaigns(emulator)) == 2
    # Released together, the two identical creates ran one after the other: the barrier of
    # two POSTs never filled, and no request of one overlapped a request of the other (each
    # looked before and after its POST).
    assert [p.get("hold") for p in arrivals(emulator, "POST")] == ["timeout", "timeout"]
    assert len(guard_listings(emulator)) == 4 and one_at_a_time(emulator)


def test_parallel_identical_without_opt_in_creates_one(client: Any, emulator: Any) -> None:
    guard = run_guard(client)
    claims = Claims()
    add_fault(emulator, **APART, times=3)
    outcomes: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(3)

    def one() -> None:
        start.wait(30)
        try:
            create(client, body(), guard=guard, claims=claims)
            outcome = "created"
        except DuplicateCampaign:
            outcome = "refused"
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=one) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(outcomes) == ["created", "refused", "refused"]
    assert len(campaigns(emulator)) == 1
    # One create looked before and after its POST, which no other POST met at the barrier;
    # the two refused looked once each.
    assert [p.get("hold") for p in arrivals(emulator, "POST")] == ["timeout"]
    assert len(guard_listings(emulator)) == 4 and one_at_a_time(emulator)


def wait_for(condition: Any, what: str, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"never: {what}"
        time.sleep(0.01)


def test_catch_ups_asked_while_one_is_in_flight_share_the_next(client: Any, emulator: Any) -> None:
    # The run's view of the org, read once; then a catch-up held in the emulator (before it
    # is handled) while three more are asked for: those three cannot use the held read (it
    # started before they asked, and may miss what they must see), and need no more than one
    # read between them, started after the held one ended.
    org = OrgView(client)
    org.load()
    add_fault(
        emulator, method="GET", path="/campaign", query="updatedAtGe=*", action="hold", times=1
    )
    first = threading.Thread(target=org.catch_up)
    first.start()
    held = lambda: emulator.control.get("faults").json()[0]["held"]  # noqa: E731
    wait_for(lambda: held() == 1, "the first catch-up held")
    others = [threading.Thread(target=org.catch_up) for _ in range(3)]
    for t in others:
        t.start()
    # The view's own count of callers: the only sign that a thread is waiting in catch_up.
    wait_for(lambda: org._asked == 4, "three more catch-ups asked for")
    emulator.control.post("faults/release").raise_for_status()
    for t in [first, *others]:
        t.join(30)
        assert not t.is_alive()
    reads = guard_listings(emulator)
    assert [r.get("hold") for r in reads] == ["release", None]
    assert reads[1]["arrived"] > reads[0]["ended"]
