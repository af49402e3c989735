"""The anchored scans of the event and proposal stages find what their patterns find."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from communique.lexicon import Lexicon
from communique.parser import events, proposals
from communique.parser.anchored import AnchoredScan

_LEXICON = Lexicon.packaged()
_PIECES = (
    "a", "an", "the", "A", "An", "peace", "plan", "plans", "drafted", "by", "Biden", "called",
    "for", "calling", "on", "asked", "Congress", "to", "approve", "Iran's", "counteroffer",
    "offer", "demand", "met", "talks", "strike", "on strike", "attack", "attacked", "March",
    "march", "ß", "İ", "re", "x",
)  # fmt: skip
_GLUE = st.sampled_from([" ", "  ", "\n", "-", ", ", ".", "'", ": ", "", "\u2003", "_"])
_TEXT = st.lists(st.tuples(st.sampled_from(_PIECES), _GLUE), max_size=14).map(
    lambda parts: "".join(piece + glue for piece, glue in parts)
)


def _scans() -> list[AnchoredScan]:
    words = proposals._vocabulary(_LEXICON)
    return [
        events._vocabulary(_LEXICON).trigger_scan,
        words.cue_scan,
        words.addressed_scan,
        words.noun_scan,
        words.plan_scan,
    ]


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=300)
@given(text=_TEXT, bounds=st.tuples(st.integers(0, 90), st.integers(0, 90)))
@example(text="They attacked. A\tpeace plan drafted by Biden, an offer for talks", bounds=(0, 90))
def test_each_anchored_scan_finds_what_its_pattern_finds(
    text: str, bounds: tuple[int, int]
) -> None:
    start, end = sorted(bounds)
    for scan in _scans():
        pattern: regex.Pattern[str] = scan.pattern
        assert _spans(scan.finditer(text, start, end)) == _spans(
            pattern.finditer(text, start, end)
        )
