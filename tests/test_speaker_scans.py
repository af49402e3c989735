"""The source-phrase searches that look only at the end of a stretch find what the plain
forward searches find."""

from __future__ import annotations

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from communique.lexicon import Lexicon
from communique.parser.cues import QUOTES, Vocabulary, vocabulary
from communique.parser.speakers import (
    _without_trailing_marks,
    noun_phrase_before,
    publication_before,
)

#: the packaged words, and a lexicon whose modifiers run over several words (or none)
_VOCABULARIES = (
    vocabulary(Lexicon.packaged()),
    vocabulary(
        Lexicon.packaged().overlay(
            {
                "cues": {
                    "grammar": {"noun_phrase_modifiers": ["more than", "a\tfew", ""]},
                    "publications": {"heads": ["exit poll"]},
                }
            }
        )
    ),
)
_WORDS = st.sampled_from(
    ["the", "The", "a", "more", "than", "few", "senior", "top", "Kenyan", "chemical", "poll",
     "POLLS", "exit", "study", "mainly", "U.S.", "Post-ABC", "Smith's", "official", "x", "-",
     "(", ")", ",", "“", "'", "’", "2", "ſ", "K"]
)  # fmt: skip
_SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u2003", "", "\x1c"])
_ENDINGS = st.sampled_from(["", " poll", " Exit Poll\n", " study ", " official", "\nsurveys\n\n"])
_TEXT = st.tuples(st.lists(st.tuples(_WORDS, _SPACES), max_size=14), _ENDINGS).map(
    lambda parts: "".join(w + s for w, s in parts[0]) + parts[1]
)


def _span(m: object) -> object:
    return m and (m.span(), m.groupdict())  # type: ignore[attr-defined]


@given(
    text=_TEXT,
    start=st.integers(0, 60),
    end=st.none() | st.integers(0, 120),
    which=st.sampled_from(_VOCABULARIES),
)
@example(
    text="the a few more than x senior top official", start=0, end=None, which=_VOCABULARIES[1]
)
@example(text="a new Post-ABC exit poll\n", start=0, end=None, which=_VOCABULARIES[1])
def test_end_searches_find_what_the_forward_searches_find(
    text: str, start: int, end: int | None, which: Vocabulary
) -> None:
    end = len(text) if end is None else max(start, end)
    assert _span(noun_phrase_before(text, start, end, which)) == _span(
        which.noun_phrase_end.search(text, start, end)
    )
    assert _span(publication_before(text, start, end, which)) == _span(
        which.publication.search(text, start, end)
    )


@given(
    text=st.text(alphabet="ab \n\t\u2003\x1c\"“”‘’'.,", max_size=30),
    start=st.integers(0, 35),
    end=st.integers(0, 35),
)
@example(text='ab "\n', start=0, end=5)
@example(text="ab\n", start=0, end=3)
def test_trailing_marks_are_what_the_forward_pattern_strips(
    text: str, start: int, end: int
) -> None:
    forward = regex.compile(rf"[\s{regex.escape(QUOTES)}]+$")
    plain = start + len(forward.sub("", text[start:end]))
    assert _without_trailing_marks(text, start, end) == plain
