"""PLOVER event records: one JSON object per event, and per statement that carries an act.

The fields follow the PLOVER manual's interchange records (the names of its gold-standard
records): ``event`` (the category), ``mode``, ``actor`` and ``recipient`` (PLOVER 2.0's
names for source and target, each a list of ``{actorText, code, sector}`` with the
country code and the sector), ``date``, ``eventText``, ``eventLoc``, ``text`` with its
source ``offsets``, ``language`` and ``publication``, and the ``citation`` of the article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

from communique.exporters import write_json_lines
from communique.model import Actor, DateValue, Document, Event, EventType, Span, Statement

#: The fields of every PLOVER record, in order: the manual's names where it has one.
FIELDS = (
    "id", "date", "dateEnd", "event", "mode", "actor", "recipient", "participants",
    "eventText", "eventLoc", "text", "offsets", "language", "publication", "citation",
    "record",
)  # fmt: skip


def _party(actors: dict[str, Actor], actor_id: str | None) -> dict[str, Any] | None:
    actor = actors.get(actor_id or "")
    if actor is None:
        return None
    return {
        "actorText": actor.mentions[0].text if actor.mentions else actor.name,
        "code": actor.country,
        "sector": actor.sector,
        "name": actor.name,
        "id": actor.id,
        "kind": actor.kind.value,
    }


def _parties(actors: dict[str, Actor], *actor_ids: str | None) -> list[dict[str, Any]]:
    found = (_party(actors, actor_id) for actor_id in dict.fromkeys(actor_ids))
    return [party for party in found if party is not None]


def _record(
    document: Document,
    record_id: str,
    event: EventType,
    date: DateValue | None,
    evidence: Span,
) -> dict[str, Any]:
    """The fields every record has, in the order of :data:`FIELDS`."""
    return {
        "id": f"{document.id}:{record_id}",
        "date": date.value if date else None,
        "dateEnd": date.end if date else None,
        "event": event.value,
        "mode": None,
        "actor": [],
        "recipient": [],
        "participants": [],
        "eventText": None,
        "eventLoc": None,
        "text": evidence.text,
        "offsets": {"start": evidence.start, "end": evidence.end},
        "language": document.language,
        "publication": document.outlet,
        "citation": {
            "document": document.id,
            "title": document.title,
            "outlet": document.outlet,
            "published": document.published,
            "origin": document.origin,
            "text_sha256": document.text_sha256,
        },
        "record": None,
    }


def _event(document: Document, actors: dict[str, Actor], event: Event) -> dict[str, Any]:
    record = _record(document, event.id, event.type, event.date, event.evidence)
    record.update(
        mode=event.mode,
        actor=_parties(actors, event.source),
        recipient=_parties(actors, event.target),
        participants=_parties(actors, *event.participants),
        eventText=event.label,
        eventLoc={"name": event.location} if event.location else None,
        record={"type": "event", "id": event.id},
    )
    return record


def _statement(
    document: Document, actors: dict[str, Actor], statement: Statement, act: EventType
) -> dict[str, Any]:
    record = _record(document, statement.id, act, statement.date, statement.evidence)
    recipient = statement.addressees[0] if len(statement.addressees) == 1 else None
    record.update(
        actor=_parties(actors, statement.speaker),
        recipient=_parties(actors, recipient),
        participants=_parties(actors, statement.speaker, *statement.addressees),
        eventText=statement.cue,
        record={
            "type": "statement",
            "id": statement.id,
            "content": statement.content,
            "mode": statement.mode.value,
        },
    )
    return record


def plover_records(documents: Iterable[Document]) -> Iterator[dict[str, Any]]:
    """One PLOVER record per event and per statement with an act, in text order.

    A negated statement ("did not reject") is left out: it reports no act; so is an
    event of type OTHER, which is no PLOVER category. ``actor`` and ``recipient`` are
    lists (PLOVER allows compound actors) of ``{actorText, code, sector, name, id,
    kind}``: an event's source and target, a statement's speaker and its one addressee;
    empty when the text gives none.
    """
    for document in documents:
        actors = {actor.id: actor for actor in document.actors}
        found = [
            (e.evidence.start, 1, _event(document, actors, e))
            for e in document.events
            if e.type is not EventType.OTHER
        ]
        found += [
            (s.evidence.start, 0, _statement(document, actors, s, s.act))
            for s in document.statements
            if s.act is not None and not s.negated
        ]
        for _, _, record in sorted(found, key=lambda item: item[:2]):
            yield record


def write_plover(documents: Iterable[Document], stream: IO[str]) -> int:
    """Write :func:`plover_records` as JSON Lines; return the number of records."""
    return write_json_lines(plover_records(documents), stream)
