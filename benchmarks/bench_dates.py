"""Benchmark communique.find_dates on TempEval-3 (te3-train): quality and throughput.

Scores DATE expressions with the shared TempEval-3 scorer (``../shared/eval/dates.py``:
strict and relaxed span P/R/F1, value accuracy, value F1 = relaxed F1 x value accuracy)
and measures documents per second on one core (single process, best of ``--repeat`` timed
passes after a warm-up pass). Skips, with a message, when ``../shared`` is absent.

Run: ``python benchmarks/bench_dates.py`` from the repository root (with ``src`` importable,
e.g. after ``pip install -e .`` or with ``PYTHONPATH=src``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from communique.parser.dates import find_dates

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "eval" / "dates.py"
DATA = SHARED / "corpus" / "te3-train"


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("te3_dates_scorer", SCORER)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the scorer {SCORER}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def system(text: str, dct: dt.datetime) -> Iterator[tuple[int, int, str]]:
    """The scorer's system interface over :func:`communique.find_dates`."""
    for mention in find_dates(text, dct):
        yield mention.span.start, mention.span.end, mention.date.value


def main(argv: list[str] | None = None) -> int:
    """Print the TempEval-3 DATE figures and the throughput; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed passes (best is kept)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N error lines")
    args = parser.parse_args(argv)
    if not SCORER.is_file() or not DATA.is_dir():
        print(f"SKIP: {SHARED} (TempEval-3 data and scorer) is absent; nothing to measure.")
        return 0
    scorer = _load_scorer()
    docs: list[Any] = scorer.load_docs([str(DATA)])
    outputs = [list(system(doc.text, doc.dct)) for doc in docs]  # warm-up and the output
    best = float("inf")
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        for doc in docs:
            find_dates(doc.text, doc.dct)
        best = min(best, time.perf_counter() - start)
    metrics, errors = scorer.score(docs, outputs, [best / len(docs)] * len(docs))
    chars = sum(len(doc.text) for doc in docs)
    print(
        f"te3-train: {len(docs)} documents, {metrics['gold']} gold DATE expressions, "
        f"{metrics['system']} found"
    )
    for name in ("strict", "relaxed", "value"):
        p, r, f1 = (100 * metrics[f"{name}_{key}"] for key in ("P", "R", "F1"))
        print(f"  {name:8} P {p:6.2f}  R {r:6.2f}  F1 {f1:6.2f}")
    print(f"  value accuracy {100 * metrics['value_acc']:.2f} (of relaxed matches)")
    print(
        f"  throughput {len(docs) / best:8.1f} docs/s  {chars / 1000 / best:8.1f} kchars/s "
        f"(one core, best of {args.repeat})"
    )
    for error in errors[: args.errors]:
        print("   ", "\t".join(str(x) for x in error))
    return 0


if __name__ == "__main__":
    sys.exit(main())
