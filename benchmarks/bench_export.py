"""Speed of each export format, as a ratio to writing the same Documents as JSON Lines.

Takes every shared gold Document (or the bundled seed articles parsed, when ../shared is
absent), repeats the set to about --documents documents, and times in one run: the
yardstick, ``write_jsonl`` of the Documents (canonical JSON Lines), then each exporter
into memory. A ratio of 2.0 means the format takes twice as long as the yardstick.

Run: python benchmarks/bench_export.py [--documents N]
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable
from pathlib import Path

import communique
from communique.export import write_table
from communique.exporters.jsonld import write_graph
from communique.exporters.plover import write_plover
from communique.exporters.w3c import write_annotations

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"


def sample() -> list[communique.Document]:
    """The gold Documents, or the seed articles parsed."""
    if GOLD.is_dir():
        return [communique.loads(path.read_bytes()) for path in sorted(GOLD.glob("*.json"))]
    print(f"note: {GOLD} is absent; using the parsed seed articles instead")
    return [communique.parse(p.read_text("utf-8")) for p in (ROOT / "seeds").rglob("*.txt")]


def seconds(write: Callable[[], object]) -> float:
    """The best of three runs of ``write``."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        write()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500, help="dataset size, about")
    wanted = parser.parse_args().documents
    base = sample()
    documents = base * max(1, wanted // len(base))
    print(f"dataset: {len(documents)} documents")

    formats: dict[str, Callable[[], object]] = {
        "csv statements": lambda: write_table(documents, "statements", io.StringIO()),
        "csv events": lambda: write_table(documents, "events", io.StringIO()),
        "plover": lambda: write_plover(documents, io.StringIO()),
        "jsonld": lambda: write_graph(documents, io.StringIO()),
        "w3c": lambda: write_annotations(documents, io.StringIO()),
    }
    try:
        from communique.exporters.parquet import write_parquet

        formats["parquet events"] = lambda: write_parquet(documents, "events", io.BytesIO())
    except ImportError:
        print("note: pyarrow is absent; no parquet figure")
    try:
        import pandas  # noqa: F401

        formats["to_frames"] = lambda: communique.to_frames(documents)
    except ImportError:
        print("note: pandas is absent; no to_frames figure")

    yardstick = seconds(lambda: communique.write_jsonl(documents, io.StringIO()))
    print(f"{'write_jsonl (yardstick)':24} {len(documents) / yardstick:10.0f} docs/s   1.00")
    for name, write in formats.items():
        took = seconds(write)
        print(f"{name:24} {len(documents) / took:10.0f} docs/s {took / yardstick:6.2f}")


if __name__ == "__main__":
    main()
