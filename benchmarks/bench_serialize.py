"""Throughput and peak memory of JSON Lines reading, writing and validation.

Builds a dataset of copies of a real gold Document (or of the bundled seed article parsed,
when ../shared is absent), then measures, side by side in one run:

* ``read_jsonl`` (parse + structure into records) against plain ``json.loads`` per line;
* ``write_jsonl`` against plain ``json.dumps`` of the same dicts;
* ``validate`` (schema + invariants + limits) per document, as parsed JSON and as the
  bytes of a file (strict reading included, as ``communique validate`` does), each
  against plain ``json.loads`` of the same bytes, the yardstick;
* peak traced memory while streaming the whole file, against the size of one line, to show
  that reading is constant in the number of documents.

Run: python benchmarks/bench_serialize.py [--documents N]
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import time
import tracemalloc
from pathlib import Path

import communique
from communique.serialize import dumps_line

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold" / "limited-times-2023-02-15-unconditional-negotiations.json"
SEED = ROOT / "seeds" / "limited-times-2023-02-15-unconditional-negotiations.txt"


def sample() -> communique.Document:
    """A realistic Document: the seed gold file, or the seed article parsed."""
    if GOLD.exists():
        return communique.loads(GOLD.read_text("utf-8"))
    print(f"note: {GOLD} is absent; using the parsed seed article instead")
    return communique.parse(SEED.read_text("utf-8"))


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:10.1f} docs/s"


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000, help="dataset size")
    count = parser.parse_args().documents

    document = sample()
    line = dumps_line(document)
    print(f"dataset: {count} documents of {len(line.encode()) / 1024:.1f} KiB each")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dataset.jsonl"
        started = time.perf_counter()
        with path.open("w", encoding="utf-8") as stream:
            communique.write_jsonl((document for _ in range(count)), stream)
        write_s = time.perf_counter() - started
        plain = communique.to_dict(document)
        started = time.perf_counter()
        sink = io.StringIO()
        for _ in range(count):
            sink.write(json.dumps(plain, ensure_ascii=False) + "\n")
        plain_write_s = time.perf_counter() - started

        started = time.perf_counter()
        with path.open("rb") as stream:
            read = sum(1 for _ in communique.read_jsonl(stream))
        read_s = time.perf_counter() - started
        started = time.perf_counter()
        with path.open("rb") as stream:
            for raw in stream:
                json.loads(raw)
        plain_read_s = time.perf_counter() - started

        tracemalloc.start()
        with path.open("rb") as stream:
            for _ in communique.read_jsonl(stream):
                pass
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        file_mib = path.stat().st_size / 2**20

    checked = max(1, count // 10)
    raw = line.encode("utf-8")
    strict = hasattr(communique, "Limits")  # older versions read with json.loads
    started = time.perf_counter()
    for _ in range(checked):
        json.loads(raw)
    yardstick_s = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(checked):
        communique.validate(plain)
    validate_s = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(checked):
        assert not communique.validate(raw if strict else json.loads(raw))
    validate_text_s = time.perf_counter() - started
    reading_s = 0.0
    if strict:
        from communique.strict_json import read_json

        started = time.perf_counter()
        for _ in range(checked):
            read_json(raw)
        reading_s = time.perf_counter() - started

    assert read == count
    print(
        f"write_jsonl      {rate(count, write_s)}   json.dumps {rate(count, plain_write_s)}"
        f"   ratio {write_s / plain_write_s:5.1f}x"
    )
    print(
        f"read_jsonl       {rate(count, read_s)}   json.loads {rate(count, plain_read_s)}"
        f"   ratio {read_s / plain_read_s:5.1f}x"
    )
    if strict:
        print(
            f"read_json        {rate(checked, reading_s)}   json.loads "
            f"{rate(checked, yardstick_s)}   ratio {reading_s / yardstick_s:5.1f}x   (strict)"
        )
    print(
        f"validate(dict)   {rate(checked, validate_s)}   json.loads {rate(checked, yardstick_s)}"
        f"   ratio {validate_s / yardstick_s:5.1f}x"
    )
    print(
        f"validate(bytes)  {rate(checked, validate_text_s)}   json.loads "
        f"{rate(checked, yardstick_s)}   ratio {validate_text_s / yardstick_s:5.1f}x"
        f"   ({'strict reading' if strict else 'json.loads'} + schema + invariants)"
    )
    print(
        f"streaming memory peak {peak / 2**20:.1f} MiB for a {file_mib:.1f} MiB file "
        f"({peak / len(line.encode()):.0f}x one line)"
    )


if __name__ == "__main__":
    main()
