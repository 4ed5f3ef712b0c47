"""The plugin's SDKs in sdk/ are generated, not written: what scripts/pulumi-sdk.sh makes from the
package schema (pulumi-sdkgen, then tsc), byte for byte; the TypeScript SDK keeps the schema's
secrets secret, and the example takes it from a file, never from a registry.

Needs `make setup` (.tools/bin/pulumi-sdkgen, examples/typescript/node_modules); no network.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SDK = REPO / "sdk"
SDKGEN = REPO / ".tools" / "bin" / "pulumi-sdkgen"
SCHEMA = REPO / "provider" / "pulumi_cozmox" / "native" / "schema.json"
TS_EXAMPLE = REPO / "examples" / "typescript"


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def generate(*args: str) -> None:
    assert SDKGEN.exists(), "pulumi-sdkgen not built: run `make setup`"
    subprocess.run([str(SDKGEN), "-schema", str(SCHEMA), *args], check=True, capture_output=True)


def test_the_committed_sdks_are_what_the_schema_generates(tmp_path: Path) -> None:
    proc = subprocess.run(
        [str(REPO / "scripts" / "pulumi-sdk.sh"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    fresh, committed = tree(tmp_path), tree(SDK)
    assert "nodejs/bin/campaign.js" in fresh and "go/cozmox/campaign.go" in fresh
    stale = sorted(n for n in fresh.keys() | committed.keys() if fresh.get(n) != committed.get(n))
    assert stale == [], f"sdk/ is stale (run make sdk): {stale}"


def test_regenerating_rewrites_only_what_changed(tmp_path: Path) -> None:
    """`make sdk` twice changes nothing: an unchanged file keeps its time (so make and npm see
    no change); an edited file is restored, a file no longer generated removed, the compiled
    bin/ left to the compile step."""
    generate("-language", "nodejs", "-out", str(tmp_path))
    index, campaign = tmp_path / "index.ts", tmp_path / "campaign.ts"
    written = index.stat().st_mtime_ns
    generated = campaign.read_text()
    campaign.write_text("// edited by hand\n")
    (tmp_path / "gone.ts").write_text("export {};\n")
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "index.js").write_text("compiled\n")
    generate("-language", "nodejs", "-out", str(tmp_path))
    assert index.stat().st_mtime_ns == written
    assert campaign.read_text() == generated
    assert not (tmp_path / "gone.ts").exists()
    assert (tmp_path / "bin" / "index.js").read_text() == "compiled\n"


def test_the_typescript_sdk_marks_every_secret_of_the_schema() -> None:
    schema = json.loads(SCHEMA.read_text())
    campaign = schema["resources"]["cozmox:index:Campaign"]
    secret_outputs = sorted(k for k, v in campaign["properties"].items() if v.get("secret"))
    secret_inputs = sorted(k for k, v in campaign["inputProperties"].items() if v.get("secret"))
    assert "customers" in secret_inputs
    compiled = (SDK / "nodejs" / "bin" / "campaign.js").read_text()
    marked = re.search(r"additionalSecretOutputs: (\[.*?\])", compiled)
    assert marked is not None
    assert sorted(json.loads(marked.group(1))) == secret_outputs
    for name in secret_inputs:  # the input itself, wrapped before it reaches the engine
        assert f'resourceInputs["{name}"] = args?.{name} ? pulumi.secret(args.{name})' in compiled


def test_the_sdk_comes_from_a_file_never_from_a_registry() -> None:
    """@cozmox/pulumi is on no registry: whoever registered the name there would run code in a
    job that holds the API key. The example names the SDK's folder, its lock file a file."""
    sdk_package = json.loads((SDK / "nodejs" / "bin" / "package.json").read_text())
    assert sdk_package["name"] == "@cozmox/pulumi"
    package = json.loads((TS_EXAMPLE / "package.json").read_text())
    assert package["dependencies"]["@cozmox/pulumi"] == "file:../../sdk/nodejs/bin"
    lock = json.loads((TS_EXAMPLE / "package-lock.json").read_text())
    entry = lock["packages"]["node_modules/@cozmox/pulumi"]
    assert entry["resolved"] == "file:../../sdk/nodejs/bin"
    assert "install-links=true" in (TS_EXAMPLE / ".npmrc").read_text().splitlines()
