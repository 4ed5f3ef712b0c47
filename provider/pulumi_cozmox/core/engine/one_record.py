"""One record per campaign and preview: what check finds of a recorded campaign is said by its diff.

The engine calls diff after check for every resource in state whose check passed (a no-op
preview included; pulumi/pulumi ``pkg/resource/deploy/step_generator.go``), and calls no diff
for a create. So check says a campaign's standing opt-ins and what it names only when no diff
follows (a create, a replacement's create, a check that failed); for a recorded campaign, diff
says them in the one record it prints, merged with its own reports (an update's, the call-limit
warning of :mod:`.standing`): ``cozmox-report:`` once per campaign, beside its English lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pulumi_cozmox.core.engine.outcome import Sink
from pulumi_cozmox.core.engine.references import sets_names
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.report.record import CampaignReport, Named, merge
from pulumi_cozmox.core.resource.fields import Field, by_python

if TYPE_CHECKING:
    from pulumi_cozmox.core.engine.run import Run

__all__ = ["OneRecord", "STANDING", "opt_ins_to_say"]

#: The opt-ins a resource can leave standing (set to true).
STANDING: tuple[Field, ...] = tuple(
    f
    for f in map(by_python, ("allow_redial", "allow_duplicate", "allow_outside_calling_hours"))
    if f is not None
)


def opt_ins_to_say(run: Run, name: str, news: Campaign) -> tuple[str, ...]:
    """Standing opt-ins (set to true) to say, by the API's names: once per run and resource,
    at every preview."""
    standing = tuple(f.api for f in STANDING if getattr(news, f.python) is True)
    if standing and run.handoff.first_time(name, standing) and run.reporting:
        return standing
    return ()


class OneRecord:
    """A sink that holds a diff's reports of its campaign and prints them as one, with what
    check found of it (:meth:`close`); notices pass at once."""

    def __init__(self, sink: Sink, resource: str) -> None:
        self.sink, self.resource = sink, resource
        self.held: CampaignReport | None = None

    def report(self, report: CampaignReport) -> None:
        if report.resource != self.resource:
            self.sink.report(report)
            return
        self.held = report if self.held is None else merge(self.held, report)

    def notice(self, text: str) -> None:
        self.sink.notice(text)

    def close(self, run: Run, olds: Campaign, news: Campaign) -> None:
        """Print the campaign's one record (none when there is nothing to say): diff's reports,
        its standing opt-ins and what a changed id names (read by check: remembered)."""
        found = CampaignReport(self.resource, opt_ins=opt_ins_to_say(run, self.resource, news))
        if run.reporting and sets_names(olds, news, creating=False):
            found = merge(found, CampaignReport(self.resource, names=_named(run, news, self)))
        said = found if self.held is None else merge(found, self.held)
        if said != CampaignReport(self.resource):
            self.sink.report(said)


def _named(run: Run, news: Campaign, sink: Sink) -> tuple[Named, ...]:
    return run.references.judge(run, news, sink).named
