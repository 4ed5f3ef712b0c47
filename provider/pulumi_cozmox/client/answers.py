"""The API's answers, as far as the provider reads them: pydantic models of only the fields used.

A model declares what the provider relies on, so a malformed answer fails here with an error
naming the missing or mistyped field, instead of an ``AttributeError`` deep in the provider.
Declaring few fields is also fast: ``CampaignStatus.model_validate_json`` reads the status of a
10,000-customer campaign (87 MB) in ~0.4 s, where parsing the whole answer takes 2-4 s.

Unknown fields are ignored (the API may add some); values are never copied into messages
(an answer holds customers' personal data).
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from pulumi_cozmox.client.errors import MalformedAnswer

__all__ = [
    "CampaignAnswer",
    "CampaignCounters",
    "CampaignStatus",
    "CustomerKey",
    "ListedCampaign",
    "NamedObject",
    "PageMeta",
    "WholePage",
    "parse_answer",
    "validate_answer",
]

Model = TypeVar("Model", bound=BaseModel)


class _Answer(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class CampaignStatus(_Answer):
    """The live status of a campaign (``scheduled``, ``in-progress``, ``ended``)."""

    id: str
    status: str


class CampaignCounters(_Answer):
    """A campaign's status and call counters (what stopping it would cut short)."""

    id: str
    status: str
    callsCounterScheduled: int = 0
    callsCounterQueued: int = 0
    callsCounterInProgress: int = 0
    callsCounterEndedVoicemail: int = 0
    callsCounterEnded: int = 0

    @property
    def not_placed(self) -> int:
        """Calls that stopping it now would never place (scheduled, not begun)."""
        begun = self.callsCounterEnded + self.callsCounterInProgress
        return max(0, self.callsCounterScheduled - begun)


class CampaignAnswer(_Answer):
    """A whole campaign answer: the server-managed fields the provider records."""

    id: str
    status: str
    endedReason: str | None = None
    orgId: str | None = None
    createdAt: str | None = None
    updatedAt: str | None = None
    customers: list[Any]


class CustomerKey(_Answer):
    """What identifies a customer in a listing: the number (or SIP URI) only."""

    number: str | None = None
    sipUri: str | None = None


class ListedCampaign(_Answer):
    """A campaign in a list page, reduced to what recognising a campaign needs."""

    id: str
    status: str | None = None
    endedReason: str | None = None
    createdAt: str | None = None
    updatedAt: str | None = None
    name: str | None = None
    phoneNumberId: str | None = None
    assistantId: str | None = None
    workflowId: str | None = None
    schedulePlan: dict[str, Any] | None = None
    customers: list[CustomerKey] = []


class NamedObject(_Answer):
    """An assistant, phone number or workflow a campaign names (``GET /assistant/{id}``, ...):
    its name, and a phone number's number (a business line, not personal data)."""

    id: str
    name: str | None = None
    number: str | None = None


class PageMeta(_Answer):
    """``PaginationMeta``: where a client is in a listing."""

    itemsPerPage: int | None = None
    totalItems: int | None = None


class ListPage(_Answer):
    """One page of ``GET /campaign``."""

    results: list[ListedCampaign]
    metadata: PageMeta | None = None


class WholePage(_Answer):
    """One page of ``GET /campaign`` whose campaigns are kept whole (each then checked as a
    :class:`CampaignAnswer`)."""

    results: list[dict[str, Any]]
    metadata: PageMeta | None = None


def _fields(error: ValidationError) -> str:
    problems = []
    for item in error.errors(include_input=False, include_url=False):
        where = ".".join(str(part) for part in item["loc"]) or "(answer)"
        problems.append(f"{where}: {item['msg'].lower()}")
    return "; ".join(problems[:5]) + (" ..." if len(problems) > 5 else "")


def parse_answer(model: type[Model], raw: bytes, method: str, path: str) -> Model:
    """``raw`` JSON as ``model``; a MalformedAnswer naming the missing fields otherwise."""
    if not raw.strip():
        raise MalformedAnswer(method, path, "the answer is empty")
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        kinds = {(e["type"], e["loc"]) for e in exc.errors(include_input=False)}
        if ("json_invalid", ()) in kinds:
            raise MalformedAnswer(method, path, "the answer is not JSON") from None
        if ("model_type", ()) in kinds:
            raise MalformedAnswer(method, path, "the answer is not a JSON object") from None
        raise MalformedAnswer(method, path, _fields(exc)) from None


def validate_answer(model: type[Model], data: Any, method: str, path: str) -> Model:
    """Already-parsed JSON ``data`` as ``model``; a MalformedAnswer otherwise."""
    if not isinstance(data, dict):
        why = "empty" if data is None else f"not a JSON object (a {type(data).__name__})"
        raise MalformedAnswer(method, path, f"the answer is {why}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise MalformedAnswer(method, path, _fields(exc)) from None
