"""Unit tests import the build-time code generator, ``scripts/cozmox_codegen`` (not shipped).

Only ``scripts/`` goes on ``sys.path``: ``provider/`` there would shadow the installed package
the tests are meant to exercise.
"""

from __future__ import annotations

import sys
from pathlib import Path

SCRIPTS = str(Path(__file__).resolve().parents[2] / "scripts")
if SCRIPTS not in sys.path:
    sys.path.insert(0, SCRIPTS)
