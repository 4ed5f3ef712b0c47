"""Phone number facts from libphonenumber (the ``phonenumbers`` package), fast at 10,000 numbers.

- :func:`phone_number`: an E.164 string -> ``phonenumbers.PhoneNumber`` (None if not E.164).
- :func:`number_type`: its ``PhoneNumberType`` (``UNKNOWN`` for an invalid number); cached.
- :func:`is_valid`: whether libphonenumber knows the number as valid.
- :func:`time_zones`: its IANA time zones (``()`` when libphonenumber knows none).

Why not ``phonenumbers.parse``: it costs ~17 µs a number (half the total) because it is lenient
(finds a number in free text, strips trunk prefixes). A campaign number must already be E.164
(``+`` and up to 15 digits), so it is split at its country code directly: E.164 country codes are
prefix-free, so the first 1-3 digits that form a known code are it. The string is taken as
written: ``+114155550104`` (a trunk prefix ``1`` after the country code) is invalid here, where
``parse`` would quietly repair it; the API dials the string as written.

The type is cached per number string: preview validates a campaign's numbers and then judges
their calling hours, in the same process. Pure: no I/O, no pulumi import.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberType
from phonenumbers.timezone import (
    UNKNOWN_TIMEZONE,
    time_zones_for_geographical_number,
    time_zones_for_number,
)
from phonenumbers.tzdata import TIMEZONE_LONGEST_PREFIX

__all__ = [
    "E164",
    "country_code",
    "is_valid",
    "number_type",
    "phone_number",
    "time_zones",
]

#: The shape of an E.164 number: ``+``, a country code that does not start with 0, <= 15 digits.
E164 = re.compile(r"\+[1-9][0-9]{1,14}")
#: Numbers whose type is remembered (a campaign has at most 10,000; a few campaigns per preview).
CACHE_SIZE = 1 << 15

# libphonenumber compiles its metadata patterns through `re.compile` on every use unless asked
# to keep them: keeping them makes validation about 25% faster (bounded: the metadata's patterns).
phonenumbers.enable_pattern_cache()


def country_code(number: str) -> int | None:
    """The country calling code of an E.164 ``number`` (``+14155550104`` -> 1), else None."""
    if not E164.fullmatch(number):
        return None
    for length in (1, 2, 3):
        code = int(number[1 : 1 + length])
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            return code
    return None


def phone_number(number: str) -> PhoneNumber | None:
    """``number`` (E.164, as written) as a ``PhoneNumber``; None if it is not E.164-shaped or its
    country code is unknown. Leading zeros of the national number are kept as ``parse`` keeps
    them (``italian_leading_zero``)."""
    code = country_code(number)
    if code is None:
        return None
    national = number[1 + len(str(code)) :]
    if not national:
        return None
    parsed = PhoneNumber(country_code=code, national_number=int(national))
    zeros = len(national) - len(national.lstrip("0"))
    # As libphonenumber counts them: an all-zero national number keeps its last 0 as the value.
    zeros = min(zeros, len(national) - 1)
    if zeros:
        parsed.italian_leading_zero = True
        if zeros > 1:
            parsed.number_of_leading_zeros = zeros
    return parsed


@lru_cache(maxsize=CACHE_SIZE)
def number_type(number: str) -> int:
    """libphonenumber's ``PhoneNumberType`` of ``number``; ``UNKNOWN`` when it is not valid."""
    parsed = phone_number(number)
    if parsed is None:
        return PhoneNumberType.UNKNOWN
    kind: int = phonenumbers.number_type(parsed)
    return kind


def is_valid(number: str) -> bool:
    """Whether ``number`` is a valid E.164 number (``phonenumbers.is_valid_number``: a number
    libphonenumber's numbering plan for its country allows, not that it is in use)."""
    return number_type(number) != PhoneNumberType.UNKNOWN


def time_zones(number: str) -> tuple[str, ...]:
    """The IANA time zones ``number`` may ring in, as ``phonenumbers.timezone.
    time_zones_for_number`` gives them (a geographic number: its area's zones; a mobile or
    toll-free one in most countries: every zone of the country); ``()`` when unknown."""
    kind = number_type(number)
    code = country_code(number)
    if kind == PhoneNumberType.UNKNOWN or code is None:
        return ()
    if phonenumbers.is_number_type_geographical(kind, code):
        # What time_zones_for_number answers for this type, without computing the type again.
        return _geographic_zones(number[: 1 + TIMEZONE_LONGEST_PREFIX])
    parsed = phone_number(number)
    return () if parsed is None else _known(time_zones_for_number(parsed))


@lru_cache(maxsize=CACHE_SIZE)
def _geographic_zones(prefix: str) -> tuple[str, ...]:
    """Zones of the geographic numbers starting with ``prefix`` (+ and the first digits).

    ``time_zones_for_geographical_number`` looks up the longest known prefix of a number's
    E.164 digits, at most ``TIMEZONE_LONGEST_PREFIX`` of them: numbers that share those digits
    share the answer, so it is asked once per prefix (a campaign's numbers share a few).
    """
    parsed = phone_number(prefix)
    return () if parsed is None else _known(time_zones_for_geographical_number(parsed))


def _known(zones: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(z for z in zones if z != UNKNOWN_TIMEZONE)
