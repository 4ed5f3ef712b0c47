"""_phone gives libphonenumber's own answers (is_valid_number, time_zones_for_number), faster.

The oracle: for every region and non-geographic entity libphonenumber knows, its example number
of every type (valid by construction), and mutations of each (a digit changed, one added, one
dropped, the first digits swapped), as strings `+<code><national>`.
"""

from __future__ import annotations

import phonenumbers
import pytest
from phonenumbers import PhoneNumberType
from phonenumbers.timezone import time_zones_for_number

from pulumi_cozmox.core.model.phone import country_code, is_valid, phone_number, time_zones

TYPES = [
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.MOBILE,
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.PREMIUM_RATE,
    PhoneNumberType.SHARED_COST,
    PhoneNumberType.VOIP,
    PhoneNumberType.PERSONAL_NUMBER,
    PhoneNumberType.PAGER,
    PhoneNumberType.UAN,
    PhoneNumberType.VOICEMAIL,
]


def e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def example_numbers() -> list[str]:
    found = set()
    for region in phonenumbers.SUPPORTED_REGIONS:
        for kind in TYPES:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                found.add(e164(example))
    for code in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS:
        example = phonenumbers.example_number_for_non_geo_entity(code)
        if example is not None:
            found.add(e164(example))
    return sorted(found)


def mutations(number: str) -> list[str]:
    digits = number[1:]
    out = [
        "+" + digits[:-1] + str((int(digits[-1]) + 1) % 10),
        "+" + digits[:-3] + str((int(digits[-3]) + 5) % 10) + digits[-2:],
        "+" + digits + "7",
        "+" + digits[:-1],
        "+" + digits[:3] + "0" + digits[4:],
        "+" + digits[:2] + "9" + digits[3:],
    ]
    return [n for n in out if len(n) <= 16]


EXAMPLES = example_numbers()
ALL = sorted({n for example in EXAMPLES for n in [example, *mutations(example)]})


def library_number(number: str) -> phonenumbers.PhoneNumber | None:
    """libphonenumber's own reading of ``number``, when it is a valid number written as its
    E.164 form: ``parse`` repairs some strings (a trunk prefix after the country code) that
    the API would dial as written, and those are not valid campaign numbers."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed) or e164(parsed) != number:
        return None
    return parsed


def library_valid(number: str) -> bool:
    return library_number(number) is not None


def library_zones(number: str) -> tuple[str, ...]:
    parsed = library_number(number)
    if parsed is None:
        return ()
    return tuple(z for z in time_zones_for_number(parsed) if z != "Etc/Unknown")


def test_the_oracle_is_large_and_mixed():
    library = [library_valid(n) for n in ALL]
    assert len(EXAMPLES) > 1_000
    assert sum(library) > 1_000 and library.count(False) > 1_000
    # The invalid half is the library's verdict too, not only strings no parser would read.
    parsed_invalid = [n for n in ALL if not library_valid(n) and parses(n)]
    assert len(parsed_invalid) > 1_000


def parses(number: str) -> bool:
    try:
        phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return False
    return True


def test_is_valid_agrees_with_libphonenumber():
    wrong = [n for n in ALL if is_valid(n) is not library_valid(n)]
    assert wrong == []


def test_time_zones_agree_with_libphonenumber():
    wrong = [n for n in ALL if time_zones(n) != library_zones(n)]
    assert wrong == []


def test_phone_number_is_what_parse_reads_for_canonical_numbers():
    for number in EXAMPLES:
        assert phone_number(number) == phonenumbers.parse(number, None), number


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("+14155550104", 1),
        ("+447911123456", 44),
        ("+8613800138000", 86),
        ("+80012345678", 800),
        ("+999123456", None),
        ("14155550104", None),
        ("+0123", None),
        ("+1", None),
    ],
)
def test_country_code(number, code):
    assert country_code(number) == code


@pytest.mark.parametrize("number", ["", "+", "abc", "+1 415 555 0104", "+114155550104", "+1"])
def test_not_e164_or_not_canonical_is_invalid(number):
    assert not is_valid(number) and time_zones(number) == ()
