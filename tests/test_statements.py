"""Tests for communique.parser.statements: the seed, and properties."""

from __future__ import annotations

import json

import attrs
import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from communique import parse
from communique.lexicon import Lexicon, alternation
from communique.model import Span
from communique.parser import statement_acts
from communique.parser.anchored import AnchoredScan
from communique.parser.cues import Sentence, find_cues, vocabulary
from communique.schema import validate
from tests.conftest import GOLD, needs_gold

SEED = GOLD / "limited-times-2023-02-15-unconditional-negotiations.json"


@needs_gold
def test_seed_statements_present() -> None:
    """The seed's key statements are found with their speakers, cues and dates."""
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    document = parse(gold["text"], published=gold["published"])
    names = {a.id: a.name for a in document.actors}
    found = {
        (names.get(s.speaker or ""), s.cue): s.date.value if s.date else None
        for s in document.statements
    }
    expected = {
        ("Sergey Vershinin", "recalled"): "2023-02-11",
        ("Sergey Vershinin", "went on to point out"): "2023-02-11",
        ("Washington Post", "stated"): "2022-11-05",
        ("Kommersant", "exclusively reported"): "2022-11-14",
    }
    assert expected == {key: found.get(key) for key in expected}
    assert {("Elon Musk", "said"), ("Volodymyr Zelensky", "insisted")} <= set(found)


@needs_gold
def test_seed_caption_and_related_headlines_yield_nothing() -> None:
    """Captions and related-article headlines of the seed give no statement."""
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    document = parse(gold["text"], published=gold["published"])
    evidence = [s.evidence.text for s in document.statements]
    assert not any("Joe Biden announced on January 25" in e for e in evidence)
    assert not any(e.startswith("What did the media say") for e in evidence)


_QUOTABLE = st.lists(
    st.sampled_from(
        [
            '"',
            "“",
            "”",
            " said ",
            " told ",
            ",",
            ".",
            " ",
            "\n\n",
            "According to ",
            "He",
            " Anna Berg",
            " Russia",
            " the Kremlin",
            " sources",
            ":",
            "?",
            " that ",
        ]
    ),
    max_size=60,
).map("".join)


@given(_QUOTABLE)
def test_output_validates_on_quote_soup(text: str) -> None:
    """Quote marks and cues in any order give a document that validates."""
    assert [] == validate(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        '"' * 1_000_000,
        "said " * 200_000,
        "“a” " * 250_000,
        "''a'' " * 166_000,
        'He said, "yes." ' * 60_000,
    ],
    ids=["quote-marks", "said-said", "curly-pairs", "newspaper-pairs", "quoted-statements"],
)
def test_megabyte_of_adversarial_text_finishes(text: str) -> None:
    """A megabyte of quote marks or of reporting verbs parses, and the result is exact.

    Quadratic time would show here as a suite that never ends; the figures are printed by
    benchmarks/bench_parse.py, not asserted.
    """
    document = parse(text)
    assert all(
        text[s.evidence.start : s.evidence.end] == s.evidence.text for s in document.statements
    )


@given(
    st.lists(
        st.sampled_from(["said", "told", "Smith", "the", "_", "\u0301", "x", " ", "-", "2", "'"]),
        max_size=12,
    ).map("".join)
)
def test_cue_scan_finds_what_the_cue_pattern_finds(text: str) -> None:
    """find_cues tries the cue pattern only where a word may open a cue, and finds what the
    pattern tried everywhere finds: a cue right after "_" or a combining mark too."""
    words = vocabulary(Lexicon.packaged())
    plain = attrs.evolve(words, cue_scan=AnchoredScan(words.cue_pattern, None))
    sentence = Sentence(Span.of(text, 0, len(text)), text, ())
    assert find_cues(sentence, words) == find_cues(sentence, plain)


def test_cue_after_an_underscore_is_found() -> None:
    text = "Smith_said no"
    cues = find_cues(
        Sentence(Span.of(text, 0, len(text)), text, ()), vocabulary(Lexicon.packaged())
    )
    assert [c.text for c in cues] == ["said"]


def _cue_forms(lexicon: Lexicon) -> list[str]:
    lex = lexicon["cues"]
    forms = list(lex["prepositional"]["according"])
    for table in lex["cues"].values():
        forms.extend(table["forms"])
    return forms


_CUE_PIECES = sorted(
    {v for f in _cue_forms(Lexicon.packaged()) for v in (f, f.capitalize(), f.upper(), f[:-1])}
)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_CUE_PIECES),
            st.sampled_from([" ", "  ", "\n", "-", "", "'", "x", ", ", "\u2003", "2"]),
        ),
        max_size=10,
    ).map(lambda parts: "".join(piece + glue for piece, glue in parts)),
    st.integers(0, 200),
)
@example("According to  according to", 0)
@example("went on to say", 0)
def test_the_cue_tree_matches_what_the_flat_list_of_forms_matches(text: str, pos: int) -> None:
    """The cue pattern reads its forms with case, so their prefix tree matches as the list
    of forms longest first does, though two forms differ only in case."""
    words = vocabulary(Lexicon.packaged())
    flat = alternation(_cue_forms(Lexicon.packaged()))  # the list: "According to" is a twin
    assert r"According\s+to" in flat.split("|")
    plain = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}'’-])(?:{flat})(?![\p{{L}}\p{{N}}-])", regex.VERSION1
    )
    tree = words.cue_pattern
    assert [(m.span(), m[0]) for m in tree.finditer(text, pos)] == [
        (m.span(), m[0]) for m in plain.finditer(text, pos)
    ]
    assert [m.span() for m in tree.finditer(text, overlapped=True)] == [
        m.span() for m in plain.finditer(text, overlapped=True)
    ]


_ACT_PIECES = ("must", "Must", "demanded that", "or else", "unless", "are ready", "is", "ready to",
               "rejects", "reject", "we", "We", "opposed to", "x", "-", "'")  # fmt: skip


@given(
    st.lists(
        st.tuples(st.sampled_from(_ACT_PIECES), st.sampled_from([" ", "  ", "\n", "", "-", "'"])),
        max_size=8,
    ).map(lambda parts: "".join(piece + glue for piece, glue in parts))
)
def test_an_act_is_read_only_where_some_act_form_stands(content: str) -> None:
    """The one scan for any act's form finds one wherever an act's own pattern does."""
    acts = statement_acts._acts(Lexicon.packaged())
    found = any(pattern.search(content) for _, pattern in acts.patterns)
    assert acts.any_form.search(content) is not None or not found
    if not found:
        assert statement_acts._act(content, acts) is None
