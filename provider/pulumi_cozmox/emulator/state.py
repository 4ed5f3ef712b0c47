"""What one emulator process holds: the store, the fault rules, the request journal, the rate
limiter and the objects campaigns name."""

from __future__ import annotations

from dataclasses import dataclass, field

from .faults import Faults, Journal
from .objects import Objects
from .ratelimit import RateLimiter
from .store import Store

__all__ = ["EmulatorState"]


@dataclass
class EmulatorState:
    store: Store
    faults: Faults = field(default_factory=Faults)
    journal: Journal = field(default_factory=Journal)
    limiter: RateLimiter = field(default_factory=RateLimiter)
    objects: Objects = field(init=False)

    def __post_init__(self) -> None:
        self.objects = Objects(self.store.now_ms)

    def reset(self) -> None:
        """Back to a fresh server: no campaigns, faults, journal, added keys or seeded objects,
        the clock running with the wall clock, and the rate limit given at start (if any)."""
        self.faults.clear()
        self.limiter.restore()
        self.journal.clear()
        self.store.reset()
        self.objects.clear()
