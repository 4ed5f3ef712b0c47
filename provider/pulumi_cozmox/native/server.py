"""The native plugin's gRPC servicer: Pulumi's resource provider protocol over the core's run.

Each call turns the engine's values into the core's once (:mod:`.values`), calls the process's
:class:`~pulumi_cozmox.core.engine.run.Run` and answers in the engine's terms, the core's words
spelled as YAML and TypeScript programs spell fields (``allowRedial: "<id>"``). A check failure
names a property only when it is a harmless top-level one (the engine prints the value of the
property it names, and a customer's is personal data); a refusal is one error line
(``FAILED_PRECONDITION``), no traceback; lines for the person running Pulumi go to the engine's
log with the resource's URN; Create and Update at preview send nothing.

Why not ``pulumi.provider.experimental`` (SDK 3.272): it serves every call on one asyncio loop
(four blocking HTTP calls take four times as long), encodes outputs 3.6x slower than this
module, and needs workarounds for the unknowns, a Read of a deleted campaign and Diff's old
inputs (``benchmarks/bench_native_layer.py``).
"""

from __future__ import annotations

import functools
import os
import sys
import threading
import traceback
from collections.abc import Callable
from concurrent import futures
from importlib import resources
from pathlib import Path
from typing import Any

import grpc
from google.protobuf import empty_pb2
from pulumi.runtime.proto import engine_pb2, engine_pb2_grpc, plugin_pb2, provider_pb2
from pulumi.runtime.proto import provider_pb2_grpc as rpc

from pulumi_cozmox._json import gc_paused
from pulumi_cozmox._pin import check_requirements
from pulumi_cozmox._version import __version__
from pulumi_cozmox.client.errors import CozmoxError
from pulumi_cozmox.core.engine.importing import import_campaign
from pulumi_cozmox.core.engine.outcome import Failure, Missing, Refusal
from pulumi_cozmox.core.engine.rule_files import CONFIG_KEYS
from pulumi_cozmox.core.engine.run import Run
from pulumi_cozmox.core.model.campaign import Campaign
from pulumi_cozmox.core.model.customers_file import CustomersFileError
from pulumi_cozmox.core.model.unknown import UNKNOWN
from pulumi_cozmox.core.report.record import CampaignReport, to_record
from pulumi_cozmox.core.report.text import to_lines
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import CUSTOMERS_FILE, OUTPUT_TO_API, by_python
from pulumi_cozmox.native import values

__all__ = ["CampaignServicer", "native_names", "serve"]

DOOR = "native"
_SEVERITIES = {"warning: ": engine_pb2.WARNING, "error: ": engine_pb2.ERROR}


def native_names(message: str) -> str:
    """A core message as the plugin's programs spell fields: ``allowRedial: "c-1"``."""
    return names.render(message, DOOR)


def _answers(handler: Callable[[Any, Any], Any]) -> Callable[[Any, Any, Any], Any]:
    """A call's refusal or API error as the engine shows it: one line, no traceback. A bug's
    traceback goes to standard error (the engine shows it with --debug)."""

    @functools.wraps(handler)
    def call(self: CampaignServicer, request: Any, context: grpc.ServicerContext) -> Any:
        who = f"resource {request.name!r}: " if getattr(request, "name", "") else ""
        code = grpc.StatusCode.FAILED_PRECONDITION
        try:
            # The one pause of the plugin's path, here at its outermost: a hook may build and
            # keep 10,000 customers' values (~400 MB of small objects, no cycle) that each
            # collection would walk again; what the run keeps is frozen as the hook ends.
            with gc_paused(freeze=True):
                return handler(self, request)
        except Refusal as refusal:
            message = str(refusal)
            if isinstance(refusal, Missing):
                code = grpc.StatusCode.NOT_FOUND
        except CustomersFileError as exc:  # missing, unreadable, no key: the user's to fix
            message = f"{who}{CUSTOMERS_FILE}: {exc}"
        except CozmoxError as exc:
            code, message = grpc.StatusCode.UNAVAILABLE, f"{who}{exc}"
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            code, message = (
                grpc.StatusCode.INTERNAL,
                (
                    f"pulumi-resource-cozmox: internal error in {handler.__name__} "
                    f"({type(exc).__name__}); run with --debug for its traceback"
                ),
            )
        context.abort(code, native_names(message))

    return call


class EngineLog:
    """The run's words, as the plugin's programs spell them, in the engine's log."""

    def __init__(self, servicer: CampaignServicer, urn: str) -> None:
        self._servicer, self._urn = servicer, urn

    def report(self, report: CampaignReport) -> None:
        for line in [*to_lines(report, DOOR), to_record(report)]:
            self.notice(line)

    def notice(self, text: str) -> None:
        text = native_names(text)
        severity = next((s for p, s in _SEVERITIES.items() if text.startswith(p)), engine_pb2.INFO)
        for prefix in _SEVERITIES:
            text = text.removeprefix(prefix)
        engine = self._servicer.engine()
        if engine is None:
            print(text, file=sys.stderr, flush=True)
        else:
            engine.Log(engine_pb2.LogRequest(severity=severity, message=text, urn=self._urn))


def _api_name(name: str) -> str:
    """A field of the core's plan as the plugin's programs name it."""
    field = by_python(name)
    return field.api if field is not None else name


def _failure(failure: Failure) -> provider_pb2.CheckFailure:
    path, reason = names.path(failure.path, DOOR), native_names(failure.reason)
    if path and "." not in path and "[" not in path and path not in ("customers", CUSTOMERS_FILE):
        return provider_pb2.CheckFailure(property=path, reason=reason)
    return provider_pb2.CheckFailure(property="", reason=f"{path}: {reason}" if path else reason)


class CampaignServicer(rpc.ResourceProviderServicer):
    """``cozmox:index:Campaign``: one per plugin process (one ``pulumi`` command)."""

    def __init__(self, engine_address: str | None) -> None:
        self._address = engine_address
        self._engine: engine_pb2_grpc.EngineStub | None = None
        self._lock = threading.Lock()
        self._config: dict[str, Any] = {}
        self._run: Run | None = None
        self._project_dir = Path.cwd()  # the engine starts plugins in the project directory

    def engine(self) -> engine_pb2_grpc.EngineStub | None:
        with self._lock:
            if self._engine is None and self._address:
                self._engine = engine_pb2_grpc.EngineStub(grpc.insecure_channel(self._address))
            return self._engine

    def run(self) -> Run:
        with self._lock:
            if self._run is None:
                say = EngineLog(self, "").notice
                self._run = Run(self._config, project_dir=self._project_dir, notice=say)
            return self._run

    def GetPluginInfo(self, request: Any, context: Any) -> plugin_pb2.PluginInfo:
        return plugin_pb2.PluginInfo(version=__version__)

    def Handshake(self, request: Any, context: Any) -> provider_pb2.ProviderHandshakeResponse:
        self._address = request.engine_address or self._address
        # Secrets arrive wrapped: the customers' secrecy is seen, and kept on the way out.
        return provider_pb2.ProviderHandshakeResponse(accept_secrets=True, accept_resources=True)

    def GetSchema(self, request: Any, context: Any) -> provider_pb2.GetSchemaResponse:
        text = resources.files("pulumi_cozmox.native").joinpath("schema.json").read_text("utf-8")
        return provider_pb2.GetSchemaResponse(schema=text)

    def CheckConfig(self, request: Any, context: Any) -> provider_pb2.CheckResponse:
        return provider_pb2.CheckResponse(inputs=request.news)

    def Configure(self, request: Any, context: Any) -> provider_pb2.ConfigureResponse:
        args = values.plain(request.args)
        given = {
            key: request.variables.get(key) or args.get(key.split(":")[1]) for key in CONFIG_KEYS
        }
        with self._lock:
            self._config = {k: v for k, v in given.items() if v not in (None, "", values.UNKNOWN)}
            self._run = None
        return provider_pb2.ConfigureResponse(
            acceptSecrets=True, supportsPreview=True, acceptResources=True
        )

    def Cancel(self, request: Any, context: Any) -> empty_pb2.Empty:
        return empty_pb2.Empty()

    def _news(self, request: Any, struct: Any, recorded: Any = None) -> Campaign:
        outputs = values.plain(recorded) if recorded is not None else None
        return values.canonical(values.plain(struct), request.name, self.run(), outputs)

    def _olds(self, request: Any, outputs: Any, inputs: Any) -> Campaign:
        old_inputs = values.plain(inputs)
        lists = self.run().customers
        return values.recorded(values.plain(outputs), old_inputs, request.name, lists)

    @_answers
    def Check(self, request: Any) -> provider_pb2.CheckResponse:
        given = values.plain(request.news)
        if "customers" in given and CUSTOMERS_FILE in given:
            both = Failure("customers", "give customers or customersFile, not both")
            return provider_pb2.CheckResponse(inputs=request.news, failures=[_failure(both)])
        try:
            news = self._news(request, request.news, request.old_outputs)
        except CustomersFileError as exc:
            failure = _failure(Failure(CUSTOMERS_FILE, str(exc)))
            return provider_pb2.CheckResponse(inputs=request.news, failures=[failure])
        olds: Campaign | None = None
        if request.olds.fields:
            olds = self._olds(request, request.old_outputs, request.olds)
            if "customers" not in olds.given:  # no outputs sent (an import's check): the inputs
                olds = self._news(request, request.olds).merged(olds)
        found = self.run().check(olds, news, EngineLog(self, request.urn))
        return provider_pb2.CheckResponse(
            inputs=request.news, failures=[_failure(f) for f in found]
        )

    @_answers
    def Diff(self, request: Any) -> provider_pb2.DiffResponse:
        old_inputs = values.plain(request.old_inputs)
        olds = self._olds(request, request.olds, request.old_inputs)
        news = self._news(request, request.news, request.olds)
        diff = self.run().diff(request.id, olds, news, EngineLog(self, request.urn))
        if not diff.changes:
            return provider_pb2.DiffResponse(changes=provider_pb2.DiffResponse.DIFF_NONE)
        detailed = values.detailed_diff(diff.paths, old_inputs, values.plain(request.news))
        return provider_pb2.DiffResponse(
            changes=provider_pb2.DiffResponse.DIFF_SOME,
            replaces=[_api_name(k) for k in diff.replaces],
            diffs=sorted({p.split(".")[0].split("[")[0] for p in detailed}),
            detailedDiff=detailed,
            hasDetailedDiff=True,
            deleteBeforeReplace=True,
        )

    @_answers
    def Create(self, request: Any) -> provider_pb2.CreateResponse:
        given, props = values.plain(request.properties), self._news(request, request.properties)
        if request.preview:
            unknown = dict.fromkeys(OUTPUT_TO_API, UNKNOWN)
            outputs = values.engine_outputs(props.merged(Campaign.of(unknown)), given)
            return provider_pb2.CreateResponse(properties=values.to_struct(outputs))
        campaign_id, created = self.run().create(props, EngineLog(self, request.urn))
        struct = values.to_struct(values.engine_outputs(Campaign.from_props(created), given))
        return provider_pb2.CreateResponse(id=campaign_id, properties=struct)

    @_answers
    def Read(self, request: Any) -> provider_pb2.ReadResponse:
        if not request.properties.fields:  # `pulumi import`: the id alone
            log = EngineLog(self, request.urn)
            imported = import_campaign(self.run(), request.id, request.name, log)
            said = check_requirements(self._project_dir, sops=imported.encrypted)
            if said is not None:  # the project's requirements.txt, written when missing
                log.notice(said)
            read_inputs = {k: v for k, v in imported.read.inputs.items() if k != "customers"}
            inputs = values.program_inputs(read_inputs, {}, None)
            inputs[CUSTOMERS_FILE] = imported.customers_file
            read = imported.read
        else:
            old_inputs = values.plain(request.inputs)
            props = self._olds(request, request.properties, request.inputs)
            found = self.run().read(request.id, props)
            if found is None:
                return provider_pb2.ReadResponse()  # gone, and it never dialed: forgotten
            read = found
            old_blob = props.customer_list.blob if props.customer_list is not None else None
            inputs = values.program_inputs(read.inputs, old_inputs, old_blob)
        read_outputs = Campaign.from_props(read.outputs)
        outputs = values.to_struct(values.engine_outputs(read_outputs, inputs))
        return provider_pb2.ReadResponse(
            id=read.id, properties=outputs, inputs=values.to_struct(inputs)
        )

    @_answers
    def Update(self, request: Any) -> provider_pb2.UpdateResponse:
        given, news = values.plain(request.news), self._news(request, request.news, request.olds)
        olds = self._olds(request, request.olds, request.old_inputs)
        if request.preview:
            outputs = olds.merged(news)
        else:
            updated = self.run().update(request.id, olds, news, EngineLog(self, request.urn))
            outputs = Campaign.from_props(updated)
        return provider_pb2.UpdateResponse(
            properties=values.to_struct(values.engine_outputs(outputs, given))
        )

    @_answers
    def Delete(self, request: Any) -> empty_pb2.Empty:
        props = self._olds(request, request.properties, request.old_inputs)
        self.run().delete(request.id, props, EngineLog(self, request.urn))
        return empty_pb2.Empty()


def serve(engine_address: str | None) -> None:
    """Serve on a free port of 127.0.0.1; the port is the one line on standard output."""
    size = 400 * 1024 * 1024
    options = [("grpc.max_receive_message_length", size), ("grpc.max_send_message_length", size)]
    workers = int(os.environ.get("COZMOX_PLUGIN_THREADS", "16"))
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=workers), options=options)
    rpc.add_ResourceProviderServicer_to_server(CampaignServicer(engine_address), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    sys.stdout.write(f"{port}\n")
    sys.stdout.flush()
    server.wait_for_termination()
