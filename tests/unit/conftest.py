"""Unit tests import the build-time code generator, ``scripts/cozmox_codegen`` (not shipped).

Only ``scripts/`` goes on ``sys.path``: ``provider/`` there would shadow the installed package
the tests are meant to exercise.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.sopskit import AgeKey, new_age_key, sops_env

SCRIPTS = str(Path(__file__).resolve().parents[2] / "scripts")
if SCRIPTS not in sys.path:
    sys.path.insert(0, SCRIPTS)


@pytest.fixture
def key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AgeKey:
    """An age key that SOPS finds (SOPS_AGE_KEY_FILE), and no other (a HOME of its own)."""
    made = new_age_key(tmp_path / "keys")
    for name, value in sops_env(tmp_path / "home", made).items():
        monkeypatch.setenv(name, value)
    for name in ("SOPS_AGE_KEY", "SOPS_AGE_KEY_CMD", "SOPS_AGE_SSH_PRIVATE_KEY_FILE"):
        monkeypatch.delenv(name, raising=False)
    return made
