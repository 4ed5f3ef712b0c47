"""``pulumi-cozmox export``: an org's existing campaigns written out as a Pulumi project that
declares them, so that ``pulumi up`` takes them over (``adopt_id``: GETs, no POST, no PATCH)
and the next preview is a no-op.

Two formats:

- ``python``: ``__main__.py`` declares each campaign with :class:`pulumi_cozmox.Campaign`, its
  customers read from ``customers/<resource>.csv`` (:func:`pulumi_cozmox.read_customers`);
- ``yaml``: ``Pulumi.yaml`` declares each as ``cozmox:index:Campaign`` of the native plugin,
  with ``customersFile: customers/<resource>.csv`` (YAML cannot read a CSV: the plugin does).

Customers' data goes only into the files under ``customers/`` (a JSON file when a customer has
a field no CSV column holds). Each is encrypted with SOPS when a ``.sops.yaml`` creation rule
applies to it (as ``sops encrypt`` run in the project would encrypt it), so the team commits it
and CI decrypts it; the others are plain text, which ``.gitignore`` lists. What is printed is
counts.

The project is portable: ``Pulumi.yaml`` (YAML, both formats) holds no absolute path (the
plugin ``pulumi-resource-cozmox`` is found on PATH), and ``requirements.txt`` (both formats:
the plugin is the Python package) pins pulumi-cozmox by a direct reference
(:mod:`pulumi_cozmox._pin`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from pulumi_cozmox._pin import pinned_requirement, requirements_text
from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.core.engine.customers_io import Written, write_customers_file
from pulumi_cozmox.core.resource.fields import INPUT_TO_API, python_name

__all__ = ["Exported", "export_campaigns", "resource_names"]

CUSTOMERS_DIR = "customers"
#: The fields a program declares, in the order it declares them (customers apart).
FIELDS = tuple(api for api in INPUT_TO_API.values() if api != "customers")


@dataclass(frozen=True)
class Exported:
    """What an export wrote: counts and paths only (what the command prints)."""

    campaigns: int
    customers: int
    by_status: dict[str, int]
    files: int
    #: The customers files, by whether SOPS encrypted them (paths in the project).
    encrypted: list[str] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)
    #: The line requirements.txt holds.
    requirement: str = ""


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "campaign"


def resource_names(campaigns: Iterable[dict[str, Any]]) -> dict[str, str]:
    """campaign id -> a resource name: the campaign's name as a slug, with the start of its
    id where two campaigns share a name (stable: the same org exports the same names)."""
    listed = list(campaigns)
    slugs = {c["id"]: _slug(str(c.get("name") or "campaign")) for c in listed}
    counts: dict[str, int] = {}
    for slug in slugs.values():
        counts[slug] = counts.get(slug, 0) + 1
    return {cid: s if counts[s] == 1 else f"{s}-{_slug(cid)[:8]}" for cid, s in slugs.items()}


def _campaigns(client: CozmoxClient, ids: list[str], statuses: list[str]) -> list[dict[str, Any]]:
    """Every campaign asked for, whole (a listing holds only what recognising one needs)."""
    if not ids:
        seen: list[str] = []
        for status in statuses or [""]:
            listed = client.list_campaigns(status=status) if status else client.list_campaigns()
            seen += [c.id for c in listed if c.id not in seen]
        ids = seen
    found = [client.get_campaign(cid) for cid in ids]
    if statuses:
        found = [c for c in found if c.get("status") in statuses]
    return sorted(found, key=lambda c: (str(c.get("createdAt")), str(c["id"])))


def _declared(campaign: dict[str, Any]) -> dict[str, Any]:
    """The campaign's inputs in the API's terms (as the API keeps them)."""
    fields = {api: campaign[api] for api in FIELDS if campaign.get(api) is not None}
    if campaign.get("status") == "ended":
        fields["ended"] = True  # it ended: declaring it so keeps it that way
    fields["adoptId"] = campaign["id"]
    return fields


def _python_program(entries: list[tuple[str, dict[str, Any], str]], header: str) -> str:
    lines = [
        f'"""{header}"""',
        "",
        "import pulumi",
        "",
        "from pulumi_cozmox import Campaign, read_customers",
        "",
    ]
    for name, fields, customers in entries:
        lines.append(f"Campaign(\n    {json.dumps(name)},")
        for api, value in fields.items():
            lines.append(f"    {python_name(api)}={_python_literal(value)},")
        lines.append(f"    customers=read_customers({json.dumps(customers)}),")
        lines.append(")")
    lines += ["", 'pulumi.export("campaigns", ' + str(len(entries)) + ")", ""]
    return "\n".join(lines)


def _python_literal(value: Any) -> str:
    """A JSON value as Python source (true -> True)."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, dict):
        items = (f"{json.dumps(k)}: {_python_literal(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_python_literal(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _yaml_escaped(value: Any) -> Any:
    """Strings as Pulumi YAML reads them back unchanged: ``$`` is written ``$$`` (else
    ``${...}`` in a campaign's name or a variable would be an interpolation)."""
    if isinstance(value, str):
        return value.replace("$", "$$")
    if isinstance(value, dict):
        return {k: _yaml_escaped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_yaml_escaped(v) for v in value]
    return value


def _yaml_text(document: dict[str, Any], comment: str) -> str:
    body = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    return "".join(f"# {line}\n" for line in comment.splitlines()) + body


def _yaml_program(entries: list[tuple[str, dict[str, Any], str]], header: str, project: str) -> str:
    resources = {
        name: {
            "type": "cozmox:index:Campaign",
            "properties": {**_yaml_escaped(fields), "customersFile": customers},
        }
        for name, fields, customers in entries
    }
    document = {
        "name": project,
        "description": header,
        "runtime": "yaml",
        "resources": resources,
        "outputs": {"campaigns": len(entries)},
    }
    comment = (
        f"{header}\n"
        "The Cozmox plugin, pulumi-resource-cozmox, is found on PATH: install requirements.txt "
        "into a venv\n(python3 -m venv venv && venv/bin/pip install -r requirements.txt) and "
        'put its bin folder on PATH\n(export PATH="$PWD/venv/bin:$PATH").'
    )
    return _yaml_text(document, comment)


def _python_project(header: str, project: str, virtualenv: str) -> str:
    document = {
        "name": project,
        "description": header,
        "runtime": {"name": "python", "options": {"virtualenv": virtualenv}},
    }
    return _yaml_text(
        document, "The program's venv: `pulumi install` makes it from requirements.txt."
    )


def _gitignore(plain: list[str], venv: str) -> str:
    lines = [venv.rstrip("/")]  # a folder or a link to one: never committed
    if plain:
        lines += [
            "# Customers files in plain text: personal data (numbers, names, emails). Encrypt",
            "# them with SOPS (.sops.yaml, then `sops encrypt -i FILE`) and remove their lines.",
            *sorted(plain),
        ]
    return "\n".join(lines) + "\n"


def _relative(virtualenv: str) -> str:
    path = PurePosixPath(virtualenv)
    if path.is_absolute() or not virtualenv.strip():
        raise ValueError(
            f"--virtualenv {virtualenv!r}: give a path relative to the project (default venv): "
            "Pulumi.yaml is committed and runs on other machines"
        )
    return virtualenv


def export_campaigns(
    client: CozmoxClient,
    out: Path,
    *,
    fmt: str,
    ids: list[str],
    statuses: list[str],
    project: str,
    virtualenv: str,
    requirement: str,
) -> Exported:
    """Write the project into ``out`` (created; files it would write must not exist).
    ``requirement``: the pinned reference requirements.txt installs pulumi-cozmox from.
    Raises ValueError (a bad option; SOPS failing where a rule applies), FileExistsError."""
    pinned_requirement(requirement)  # a bare name or an unpinned URL fails before any write
    _relative(virtualenv)
    campaigns = _campaigns(client, ids, statuses)
    names = resource_names(campaigns)
    main = out / ("__main__.py" if fmt == "python" else "Pulumi.yaml")
    for path in (main, out / "Pulumi.yaml", out / CUSTOMERS_DIR):
        if path.exists():
            raise FileExistsError(f"{path} exists: export writes a new project (choose --out)")
    out.mkdir(parents=True, exist_ok=True)
    entries: list[tuple[str, dict[str, Any], str]] = []
    written: list[Written] = []
    by_status: dict[str, int] = {}
    for campaign in campaigns:
        name = names[campaign["id"]]
        customers = campaign.get("customers") or []
        written.append(write_customers_file(customers, out, f"{CUSTOMERS_DIR}/{name}"))
        status = str(campaign.get("status"))
        by_status[status] = by_status.get(status, 0) + 1
        entries.append((name, _declared(campaign), written[-1].shown))
    header = (
        f"{len(entries)} Cozmox campaigns exported by pulumi-cozmox export; `pulumi up` "
        "takes them over (adopt_id: nothing is created or dialed)"
    )
    if fmt == "python":
        main.write_text(_python_program(entries, header))
        (out / "Pulumi.yaml").write_text(_python_project(header, project, virtualenv))
    else:
        main.write_text(_yaml_program(entries, header, project))
    encrypted = [w.shown for w in written if w.encrypted]
    plain = [w.shown for w in written if not w.encrypted]
    line = pinned_requirement(requirement, sops=bool(encrypted))
    (out / "requirements.txt").write_text(requirements_text(line))
    (out / ".gitignore").write_text(_gitignore(plain, virtualenv if fmt == "python" else "venv"))
    count = sum(w.count for w in written)
    files = len(written) + (4 if fmt == "python" else 3)
    return Exported(len(entries), count, by_status, files, encrypted, plain, line)
