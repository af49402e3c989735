"""Tests for communique.parser.proposals: the seed, and properties."""

from __future__ import annotations

import json

import regex
from hypothesis import given
from hypothesis import strategies as st

from communique import parse
from communique.parser.actor_table import ActorTable, Mention
from communique.parser.article import read_article
from communique.parser.proposals import FINDERS, find_proposals
from communique.schema import validate
from tests.conftest import GOLD, needs_gold

SEED = GOLD / "limited-times-2023-02-15-unconditional-negotiations.json"


def test_finders_are_named_rules() -> None:
    """The rules that find proposals are a table of named functions, tried in order."""
    assert ["cue", "plan", "formula", "noun", "position"] == list(FINDERS)


@needs_gold
def test_seed_proposals_present() -> None:
    """The seed's proposals are found with their proposers, points and dates."""
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    document = parse(gold["text"], published=gold["published"])
    names = {a.id: a.name for a in document.actors}
    found = {
        (names.get(p.proposer or ""), p.date.value if p.date else None, len(p.points))
        for p in document.proposals
    }
    expected = {
        ("Sergey Vershinin", "2023-02-11", 0),
        ("Ukraine", "2022-02-28", 0),
        ("Henry Kissinger", "2022-05-23", 0),
        ("Henry Kissinger", "2022-09-30", 0),
        ("Elon Musk", "2022-10", 4),
        ("Joe Biden", "2023-01", 0),
    }
    assert expected <= found


_PROPOSING = st.lists(
    st.sampled_from(
        [
            " Russia",
            " Ukraine",
            " proposed",
            " calling on",
            " a plan",
            ":",
            " first,",
            ";",
            " second,",
            " drafted by",
            " Biden",
            " without preconditions",
            " negotiations",
            " said",
            ",",
            ".",
            " denied the report",
            " territory for peace",
            "\n\n",
        ]
    ),
    max_size=60,
).map("".join)


@given(_PROPOSING)
def test_output_validates_on_proposal_soup(text: str) -> None:
    """Cues, plans and formulas in any order give a document that validates."""
    assert [] == validate(parse(text, published="2023-02-15"))


def test_megabyte_of_cues_finishes() -> None:
    """200 KB of proposing cues, with an actor in every sentence, gives exact spans."""
    text = "Russia proposed a ceasefire along the whole front line: first, a; second, b. " * 2_600
    mentions = tuple(Mention(m.start(), m.end(), "russia") for m in regex.finditer("Russia", text))
    found = find_proposals(text, read_article(text), ActorTable(actors=(), mentions=mentions))
    assert found
    assert all(text[p.evidence.start : p.evidence.end] == p.evidence.text for p in found)
