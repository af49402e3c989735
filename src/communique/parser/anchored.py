"""Scans for lexicon phrases that try their pattern only where one of the phrases may start.

A lexicon pattern ("any country name", "any reporting verb") is an alternation of hundreds
of phrases, and the regex engine tries it at every word of a text. :func:`word_index` lists,
once per text, where its words start, by their first three characters case-folded (the
*key*); an :class:`AnchoredScan` knows the keys its phrases have and runs its pattern only
at the words that share one. It finds exactly what ``pattern.finditer`` finds, provided
every match of the pattern starts with one of the phrases it was given, and not right after
a letter or a decimal digit: the pattern's own guard says so (``(?<![\\p{L}\\p{N}])``,
``\\b(?<![\\w-])``).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator
from itertools import chain

import regex

__all__ = ["LONG_STRETCH", "AnchoredScan", "WordIndex", "scan_at", "word_index"]

KEY = 3
"""How many characters of a word (case-folded) its key holds."""

#: a word: it starts with a letter or digit not right after a letter or decimal digit, and
#: runs on over letters and decimal digits (no word starts inside it); a digit of another
#: kind ("²") is a word of its own, as a word may start right after it, but not when it
#: follows a letter or decimal digit ("a²"): a match takes in one such digit after a run
#: of letters and decimal digits, so every match starts a word and every word a match
#: (without the lookbehind a guard would cost at every character)
_WORD = regex.compile(r"[\p{L}\p{Nd}]+[\p{Nl}\p{No}]?|\p{N}")
_SPACE = regex.compile(r"\s")
_OPENS_WORD = regex.compile(r"[\p{L}\p{N}]")
_START = regex.Match.start  # a match's start, called from C by map


#: a stretch longer than this is scanned by the pattern itself: a pattern with a required
#: literal ("and" in "French and Egyptian warships") looks for it to the end of the stretch
#: at each place it is tried, which over one long paragraph would cost its square
LONG_STRETCH = 4096


def scan_at(
    pattern: regex.Pattern[str], text: str, starts: list[int], pos: int, end: int
) -> Iterator[regex.Match[str]]:
    """What ``pattern.finditer(text, pos, end)`` finds, trying the pattern only at
    ``starts`` (ascending; every match opens at one), or everywhere in a long stretch."""
    if end - pos > LONG_STRETCH:
        yield from pattern.finditer(text, pos, end)
        return
    match = pattern.match
    last = pos
    for at in starts[bisect.bisect_left(starts, pos) : bisect.bisect_left(starts, end)]:
        if at < last:
            continue
        m = match(text, at, end)
        if m is not None:
            yield m
            last = m.end()


def _key(chars: str) -> str:
    return chars[:KEY].casefold()[:KEY]


class WordIndex:
    """Where the words of one text start, by key (see :func:`word_index`)."""

    __slots__ = ("_keys", "_spaced", "starts")

    def __init__(self, text: str) -> None:
        # by the first characters as they stand, then case-folded once per distinct slice
        # (a text has thousands of words but few distinct slices)
        by_slice: dict[str, list[int]] = {}
        get = by_slice.get
        for start in map(_START, _WORD.finditer(text)):
            chars = text[start : start + KEY]
            at = get(chars)
            if at is None:
                by_slice[chars] = [start]
            else:
                at.append(start)
        starts: dict[str, list[int]] = {}
        for chars, at in by_slice.items():
            key = chars.casefold()[:KEY]
            have = starts.get(key)
            if have is None:
                starts[key] = at
            else:  # "Str" and "str": one key, its starts merged in order
                have.extend(at)
                have.sort()
        #: the start offsets of the words, ascending, by key
        self.starts = starts
        self._keys: list[str] | None = None
        self._spaced: dict[str, list[str]] | None = None

    def keys_starting(self, prefix: str) -> list[str]:
        """The keys of the text that start with ``prefix`` (shorter than a key), in order."""
        if self._keys is None:
            self._keys = sorted(self.starts)
        keys = self._keys
        found = []
        for i in range(bisect.bisect_left(keys, prefix), len(keys)):
            if not keys[i].startswith(prefix):
                break  # the keys that start with a prefix sort together, right from it
            found.append(keys[i])
        return found

    def spaced_keys(self, word: str) -> list[str]:
        """The keys of the text that are ``word`` (shorter than a key, no space in it) and
        then a space: the keys of its words that go on after a space ("at ")."""
        if self._spaced is None:
            spaced: dict[str, list[str]] = {}
            for key in self.starts:
                if key[1:].isalnum():
                    continue  # a letter or digit is never a space: most keys go here
                for n in range(1, len(key)):
                    if _SPACE.match(key, n) is not None:
                        spaced.setdefault(key[:n], []).append(key)
            self._spaced = spaced
        return self._spaced.get(word, [])


@functools.lru_cache(maxsize=8)
def word_index(text: str) -> WordIndex:
    """The :class:`WordIndex` of ``text``, built once for the scans of one parse."""
    return WordIndex(text)


class AnchoredScan:
    """A compiled pattern whose matches all open with one of ``phrases``, scanned fast.

    ``finditer`` and ``search`` take the arguments of the pattern's own methods and
    return what those return. When a phrase does not start with a letter or digit (a user
    lexicon may add one), no word can anchor it and the scan is the pattern's own; so it is
    when ``phrases`` is None.
    """

    __slots__ = ("_full", "_last", "_short", "_spaced", "pattern")

    def __init__(self, pattern: regex.Pattern[str], phrases: Iterable[str] | None) -> None:
        self.pattern = pattern
        full: set[str] = set()
        short: set[str] = set()
        spaced: set[str] = set()
        anchorable = phrases is not None
        for phrase in phrases or ():
            if not _OPENS_WORD.match(phrase):
                anchorable = False
                break
            space = _SPACE.search(phrase, 0, KEY)
            key = _key(phrase[: space.start()] if space is not None else phrase)
            (full if len(key) == KEY else spaced if space is not None else short).add(key)
        self._full: frozenset[str] | None = frozenset(full) if anchorable else None
        self._short = tuple(sorted(short))
        #: the first words shorter than a key of the phrases that go on after a space ("at
        #: present"): their words' keys go on with a space too ("at "), not with a letter
        self._spaced = tuple(sorted(w for w in spaced if not any(w.startswith(s) for s in short)))
        self._last: tuple[str, list[int]] = ("", [])

    def starts(self, text: str) -> list[int] | None:
        """The offsets of ``text`` where a match may start, ascending; None: anywhere."""
        if self._full is None:
            return None
        last_text, last_starts = self._last
        if last_text is text:
            return last_starts
        index = word_index(text)
        lists = [index.starts[key] for key in self._full.intersection(index.starts)]
        for prefix in self._short:
            lists.extend(index.starts[key] for key in index.keys_starting(prefix))
        for word in self._spaced:
            lists.extend(index.starts[key] for key in index.spaced_keys(word))
        found = sorted(chain.from_iterable(lists)) if len(lists) != 1 else lists[0]
        self._last = (text, found)
        return found

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[regex.Match[str]]:
        """What ``pattern.finditer(text, pos, endpos)`` finds."""
        starts = self.starts(text)
        if starts is None:
            return self.pattern.finditer(text, pos, endpos)
        end = len(text) if endpos is None else min(endpos, len(text))
        return self._scan(text, starts, pos, end)

    def _scan(
        self, text: str, starts: list[int], pos: int, end: int
    ) -> Iterator[regex.Match[str]]:
        return scan_at(self.pattern, text, starts, pos, end)

    def search(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> regex.Match[str] | None:
        """What ``pattern.search(text, pos, endpos)`` finds."""
        return next(self.finditer(text, pos, endpos), None)

    def finditer_in(self, text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
        """What ``pattern.finditer(text[start:end])`` finds (offsets in the slice): the
        slice's first character has nothing before it, its last nothing after."""
        window = text[start:end]
        starts = self.starts(text)
        if starts is None:
            return self.pattern.finditer(window)
        inside = starts[bisect.bisect_right(starts, start) : bisect.bisect_left(starts, end)]
        return self._scan(window, [0, *(at - start for at in inside)], 0, len(window))
