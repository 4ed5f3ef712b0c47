"""The native plugin's servicer over real gRPC, against the emulator: what the engine sees of
each call (check failures, detailed diffs, refusals, preview creates, import reads).

The engine is played by a gRPC client; the engine's own Log service (report lines with their
URN) by a small gRPC server that records what it is sent.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from concurrent import futures
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import empty_pb2, json_format, struct_pb2
from pulumi.runtime.proto import engine_pb2, engine_pb2_grpc, provider_pb2, provider_pb2_grpc

from pulumi_cozmox.native.server import CampaignServicer

SECRET = {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270"}
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
URN = "urn:pulumi:test::native::cozmox:index:Campaign::"
CUSTOMERS = [{"number": "+14155550101", "name": "Ada"}, {"number": "+14155550102"}]


class Engine(engine_pb2_grpc.EngineServicer):
    """The engine's Log service: records (severity, message, urn)."""

    def __init__(self) -> None:
        self.logs: list[tuple[int, str, str]] = []
        self._lock = threading.Lock()

    def Log(self, request: engine_pb2.LogRequest, context: Any) -> empty_pb2.Empty:
        with self._lock:
            self.logs.append((request.severity, request.message, request.urn))
        return empty_pb2.Empty()


class Plugin:
    def __init__(self, stub: provider_pb2_grpc.ResourceProviderStub, engine: Engine) -> None:
        self.stub = stub
        self.engine = engine

    def check(self, name: str, news: dict[str, Any], olds: dict[str, Any] | None = None) -> Any:
        return self.stub.Check(
            provider_pb2.CheckRequest(
                urn=URN + name, name=name, news=struct(news), olds=struct(olds or {})
            )
        )


def struct(values: dict[str, Any]) -> struct_pb2.Struct:
    result = struct_pb2.Struct()
    json_format.ParseDict(values, result)
    return result


def plain(values: struct_pb2.Struct) -> dict[str, Any]:
    data: dict[str, Any] = json_format.MessageToDict(values)
    return data


def campaign(**overrides: Any) -> dict[str, Any]:
    return {
        "name": "Native",
        "phoneNumberId": "pn-1",
        "assistantId": "asst-1",
        "schedulePlan": {"earliestAt": "2099-01-01T17:00:00Z", "latestAt": "2099-01-01T20:00:00Z"},
        "customers": {**SECRET, "value": CUSTOMERS},
        **overrides,
    }


@pytest.fixture
def plugin(emulator: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Plugin]:
    monkeypatch.chdir(tmp_path)  # the engine starts the plugin in the project directory
    engine = Engine()
    engine_server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    engine_pb2_grpc.add_EngineServicer_to_server(engine, engine_server)
    engine_port = engine_server.add_insecure_port("127.0.0.1:0")
    engine_server.start()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    provider_pb2_grpc.add_ResourceProviderServicer_to_server(
        CampaignServicer(f"127.0.0.1:{engine_port}"), server
    )
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    stub = provider_pb2_grpc.ResourceProviderStub(channel)
    stub.Configure(
        provider_pb2.ConfigureRequest(
            variables={"cozmox:apiKey": emulator.api_key, "cozmox:baseUrl": emulator.base_url}
        )
    )
    yield Plugin(stub, engine)
    channel.close()
    server.stop(None)
    engine_server.stop(None)


def requests(emulator: Any) -> list[str]:
    return [f"{e['method']} {e['path']}" for e in emulator.control.get("requests").json()]


def test_the_schema_marks_customers_secret_and_names_the_api_fields(plugin: Plugin) -> None:
    schema = json.loads(plugin.stub.GetSchema(provider_pb2.GetSchemaRequest()).schema)
    resource = schema["resources"]["cozmox:index:Campaign"]
    assert resource["inputProperties"]["customers"]["secret"] is True
    assert {"phoneNumberId", "schedulePlan", "allowRedial", "customersFile"} <= set(
        resource["inputProperties"]
    )


def test_check_names_customer_paths_in_the_reason_never_as_a_property(
    plugin: Plugin, emulator: Any
) -> None:
    bad = [{"number": "+14155550101"}, {"number": "12"}]
    result = plugin.check("bad", campaign(customers={**SECRET, "value": bad}, name=""))
    failures = [(f.property, f.reason) for f in result.failures]
    # The engine prints the value of the property a failure names: a customer's never is.
    assert all(prop in ("", "name") for prop, _ in failures), failures
    assert any(
        prop == "" and reason.startswith("customers[1].number: ") for prop, reason in failures
    )
    assert not any("+14155550101" in reason for _, reason in failures)
    assert requests(emulator) == []  # a bad campaign is judged against nothing


def test_a_create_at_preview_sends_nothing_and_its_outputs_are_unknown(
    plugin: Plugin, emulator: Any
) -> None:
    assert plugin.check("spring", campaign()).failures == []
    emulator.control.delete("requests").raise_for_status()
    preview = plugin.stub.Create(
        provider_pb2.CreateRequest(
            urn=URN + "spring", name="spring", properties=struct(campaign()), preview=True
        )
    )
    assert requests(emulator) == []
    outputs = plain(preview.properties)
    assert outputs["status"] == UNKNOWN and outputs["customerCount"] == 2
    assert (
        outputs["customers"]["4dabf18193072939515e22adb298388d"]
        == SECRET["4dabf18193072939515e22adb298388d"]
    )
    # Report lines reached the engine's log, on the resource.
    assert any(
        urn == URN + "spring" and "cozmox: spring: calls 2 people" in message
        for _, message, urn in plugin.engine.logs
    )


def test_update_diff_names_the_nested_path_and_a_redial_is_refused_in_one_line(
    plugin: Plugin, emulator: Any
) -> None:
    created = plugin.stub.Create(
        provider_pb2.CreateRequest(urn=URN + "c", name="c", properties=struct(campaign()))
    )
    outputs = plain(created.properties)
    later = campaign(
        schedulePlan={**campaign()["schedulePlan"], "latestAt": "2099-01-01T21:00:00Z"}
    )
    diff = plugin.stub.Diff(
        provider_pb2.DiffRequest(
            id=created.id,
            urn=URN + "c",
            name="c",
            olds=created.properties,
            old_inputs=struct(campaign()),
            news=struct(later),
        )
    )
    assert diff.changes == provider_pb2.DiffResponse.DIFF_SOME
    assert dict(diff.detailedDiff) == {
        "schedulePlan.latestAt": provider_pb2.PropertyDiff(
            kind=provider_pb2.PropertyDiff.UPDATE, inputDiff=True
        )
    }
    assert list(diff.replaces) == []

    # The campaign starts dialing; new customers would call the old ones again.
    emulator.control.post("clock", json={"advanceSeconds": 100 * 365 * 86400}).raise_for_status()
    fewer = campaign(customers={**SECRET, "value": CUSTOMERS[:1]})
    with pytest.raises(grpc.RpcError) as refused:
        plugin.stub.Diff(
            provider_pb2.DiffRequest(
                id=created.id,
                urn=URN + "c",
                name="c",
                olds=struct({**outputs, "status": "in-progress"}),
                old_inputs=struct(campaign()),
                news=struct(fewer),
            )
        )
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    message = refused.value.details()
    assert f'allowRedial: "{created.id}"' in message and "Traceback" not in message
    assert "\n" not in message


def test_import_reads_with_gets_and_a_missing_campaign_is_not_found(
    plugin: Plugin, emulator: Any, tmp_path: Path
) -> None:
    with emulator.api() as api:
        made = api.post(
            "/campaign",
            json={k: v for k, v in campaign(customers=CUSTOMERS).items()},
        ).json()
    emulator.control.delete("requests").raise_for_status()
    read = plugin.stub.Read(provider_pb2.ReadRequest(id=made["id"], urn=URN + "old", name="old"))
    assert {r.split()[0] for r in requests(emulator)} == {"GET"}
    inputs = plain(read.inputs)
    assert inputs["customersFile"] == "customers/old.csv"
    assert "customers" not in inputs and inputs["phoneNumberId"] == "pn-1"
    assert (tmp_path / "customers" / "old.csv").read_text().splitlines() == [
        "number,name",
        "+14155550101,Ada",
        "+14155550102,",
    ]
    with pytest.raises(grpc.RpcError) as missing:
        plugin.stub.Read(provider_pb2.ReadRequest(id="c-none", urn=URN + "x", name="x"))
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND
    assert "campaign c-none does not exist" in (missing.value.details() or "")


@pytest.mark.parametrize(
    ("file", "text", "named"),
    [
        ("customers.csv", "number,name\n+14155550101,Ada\n+1415555O102,Grace\n", "line 3, column"),
        (
            "customers.json",
            '[\n {"number": "+14155550101"},\n {"number": "+1415555O102"}\n]',
            "line 3, key",
        ),
    ],
)
def test_check_names_a_customers_file_customer_by_its_line(
    plugin: Plugin, tmp_path: Path, file: str, text: str, named: str
) -> None:
    (tmp_path / file).write_text(text)
    news = {k: v for k, v in campaign(customersFile=file).items() if k != "customers"}
    # The second check reads the file's customers from the process's cache: its lines are
    # found again only for the message.
    for _ in range(2):
        failures = [(f.property, f.reason) for f in plugin.check("c", news).failures]
        assert len(failures) == 1, failures
        prop, reason = failures[0]
        assert prop == ""
        assert reason.startswith(f"{file} {named} number: is not an E.164 number"), reason
        assert "character 9 is a letter" in reason and "5555O102" not in reason
