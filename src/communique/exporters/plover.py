"""PLOVER event records: one JSON object per event, and per statement that carries an act.

The fields follow the PLOVER manual's interchange records: ``event`` (the category),
``mode``, ``actor`` and ``recipient`` (each with PLOVER country and sector codes), the
date, the text with its source offsets, and the citation of the article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

from communique.exporters import write_json_lines
from communique.model import Actor, DateValue, Document, Event, EventType, Span, Statement

#: The fields of every PLOVER record, in order.
FIELDS = (
    "id", "event", "mode", "date", "date_end", "actor", "recipient", "participants",
    "location", "text", "offsets", "record", "citation",
)  # fmt: skip


def _actor(actors: dict[str, Actor], actor_id: str | None) -> dict[str, Any] | None:
    actor = actors.get(actor_id or "")
    if actor is None:
        return None
    return {
        "id": actor.id,
        "name": actor.name,
        "text": actor.mentions[0].text if actor.mentions else actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "kind": actor.kind.value,
    }


def _citation(document: Document) -> dict[str, Any]:
    return {
        "document": document.id,
        "title": document.title,
        "outlet": document.outlet,
        "published": document.published,
        "origin": document.origin,
        "language": document.language,
        "text_sha256": document.text_sha256,
    }


def _common(
    document: Document, record_id: str, date: DateValue | None, evidence: Span
) -> dict[str, Any]:
    return {
        "id": f"{document.id}:{record_id}",
        "date": date.value if date else None,
        "date_end": date.end if date else None,
        "text": evidence.text,
        "offsets": {"start": evidence.start, "end": evidence.end},
    }


def _event(document: Document, actors: dict[str, Actor], event: Event) -> dict[str, Any]:
    common = _common(document, event.id, event.date, event.evidence)
    return {
        "id": common["id"],
        "event": event.type.value,
        "mode": event.mode,
        "date": common["date"],
        "date_end": common["date_end"],
        "actor": _actor(actors, event.source),
        "recipient": _actor(actors, event.target),
        "participants": [_actor(actors, p) for p in event.participants],
        "location": event.location,
        "text": common["text"],
        "offsets": common["offsets"],
        "record": {"type": "event", "id": event.id, "label": event.label},
        "citation": _citation(document),
    }


def _statement(
    document: Document, actors: dict[str, Actor], statement: Statement
) -> dict[str, Any]:
    assert statement.act is not None
    common = _common(document, statement.id, statement.date, statement.evidence)
    recipient = statement.addressees[0] if len(statement.addressees) == 1 else None
    parties = [p for p in (statement.speaker, *statement.addressees) if p is not None]
    return {
        "id": common["id"],
        "event": statement.act.value,
        "mode": None,
        "date": common["date"],
        "date_end": common["date_end"],
        "actor": _actor(actors, statement.speaker),
        "recipient": _actor(actors, recipient),
        "participants": [_actor(actors, p) for p in dict.fromkeys(parties)],
        "location": None,
        "text": common["text"],
        "offsets": common["offsets"],
        "record": {
            "type": "statement",
            "id": statement.id,
            "cue": statement.cue,
            "content": statement.content,
            "negated": statement.negated,
        },
        "citation": _citation(document),
    }


def plover_records(documents: Iterable[Document]) -> Iterator[dict[str, Any]]:
    """One PLOVER record per event and per statement with an act, in text order.

    A negated statement ("did not reject") is left out: it reports no act; so is an
    event of type OTHER, which is no PLOVER category. ``actor`` and
    ``recipient`` are an event's source and target, a statement's speaker and its one
    addressee; either is null when the text gives none.
    """
    for document in documents:
        actors = {actor.id: actor for actor in document.actors}
        found = [
            (e.evidence.start, 1, _event(document, actors, e))
            for e in document.events
            if e.type is not EventType.OTHER
        ]
        found += [
            (s.evidence.start, 0, _statement(document, actors, s))
            for s in document.statements
            if s.act is not None and not s.negated
        ]
        for _, _, record in sorted(found, key=lambda item: item[:2]):
            yield record


def write_plover(documents: Iterable[Document], stream: IO[str]) -> int:
    """Write :func:`plover_records` as JSON Lines; return the number of records."""
    return write_json_lines(plover_records(documents), stream)
