"""Benchmark the whole of communique.parse: throughput on news text, and adversarial input.

Throughput is kilobytes (UTF-8) of article text parsed per second on one core: a single
process, best of ``--repeat`` timed passes over the corpus after a warm-up pass. The corpus
is PolNeAR train and dev from ``../shared/corpus/polnear`` (plus the shared gold texts);
without ``../shared`` it falls back to the repository's ``seeds/``. The target is 200 KB/s.

Long texts: one article of 1 MB (the corpus texts joined) against one of its first 100 KB,
each parsed once (CPU time); the ratio is 10 when time grows linearly, and its target 12.

``--stages`` also prints the CPU time of each pipeline stage as a multiple of the word scan:
where the time goes.

Adversarial inputs check that time grows linearly: a megabyte of quote marks, of "said
said said", of curly quote pairs and of short quoted statements, each timed once.

Run: ``python benchmarks/bench_parse.py`` from the repository root (with ``src`` importable,
e.g. after ``pip install -e .`` or with ``PYTHONPATH=src``).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex

from communique import parse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TARGET_KB_PER_SECOND = 200.0
#: Issue 12: the whole parse at most this many times a regex word scan of the same texts.
TARGET_WORD_SCANS = 35.0
#: The stages of :func:`communique.parse`, as the pipeline module names them.
STAGES = (
    "read_article",
    "find_segments",
    "find_dates",
    "find_actors",
    "find_statements",
    "find_proposals",
    "find_events",
)
#: How much one 1 MB article may cost against one 100 KB article (linear would be 10).
TARGET_LONG_TEXT_RATIO = 12.0

ADVERSARIAL = {
    "1 MB of straight quote marks": '"' * 1_000_000,
    '1 MB of "said said said"': "said " * 200_000,
    "1 MB of curly quote pairs": "“a” " * 250_000,
    "1 MB of newspaper quote pairs": "''a'' " * 166_000,
    "1 MB of quoted statements": 'He said, "yes." ' * 62_500,
    "1 MB of one-line paragraphs": "Smith said:\n" * 83_000,
    "1 MB of a surname two people share": "John Smith spoke. Heidi Smith spoke. "
    + "They met Smith at noon. " * 41_000,
}


def corpus(limit: int | None) -> list[str]:
    """The texts to time: PolNeAR train + dev and the gold texts, or the seeds."""
    texts: list[str] = []
    polnear = SHARED / "corpus" / "polnear"
    for split in ("train", "dev"):
        folder = polnear / split / "text"
        if folder.is_dir():
            texts.extend(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    gold = SHARED / "gold"
    if gold.is_dir():
        for path in sorted(gold.glob("*.json")):
            texts.append(json.loads(path.read_text(encoding="utf-8"))["text"] or "")
    if not texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts[:limit] if limit else texts


def word_scan(texts: list[str], repeat: int) -> float:
    """The yardstick: the best time of one ``regex.finditer(r"\\w+")`` pass over the texts."""
    words = regex.compile(r"\w+")
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        for text in texts:
            for _ in words.finditer(text):
                pass
        best = min(best, time.perf_counter() - start)
    return best


def long_text_ratio(texts: list[str]) -> tuple[float, float] | None:
    """CPU seconds of one 100 KB and one 1 MB article made of the corpus texts joined."""
    joined = "\n\n".join(texts)
    if len(joined) < 1_000_000:
        return None
    times = []
    for size in (100_000, 1_000_000):
        start = time.process_time()
        parse(joined[:size])
        times.append(time.process_time() - start)
    return times[0], times[1]


def stage_times(texts: list[str]) -> dict[str, float]:
    """CPU seconds of each pipeline stage over one pass of the texts.

    Each stage function of :mod:`communique.parser.pipeline` is wrapped in a timer for the
    pass and restored after it.
    """
    from communique.parser import pipeline

    spent = dict.fromkeys(STAGES, 0.0)
    originals = {name: getattr(pipeline, name) for name in STAGES}

    def timed(name: str, stage: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return stage(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - start

        return run

    try:
        for name, stage in originals.items():
            setattr(pipeline, name, timed(name, stage))
        for text in texts:
            pipeline.parse(text)
    finally:
        for name, stage in originals.items():
            setattr(pipeline, name, stage)
    return spent


def main(argv: list[str] | None = None) -> int:
    """Print throughput and adversarial timings; return 1 when below the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (best is kept)")
    parser.add_argument("--limit", type=int, help="time only the first N texts")
    parser.add_argument("--no-adversarial", action="store_true", help="skip the 1 MB inputs")
    parser.add_argument(
        "--stages", action="store_true", help="also print each stage's CPU time in word scans"
    )
    args = parser.parse_args(argv)
    texts = corpus(args.limit)
    if not texts:
        print("no texts to time (neither ../shared nor seeds/ found)")
        return 0
    size_kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
    for text in texts:  # warm-up: lexicons loaded, patterns compiled
        parse(text)
    best = float("inf")
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        for text in texts:
            parse(text)
        best = min(best, time.perf_counter() - start)
    rate = size_kb / best
    scan = word_scan(texts, args.repeat)
    print(
        f"{len(texts)} texts, {size_kb:.0f} KB: best pass {best:.2f} s, {rate:.0f} KB/s "
        f"(target {TARGET_KB_PER_SECOND:.0f} KB/s); {best / scan:.0f}x the time of a "
        f"regex word scan of the same texts ({scan:.3f} s; target {TARGET_WORD_SCANS:.0f}x), "
        "which carries across machines"
    )
    if args.stages:
        spent = stage_times(texts)
        for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
            print(f"  {name:16} {seconds:6.2f} s CPU, {seconds / scan:5.1f}x the word scan")
    long = long_text_ratio(texts)
    if long is not None:
        short_s, long_s = long
        print(
            f"one 1 MB article {long_s:.2f} s, one 100 KB article {short_s:.2f} s: "
            f"{long_s / short_s:.1f}x (linear: 10x; target {TARGET_LONG_TEXT_RATIO:.0f}x)"
        )
    if not args.no_adversarial:
        for name, text in ADVERSARIAL.items():
            start = time.perf_counter()
            parse(text)
            print(f"  {name}: {time.perf_counter() - start:.2f} s")
    return 0 if rate >= TARGET_KB_PER_SECOND else 1


if __name__ == "__main__":
    raise SystemExit(main())
