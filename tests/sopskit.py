"""SOPS for the tests: age keys made offline (pyrage), and the `sops` command the package uses.

An age key is an identity file (``AGE-SECRET-KEY-...``, what ``SOPS_AGE_KEY_FILE`` names) and
its recipient (``age1...``, what ``sops encrypt --age`` and ``.sops.yaml`` name).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyrage

from pulumi_cozmox.core.engine.sops_io import find_sops

#: What SOPS reads keys from: a test sets the ones it means and removes the others.
KEY_VARIABLES = (
    "SOPS_AGE_KEY_FILE",
    "SOPS_AGE_KEY",
    "SOPS_AGE_KEY_CMD",
    "SOPS_AGE_SSH_PRIVATE_KEY_FILE",
)


@dataclass(frozen=True)
class AgeKey:
    file: Path
    recipient: str


def new_age_key(folder: Path, name: str = "age") -> AgeKey:
    """A new age identity in ``folder/<name>.key`` (mode 600), and its recipient."""
    identity = pyrage.x25519.Identity.generate()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.key"
    path.write_text(f"{identity}\n")
    path.chmod(0o600)
    return AgeKey(path, str(identity.to_public()))


def sops_env(home: Path, key: AgeKey | None = None) -> dict[str, str]:
    """The environment with only ``key`` to offer SOPS (``home``: a HOME with no default key)."""
    env = {k: v for k, v in os.environ.items() if k not in KEY_VARIABLES}
    env["HOME"] = str(home)
    env.pop("XDG_CONFIG_HOME", None)
    if key is not None:
        env["SOPS_AGE_KEY_FILE"] = str(key.file)
    return env


def sops(
    *args: str, env: Mapping[str, str], cwd: Path | None = None, stdin: bytes | None = None
) -> bytes:
    """Run ``sops ARGS`` (the package's sops) and return its standard output; fail loudly."""
    done = subprocess.run(
        [find_sops(), *args], input=stdin, capture_output=True, cwd=cwd, env=dict(env), check=False
    )
    if done.returncode != 0:
        raise AssertionError(f"sops {' '.join(args)} exited {done.returncode}: {done.stderr!r}")
    return done.stdout


def encrypt(plain: bytes, name: str, recipients: list[str], env: Mapping[str, str]) -> bytes:
    """``plain`` encrypted for ``recipients`` as `sops encrypt --age ... NAME` writes it: a
    ``.csv`` through SOPS's binary store, a ``.json`` (an object) through its JSON store."""
    return sops(
        "encrypt", "--age", ",".join(recipients), "--filename-override", name, env=env, stdin=plain
    )


def sops_config(folder: Path, rules: list[tuple[str, list[str]]]) -> Path:
    """``folder/.sops.yaml`` with one creation rule per (path_regex, age recipients)."""
    lines = ["creation_rules:"]
    for regex, recipients in rules:
        lines += [f"  - path_regex: '{regex}'", f"    age: '{','.join(recipients)}'"]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ".sops.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path
