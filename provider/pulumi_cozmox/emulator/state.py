"""What one emulator process holds: the store, the fault rules and the request journal."""

from __future__ import annotations

from dataclasses import dataclass, field

from .faults import Faults, Journal
from .store import Store

__all__ = ["EmulatorState"]


@dataclass
class EmulatorState:
    store: Store
    faults: Faults = field(default_factory=Faults)
    journal: Journal = field(default_factory=Journal)

    def reset(self) -> None:
        """Back to a fresh server: no campaigns, faults, journal, added keys or clock offset."""
        self.faults.clear()
        self.journal.clear()
        self.store.reset()
