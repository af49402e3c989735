"""Benchmark corpus runs: ``--jobs 2`` against ``--jobs 1``, and peak memory while streaming.

1. Speed-up: ``communique parse RECORDS.jsonl -o OUT --jobs N`` in a child process, wall
   time, for N = 1 and 2, on article records made from PolNeAR train (or the seeds
   without ``../shared``); the outputs must be the same bytes. Target: at least 1.7x on
   two cores. Each run is also given as a ratio to a ``regex.finditer(r"\\w+")`` word scan
   over the same texts in this process (the yardstick of the other benchmarks).
2. Peak RSS (``ru_maxrss`` of the child) of ``parse -o`` over generated corpora of two
   sizes (``--parse-mb``), and of ``validate -`` reading a generated JSON Lines stream of
   Documents of two sizes (``--validate-mb``) from a pipe. Target: under 250 MB and flat
   in corpus size. The issue's figure is 1 GB: ``--validate-mb 50 1000``.

Run: ``python benchmarks/bench_corpus.py`` from the repository root (``PYTHONPATH=src``).
Parsing runs at roughly 100 KB/s per core, so a parse corpus of N MB takes about N * 10
seconds. The wall-clock speed-up needs otherwise idle cores: with ``sched_autogroup`` a
Linux kernel shares the CPU between sessions, so on a busy machine the workers of one
command share one session's slice. The CPU time of each worker (printed too) shows the
split whatever the load.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_parse import word_scan  # the same yardstick as the parse benchmark

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TARGET_SPEEDUP = 1.7
TARGET_RSS_MB = 250.0


def texts() -> list[str]:
    """PolNeAR train texts, or the seeds without ../shared."""
    folder = SHARED / "corpus" / "polnear" / "train" / "text"
    paths = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    paths = paths or sorted((ROOT / "seeds").rglob("*.txt"))
    return [path.read_text("utf-8") for path in paths]


def write_records(path: Path, sources: list[str], megabytes: float | None = None) -> int:
    """Article records cycling through ``sources`` up to ``megabytes`` (each text once
    without it); return the count."""
    limit = int(megabytes * 1024 * 1024) if megabytes is not None else sys.maxsize
    written = count = 0
    texts = itertools.cycle(sources) if megabytes is not None else iter(sources)
    with path.open("w", encoding="utf-8") as stream:
        for number, text in enumerate(texts):
            line = json.dumps({"id": f"a{number}", "text": text}, ensure_ascii=False) + "\n"
            stream.write(line)
            written += len(line.encode("utf-8"))
            count += 1
            if written >= limit:
                break
    return count


def write_documents(path: Path, sources: list[str], megabytes: float) -> int:
    """Parsed Documents (JSON Lines) repeated up to ``megabytes``; return the count."""
    from communique import parse
    from communique.serialize import dumps_line

    lines = [dumps_line(parse(text)).encode("utf-8") for text in sources[:20]]
    limit = int(megabytes * 1024 * 1024)
    written = count = 0
    with path.open("wb") as stream:
        for line in itertools.cycle(lines):
            stream.write(line)
            written += len(line)
            count += 1
            if written >= limit:
                break
    return count


def child(args: list[str], stdin: Path | None = None) -> tuple[float, float, int, float]:
    """Run the command line; return wall seconds, peak RSS (MB), the exit status and the
    CPU seconds of the child and its worker processes."""
    command = [sys.executable, "-m", "communique.cli", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as source:
        process = subprocess.Popen(
            command, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, usage.ru_maxrss / 1024, process.returncode, cpu


def _timed_chunk(chunk: list[Any]) -> tuple[int, float]:
    """Parse one chunk in a worker; return the worker's pid and the CPU seconds it took."""
    from communique import runner

    start = time.process_time()
    runner._parse_chunk(chunk)
    return os.getpid(), time.process_time() - start


def cpu_split(records: Path) -> None:
    """CPU seconds of one process against each of two workers over the same chunks: what
    the wall-clock speed-up would be on two idle cores, measured even on a busy machine."""
    from concurrent.futures import ProcessPoolExecutor

    from communique import runner
    from communique.corpus import read_inputs

    items = list(read_inputs([str(records)]))
    settings = runner.Settings()
    runner._warm_up(settings)
    start = time.process_time()
    for _ in runner.outcomes(items, settings, jobs=1):
        pass
    alone = time.process_time() - start
    workers: dict[int, float] = {}
    with ProcessPoolExecutor(2, initializer=runner._start_worker, initargs=(settings,)) as pool:
        for pid, seconds in pool.map(_timed_chunk, runner._chunks(items)):
            workers[pid] = workers.get(pid, 0.0) + seconds
    split = " and ".join(f"{seconds:.2f} s" for seconds in sorted(workers.values()))
    print(f"  CPU: {alone:.2f} s in one process; {split} in two workers")
    print(f"  so on two idle cores --jobs 2 would be about {alone / max(workers.values()):.2f}x")


def speedup(folder: Path, sources: list[str], articles: int, repeat: int) -> bool:
    records = folder / "speed.jsonl"
    chosen = sources[:articles]
    write_records(records, chosen)
    size = records.stat().st_size / 2**20
    print(f"speed-up: {articles} articles ({size:.1f} MB of records)")
    scan = word_scan(chosen, 3)
    timings: dict[int, float] = {}
    for _ in range(repeat):  # interleaved, best of each: a busy machine slows both alike
        for jobs in (1, 2):
            out = folder / f"jobs{jobs}.jsonl"
            command = ["parse", str(records), "-o", str(out), "-q", "--jobs", str(jobs)]
            seconds, _, status, cpu = child(command)
            if seconds < timings.get(jobs, float("inf")):
                timings[jobs] = seconds
                print(
                    f"  --jobs {jobs}: {seconds:6.1f} s wall, {cpu:6.1f} s CPU "
                    f"({seconds / scan:5.0f}x a word scan), exit {status}"
                )
    cpu_split(records)
    same = (folder / "jobs1.jsonl").read_bytes() == (folder / "jobs2.jsonl").read_bytes()
    ratio = timings[1] / timings[2]
    verdict = "ok" if ratio >= TARGET_SPEEDUP else "BELOW TARGET"
    print(f"  --jobs 2 is {ratio:.2f}x --jobs 1 (target >= {TARGET_SPEEDUP}x: {verdict})")
    print(f"  same bytes out: {'yes' if same else 'NO'}")
    return same and ratio >= TARGET_SPEEDUP


def memory(folder: Path, sources: list[str], parse_sizes: list[float], sizes: list[float]) -> bool:
    ok = True
    baseline = child(["--version"])[1]
    print(f"peak RSS (baseline: `communique --version` {baseline:.0f} MB)")
    for megabytes in parse_sizes:
        records = folder / "records.jsonl"
        count = write_records(records, sources, megabytes)
        out = str(folder / "out.jsonl")
        seconds, rss, status, _ = child(["parse", str(records), "-o", out, "-q"])
        ok &= rss < TARGET_RSS_MB and status == 0
        print(
            f"  parse -o, {megabytes:6.0f} MB of records ({count} articles): "
            f"{rss:6.0f} MB peak, {seconds:6.1f} s, exit {status}"
        )
        records.unlink()
    for megabytes in sizes:
        documents = folder / "documents.jsonl"
        count = write_documents(documents, sources, megabytes)
        seconds, rss, status, _ = child(["validate", "-"], stdin=documents)
        ok &= rss < TARGET_RSS_MB and status == 0
        print(
            f"  validate -, {megabytes:6.0f} MB of Documents ({count}): "
            f"{rss:6.0f} MB peak, {seconds:6.1f} s, exit {status}"
        )
        documents.unlink()
    print(f"  target: under {TARGET_RSS_MB:.0f} MB, flat in corpus size")
    return ok


def main(argv: list[str] | None = None) -> int:
    """Print the figures; return 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="articles for the speed-up")
    parser.add_argument(
        "--parse-mb", type=float, nargs="+", default=[1, 4], help="parse corpus sizes (MB)"
    )
    parser.add_argument(
        "--validate-mb", type=float, nargs="+", default=[50, 200], help="validate sizes (MB)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="speed-up runs (best is kept)")
    parser.add_argument("--skip-speedup", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args(argv)
    sources = texts()
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as name:
        folder = Path(name)
        if not args.skip_speedup:
            ok &= speedup(folder, sources, args.articles, args.repeat)
        if not args.skip_memory:
            ok &= memory(folder, sources, args.parse_mb, args.validate_mb)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
