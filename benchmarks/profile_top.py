"""The top costs of the profiles benchmarks/profiling/sitecustomize.py wrote.

Run: .venv/bin/python benchmarks/profile_top.py DIR [N]   (N functions by cumulative time)
"""

from __future__ import annotations

import pstats
import sys
from pathlib import Path


def main() -> None:
    folder = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    for path in sorted(folder.glob("*.prof")):
        print(f"== {path.name}")
        stats = pstats.Stats(str(path))
        stats.sort_stats("cumulative").print_stats(count)
        stats.sort_stats("tottime").print_stats(count // 2)


if __name__ == "__main__":
    main()
