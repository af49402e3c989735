"""Tests for communique.parser.sentences: sentence and quotation spans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.parser.sentences import find_quotations, split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    """Titles, months and initials keep the sentence going."""
    text = "Lt. Gen. John Smith met Mr. Jones on Jan. 5 in Washington. They spoke."
    assert ["Lt. Gen. John Smith met Mr. Jones on Jan. 5 in Washington.", "They spoke."] == (
        _texts(text)
    )


def test_initialism_ends_sentence_before_an_opener() -> None:
    """'U.S.' ends a sentence when a sentence opener follows, not before a name."""
    text = "He flew to the U.S. The talks began. The U.S. Senate agreed."
    assert ["He flew to the U.S.", "The talks began.", "The U.S. Senate agreed."] == (_texts(text))


def test_quote_closing_after_the_stop_stays_with_its_sentence() -> None:
    """Closing quotes after the full stop belong to the sentence that ends there."""
    text = 'He said, "It is over." Then he left.'
    assert ['He said, "It is over."', "Then he left."] == _texts(text)


def test_line_breaks_end_sentences() -> None:
    """A paragraph break always ends a sentence, even without punctuation."""
    assert ["Headline here", "Body text."] == _texts("Headline here\nBody text.")


def test_offsets_respect_start_and_end() -> None:
    """Sentences are found only inside the requested range, with absolute offsets."""
    text = "One. Two. Three."
    spans = split_sentences(text, 5, 9)
    assert [(5, 9, "Two.")] == [(s.start, s.end, s.text) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we agree" today.', ["we agree"]),
        ("He said “we agree” today.", ["we agree"]),
        ("He said ``we agree'' today.", ["we agree"]),
        ("He said ''we agree,'' and the students'' union left.", ["we agree,"]),
        ("« Nous acceptons » a-t-il dit.", [" Nous acceptons "]),
    ],
)
def test_quotation_marks_of_each_style(text: str, expected: list[str]) -> None:
    """Straight, curly, TeX, newspaper ('') and guillemet quotations, without their marks."""
    assert expected == [q.text for q in find_quotations(text)]


def test_quotation_over_paragraphs_is_one_span() -> None:
    """A quote continued into the next paragraph (news style) is one span."""
    text = "“We will not yield.\n“We will win,” he said."
    assert ["We will not yield.\n“We will win,"] == [q.text for q in find_quotations(text)]


def test_unbalanced_quote_does_not_swallow_the_rest() -> None:
    """A quote left open at a paragraph end is dropped; later quotes are still found."""
    text = 'He said "this never closes.\nLater she said "yes" and left.'
    assert ["yes"] == [q.text for q in find_quotations(text)]


@given(st.text(alphabet=st.sampled_from(list("ab .,!?\"“”'`\nUSMr.J"))))
def test_spans_are_slices(text: str) -> None:
    """Every sentence and quotation span is the slice of the input it claims to be."""
    spans = split_sentences(text) + find_quotations(text)
    assert all(s.text == text[s.start : s.end] for s in spans)


@pytest.mark.parametrize(
    "text",
    ["Mr. " * 50_000, "U.S. A. " * 25_000, '"a\n' * 50_000, '"' * 200_000],
    ids=["abbreviations", "initialisms", "open quotes per paragraph", "quote marks"],
)
def test_pathological_inputs_finish(text: str) -> None:
    """Inputs of 200 KB that defeat the rules still split, and spans stay exact."""
    spans = split_sentences(text) + find_quotations(text)
    assert all(text[s.start : s.end] == s.text for s in spans)
