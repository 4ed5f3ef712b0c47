"""`pulumi-cozmox review`: one PR comment from `pulumi preview --json`, facts from the scenario.

The fixture tests/data/preview-review.json is a stack where, since the last `up`:
- `keep` is unchanged;
- `swap` (in progress: 3 scheduled, 1 in progress, 2 ended calls; allow_redial=True) is replaced:
  customers +14155550101 kept, +14155550102 renamed, +14155550103 removed, +14155550104 added,
  and its name changed; window 2030-03-04 09:00-12:00 UTC, 01:00-04:00 in San Francisco;
- `fresh` is created with one San Francisco customer and no schedule plan (dialing at once,
  02:00 local at the preview);
- `rename-me` gets a new name (an update);
- `old-name` (scheduled) is deleted and `new-name`, alike in every input, is created: a rename;
- `dialed` (ended: 3 scheduled, 3 ended, 1 voicemail) is removed: it has dialed, so it is
  forgotten by Pulumi and its record stays in the API (no opt-in recorded).
"""

from __future__ import annotations

import copy
import io
import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from pulumi_cozmox.apps.cli import main
from pulumi_cozmox.apps.review import COMMENT_MARKER, MAX_CHARS, review
from pulumi_cozmox.core.report.record import records_in
from pulumi_cozmox.core.report.text import to_lines

DATA = Path(__file__).resolve().parent.parent / "data"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


@pytest.fixture
def preview() -> dict[str, Any]:
    return load("preview-review.json")


def sections(markdown: str) -> dict[str, str]:
    found = re.findall(r"<details><summary><b>(.*?)</b>(.*?)</details>", markdown, re.S)
    return {name: body for name, body in found}


def test_summary_counts_the_scenario(preview):
    result = review(preview, now=NOW)
    assert result.exit_code == 0
    lines = result.markdown.splitlines()
    assert lines[0] == COMMENT_MARKER
    # created: fresh, new-name; replaced: swap; updated: rename-me; deleted: old-name (never
    # dialed); forgotten: dialed (kept in the API).
    # Called: fresh 1 + new-name 2 + swap 3 = 6; again: swap's two kept customers. Rules:
    # fresh's one customer and swap's three are called before 08:00 their time.
    assert lines[2] == (
        "**Cozmox: 6 campaigns (2 created, 1 replaced, 1 updated, 1 deleted, 1 forgotten); "
        "calls 6 people, 2 of them again.** Rules: 4 people called outside their calling hours."
    )


def test_one_section_per_changed_campaign_in_name_order(preview):
    names = list(sections(review(preview, now=NOW).markdown))
    assert names == ["dialed", "fresh", "new-name", "old-name", "rename-me", "swap"]


def test_warnings(preview):
    text = review(preview, now=NOW).markdown
    warnings = text.split("> [!WARNING]\n", 1)[1].split("\n\n", 1)[0]
    assert "<code>swap</code>: the campaign is **in-progress**" in warnings
    assert "**replaced**: 2 people it had are **called again**" in warnings
    assert (
        "<code>dialed</code>: the campaign is **ended** (3 of 3 calls ended) and is "
        "**forgotten** by Pulumi; **its record stays in the API**"
    ) in warnings
    assert "<code>swap</code>: **3 people called outside 08:00-21:00**" in warnings
    assert "<code>fresh</code>: **1 person called outside 08:00-21:00**" in warnings
    assert "<code>fresh</code>: the window is already open: **dialing starts at once**" in warnings
    assert "<code>new-name</code> (created) and <code>old-name</code> (deleted)" in warnings
    assert "pulumi.Alias(name=&quot;old-name&quot;)" in warnings
    assert "rename-me" not in warnings and "keep" not in warnings


def test_replaced_campaign_section(preview):
    swap = sections(review(preview, now=NOW).markdown)["swap"]
    assert ": replace (customers, name) · calls 3 people, 2 again" in swap
    assert "| campaign | 636e10c0-4d61-48fd-8afb-fffa58264c19, in-progress |" in swap
    assert "| calls so far | 3 scheduled, 0 queued, 1 in progress, 0 voicemail, 2 ended |" in swap
    assert "| customers | 1 added, 1 removed, 1 changed, 1 unchanged |" in swap
    assert "| added (sample) | +1 ••• ••• ••04 |" in swap
    assert "| removed (sample) | +1 ••• ••• ••03 |" in swap
    assert "| window | 2030-03-04 09:00-12:00 UTC |" in swap
    assert "| America/Los_Angeles | ⚠️ 01:00-04:00 (3 people" in swap


def test_deleted_campaigns_use_the_recorded_outputs(preview):
    found = sections(review(preview, now=NOW).markdown)
    # Ended: its counters read as history.
    assert "| calls so far | 3 of 3 calls ended (1 to voicemail) |" in found["dialed"]
    assert "| campaign | 680eae94-a390-4f5a-bcb7-72f184a932b2, scheduled |" in found["old-name"]
    assert "calls so far" not in found["old-name"]  # never dialed


def test_a_removal_says_forget_or_delete_from_the_recorded_state(preview):
    found = sections(review(preview, now=NOW).markdown)
    assert found["dialed"].startswith(": forget</summary>")
    assert "| action | forget |" in found["dialed"]
    assert "| action | delete |" in found["old-name"]  # scheduled, its window ahead


def dialed_step(preview: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in preview["steps"] if s["urn"].endswith("::dialed"))


def test_the_opt_in_recorded_in_state_makes_a_dialed_campaigns_removal_a_delete(preview):
    dialed_step(preview)["oldState"]["inputs"]["delete_record_on_remove"] = True
    text = review(preview, now=NOW).markdown
    assert "| action | delete |" in sections(text)["dialed"]
    assert (
        "<code>dialed</code>: the campaign is **ended** (3 of 3 calls ended) and is **deleted "
        "with its record** (delete_record_on_remove=True): its calls leave the history"
    ) in text


def test_a_scheduled_campaign_whose_window_opened_is_forgotten(preview):
    # The state says scheduled, but its window opened before the preview: it has dialed by
    # now as far as the reviewer can tell.
    step = next(s for s in preview["steps"] if s["urn"].endswith("::old-name"))
    plan = {"earliestAt": "2026-11-27T09:00:00Z", "latestAt": "2026-11-27T12:00:00Z"}
    for part in ("inputs", "outputs"):
        step["oldState"][part]["schedule_plan"] = plan
    assert "| action | forget |" in sections(review(preview, now=NOW).markdown)["old-name"]


def test_update_calls_nobody_and_names_the_changed_input(preview):
    body = sections(review(preview, now=NOW).markdown)["rename-me"]
    assert ": update (name)</summary>" in body and "| calls | nobody |" in body


def test_no_personal_data(preview):
    text = review(preview, now=NOW).markdown
    for secret in ("4155550101", "4155550102", "4155550103", "4155550104", "[secret]"):
        assert secret not in text


def test_a_change_without_the_providers_record_fails_the_review(preview):
    # Nothing judged whom they call: a failure, never a plan read as if it were judged.
    preview["diagnostics"] = []
    result = review(preview, now=NOW)
    assert result.exit_code == 1
    text = result.markdown
    assert "**Cozmox: the preview failed.**" in text and "no campaign changes" not in text
    for unjudged in ("swap", "fresh", "rename-me", "new-name"):
        assert f"resource '{unjudged}': the plan " in text
        assert unjudged not in sections(text)
    # Deletes never reach the provider at preview: their facts are the state's, still shown.
    assert {"dialed", "old-name"} <= set(sections(text))
    judged = "**Judged before it stopped (not the whole plan): 2 campaigns (1 deleted, 1 forgotten)"
    assert judged in text


def test_drift_needs_no_record_of_a_change(preview):
    preview["diagnostics"] = []
    assert "the provider wrote no record" not in review(preview, now=NOW, drift=True).markdown


def test_a_follow_up_series_is_not_a_rename(preview):
    for step in preview["steps"]:
        if step["urn"].endswith("::new-name"):
            step["newState"]["inputs"]["schedule_plan"] = {"earliestAt": "2030-04-04T17:00:00Z"}
    assert "look like **one campaign renamed**" not in review(preview, now=NOW).markdown


def test_no_changes():
    text = review({"steps": [], "changeSummary": {}}, now=NOW).markdown
    assert text.splitlines()[2] == "**Cozmox: no campaign changes.** Nobody is called."


def test_failed_preview_exits_1_and_quotes_masked_errors():
    result = review(load("preview-failed.json"), now=NOW)
    assert result.exit_code == 1
    text = result.markdown
    assert text.splitlines()[0] == COMMENT_MARKER and "the preview failed" in text
    assert "customers[0].number" in text and "is not a valid phone number" in text
    for secret in ("415 555 0142", "5550142", "ada@example.com"):
        assert secret not in text
    assert "+1 ••• ••• ••42" in text


def many_creates(count: int) -> dict[str, Any]:
    """Creates alike but for their size (campaigns with the same facts would be one group)."""
    template = load("preview-review.json")["steps"][3]  # the create of "fresh"
    steps = []
    for i in range(count):
        step = copy.deepcopy(template)
        step["urn"] = step["urn"].replace("::fresh", f"::campaign-{i:04d}-" + "x" * 40)
        step["newState"]["inputs"]["customer_count"] = 1 + i
        steps.append(step)
    # Each create as the provider judged it: its record.
    records = [
        "cozmox-report: "
        + json.dumps({"version": 1, "resource": step["urn"].rsplit("::", 1)[1], "action": "create"})
        for step in steps
    ]
    return {
        "steps": steps,
        "diagnostics": [{"message": "\n".join(records), "severity": "info#err"}],
    }


def test_stays_under_the_comment_limit_keeping_the_summary():
    result = review(many_creates(3_000), now=NOW)
    text = result.markdown
    assert len(text) <= MAX_CHARS
    # 1 + 2 + ... + 3,000 people.
    assert (
        "**Cozmox: 3000 campaigns (3000 created); calls 4,501,500 people, 0 of them again.**"
        in text
    )
    assert "more campaigns, left out to fit one comment" in text
    assert "more warnings" in text


def test_shortens_details_before_leaving_campaigns_out():
    full = review(many_creates(20), now=NOW).markdown
    short = review(many_creates(20), now=NOW, limit=len(full) - 1).markdown
    assert "<details>" in full and "<details>" not in short
    assert short.count("- <b>campaign-") == 20


# ---- the command -------------------------------------------------------------------------------


def test_command_writes_the_comment(capsys):
    assert main(["review", str(DATA / "preview-review.json")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(COMMENT_MARKER) and err == ""


def test_command_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO((DATA / "preview-failed.json").read_text()))
    assert main(["review"]) == 1
    assert "the preview failed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not JSON"),
        ('{"hello": 1}', "not `pulumi preview --json` output"),
        ("[1, 2]", "not `pulumi preview --json` output"),
    ],
)
def test_command_exits_2_for_what_is_no_preview(tmp_path, capsys, content, message):
    path = tmp_path / "p.json"
    path.write_text(content, encoding="utf-8")
    assert main(["review", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and message in err


def test_command_exits_2_for_a_missing_file(tmp_path, capsys):
    assert main(["review", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


# ---- the review page shows real output ----------------------------------------------------------

PAGE = DATA.parent.parent / "docs" / "review.md"


def test_the_review_page_shows_the_real_review_of_the_fixture(capsys):
    # As the page's command writes it, the rules that judged the change included.
    text = PAGE.read_text(encoding="utf-8")
    assert main(["review", str(DATA / "preview-review.json")]) == 0
    rendered = capsys.readouterr().out
    assert "**Rules that judged this change:** " in rendered
    assert rendered.strip() in text


def test_the_review_pages_preview_lines_are_the_fixtures_records_rendered():
    text = PAGE.read_text(encoding="utf-8")
    block = text.split("```text\n", 1)[1].split("```", 1)[0]
    fixture = records_in(d["message"] for d in load("preview-review.json")["diagnostics"])
    lines = [ln for ln in block.splitlines() if not ln.startswith("cozmox-report:")]
    assert lines == [*to_lines(fixture["swap"]), *to_lines(fixture["rename-me"])]
    # The record shown reads back as the facts of its lines.
    [record] = [ln for ln in block.splitlines() if ln.startswith("cozmox-report:")]
    shown = records_in([record])["rename-me"]
    assert (shown.action, shown.people, shown.reasons) == ("update", 0, ("name",))
    assert (fixture["swap"].people, fixture["swap"].again) == (3, 2)


def test_odd_resource_names_are_escaped_in_the_comment(preview):
    odd = 'a|b <script>alert("x")</script>'
    for step in preview["steps"]:
        step["urn"] = step["urn"].replace("::fresh", f"::{odd}")
    for d in preview["diagnostics"]:  # its record, under the odd name
        d["message"] = d["message"].replace('"resource":"fresh"', f'"resource":{json.dumps(odd)}')
    text = review(preview, now=NOW).markdown
    assert "<script>" not in text
    assert "<b>a|b &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</b>: create" in text


# ---- what a reviewer needs besides the counts (issue 23) ----------------------------------------


def rename_me(preview: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in preview["steps"] if s["urn"].endswith("::rename-me"))


def test_a_rename_shows_both_names(preview):
    body = sections(review(preview, now=NOW).markdown)["rename-me"]
    assert "| name | &quot;Rename me&quot; → &quot;Renamed&quot; |" in body


def test_a_moved_window_shows_old_and_new_and_is_drawn(preview):
    step = rename_me(preview)
    step["newState"]["inputs"]["schedule_plan"] = {
        "earliestAt": "2030-03-05T17:00:00Z",
        "latestAt": "2030-03-05T23:00:00Z",
    }
    text = review(preview, now=NOW).markdown
    body = sections(text)["rename-me"]
    assert "| window | 2030-03-04 17:00-23:00 UTC → 2030-03-05 17:00-23:00 UTC |" in body
    # The chart draws the campaigns of that week together, the moved one at its old place too.
    chart = text.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert "rename-me before :done, 2030-03-04 17:00, 2030-03-04 23:00" in chart
    assert "rename-me (update, nobody) :2030-03-05 17:00, 2030-03-05 23:00" in chart
    assert "swap (replace, 3 people) :crit, 2030-03-04 09:00, 2030-03-04 12:00" in chart
    assert "section America/Los_Angeles calling hours 08:00-21:00" in chart
    assert "fresh" not in chart  # its window is years from the others


def test_a_yaml_programs_review_spells_fields_as_yaml_does(preview):
    step = rename_me(preview)
    step["urn"] = step["urn"].replace(
        "pulumi-python:dynamic/cozmox:Campaign", "cozmox:index:Campaign"
    )
    for state in ("oldState", "newState"):
        part = step[state]
        part["type"] = "cozmox:index:Campaign"
        for kind in ("inputs", "outputs"):
            if kind in part:
                part[kind] = {
                    {"schedule_plan": "schedulePlan", "phone_number_id": "phoneNumberId"}.get(
                        k, k
                    ): v
                    for k, v in part[kind].items()
                }
    step["newState"]["inputs"]["schedulePlan"] = {"earliestAt": "2030-03-05T17:00:00Z"}
    preview["steps"] = [
        s if not s["urn"].endswith("::rename-me") else step for s in preview["steps"]
    ]
    body = sections(review(preview, now=NOW).markdown)["rename-me"]
    assert ": update (name, schedulePlan)</summary>" in body
    assert "schedule_plan" not in body


def test_the_summary_counts_standing_opt_ins_and_warnings(preview):
    standing = {
        "message": 'cozmox-report: {"version":1,"resource":"keep","opt_ins":["allowRedial"]}\n'
        'cozmox-report: {"version":1,"resource":"keep","campaign_id":"c-9","call_limit":"1/24h",'
        '"over_limit":[{"other":"campaign c-7","people":2,"when":"2030-03-04 10:00-11:00 UTC"}]}\n',
        "severity": "info#err",
    }
    preview["diagnostics"].append(standing)
    text = review(preview, now=NOW).markdown
    summary = text.splitlines()[2]
    assert summary.endswith(
        "Rules: 2 people past the call limit; 4 people called outside their calling hours; "
        "1 standing opt-in."
    ), summary
    assert "<code>keep</code>: **2 people past the call limit 1/24h**" in text
    assert (
        "**Standing opt-ins** (allowed every time, not once): <code>keep</code>: allow_redial=True"
        in text
    )
    drifted = review(preview, now=NOW, drift=True)
    assert drifted.exit_code == 1


# ---- history lost (issue 28): a dialed campaign deleted outside Pulumi ---------------------------


def test_the_drift_review_names_a_dialed_campaign_deleted_outside_pulumi_as_history_lost():
    from pulumi_cozmox.core.report.record import CampaignReport, to_record

    refused = (
        'Exception: campaign c-7 (resource "dialed") was deleted outside Pulumi after it had '
        "dialed. Re-creating it would call 3 people, 3 of them again, so it is not re-created."
    )
    document = {
        "steps": [],
        "diagnostics": [
            {
                "severity": "info#err",
                "message": to_record(CampaignReport("dialed", campaign_id="c-7", status="deleted")),
            },
            {
                "severity": "info#err",
                "message": to_record(CampaignReport("kept", campaign_id="c-8", status="ended")),
            },
            {"severity": "error", "message": refused},
        ],
    }
    result = review(document, now=NOW, drift=True)
    assert result.exit_code == 1
    lines = result.markdown.splitlines()
    assert lines[0] == "<!-- cozmox-drift -->"
    [lost] = [ln for ln in lines if ln.startswith("**History lost:**")]
    assert lost == (
        "**History lost:** <code>dialed</code>: campaign c-7 had dialed and was deleted outside "
        "Pulumi (in the dashboard or through the API): its record of who was called, and when, "
        "is gone from the org, and the call limit no longer counts its calls."
    )
    # A plain review of a preview without such a record says nothing of it.
    document["diagnostics"] = document["diagnostics"][1:]
    assert "History lost" not in review(document, now=NOW, drift=True).markdown


def test_recording_the_opt_in_is_an_update_that_names_it(preview):
    # The pull request that sets delete_record_on_remove before a removal: the reviewer sees it.
    step = rename_me(preview)
    step["newState"]["inputs"]["name"] = step["oldState"]["inputs"]["name"]
    step["newState"]["inputs"]["delete_record_on_remove"] = True
    body = sections(review(preview, now=NOW).markdown)["rename-me"]
    assert ": update (delete_record_on_remove)</summary>" in body


def lied(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with every number of the provider's English lines (``cozmox: ...``) made
    9: the report records (``cozmox-report: {...}``) untouched."""
    changed = copy.deepcopy(document)
    for diagnostic in changed["diagnostics"]:
        lines = diagnostic["message"].split("\n")
        diagnostic["message"] = "\n".join(
            re.sub(r"\d", "9", line) if line.startswith("cozmox: ") else line for line in lines
        )
    return changed


@pytest.mark.parametrize("drift", [False, True])
def test_the_review_never_reads_the_providers_english(preview: dict[str, Any], drift: bool) -> None:
    # The English says "calls 9 people (9 again)" where the records say 3 (2 again): the
    # comment is the records', word for word.
    false = lied(preview)
    english = "\n".join(d["message"] for d in false["diagnostics"])
    assert "cozmox: swap: calls 9 people (9 again)" in english  # the lie is there to read
    assert review(false, now=NOW, drift=drift) == review(preview, now=NOW, drift=drift)
