"""parse() on untrusted text: the inputs that once crashed it or gave invalid output.

Each case is data in ``tests/data/untrusted_texts.json`` (JSON, since TOML cannot hold a
lone surrogate): the text, the ``published`` argument, and either the ``published`` the
Document must carry or the error ``parse`` must raise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from communique import Document, dumps, parse, to_dict, validate

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
