"""Where a number is: its ISO 3166-1 country and, for US and Canadian numbers, its ISO 3166-2
subdivision (``US-FL``, ``CA-ON``), from libphonenumber's metadata and geocoding data.

libphonenumber describes a NANP number by place: ``"San Francisco, CA"`` (a city and the
state's postal code) or ``"Florida"`` (the state's name). Both are read here into the
subdivision code, with the tables below. A number the data does not place (a toll-free number,
or an area code shared by several provinces: ``"Nova Scotia/Prince Edward Island"``) has its
country only. Area codes do not cross
state or province lines, so the answer is looked up once per first digits (area code and
exchange).

Pure: no I/O, no pulumi import.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers

from pulumi_cozmox.core.model.phone import phone_number, region_code

__all__ = ["COUNTRIES", "SUBDIVISIONS", "country", "subdivision"]

#: US states, the District of Columbia and the territories that use +1: postal code -> name.
US = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "Washington D.C.",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming",
}  # fmt: skip
#: Canadian provinces and territories: postal code -> name.
CA = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories",
    "NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec",
    "SK": "Saskatchewan", "YT": "Yukon",
}  # fmt: skip
#: Every subdivision a rule may name.
SUBDIVISIONS = frozenset({f"US-{c}" for c in US} | {f"CA-{c}" for c in CA})
#: Every country a rule may name (the regions libphonenumber knows: ISO 3166-1 alpha-2).
COUNTRIES = frozenset(phonenumbers.SUPPORTED_REGIONS)

_BY_NAME = {
    **{name.lower(): f"US-{code}" for code, name in US.items()},
    **{name.lower(): f"CA-{code}" for code, name in CA.items()},
    "washington, d.c.": "US-DC",
    "district of columbia": "US-DC",
    "québec": "CA-QC",
    "newfoundland": "CA-NL",
    # As the geocoding data spells them.
    "washington state": "US-WA",
    "british colombia": "CA-BC",
}


def country(number: str) -> str | None:
    """The ISO 3166-1 country of a valid E.164 number (``+442079460958`` -> ``GB``)."""
    return region_code(number)


def subdivision(number: str) -> str | None:
    """The ISO 3166-2 subdivision of a US or Canadian number (``+13055550101`` -> ``US-FL``),
    None when the data does not place it (or for any other country)."""
    place = region_code(number)
    if place not in ("US", "CA"):
        return None
    return _placed(number[:8], place)


@lru_cache(maxsize=4096)
def _placed(prefix: str, place: str) -> str | None:
    """The subdivision of the numbers starting with ``prefix`` (+1, area code, exchange)."""
    # Imported here: its data takes a quarter of a second to load, and only a calling policy
    # that names regions asks where a number is.
    from phonenumbers import geocoder

    parsed = phone_number(prefix + "0100")
    if parsed is None:
        return None
    description = geocoder.description_for_number(parsed, "en").strip()
    if not description:
        return None
    head, _, tail = description.rpartition(", ")
    if head and len(tail) == 2:  # "San Francisco, CA"
        code = f"{place}-{tail.upper()}"
        return code if code in SUBDIVISIONS else None
    return _BY_NAME.get(description.lower())
