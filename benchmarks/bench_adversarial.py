"""Benchmark parse() on adversarial text: CPU time as a ratio to clean news of the same size.

Each rule family's worst case (``tests/adversarial.py``) at ``--size`` characters (1 MB by
default) is parsed once, and its CPU time divided by that of clean news of the same size
(the repository's seed articles, repeated), parsed in the same process. A linear parser
keeps every ratio near 1; the target is at most 3. The clean parse is also given as a
multiple of a ``regex.finditer(r"\\w+")`` word scan of the same text, which carries across
machines.

Run: ``python benchmarks/bench_adversarial.py`` from the repository root (with ``src``
importable, e.g. ``PYTHONPATH=src``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the inputs live with the tests that use them

from tests.adversarial import FAMILIES, clean_news  # noqa: E402

from communique import parse  # noqa: E402

TARGET_RATIO = 3.0


def cpu_seconds(text: str) -> float:
    """The CPU time of one parse of ``text``."""
    start = time.process_time()
    parse(text)
    return time.process_time() - start


def word_scan(text: str) -> float:
    """The yardstick of the yardstick: one ``regex.finditer(r"\\w+")`` pass over ``text``."""
    start = time.process_time()
    for _ in regex.finditer(r"\w+", text):
        pass
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    """Print each family's ratio; return 1 when the worst is above the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per input")
    parser.add_argument("--only", help="time only the families whose name contains this")
    args = parser.parse_args(argv)
    clean = clean_news(args.size)
    parse(clean[:5000])  # lexicons loaded, patterns compiled
    yardstick = cpu_seconds(clean)
    print(
        f"clean news, {args.size:,} characters: {yardstick:.2f} s CPU, "
        f"{yardstick / word_scan(clean):.0f}x a regex word scan"
    )
    worst = 0.0
    for name, build in FAMILIES.items():
        if args.only and args.only not in name:
            continue
        seconds = cpu_seconds(build(args.size))
        worst = max(worst, seconds / yardstick)
        print(f"  {seconds / yardstick:5.2f}x  {seconds:6.2f} s  {name}")
    print(f"worst ratio {worst:.2f} (target at most {TARGET_RATIO:.0f})")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
