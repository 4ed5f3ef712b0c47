"""Masked forms of customers' identities, for text that reaches logs and pull requests.

- :func:`mask_number`: ``+14155550104`` -> ``+1 ••• ••• ••04``: the country code (which says
  which country's rules apply) and the last two digits (enough to tell a few apart), never more.
  The shape is fixed, so the length of the number does not show either.
- :func:`mask_text`: a safety net for text of other origin (error messages quoted in a review):
  anything that looks like a phone number or an email address is masked.

Names are never shown, masked or not: nothing identifies a customer but the masked number.
Pure: no I/O.
"""

from __future__ import annotations

import re

import phonenumbers

__all__ = ["MASK", "mask_email", "mask_number", "mask_text"]

#: What stands for hidden characters.
MASK = "•"
#: A number shorter than this shows no digit at all (two of four would be half of it).
MIN_SHOWN_LENGTH = 6

_HIDDEN = f"{MASK * 3} {MASK * 3} {MASK * 2}"
# A run of digits long enough to be a phone number, possibly grouped (+1 415-555 0104, (415)...):
# 7 digits or more in all, not inside a word (ids), not an ISO date (2030-03-04).
_NUMBER_LIKE = re.compile(
    r"(?<![\w+])(?!\d{4}-\d\d-\d\d)\+?\(?\d(?:[\d()]|[ .-](?=[\d(])){5,}\d(?!\w)"
)
_EMAIL_LIKE = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")


def mask_number(number: str) -> str:
    """``+14155550104`` -> ``+1 ••• ••• ••04``. A number libphonenumber cannot read (no country
    code, letters) -> ``••`` and its last two characters; a short one (< 6 characters) -> ``••``."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is not None and parsed.country_code:
        national = phonenumbers.national_significant_number(parsed)
        return f"+{parsed.country_code} {_HIDDEN}{national[-2:]}"
    text = str(number)
    return MASK * 2 + (text[-2:] if len(text) >= MIN_SHOWN_LENGTH else "")


def mask_email(_email: str) -> str:
    """An email address, masked whole: its domain may name the person's employer."""
    return f"{MASK * 3}@{MASK * 3}"


def _mask_number_like(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = sum(ch.isdigit() for ch in text)
    if digits < 7:
        return text
    return mask_number(re.sub(r"[^\d+]", "", text))


def mask_text(text: str) -> str:
    """``text`` with every email address and phone-number-like run of digits masked."""
    text = _EMAIL_LIKE.sub(lambda m: mask_email(m.group(0)), text)
    return _NUMBER_LIKE.sub(_mask_number_like, text)
