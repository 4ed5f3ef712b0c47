"""Files of personal data encrypted with SOPS (getsops/sops): customers files, the do-not-call list
and the calling policy, recognised by their content, decrypted in memory, and (customers files)
written encrypted where a ``.sops.yaml`` creation rule asks for it.

A team keeps customer lists in git encrypted, and CI decrypts them with a key of its own (a
secret apart from the API key). SOPS writes two shapes this module reads, both JSON documents
with a ``sops`` key holding the metadata (the recipients, a MAC):

- the binary store (any file, a CSV here): ``{"data": "ENC[...]", "sops": {...}}``;
- the JSON store (a JSON object, value by value): ``{"customers": [{"number": "ENC[...]"}],
  "sops": {...}}`` (SOPS cannot encrypt a top-level list).

This module is the pure part: what a document says of itself, what a ``sops`` command's
exit means. Running the command (the ciphertext to it on standard input, the plain text back
on a pipe, never through a file) is :mod:`pulumi_cozmox.core.engine.sops_io`'s: I/O stays at
the edge. SOPS finds keys as it always does (``SOPS_AGE_KEY_FILE``, ``SOPS_AGE_KEY``,
``~/.config/sops/age/keys.txt``, cloud credentials for KMS, ``VAULT_ADDR``/``VAULT_TOKEN``).

Messages never quote SOPS's own error text where it could hold file content; they say what
failed and how to give the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import orjson

__all__ = [
    "CONFIG_FILE",
    "INSTALL_HINT",
    "Envelope",
    "SopsError",
    "decrypt_arguments",
    "decrypt_failure",
    "encrypt_failure",
    "envelope",
    "whole_file_only",
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


def decrypt_arguments(sealed: Envelope) -> list[str]:
    """The ``sops`` arguments that decrypt a document of this envelope from standard input."""
    output = "binary" if sealed.store == "binary" else "json"
    return ["decrypt", "--input-type", "json", "--output-type", output]


def decrypt_failure(returncode: int, sealed: Envelope) -> SopsError:
    """What a failed ``sops decrypt`` (exit ``returncode``) means, and what to do."""
    if returncode == _NO_KEY:
        kinds = sealed.key_kinds or ("age",)
        hints = "; ".join(KEY_HINTS[kind] for kind in kinds)
        return SopsError(
            f"encrypted with SOPS ({', '.join(kinds)}), and no key here decrypts it. "
            f"Give SOPS the key: {hints}"
        )
    if returncode in _DAMAGED:
        return SopsError(
            "encrypted with SOPS, but it was changed after it was encrypted (its MAC does not "
            "check): edit it with `sops edit`, not by hand"
        )
    return SopsError(
        f"encrypted with SOPS, and `sops decrypt` failed (exit {returncode}); "
        "run `sops decrypt` on the file to see why"
    )


def whole_file_only(sealed: Envelope, kind: str) -> None:
    """Raise SopsError when ``sealed`` is SOPS's JSON store, which a file that is not JSON
    (``kind``: what it is, for the message) cannot be: SOPS encrypts such a file whole."""
    if sealed.store != "binary":
        raise SopsError(
            f"encrypted with SOPS value by value (its JSON store), but {kind} is not JSON: "
            "encrypt the file whole (sops encrypt --input-type binary --output-type json FILE)"
        )


def encrypt_failure(returncode: int, said: bytes, path: str) -> SopsError | None:
    """What a failed ``sops encrypt`` of ``path`` (exit ``returncode``, ``said`` on standard
    error) means; None when no creation rule applies to the file (it stays plain)."""
    text = said.decode("utf-8", "replace")
    if _NO_RULE in text:
        return None
    # What fails here is keys or configuration (a KMS key out of reach, a bad .sops.yaml), and
    # SOPS's first line says which: the plain text is ours and well-formed, so none quotes it.
    lines = (line.strip() for line in text.splitlines())
    reason = next((line for line in lines if line and not line.startswith("[warning]")), "")
    return SopsError(f"`sops encrypt` failed for {path} (exit {returncode}): {reason[:300]}")
