"""Hypothesis strategies for every record type, consistent with a generated text."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import attrs
from hypothesis import strategies as st

from communique.model import (
    EVENT_MODES,
    SCHEMA_VERSIONS,
    Actor,
    ActorKind,
    DateSource,
    DateValue,
    Document,
    Event,
    EventType,
    Extractor,
    Identifier,
    Precision,
    Proposal,
    ProposalStatus,
    Span,
    Statement,
    StatementMode,
)

# Any Unicode text but surrogates, which JSON (and UTF-8) cannot carry.
texts = st.text(st.characters(codec="utf-8"), max_size=40)
short_texts = st.text(st.characters(codec="utf-8"), max_size=12)
record_ids = st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=8)
codes = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3)
json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(short_texts, inner, max_size=3),
    max_leaves=8,
)
extensions = st.dictionaries(short_texts, json_values, max_size=3)


def _references(actor_ids: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(actor_ids) if actor_ids else st.nothing()


@st.composite
def spans(draw: st.DrawFn, text: str) -> Span:
    """A span of ``text``, possibly empty."""
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Span.of(text, start, end)


@st.composite
def date_values(draw: st.DrawFn) -> DateValue:
    """A real calendar date at any precision, sometimes a range."""
    day = draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 30)))
    precision = draw(st.sampled_from(Precision))
    width = {Precision.YEAR: 4, Precision.MONTH: 7, Precision.DAY: 10}[precision]
    value = day.isoformat()[:width]
    end = None
    if draw(st.booleans()):
        later = draw(st.dates(min_value=day, max_value=dt.date(9999, 12, 31)))
        end = later.isoformat()[:width]
    return DateValue(
        value=value,
        end=end,
        precision=precision,
        text=draw(texts),
        source=draw(st.sampled_from(DateSource)),
    )


def optional_dates() -> st.SearchStrategy[DateValue | None]:
    """A date or None."""
    return st.none() | date_values()


@st.composite
def actors(draw: st.DrawFn, text: str, actor_id: str) -> Actor:
    """An actor whose mentions are spans of ``text``."""
    return Actor(
        id=actor_id,
        kind=draw(st.sampled_from(ActorKind)),
        name=draw(texts),
        aliases=tuple(draw(st.lists(texts, max_size=3))),
        title=draw(st.none() | texts),
        country=draw(st.none() | codes),
        sector=draw(st.none() | codes),
        identifiers=tuple(
            draw(st.lists(st.builds(Identifier, scheme=short_texts, value=texts), max_size=2))
        ),
        mentions=tuple(draw(st.lists(spans(text), max_size=3))),
        extensions=draw(extensions),
    )


@st.composite
def statements(draw: st.DrawFn, text: str, record_id: str, actor_ids: list[str]) -> Statement:
    """A statement whose speaker and addressees are among ``actor_ids``."""
    refs = _references(actor_ids)
    return Statement(
        id=record_id,
        speaker=draw(st.none() | refs),
        addressees=tuple(draw(st.lists(refs, max_size=2 if actor_ids else 0))),
        cue=draw(texts),
        mode=draw(st.sampled_from(StatementMode)),
        content=draw(texts),
        act=draw(st.none() | st.sampled_from([t for t in EventType if t is not EventType.OTHER])),
        negated=draw(st.booleans()),
        date=draw(optional_dates()),
        evidence=draw(spans(text)),
        extensions=draw(extensions),
    )


@st.composite
def proposals(draw: st.DrawFn, text: str, record_id: str, actor_ids: list[str]) -> Proposal:
    """A proposal whose proposer and addressees are among ``actor_ids``."""
    refs = _references(actor_ids)
    return Proposal(
        id=record_id,
        proposer=draw(st.none() | refs),
        addressees=tuple(draw(st.lists(refs, max_size=2 if actor_ids else 0))),
        summary=draw(texts),
        points=tuple(draw(st.lists(texts, max_size=3))),
        status=draw(st.none() | st.sampled_from(ProposalStatus)),
        date=draw(optional_dates()),
        evidence=draw(spans(text)),
        extensions=draw(extensions),
    )


@st.composite
def events(draw: st.DrawFn, text: str, record_id: str, actor_ids: list[str]) -> Event:
    """An event with a mode of its type, and participants among ``actor_ids``."""
    refs = _references(actor_ids)
    kind = draw(st.sampled_from(EventType))
    participants = tuple(draw(st.lists(refs, max_size=3 if actor_ids else 0)))
    dyad = st.none() | st.sampled_from(participants) if participants else st.none()
    return Event(
        id=record_id,
        type=kind,
        mode=draw(st.none() | st.sampled_from(EVENT_MODES[kind] or (None,))),
        label=draw(texts),
        participants=participants,
        source=draw(dyad),
        target=draw(dyad),
        location=draw(st.none() | texts),
        date=draw(optional_dates()),
        evidence=draw(spans(text)),
        extensions=draw(extensions),
    )


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A Document whose records are consistent: unique ids, real references, exact spans."""
    text = draw(st.text(st.characters(codec="utf-8"), max_size=200))
    ids = iter(draw(st.lists(record_ids, unique=True, min_size=40, max_size=40)))
    actor_list = [draw(actors(text, next(ids))) for _ in range(draw(st.integers(0, 3)))]
    actor_ids = [actor.id for actor in actor_list]

    def some(strategy: Any) -> tuple[Any, ...]:
        count = draw(st.integers(0, 3))
        return tuple(draw(strategy(text, next(ids), actor_ids)) for _ in range(count))

    published = draw(
        st.none()
        | st.dates().map(dt.date.isoformat)
        | st.datetimes(timezones=st.just(dt.UTC)).map(lambda d: d.isoformat())
    )
    version = draw(st.sampled_from(SCHEMA_VERSIONS))
    event_list = some(events)
    if version == "1.0":  # schema 1.0 events have no source or target
        event_list = tuple(attrs.evolve(e, source=None, target=None) for e in event_list)
    return Document(
        schema_version=version,
        id=next(ids),
        title=draw(st.none() | texts),
        published=published,
        outlet=draw(st.none() | texts),
        origin=draw(st.none() | texts),
        text=text,
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        actors=tuple(actor_list),
        statements=some(statements),
        proposals=some(proposals),
        events=event_list,
        extractor=draw(st.none() | st.builds(Extractor, name=short_texts, version=short_texts)),
        extensions=draw(extensions),
    )
