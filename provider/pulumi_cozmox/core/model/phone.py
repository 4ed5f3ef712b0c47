"""Phone number facts from libphonenumber's metadata (the ``phonenumbers`` package), fast.

- :func:`country_code`: ``+14155550104`` -> 1 (None if not E.164 or no such country code).
- :func:`is_valid`: ``phonenumbers.is_valid_number`` for an E.164 string.
- :func:`time_zones`: ``phonenumbers.timezone.time_zones_for_number`` for an E.164 string.
- :func:`region_code`: ``phonenumbers.region_code_for_number`` for a valid E.164 string.
- :func:`phone_number`: an E.164 string as a ``phonenumbers.PhoneNumber``.

Why not call those functions on ``phonenumbers.parse(number)``: at 10,000 numbers that costs
~0.3-0.5 s (parse ~17 µs, is_valid_number ~12 µs a number: Python calls around ~10 regular
expressions per region tried, twice for a US number) where validation of a whole 10,000-customer
campaign has a 300 ms budget. So the same answers are computed from the same metadata, with the
regular expressions of a region combined per number length (one call where the library makes
ten): ~2 µs a number. ``tests/unit/test_phone.py`` checks the answers against the library's own
functions for every example number libphonenumber ships (every region, every type) and for
digit mutations of them.

How a number is read: a campaign number must be E.164 (``+``, a country code, the national
number), so it is split at its country code directly (E.164 codes are prefix-free: the first
1-3 digits that form a known code). The string is taken as written: ``+114155550104`` (a trunk
prefix ``1`` after the country code) is invalid here, where ``parse`` would quietly repair it;
the API dials the string as written. Pure: no I/O, no pulumi import.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumber, PhoneNumberDesc, PhoneNumberType
from phonenumbers.timezone import (
    UNKNOWN_TIMEZONE,
    time_zones_for_geographical_number,
    time_zones_for_number,
)
from phonenumbers.tzdata import TIMEZONE_LONGEST_PREFIX

__all__ = [
    "E164",
    "country_code",
    "e164",
    "is_valid",
    "person_of",
    "phone_number",
    "region_code",
    "time_zones",
]

#: The shape of an E.164 number: ``+``, a country code that does not start with 0, <= 15 digits.
E164 = re.compile(r"\+[1-9][0-9]{1,14}")
#: Geographic zone lookups remembered (one per distinct first digits of a number).
ZONE_CACHE_SIZE = 4096
#: The region code libphonenumber gives non-geographic entities (+800, +882, ...).
NON_GEO = "001"

# libphonenumber's number types, in the order its type helper tries them: the first that matches
# is the number's type. The special ones come first; then fixed line, then mobile.
_SPECIAL = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
)


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
    # As libphonenumber counts them: an all-zero national number keeps its last 0 as the value.
    zeros = min(len(national) - len(national.lstrip("0")), len(national) - 1)
    if zeros:
        parsed.italian_leading_zero = True
        if zeros > 1:
            parsed.number_of_leading_zeros = zeros
    return parsed


# --------------------------------------------------------------------------------------------
# One region's metadata, compiled.


def _lengths(desc: PhoneNumberDesc | None) -> frozenset[int] | None:
    """The national number lengths ``desc`` allows; None when it sets none (any length)."""
    if desc is None or not desc.possible_length:
        return None
    return frozenset(desc.possible_length)


def _usable(desc: PhoneNumberDesc | None) -> bool:
    return desc is not None and bool(desc.national_number_pattern)


def _combined(descs: list[PhoneNumberDesc], length: int) -> re.Pattern[str] | None:
    """One pattern matching what any of ``descs`` matches at ``length`` digits."""
    patterns = []
    for desc in descs:
        allowed = _lengths(desc)
        if allowed is None or length in allowed:
            patterns.append(f"(?:{desc.national_number_pattern})")
    return re.compile("|".join(patterns)) if patterns else None


class _Region:
    """libphonenumber's type checks of one region, as a few regular expressions per length.

    A number matches a type when its length is one of the type's possible lengths (when it
    lists any) and the type's pattern matches it whole; ``_number_type_helper`` in
    ``phonenumberutil`` is the model.
    """

    def __init__(self, metadata: PhoneMetadata) -> None:
        self.metadata = metadata
        leading = metadata.leading_digits
        self.leading_digits = re.compile(leading) if leading else None
        general = metadata.general_desc
        pattern = general.national_number_pattern if general is not None else None
        self.general = re.compile(pattern) if pattern else None
        self.general_lengths = _lengths(general)
        self.special = [d for d in (getattr(metadata, n) for n in _SPECIAL) if _usable(d)]
        self.fixed = metadata.fixed_line if _usable(metadata.fixed_line) else None
        self.mobile = metadata.mobile if _usable(metadata.mobile) else None
        self._by_length: dict[int, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {}

    def _patterns(self, length: int) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """(any type, a special type) at ``length`` digits."""
        found = self._by_length.get(length)
        if found is None:
            every = [*self.special, *(d for d in (self.fixed, self.mobile) if d is not None)]
            found = (_combined(every, length), _combined(self.special, length))
            self._by_length[length] = found
        return found

    def matches_general(self, national: str) -> bool:
        if self.general is None:
            return False
        if self.general_lengths is not None and len(national) not in self.general_lengths:
            return False
        return self.general.fullmatch(national) is not None

    def is_valid(self, national: str) -> bool:
        """Whether the type helper gives this number a type (not UNKNOWN) in this region."""
        if not self.matches_general(national):
            return False
        any_type = self._patterns(len(national))[0]
        return any_type is not None and any_type.fullmatch(national) is not None

    def is_geographic(self, national: str, code: int) -> bool:
        """For a valid number: whether its type is geographic (fixed line, or mobile where
        mobile numbers are: ``phonenumbers.is_number_type_geographical``)."""
        special = self._patterns(len(national))[1]
        if special is not None and special.fullmatch(national):
            return False
        if self.fixed is not None and _matches(self.fixed, national):
            return True
        return phonenumbers.is_number_type_geographical(PhoneNumberType.MOBILE, code)


def _matches(desc: PhoneNumberDesc, national: str) -> bool:
    allowed = _lengths(desc)
    pattern = desc.national_number_pattern
    if not pattern or (allowed is not None and len(national) not in allowed):
        return False
    return re.fullmatch(pattern, national) is not None


_regions: dict[str, _Region | None] = {}
_regions_lock = threading.Lock()


def _region(code: int, region: str) -> _Region | None:
    key = f"{region}+{code}"
    if key not in _regions:
        with _regions_lock:
            if key not in _regions:
                metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
                _regions[key] = _Region(metadata) if metadata is not None else None
    return _regions[key]


@dataclass(frozen=True)
class _Facts:
    valid: bool
    geographic: bool = False
    region: str | None = None


def _facts(number: str, *, zones: bool = False) -> _Facts:
    code = country_code(number)
    if code is None:
        return _Facts(False)
    national = number[1 + len(str(code)) :]
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE[code]
    chosen: _Region | None = None
    if len(regions) == 1:
        chosen = _region(code, regions[0])
    else:
        # region_code_for_number: the first region whose leading digits match, or (a region
        # without them) for which the number is valid.
        for name in regions:
            region = _region(code, name)
            if region is None:
                continue
            if region.leading_digits is not None:
                if region.leading_digits.match(national):
                    chosen = region
                    break
            elif region.is_valid(national):
                chosen = region
                break
    if chosen is None or not chosen.is_valid(national):
        return _Facts(False)
    place = chosen.metadata.id if chosen.metadata.id != NON_GEO else None
    return _Facts(True, zones and chosen.is_geographic(national, code), place)


def region_code(number: str) -> str | None:
    """``phonenumbers.region_code_for_number`` of a valid E.164 ``number``: its ISO 3166-1
    country (``US``, ``GB``); None when invalid, or for a non-geographic entity (+800)."""
    return _facts(number).region


def is_valid(number: str) -> bool:
    """``phonenumbers.is_valid_number`` of E.164 ``number`` (as written): a number the numbering
    plan of its country allows (not that it is in use). False for anything not E.164."""
    return _facts(number).valid


def time_zones(number: str) -> tuple[str, ...]:
    """The IANA time zones ``number`` may ring in, as ``time_zones_for_number`` gives them (a
    geographic number: its area's zones; a mobile or toll-free one in most countries: every
    zone of the country); ``()`` when unknown (an invalid number included)."""
    facts = _facts(number, zones=True)
    if not facts.valid:
        return ()
    if facts.geographic:
        return _geographic_zones(number[: 1 + TIMEZONE_LONGEST_PREFIX])
    parsed = phone_number(number)
    return () if parsed is None else _known(time_zones_for_number(parsed))


@lru_cache(maxsize=ZONE_CACHE_SIZE)
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


def person_of(customer: Any) -> str | None:
    """Who a customer is, as calls count people: the number in E.164 form, else the SIP URI;
    None for a customer with neither."""
    if not isinstance(customer, dict):
        return None
    number = customer.get("number")
    if isinstance(number, str) and number:
        return e164(number) or number
    sip = customer.get("sipUri")
    return sip.strip() if isinstance(sip, str) and sip.strip() else None


def e164(text: str) -> str | None:
    """``text`` as an E.164 number (``+1 (415) 555-0101`` -> ``+14155550101``), else None."""
    if E164.fullmatch(text):
        return text  # the usual case, without libphonenumber's parser (~20 µs a number)
    try:
        parsed = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
