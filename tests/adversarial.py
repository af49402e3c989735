"""Adversarial texts for the parser's time guarantee, and the clean news they are timed against.

One entry per rule family: the input that once drove the family's patterns superlinear
(or that would, without a guard). Each builder repeats its unit up to ``size`` characters,
so that a test (at about 200 KB) and ``benchmarks/bench_adversarial.py`` (at 1 MB) time
the same inputs.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Callable
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def repeated(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def clean_news(size: int) -> str:
    """The yardstick: the seed articles, one after another, repeated to ``size``."""
    articles = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.rglob("*.txt"))]
    return repeated("\n\n".join(articles) + "\n\n", size)


def capitalised_words(size: int) -> str:
    """A run of distinct capitalised words with nothing between them: a name without end."""
    letters = string.ascii_lowercase
    words = (a.upper() + b + c for a, b, c in itertools.product(letters, repeat=3))
    return repeated(" ".join(itertools.islice(words, 20_000)) + " ", size)


FAMILIES: dict[str, Callable[[int], str]] = {
    "capitalised words (names)": capitalised_words,
    "Mr. repeated (titles, sentences)": lambda size: repeated("Mr. ", size),
    "Smith said: lines (speakers, paragraphs)": lambda size: repeated("Smith said:\n", size),
    'He said, "yes." (quotations)': lambda size: repeated('He said, "yes." ', size),
    "straight quote marks": lambda size: repeated('"', size),
    "said said said (cues)": lambda size: repeated("said ", size),
    "curly quote pairs": lambda size: repeated("“a” ", size),
    "newspaper quote pairs": lambda size: repeated("''a'' ", size),
    "a surname two people share (actor merging)": lambda size: (
        "John Smith spoke. Heidi Smith spoke. " + repeated("They met Smith at noon. ", size)
    )[:size],
    "U.S. A. initialisms": lambda size: repeated("U.S. A. ", size),
    "one word of capitals (wire datelines)": lambda size: repeated("A", size),
    "initials without spaces (datelines, sentences)": lambda size: repeated("A.", size),
    "U.S.U.S. (initialisms, datelines)": lambda size: repeated("U.S.", size),
    "one long word, then an apostrophe (speakers)": lambda size: (
        "A" + repeated("a", size - 2) + "’"
    ),
    "words run together with combining accents (actor titles)": lambda size: repeated(
        "Aaa\u0301", size
    ),
    "words run together with ellipses (actor titles)": lambda size: repeated("Aaa…", size),
    "one paragraph of news": lambda size: clean_news(size).replace("\n", " "),
    "on Monday (dates)": lambda size: repeated("on Monday ", size),
    "President repeated (titles)": lambda size: repeated("President ", size),
    "the minister said (speakers)": lambda size: repeated("the minister said ", size),
}
