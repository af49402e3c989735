"""Anchored scans find exactly what their patterns find, only faster."""

from __future__ import annotations

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from communique.lexicon import alternation
from communique.parser.anchored import LONG_STRETCH, AnchoredScan, WordIndex

#: the guards the parser's lexicon patterns open with
GUARDS = (r"(?<![\p{L}\p{N}'’])", r"\b(?<![\w-])", r"\b")

#: letters that case-fold to other letters or to two (ß, ẞ, ſ, K, İ), a mark, an
#: underscore, a superscript digit: the corners of "where a word starts"
_ALPHABET = "abAB sS-'’._\n²1ßẞſKİi\u0301"
_PHRASE = st.text(alphabet="abAB s-.ß1", min_size=1, max_size=5).filter(
    lambda p: regex.match(r"[\p{L}\p{N}]", p) is not None
)


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@given(
    phrases=st.lists(_PHRASE, min_size=1, max_size=8),
    text=st.text(alphabet=_ALPHABET, max_size=60),
    guard=st.sampled_from(GUARDS),
    ignore_case=st.booleans(),
    bounds=st.tuples(st.integers(0, 70), st.integers(0, 70)),
)
@example(phrases=["ss"], text="aß", guard=GUARDS[0], ignore_case=True, bounds=(0, 9))
@example(phrases=["ab"], text="²ab", guard=GUARDS[2], ignore_case=False, bounds=(0, 9))
@example(phrases=["1"], text="²1", guard=GUARDS[2], ignore_case=False, bounds=(0, 9))
@example(phrases=["ab"], text="_ab", guard=GUARDS[0], ignore_case=False, bounds=(0, 9))
@example(phrases=["a b"], text="a\n b", guard=GUARDS[1], ignore_case=False, bounds=(0, 9))
@example(phrases=["ss b", "a"], text="ß b as b", guard=GUARDS[0], ignore_case=True, bounds=(0, 9))
def test_an_anchored_scan_finds_what_its_pattern_finds(
    phrases: list[str],
    text: str,
    guard: str,
    ignore_case: bool,
    bounds: tuple[int, int],
) -> None:
    flags = regex.IGNORECASE | regex.VERSION1 if ignore_case else 0
    pattern = regex.compile(rf"{guard}(?:{alternation(phrases)})(?![\p{{L}}\p{{N}}])", flags)
    scan = AnchoredScan(pattern, phrases)
    pos, endpos = bounds
    assert _spans(scan.finditer(text, pos, endpos)) == _spans(pattern.finditer(text, pos, endpos))
    assert _spans(scan.finditer(text)) == _spans(pattern.finditer(text))
    first = scan.search(text, pos, endpos)
    expected = pattern.search(text, pos, endpos)
    assert (first and first.span()) == (expected and expected.span())
    start, end = sorted(bounds)
    assert _spans(scan.finditer_in(text, start, end)) == _spans(pattern.finditer(text[start:end]))


def test_a_scan_tries_its_pattern_only_where_a_phrase_may_start() -> None:
    scan = AnchoredScan(regex.compile(r"\b(?:Kenya|UN)\b"), ["Kenya", "UN"])
    text = "Kenyan troops and the UN and unity in Kenya."
    # "Ken" opens Kenyan and Kenya; "un" opens UN and unity (case-folded)
    assert scan.starts(text) == [0, 22, 29, 38]
    assert [m[0] for m in scan.finditer(text)] == ["UN", "Kenya"]


def test_a_short_first_word_anchors_only_where_a_space_follows_it() -> None:
    scan = AnchoredScan(
        regex.compile(r"\b(?:at\s+present|a\s+later\s+date)\b"), ["at present", "a later date"]
    )
    text = "at\u2003present, as at a later date; ate a"
    assert scan.starts(text) == [0, 15, 18]  # not "as", "ate", nor the "a" that ends it
    assert [m.span() for m in scan.finditer(text)] == [(0, 10), (18, 30)]


def test_a_phrase_that_no_word_opens_leaves_the_scan_to_its_pattern() -> None:
    pattern = regex.compile(r"(?:“Izvestia”|Pravda)")
    scan = AnchoredScan(pattern, ["“Izvestia”", "Pravda"])
    assert scan.starts("any text") is None
    assert [m[0] for m in scan.finditer("in “Izvestia” and Pravda")] == ["“Izvestia”", "Pravda"]


def test_the_word_index_keys_words_by_their_first_letters_case_folded() -> None:
    index = WordIndex("Straße STRASSE x_y ²3")
    assert index.starts == {"str": [0, 7], "x_y": [15], "y ²": [17], "²3": [19], "3": [20]}
    assert index.keys_starting("st") == ["str"]


def test_a_scan_without_phrases_is_its_pattern_tried_everywhere() -> None:
    scan = AnchoredScan(regex.compile(r"(?<![\p{L}\p{N}])said"), None)
    assert scan.starts("he said") is None
    assert [m.span() for m in scan.finditer("he said", 1)] == [(3, 7)]


def _plain_index(text: str) -> dict[str, list[int]]:
    """The word index as defined: every word start whose character before is no letter
    or decimal digit, keyed by its first characters case-folded, found one by one."""
    starts: dict[str, list[int]] = {}
    for at, char in enumerate(text):
        if regex.match(r"[\p{L}\p{N}]", char) and not (
            at and regex.match(r"[\p{L}\p{Nd}]", text[at - 1])
        ):
            starts.setdefault(text[at : at + 3].casefold()[:3], []).append(at)
    return starts


@given(text=st.text(alphabet=_ALPHABET + "Ⅻ½³٣ ", max_size=80))
@example(text="a²²b x²1 Ⅻa ½½ Straße STRASSE stra x_y ²3 ٣a")
def test_the_word_index_is_the_plain_one(text: str) -> None:
    index = WordIndex(text)
    assert index.starts == _plain_index(text)
    keys = list(index.starts)
    for prefix in {k[:n] for k in keys for n in (1, 2)}:
        assert sorted(index.keys_starting(prefix)) == sorted(
            k for k in keys if k.startswith(prefix)
        )
    for word in {k[:n] for k in keys for n in (1, 2)}:
        assert sorted(index.spaced_keys(word)) == sorted(
            k for k in keys if k[: len(word)] == word and regex.match(r"\s", k[len(word) :])
        )


def test_a_long_stretch_is_scanned_by_the_pattern_and_finds_the_same() -> None:
    """Over one long paragraph the pattern scans it itself (a required literal it looks
    for at each place would cost the square); the matches are the same either way."""
    pattern = regex.compile(r"(?<![\p{L}\p{N}])U\.S\.\s+and\s+\w+")
    scan = AnchoredScan(pattern, ["U.S."])
    text = "U.S." * 3000 + " U.S. and Kenya " + "U.S. " * 10
    assert len(text) > LONG_STRETCH
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    short = text[-200:]
    assert [m.span() for m in scan.finditer(short)] == [m.span() for m in pattern.finditer(short)]
