"""Reports: what a reviewer must see, as lines in plain English and as a record read back
exactly (the review reads the record with a JSON parser, never the English)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from pulumi_cozmox.core.model.delta import customers_delta
from pulumi_cozmox.core.report.build import make_report
from pulumi_cozmox.core.report.record import (
    RECORD_PREFIX,
    AlsoCalled,
    CampaignReport,
    Counters,
    DeltaFacts,
    ZoneFacts,
    from_record,
    records_in,
    to_record,
)
from pulumi_cozmox.core.report.text import opt_in_line, to_lines
from pulumi_cozmox.core.rules.hours import calling_hours

NOW = datetime(2030, 1, 1, tzinfo=timezone.utc)
PLAN = {"earliestAt": "2030-03-04T09:00:00Z", "latestAt": "2030-03-04T12:00:00Z"}
OLD = [
    {"number": "+14155550101", "name": "Ada Lovelace", "email": "ada@example.com"},
    {"number": "+14155550102", "name": "Grace Hopper"},
    {"number": "+14155550103", "name": "Alan Turing"},
]
NEW = [
    {"number": "+14155550101", "name": "Ada Lovelace", "email": "ada@example.com"},
    {"number": "+14155550102", "name": "Grace B. Hopper"},  # changed
    {"number": "+14155550104", "name": "Katherine Johnson"},  # added; ...0103 removed
]
DIALED = {
    "status": "in-progress",
    "calls_counter_scheduled": 3.0,  # numbers cross the engine as floats
    "calls_counter_queued": 0,
    "calls_counter_in_progress": 1,
    "calls_counter_ended_voicemail": 0,
    "calls_counter_ended": 2,
}
PERSONAL = [
    *(c["number"] for c in OLD + NEW),
    *(c["number"][2:] for c in OLD + NEW),
    *(c["name"] for c in OLD + NEW),
    "Lovelace",
    "ada@example.com",
]


def replace_report(**overrides):
    report = make_report(
        "spring-checkup",
        "replace",
        reasons=("customers", "name"),
        campaign_id="6f1e0c2a-camp",
        old_outputs=DIALED,
        delta=customers_delta(OLD, NEW),
        customer_count=len(NEW),
        hours=calling_hours([c["number"] for c in NEW], PLAN, now=NOW),
    )
    return replace(report, **overrides)


def test_replace_of_a_dialed_campaign_lines():
    lines = to_lines(replace_report())
    assert lines == [
        "cozmox: spring-checkup: replace (customers, name changed); campaign 6f1e0c2a-camp",
        "cozmox: spring-checkup: status in-progress; calls so far: 3 scheduled, 0 queued, "
        "1 in progress, 0 voicemail, 2 ended",
        "cozmox: spring-checkup: customers: 1 added, 1 removed, 1 changed, 1 unchanged "
        "(added +1 ••• ••• ••04; removed +1 ••• ••• ••03; changed +1 ••• ••• ••02: name)",
        # Every new customer is called; the two kept from the dialed campaign again.
        "cozmox: spring-checkup: calls 3 people (2 again) 2030-03-04 09:00-12:00 UTC, "
        "3 people outside 08:00-21:00; America/Los_Angeles 01:00-04:00 "
        "(3 people, outside 08:00-21:00: before 08:00)",
    ]


def test_no_personal_data_in_any_line():
    text = "\n".join([*to_lines(replace_report()), to_record(replace_report())])
    for secret in PERSONAL:
        assert secret not in text


def test_create_calls_everyone_none_again():
    hours = calling_hours(["+12125550100"], {"earliestAt": "2030-03-04T14:00:00Z"}, now=NOW)
    report = make_report("q3", "create", customer_count=1, hours=hours)
    assert report.people == 1 and report.again == 0 and report.status is None
    assert to_lines(report) == [
        "cozmox: q3: create",
        # Open-ended (no latestAt): 14:00 UTC is 09:00 EST.
        "cozmox: q3: calls 1 person (0 again) from 2030-03-04 14:00 UTC, no end; "
        "America/New_York from 09:00 (1 person)",
    ]


def test_update_calls_nobody():
    report = make_report(
        "q3", "update", reasons=("name",), campaign_id="c-1", old_outputs={"status": "scheduled"}
    )
    assert (report.people, report.again, report.counters) == (0, 0, None)
    assert to_lines(report) == [
        "cozmox: q3: update (name changed); campaign c-1",
        "cozmox: q3: status scheduled",
        "cozmox: q3: calls nobody",
    ]


def test_replace_of_a_scheduled_campaign_calls_nobody_again():
    report = replace_report()
    scheduled = make_report(
        "s",
        "replace",
        old_outputs={"status": "scheduled"},
        delta=customers_delta(OLD, NEW),
        customer_count=3,
    )
    assert report.again == 2 and scheduled.again == 0


def test_delete_of_a_dialed_campaign_shows_status_and_counters():
    report = make_report(
        "old", "delete", campaign_id="c-9", old_outputs={**DIALED, "status": "ended"}
    )
    assert report.counters == Counters(scheduled=3, queued=0, in_progress=1, voicemail=0, ended=2)
    # Ended: its counters are history (2 of 3 calls ended; the one in progress finishes).
    assert to_lines(report)[1] == (
        "cozmox: old: status ended; calls so far: 2 of 3 calls ended, 1 in progress finish"
    )


def test_starts_at_once_and_dates_across_midnight():
    now = datetime(2030, 3, 4, 22, 30, 45, tzinfo=timezone.utc)
    hours = calling_hours(["+12125550100"], {"latestAt": "2030-03-05T02:00:00Z"}, now=now)
    report = make_report("late", "create", customer_count=1, hours=hours)
    assert report.at_once and report.window_start == datetime(
        2030, 3, 4, 22, 30, tzinfo=timezone.utc
    )
    # 22:30 UTC to 02:00 UTC next day is 17:30-21:00 EST: inside hours, 21:00 included.
    assert to_lines(report)[1] == (
        "cozmox: late: calls 1 person (0 again) 2030-03-04 22:30 - 2030-03-05 02:00 UTC, "
        "starts at once; America/New_York 17:30-21:00 (1 person)"
    )


ODD_NAMES = ["spring-checkup", "with spaces", "a: b: c", "Frühjahr—Kontrolle ☎", '"quoted"', "x\ny"]


def full_report(name: str) -> CampaignReport:
    return CampaignReport(
        resource=name,
        action="replace",
        reasons=("customers", "schedule_plan"),
        campaign_id="6f1e0c2a",
        status="ended",
        counters=Counters(10_000, 0, 2, 3, 4_321),  # ended: nothing queued (scheduled calls go)
        delta=DeltaFacts(
            1, 2, 3, 9_994, ("+1 ••• ••• ••04",), ("+44 ••• ••• ••56", "sip:•••"), ("customers[7]",)
        ),
        people=10_000,
        again=9_997,
        window_start=datetime(2030, 3, 4, 22, 0, tzinfo=timezone.utc),
        window_end=datetime(2030, 3, 5, 2, 0, tzinfo=timezone.utc),
        at_once=True,
        zones=(
            ZoneFacts("America/New_York", 9_000, before_hours=False, after_hours=True),
            ZoneFacts("Europe/London", 5, before_hours=True, after_hours=True),
            ZoneFacts("Asia/Tokyo", 4, before_hours=False, after_hours=False),
        ),
        more_zones=7,
        more_zones_outside=2,
        unknown_zone_people=12,
        outside_people=9_005,
    )


def read_back(report: CampaignReport) -> CampaignReport | None:
    """The report as the review reads it: its record line, parsed as JSON."""
    return from_record(to_record(report))


@pytest.mark.parametrize("name", ODD_NAMES)
def test_round_trip_full_report(name):
    report = replace(full_report(name), reasons=("customers", "schedulePlan"))
    lines = to_lines(report)
    assert 1 <= len(lines) <= 4
    assert all(line.startswith("cozmox: ") for line in lines)
    record = to_record(report)
    assert record.startswith(RECORD_PREFIX) and "\n" not in record
    assert read_back(report) == report


@pytest.mark.parametrize(
    "report",
    [
        CampaignReport("minimal", "create"),
        CampaignReport("gone", "delete", campaign_id="c", status="scheduled", people=0, again=0),
        CampaignReport(
            "unknown",
            "create",
            people=None,
            window_start=datetime(2030, 1, 1, 8, tzinfo=timezone.utc),
        ),
        CampaignReport(
            "nobody",
            "update",
            reasons=("schedulePlan",),
            people=0,
            again=0,
            window_start=datetime(2030, 1, 1, 8, tzinfo=timezone.utc),
            zones=(ZoneFacts("Etc/Not_A_Zone", 3),),
        ),
        CampaignReport(
            "open",
            "replace",
            people=2,
            again=None,
            window_start=datetime(2030, 1, 1, 8, tzinfo=timezone.utc),
        ),
    ],
    ids=lambda r: r.resource,
)
def test_round_trip_partial_reports(report):
    assert read_back(report) == report


def test_records_are_found_among_other_lines_ansi_and_blank_space():
    report = full_report("a: b")
    lines = to_lines(report)
    message = "\x1b[1m" + "\n".join(lines[:2]) + "\x1b[0m\n"
    noise = [
        "Previewing update (dev):",
        "cozmox: this is not a report line",
        f"{RECORD_PREFIX}not json",
        f'{RECORD_PREFIX}{{"version": 99, "resource": "future", "action": "create"}}',
        "  " + lines[2] + "  ",
        "warning: something else\n\x1b[2m" + to_record(report) + "\x1b[0m\r\n",
    ]
    assert list(records_in([message, *noise]).values()) == [report]


def test_records_of_one_resource_merge_later_wins_and_order_is_kept():
    first = to_record(CampaignReport("b", "create", people=3, again=0))
    second = to_record(CampaignReport("a", "update", people=0, again=0))
    third = to_record(CampaignReport("b", "replace", reasons=("customers",), campaign_id="c"))
    reports = list(records_in([first, second, third]).values())
    assert [r.resource for r in reports] == ["b", "a"]
    assert reports[0] == CampaignReport(
        "b", "replace", reasons=("customers",), campaign_id="c", people=3, again=0
    )


def test_a_record_without_an_action_is_a_standing_fact_not_a_change():
    standing = CampaignReport("x", opt_ins=("allowRedial",))
    assert read_back(standing) == standing and standing.action is None
    assert to_lines(standing) == [
        "cozmox: x: standing opt-in (allow_redial=True: every change that calls this campaign's "
        "customers again is allowed); remove it once its change is applied, or name the one "
        'campaign it allows (allow_redial="<campaign id>")'
    ]


def test_unknown_action_is_refused():
    with pytest.raises(ValueError, match="action must be one of"):
        make_report("x", "upsert")


def test_a_toll_free_number_rings_in_every_zone_of_the_country_lines_stay_short():
    # +1 800: a toll-free NANP number, no area: libphonenumber gives every zone of +1.
    hours = calling_hours(["+18005550100"], PLAN, now=NOW)
    assert len(hours.zones) > 10
    report = make_report("tollfree", "create", customer_count=1, hours=hours)
    assert len(report.zones) == 5 and report.more_zones == len(hours.zones) - 5
    # 09:00-12:00 UTC is night everywhere from Honolulu to Halifax: every shown zone outside.
    assert all(z.outside for z in report.zones)
    calls = to_lines(report)[1]
    # Short: five zones named, the rest (every one outside) only counted.
    rest = len(hours.zones) - 5
    assert calls.endswith(f"; +{rest} more zones ({rest} outside)")
    assert sum(f"; {z.zone} " in calls for z in hours.zones) == 5
    assert read_back(report) == report


def test_round_trip_rules_facts_and_a_recorded_status():
    report = CampaignReport(
        "friday",
        "replace",
        campaign_id="c-9",
        status="scheduled",
        status_recorded=True,
        people=2,
        again=0,
        do_not_call=0,
        call_limit="2/7d",
        also_called=(
            AlsoCalled('campaign c-1 (resource "monday")', 1, "2099-01-05 17:00-20:00 UTC"),
            AlsoCalled(
                'resource "later" (created in this run)', 3, "from 2099-01-09 17:00 UTC, no end"
            ),
        ),
    )
    lines = to_lines(report)
    assert "cozmox: friday: status scheduled, as recorded" in lines
    assert (
        "cozmox: friday: rules: 0 on the do-not-call list; call limit 2/7d: 1 person also called"
        ' by campaign c-1 (resource "monday") (2099-01-05 17:00-20:00 UTC); 3 people also called'
        ' by resource "later" (created in this run) (from 2099-01-09 17:00 UTC, no end)'
    ) in lines
    assert read_back(report) == report


def test_standing_opt_ins_are_one_line_in_each_programs_spelling():
    line = opt_in_line(("allowRedial",), "python")
    assert "allow_redial=True: every change that calls" in line
    assert 'name the one campaign it allows (allow_redial="<campaign id>")' in line
    native = opt_in_line(("allowRedial", "allowOutsideCallingHours"), "native")
    assert "allowRedial: true: every change" in native
    assert "allowOutsideCallingHours: true: a window outside calling hours" in native
    assert 'allowRedial: "<campaign id>"' in native
    report = CampaignReport("spring", opt_ins=("allowRedial", "allowOutsideCallingHours"))
    assert read_back(report) == report
