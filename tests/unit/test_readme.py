"""The README is a front door that stays true: its links lead to pages that exist, its program
uses names the package has, its commands are targets and options that exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pulumi_cozmox

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def test_every_relative_link_leads_to_a_file_that_exists() -> None:
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name}: {target}"


def test_the_first_program_uses_what_the_package_exports() -> None:
    [program] = blocks(README, "python")
    tree = ast.parse(program)
    imported = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "pulumi_cozmox"
        for alias in node.names
    ]
    assert imported and all(name in pulumi_cozmox.__all__ for name in imported)
    [call] = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Campaign"
    ]
    given = {k.arg for k in call.keywords}
    assert {"name", "phone_number_id", "customers"} <= given


def test_the_commands_are_make_targets_that_exist() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    named = set(re.findall(r"`make ([a-z-]+)`", README)) | set(
        re.findall(r"^make ([a-z-]+)", README, re.M)
    )
    assert {"demo", "test"} <= named and named <= targets
