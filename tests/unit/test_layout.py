"""The package layout holds its promises: the core (and the client under it) import no Pulumi
module, and each adapter reaches the logic only through the core."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "provider" / "pulumi_cozmox"


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth (lazy imports in functions included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).glob("*.py"))


def outside(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


PULUMI = ("pulumi", "grpc", "google.protobuf")
ADAPTERS = ("pulumi_cozmox.provider", "pulumi_cozmox._resource", "pulumi_cozmox.native")


@pytest.mark.parametrize("path", modules("core") + modules("client"), ids=lambda p: p.stem)
def test_the_core_and_client_import_no_pulumi_module_and_no_adapter(path: Path) -> None:
    bad = {name for name in imports(path) if outside(name, PULUMI + ADAPTERS)}
    assert bad == set()


@pytest.mark.parametrize("path", modules("client"), ids=lambda p: p.stem)
def test_the_client_knows_nothing_of_the_campaign_logic(path: Path) -> None:
    assert {name for name in imports(path) if outside(name, ("pulumi_cozmox.core",))} == set()


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
        assert {n for n in imports(path) if outside(n, ("httpx", "httpcore"))} == set(), path


def test_the_emulator_shares_no_rule_with_the_provider() -> None:
    """The emulator is the oracle the provider is tested against: of the package it uses only
    the shared utilities (the derived schemas, the JSON helpers), never the core's rules."""
    allowed = ("pulumi_cozmox._schema", "pulumi_cozmox._json")
    for path in modules("emulator"):
        own = {n for n in imports(path) if outside(n, ("pulumi_cozmox",))}
        assert {n for n in own if not outside(n, allowed)} == set(), path
