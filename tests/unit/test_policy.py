"""_policy.py and the calling hours it drives: the policy file, which rule judges a number
(subdivision, then country, then the top level), and windows judged by it (weekdays, blackout
dates, DST, midnight and the date line, numbers with several zones)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path

import pytest

from pulumi_cozmox.client.errors import ConfigurationError
from pulumi_cozmox.core.engine.rule_files import load_policy
from pulumi_cozmox.core.rules.hours import calling_hours, calling_hours_problems, why_outside
from pulumi_cozmox.core.rules.policy import DEFAULT_POLICY, Rule

NOW = datetime(2098, 12, 1, tzinfo=timezone.utc)
FLORIDA = "+13055550100"  # Miami: US-FL, America/New_York
NEW_YORK = "+12125550100"  # US-NY, America/New_York
CALIFORNIA = "+14155550100"  # San Francisco: US-CA, America/Los_Angeles
LONDON = "+442079460958"  # GB, Europe/London
TORONTO = "+14165550100"  # CA-ON, America/Toronto
TOKYO = "+81312345678"  # JP, Asia/Tokyo
TOLL_FREE = "+18005550100"  # US, no subdivision, every US zone

EXAMPLE = """
hours = "08:00-21:00"
days = "Mon-Sun"
blackout_dates = ["2099-12-25"]
unknown_zone = "allow"

[regions.US-FL]
hours = "08:00-20:00"

[regions.GB]
hours = "09:00-20:00"
days = "Mon-Sat"
"""


def policy_of(tmp_path: Path, text: str, name: str = "policy.toml"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_policy(path, name)


def window(start: str, end: str | None = None) -> dict[str, str]:
    plan = {"earliestAt": start}
    if end:
        plan["latestAt"] = end
    return plan


def test_the_example_file(tmp_path: Path) -> None:
    policy = policy_of(tmp_path, EXAMPLE)
    assert policy.default == Rule(
        time(8), time(21), frozenset(range(7)), frozenset({date(2099, 12, 25)})
    )
    florida = policy.regions["US-FL"]
    assert (florida.start, florida.end, florida.region) == (time(8), time(20), "US-FL")
    assert florida.blackout == {date(2099, 12, 25)}  # left out: the top level's
    uk = policy.regions["GB"]
    assert (uk.hours, uk.days_text, uk.label) == (
        "09:00-20:00",
        "Mon-Sat",
        "GB 09:00-20:00 Mon-Sat",
    )
    assert policy.unknown_zone == "allow" and policy.source == "policy.toml"


def test_the_most_specific_rule_judges_a_number(tmp_path: Path) -> None:
    policy = policy_of(tmp_path, EXAMPLE + '\n[regions.US]\nhours = "09:00-21:00"\n')
    assert policy.rule_for(FLORIDA).region == "US-FL"  # subdivision over country
    assert policy.rule_for(NEW_YORK).region == "US"  # no rule for US-NY: the country's
    assert policy.rule_for(TOLL_FREE).region == "US"  # no subdivision at all
    assert policy.rule_for(LONDON).region == "GB"
    assert policy.rule_for(TORONTO).region == ""  # neither CA-ON nor CA: the top level
    assert policy.rule_for(None).region == ""  # a SIP customer
    assert DEFAULT_POLICY.rule_for(FLORIDA) == Rule()


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('hour = "08:00-21:00"', "hour: unknown key"),
        ('[regions.US-FL]\nhour = "08:00-20:00"', "regions.US-FL.hour: unknown key"),
        ('[regions.US-FL]\nunknown_zone = "refuse"', "regions.US-FL.unknown_zone: unknown key"),
        ('[regions.US-XX]\nhours = "08:00-20:00"', "regions.US-XX: not a region"),
        ('[regions.ZZ]\nhours = "08:00-20:00"', "regions.ZZ: not a region"),
        ('[regions.GB-ENG]\nhours = "08:00-20:00"', "regions.GB-ENG: not a region"),
        ('hours = "21:00-08:00"', "hours: must start before it ends"),
        ('hours = "25:00-26:00"', "hours: is not a time range of one day"),
        ('hours = "8-21"', "hours: must be a time range HH:MM-HH:MM"),
        ('days = "Mon-Funday"', "days: must be weekdays"),
        ('blackout_dates = ["2099-13-01"]', "blackout_dates: must hold dates YYYY-MM-DD"),
        ('unknown_zone = "maybe"', 'unknown_zone: must be "allow" or "refuse"'),
        ("hours = ", "is not valid TOML"),
    ],
)
def test_a_bad_file_is_named_with_its_key(tmp_path: Path, text: str, where: str) -> None:
    with pytest.raises(ConfigurationError) as bad:
        policy_of(tmp_path, text, "rules/calling.toml")
    assert str(bad.value).startswith("cozmox:callingPolicy file rules/calling.toml")
    assert where in str(bad.value)


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="file gone.toml cannot be read"):
        load_policy(tmp_path / "gone.toml", "gone.toml")


def test_weekdays_wrap_and_combine(tmp_path: Path) -> None:
    policy = policy_of(tmp_path, 'days = "Fri-Mon,Wed"')
    assert policy.default.days == {4, 5, 6, 0, 2}
    assert policy.default.days_text == "Mon,Wed,Fri-Sun"


def test_a_region_rule_refuses_what_the_default_allows(tmp_path: Path) -> None:
    policy = policy_of(tmp_path, EXAMPLE)
    # 2099-01-06 00:30Z is 19:30 in New York (EST): inside 08:00-21:00 and Florida's 08:00-20:00
    # until 20:00; the window runs to 01:30Z, 20:30 local: past Florida's rule only.
    plan = window("2099-01-06T00:30:00Z", "2099-01-06T01:30:00Z")
    hours = calling_hours([FLORIDA, NEW_YORK], plan, now=NOW, policy=policy)
    by_rule = {z.rule.label: z for z in hours.zones}
    assert set(by_rule) == {"US-FL 08:00-20:00", "08:00-21:00"}
    assert by_rule["US-FL 08:00-20:00"].after_hours and not by_rule["08:00-21:00"].outside
    assert hours.outside == 1
    [problem] = calling_hours_problems(hours)
    assert "America/New_York (1; US-FL 08:00-20:00: after 20:00)" in problem.message
    assert "calling policy (policy.toml)" in problem.message
    assert FLORIDA not in problem.message and "3055550100" not in problem.message
    assert calling_hours_problems(hours, allowed=True) == []


def test_dst_moves_local_hours(tmp_path: Path) -> None:
    policy = policy_of(tmp_path, EXAMPLE)
    # 19:45 in Miami in January (EST, UTC-5), 20:45 in July (EDT, UTC-4).
    winter = calling_hours(
        [FLORIDA], window("2099-01-07T00:45:00Z", "2099-01-07T00:50:00Z"), now=NOW, policy=policy
    )
    summer = calling_hours(
        [FLORIDA], window("2099-07-08T00:45:00Z", "2099-07-08T00:50:00Z"), now=NOW, policy=policy
    )
    assert not winter.zones[0].outside
    assert summer.zones[0].after_hours and why_outside(summer.zones[0]) == "after 20:00"


def test_a_disallowed_weekday_and_a_blackout_date(tmp_path: Path) -> None:
    policy = policy_of(tmp_path, EXAMPLE)
    assert date(2099, 1, 4).strftime("%a") == "Sun"
    sunday = calling_hours(
        [LONDON], window("2099-01-04T10:00:00Z", "2099-01-04T12:00:00Z"), now=NOW, policy=policy
    )
    [zone] = sunday.zones
    assert zone.off_days == ("Sun",) and not zone.before_hours and not zone.after_hours
    assert why_outside(zone) == "on Sun"
    christmas = calling_hours(
        [CALIFORNIA], window("2099-12-25T18:00:00Z", "2099-12-25T19:00:00Z"), now=NOW, policy=policy
    )
    assert christmas.zones[0].blackouts == (date(2099, 12, 25),)
    assert why_outside(christmas.zones[0]) == "on 2099-12-25 (blackout date)"
    # The day before, 10:00-11:00 in San Francisco: allowed.
    before = calling_hours(
        [CALIFORNIA], window("2099-12-24T18:00:00Z", "2099-12-24T19:00:00Z"), now=NOW, policy=policy
    )
    assert not before.zones[0].outside


def test_a_window_across_midnight_and_the_date_line(tmp_path: Path) -> None:
    policy = policy_of(tmp_path, 'days = "Mon-Fri"')
    # 2099-01-02 (Fri) 14:00-16:00Z is 23:00 Friday to 01:00 Saturday in Tokyo: both after
    # hours and on a Saturday.
    assert date(2099, 1, 2).strftime("%a") == "Fri"
    hours = calling_hours(
        [TOKYO], window("2099-01-02T14:00:00Z", "2099-01-02T16:00:00Z"), now=NOW, policy=policy
    )
    [zone] = hours.zones
    assert zone.zone == "Asia/Tokyo"
    assert zone.after_hours and zone.before_hours and zone.off_days == ("Sat",)
    assert why_outside(zone) == "before 08:00 and after 21:00 and on Sat"
    # In San Francisco the same instants are 06:00-08:00 on Friday: before hours only.
    [west] = calling_hours(
        [CALIFORNIA], window("2099-01-02T14:00:00Z", "2099-01-02T16:00:00Z"), now=NOW, policy=policy
    ).zones
    assert west.before_hours and not west.after_hours and west.off_days == ()


def test_a_number_in_several_zones_is_outside_if_any_zone_is(tmp_path: Path) -> None:
    # 13:00-15:00Z: 08:00-10:00 in New York, 05:00-07:00 in Los Angeles.
    hours = calling_hours(
        [TOLL_FREE], window("2099-01-06T13:00:00Z", "2099-01-06T15:00:00Z"), now=NOW
    )
    zones = {z.zone: z for z in hours.zones}
    assert not zones["America/New_York"].outside and zones["America/Los_Angeles"].before_hours
    assert hours.outside == 1 and hours.people == 1


def test_unknown_zones_are_refused_by_path_when_the_policy_says_so(tmp_path: Path) -> None:
    policy = policy_of(tmp_path, 'unknown_zone = "refuse"')
    plan = window("2099-01-06T18:00:00Z", "2099-01-06T19:00:00Z")
    hours = calling_hours([CALIFORNIA, None, "+14150000000"], plan, now=NOW, policy=policy)
    assert hours.unknown == 2 and hours.unknown_positions == (1, 2)
    [problem] = calling_hours_problems(hours)
    assert problem.path == "customers[1]"
    assert problem.message.startswith("customers[1], customers[2]: 2 customers whose time zone")
    assert 'unknown_zone = "refuse"' in problem.message
    assert calling_hours_problems(calling_hours([CALIFORNIA, None], plan, now=NOW)) == []
