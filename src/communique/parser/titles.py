"""Office titles as plain words: abbreviations spelled out ("Sen." -> "senator")."""

from __future__ import annotations

import functools
from collections.abc import Callable

import regex

from communique.lexicon import Lexicon, derived

_SPACES = regex.compile(r"\s+")


@derived
def title_words(lexicon: Lexicon) -> Callable[[str], str]:
    """A function from a title to its case-folded words, with the abbreviations of the
    actors table (``[abbreviations]``) spelled out, longest first; cached per title."""
    spelled = lexicon["actors"]["abbreviations"]
    patterns = tuple(
        (regex.compile(rf"(?<!\S){regex.escape(short)}(?!\S)"), spelled[short])
        for short in sorted(spelled, key=len, reverse=True)
    )

    @functools.lru_cache(maxsize=65536)
    def words(title: str) -> str:
        result = _SPACES.sub(" ", title).strip()
        for pattern, replacement in patterns:
            result = pattern.sub(replacement, result)
        return result.casefold()

    return words
