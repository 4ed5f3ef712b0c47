"""The review's cases that docs/review.md shows, each built from a fixture of tests/data.

``python -m tests.unit.review_cases`` prints them (to paste into the page); the tests check the
page shows exactly these, and what GitHub renders of each (tests/unit/test_review_rendered.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pulumi_cozmox.apps.review import review
from pulumi_cozmox.apps.rules_review import RuleSet, compare, rules_lines
from pulumi_cozmox.apps.stack_rules import review_rules
from pulumi_cozmox.core.rules.calendar import parse_call_limit
from pulumi_cozmox.core.rules.policy import CallingPolicy, Rule

DATA = Path(__file__).resolve().parent.parent / "data"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def failed() -> str:
    """A real preview (Python) where one campaign is refused and the other let through, as
    ``pulumi-cozmox review FILE --preview-exit 255`` writes it (no rule files to read)."""
    document = load("preview-refused.json")
    rules = review_rules(document, DATA, None)
    return review(document, preview_exit=255, rules=rules).markdown


def loosened() -> str:
    """The sample's rename (tests/data/preview-review.json, its other campaigns left out),
    reviewed with --base-ref origin/main where main had a call limit of 1/7d and a calling
    policy without blackout dates; the change drops the limit and adds a blackout date."""
    document = load("preview-review.json")
    document["steps"] = [s for s in document["steps"] if s["urn"].endswith("::rename-me")]
    policy = CallingPolicy(source="policy.toml")
    base = RuleSet(call_limit=parse_call_limit("1/7d"), policy=policy)
    blackout = Rule(blackout=frozenset({date(2099, 1, 14)}))
    head = RuleSet(policy=CallingPolicy(default=blackout, source="policy.toml"))
    rules = rules_lines(head, compare(base, head), "origin/main")
    return review(document, rules=rules).markdown


def drift() -> str:
    """A nightly drift check: a campaign edited in the dashboard into look-alike values."""
    return review(load("preview-drift-lookalike.json"), drift=True, preview_exit=255).markdown


CASES: dict[str, Callable[[], str]] = {"failed": failed, "loosened": loosened, "drift": drift}

if __name__ == "__main__":
    for name, case in CASES.items():
        print(f"==== {name}\n{case()}")
