"""The calling policy: when people may be called, by where they are, as a file the team keeps.

Stack config ``cozmox:callingPolicy`` (or ``COZMOX_CALLING_POLICY``) names a TOML file,
relative to the Pulumi project directory::

    hours = "08:00-21:00"            # local time of the person called (the default)
    days = "Mon-Sun"                 # weekdays on which calls are allowed
    blackout_dates = ["2099-12-25"]  # local dates on which nobody is called
    unknown_zone = "allow"           # or "refuse": customers whose zone cannot be told

    [regions.US-FL]                  # ISO 3166-2 subdivision (US, CA), or ISO 3166-1 country
    hours = "08:00-20:00"

    [regions.GB]
    hours = "09:00-20:00"
    days = "Mon-Sat"

A number is judged by the most specific rule that matches it: its subdivision (US states and
Canadian provinces, :mod:`pulumi_cozmox.core.model.regions`), then its country, then the top
level. A key a region leaves out comes from the top level. Without a file the policy is the top
level's defaults: 08:00-21:00 every day (:data:`DEFAULT_POLICY`).

Errors name the file and the key (``cozmox:callingPolicy file policy.toml: regions.US-XX: not a
region ...``). The file may be encrypted with SOPS (teams encrypt whole folders): recognised by
its content and decrypted in memory, as customers files are. Pure: the file is read (and
decrypted) by :mod:`pulumi_cozmox.core.engine.rule_files`, which parses its TOML here.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, time
from typing import Any

from pulumi_cozmox.core.model.regions import COUNTRIES, SUBDIVISIONS, country, subdivision

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["DEFAULT_POLICY", "CallingPolicy", "Rule", "parse_policy", "policy_of_text"]

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EVERY_DAY = frozenset(range(7))
_HOURS = re.compile(r"(\d\d):(\d\d)-(\d\d):(\d\d)")
_RULE_KEYS = ("hours", "days", "blackout_dates")
_TOP_KEYS = (*_RULE_KEYS, "unknown_zone", "regions")


@dataclass(frozen=True)
class Rule:
    """When calls are allowed, local time of the person called."""

    start: time = time(8, 0)
    end: time = time(21, 0)
    """Calls from ``start`` to ``end`` (inclusive) are allowed."""
    days: frozenset[int] = EVERY_DAY
    """Weekdays allowed, 0 = Monday."""
    blackout: frozenset[date] = frozenset()
    """Local dates on which nobody is called."""
    region: str = ""
    """The region the rule is for (``US-FL``, ``GB``); "" for the top level."""

    @property
    def hours(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    @property
    def days_text(self) -> str:
        return _days_text(self.days)

    @property
    def label(self) -> str:
        """``US-FL 08:00-20:00``, ``GB 09:00-20:00 Mon-Sat``, ``08:00-21:00`` (top level)."""
        parts = [self.region] if self.region else []
        parts.append(self.hours)
        if self.days != EVERY_DAY:
            parts.append(self.days_text)
        return " ".join(parts)


@dataclass(frozen=True)
class CallingPolicy:
    """The top-level rule, the regions' rules, and what to do with a zone that is unknown."""

    default: Rule = field(default_factory=Rule)
    regions: Mapping[str, Rule] = field(default_factory=dict)
    unknown_zone: str = "allow"
    source: str | None = None
    """The file, as configured; None for the built-in default."""

    def rule_for(self, number: object) -> Rule:
        """The most specific rule for a number: subdivision, country, top level."""
        if self.regions and isinstance(number, str):
            for region in (subdivision(number), country(number)):
                if region is not None and region in self.regions:
                    return self.regions[region]
        return self.default


DEFAULT_POLICY = CallingPolicy()


def _days_text(days: frozenset[int]) -> str:
    """``Mon-Fri``, ``Mon-Sun``, ``Mon-Wed,Fri``."""
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ",".join(
        WEEKDAYS[r[0]] if len(r) == 1 else f"{WEEKDAYS[r[0]]}-{WEEKDAYS[r[-1]]}" for r in runs
    )


def _hours(value: Any) -> tuple[time, time]:
    match = _HOURS.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"must be a time range HH:MM-HH:MM like 08:00-21:00, got {value!r}")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        raise ValueError(f"is not a time range of one day (00:00-23:59), got {value!r}")
    start, end = time(h1, m1), time(h2, m2)
    if not start < end:
        raise ValueError(f"must start before it ends, within one day, got {value!r}")
    return start, end


def _days(value: Any) -> frozenset[int]:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must be weekdays like Mon-Sun or Mon-Fri,Sun, got {value!r}")
    days: set[int] = set()
    for part in value.split(","):
        first, _, last = part.strip().partition("-")
        try:
            a = WEEKDAYS.index(first.strip().title())
            b = WEEKDAYS.index(last.strip().title()) if last else a
        except ValueError:
            raise ValueError(
                f"must be weekdays ({', '.join(WEEKDAYS)}) like Mon-Sun or Mon-Fri,Sun, "
                f"got {value!r}"
            ) from None
        days.update((a + i) % 7 for i in range((b - a) % 7 + 1))
    return frozenset(days)


def _dates(value: Any) -> frozenset[date]:
    if not isinstance(value, list):
        raise ValueError(f'must be a list of dates like ["2099-12-25"], got {value!r}')
    found = set()
    for item in value:
        if isinstance(item, date):
            found.add(item)
            continue
        try:
            found.add(date.fromisoformat(str(item)))
        except ValueError:
            raise ValueError(f"must hold dates YYYY-MM-DD, got {item!r}") from None
    return frozenset(found)


def _rule(table: Mapping[str, Any], base: Rule, region: str, where: str) -> Rule:
    unknown = sorted(set(table) - set(_RULE_KEYS if region else _TOP_KEYS))
    if unknown:
        allowed = ", ".join(_RULE_KEYS if region else _TOP_KEYS)
        raise ValueError(f"{where}{unknown[0]}: unknown key; allowed: {allowed}")
    rule = replace(base, region=region)
    key = ""
    try:
        if "hours" in table:
            key = "hours"
            start, end = _hours(table[key])
            rule = replace(rule, start=start, end=end)
        if "days" in table:
            key = "days"
            rule = replace(rule, days=_days(table[key]))
        if "blackout_dates" in table:
            key = "blackout_dates"
            rule = replace(rule, blackout=_dates(table[key]))
    except ValueError as exc:
        raise ValueError(f"{where}{key}: {exc}") from None
    return rule


def parse_policy(data: Mapping[str, Any], source: str) -> CallingPolicy:
    """A policy from the file's parsed TOML; ValueError naming the key."""
    default = _rule(data, Rule(), "", "")
    unknown_zone = data.get("unknown_zone", "allow")
    if unknown_zone not in ("allow", "refuse"):
        raise ValueError(f'unknown_zone: must be "allow" or "refuse", got {unknown_zone!r}')
    regions_table = data.get("regions", {})
    if not isinstance(regions_table, Mapping):
        raise ValueError("regions: must be a table of regions ([regions.US-FL], [regions.GB])")
    regions: dict[str, Rule] = {}
    for code, table in regions_table.items():
        where = f"regions.{code}."
        if code not in SUBDIVISIONS and code not in COUNTRIES:
            raise ValueError(
                f"regions.{code}: not a region this policy can tell: a US state or Canadian "
                "province (ISO 3166-2, like US-FL or CA-ON) or a country (ISO 3166-1, like GB)"
            )
        if not isinstance(table, Mapping):
            raise ValueError(f"regions.{code}: must be a table (hours, days, blackout_dates)")
        regions[code] = _rule(table, default, code, where)
    return CallingPolicy(default, regions, unknown_zone, source)


def policy_of_text(plain: bytes, shown: str) -> CallingPolicy:
    """The policy in a file's plain text (``shown``: the file as configured); ValueError
    naming the file and the key when it is not TOML or holds what this policy does not
    allow."""
    where = f"cozmox:callingPolicy file {shown}"
    try:
        data = tomllib.loads(plain.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{where} is not valid TOML: {exc}") from None
    try:
        return parse_policy(data, shown)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None
