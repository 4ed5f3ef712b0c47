"""The dynamic provider: Pulumi's Python hooks of the Campaign resource, over the core.

This module keeps its name (no leading underscore): the SDK pickles the provider into every
resource's state by reference, so ``pulumi_cozmox.provider.CampaignProvider`` is recorded in
stacks and must stay importable under that path.

It is a thin adapter: each hook parses the engine's values into the core's value once
(:meth:`pulumi_cozmox.core.model.campaign.Campaign.from_props`: Pulumi's ``Unknown`` becomes
:data:`pulumi_cozmox.core.model.unknown.UNKNOWN`; the customers, the blob the resource sends, a
:class:`~pulumi_cozmox.core.model.customers.CustomerList`), calls the process's
:class:`~pulumi_cozmox.core.engine.run.Run` and turns its answer into the SDK's result, its
words rendered in a Python program's spelling (``allow_redial="<id>"``, ``schedule_plan``). A
refusal is raised as an exception: the SDK prints it after a Python traceback
(``pulumi/dynamic/__main__.py`` formats every exception that way; only check failures are one
line), so its words are first written on a line of their own.

The provider holds nothing in the pickle: no API key, no HTTP client. ``configure`` (run after
unpickling, in the provider process) records the stack config; the run (client, rules, guard)
is made on first use and shared by the engine's threads: one per stack config, a few at most.
Lines for the person running Pulumi go to standard error: the CLI shows a dynamic provider's
stderr under the stack's diagnostics (and ``pulumi preview --json`` in ``diagnostics[]``).
"""

from __future__ import annotations

import sys
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

from pulumi_cozmox._json import gc_paused
from pulumi_cozmox.core.engine.outcome import UNKNOWN, Refusal
from pulumi_cozmox.core.engine.rule_files import CONFIG_KEYS
from pulumi_cozmox.core.engine.run import Recent, Run
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.report.record import CampaignReport, to_record
from pulumi_cozmox.core.report.text import to_lines
from pulumi_cozmox.core.resource import names

__all__ = ["CampaignProvider"]

DOOR = "python"
#: Runs kept by stack config: one provider process serves one `pulumi` command (one stack),
#: but tests and tools may configure several in one process.
MAX_RUNS = 4

_runs: Recent[tuple[tuple[str, Any], ...], Run] = Recent(MAX_RUNS)


def _canonical(value: Any) -> Any:
    """The engine's value with Pulumi's unknowns as the core's."""
    if isinstance(value, Unknown):
        return UNKNOWN
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    return value


def _inputs(run: Run, props: dict[str, Any]) -> Campaign:
    """New inputs as the core's value (Pulumi's unknowns as the core's), parsed once."""
    news = run.value({k: _canonical(v) for k, v in props.items()})
    return news if news is not None else Campaign()


def _recorded(run: Run, props: dict[str, Any]) -> Campaign | None:
    """Recorded state as the core's value (it holds no unknowns); None for a create's."""
    return run.value(props)


def say(message: str) -> None:
    """A line for the person running Pulumi (shown under the stack's diagnostics)."""
    print(message, file=sys.stderr, flush=True)


class Stderr:
    """The run's words, as a Python program spells them, on standard error."""

    def report(self, report: CampaignReport) -> None:
        say("\n".join([*to_lines(report, DOOR), to_record(report)]))

    def notice(self, text: str) -> None:
        say(names.render(text, DOOR))


def _refused(refusal: Refusal) -> Exception:
    # The SDK reports a hook's exception with its traceback; the same words on their own line
    # first keep the reason readable in CI logs.
    text = names.render(str(refusal), DOOR)
    say(f"error: {text}")
    return Exception(text)


def run_for(config: dict[str, Any]) -> Run:
    """The process's run for this stack config (made on first use)."""
    return _runs.get(tuple(sorted(config.items())), lambda: Run(config, notice=say))


class CampaignProvider(ResourceProvider):
    """Creates, reads, updates and deletes Cozmox campaigns for ``Campaign`` resources."""

    def __getstate__(self) -> dict[str, Any]:
        # Whatever configure() set stays out of the pickle that lands in state.
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        pass

    def configure(self, req: ConfigureRequest) -> None:
        # Stack config as given; the run falls back to the environment, then defaults.
        self._config = {key: req.config.get(key) for key in CONFIG_KEYS}

    def _run(self) -> Run:
        return run_for(self.__dict__.get("_config") or {})

    # Each hook pauses the collector once, here at the door's outermost place: a hook may
    # build and keep 10,000 customers' values (~400 MB of small objects, no cycle) that each
    # collection would walk again; what the run keeps is frozen as the hook ends.

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        with gc_paused(freeze=True):
            run = self._run()
            failures = run.check(_recorded(run, _olds), _inputs(run, news), Stderr())
        return CheckResult(
            news,
            [
                CheckFailure(names.path(f.path, DOOR), names.render(f.reason, DOOR))
                for f in failures
            ],
        )

    def diff(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        try:
            with gc_paused(freeze=True):
                run = self._run()
                diff = run.diff(id_, _recorded(run, olds), _inputs(run, news), Stderr())
        except Refusal as refusal:
            raise _refused(refusal) from None  # the reason says it all: no chained traceback
        return DiffResult(
            changes=diff.changes, replaces=list(diff.replaces), delete_before_replace=True
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        try:
            with gc_paused(freeze=True):
                run = self._run()
                campaign_id, outputs = run.create(_inputs(run, props), Stderr())
        except Refusal as refusal:
            raise _refused(refusal) from None
        return CreateResult(campaign_id, outputs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        try:
            with gc_paused(freeze=True):
                run = self._run()
                read = run.read(id_, _recorded(run, props))
        except Refusal as refusal:
            raise _refused(refusal) from None
        if read is None:
            return ReadResult("", {})
        return ReadResult(read.id, read.outputs, inputs=read.inputs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        try:
            with gc_paused(freeze=True):
                run = self._run()
                return UpdateResult(
                    run.update(id_, _recorded(run, olds), _inputs(run, news), Stderr())
                )
        except Refusal as refusal:
            raise _refused(refusal) from None

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        try:
            with gc_paused(freeze=True):
                run = self._run()
                run.delete(id_, _recorded(run, props), Stderr())
        except Refusal as refusal:
            raise _refused(refusal) from None
