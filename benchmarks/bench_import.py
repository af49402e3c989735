"""Benchmark start-up: what ``import communique`` and ``communique --version`` cost.

Each command runs in a fresh interpreter ``--repeat`` times and the median wall time is
kept; figures are ratios to yardsticks run in the same process of this script, so they
carry across machines of different speed:

- ``python -c "import json"`` and ``python -c "pass"``: the interpreter's own start-up;
- ``--against DIR``: the same import from another checkout's ``src`` (e.g. a clone of an
  older main), to state a change as "N times the old cost".

Byte code is cached in a temporary folder and warmed by one untimed run, as for an
installed package. The import alone (inside the interpreter, ``time.perf_counter`` around
the import statement) is printed too, as it is what a library user pays.

Run: ``python benchmarks/bench_import.py [--against ../old-main]`` from the repository
root, with ``communique`` importable.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMPORT_TIMER = (
    "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
)


#: Byte code is cached as an installed package has it (a machine may set
#: PYTHONDONTWRITEBYTECODE, which would time the compiler instead of the import).
PYCACHE = tempfile.mkdtemp(prefix="bench-import-pycache-")


def _env(src: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return env


def wall(argv: list[str], repeat: int, src: Path | None = None) -> float:
    """Median wall time of running ``argv`` in a fresh process."""
    times = []
    subprocess.run(argv, check=True, capture_output=True, env=_env(src))  # warm the cache
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=_env(src))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_only(module: str, repeat: int, src: Path | None = None) -> float:
    """Median time of the import statement alone, in a fresh interpreter each time."""
    code = IMPORT_TIMER.format(module=module)
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code],
                check=True,
                capture_output=True,
                text=True,
                env=_env(src),
            ).stdout
        )
        for _ in range(repeat)
    ]
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per command (median)")
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    args = parser.parse_args()
    python = sys.executable
    cli = [
        python,
        "-c",
        "import sys; from communique.cli import main; sys.argv[1:] = ['--version']; main()",
    ]
    rows = {
        'python -c "pass"': wall([python, "-c", "pass"], args.repeat),
        'python -c "import json"': wall([python, "-c", "import json"], args.repeat),
        'python -c "import communique"': wall([python, "-c", "import communique"], args.repeat),
        "communique --version": wall(cli, args.repeat),
    }
    json_process = rows['python -c "import json"']
    print(f"process wall time, median of {args.repeat} (ratio to import json):")
    for name, seconds in rows.items():
        print(f"  {name:34} {seconds * 1000:7.1f} ms  {seconds / json_process:5.2f}x")
    own = import_only("communique", args.repeat)
    json_import = import_only("json", args.repeat)
    print("the import statement alone:")
    print(f"  {'import communique':34} {own * 1000:7.1f} ms")
    print(f"  {'import json':34} {json_import * 1000:7.1f} ms")
    if args.against is not None:
        src = args.against.resolve() / "src"
        old_process = wall([python, "-c", "import communique"], args.repeat, src)
        old = import_only("communique", args.repeat, src)
        label = 'python -c "import communique"'
        print(f"against {args.against}:")
        print(
            f"  {label:34} {old_process * 1000:7.1f} ms  {old_process / json_process:5.2f}x;"
            f" this checkout takes {rows[label] / old_process:.2f}x of it"
        )
        print(
            f"  {'import communique':34} {old * 1000:7.1f} ms;"
            f" this checkout takes {own / old:.2f}x of it"
        )


if __name__ == "__main__":
    main()
