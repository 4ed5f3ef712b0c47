"""``pulumi-cozmox export``: an org's existing campaigns written out as a Pulumi project that
declares them, so that ``pulumi up`` takes them over (``adopt_id``: GETs, no POST, no PATCH)
and the next preview is a no-op.

Two formats:

- ``python``: ``__main__.py`` declares each campaign with :class:`pulumi_cozmox.Campaign`, its
  customers read from ``customers/<resource>.csv`` (:func:`pulumi_cozmox.read_customers`);
- ``yaml``: ``Pulumi.yaml`` declares each as ``cozmox:index:Campaign`` of the native plugin,
  with ``customersFile: customers/<resource>.csv`` (YAML cannot read a CSV: the plugin does).

Customers' data goes only into the files under ``customers/`` (a JSON file when a customer has
a field no CSV column holds), which ``.gitignore`` lists. What is printed is counts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pulumi_cozmox.client.api import CozmoxClient
from pulumi_cozmox.core.model.customers_file import write_customers_csv
from pulumi_cozmox.core.resource.fields import INPUT_TO_API

__all__ = ["FORMATS", "Exported", "export_campaigns", "resource_names"]

FORMATS = ("python", "yaml")
CUSTOMERS_DIR = "customers"
#: The fields a program declares, in the order it declares them (customers apart).
FIELDS = tuple(api for api in INPUT_TO_API.values() if api != "customers")


@dataclass(frozen=True)
class Exported:
    """What an export wrote: counts only (what the command prints)."""

    campaigns: int
    customers: int
    by_status: dict[str, int]
    files: int


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


def _write_customers(campaign: dict[str, Any], name: str, out: Path) -> tuple[str, int]:
    """The campaign's customers in a file of their own; (its path in the project, count)."""
    customers = campaign.get("customers") or []
    folder = out / CUSTOMERS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    try:
        shown = f"{CUSTOMERS_DIR}/{name}.csv"
        return shown, write_customers_csv(customers, out / shown)
    except ValueError:
        # A field no CSV column holds (a newer API's): JSON keeps every field.
        (out / f"{CUSTOMERS_DIR}/{name}.csv").unlink(missing_ok=True)
        shown = f"{CUSTOMERS_DIR}/{name}.json"
        (out / shown).write_text(json.dumps(customers, indent=1, ensure_ascii=False) + "\n")
        return shown, len(customers)


def _declared(campaign: dict[str, Any]) -> dict[str, Any]:
    """The campaign's inputs in the API's terms (as the API keeps them)."""
    fields = {api: campaign[api] for api in FIELDS if campaign.get(api) is not None}
    if campaign.get("status") == "ended":
        fields["ended"] = True  # it ended: declaring it so keeps it that way
    fields["adoptId"] = campaign["id"]
    return fields


_SNAKE = {api: key for key, api in INPUT_TO_API.items()} | {"ended": "ended", "adoptId": "adopt_id"}


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
            lines.append(f"    {_SNAKE[api]}={_python_literal(value)},")
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


def _yaml_program(
    entries: list[tuple[str, dict[str, Any], str]], header: str, project: str, plugin_dir: str
) -> str:
    resources = {
        name: {
            "type": "cozmox:index:Campaign",
            "properties": {**fields, "customersFile": customers},
        }
        for name, fields, customers in entries
    }
    # JSON is YAML: values are written exactly, with no quoting rule to get wrong.
    body = {
        "name": project,
        "description": header,
        "runtime": "yaml",
        "plugins": {"providers": [{"name": "cozmox", "path": plugin_dir}]},
        "resources": resources,
        "outputs": {"campaigns": len(entries)},
    }
    return (
        "# " + header + "\n# The folder of pulumi-resource-cozmox (the Cozmox native plugin): "
        "change it to where it is installed, or remove `plugins` and put it on PATH.\n"
        + json.dumps(body, indent=2, ensure_ascii=False)
        + "\n"
    )


def export_campaigns(
    client: CozmoxClient,
    out: Path,
    *,
    fmt: str,
    ids: list[str],
    statuses: list[str],
    project: str,
    virtualenv: str,
    plugin_dir: str,
) -> Exported:
    """Write the project into ``out`` (created; files it would write must not exist)."""
    campaigns = _campaigns(client, ids, statuses)
    names = resource_names(campaigns)
    main = out / ("__main__.py" if fmt == "python" else "Pulumi.yaml")
    for path in (main, out / "Pulumi.yaml", out / CUSTOMERS_DIR):
        if path.exists():
            raise FileExistsError(f"{path} exists: export writes a new project (choose --out)")
    out.mkdir(parents=True, exist_ok=True)
    entries: list[tuple[str, dict[str, Any], str]] = []
    customers = 0
    by_status: dict[str, int] = {}
    for campaign in campaigns:
        name = names[campaign["id"]]
        shown, count = _write_customers(campaign, name, out)
        customers += count
        status = str(campaign.get("status"))
        by_status[status] = by_status.get(status, 0) + 1
        entries.append((name, _declared(campaign), shown))
    header = (
        f"{len(entries)} Cozmox campaigns exported by pulumi-cozmox export; `pulumi up` "
        "takes them over (adopt_id: nothing is created or dialed)"
    )
    if fmt == "python":
        main.write_text(_python_program(entries, header))
        (out / "Pulumi.yaml").write_text(
            f"name: {json.dumps(project)}\ndescription: {json.dumps(header)}\nruntime:\n"
            f"  name: python\n  options:\n    virtualenv: {json.dumps(virtualenv)}\n"
        )
        (out / "requirements.txt").write_text("pulumi-cozmox\n")
    else:
        main.write_text(_yaml_program(entries, header, project, plugin_dir))
    (out / ".gitignore").write_text(
        "# The customers: personal data (numbers, names, emails). Remove this line to commit\n"
        "# them, knowing who can read the repository.\n"
        f"{CUSTOMERS_DIR}/\n" + ("venv/\n" if fmt == "python" else "")
    )
    return Exported(len(entries), customers, by_status, len(entries) + 3)
