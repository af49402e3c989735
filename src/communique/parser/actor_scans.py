"""Scans of the actor patterns that open with a demonym, maybe after a modifier.

"Ugandan rebels", "Top Israeli officials", "the Palestinians": five patterns open with
one of a few hundred demonyms, some after a modifier ("the", "Top") and whitespace. A
:class:`PhrasePlaces` finds, once per text, where a demonym stands; a :class:`LedScan` tries
its pattern only there and at the modifiers right before one, instead of at every word
that opens like a demonym or a modifier ("the" is one).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from communique.parser.anchored import KEY, AnchoredScan, word_index

__all__ = ["LedScan", "PhrasePlaces", "WordScan"]

#: the run of whitespace that ends where it is matched (backwards) from
_SPACE_BEFORE = regex.compile(r"\s+", regex.REVERSE)
_SPACES = regex.compile(r"\s+")
_EDGE_SPACE = regex.compile(r"^\s|\s$")


#: where a word of a text's word index starts (see communique.parser.anchored)
_WORD_START = regex.compile(r"(?<![\p{L}\p{Nd}])[\p{L}\p{N}]")
_OPENS_WORD = regex.compile(r"[\p{L}\p{N}]")


class _FirstWords:
    """The word starts of a text where one of some case-sensitive phrases may stand: the
    words of the text's word index with the key of a phrase's first word, and the places
    of the first words shorter than a key ("US"), found letter for letter."""

    __slots__ = ("_keys", "_short")

    def __init__(self, phrases: Iterable[str]) -> None:
        keys: set[str] | None = set()
        short: set[str] = set()
        for phrase in phrases:
            if keys is None or not _OPENS_WORD.match(phrase):
                keys = None  # no word opens it: a phrase may stand anywhere
                continue
            first = _SPACES.split(phrase, maxsplit=1)[0]
            if len(first) >= KEY:
                keys.add(first[:KEY].casefold()[:KEY])
            else:
                short.add(first)
        self._keys = None if keys is None else tuple(sorted(keys))
        self._short = tuple(sorted(short))

    def starts(self, text: str) -> list[int] | None:
        """The offsets, ascending; None: anywhere."""
        if self._keys is None:
            return None
        index = word_index(text).starts
        found = {at for key in self._keys for at in index.get(key, ())}
        for word in self._short:
            at = text.find(word)
            while at >= 0:
                if _WORD_START.match(text, at):
                    found.add(at)
                at = text.find(word, at + 1)
        return sorted(found)


class WordScan(AnchoredScan):
    """An :class:`~communique.parser.anchored.AnchoredScan` of a case-sensitive pattern
    whose phrases it holds letter for letter: it finds what the pattern finds, trying it at
    the word starts :class:`_FirstWords` gives (a case-blind pattern: where the anchored
    scan tries it)."""

    __slots__ = ("_first_words", "_known")

    def __init__(self, pattern: regex.Pattern[str], phrases: Iterable[str] | None) -> None:
        listed = None if phrases is None else list(phrases)
        super().__init__(pattern, listed)
        cased = not pattern.flags & regex.IGNORECASE
        self._first_words = _FirstWords(listed) if listed is not None and cased else None
        self._known: tuple[str | None, list[int] | None] = (None, None)

    def starts(self, text: str) -> list[int] | None:
        """The offsets of ``text`` where a match may start, ascending; None: anywhere."""
        if self._first_words is None:
            return super().starts(text)
        known_text, known = self._known
        if known_text is text:
            return known
        found = self._first_words.starts(text)
        self._known = (text, found)
        return found


class PhrasePlaces:
    """Where one of ``phrases`` (written as the case-sensitive ``alternation`` of them)
    stands in a text at a word start, found once per text among the words that may open
    one."""

    __slots__ = ("_first_words", "_last", "_phrase")

    def __init__(self, alternation: str, phrases: Iterable[str]) -> None:
        self._phrase = regex.compile(f"(?:{alternation})")
        self._first_words = _FirstWords(phrases)
        self._last: tuple[str | None, list[int] | None] = (None, None)  # none asked yet

    def at(self, text: str) -> list[int] | None:
        """The offsets of ``text`` where a phrase stands, ascending; None: not known."""
        last_text, last = self._last
        if last_text is text:
            return last
        starts = self._first_words.starts(text)
        match = self._phrase.match
        found = None if starts is None else [at for at in starts if match(text, at)]
        self._last = (text, found)
        return found


class LedScan(AnchoredScan):
    """A case-sensitive pattern whose every match opens with one of the ``openings``,
    or with one of ``modifiers``, a run of whitespace and one of the openings.

    ``finditer`` finds what ``pattern.finditer`` finds: a match opens where a phrase
    stands, or where a modifier ends in the whitespace right before one (a modifier with
    whitespace at an edge may end anywhere in it: then the pattern scans the text).
    """

    __slots__ = ("_known", "_modifiers", "_openings")

    def __init__(
        self, pattern: regex.Pattern[str], openings: PhrasePlaces, modifiers: Iterable[str] = ()
    ) -> None:
        super().__init__(pattern, None)
        modifiers = list(modifiers)
        # a modifier that is empty, or opens or ends with whitespace, shares a run of
        # whitespace with the \s+ after it: it may end anywhere in the run
        unsure = any(not m or _EDGE_SPACE.search(m) for m in modifiers)
        cased = not pattern.flags & regex.IGNORECASE
        self._openings = openings if cased and not unsure else None
        # each modifier as the lexicon's alternation writes it (a run of whitespace is one
        # \s+), matched backwards from where it ends
        self._modifiers = tuple(
            regex.compile(r"\s+".join(map(regex.escape, _SPACES.split(m))), regex.REVERSE)
            for m in dict.fromkeys(modifiers)
        )
        self._known: tuple[str | None, list[int] | None] = (None, None)  # none asked yet

    def starts(self, text: str) -> list[int] | None:
        """The offsets of ``text`` where a match may start, ascending; None: anywhere."""
        known_text, known = self._known
        if known_text is text:
            return known
        phrases = self._openings.at(text) if self._openings is not None else None
        found = phrases
        if phrases is not None and self._modifiers:
            led = set(phrases)
            for at in phrases:
                space = _SPACE_BEFORE.match(text, 0, at)
                if space is None:
                    continue
                for modifier in self._modifiers:
                    m = modifier.match(text, 0, space.start())
                    if m is not None:
                        led.add(m.start())
            found = sorted(led)
        self._known = (text, found)
        return found
