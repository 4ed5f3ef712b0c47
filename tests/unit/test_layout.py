"""The package layout holds its promises: the core (and the client under it) load no Pulumi
module and no adapter, layers inside the core import downwards only, and each adapter reaches
the logic only through the core's service.

Two views, each catching what the other cannot: what *loading* a module pulls in (a fresh
interpreter imports it and lists ``sys.modules``: an import through ``_json`` or a package
``__init__`` counts), and what each file's source imports at any depth (a lazy import inside a
function, which loading does not run).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "provider" / "pulumi_cozmox"

PULUMI = ("pulumi", "grpc", "google.protobuf")
ADAPTERS = (
    "pulumi_cozmox.provider",
    "pulumi_cozmox._resource",
    "pulumi_cozmox.native",
    "pulumi_cozmox.pack",
    "pulumi_cozmox.apps",
    "pulumi_cozmox.emulator",
)
#: The core's layers, lowest first: a module imports from its own layer and lower ones only
#: (the client is below them all).
LAYERS = ("resource", "model", "rules", "plan", "report", "engine")


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """The dotted name of the module at ``path`` inside ``package`` (a ``pulumi_cozmox``)."""
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(folder: str) -> list[Path]:
    """Every module under ``folder`` of the package, at any depth."""
    return sorted((PACKAGE / folder).rglob("*.py"))


def imports(path: Path, package: Path = PACKAGE) -> set[str]:
    """Every module ``path`` imports, at any depth (lazy imports in functions included),
    relative imports resolved; ``from X import y`` counts ``X`` and ``X.y``."""
    me = module_name(path, package)
    home = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = home.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def layer(name: str) -> int | None:
    """The layer of a ``pulumi_cozmox.core.<layer>`` module; None for anything else."""
    parts = name.split(".")
    if parts[:2] != ["pulumi_cozmox", "core"] or len(parts) < 3 or parts[2] not in LAYERS:
        return None
    return LAYERS.index(parts[2])


# -- what loading pulls in ------------------------------------------------------------------

#: Run in a fresh interpreter: import the modules named, print what is then loaded.
LOADED = "import importlib, json, sys\n" + (
    "for m in sys.argv[1:]: importlib.import_module(m)\nprint(json.dumps(sorted(sys.modules)))"
)


def loaded_by(*names: str) -> set[str]:
    """The modules a fresh interpreter has loaded after importing ``names`` (the installed
    package: the one the tests and the CLI's plugins run)."""
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *names], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout))


def offenders(names: list[str], forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    """Which of ``names``, each loaded alone, loads which ``forbidden`` modules."""
    found = {}
    for name in names:
        loaded = loaded_by(name)
        bad = [f for f in forbidden if any(within(m, (f,)) for m in loaded)]
        if bad:
            found[name] = bad
    return found


CORE = [module_name(p) for p in modules("core")]
CLIENT = [module_name(p) for p in modules("client")]


def test_loading_the_core_and_client_loads_no_pulumi_module_and_no_adapter() -> None:
    # Everything a module loads is loaded when all of them are: one interpreter proves it for
    # all; only on failure is each module loaded alone, to name the culprits.
    assert len(CORE) > 30 and len(CLIENT) > 4  # the folders were found
    loaded = loaded_by(*CORE, *CLIENT)
    assert set(CORE + CLIENT) <= loaded
    if any(within(m, PULUMI + ADAPTERS) for m in loaded):
        pytest.fail(f"loaded when imported: {offenders(CORE + CLIENT, PULUMI + ADAPTERS)}")


def test_loading_the_client_loads_nothing_of_the_campaign_logic() -> None:
    loaded = loaded_by(*CLIENT)
    forbidden = ("pulumi_cozmox.core", *PULUMI, *ADAPTERS)
    if any(within(m, forbidden) for m in loaded):
        pytest.fail(f"loaded when imported: {offenders(CLIENT, forbidden)}")


# -- what the sources import ----------------------------------------------------------------


@pytest.mark.parametrize("path", modules("core") + modules("client"), ids=module_name)
def test_the_core_and_client_import_no_pulumi_module_and_no_adapter(path: Path) -> None:
    bad = {name for name in imports(path) if within(name, PULUMI + ADAPTERS)}
    assert bad == set()


@pytest.mark.parametrize("path", modules("client"), ids=module_name)
def test_the_client_knows_nothing_of_the_campaign_logic(path: Path) -> None:
    assert {name for name in imports(path) if within(name, ("pulumi_cozmox.core",))} == set()


def upward_imports() -> list[str]:
    """``module -> imported module`` for every import of a higher layer of the core."""
    found = []
    for path in modules("core"):
        mine = layer(module_name(path))
        if mine is None:
            continue
        for name in sorted(imports(path)):
            theirs = layer(name)
            if theirs is not None and theirs > mine:
                found.append(f"{module_name(path)} -> {name}")
    return found


def test_the_core_layers_import_downwards_only() -> None:
    assert {layer(module_name(p)) for p in modules("core")} >= set(range(len(LAYERS)))
    assert upward_imports() == []


def test_the_import_reader_sees_relative_and_lazy_imports(tmp_path: Path) -> None:
    """The checks above are not blind: an upward import written relatively inside a function,
    and ``from .. import provider``, are found."""
    probe = tmp_path / "pulumi_cozmox" / "core" / "model" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text("def f():\n    from ..engine import service\n    from ... import provider\n")
    found = imports(probe, tmp_path / "pulumi_cozmox")
    assert {"pulumi_cozmox.core.engine.service", "pulumi_cozmox.provider"} <= found
    assert layer("pulumi_cozmox.core.engine.service") == LAYERS.index("engine")


def test_the_adapters_meet_the_logic_only_in_the_run() -> None:
    """The dynamic provider and the plugin call the Run; what else they import from the
    core is vocabulary (field names, config keys, the customers' encoding), never a hook."""
    hooks = {
        "pulumi_cozmox.core.engine.create",
        "pulumi_cozmox.core.plan.change",
        "pulumi_cozmox.core.engine.guard",
        "pulumi_cozmox.core.plan.refresh",
        "pulumi_cozmox.core.report.build",
    }
    for path in [PACKAGE / "provider.py", *modules("native")]:
        assert imports(path) & hooks == set(), path.name
    assert "pulumi_cozmox.core.engine.run" in imports(PACKAGE / "provider.py")
    assert "pulumi_cozmox.core.engine.run" in imports(PACKAGE / "native" / "server.py")


def test_the_core_handles_no_transport_object() -> None:
    """The client answers with models and errors and owns every retry: nothing in the core
    (any depth) imports the HTTP library."""
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        assert {n for n in imports(path) if within(n, ("httpx", "httpcore"))} == set(), path


def test_the_emulator_shares_no_rule_with_the_provider() -> None:
    """The emulator is the oracle the provider is tested against: of the package it uses only
    the shared utilities (the derived schemas, the JSON helpers), never the core's rules."""
    allowed = ("pulumi_cozmox._schema", "pulumi_cozmox._json", "pulumi_cozmox.emulator")
    for path in modules("emulator"):
        own = {n for n in imports(path) if within(n, ("pulumi_cozmox",))}
        assert {n for n in own if not within(n, allowed)} == set(), path


EMULATOR = [module_name(p) for p in modules("emulator")]
#: What of the package the emulator may load: its own modules, the shared utilities and the
#: package's face (whose names are lazy: loading it loads nothing of the core).
EMULATOR_MAY_LOAD = (
    "pulumi_cozmox.emulator",
    "pulumi_cozmox._schema",
    "pulumi_cozmox._json",
    "pulumi_cozmox.schemas",
    "pulumi_cozmox._version",
)


def test_loading_the_emulator_loads_no_rule_of_the_provider() -> None:
    """What the emulator's modules load, at any depth (``_json`` and ``_schema`` included):
    nothing of the core, the client or an adapter, however the shared utilities import."""
    assert len(EMULATOR) > 10  # the folder was found
    loaded = {m for m in loaded_by(*EMULATOR) if within(m, ("pulumi_cozmox",))}
    assert set(EMULATOR) <= loaded
    assert {m for m in loaded if not within(m, EMULATOR_MAY_LOAD)} == {"pulumi_cozmox"}


def face_names() -> set[str]:
    """The names of the package's face (``pulumi_cozmox.__all__``, read from its source)."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return {ast.literal_eval(e) for e in node.value.elts}  # type: ignore[attr-defined]
    raise AssertionError("no __all__ in pulumi_cozmox/__init__.py")


@pytest.mark.parametrize("path", modules("core") + modules("client"), ids=module_name)
def test_the_core_and_client_take_nothing_from_the_package_face(path: Path) -> None:
    """The face's names are lazy doors into the whole core (and the Pulumi SDK): the core and
    the client import what they need from its home (``_version`` for ``__version__``)."""
    face = {f"pulumi_cozmox.{name}" for name in face_names()}
    assert len(face) > 10 and "pulumi_cozmox.__version__" in face
    assert imports(path) & face == set()


def test_loading_the_api_client_loads_nothing_of_the_core() -> None:
    loaded = loaded_by("pulumi_cozmox.client.api")
    assert "pulumi_cozmox.client.api" in loaded
    assert {m for m in loaded if within(m, ("pulumi_cozmox.core", *PULUMI, *ADAPTERS))} == set()


@pytest.mark.parametrize("path", modules("core"), ids=module_name)
def test_the_core_leaves_the_garbage_collector_to_the_doors(path: Path) -> None:
    """The collector is paused once per hook, at each door's outermost place (the plugin's
    handlers, the dynamic provider's methods, ``read_customers``, the pack): a pause or a
    freeze inside the core would be a second one, or run where no door asked."""
    assert {n for n in imports(path) if n == "gc" or n.endswith(".gc_paused")} == set()


# -- I/O at the edges -----------------------------------------------------------------------

#: The layers below the engine: values and rules, no I/O (the engine and the adapters read and
#: write files and run commands, and hand these layers what they read).
PURE_LAYERS = LAYERS[: LAYERS.index("engine")]
#: Modules that run commands or touch the file system.
IO_MODULES = ("subprocess", "shutil", "os", "pathlib", "tempfile", "io.open", "glob")
#: Methods that read or write a file (``Path.read_bytes()``, ``path.open()``, ...).
IO_METHODS = {
    "read_bytes",
    "read_text",
    "write_bytes",
    "write_text",
    "open",
    "mkdir",
    "unlink",
    "touch",
    "exists",
    "is_file",
    "iterdir",
}


def io_calls(path: Path, package: Path = PACKAGE) -> list[str]:
    """What in ``path``'s source does I/O: an import of an I/O module, a call of ``open`` or of
    a file method, each as ``line: what``."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for name in sorted(imports(path, package)):
        if within(name, IO_MODULES):
            found.append(f"imports {name}")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open":
            found.append(f"{node.lineno}: open()")
        elif isinstance(func, ast.Attribute) and func.attr in IO_METHODS:
            found.append(f"{node.lineno}: .{func.attr}()")
    return found


def pure_modules() -> list[Path]:
    return [p for layer_ in PURE_LAYERS for p in modules(f"core/{layer_}")]


@pytest.mark.parametrize("path", pure_modules(), ids=module_name)
def test_the_layers_below_the_engine_do_no_io(path: Path) -> None:
    """Files are read and written, and ``sops`` is run, at the edges (the engine's
    ``sops_io``, ``customers_io`` and ``rule_files``, the adapters): the model, the rules, the
    plan and the report work on what they are given."""
    assert io_calls(path) == []


def test_the_io_reader_sees_commands_and_files(tmp_path: Path) -> None:
    """The check above is not blind: a subprocess, an ``open`` and a ``Path.read_bytes`` in a
    function are found."""
    probe = tmp_path / "pulumi_cozmox" / "core" / "model" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text("def f(p):\n    import subprocess\n    open(p)\n    return p.read_bytes()\n")
    found = io_calls(probe, tmp_path / "pulumi_cozmox")
    assert found == ["imports subprocess", "3: open()", "4: .read_bytes()"]


def test_loading_the_layers_below_the_engine_loads_no_command_runner() -> None:
    names = [module_name(p) for p in pure_modules()]
    loaded = loaded_by(*names)
    assert set(names) <= loaded
    assert "subprocess" not in loaded


@pytest.mark.parametrize("path", modules("core/rules"), ids=module_name)
def test_the_rules_know_nothing_of_the_client(path: Path) -> None:
    """The rules are pure judgements: settings, errors for the person running Pulumi and the
    API are the engine's (``rule_files`` reads the settings and raises ConfigurationError)."""
    assert {n for n in imports(path) if within(n, ("pulumi_cozmox.client",))} == set()


@pytest.mark.parametrize("path", modules("core"), ids=module_name)
def test_the_core_leaves_the_projects_requirements_to_the_adapters(path: Path) -> None:
    """``requirements.txt`` is the project's, written or checked by the adapter that asked
    (`pulumi import` in the plugin, the export): the engine says what the project needs."""
    assert {n for n in imports(path) if within(n, ("pulumi_cozmox._pin",))} == set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    named = [n for n in ast.walk(tree) if getattr(n, "value", None) == "requirements.txt"]
    assert named == []
