"""The native plugin's gRPC servicer: Pulumi's resource provider protocol over the core.

Each call turns the engine's values into the core's canonical inputs once
(:mod:`pulumi_cozmox.native.values`), calls
:class:`~pulumi_cozmox.core.engine.run.Run`
and answers in the engine's terms:

- a check failure names its path in the reason (``customers[3].number: ...``) and the property
  only when it is a harmless top-level one: the engine prints the value of the property a
  failure names, and a customer's is personal data;
- a refusal aborts the call with ``FAILED_PRECONDITION``: the engine shows the message as one
  error line on the resource, no traceback;
- lines for the person running Pulumi go to the engine's log with the resource's URN (a
  plugin's standard error is hidden), warnings as warnings;
- Create and Update at preview (``preview=true``) send nothing: the engine calls them to learn
  the outputs, which are then unknown.

Messages are the core's, with the Python program's names turned into the resource's
(``allow_redial="<id>"`` -> ``allowRedial: "<id>"``).
"""

from __future__ import annotations

import functools
import os
import re
import sys
import threading
import traceback
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import grpc
from google.protobuf import empty_pb2, struct_pb2
from pulumi.runtime.proto import (
    engine_pb2,
    engine_pb2_grpc,
    plugin_pb2,
    provider_pb2,
    provider_pb2_grpc,
)

from pulumi_cozmox import __version__
from pulumi_cozmox._json import gc_paused
from pulumi_cozmox._pin import check_requirements
from pulumi_cozmox.client.errors import CozmoxError
from pulumi_cozmox.core.engine.outcome import Failure, Refusal
from pulumi_cozmox.core.engine.refusals import VANISHED
from pulumi_cozmox.core.engine.run import Run
from pulumi_cozmox.core.model.customers import decode_customers, is_blob
from pulumi_cozmox.core.model.customers_file import (
    CustomersFileError,
    place_customers_file,
    written_line,
)
from pulumi_cozmox.core.report.record import CampaignReport, to_record
from pulumi_cozmox.core.report.text import to_lines
from pulumi_cozmox.core.resource import names
from pulumi_cozmox.core.resource.fields import INPUT_KEYS, NATIVE_TYPE, OUTPUT_TO_API
from pulumi_cozmox.core.rules.config import CONFIG_KEYS
from pulumi_cozmox.native import values
from pulumi_cozmox.native.values import CAMEL, CUSTOMERS_FILE, UNKNOWN_SENTINEL

__all__ = ["CampaignServicer", "TYPE", "native_names"]

TYPE = NATIVE_TYPE
#: Where `pulumi import` writes an imported campaign's customers (relative to the project).
IMPORT_DIR = "customers"

#: How the plugin's programs (YAML, TypeScript) spell the fields.
DOOR = "native"


def native_names(message: str) -> str:
    """A core message in the resource's terms: ``allowRedial: "c-1"``, ``ended: true``."""
    return names.render(message, DOOR)


def _severity(line: str) -> tuple[engine_pb2.LogSeverity.ValueType, str]:
    for prefix, severity in (("warning: ", engine_pb2.WARNING), ("error: ", engine_pb2.ERROR)):
        if line.startswith(prefix):
            return severity, line[len(prefix) :]
    return engine_pb2.INFO, line


#: A servicer method as the gRPC server calls it.
Method = Callable[[Any, Any, Any], Any]


class Abort(Exception):
    """Fail the call with this gRPC status and message (the engine shows the message)."""

    def __init__(self, code: grpc.StatusCode, message: str) -> None:
        super().__init__(message)
        self.code = code


def _answers(handler: Callable[[CampaignServicer, Any], Any]) -> Method:
    """A call's refusal or API error as the engine shows it: one line, no traceback. A bug's
    traceback goes to standard error (the engine shows it with --debug)."""

    @functools.wraps(handler)
    def call(self: CampaignServicer, request: Any, context: grpc.ServicerContext) -> Any:
        try:
            # The engine's values of 10,000 customers are ~400 MB of small objects, no cycle:
            # collections would walk them again and again (as in the core's hooks).
            with gc_paused():
                return handler(self, request)
        except Abort as abort:
            code, message = abort.code, str(abort)
        except Refusal as refusal:
            code, message = grpc.StatusCode.FAILED_PRECONDITION, native_names(str(refusal))
        except CozmoxError as exc:
            who = f"resource {request.name!r}: " if getattr(request, "name", "") else ""
            code, message = grpc.StatusCode.UNAVAILABLE, native_names(f"{who}{exc}")
        except CustomersFileError as exc:
            # A customers file missing, unreadable or without its key, met in any call (a
            # refresh's Diff reads it too): the user's to fix, so one line, no traceback.
            who = f"resource {request.name!r}: " if getattr(request, "name", "") else ""
            code, message = grpc.StatusCode.FAILED_PRECONDITION, f"{who}{CUSTOMERS_FILE}: {exc}"
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            code = grpc.StatusCode.INTERNAL
            message = (
                f"pulumi-resource-cozmox: internal error in {handler.__name__} "
                f"({type(exc).__name__}); run with --debug for its traceback"
            )
        context.abort(code, message)

    return call


class CampaignServicer(provider_pb2_grpc.ResourceProviderServicer):
    """``cozmox:index:Campaign``: one per plugin process (one ``pulumi`` command)."""

    def __init__(self, engine_address: str | None) -> None:
        self._engine_address = engine_address
        self._engine: engine_pb2_grpc.EngineStub | None = None
        self._lock = threading.Lock()
        self._config: dict[str, Any] = {}
        self._service: Run | None = None
        self._project_dir = Path.cwd()  # the engine starts plugins in the project directory

    # -- the plugin ------------------------------------------------------------------------
    def GetPluginInfo(self, request: empty_pb2.Empty, context: Any) -> plugin_pb2.PluginInfo:
        return plugin_pb2.PluginInfo(version=__version__)

    def Handshake(
        self, request: provider_pb2.ProviderHandshakeRequest, context: Any
    ) -> provider_pb2.ProviderHandshakeResponse:
        if request.engine_address:
            self._engine_address = request.engine_address
        # Secrets arrive wrapped: the customers' secrecy is seen, and kept on the way out.
        return provider_pb2.ProviderHandshakeResponse(accept_secrets=True, accept_resources=True)

    def GetSchema(
        self, request: provider_pb2.GetSchemaRequest, context: Any
    ) -> provider_pb2.GetSchemaResponse:
        text = resources.files("pulumi_cozmox.native").joinpath("schema.json").read_text("utf-8")
        return provider_pb2.GetSchemaResponse(schema=text)

    def CheckConfig(
        self, request: provider_pb2.CheckRequest, context: Any
    ) -> provider_pb2.CheckResponse:
        return provider_pb2.CheckResponse(inputs=request.news)

    def Configure(
        self, request: provider_pb2.ConfigureRequest, context: Any
    ) -> provider_pb2.ConfigureResponse:
        args = values.plain(request.args)
        config: dict[str, Any] = {}
        for key in CONFIG_KEYS:
            short = key.split(":", 1)[1]
            value = request.variables.get(key) or args.get(short)
            if value not in (None, "", UNKNOWN_SENTINEL):
                config[key] = value
        with self._lock:
            self._config = config
            self._service = None
        return provider_pb2.ConfigureResponse(
            acceptSecrets=True, supportsPreview=True, acceptResources=True
        )

    def Cancel(self, request: empty_pb2.Empty, context: Any) -> empty_pb2.Empty:
        return empty_pb2.Empty()

    def _core(self) -> Run:
        with self._lock:
            if self._service is None:
                say = self._say("")
                self._service = Run(self._config, project_dir=self._project_dir, notice=say)
            return self._service

    def _say(self, urn: str) -> Callable[[str], None]:
        def say(line: str) -> None:
            severity, message = _severity(native_names(line))
            with self._lock:
                if self._engine is None and self._engine_address:
                    channel = grpc.insecure_channel(self._engine_address)
                    self._engine = engine_pb2_grpc.EngineStub(channel)
                engine = self._engine
            if engine is None:
                print(message, file=sys.stderr, flush=True)
                return
            engine.Log(engine_pb2.LogRequest(severity=severity, message=message, urn=urn))

        return say

    def _sink(self, urn: str) -> EngineLog:
        return EngineLog(self._say(urn))

    # -- the engine's values ------------------------------------------------------------------
    def _news(
        self, struct: struct_pb2.Struct, name: str, recorded: struct_pb2.Struct | None = None
    ) -> dict[str, Any]:
        """New inputs as the core's; ``recorded``: the resource's outputs in the state (an
        unchanged customers file is their blob)."""
        outputs = values.plain(recorded) if recorded is not None else None
        return values.canonical(values.plain(struct), name, self._project_dir, outputs)

    @staticmethod
    def _recorded(
        outputs: struct_pb2.Struct, inputs: struct_pb2.Struct, name: str
    ) -> dict[str, Any]:
        """The recorded campaign: its outputs, and the marks refresh left in its inputs."""
        props = values.recorded(values.plain(outputs), name)
        old_inputs = values.plain(inputs)
        if VANISHED in old_inputs:
            props[VANISHED] = old_inputs[VANISHED]
        return props

    # -- check ------------------------------------------------------------------------------
    @_answers
    def Check(self, request: provider_pb2.CheckRequest) -> provider_pb2.CheckResponse:
        given = values.plain(request.news)
        failures: list[provider_pb2.CheckFailure] = []
        if "customers" in given and CUSTOMERS_FILE in given:
            failures.append(
                _failure(Failure("customers", "give customers or customersFile, not both"))
            )
        try:
            news = values.canonical(
                given, request.name, self._project_dir, values.plain(request.old_outputs)
            )
        except ValueError as exc:
            failures.append(_failure(Failure(CUSTOMERS_FILE, str(exc))))
            return provider_pb2.CheckResponse(inputs=request.news, failures=failures)
        olds: dict[str, Any] = {}
        if request.olds.fields:
            olds = self._recorded(request.old_outputs, request.olds, request.name)
            if "customers" not in olds:  # no outputs sent (an import's check): the old inputs
                olds = {
                    **values.canonical(values.plain(request.olds), request.name, self._project_dir),
                    **olds,
                }
        found = self._core().check(olds, news, self._sink(request.urn))
        failures += [_failure(f) for f in found]
        return provider_pb2.CheckResponse(inputs=request.news, failures=failures)

    # -- diff -------------------------------------------------------------------------------
    @_answers
    def Diff(self, request: provider_pb2.DiffRequest) -> provider_pb2.DiffResponse:
        olds = self._recorded(request.olds, request.old_inputs, request.name)
        news = self._news(request.news, request.name, request.olds)
        diff = self._core().diff(request.id, olds, news, self._sink(request.urn))
        if not diff.changes:
            return provider_pb2.DiffResponse(changes=provider_pb2.DiffResponse.DIFF_NONE)
        old_inputs = values.plain(request.old_inputs)
        given = values.plain(request.news)
        # The customer count is the customers' (an output here, not an input).
        paths = {
            _resource_path(path): kind
            for path, kind in diff.paths.items()
            if path != "customer_count"
        }
        detailed = {
            path: provider_pb2.PropertyDiff(
                kind=_kind(path, kind, old_inputs, given), inputDiff=True
            )
            for path, kind in paths.items()
        }
        if "customers" in detailed and CUSTOMERS_FILE in given | old_inputs:
            # The file's contents changed (or customers moved to or from a file).
            detailed[CUSTOMERS_FILE] = detailed.pop("customers")
        return provider_pb2.DiffResponse(
            changes=provider_pb2.DiffResponse.DIFF_SOME,
            replaces=[_top(CAMEL.get(k, k)) for k in diff.replaces],
            diffs=sorted({_top(p) for p in detailed}),
            detailedDiff=detailed,
            hasDetailedDiff=True,
            deleteBeforeReplace=True,
        )

    # -- create / read / update / delete ---------------------------------------------------
    @_answers
    def Create(self, request: provider_pb2.CreateRequest) -> provider_pb2.CreateResponse:
        given = values.plain(request.properties)
        props = self._news(request.properties, request.name)
        if request.preview:
            unknown = {key: values.UNKNOWN for key in OUTPUT_TO_API}
            outputs = values.engine_outputs({**props, **unknown}, given)
            return provider_pb2.CreateResponse(properties=values.to_struct(outputs))
        campaign_id, outputs = self._core().create(props, self._sink(request.urn))
        struct = values.to_struct(values.engine_outputs(outputs, given))
        return provider_pb2.CreateResponse(id=campaign_id, properties=struct)

    @_answers
    def Read(self, request: provider_pb2.ReadRequest) -> provider_pb2.ReadResponse:
        if not request.properties.fields:
            return self._import(request)
        props = self._recorded(request.properties, request.inputs, request.name)
        read = self._core().read(request.id, props)
        if read is None:
            return provider_pb2.ReadResponse()  # gone, and it never dialed: forgotten
        old_inputs = values.plain(request.inputs)
        inputs = _program_inputs(read.inputs, old_inputs, props.get("customers"))
        outputs = values.engine_outputs(read.outputs, inputs)
        return provider_pb2.ReadResponse(
            id=read.id, properties=values.to_struct(outputs), inputs=values.to_struct(inputs)
        )

    def _import(self, request: provider_pb2.ReadRequest) -> provider_pb2.ReadResponse:
        """`pulumi import`: the campaign's own inputs (GETs only); its customers go to a CSV
        file of the project, so that the code the CLI generates holds none of them."""
        declared: dict[str, Any] = dict.fromkeys(INPUT_KEYS)
        declared["resource_name"] = request.name
        read = self._core().read(request.id, declared, importing=True)
        if read is None:
            raise Abort(
                grpc.StatusCode.NOT_FOUND,
                f"campaign {request.id} does not exist in the org of this API key (GET "
                f"/campaign/{request.id} answered 404): check the id, and that cozmox:apiKey "
                "and cozmox:baseUrl are the org's",
            )
        inputs = values.imported_inputs(read.inputs)
        blob = read.inputs.get("customers")
        if isinstance(blob, str) and is_blob(blob):
            shown = self._write_import_file(request.name, decode_customers(blob), request.urn)
            inputs.pop("customers", None)
            inputs[CUSTOMERS_FILE] = shown
        outputs = values.engine_outputs(read.outputs, inputs)
        return provider_pb2.ReadResponse(
            id=read.id, properties=values.to_struct(outputs), inputs=values.to_struct(inputs)
        )

    def _write_import_file(self, name: str, customers: list[dict[str, Any]], urn: str) -> str:
        """The customers in a file of the project (``customers/<name>.csv``, encrypted when a
        ``.sops.yaml`` creation rule applies to it), so that neither the code the CLI generates
        nor its output holds one. Returns the path the inputs name; aborts the import when no
        file can be written or read (an encrypted one without its key)."""
        stem = f"{IMPORT_DIR}/{re.sub(r'[^A-Za-z0-9._-]', '_', name)}"
        try:
            placed = place_customers_file(customers, self._project_dir, stem)
        except (OSError, ValueError) as exc:  # CustomersFileError and SopsError among them
            raise Abort(
                grpc.StatusCode.FAILED_PRECONDITION,
                f"resource {name!r}: the imported customers go to a file under {IMPORT_DIR}/, "
                f"and {exc}",
            ) from None
        if not placed.found:
            self._say(urn)(f"cozmox: {written_line(placed)}; the program names it as customersFile")
        # What CI installs: pulumi-cozmox pinned (written if missing, else checked).
        said = check_requirements(self._project_dir, sops=placed.encrypted)
        if said is not None:
            self._say(urn)(said)
        return placed.shown

    @_answers
    def Update(self, request: provider_pb2.UpdateRequest) -> provider_pb2.UpdateResponse:
        given = values.plain(request.news)
        news = self._news(request.news, request.name, request.olds)
        olds = self._recorded(request.olds, request.old_inputs, request.name)
        if request.preview:
            outputs = values.engine_outputs({**olds, **news}, given)
            return provider_pb2.UpdateResponse(properties=values.to_struct(outputs))
        outputs = self._core().update(request.id, olds, news, self._sink(request.urn))
        return provider_pb2.UpdateResponse(
            properties=values.to_struct(values.engine_outputs(outputs, given))
        )

    @_answers
    def Delete(self, request: provider_pb2.DeleteRequest) -> empty_pb2.Empty:
        props = self._recorded(request.properties, request.old_inputs, request.name)
        self._core().delete(request.id, props, self._sink(request.urn))
        return empty_pb2.Empty()


class EngineLog:
    """The run's words, as the plugin's programs spell them, in the engine's log."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self._say = say

    def report(self, report: CampaignReport) -> None:
        for line in [*to_lines(report, DOOR), to_record(report)]:
            self._say(line)

    def notice(self, text: str) -> None:
        self._say(text)


def _failure(failure: Failure) -> provider_pb2.CheckFailure:
    """The engine prints the value of the property a failure names: only a harmless top-level
    one is named; any other path leads the reason."""
    path = names.path(failure.path, DOOR)
    reason = native_names(failure.reason)
    if path and "." not in path and "[" not in path and path not in ("customers", CUSTOMERS_FILE):
        return provider_pb2.CheckFailure(property=path, reason=reason)
    return provider_pb2.CheckFailure(property="", reason=f"{path}: {reason}" if path else reason)


def _resource_path(path: str) -> str:
    """A changed path in the resource's terms (the core names its own inputs in snake_case)."""
    top = _top(path)
    return CAMEL.get(top, top) + path[len(top) :]


def _top(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def _kind(
    path: str, kind: str, olds: Mapping[str, Any], news: Mapping[str, Any]
) -> provider_pb2.PropertyDiff.Kind.ValueType:
    """The engine's kind of a changed path: added or deleted when the top-level key is new or
    gone, else updated; each with _REPLACE when the change needs a new campaign."""
    replace = kind == "replace"
    top = _top(path)
    diff = provider_pb2.PropertyDiff
    if top not in olds and top in news:
        return diff.ADD_REPLACE if replace else diff.ADD
    if top in olds and top not in news:
        return diff.DELETE_REPLACE if replace else diff.DELETE
    return diff.UPDATE_REPLACE if replace else diff.UPDATE


def _program_inputs(
    read: Mapping[str, Any], old_inputs: Mapping[str, Any], old_blob: Any
) -> dict[str, Any]:
    """Refreshed inputs in the program's form: what did not change stays as the program wrote
    it (the customers as a list or a file); what changed is the API's value."""
    inputs: dict[str, Any] = {}
    for snake, value in read.items():
        camel = CAMEL.get(snake)
        if snake == VANISHED:
            inputs[VANISHED] = value
        elif snake == "customers":
            if value == old_blob:
                for key in ("customers", CUSTOMERS_FILE):
                    if key in old_inputs:
                        inputs[key] = old_inputs[key]
            elif is_blob(value):
                inputs["customers"] = values.secret(decode_customers(value))
        elif (
            camel is not None
            and snake not in OUTPUT_TO_API
            and snake != "customer_count"
            and value is not None
            and (camel in old_inputs or value is not False)
        ):
            inputs[camel] = value
    if isinstance(inputs.get("customers"), list):
        inputs["customers"] = values.secret(inputs["customers"])
    return inputs


def serve(engine_address: str | None) -> None:
    """Serve on a free port of 127.0.0.1; the port is the one line on standard output."""
    from concurrent import futures

    options = [
        ("grpc.max_receive_message_length", 400 * 1024 * 1024),
        ("grpc.max_send_message_length", 400 * 1024 * 1024),
    ]
    workers = int(os.environ.get("COZMOX_PLUGIN_THREADS", "16"))
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=workers), options=options)
    provider_pb2_grpc.add_ResourceProviderServicer_to_server(
        CampaignServicer(engine_address), server
    )
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    sys.stdout.write(f"{port}\n")
    sys.stdout.flush()
    server.wait_for_termination()
