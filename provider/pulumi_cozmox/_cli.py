"""The ``pulumi-cozmox`` command: dispatch only.

Subcommands:

- ``validate FILE.json`` (``-`` for standard input; ``--update`` for a PATCH body): exit 0 and
  print nothing when the campaign is valid; exit 1 and print one ``PATH: MESSAGE`` line per
  problem when it is not; exit 2 when the file cannot be read or is not JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def _validate(args: argparse.Namespace) -> int:
    from pulumi_cozmox._validation import validate_campaign, validate_update

    name = "<stdin>" if args.file == "-" else args.file
    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"pulumi-cozmox: cannot read {name}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        print(
            f"pulumi-cozmox: {name} is not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    problems = validate_update(body) if args.update else validate_campaign(body)
    for problem in problems:
        print(problem)
    return EXIT_INVALID if problems else EXIT_OK


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    code: int = args.handler(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
