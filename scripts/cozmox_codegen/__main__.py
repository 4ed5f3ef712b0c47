"""``python -m cozmox_codegen``: write (or, with ``--check``, compare) the generated files.

The OpenAPI document -> ``schema/<root>.schema.json`` (with the repair report) -> the
TypedDicts of ``provider/pulumi_cozmox/types.py`` and the native plugin's Pulumi package schema
``provider/pulumi_cozmox/native/schema.json``; the Campaign's field table -> the Python
resource's arguments (``provider/pulumi_cozmox/_args.py``), the core's typed campaign
attributes (``provider/pulumi_cozmox/core/model/campaign_fields.py``), the package schema's
resource and ``docs/campaign.md``. Paths default to this source tree.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if __name__ == "__main__":
    # Run as a build step, the field table is read from this source tree (it may not be
    # installed yet); imported by the tests, from the installed package they exercise.
    sys.path.insert(0, str(REPO / "provider"))

from cozmox_codegen import pulumischema, resource, schema, typeddicts  # noqa: E402
from pulumi_cozmox._version import __version__  # noqa: E402

#: The root schema the TypedDicts are read from (its ``$defs`` hold every nested object).
TYPES_SOURCE = "CreateCampaignDTO"


def outputs(
    openapi_path: Path,
    schema_dir: Path,
    types_path: Path,
    package_path: Path,
    args_path: Path,
    docs_path: Path,
    fields_path: Path,
) -> tuple[dict[Path, str], str]:
    """Each file's path and generated text, and a summary (repair report, sizes, times)."""
    openapi = json.loads(openapi_path.read_text(encoding="utf-8"))
    started = time.perf_counter()
    schemas, report = schema.generate(openapi, source=openapi_path.name)
    schemas_done = time.perf_counter()
    source = f"schema/{TYPES_SOURCE}.schema.json"
    types_text = typeddicts.generate(schemas[TYPES_SOURCE], source=source)
    types_done = time.perf_counter()
    package = pulumischema.generate(schemas[TYPES_SOURCE], version=__version__)
    package_text = pulumischema.dumps(package)
    files = {schema_dir / f"{name}.schema.json": schema.dumps(s) for name, s in schemas.items()}
    files[types_path] = types_text
    files[package_path] = package_text
    files[args_path] = resource.python_args()
    files[docs_path] = resource.docs_page()
    files[fields_path] = resource.campaign_fields()
    summary = report.lines()
    summary.append(f"JSON Schemas: {len(schemas)} files in {schemas_done - started:.2f} s")
    summary.append(
        f"TypedDicts: {types_text.count(chr(10))} lines, {len(types_text.encode()) / 1024:.0f} KB"
        f" in {types_done - schemas_done:.2f} s"
    )
    summary.append(
        f"Pulumi package schema: {len(package['types'])} types, "
        f"{len(package_text.encode()) / 1024:.0f} KB"
    )
    return files, "\n".join(summary)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m cozmox_codegen", description=__doc__)
    parser.add_argument(
        "--openapi",
        type=Path,
        default=REPO / "schema" / schema.OPENAPI_FILE,
        help="the OpenAPI document (default: schema/%(default)s)",
    )
    parser.add_argument(
        "--schema-dir", type=Path, default=REPO / "schema", help="JSON Schema output directory"
    )
    parser.add_argument(
        "--types",
        type=Path,
        default=REPO / "provider" / "pulumi_cozmox" / "types.py",
        help="TypedDict output module",
    )
    parser.add_argument(
        "--package-schema",
        type=Path,
        default=REPO / "provider" / "pulumi_cozmox" / "native" / "schema.json",
        help="the native plugin's Pulumi package schema",
    )
    parser.add_argument(
        "--resource-args",
        type=Path,
        default=REPO / "provider" / "pulumi_cozmox" / "_args.py",
        help="the Python resource's arguments and outputs",
    )
    parser.add_argument(
        "--fields-doc",
        type=Path,
        default=REPO / "docs" / "campaign.md",
        help="the reference page of the Campaign's fields",
    )
    parser.add_argument(
        "--campaign-fields",
        type=Path,
        default=REPO / "provider" / "pulumi_cozmox" / "core" / "model" / "campaign_fields.py",
        help="the typed attributes of the core's campaign value",
    )
    parser.add_argument("--check", action="store_true", help="fail if a file is stale")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    files, summary = outputs(
        args.openapi,
        args.schema_dir,
        args.types,
        args.package_schema,
        args.resource_args,
        args.fields_doc,
        args.campaign_fields,
    )
    stale: list[str] = []
    for path, text in files.items():
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    print(summary)
    if stale:
        print(f"stale: {', '.join(stale)} (run make schema)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
