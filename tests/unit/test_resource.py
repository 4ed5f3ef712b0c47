"""The Campaign resource's arguments: one way to pass them, and the customers readable again."""

from __future__ import annotations

import pulumi
import pytest

import pulumi_cozmox
from pulumi_cozmox import Campaign, CampaignArgs
from pulumi_cozmox.core.model.customers import encode_customers

ARGS = CampaignArgs(
    name="Spring",
    phone_number_id="pn-1",
    assistant_id="asst-1",
    customers=[{"number": "+14155550101"}],
)


def test_args_and_keywords_together_are_refused() -> None:
    # Before this was an error, `name=` was silently ignored when args were given.
    with pytest.raises(pulumi.RunError) as both:
        Campaign("spring", ARGS, name="Another name")  # type: ignore[call-overload]
    assert "either as args=CampaignArgs(...) or as keywords" in str(both.value)
    assert "name" in str(both.value) and "'spring'" in str(both.value)


def test_missing_keywords_are_named() -> None:
    # RunError: the language host prints its message alone, no traceback.
    with pytest.raises(pulumi.RunError, match="^Campaign 'spring' needs phone_number_id, custom"):
        Campaign("spring", name="Spring")


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("allow_outside_calling_hour", "allow_outside_calling_hours"),
        ("phone_numbr_id", "phone_number_id"),  # a required one: named, not "needs ..."
        ("schedulePlan", "schedule_plan"),  # the YAML spelling
    ],
)
def test_a_misspelt_keyword_is_named_with_the_nearest_argument(typo: str, meant: str) -> None:
    given = {
        "name": "Spring",
        "phone_number_id": "pn-1",
        "assistant_id": "asst-1",
        "customers": [{"number": "+14155550101"}],
    }
    given.pop(meant, None)
    with pytest.raises(pulumi.RunError) as mistake:
        Campaign("spring", **{**given, typo: "x"})  # type: ignore[arg-type]
    assert str(mistake.value) == f"Campaign 'spring': no argument {typo}: did you mean {meant}?"


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("allow_outside_calling_hour", "allow_outside_calling_hours"),
        ("phone_numbr_id", "phone_number_id"),  # a required one: named, not "needs ..."
    ],
)
def test_a_misspelt_keyword_of_campaign_args_is_named_with_the_nearest_argument(
    typo: str, meant: str
) -> None:
    # A hand-written CampaignArgs(...) says the same one line (RunError: no traceback), not
    # Python's TypeError.
    given = {"name": "Spring", "phone_number_id": "pn-1", "customers": [{"number": "+14155550101"}]}
    given.pop(meant, None)
    with pytest.raises(pulumi.RunError) as mistake:
        CampaignArgs(**{**given, typo: "x"})  # type: ignore[arg-type]
    assert str(mistake.value) == f"CampaignArgs: no argument {typo}: did you mean {meant}?"


def test_missing_keywords_of_campaign_args_are_named() -> None:
    with pytest.raises(pulumi.RunError, match="^CampaignArgs needs phone_number_id, customers$"):
        CampaignArgs(name="Spring")  # type: ignore[call-arg]


def test_the_customers_output_decodes_with_the_public_decoder() -> None:
    # `campaign.customers` is the compact blob that crosses the engine; programs read it with
    # pulumi_cozmox.decode_customers (e.g. campaign.customers.apply(decode_customers)).
    customers = [{"number": "+14155550101", "name": "Ada"}, {"number": "+14155550102"}]
    assert "decode_customers" in pulumi_cozmox.__all__
    assert pulumi_cozmox.decode_customers(encode_customers(customers)) == customers
