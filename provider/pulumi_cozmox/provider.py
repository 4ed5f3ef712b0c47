"""The dynamic provider: Pulumi's Python hooks of the Campaign resource, over the core.

This module keeps its name (no leading underscore): the SDK pickles the provider into every
resource's state by reference, so ``pulumi_cozmox.provider.CampaignProvider`` is recorded in
stacks and must stay importable under that path.

It is a thin adapter: each hook turns the engine's values into the core's canonical inputs
once (Pulumi's ``Unknown`` becomes :data:`pulumi_cozmox.core.engine.service.UNKNOWN`; the customers
stay the blob the resource sends), calls :class:`~pulumi_cozmox.core.engine.service.CampaignService`
and turns its answer into the SDK's result. Problems are given the program's names (top-level
keys in snake_case). A refusal is raised as an exception: the SDK prints it after a Python
traceback (``pulumi/dynamic/__main__.py`` formats every exception that way; only check
failures are one line), so its words are first written on a line of their own.

The provider holds nothing in the pickle: no API key, no HTTP client. ``configure`` (run after
unpickling, in the provider process) records the stack config; the service (client, rules,
guard) is built on first use and shared by the engine's threads. Lines for the person running
Pulumi go to standard error: the CLI shows a dynamic provider's stderr under the stack's
diagnostics.
"""

from __future__ import annotations

import re
import sys
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

from pulumi_cozmox.core.engine.service import UNKNOWN, CampaignService, Failure, Refusal
from pulumi_cozmox.core.resource.fields import API_TO_INPUT, INPUT_TO_API
from pulumi_cozmox.core.rules.config import CONFIG_KEYS

__all__ = ["CampaignProvider"]

_lock = threading.Lock()
# One service per provider process (one `pulumi` command): the SDK makes one provider object
# per pickle, and the run's guard and what it learnt must be shared by every resource.
_services: dict[tuple[tuple[str, Any], ...], CampaignService] = {}

#: Top-level API names in messages, as a Python program spells them (nested paths stay the
#: API's: they are the program's own dict keys).
_API_NAMES = re.compile(
    r"\b(" + "|".join(api for key, api in INPUT_TO_API.items() if key != api) + r")\b"
)


def _canonical(value: Any) -> Any:
    """The engine's value with Pulumi's unknowns as the core's."""
    if isinstance(value, Unknown):
        return UNKNOWN
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    return value


def _inputs(props: dict[str, Any]) -> dict[str, Any]:
    """New inputs in the core's terms (recorded state holds no unknowns: it passes as is)."""
    return {k: _canonical(v) for k, v in props.items()}


def _failure_path(api_path: str) -> str:
    """A problem's API path in the program's terms: top-level keys are snake_case."""
    for key, api in INPUT_TO_API.items():
        if api_path == api or api_path.startswith((api + ".", api + "[")):
            return key + api_path[len(api) :]
    return api_path


def _program_names(message: str) -> str:
    """``assistantId and workflowId cannot both be set`` -> ``assistant_id and workflow_id
    ...``: the names the program wrote."""
    return _API_NAMES.sub(lambda m: API_TO_INPUT[m.group(1)], message)


def _check_failure(failure: Failure) -> CheckFailure:
    return CheckFailure(_failure_path(failure.path), _program_names(failure.reason))


def say(message: str) -> None:
    """A line for the person running Pulumi (shown under the stack's diagnostics)."""
    print(message, file=sys.stderr, flush=True)


def _refused(refusal: Refusal) -> Exception:
    # The SDK reports a hook's exception with its traceback; the same words on their own line
    # first keep the reason readable in CI logs.
    say(f"error: {refusal}")
    return Exception(str(refusal))


class CampaignProvider(ResourceProvider):
    """Creates, reads, updates and deletes Cozmox campaigns for ``Campaign`` resources."""

    def __getstate__(self) -> dict[str, Any]:
        # Whatever configure() set stays out of the pickle that lands in state.
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        pass

    def configure(self, req: ConfigureRequest) -> None:
        # Stack config as given; the service falls back to the environment, then defaults.
        self._config = {key: req.config.get(key) for key in CONFIG_KEYS}

    def _service(self) -> CampaignService:
        config: dict[str, Any] = self.__dict__.get("_config") or {}
        key = tuple(sorted(config.items()))
        with _lock:
            service = _services.get(key)
            if service is None:
                service = _services[key] = CampaignService(config, notice=say)
            return service

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        failures = self._service().check(_olds, _inputs(news), say)
        return CheckResult(news, [_check_failure(f) for f in failures])

    def diff(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        try:
            diff = self._service().diff(id_, olds, _inputs(news), say)
        except Refusal as refusal:
            raise _refused(refusal) from None  # the reason says it all: no chained traceback
        return DiffResult(
            changes=diff.changes, replaces=list(diff.replaces), delete_before_replace=True
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        try:
            campaign_id, outputs = self._service().create(_inputs(props), say)
        except Refusal as refusal:
            raise _refused(refusal) from None
        return CreateResult(campaign_id, outputs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        read = self._service().read(id_, props)
        if read is None:
            return ReadResult("", {})
        return ReadResult(read.id, read.outputs, inputs=read.inputs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        return UpdateResult(self._service().update(id_, olds, _inputs(news)))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        self._service().delete(id_, props, say)
