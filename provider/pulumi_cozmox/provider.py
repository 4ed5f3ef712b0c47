"""The Pulumi hooks of the Campaign resource: validation -> diff -> client.

The SDK pickles this object into every resource's state, so it holds nothing: no API key, no
HTTP client. ``configure`` (run after unpickling, in the provider process) records where the
key comes from; the client is built on first use and shared by the engine's threads.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    ResourceProvider,
    UpdateResult,
)
from pulumi.output import Unknown

from pulumi_cozmox._body import create_body_bytes
from pulumi_cozmox._client import DEFAULT_TIMEOUT, CozmoxClient
from pulumi_cozmox._customers import decode_customers
from pulumi_cozmox._errors import ConfigurationError, NotFound
from pulumi_cozmox._fields import INPUT_KEYS, INPUT_TO_API, LIVE_STATUSES
from pulumi_cozmox._plan import escalate, plan_change
from pulumi_cozmox._refresh import outputs_from_api, project_inputs
from pulumi_cozmox._refusal import refusal
from pulumi_cozmox._validation import validate_campaign

__all__ = ["DEFAULT_BASE_URL", "CampaignProvider"]

DEFAULT_BASE_URL = "https://api.cozmox.ai"
MISSING_KEY = (
    "no Cozmox API key: set it with `pulumi config set --secret cozmox:apiKey <key>` "
    "or the COZMOX_API_KEY environment variable"
)

_client_lock = threading.Lock()


def _is_unknown(value: Any) -> bool:
    if isinstance(value, Unknown):
        return True
    if isinstance(value, dict):
        return any(_is_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(_is_unknown(v) for v in value)
    return False


def _failure_path(api_path: str) -> str:
    """A problem's API path in the program's terms: top-level keys are snake_case."""
    for key, api in INPUT_TO_API.items():
        if api_path == api or api_path.startswith((api + ".", api + "[")):
            return key + api_path[len(api) :]
    return api_path


def _within(path: str, api_keys: set[str]) -> bool:
    return any(path == k or path.startswith((k + ".", k + "[")) for k in api_keys)


class CampaignProvider(ResourceProvider):
    """Creates, reads, updates and deletes Cozmox campaigns for ``Campaign`` resources."""

    def __getstate__(self) -> dict[str, Any]:
        # Whatever configure() set stays out of the pickle that lands in state.
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        pass

    def configure(self, req: ConfigureRequest) -> None:
        # Stack config as given; _client() falls back to the environment, then defaults.
        self._settings = {
            "api_key": req.config.get("cozmox:apiKey"),
            "base_url": req.config.get("cozmox:baseUrl"),
            "timeout": req.config.get("cozmox:requestTimeout"),
        }

    def _client(self) -> CozmoxClient:
        with _client_lock:
            client: CozmoxClient | None = self.__dict__.get("_api")
            if client is None:
                settings = self.__dict__.get("_settings") or {}
                api_key = settings.get("api_key") or os.environ.get("COZMOX_API_KEY")
                if not api_key:
                    raise ConfigurationError(MISSING_KEY)
                base_url = (
                    settings.get("base_url")
                    or os.environ.get("COZMOX_BASE_URL")
                    or DEFAULT_BASE_URL
                )
                timeout = settings.get("timeout") or os.environ.get("COZMOX_REQUEST_TIMEOUT")
                try:
                    seconds = float(timeout) if timeout else DEFAULT_TIMEOUT
                except ValueError:
                    raise ConfigurationError(
                        f"cozmox:requestTimeout must be a number of seconds, not {timeout!r}"
                    ) from None
                client = CozmoxClient(base_url, api_key, timeout=seconds)
                self._api = client
            return client

    # -- check ---------------------------------------------------------------------------
    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        """Validate the desired campaign; unknown values are skipped, no request is made.

        Customers identical to the last checked ones (same blob) are not validated again:
        they passed before, and decoding 10,000 of them costs seconds.
        """
        skipped: set[str] = set()
        body: dict[str, Any] = {}
        for key, api in INPUT_TO_API.items():
            value = news.get(key)
            if value is None:
                continue
            if _is_unknown(value) or (key == "customers" and value == _olds.get("customers")):
                skipped.add(api)
                continue
            body[api] = value
        failures: list[CheckFailure] = []
        if "customers" in body:
            try:
                body["customers"] = decode_customers(body["customers"])
            except ValueError as exc:
                return CheckResult(news, [CheckFailure("customers", str(exc))])
        for problem in validate_campaign(body):
            if _within(problem.path, skipped):
                continue
            failures.append(CheckFailure(_failure_path(problem.path), problem.message))
        allow_redial = news.get("allow_redial")
        if allow_redial is not None and not isinstance(allow_redial, bool | Unknown):
            failures.append(CheckFailure("allow_redial", "must be a boolean (true or false)"))
        adopt_id = news.get("adopt_id")
        if adopt_id is not None and not _is_unknown(adopt_id) and not isinstance(adopt_id, str):
            failures.append(CheckFailure("adopt_id", "must be a campaign id (a string)"))
        return CheckResult(news, failures)

    # -- diff ----------------------------------------------------------------------------
    def diff(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        """Update or replace; refuse (by raising) what would re-dial people or fail at `up`.

        No request unless the change is one that depends on the campaign's live status
        (replacement or a field the API changes only while scheduled): then one GET, since
        the recorded status may be stale (a scheduled campaign starts dialing on its own).
        """
        plan = plan_change(olds, news)
        if not plan.has_changes:
            return DiffResult(changes=False)
        allow_redial = news.get("allow_redial") is True
        status = olds.get("status")
        if plan.replaces or plan.restricted:
            status = self._live_status(id_, status)
            plan = escalate(plan, status, allow_redial)
        reason = refusal(plan, status, allow_redial)
        if reason is not None:
            raise Exception(reason)
        return DiffResult(
            changes=True,
            replaces=list(plan.replaces),
            delete_before_replace=True,
        )

    def _live_status(self, id_: str, recorded: str | None) -> str | None:
        if recorded in LIVE_STATUSES:
            return recorded  # status only moves forward: it has dialed already
        try:
            status = self._client().get_campaign(id_).get("status")
        except NotFound:
            return None  # gone: a replacement re-creates it, nothing to protect
        return status if isinstance(status, str) else recorded

    # -- create / read / update / delete -------------------------------------------------
    def create(self, props: dict[str, Any]) -> CreateResult:
        adopt_id = props.get("adopt_id")
        if adopt_id:
            campaign = self._adopt(adopt_id, props)
        else:
            campaign = self._client().create_campaign(create_body_bytes(props))
        return CreateResult(campaign["id"], {**props, **outputs_from_api(campaign)})

    def _adopt(self, campaign_id: str, props: dict[str, Any]) -> dict[str, Any]:
        """Take over an existing campaign: GET it, then PATCH what the program sets otherwise."""
        client = self._client()
        campaign = client.get_campaign(campaign_id)
        current = project_inputs(campaign, props)
        if current.get("customers") != props.get("customers"):
            raise Exception(
                f"adopt_id={campaign_id}: the campaign's customers differ from the declared "
                "ones, and the API cannot change customers; declare the campaign's own "
                "customers, or drop adopt_id to create a new campaign"
            )
        plan = plan_change({**props, **current}, props)
        if plan.replaces:
            raise Exception(
                f"adopt_id={campaign_id}: {', '.join(plan.replaces)} differ from the "
                "existing campaign and cannot be changed in place"
            )
        if plan.patch:
            campaign = client.update_campaign(campaign_id, plan.patch)
        return campaign

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        try:
            campaign = self._client().get_campaign(id_)
        except NotFound:
            return ReadResult("", {})
        declared = {k: props.get(k) for k in INPUT_KEYS if k in props}
        inputs = project_inputs(campaign, declared)
        outs = {**props, **inputs, **outputs_from_api(campaign)}
        return ReadResult(id_, outs, inputs=inputs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        plan = plan_change(olds, news)
        outs = {**olds, **news}
        if plan.needs_patch:
            campaign = self._client().update_campaign(id_, plan.patch)
            outs.update(outputs_from_api(campaign))
        return UpdateResult(outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        """End a campaign that is dialing (so no call is cut off mid-way), then delete it."""
        client = self._client()
        try:
            if client.get_campaign(id_).get("status") == "in-progress":
                client.end_campaign(id_)
        except NotFound:
            return
        client.delete_campaign(id_)
