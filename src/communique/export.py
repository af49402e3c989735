"""Flat rows of one record type, for spreadsheets and event-data tables."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from communique.model import Actor, DateValue, Document, Event, Proposal, Statement

#: The record types that can be exported, with their columns in order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "statements": (
        "document", "id", "speaker", "speaker_name", "speaker_country", "cue", "mode",
        "act", "negated", "content", "addressees", "date", "date_end", "start", "end",
    ),
    "events": (
        "document", "id", "type", "mode", "label", "participants", "participant_names",
        "location", "date", "date_end", "start", "end",
    ),
    "proposals": (
        "document", "id", "proposer", "proposer_name", "status", "summary", "points",
        "addressees", "date", "date_end", "start", "end",
    ),
    "actors": (
        "document", "id", "kind", "name", "aliases", "title", "country", "sector",
        "mentions",
    ),
}  # fmt: skip

_JOIN = "; "


def _date(date: DateValue | None) -> dict[str, str]:
    return {
        "date": date.value if date else "",
        "date_end": (date.end or "") if date else "",
    }


def _names(document: Document) -> Callable[[str | None], tuple[str, str]]:
    actors = {actor.id: actor for actor in document.actors}

    def name_and_country(actor_id: str | None) -> tuple[str, str]:
        actor = actors.get(actor_id or "")
        return (actor.name, actor.country or "") if actor else ("", "")

    return name_and_country


def _statement(document: Document, record: Statement) -> dict[str, str]:
    name, country = _names(document)(record.speaker)
    return {
        "id": record.id,
        "speaker": record.speaker or "",
        "speaker_name": name,
        "speaker_country": country,
        "cue": record.cue,
        "mode": record.mode.value,
        "act": record.act.value if record.act else "",
        "negated": "true" if record.negated else "false",
        "content": record.content,
        "addressees": _JOIN.join(record.addressees),
        **_date(record.date),
        "start": str(record.evidence.start),
        "end": str(record.evidence.end),
    }


def _event(document: Document, record: Event) -> dict[str, str]:
    names = _names(document)
    return {
        "id": record.id,
        "type": record.type.value,
        "mode": record.mode or "",
        "label": record.label,
        "participants": _JOIN.join(record.participants),
        "participant_names": _JOIN.join(names(p)[0] for p in record.participants),
        "location": record.location or "",
        **_date(record.date),
        "start": str(record.evidence.start),
        "end": str(record.evidence.end),
    }


def _proposal(document: Document, record: Proposal) -> dict[str, str]:
    return {
        "id": record.id,
        "proposer": record.proposer or "",
        "proposer_name": _names(document)(record.proposer)[0],
        "status": record.status.value if record.status else "",
        "summary": record.summary,
        "points": _JOIN.join(record.points),
        "addressees": _JOIN.join(record.addressees),
        **_date(record.date),
        "start": str(record.evidence.start),
        "end": str(record.evidence.end),
    }


def _actor(document: Document, record: Actor) -> dict[str, str]:
    return {
        "id": record.id,
        "kind": record.kind.value,
        "name": record.name,
        "aliases": _JOIN.join(record.aliases),
        "title": record.title or "",
        "country": record.country or "",
        "sector": record.sector or "",
        "mentions": str(len(record.mentions)),
    }


_ROWS: dict[str, Callable[[Document], list[dict[str, str]]]] = {
    "statements": lambda d: [_statement(d, r) for r in d.statements],
    "events": lambda d: [_event(d, r) for r in d.events],
    "proposals": lambda d: [_proposal(d, r) for r in d.proposals],
    "actors": lambda d: [_actor(d, r) for r in d.actors],
}


def rows(documents: Iterable[Document], records: str) -> Iterator[dict[str, str]]:
    """One flat row per record of type ``records`` ("statements", "events", ...).

    Lists are joined with "; ", absent values are empty strings, and every row starts
    with the id of its document.

    Raises:
        ValueError: ``records`` is not one of :data:`COLUMNS`.
    """
    if records not in _ROWS:
        raise ValueError(f"cannot export {records!r}; choose one of {', '.join(COLUMNS)}")
    for document in documents:
        for row in _ROWS[records](document):
            yield {"document": document.id, **row}


def write_table(
    documents: Iterable[Document], records: str, stream: IO[str], *, delimiter: str = ","
) -> int:
    """Write the rows of :func:`rows` as CSV (or TSV) with a header; return the row count."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS[records], delimiter=delimiter)
    writer.writeheader()
    count = 0
    for row in rows(documents, records):
        writer.writerow(row)
        count += 1
    return count
