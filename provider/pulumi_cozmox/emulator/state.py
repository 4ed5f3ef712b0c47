"""What one emulator process holds: the store, the fault rules, the request journal and the
rate limiter."""

from __future__ import annotations

from dataclasses import dataclass, field

from .faults import Faults, Journal
from .ratelimit import RateLimiter
from .store import Store

__all__ = ["EmulatorState"]


@dataclass
class EmulatorState:
    store: Store
    faults: Faults = field(default_factory=Faults)
    journal: Journal = field(default_factory=Journal)
    limiter: RateLimiter = field(default_factory=RateLimiter)

    def reset(self) -> None:
        """Back to a fresh server: no campaigns, faults, journal or added keys, the clock
        running with the wall clock, and the rate limit given at start (if any)."""
        self.faults.clear()
        self.limiter.restore()
        self.journal.clear()
        self.store.reset()
