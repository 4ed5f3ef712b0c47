"""Field names in messages: the core writes tokens, each door renders them in its language.

A message of the core names a field, a setting or a resource option with a token
(:func:`field`, :func:`setting`, :func:`alias`) instead of one program's spelling; the adapter
that shows the message calls :func:`render` with its door:

=================================  =============================  ==============================
token                              ``python`` (dynamic provider)  ``native`` (YAML, TypeScript)
=================================  =============================  ==============================
``field("schedulePlan")``          ``schedule_plan``              ``schedulePlan``
``setting("allowRedial", "c-1")``  ``allow_redial="c-1"``         ``allowRedial: "c-1"``
``setting("ended", True)``         ``ended=True``                 ``ended: true``
``value(True)``                     ``True``                       ``true``
``alias("old")``                   ``opts=pulumi.ResourceOptions  ``options: aliases: ["urn:...
                                   (aliases=[pulumi.Alias(        ::cozmox:index:Campaign::old"]``
                                   name="old")])``
=================================  =============================  ==============================

Tokens are plain text between ``⟦`` and ``⟧`` so that messages can be joined and formatted as
strings; :func:`render` replaces exactly those and nothing else. Paths (``schedulePlan.latestAt``)
are rendered by :func:`path`. Pure: no I/O.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pulumi_cozmox.core.resource.fields import NATIVE_TYPE, by_api

__all__ = ["DOORS", "alias", "field", "path", "render", "setting", "value"]

#: The programs a message may be shown to.
DOORS = ("python", "native")
_TOKEN = re.compile(r"⟦(field|set|alias|value):([^⟧]*)⟧")


def field(api: str) -> str:
    """A token naming the field whose API name is ``api``."""
    return f"⟦field:{api}⟧"


def setting(api: str, value: Any) -> str:
    """A token for setting the field ``api`` to ``value`` (a JSON value)."""
    return f"⟦set:{api}={json.dumps(value)}⟧"


def value(given: Any) -> str:
    """A token for a JSON value as a program writes it (``True`` or ``true``)."""
    return f"⟦value:{json.dumps(given)}⟧"


def _value(raw: str, door: str) -> str:
    given = json.loads(raw)
    if door == "python" and (isinstance(given, bool) or given is None):
        return repr(given)
    return json.dumps(given)


def alias(old_name: str) -> str:
    """A token for the resource option that keeps ``old_name``'s campaign for a renamed one."""
    return f"⟦alias:{json.dumps(old_name)}⟧"


def _name(api: str, door: str) -> str:
    found = by_api(api)
    return found.name(door) if found is not None else api


def _setting(body: str, door: str) -> str:
    api, _, raw = body.partition("=")
    if door == "python":
        return f"{_name(api, door)}={_value(raw, door)}"
    return f"{_name(api, door)}: {_value(raw, door)}"


def _alias(body: str, door: str) -> str:
    old = json.loads(body)
    if door == "python":
        return f"opts=pulumi.ResourceOptions(aliases=[pulumi.Alias(name={json.dumps(old)})])"
    urn = f"urn:pulumi:<stack>::<project>::{NATIVE_TYPE}::{old}"
    return f"options: aliases: [{json.dumps(urn)}]"


def render(text: str, door: str) -> str:
    """``text`` with its tokens in the spelling of ``door`` (``python`` or ``native``)."""

    def one(match: re.Match[str]) -> str:
        kind, body = match.group(1), match.group(2)
        if kind == "field":
            return _name(body, door)
        if kind == "set":
            return _setting(body, door)
        if kind == "value":
            return _value(body, door)
        return _alias(body, door)

    return _TOKEN.sub(one, text)


def path(api_path: str, door: str) -> str:
    """A path of the API's (``schedulePlan.latestAt``) as ``door`` names its top-level key
    (nested keys are the API's own JSON in every program)."""
    top = re.split(r"[.\[]", api_path, maxsplit=1)[0]
    return _name(top, door) + api_path[len(top) :] if top else api_path
