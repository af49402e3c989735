"""The date tagger's fast scans find what its patterns find."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from communique.lexicon import Lexicon
from communique.parser import date_patterns

_LEXICON = Lexicon.packaged()
#: pieces of date expressions and their look-alikes, glued by what may sit between words
_PIECES = (
    "the", "The", "at", "a", "as", "present", "later", "date", "Sept", "Sept.", "May",
    "march", "Tuesday", "last", "next", "year", "year-earlier", "quarter", "third", "first",
    "half", "1998", "'98", "’90s", "10", "3rd", "the past", "Thanksgiving", "now", "ago",
    "two", "thousand", "nineteen", "eighty", "early", "mid", "in", "of", "ß", "K", "İ", "x2",
    "nine months", "six-month", "year to date", "first nine", "first half",
)  # fmt: skip
_GLUE = st.sampled_from([" ", "  ", "\n", "-", ", ", ".", "'", "’", "", "\u2003", "_"])
_TEXT = st.lists(st.tuples(st.sampled_from(_PIECES), _GLUE), max_size=12).map(
    lambda parts: "".join(piece + glue for piece, glue in parts)
)


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=500)
@given(text=_TEXT)
@example(text="at present as at\u2003present a later date 'a 5 '98 x2 ’9")
def test_the_core_hits_are_what_the_core_scan_finds(text: str) -> None:
    core = date_patterns.cores(_LEXICON)[0]
    assert _spans(date_patterns.core_hits(text, _LEXICON)) == _spans(core.finditer(text))


@settings(max_examples=500)
@given(text=_TEXT)
@example(text="Sept. 5 '98 ’90s the 3rd of May, 1998 at present")
def test_the_master_is_skipped_only_where_it_cannot_match(text: str) -> None:
    master = date_patterns.master(_LEXICON)[0]
    may_start = date_patterns.master_openings(_LEXICON).may_start
    for at in range(len(text) + 1):
        assert may_start(text, at) or master.match(text, at) is None


@settings(max_examples=500)
@given(text=_TEXT, bounds=st.tuples(st.integers(0, 120), st.integers(0, 120)))
@example(text="U.S. $5 ''- ’ -- 1998-- the  '98 ", bounds=(0, 30))
def test_the_backward_opener_search_finds_the_forward_one(
    text: str, bounds: tuple[int, int]
) -> None:
    backward = date_patterns.cores(_LEXICON)[1]
    forward = regex.compile(backward.pattern)
    start, end = sorted(bounds)
    for at in range(start, min(end, len(text)) + 1):
        for low in (start, max(start, at - 24)):
            found = backward.search(text, low, at)
            expected = forward.search(text, low, at)
            assert (found and found.start()) == (expected and expected.start())


@settings(max_examples=500)
@given(text=_TEXT, bounds=st.tuples(st.integers(0, 120), st.integers(0, 120)))
@example(text="For the nine months, six-month and year-to-date", bounds=(4, 40))
def test_the_longer_period_scan_finds_what_its_pattern_finds(
    text: str, bounds: tuple[int, int]
) -> None:
    scan = date_patterns.longer_period(_LEXICON)
    start, end = sorted(bounds)
    found = scan.search(text, start, end)
    expected = scan.pattern.search(text, start, end)
    assert (found and found.span()) == (expected and expected.span())
