"""Every emulator control the documentation names is one the emulator serves, with the method
it gives (issue 23: the README once sent readers to the request journal under a name that
answered 404), and docs/emulator.md lists every control there is."""

from __future__ import annotations

import re
from pathlib import Path

from pulumi_cozmox.emulator.control import control_routes
from pulumi_cozmox.emulator.state import EmulatorState
from pulumi_cozmox.emulator.store import Store
from tests.conftest import Emulator

REPO = Path(__file__).resolve().parents[2]
#: ``GET /__emulator/requests``, or a bare ``/__emulator/clock`` (then GET is meant).
MENTION = re.compile(r"(?:\b(GET|POST|PUT|PATCH|DELETE)\s+)?(/__emulator/[A-Za-z0-9_\-/]+)")


def mentions(text: str) -> set[tuple[str, str]]:
    """The (method, path) pairs ``text`` names; ``/__emulator/`` alone names the namespace."""
    return {(method or "GET", path.rstrip("/")) for method, path in MENTION.findall(text)}


def documents() -> dict[str, str]:
    files = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    return {str(f.relative_to(REPO)): f.read_text(encoding="utf-8") for f in files}


def test_every_control_the_docs_name_answers(emulator: Emulator) -> None:
    named = {(m, p, doc) for doc, text in documents().items() for m, p in mentions(text)}
    assert len(named) >= 15  # docs/emulator.md lists them all
    wrong = []
    with emulator.api() as http:
        for method, path, doc in sorted(named):
            # No body: a control that needs one answers 400, which is served all the same.
            status = http.request(method, path).status_code
            if status in (404, 405):
                wrong.append(f"{doc}: {method} {path} answered {status}")
    assert wrong == []


def test_the_emulator_doc_lists_every_control() -> None:
    routes = control_routes(EmulatorState(Store(":memory:")))
    served = {(m, r.path) for r in routes for m in r.methods or () if m != "HEAD"}
    assert served - mentions((REPO / "docs" / "emulator.md").read_text()) == set()
