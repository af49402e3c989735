"""Hash the parser's JSON output over the shared texts, to show a refactor changes nothing.

Parses every text of ``../shared/gold`` (with its gold ``published``), of
``../shared/corpus/news-dev`` and of the PolNeAR train and dev splits (with their
``publication_date``), serialises each Document with :func:`communique.dumps`, and prints
one SHA-256 per corpus and one over all of them. ``--save FILE`` writes the hash of every
document too; ``--against FILE`` compares with such a file and names each document whose
output changed.

Run: ``python tools/hash_outputs.py [--save before.json | --against before.json]`` from the
repository root with ``communique`` importable. Exits 2 when ``../shared`` is absent, 1
when ``--against`` finds a change.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from communique import dumps, parse

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def gold() -> Iterator[tuple[str, str, str | None]]:
    for path in sorted((SHARED / "gold").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        yield path.name, record["text"], record.get("published") or None


def news_dev() -> Iterator[tuple[str, str, str | None]]:
    for path in sorted((SHARED / "corpus" / "news-dev").glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8"), None


def polnear(split: str) -> Iterator[tuple[str, str, str | None]]:
    root = SHARED / "corpus" / "polnear"
    with open(root / "metadata.tsv", encoding="utf-8") as rows:
        published = {
            r["filename"]: r["publication_date"] for r in csv.DictReader(rows, delimiter="\t")
        }
    for path in sorted((root / split / "text").glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8"), published.get(path.stem) or None


def polnear_train() -> Iterator[tuple[str, str, str | None]]:
    return polnear("train")


def polnear_dev() -> Iterator[tuple[str, str, str | None]]:
    return polnear("dev")


CORPORA = {
    "gold": gold,
    "news-dev": news_dev,
    "polnear-train": polnear_train,
    "polnear-dev": polnear_dev,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", type=Path, help="write every document's hash to this file")
    parser.add_argument("--against", type=Path, help="compare with a file written by --save")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"hash_outputs: {SHARED} is absent; the texts are not part of the repository")
    hashes: dict[str, str] = {}
    total = hashlib.sha256()
    for name, texts in CORPORA.items():
        corpus = hashlib.sha256()
        count = 0
        for file, text, published in texts():
            line = dumps(parse(text, published=published)).encode("utf-8")
            corpus.update(line)
            total.update(line)
            hashes[f"{name}/{file}"] = hashlib.sha256(line).hexdigest()
            count += 1
        print(f"{name:14} {count:4} documents  {corpus.hexdigest()}")
    print(f"{'all':14} {len(hashes):4} documents  {total.hexdigest()}")
    if args.save:
        args.save.write_text(json.dumps(hashes, indent=1) + "\n", encoding="utf-8")
    if args.against:
        before: dict[str, str] = json.loads(args.against.read_text(encoding="utf-8"))
        changed = sorted(
            k for k in before.keys() | hashes.keys() if before.get(k) != hashes.get(k)
        )
        for key in changed:
            print(f"changed: {key}")
        print(f"{len(changed)} of {len(hashes)} documents changed")
        sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
