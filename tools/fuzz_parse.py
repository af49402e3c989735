"""Fuzz communique.parse: random text of every Unicode category and mutated real articles.

Each input is parsed (with a random ``published`` argument half the time) and counted as:

* valid: the Document validates, and a second parse gives the same JSON;
* refused: the one documented error for text, a ValueError for a lone surrogate;
* invalid: the Document fails ``validate`` or differs between two parses;
* crash: any other exception.

Invalid outputs and crashes are printed with the input's ``repr`` (clipped) and, with
``--save``, written in full to a JSON file, to become regression cases in
``tests/data/untrusted_texts.json``. The articles are the shared corpora beside the
checkout (``../shared``) when present, else the repository's ``seeds/``.

Run: ``python tools/fuzz_parse.py --count 20000`` from the repository root (with ``src``
importable, e.g. ``PYTHONPATH=src``). Exit status 1 when anything crashed or was invalid.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import traceback
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from communique import dumps, parse, validate

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

#: Pieces a mutation inserts: what the rules react to.
PIECES = [
    "said", "told reporters", "according to", "Mr. ", "President ", "U.S. ", "on Monday",
    "last week", "Feb 15, 2023", "(AP) _", '"', "“", "”", "''", "``", "«", "»", "‘", "’",
    ":", "\n", "\n\n", ". ", ", ", "\u200f", "\u202e", "\ufeff", "\x00", "\u2028",
    "the minister said", "Smith said:\n", "Aaa Bbb Ccc ", "9999", "week 53", "Q4",
]  # fmt: skip


def code_points_by_category() -> dict[str, list[int]]:
    """Every code point, by its general category (Cn, unassigned, included)."""
    found: dict[str, list[int]] = {}
    for point in range(sys.maxunicode + 1):
        found.setdefault(unicodedata.category(chr(point)), []).append(point)
    return found


def random_text(rng: random.Random, categories: dict[str, list[int]]) -> str:
    """A short string: characters of random categories, runs of one, and pieces; one in
    fifty has a surrogate, which ``parse`` refuses."""
    names = sorted(set(categories) - {"Cs"})
    out: list[str] = []
    if rng.random() < 0.02:
        out.append(chr(rng.choice(categories["Cs"])))
    for _ in range(rng.randint(0, 24)):
        roll = rng.random()
        if roll < 0.55:
            points = categories[rng.choice(names)]
            out.append("".join(chr(rng.choice(points)) for _ in range(rng.randint(1, 8))))
        elif roll < 0.65:
            out.append(chr(rng.choice(categories[rng.choice(names)])) * rng.randint(2, 60))
        else:
            out.append(rng.choice(PIECES))
        out.append(rng.choice(["", " ", " ", "\n"]))
    return "".join(out)


def mutated(rng: random.Random, articles: Sequence[str]) -> str:
    """A real article with a few random cuts, copies, insertions and splices."""
    text = rng.choice(articles)
    for _ in range(rng.randint(1, 6)):
        a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        roll = rng.random()
        if roll < 0.2:
            text = text[:a] + text[b:]
        elif roll < 0.4:
            text = text[:b] + text[a:b] * rng.randint(1, 4) + text[b:]
        elif roll < 0.7:
            text = text[:a] + rng.choice(PIECES) * rng.randint(1, 20) + text[a:]
        elif roll < 0.8:
            text = text[:a] + text[a:b].swapcase() + text[b:]
        elif roll < 0.9:
            other = rng.choice(articles)
            text = text[:a] + other[rng.randrange(len(other) + 1) :]
        else:
            text = text[:a] + chr(rng.randrange(sys.maxunicode + 1)) + text[a:]
    return text


def random_published(rng: random.Random) -> dt.date | None:
    """No date, or any day from year 1 to 9999 (its edges often)."""
    roll = rng.random()
    if roll < 0.5:
        return None
    if roll < 0.6:
        return rng.choice([dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(9999, 12, 25)])
    return dt.date(1, 1, 1) + dt.timedelta(days=rng.randrange(3_652_059))


def articles() -> list[str]:
    """The texts to mutate: the shared corpora and gold, or the seeds."""
    found = sorted(SHARED.glob("corpus/**/*.txt")) if SHARED.is_dir() else []
    found = found or sorted((ROOT / "seeds").rglob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in found]


def outcome(text: str, published: dt.date | None) -> tuple[str, str]:
    """The input's class and, for a failure, what went wrong."""
    try:
        document = parse(text, published=published)
    except Exception as error:
        if isinstance(error, ValueError) and "lone surrogate" in str(error):
            return "refused", ""
        return "crash", traceback.format_exc(limit=-3)
    problems = validate(document)
    if problems:
        return "invalid", "; ".join(f"{p.pointer}: {p.message}" for p in problems[:3])
    if dumps(document) != dumps(parse(text, published=published)):
        return "invalid", "two parses of the same input differ"
    return "valid", ""


def main(argv: list[str] | None = None) -> int:
    """Fuzz, print the counts and each failure; return 1 when any input failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="random strings")
    parser.add_argument("--articles", type=int, default=300, help="mutated articles")
    parser.add_argument("--seed", type=int, default=0, help="random seed (runs repeat)")
    parser.add_argument("--save", type=Path, help="write the failing inputs to this JSON file")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    categories = code_points_by_category()
    texts = articles()
    inputs = [(random_text(rng, categories), "random") for _ in range(args.count)]
    inputs += [(mutated(rng, texts), "article") for _ in range(args.articles if texts else 0)]
    counts: Counter[str] = Counter()
    failures = []
    for number, (text, kind) in enumerate(inputs):
        published = random_published(rng)
        verdict, detail = outcome(text, published)
        counts[verdict] += 1
        if verdict in ("crash", "invalid"):
            failures.append({"text": text, "published": str(published), "detail": detail})
            print(f"{verdict} #{number} ({kind}, published={published}): {text[:80]!r}")
            print("   ", detail.strip().replace("\n", "\n    "))
    total = len(inputs)
    print(
        f"{total} inputs ({args.count} random strings, {total - args.count} mutated articles,"
        f" seed {args.seed}): "
        + ", ".join(f"{counts[k]} {k}" for k in ("valid", "refused", "invalid", "crash"))
    )
    if args.save is not None:
        args.save.write_text(json.dumps(failures, indent=1) + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
