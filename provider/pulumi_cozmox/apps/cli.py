"""The ``pulumi-cozmox`` command: parses the options, hands each subcommand to its module and
prints the outcome.

Subcommands:

- ``validate FILE.json`` (``-`` for standard input; ``--update`` for a PATCH body): exit 0 and
  print nothing when the campaign is valid; exit 1 and print one ``PATH: MESSAGE`` line per
  problem when it is not; exit 2 when the file cannot be read or is not JSON.
- ``review [FILE.json|-]`` (default ``-``): read ``pulumi preview --json`` output and print one
  GitHub Markdown comment (see :mod:`pulumi_cozmox.apps.review`); exit 0 when written, 1 when the
  preview failed (the comment then quotes its errors, masked), 2 when the input cannot be read
  or is not a preview document. ``--drift``: the preview is a nightly drift check (``pulumi
  preview --refresh --expect-no-changes --json``); exit 1 on drift, 0 when there is none.
  ``--preview-exit N``: the preview's exit status; a failure the JSON does not show fails the
  review (exit 1).
- ``export``: write the org's campaigns as a Pulumi project that takes them over (see
  :mod:`pulumi_cozmox.apps.export`); exit 0 when written, 1 when it could not be.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def _read_json(file: str) -> tuple[Any, int]:
    """(the document in ``file``, or ``-`` for stdin; EXIT_OK), or (None, EXIT_USAGE) after
    saying why on stderr."""
    name = "<stdin>" if file == "-" else file
    try:
        if file == "-":
            text = sys.stdin.read()
        else:
            with open(file, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"pulumi-cozmox: cannot read {name}: {exc}", file=sys.stderr)
        return None, EXIT_USAGE
    try:
        return json.loads(text), EXIT_OK
    except json.JSONDecodeError as exc:
        print(
            f"pulumi-cozmox: {name} is not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            file=sys.stderr,
        )
        return None, EXIT_USAGE


def _validate(args: argparse.Namespace) -> int:
    from pulumi_cozmox.core.rules.validation import validate_campaign, validate_update

    body, code = _read_json(args.file)
    if code != EXIT_OK:
        return code
    problems = validate_update(body) if args.update else validate_campaign(body)
    for problem in problems:
        print(problem)
    return EXIT_INVALID if problems else EXIT_OK


def _review(args: argparse.Namespace) -> int:
    from pulumi_cozmox.apps.review import is_preview, review

    document, code = _read_json(args.file)
    if code != EXIT_OK:
        return code
    if not is_preview(document):
        print(
            "pulumi-cozmox: not `pulumi preview --json` output (no steps, no diagnostics)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from pathlib import Path

    from pulumi_cozmox.apps.stack_rules import review_rules

    rules = review_rules(document, Path(args.cwd), args.base_ref)
    result = review(document, drift=args.drift, preview_exit=args.preview_exit, rules=rules)
    sys.stdout.write(result.markdown)
    return result.exit_code


def _export(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from pulumi_cozmox._pin import default_requirement
    from pulumi_cozmox.apps.export import export_campaigns
    from pulumi_cozmox.client.api import CozmoxClient
    from pulumi_cozmox.client.errors import CozmoxError
    from pulumi_cozmox.client.settings import resolve_settings

    out = Path(args.out)
    try:
        requirement = args.requirement or default_requirement()
        with CozmoxClient(resolve_settings({}, os.environ)) as client:
            done = export_campaigns(
                client,
                out,
                fmt=args.format,
                ids=args.id or [],
                statuses=args.status or [],
                project=args.project or out.resolve().name,
                virtualenv=args.virtualenv,
                requirement=requirement,
            )
    except (CozmoxError, OSError, ValueError) as exc:
        print(f"pulumi-cozmox export: {exc}", file=sys.stderr)
        return EXIT_INVALID
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(done.by_status.items())) or "none"
    print(
        f"exported {done.campaigns} campaign{'' if done.campaigns == 1 else 's'} "
        f"({statuses}; {done.customers:,} customers) "
        f"to {out} as a {args.format} project; requirements.txt: {done.requirement}"
    )
    if done.encrypted:
        print(
            f"{len(done.encrypted)} customers files encrypted with SOPS (a .sops.yaml creation "
            "rule applies): commit them; CI decrypts them with its key (SOPS_AGE_KEY_FILE, ...)"
        )
    if done.plain:
        print(
            f"warning: {len(done.plain)} customers files under {out}/customers/ hold personal "
            "data in plain text (numbers, names, emails); .gitignore keeps them out of git, so "
            "CI cannot read them: encrypt them with SOPS (a .sops.yaml creation rule, then "
            "`sops encrypt -i FILE`; see pulumi-cozmox docs/sops.md)",
            file=sys.stderr,
        )
    if done.campaigns:
        print("`pulumi up` in the project takes the campaigns over: nothing is created or dialed.")
    return EXIT_OK


def _add_export(commands: Any) -> None:
    """The ``export`` subcommand's options (``commands``: the parser's subparsers)."""
    export = commands.add_parser(
        "export",
        help="write an org's campaigns as a Pulumi project that takes them over",
        description="Read the org's campaigns (COZMOX_API_KEY, COZMOX_BASE_URL) and write a "
        "Pulumi project declaring them, each customer list in a file of its own under "
        "customers/. `pulumi up` there adopts them (no POST, no PATCH); the next preview is "
        "a no-op.",
    )
    export.add_argument("--format", choices=("python", "yaml"), default="python")
    export.add_argument("--out", default="cozmox-export", help="the project folder to write")
    export.add_argument(
        "--id", action="append", metavar="ID", help="export this campaign (repeatable)"
    )
    export.add_argument(
        "--status",
        action="append",
        choices=("scheduled", "in-progress", "ended"),
        help="export the campaigns in this status (repeatable)",
    )
    export.add_argument("--project", help="the Pulumi project name (default: the folder's)")
    export.add_argument(
        "--virtualenv",
        default="venv",
        help="the Python project's virtualenv, relative to the project, in Pulumi.yaml "
        "(default: %(default)s, where the example workflows install requirements.txt)",
    )
    export.add_argument(
        "--requirement",
        metavar="SPEC",
        help="the pinned reference requirements.txt installs pulumi-cozmox from: "
        "'pulumi-cozmox @ git+https://github.com/OWNER/pulumi-cozmox@v0.2.0', or a wheel URL "
        "with #sha256=... (default: the reference this version was installed from, else its "
        "release tag); never a bare name",
    )
    export.set_defaults(handler=_export)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pulumi-cozmox", description="Tools for Cozmox call campaigns."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser(
        "validate",
        help="check a campaign request body (JSON) before anything is sent",
        description="Check a Create Campaign body: exit 0 if valid, else 1 and one line per "
        "problem (PATH: MESSAGE); 2 if the file cannot be read or is not JSON.",
    )
    validate.add_argument("file", metavar="FILE.json", help="the request body, or - for stdin")
    validate.add_argument(
        "--update", action="store_true", help="check an Update Campaign (PATCH) body instead"
    )
    validate.set_defaults(handler=_validate)
    review = commands.add_parser(
        "review",
        help="write a pull-request comment (Markdown) from `pulumi preview --json` output",
        description="Read `pulumi preview --json` output and print one GitHub Markdown comment: "
        "a summary, warnings, one section per campaign. Exit 0 when written, 1 when the preview "
        "failed (the comment quotes its errors), 2 when the input is unreadable or no preview.",
    )
    review.add_argument(
        "file", metavar="FILE.json", nargs="?", default="-", help="the preview, or - for stdin"
    )
    review.add_argument(
        "--drift",
        action="store_true",
        help="the preview is a drift check (pulumi preview --refresh --expect-no-changes): "
        "report drift; exit 1 when there is some, 0 when there is none",
    )
    review.add_argument(
        "--preview-exit",
        type=int,
        metavar="N",
        help="the exit status of `pulumi preview`: when it is not 0 and the JSON names no "
        "error, the review says the preview failed and exits 1 (a workflow keeps the status "
        "and passes it on)",
    )
    review.add_argument(
        "--cwd",
        default=".",
        metavar="DIR",
        help="the Pulumi project's folder, where the stack's rule files are (default: here)",
    )
    review.add_argument(
        "--base-ref",
        metavar="REF",
        help="the pull request's base (a git ref): compare the stack's rules with those at "
        "REF (Pulumi.<stack>.yaml and the rule files it names, read with git) and flag each "
        "rule the change adds, removes, loosens or tightens",
    )
    review.set_defaults(handler=_review)
    _add_export(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    code: int = args.handler(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
