"""parse() on untrusted text: any string gives a valid Document, or the documented error.

The inputs that once crashed it or gave invalid output are data in
``tests/data/untrusted_texts.json`` (JSON, since TOML cannot hold a lone surrogate): the
text, the ``published`` argument, and either the ``published`` the Document must carry or
the error ``parse`` must raise. The properties draw any Unicode text, weighted towards
what the rules read (cue words, quotation marks, controls, bidirectional marks); set
``COMMUNIQUE_FUZZ=long`` for a longer run on a workstation.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique import Document, Lexicon, dumps, parse, to_dict, validate

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "untrusted_texts.json").read_text(encoding="utf-8")
)


def span_slices(data: Any) -> Iterator[tuple[str, tuple[int, int]]]:
    """Every span of a Document's JSON: the text it quotes and the slice it names."""
    if isinstance(data, dict):
        if {"start", "end", "text"} <= data.keys() and isinstance(data["start"], int):
            yield data["text"], (data["start"], data["end"])
        for value in data.values():
            yield from span_slices(value)
    elif isinstance(data, list):
        for value in data:
            yield from span_slices(value)


def assert_sound(document: Document, text: str) -> None:
    """``document`` validates, its spans quote ``text`` exactly."""
    assert [] == validate(document)
    assert document.text == text
    for quoted, (start, end) in span_slices(to_dict(document)):
        assert text[start:end] == quoted


@pytest.mark.parametrize(
    "case", [c for c in CASES if "expect_error" not in c], ids=lambda c: c["name"]
)
def test_a_hostile_text_parses_into_a_valid_document(case: dict[str, Any]) -> None:
    document = parse(case["text"], published=case["published"])
    assert_sound(document, case["text"])
    assert case["expect_published"] == document.published
    assert dumps(document) == dumps(parse(case["text"], published=case["published"]))


@pytest.mark.parametrize(
    "case", [c for c in CASES if "expect_error" in c], ids=lambda c: c["name"]
)
def test_a_lone_surrogate_is_refused_naming_its_offset(case: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=re.escape(case["expect_error"])):
        parse(case["text"], published=case["published"])


_LONG = os.environ.get("COMMUNIQUE_FUZZ") == "long"
_EXAMPLES = settings(
    max_examples=3000 if _LONG else 60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)

#: Every reporting cue of the packaged lexicon.
CUE_WORDS = sorted(
    {form for table in Lexicon.packaged()["cues"]["cues"].values() for form in table["forms"]}
)
#: Quotation marks of every script and convention the rules know or might meet.
QUOTE_MARKS = [*"\"'`“”‘’„‚‟‛«»‹›「」『』〝〞〟＂＇❝❞⹂", "''", "``"]
#: Characters that change how text reads without being seen: controls, line and paragraph
#: separators, bidirectional marks and overrides, joiners, the byte-order mark.
INVISIBLES = list("\x00\t\r\x0b\x0c\x1c\x1f\x7f\x85\xa0\u2028\u2029") + list(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u061c\ufeff"
)
_NEWS = [
    "President Bill Clinton said on Monday",
    "Mr. Smith told reporters:",
    "the minister said the talks would resume next week",
    "Feb 15, 2023",
    "WASHINGTON (AP) _",
    "U.S. and Russia",
    "\n\n",
    ". ",
    ", ",
]
_PIECES = st.one_of(
    st.sampled_from(CUE_WORDS),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(INVISIBLES),
    st.sampled_from(_NEWS),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=8),
)
#: Any string a UTF-8 decoder can give: all of Unicode but surrogates, in pieces the rules
#: react to.
utf8_texts = st.lists(_PIECES, max_size=40).map(" ".join) | st.text(
    st.characters(exclude_categories=["Cs"]), max_size=200
)


@_EXAMPLES
@given(utf8_texts, st.none() | st.dates(min_value=dt.date(1, 1, 1)))
def test_any_text_gives_a_valid_document_with_exact_spans_and_one_output(
    text: str, published: dt.date | None
) -> None:
    document = parse(text, published=published)
    assert_sound(document, text)
    assert dumps(document) == dumps(parse(text, published=published))


@_EXAMPLES
@given(utf8_texts, st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3), st.data())
def test_any_text_with_a_surrogate_is_refused_naming_the_first(
    text: str, surrogates: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(text)))
    hostile = text[:at] + surrogates + text[at:]
    with pytest.raises(ValueError, match=f"at offset {at},"):
        parse(hostile)


@settings(max_examples=len(CUE_WORDS) if _LONG else 4, deadline=None)
@given(st.sampled_from(CUE_WORDS), st.sampled_from([" ", ", ", ". ", "\n", ' " ']))
def test_ten_thousand_repeated_cue_words_give_a_valid_document(cue: str, gap: str) -> None:
    text = (cue + gap) * 10_000
    assert_sound(parse(text), text)
