"""What a campaign names (issue 28, item 4), through the run's hooks against the emulator: a
change that sets them (a create, a replacement, a takeover, a changed id) reads each named
object once per run and refuses one the org does not have, naming its field; an unchanged
campaign sends nothing; the report names who speaks and the line it calls from; a key that may
not read them, or an API without the reads, is one warning. Requests are counted in the
emulator's journal (the seed: ``tests/data/objects.json``)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pulumi_cozmox.core.engine.outcome import Failure, Refusal
from pulumi_cozmox.core.engine.run import Run
from pulumi_cozmox.core.report.record import Named, from_record, to_record
from pulumi_cozmox.core.report.text import to_lines
from pulumi_cozmox.core.resource import names
from tests.conftest import Emulator
from tests.integration.helpers import Collect, add_fault
from tests.integration.test_run import journal, props

START = "2099-01-05T17:00"
REMINDERS = Named("assistantId", "asst-1", "Reminders")
MAIN_LINE = Named("phoneNumberId", "pn-1", "Main line", "+16175550100")
READS = ["GET /assistant/asst-1", "GET /phone-number/pn-1"]
ORG_READS = 3  # a create's judgement reads the org: scheduled, in progress, recently ended


def reads(emulator: Emulator) -> list[str]:
    """The journal's reads of named objects (not of campaigns)."""
    return [r for r in journal(emulator) if not r.split(" ")[1].startswith("/campaign")]


def test_a_create_reads_each_named_object_once_and_names_them(run_for, emulator) -> None:
    run, said = run_for(), Collect()
    assert run.check({}, props("c1", START, ["+14155550101"]), said) == []
    assert run.check({}, props("c2", START, ["+14155550102"]), said) == []
    requests = journal(emulator)
    # Two creates naming the same assistant and line: one org read, one read of each object.
    assert len(requests) == ORG_READS + 2
    assert requests[ORG_READS:] == READS
    assert [r.names for r in said.reports] == [(REMINDERS, MAIN_LINE)] * 2
    line = 'assistant "Reminders" (asst-1); calls from +16175550100 "Main line" (pn-1)'
    assert f"cozmox: c1: {line}" in to_lines(said.reports[0])
    # The record carries them for the review.
    record = from_record(to_record(said.reports[0]))
    assert record is not None and record.names == (REMINDERS, MAIN_LINE)
    # At up in the same run, the create sends no read again.
    emulator.control.delete("requests")
    run.create(props("c1", START, ["+14155550101"]), Collect())
    assert reads(emulator) == []


def test_a_missing_object_is_refused_naming_its_field(run_for, emulator) -> None:
    run, said = run_for(), Collect()
    typo = props("c1", START, ["+14155550101"], assistant_id="asst-typo")
    failures = run.check({}, typo, said)
    assert failures == [Failure("assistantId", 'no assistant "asst-typo" in this org')]
    assert names.path(failures[0].path, "python") == "assistant_id"
    assert names.path(failures[0].path, "native") == "assistantId"
    assert reads(emulator) == ["GET /assistant/asst-typo", "GET /phone-number/pn-1"]
    assert said.reports == []  # a refused create reports nothing
    # create (an up whose check could not know the id) refuses it too, and reads nothing again.
    emulator.control.delete("requests")
    with pytest.raises(Refusal, match='assistantId⟧: no assistant "asst-typo" in this org'):
        run.create(typo, Collect())
    assert journal(emulator) == []


def test_a_workflow_and_a_number_not_in_the_org(run_for, emulator) -> None:
    news = props("c1", START, ["+14155550101"], assistant_id=None, workflow_id="wf-1")
    news["phone_number_id"] = "pn-gone"
    failures = run_for().check({}, news, Collect())
    assert failures == [Failure("phoneNumberId", 'no phone number "pn-gone" in this org')]
    assert reads(emulator) == ["GET /workflow/wf-1", "GET /phone-number/pn-gone"]


def test_an_unchanged_campaign_sends_nothing_and_a_changed_id_is_read(run_for, emulator) -> None:
    olds = props("c1", START, ["+14155550101"])
    run = run_for()
    assert run.check(olds, dict(olds), Collect()) == []
    assert journal(emulator) == []
    said, news = Collect(), {**olds, "assistant_id": "asst-2"}
    assert run.check(olds, news, said) == []
    assert reads(emulator) == ["GET /assistant/asst-2", "GET /phone-number/pn-1"]
    assert journal(emulator) == reads(emulator)  # no org read for an update
    # The engine diffs it next: the update's record names them (one record per campaign),
    # from what check read (nothing read again).
    assert said.reports == []
    run.diff("c-1", {**olds, "id": "c-1", "status": "scheduled"}, news, said)
    assert reads(emulator) == ["GET /assistant/asst-2", "GET /phone-number/pn-1"]
    assert [(r.action, r.names) for r in said.reports] == [
        ("update", (Named("assistantId", "asst-2", "Renewals"), MAIN_LINE))
    ]


def test_an_update_at_up_reads_once_per_run_and_without_a_preview(run_for, emulator) -> None:
    created = Run(
        {"cozmox:apiKey": emulator.api_key, "cozmox:baseUrl": emulator.base_url}, environ={}
    )
    olds = props("c1", START, ["+14155550101"])
    assert created.check({}, olds, Collect()) == []
    campaign_id, outputs = created.create(olds, Collect())
    news = {**olds, "assistant_id": "asst-2"}
    # `pulumi up --skip-preview`: a new process whose check is the first of its run.
    up = run_for()
    emulator.control.delete("requests")
    assert up.check(olds, news, Collect()) == []
    up.update(campaign_id, outputs, news, Collect())
    assert reads(emulator) == ["GET /assistant/asst-2", "GET /phone-number/pn-1"]
    patches = [r for r in journal(emulator) if r.startswith("PATCH")]
    assert patches == [f"PATCH /campaign/{campaign_id}"]


def test_a_replacement_and_a_takeover_read_them(run_for, emulator) -> None:
    run = run_for()
    news = props("c1", START, ["+14155550101"], adopt_id="c-missing")
    run.check({}, news, Collect())  # the takeover fails (no such campaign); the reads are made
    assert reads(emulator) == READS
    emulator.control.delete("requests")
    other = run_for()
    other.handoff.replacing("c2", "old-id")  # diff decided to replace c2
    assert other.check({}, props("c2", START, ["+14155550102"]), Collect()) == []
    assert reads(emulator) == READS


def _answer(status: int, message: str) -> dict[str, Any]:
    payload = {"statusCode": status, "error": "Error", "message": message}
    return {"action": "answer", "status": status, "body": json.dumps(payload), "times": 10}


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        (_answer(403, "Forbidden resource"), "the API key may not read them"),
        (_answer(401, "Invalid Key"), "the API key may not read them"),
        (_answer(404, "Cannot GET /assistant/asst-1"), "the API has no read of them"),
    ],
)
def test_a_key_that_may_not_read_them_is_one_warning_not_a_refusal(
    run_for, emulator, rule: dict[str, Any], why: str
) -> None:
    add_fault(emulator, path="/assistant/*", **rule)
    run, said = run_for(), Collect()
    assert run.check({}, props("c1", START, ["+14155550101"]), said) == []
    assert run.check({}, props("c2", START, ["+14155550102"]), said) == []
    warnings = [n for n in said.notices if n.startswith("warning:")]
    assert len(warnings) == 1
    assert why in warnings[0] and "not checked" in warnings[0]
    # The first refusal stops the reads: nothing more is asked of the API in this run.
    assert reads(emulator) == ["GET /assistant/asst-1"]
    assert [r.names for r in said.reports] == [(), ()]
