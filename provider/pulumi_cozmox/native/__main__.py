"""``pulumi-resource-cozmox``: the native plugin the Pulumi CLI starts for ``cozmox:`` resources.

The CLI passes the engine's address as the first argument and reads the port the plugin
serves on from its first line of standard output (nothing else may be printed there).
"""

from __future__ import annotations

import sys

from pulumi_cozmox.native.server import serve


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    serve(args[0] if args else None)


if __name__ == "__main__":
    main()
