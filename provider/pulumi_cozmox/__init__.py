"""Pulumi dynamic provider for Cozmox outbound call campaigns."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
