"""The actor stage's fast scans find exactly what the plain scans they replace find."""

from __future__ import annotations

from collections.abc import Iterable

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from communique.lexicon import Lexicon, alternation
from communique.model import Span
from communique.parser.actor_finders import _country_names
from communique.parser.actor_names import (
    _COMMA_SPACE_BEFORE,
    _COMMA_TITLE,
    _office_in_clause,
    _title_before,
)
from communique.parser.actor_scans import LedScan, PhrasePlaces, WordScan
from communique.parser.actor_vocabulary import (
    NAME_END,
    NAME_START,
    Vocabulary,
    vocabulary,
)
from communique.parser.anchored import AnchoredScan, word_index


@given(
    phrases=st.lists(
        st.text(alphabet="abAB ²1'.\t", min_size=1, max_size=6), min_size=1, max_size=8
    ),
    text=st.text(alphabet="abAB ²1'.-\n\t", max_size=40),
)
@example(phrases=["a b", "ab", "A"], text="a\tb ab xab ²A 1a b")  # short first words
@example(phrases=["abab", " ab"], text="abab")  # a phrase no word opens
def test_openings_are_the_word_starts_where_a_phrase_stands(phrases: list[str], text: str) -> None:
    """An :class:`PhrasePlaces` finds a phrase at each word start where one stands."""
    openings = PhrasePlaces(alternation(phrases, case_blind=False), phrases)
    phrase = regex.compile(f"(?:{alternation(phrases, case_blind=False)})")
    every = sorted(at for starts in word_index(text).starts.values() for at in starts)
    expected = [at for at in every if phrase.match(text, at)]
    found = openings.at(text)
    if found is None:
        assert any(not regex.match(r"[\p{L}\p{N}]", p) for p in phrases)
    else:
        assert found == expected


@given(
    phrases=st.lists(
        st.text(alphabet="abAB ²1'.\t", min_size=1, max_size=6), min_size=1, max_size=8
    ),
    text=st.text(alphabet="abAB ²1'.-\n\t", max_size=40),
    bounds=st.tuples(st.integers(0, 45), st.integers(0, 45)),
)
@example(phrases=["a b", "ab", "A"], text="a\tb ab xab ²A 1a b", bounds=(0, 40))
def test_a_word_scan_finds_what_its_pattern_finds(
    phrases: list[str], text: str, bounds: tuple[int, int]
) -> None:
    """A :class:`WordScan` of a guarded case-sensitive alternation finds what it finds."""
    tree = alternation(phrases, case_blind=False)
    pattern = regex.compile(rf"{NAME_START}(?:{tree}){NAME_END}")
    scan = WordScan(pattern, phrases)
    start, end = sorted(bounds)
    assert _spans(scan.finditer(text, start, end)) == _spans(pattern.finditer(text, start, end))
    window = _spans(pattern.finditer(text[start:end]))
    assert _spans(scan.finditer_in(text, start, end)) == window


def _vocabulary() -> Vocabulary:
    return vocabulary(Lexicon.packaged())


def _pieces() -> list[str]:
    """Words of the lexicon the actor scans look for, and what may stand around them."""
    v = _vocabulary()
    groups = v.lexicon["actors"]["groups"]
    return sorted(
        {
            *v.demonyms,
            *v.countries,
            *v.metonyms,
            *v.organizations,
            *v.media,
            *v.plural_demonyms,
            *v.group_roles,
            *v.forces,
            *groups["modifiers"]["words"],
            *v.lexicon["actors"]["governments"]["words"],
            *(" ", "  ", "\n", ",", ", ", " and ", "'", "’", "-", "x", "é", "5", "$", "US$"),
            "Top ",
        }
    )


_TEXT = st.lists(st.sampled_from(_pieces()), max_size=12).map("".join)


def _spans(matches: Iterable[regex.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@given(text=_TEXT, bounds=st.tuples(st.integers(0, 120), st.integers(0, 120)))
@example(text="Top US troops", bounds=(0, 99))
@example(text="xFrench officials", bounds=(1, 99))
@example(text="Hundreds of\nIraqis, the  French and US troops", bounds=(0, 99))
def test_the_anchored_actor_scans_find_what_their_patterns_find(
    text: str, bounds: tuple[int, int]
) -> None:
    """Each anchored scan of the vocabulary is given every phrase its matches open with,
    and each scan led by a demonym finds what its pattern finds."""
    start, end = sorted(bounds)
    led = [scan for scan in vars(_vocabulary()).values() if isinstance(scan, LedScan)]
    scans = [
        scan
        for scan in vars(_vocabulary()).values()
        if isinstance(scan, AnchoredScan) and not isinstance(scan, LedScan)
    ]
    assert (len(scans), len(led)) == (4, 5)
    every: list[AnchoredScan] = [*scans, *led]
    for each in every:
        expected = _spans(each.pattern.finditer(text, start, end))
        assert _spans(each.finditer(text, start, end)) == expected
    for scan in scans:
        window = _spans(scan.pattern.finditer(text[start:end]))
        assert _spans(scan.finditer_in(text, start, end)) == window


_WORD_STARTS = regex.compile(r"(?<![\p{L}\p{N}'’])[\p{Lu}tm]")


def _country_names_at_every_word(v: Vocabulary, text: str, block: Span) -> list[tuple[int, int]]:
    """The country-name scan as it was: every word start of the block is tried."""
    found = []
    position = block.start
    for m in _WORD_STARTS.finditer(text, block.start, block.end):
        at = m.start()
        if at < position:
            continue
        index = v.country_index
        for name in (*index.get(text[at : at + 3], ()), *index.get(text[at : at + 2], ())):
            end = at + len(name)
            if (
                end <= block.end
                and text.startswith(name, at)
                and (end == len(text) or not (text[end].isalnum() or text[end] == "$"))
            ):
                found.append((at, end))
                position = end
                break
    return found


@given(text=_TEXT, bounds=st.tuples(st.integers(0, 120), st.integers(0, 120)))
@example(text="US$5 in the Gambia, Niger and Nigeria", bounds=(0, 99))
@example(text="El Salvador, El  Salvador, USA, UKUS, 'US and xUK", bounds=(0, 99))
@example(text="US", bounds=(0, 2))  # a short name at the end of the text
@example(text="Republic of Korea, Republic of Koreans, Republican", bounds=(0, 30))
def test_country_names_are_found_at_the_words_that_open_like_one(
    text: str, bounds: tuple[int, int]
) -> None:
    v = _vocabulary()
    start, end = sorted(bounds)
    block = Span.of(text, min(start, len(text)), min(end, len(text)))
    assert [*_country_names(v, text, block)] == _country_names_at_every_word(v, text, block)


_OFFICE_PIECES = [
    *("President", "president", "PRESIDENT", "Gov.", "Lt.", "Dr.", "King", "taking", "ahead"),
    *("Reuters", "Reuters.President", "x.minister", "U.S.", "Mr.", "former", "then", "the"),
    *("said", "Russian", "Foreign", "Minister", "of", "to", "'s", "’s", "AP", "(AP)"),
    *(" ", " ", "  ", "\n", ".", ",", ":", "“", "(", "-", "x", "É"),
]


@given(st.lists(st.sampled_from(_OFFICE_PIECES), max_size=40).map("".join))
@example("Reuters.President ")  # the clause starts inside a title word
@example("Presidentx.ministerPresident ")  # ... and its title word inside that word
@example("Reuters’s ")  # a possessive of a media name
def test_an_office_is_looked_for_in_the_clause_only_where_one_may_be(left: str) -> None:
    """The quick test that no office stands before a name drops none that one finds."""
    v = _vocabulary()
    text = left + "Smith"
    assert _title_before(v, text, len(left)) == _office_in_clause(v, text, len(left))


_PHRASE = st.text(alphabet="abAB .-\t", min_size=1, max_size=6)
_LEAD = st.text(alphabet="abAB .-", min_size=0, max_size=5)


@given(
    phrases=st.lists(_PHRASE, min_size=1, max_size=6),
    modifiers=st.lists(_LEAD, max_size=4),
    text=st.text(alphabet="abAB .-\n\t", max_size=50),
    bounds=st.tuples(st.integers(0, 60), st.integers(0, 60)),
)
@example(phrases=["b"], modifiers=["a a"], text="a \n a\t b", bounds=(0, 60))
@example(phrases=["b"], modifiers=["a "], text="a  b a b", bounds=(0, 60))
@example(phrases=["b"], modifiers=[""], text="a  b", bounds=(0, 60))
def test_a_led_scan_finds_what_its_pattern_finds(
    phrases: list[str], modifiers: list[str], text: str, bounds: tuple[int, int]
) -> None:
    """A scan tried only at its phrases and the modifiers right before them finds what
    its pattern finds, whatever the phrases and modifiers."""
    tree = alternation(phrases, case_blind=False)
    lead = f"(?:(?:{alternation(modifiers, case_blind=False)})\\s+)?" if modifiers else ""
    pattern = regex.compile(rf"{NAME_START}{lead}(?:{tree})(?:\s+[ab])?{NAME_END}")
    scan = LedScan(pattern, PhrasePlaces(tree, phrases), modifiers)
    start, end = sorted(bounds)
    assert _spans(scan.finditer(text, start, end)) == _spans(pattern.finditer(text, start, end))


@given(
    st.lists(st.sampled_from(["the", "The", "minister", "ambassador", ",", " ", "\n", "x"]))
    .map("".join)
    .filter(bool),
    st.integers(0, 200),
)
@example("The foreign minister, ", 40)
@example("the minister,\n \t", 0)
@example("The minister, ", 80)
def test_an_office_before_a_comma_is_looked_for_only_after_a_comma(left: str, back: int) -> None:
    """The quick test for a comma and spaces before a name (in any window before it)
    passes wherever the full pattern finds an office set off by a comma."""
    text = left + "Smith"
    name_start = len(left)
    window = max(0, name_start - back)
    found = _COMMA_TITLE.search(text, window, name_start)
    if found is not None:
        assert _COMMA_SPACE_BEFORE.match(text, window, name_start) is not None
