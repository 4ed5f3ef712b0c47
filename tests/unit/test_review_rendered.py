"""What a reviewer sees of each comment docs/review.md shows (issue 31), rendered by GitHub's
Markdown renderer (cmark-gfm, through cmarkgfm; raw HTML kept, as GitHub keeps <details>,
<code> and <b>), read as text: what the page shows, no machine record, and never "no changes"
for a failed preview."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from tests.unit.review_cases import CASES, load

PAGE = Path(__file__).resolve().parents[2] / "docs" / "review.md"


class _Text(HTMLParser):
    """The text a browser shows (comments are not shown)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered(markdown: str) -> tuple[str, str]:
    """(the HTML GitHub's renderer makes of ``markdown``, the text it shows)."""
    page = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    text = _Text()
    text.feed(page)
    return page, "".join(text.parts)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_page_shows_each_case_as_the_review_writes_it(case: str) -> None:
    assert CASES[case]().strip() in PAGE.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_machine_record_and_no_marker_shows(case: str) -> None:
    _, text = rendered(CASES[case]())
    assert "cozmox-report" not in text and '"version"' not in text
    assert "cozmox-review" not in text and "cozmox-drift" not in text  # hidden markers


def test_a_failed_preview_reads_as_failed_and_keeps_what_it_judged() -> None:
    page, text = rendered(CASES["failed"]())
    assert "Cozmox: the preview failed." in text
    assert "no campaign changes" not in text.lower() and "Nobody is called" not in text
    # The refusal is quoted; the campaign let through keeps its plan and its warning.
    assert "<blockquote>" in page
    assert "outside" in text and "Judged before it stopped (not the whole plan)" in text
    assert "allowed: 1 person called outside 08:00-21:00" in text
    assert "Traceback" not in text


def test_a_loosened_rule_is_a_caution_above_the_plan() -> None:
    page, text = rendered(CASES["loosened"]())
    caution = text.index("This change loosens the rules")
    # Under the summary, above the plan: not folded away in a campaign's details.
    assert text.index("Cozmox: 1 campaign") < caution < text.index("rename-me")
    assert "<blockquote>" in page.split("rename-me", 1)[0]
    assert "this change removes the call limit 1/7d" in text
    assert "this change adds a blackout date 2099-01-14" in text
    assert "<strong>this change removes the call limit 1/7d</strong>" in page


def test_drift_shows_what_differs_in_look_alike_values() -> None:
    _, text = rendered(CASES["drift"]())
    assert (
        '"Winter survey (TX+FL)\\u00a0" → "Winter survey (TX+FL)" (differs in spaces only)' in text
    )
    assert '"PN-1" → "pn-1" (differs in case only)' in text
    assert '"asst-1\\u200b" → "asst-1" (differs in invisible characters only)' in text


def test_the_drift_fixture_holds_the_characters_it_claims() -> None:
    # What a test expects comes from the scenario: the org's values as the dashboard left them.
    old = load("preview-drift-lookalike.json")["steps"][1]["oldState"]["inputs"]
    assert old["name"].endswith("\u00a0") and old["assistant_id"] == "asst-1\u200b"
