"""The openings read from a pattern's source cover every match it makes."""

from __future__ import annotations

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from communique.parser.pattern_openings import ANY, Openings, openings

#: the syntax the reader knows, in the corners where it could go wrong
PATTERNS = (
    r"(?i:abc) \s+ d",
    r"[a-c]{2,} x | y{0,2} z",
    r"(?<=q) z | \d{1,2} / \d",
    r"(?: ab )? c (?! d)",
    r"(?(?<=a) b | c) d",
    r"(?(?<=a) b ) c | (?P<g> x )? (?(g) y ) z",
    r"K | (?i: k s ) | ſ",
    r"[^a] b | [\s-] c | [\w.'’$-]{1,3} \Z",
    r"\X y | \x41 \u0062",
    r"(?P<n> a ) (?P=n)? b | \b c \B",
    r"a *? b ++ | [\]] c",
    r"\ (?#) x",
)
_ALPHABET = "aAbBcCdDkKqQxXyYzZ 19/\r\n\t\x1c\x00-.'’ſKİ\u0301]"


@given(
    source=st.sampled_from(PATTERNS),
    text=st.text(alphabet=_ALPHABET, max_size=12),
    ignore_case=st.booleans(),
)
@example(source=PATTERNS[6], text="Kſ", ignore_case=True)
@example(source=PATTERNS[8], text="\r\ny", ignore_case=False)
@example(source=PATTERNS[5], text="bc z", ignore_case=False)
def test_no_match_starts_where_the_openings_say_none_can(
    source: str, text: str, ignore_case: bool
) -> None:
    flags = regex.VERBOSE | regex.VERSION0 | (regex.IGNORECASE if ignore_case else 0)
    try:
        pattern = regex.compile(source, flags)
    except regex.error:
        return
    scan = Openings(pattern)
    for at in range(len(text) + 1):
        assert scan.may_start(text, at) or pattern.match(text, at) is None


def test_the_openings_are_read_in_a_coarse_alphabet() -> None:
    language = openings(r"(?i: Jan \.? ) \s+ \d | th \s* [A-Z]", regex.VERBOSE)
    assert language == frozenset({"jan", "th ", "th" + ANY})  # 26 letters: any character
    assert openings(r"the", 0) is None  # not verbose: spaces would count
    assert openings(r"(?x) a", regex.VERBOSE) is None
    # a back-reference, a backwards match, a recursion: given up, not guessed
    for source in (r"(a) \1", r"(?r) ab", r"a (?R)? b", r"(?P<n> a ) \g<n>"):
        assert openings(source, regex.VERBOSE) is None, source
    scan = Openings(regex.compile(r"(?i: may ) \s+ \d", regex.VERBOSE))
    assert [scan.may_start("May 5, maybe", at) for at in (0, 7)] == [True, True]
    assert not scan.may_start("in May", 0)
