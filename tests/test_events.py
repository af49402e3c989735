"""Tests for communique.parser.events: the gold articles, properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from communique import EVENT_MODES, EventType, parse
from communique.lexicon import Lexicon
from communique.parser.actor_table import ActorTable, Mention
from communique.parser.article import read_article
from communique.parser.events import REJECTIONS, find_events
from communique.schema import validate
from tests.conftest import GOLD, gold_files, needs_gold

SEED = GOLD / "limited-times-2023-02-15-unconditional-negotiations.json"


def test_lexicon_forms_are_unique_and_modes_allowed() -> None:
    """Every trigger form belongs to one group, and every group's mode is one of its type's."""
    seen: dict[str, str] = {}
    for group in Lexicon.packaged()["events"]["group"]:
        kind = EventType(group["type"])
        assert group.get("mode") is None or group["mode"] in EVENT_MODES[kind]
        for entry in [*group.get("verbs", []), *group.get("nouns", [])]:
            lemma, *forms = entry.split("|")
            for form in forms or [lemma]:
                key = " ".join(form.casefold().split())
                assert key not in seen, f"{form!r} is in {seen.get(key)} and {entry}"
                seen[key] = entry


def test_dyad_words_are_read_from_the_lexicon() -> None:
    """A word added to ``[events.roles]`` by an overlay changes who acts on whom: "secretly"
    is no known word between a subject and its verb until the overlay lists it."""
    text = "Iraq secretly invaded Kuwait on Monday."
    mine = Lexicon.packaged().overlay({"events": {"roles": {"subject_verb_gap": ["secretly"]}}})

    def dyads(lexicon: Lexicon | None) -> list[tuple[str | None, str | None]]:
        document = parse(text, published="2023-03-01", lexicon=lexicon)
        names = {actor.id: actor.name for actor in document.actors}
        return [(names.get(e.source or ""), names.get(e.target or "")) for e in document.events]

    assert dyads(None) == [(None, "Kuwait")]
    assert dyads(mine) == [("Iraq", "Kuwait")]


def test_rejections_are_named_rules() -> None:
    """The rules that drop a trigger are a table of named functions, tried in order."""
    assert [
        "negated",
        "unreal",
        "infinitive",
        "plan item",
        "topic",
        "unanchored",
        "anaphoric",
        "predicate",
    ] == list(REJECTIONS)


@needs_gold
def test_seed_events_present() -> None:
    """The seed's dated events are found with their type and date."""
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    document = parse(gold["text"], published=gold["published"])
    found = {(e.type.value, e.date.value if e.date else None) for e in document.events}
    expected = {
        ("CONSULT", "2023-02-09"),
        ("CONSULT", "2022-02-28"),
        ("OTHER", "2022-09-30"),
        ("AID", "2023-01-25"),
        ("CONSULT", "2023-01-20"),
        ("CONSULT", "2022-11-14"),
        ("CONSULT", "2023-01"),
        ("ASSAULT", "2022-11-15"),
    }
    assert expected <= found


@needs_gold
def test_seed_related_headlines_yield_no_event() -> None:
    """Related-article headlines and site chrome of the seed give no event."""
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    document = parse(gold["text"], published=gold["published"])
    related = gold["text"].index("2023 Russia Prospect (2)")
    assert all(e.evidence.start < related for e in document.events)


@needs_gold
@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem[:40])
def test_gold_documents_with_events_validate(path: Path) -> None:
    """parse() of every gold article, events and proposals included, validates."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert [] == validate(parse(gold["text"], published=gold["published"]))


_EVENTFUL = st.lists(
    st.sampled_from(
        [
            " Russia",
            " Ukraine",
            " met",
            " with",
            " talks",
            " in",
            " Ankara",
            ",",
            ".",
            ";",
            ":",
            " held",
            " the",
            " summit",
            " first",
            " not",
            " to",
            " withdrew",
            " will visit",
            " on February 9",
            " They",
            " signed",
            " agreement",
            " attack",
            "\n\n",
        ]
    ),
    max_size=60,
).map("".join)


@given(_EVENTFUL)
def test_output_validates_on_trigger_soup(text: str) -> None:
    """Triggers, actors and dates in any order give a document that validates."""
    document = parse(text, published="2023-02-15")
    assert [] == validate(document)


@pytest.mark.parametrize(
    "text",
    [
        "met with talks summit attack " * 35_000,
        "Russia met with Ukraine in Ankara. " * 30_000,
        "attack " * 150_000,
    ],
    ids=["trigger-soup", "meetings", "one-word"],
)
def test_megabyte_of_triggers_finishes(text: str) -> None:
    """A megabyte of trigger words, with actors on every line, gives exact spans.

    Quadratic time would show here as a suite that never ends; benchmarks/bench_parse.py
    prints the figures.
    """
    mentions = tuple(
        Mention(m.start(), m.end(), "russia" if m.group() == "Russia" else "ukraine")
        for m in regex.finditer(r"Russia|Ukraine", text)
    )
    table = ActorTable(actors=(), mentions=mentions)
    events = find_events(text, read_article(text), table, ())
    assert all(text[e.evidence.start : e.evidence.end] == e.evidence.text for e in events)
