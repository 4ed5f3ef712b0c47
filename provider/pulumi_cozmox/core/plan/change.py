"""Planning a campaign change: what differs, what PATCH can do, what needs a replacement.

Pure: no pulumi import, no I/O, no import of client or validation.

How each input changes a campaign:

==================================  ===========================================================
``name``                            PATCH, in any status
``phone_number_id`` ``assistant_id``  PATCH while ``scheduled`` only (:attr:`Plan.restricted`)
``workflow_id`` ``schedule_plan``
removing one of those four          replace (UpdateCampaignDTO has no null: a field cannot be
                                    cleared by PATCH)
``customers``                       replace (PATCH cannot change customers)
``ended`` False -> True             PATCH ``{"status": "ended"}``, in any status (stops it)
``ended`` True -> False             replace (a campaign cannot be restarted: a re-dial)
``allow_redial`` ``allow_duplicate``  state only (no API call)
``allow_outside_calling_hours``
``customer_count``
``adopt_id``, ``resource_name``     never compared (see ``core.fields.UNCOMPARED``)
==================================  ===========================================================

``schedule_plan`` compares as instants: ``2099-01-01T09:00:00Z`` and
``2099-01-01T10:00:00+01:00`` are the same schedule. A value not known yet (preview, an output
of a resource not created yet) counts as changed and is listed in :attr:`Plan.unknown`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from pulumi_cozmox.core.model.compare import same_instants
from pulumi_cozmox.core.model.customers import same_customers
from pulumi_cozmox.core.resource.fields import (
    ENDED,
    FIELDS,
    INPUT_KEYS,
    INPUT_TO_API,
    LIVE_STATUSES,
    PATCHABLE,
    RESTRICTED,
    count_of,
)

__all__ = ["Plan", "escalate", "plan_change"]


@dataclass(frozen=True)
class Plan:
    """What moving a campaign from ``olds`` to ``news`` takes. Keys are snake_case inputs."""

    #: Inputs whose value differs (state-only ones included), in :data:`INPUT_KEYS` order.
    changed: tuple[str, ...] = ()
    #: Changed inputs that PATCH cannot apply: the campaign must be replaced.
    replaces: tuple[str, ...] = ()
    #: The PATCH body (API keys) for the changed patchable inputs; empty when replacing.
    patch: dict[str, Any] = field(default_factory=dict)
    #: Inputs in ``patch`` that the API accepts only while the campaign is ``scheduled``.
    restricted: tuple[str, ...] = ()
    #: How many customers the campaign created by a replacement would call (None: unknown).
    customer_count: int | None = None
    #: Changed inputs whose new value is not known yet: they may turn out unchanged.
    unknown: tuple[str, ...] = ()

    @cached_property
    def known(self) -> Plan:
        """This plan without the changes that rest on values not known yet: what preview may
        judge (refuse, or read the live status for). At ``up`` every value is known. Made
        once per plan (diff, the standing rules and the refusals each read it)."""
        if not self.unknown:
            return self
        unknown_api = {INPUT_TO_API[k] for k in self.unknown if k in INPUT_TO_API}
        if ENDED in self.unknown:
            unknown_api.add("status")
        return replace(
            self,
            changed=tuple(k for k in self.changed if k not in self.unknown),
            replaces=tuple(k for k in self.replaces if k not in self.unknown),
            restricted=tuple(k for k in self.restricted if k not in self.unknown),
            patch={api: v for api, v in self.patch.items() if api not in unknown_api},
            unknown=(),
        )

    @property
    def has_changes(self) -> bool:
        """Whether anything differs (the engine must run update or replace)."""
        return bool(self.changed)

    @property
    def needs_replace(self) -> bool:
        """Whether the campaign must be deleted and created again."""
        return bool(self.replaces)

    @property
    def needs_patch(self) -> bool:
        """Whether an update must call PATCH (otherwise it only rewrites state)."""
        return bool(self.patch)


def _customers_equal(old: Any, new: Any) -> bool:
    if old == new:
        return True
    if isinstance(old, str) and isinstance(new, str):
        try:
            return same_customers(old, new)
        except ValueError:
            return False
    return False


#: Flags whose absence means false: a stack recorded before a flag existed holds none of it
#: (``delete_record_on_remove`` came in 0.3.0), and a program that leaves one out means false.
_FLAGS = frozenset(f.python for f in FIELDS if f.type.startswith("boolean"))


def _equal(key: str, old: Any, new: Any) -> bool:
    if key == "customers":
        return _customers_equal(old, new)
    if key in _FLAGS:
        return (old or False) == (new or False)  # True, or the id of the campaign allowed
    if key == "schedule_plan":
        return same_instants(old, new)
    return bool(old == new)


def plan_change(
    olds: Mapping[str, Any], news: Mapping[str, Any], unknown: frozenset[str] = frozenset()
) -> Plan:
    """Compare recorded outputs ``olds`` with desired inputs ``news``.

    Only :data:`INPUT_KEYS` are compared: server outputs and ``__provider`` never differ.
    A key that is absent counts as None. Customers compare by blob string, then by digest.
    ``unknown``: the keys of ``news`` whose value is not known yet (they count as changed).
    """
    changed = tuple(
        k for k in INPUT_KEYS if k in unknown or not _equal(k, olds.get(k), news.get(k))
    )
    replaces: list[str] = []
    for key in changed:
        new = news.get(key)
        if key == "customers":
            replaces.append(key)
        elif key in PATCHABLE and new is None:
            replaces.append(key)  # UpdateCampaignDTO cannot clear a field
        elif key == ENDED and new is not True:
            replaces.append(key)  # an ended campaign cannot be restarted
    patch: dict[str, Any] = {}
    restricted: tuple[str, ...] = ()
    if not replaces:
        patchable = [k for k in changed if k in PATCHABLE]
        patch = {INPUT_TO_API[k]: news[k] for k in patchable}
        restricted = tuple(k for k in patchable if k in RESTRICTED)
        if ENDED in changed and ENDED not in unknown:
            patch["status"] = "ended"
    count = count_of(news.get("customer_count"))
    return Plan(
        changed=changed,
        replaces=tuple(replaces),
        patch=patch,
        restricted=restricted,
        customer_count=count,
        unknown=tuple(k for k in changed if k in unknown),
    )


def escalate(p: Plan, status: str | None, allow_redial: bool) -> Plan:
    """The plan to carry out once the campaign's live ``status`` is known.

    With ``allow_redial`` and a campaign that is in progress or has ended, restricted PATCH
    fields (which the API would reject) become a replacement instead. Otherwise ``p`` as is.
    """
    if not (allow_redial and status in LIVE_STATUSES and p.restricted):
        return p
    return replace(p, replaces=p.restricted, patch={}, restricted=())
