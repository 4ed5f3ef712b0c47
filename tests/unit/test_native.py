"""The native plugin's pure parts: its package schema, the boundary between the engine's
values and the core's, the names its messages use, and the export's program text."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from cozmox_codegen import pulumischema
from pulumi_cozmox._version import __version__
from pulumi_cozmox.apps.export import _python_program, _yaml_program, resource_names
from pulumi_cozmox.core.engine.customers_io import CustomersFile
from pulumi_cozmox.core.engine.outcome import UNKNOWN
from pulumi_cozmox.core.engine.run import Run
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.model.customers import decode_customers, encode_customers
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import by_api
from pulumi_cozmox.native import values
from pulumi_cozmox.native.server import native_names

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "provider" / "pulumi_cozmox" / "native" / "schema.json"
SIG = "4dabf18193072939515e22adb298388d"


def committed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA.read_text())
    return data


def test_the_package_schema_is_generated_from_the_json_schema() -> None:
    source = json.loads((REPO / "schema" / "CreateCampaignDTO.schema.json").read_text())
    assert pulumischema.dumps(pulumischema.generate(source, version=__version__)) == (
        SCHEMA.read_text()
    )
    api = source["$defs"]["CreateCampaignDTO"]["properties"]
    inputs = committed()["resources"]["cozmox:index:Campaign"]["inputProperties"]
    # The API's names, the field table's descriptions (one source for every door); customers
    # secret, their items left to the plugin.
    for name in ("name", "phoneNumberId", "assistantId", "workflowId"):
        assert name in api
        field = by_api(name)
        assert field is not None
        assert inputs[name]["description"] == names.render(field.description, "native")
    assert inputs["customers"]["secret"] is True
    assert inputs["customers"]["items"] == {"$ref": "pulumi.json#/Any"}
    assert "`number`: This is the number of the customer." in inputs["customers"]["description"]
    plan = committed()["types"]["cozmox:index:SchedulePlan"]
    assert plan["required"] == ["earliestAt"] and set(plan["properties"]) == {
        "earliestAt",
        "latestAt",
    }


def test_messages_use_the_resources_names() -> None:
    message = (
        f"set {names.setting('allowRedial', 'c-1')} or {names.setting('allowDuplicate', True)}; "
        f"{names.setting('ended', True)} when it ended; {names.field('schedulePlan')} changed; "
        f"{names.field('phoneNumberId')}; {names.field('customerCount')}"
    )
    assert native_names(message) == (
        'set allowRedial: "c-1" or allowDuplicate: true; ended: true when it ended; '
        "schedulePlan changed; phoneNumberId; customerCount"
    )
    assert names.render(message, "python") == (
        'set allow_redial="c-1" or allow_duplicate=True; ended=True when it ended; '
        "schedule_plan changed; phone_number_id; customer_count"
    )


def test_the_engines_values_become_the_cores_once(tmp_path: Path) -> None:
    customers = [{"number": "+14155550101", "numberE164CheckEnabled": True}]
    given = {
        "name": "N",
        "phoneNumberId": "pn-1",
        "schedulePlan": {"earliestAt": values.UNKNOWN_SENTINEL},
        "customers": {SIG: "1b47061264138c4ac30d75fd1eb44270", "value": customers},
        "allowRedial": True,
    }
    run = Run({}, project_dir=tmp_path)
    props = values.canonical(values.plain(values.to_struct(given)), "spring", run).to_props()
    assert props["schedule_plan"]["earliestAt"] is UNKNOWN
    assert decode_customers(props["customers"]) == customers and props["customer_count"] == 1
    assert props["allow_redial"] is True and props["resource_name"] == "spring"
    # A customers file's contents count; a change in the file is a change of the blob.
    (tmp_path / "c.csv").write_text("number\n+14155550101\n")
    from_file = values.canonical({"customersFile": "c.csv"}, "f", run).to_props()
    assert decode_customers(from_file["customers"]) == [{"number": "+14155550101"}]


def test_outputs_keep_the_customers_secret_and_read_back() -> None:
    customers = [{"number": "+14155550101"}]
    blob = encode_customers(customers)
    props = {"name": "N", "customers": blob, "customer_count": 1, "status": "scheduled"}
    out = values.engine_outputs(Campaign.from_props(props), {"name": "N", "customers": customers})
    assert out["customers"] == {SIG: "1b47061264138c4ac30d75fd1eb44270", "value": customers}
    assert out["customersBlob"][SIG] and out["customersBlob"]["value"] == blob
    assert "+14155550101" not in json.dumps({k: v for k, v in out.items() if SIG not in str(v)})
    recorded = values.recorded(values.plain(values.to_struct(out)), {}, "n").to_props()
    assert recorded["customers"] == blob and recorded["status"] == "scheduled"


def test_export_names_are_stable_and_unique() -> None:
    listed = [
        {"id": "a1b2c3d4-0000", "name": "Renewals"},
        {"id": "ffee0011-0000", "name": "Renewals"},
        {"id": "99", "name": "Spring check-ups!"},
    ]
    assert resource_names(listed) == {
        "a1b2c3d4-0000": "renewals-a1b2c3d4",
        "ffee0011-0000": "renewals-ffee0011",
        "99": "spring-check-ups",
    }


@pytest.mark.parametrize("fmt", ["python", "yaml"])
def test_export_programs_parse_and_name_each_campaign_once(fmt: str) -> None:
    entries: list[tuple[str, dict[str, Any], str]] = [
        (
            "a",
            {
                "name": 'Say "hi"',
                "schedulePlan": {"earliestAt": "x"},
                "ended": True,
                "adoptId": "c-1",
            },
            "customers/a.csv",
        ),
        ("b", {"name": "B ${x}", "phoneNumberId": "pn-1", "adoptId": "c-2"}, "customers/b.csv"),
    ]
    if fmt == "python":
        tree = ast.parse(_python_program(entries, "header"))
        calls = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Campaign"
        ]
        assert [c.args[0].value for c in calls] == ["a", "b"]  # type: ignore[attr-defined]
        keywords = {
            k.arg: ast.literal_eval(k.value) for k in calls[0].keywords if k.arg != "customers"
        }
        assert keywords == {
            "name": 'Say "hi"',
            "schedule_plan": {"earliestAt": "x"},
            "ended": True,
            "adopt_id": "c-1",
        }
    else:
        text = _yaml_program(entries, "header", "proj")
        body = yaml.safe_load(text)
        lines = [line for line in text.splitlines() if line and not line.startswith("#")]
        assert lines[0] == "name: proj"  # YAML, not JSON (which YAML parsers read too)
        assert body["resources"]["a"]["properties"]["customersFile"] == "customers/a.csv"
        assert body["resources"]["b"]["properties"]["adoptId"] == "c-2"
        assert body["resources"]["a"]["properties"]["name"] == 'Say "hi"'
        # Pulumi YAML reads `$$` as `$`: the name is not an interpolation of `x`.
        assert body["resources"]["b"]["properties"]["name"] == "B $${x}"
        assert "plugins" not in body  # the plugin is found on PATH: no machine's path


def test_an_unchanged_customers_file_is_its_recorded_blob(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "c.csv").write_text("number\n+14155550101\n")
    first = values.canonical({"customersFile": "c.csv"}, "f", Run({}, project_dir=tmp_path))
    outputs = values.engine_outputs(first, {"customersFile": "c.csv"})
    assert outputs[values.FILE_DIGEST][SIG]  # kept, a secret
    state = values.plain(values.to_struct(outputs))
    parsed: list[str] = []
    real = CustomersFile.customers

    def counted(self: CustomersFile) -> list[dict[str, Any]]:
        parsed.append(self.shown)
        return real(self)

    monkeypatch.setattr(CustomersFile, "customers", counted)
    run = Run({}, project_dir=tmp_path)  # a new process: nothing read yet
    # The state's blob stands for the file while the file is the same: no parse.
    again = values.canonical({"customersFile": "c.csv"}, "f", run, state).to_props()
    assert again["customers"] == first.to_props()["customers"] and parsed == []
    # A refresh that found other customers live replaced the blob: it never stands for the
    # file, which is read (the difference is drift, to be shown and restored).
    live = {**state, "customersBlob": encode_customers([{"number": "+14155550199"}])}
    declared = values.canonical({"customersFile": "c.csv"}, "f", run, live).to_props()
    assert declared["customers"] == first.to_props()["customers"] and parsed == ["c.csv"]
    # An edited file is read.
    (tmp_path / "c.csv").write_text("number\n+14155550102\n")
    edited = values.canonical({"customersFile": "c.csv"}, "f", run, state).to_props()
    assert decode_customers(edited["customers"]) == [{"number": "+14155550102"}]
    assert parsed == ["c.csv", "c.csv"]
