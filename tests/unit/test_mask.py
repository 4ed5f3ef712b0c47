"""Masked identities: country code and last two digits, never more."""

from __future__ import annotations

import pytest

from pulumi_cozmox.core.model.mask import mask_email, mask_number, mask_text


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("+14155550104", "+1 ••• ••• ••04"),
        ("+447911123456", "+44 ••• ••• ••56"),
        ("+390612345678", "+39 ••• ••• ••78"),
        ("+8613800138000", "+86 ••• ••• ••00"),
    ],
)
def test_country_code_and_last_two_digits(number, masked):
    assert mask_number(number) == masked
    assert number[3:-2] not in mask_number(number)


def test_same_shape_whatever_the_length():
    assert mask_number("+4930123456") == "+49 ••• ••• ••56"
    assert mask_number("+4930123456789") == "+49 ••• ••• ••89"


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("4155550104", "••04"),  # no country code: libphonenumber cannot read it
        ("sip-trunk-7788", "••88"),
        ("+999123456", "••56"),  # no such country code
        ("abc", "••"),  # too short to show two of its characters
        ("", "••"),
    ],
)
def test_unreadable_numbers_show_two_characters_at_most(number, masked):
    assert mask_number(number) == masked


def test_email_is_masked_whole():
    assert mask_email("ada@example.com") == "•••@•••"


def test_mask_text_masks_numbers_and_emails_in_free_text():
    text = (
        "customers[3].number: +1 415-555-0104 and 14155550199 are bad; write to "
        "ada.lovelace@example.co.uk"
    )
    masked = mask_text(text)
    for secret in ("415-555-0104", "14155550199", "5550199", "ada.lovelace", "example.co.uk"):
        assert secret not in masked
    assert masked.startswith("customers[3].number: +1 ••• ••• ••04 and ••99 are bad")
    assert masked.endswith("write to •••@•••")


@pytest.mark.parametrize(
    "text",
    [
        "schedulePlan.earliestAt: must be before 2030-03-04T09:00:00Z",
        "at most 10,000 customers, got 10,001",
        "campaign 9f2c1e77-0b2a-4c1d-8e5f-1234567890ab not found",
        "pulumi 3.260.0 on python 3.11.7",
    ],
)
def test_mask_text_leaves_dates_counts_ids_and_versions(text):
    assert mask_text(text) == text
