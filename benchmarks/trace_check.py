"""Follow a campaign through ``Run.check``, call by call: which modules it passes, how often.

``Run.check`` judges a new campaign of three customers against the emulator (a create: no
recorded state), then the same campaign as recorded state (a no-op preview); once created,
``Run.diff`` plans a change of its name and window (what a preview of an update runs). Each
under ``sys.setprofile``, the campaign given as the dynamic provider's props (what the hook takes in
either tree). Every call from one ``pulumi_cozmox`` module into another is an *entry* (a call
within one module is none; calls of one module into the same other module one after the other
are one entry: the walk enters it, comes back, enters it again). The script prints the
distinct modules entered and the *returns*: entries into a module entered before, other than
the one just left.

Run by hand (not part of ``make test``), against this tree or any other installed apart:

    .venv/bin/python benchmarks/trace_check.py
    PYTHONPATH=/tmp/before-site .venv/bin/python benchmarks/trace_check.py   # main, before

``--modules`` lists the walk. The emulator is this interpreter's ``pulumi_cozmox.emulator``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO))  # after PYTHONPATH: the package traced is the one installed first

import pulumi_cozmox  # noqa: E402
from pulumi_cozmox.core.engine.run import Run  # noqa: E402
from pulumi_cozmox.core.model.customers import encode_customers  # noqa: E402
from tests.conftest import start_emulator  # noqa: E402

PACKAGE = "pulumi_cozmox"


def campaign(name: str) -> dict[str, Any]:
    """The props of a valid create, as the Python resource sends them (three customers)."""
    customers = [{"number": f"+1415555{i:04d}"} for i in range(3)]
    return {
        "resource_name": name,
        "name": name,
        "phone_number_id": "pn-1",
        "assistant_id": "as-1",
        "workflow_id": None,
        "schedule_plan": {"earliestAt": "2099-01-01T17:00:00.000Z"},
        "customers": encode_customers(customers),
        "customer_count": len(customers),
        "allow_redial": False,
        "allow_duplicate": False,
        "allow_outside_calling_hours": False,
        "ended": False,
    }


class Quiet:
    """A sink that keeps nothing (the reports and notices are not what is measured)."""

    def report(self, report: Any) -> None:
        pass

    def notice(self, text: str) -> None:
        pass


class Walk:
    """The modules entered, in order, by calls from another module of the package."""

    def __init__(self) -> None:
        self.entries: list[str] = []

    def profile(self, frame: FrameType, event: str, _arg: Any) -> None:
        if event != "call":
            return
        callee = frame.f_globals.get("__name__", "")
        caller = frame.f_back.f_globals.get("__name__", "") if frame.f_back else ""
        if callee.startswith(PACKAGE) and callee != caller:
            self.entries.append(callee)

    @property
    def walk(self) -> list[str]:
        """The entries, a module entered again from the module it had just returned to (the
        same caller calling it again) counted once."""
        return [m for i, m in enumerate(self.entries) if i == 0 or self.entries[i - 1] != m]

    def returns(self) -> int:
        """Entries into a module entered before, other than the one just left."""
        seen: set[str] = set()
        count = 0
        for module in self.walk:
            count += module in seen
            seen.add(module)
        return count


def traced(action: Callable[[], Any]) -> Walk:
    walk = Walk()
    threading.setprofile(walk.profile)
    sys.setprofile(walk.profile)
    try:
        action()
    finally:
        sys.setprofile(None)
        threading.setprofile(None)  # type: ignore[arg-type]
    return walk


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", action="store_true", help="list the walk")
    args = parser.parse_args()
    emulator = start_emulator()
    try:
        config = {"cozmox:apiKey": emulator.api_key, "cozmox:baseUrl": emulator.base_url}
        with tempfile.TemporaryDirectory() as project:
            run = Run(config, environ={}, project_dir=Path(project))
            news = campaign("traced")
            create = traced(lambda: run.check({}, dict(news), Quiet()))
            recorded = {**news, "status": "scheduled", "created_at": "2026-12-01T00:00:00Z"}
            noop = traced(lambda: run.check(recorded, dict(news), Quiet()))
            campaign_id, outputs = run.create(dict(news), Quiet())
            renamed = {
                **news,
                "name": "renamed",
                "schedule_plan": {"earliestAt": "2099-01-02T17:00:00.000Z"},
            }
            changed = traced(lambda: run.diff(campaign_id, outputs, renamed, Quiet()))
    finally:
        emulator.stop()
    print(f"pulumi_cozmox from {Path(pulumi_cozmox.__file__).parent}")
    for label, walk in (("check, create", create), ("check, no-op", noop), ("diff", changed)):
        print(
            f"{label}: {len(set(walk.walk))} modules, {len(walk.walk)} entries, "
            f"{walk.returns()} returns to a module already visited, "
            f"{walk.walk.count(PACKAGE + '.core.plan.change')} entries into core.plan.change"
        )
        if args.modules:
            print("  " + " > ".join(m.removeprefix(PACKAGE + ".") for m in walk.walk))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
