"""Flat rows of one record type, for spreadsheets and event-data tables."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from communique.model import Actor, DateValue, Document, Event, Proposal, Span, Statement

#: The record types that can be exported, with their columns in order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "statements": (
        "document", "id", "speaker", "speaker_name", "speaker_country", "cue", "mode",
        "act", "negated", "content", "addressees", "date", "date_end", "start", "end",
    ),
    "events": (
        "document", "id", "type", "mode", "label", "participants", "participant_names",
        "source", "source_name", "target", "target_name", "location", "date", "date_end",
        "start", "end",
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

#: A typed cell: text, a count or offset, a flag, a list of texts, or none.
Cell = str | int | bool | tuple[str, ...] | None


def _date(date: DateValue | None) -> dict[str, Cell]:
    return {"date": date.value if date else None, "date_end": date.end if date else None}


def _names(document: Document) -> Callable[[str | None], tuple[str | None, str | None]]:
    actors = {actor.id: actor for actor in document.actors}

    def name_and_country(actor_id: str | None) -> tuple[str | None, str | None]:
        actor = actors.get(actor_id or "")
        return (actor.name, actor.country) if actor else (None, None)

    return name_and_country


def _evidence(span: Span) -> dict[str, Cell]:
    return {"start": span.start, "end": span.end}


def _statement(document: Document, record: Statement) -> dict[str, Cell]:
    name, country = _names(document)(record.speaker)
    return {
        "id": record.id,
        "speaker": record.speaker,
        "speaker_name": name,
        "speaker_country": country,
        "cue": record.cue,
        "mode": record.mode.value,
        "act": record.act.value if record.act else None,
        "negated": record.negated,
        "content": record.content,
        "addressees": record.addressees,
        **_date(record.date),
        **_evidence(record.evidence),
    }


def _event(document: Document, record: Event) -> dict[str, Cell]:
    names = _names(document)
    return {
        "id": record.id,
        "type": record.type.value,
        "mode": record.mode,
        "label": record.label,
        "participants": record.participants,
        "participant_names": tuple(names(p)[0] or "" for p in record.participants),
        "source": record.source,
        "source_name": names(record.source)[0],
        "target": record.target,
        "target_name": names(record.target)[0],
        "location": record.location,
        **_date(record.date),
        **_evidence(record.evidence),
    }


def _proposal(document: Document, record: Proposal) -> dict[str, Cell]:
    return {
        "id": record.id,
        "proposer": record.proposer,
        "proposer_name": _names(document)(record.proposer)[0],
        "status": record.status.value if record.status else None,
        "summary": record.summary,
        "points": record.points,
        "addressees": record.addressees,
        **_date(record.date),
        **_evidence(record.evidence),
    }


def _actor(document: Document, record: Actor) -> dict[str, Cell]:
    return {
        "id": record.id,
        "kind": record.kind.value,
        "name": record.name,
        "aliases": record.aliases,
        "title": record.title,
        "country": record.country,
        "sector": record.sector,
        "mentions": len(record.mentions),
    }


_ROWS: dict[str, Callable[[Document], list[dict[str, Cell]]]] = {
    "statements": lambda d: [_statement(d, r) for r in d.statements],
    "events": lambda d: [_event(d, r) for r in d.events],
    "proposals": lambda d: [_proposal(d, r) for r in d.proposals],
    "actors": lambda d: [_actor(d, r) for r in d.actors],
}


def typed_rows(documents: Iterable[Document], records: str) -> Iterator[dict[str, Cell]]:
    """One row per record of type ``records``, with the columns of :data:`COLUMNS`.

    Values keep their types: None for an absent value, int offsets and counts, bool
    flags, tuples for lists; ``date`` and ``date_end`` are the DateValue's strings.

    Raises:
        ValueError: ``records`` is not one of :data:`COLUMNS`.
    """
    if records not in _ROWS:
        raise ValueError(f"cannot export {records!r}; choose one of {', '.join(COLUMNS)}")
    for document in documents:
        for row in _ROWS[records](document):
            yield {"document": document.id, **row}


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return _JOIN.join(value)
    return str(value)


def rows(documents: Iterable[Document], records: str) -> Iterator[dict[str, str]]:
    """One flat row per record of type ``records`` ("statements", "events", ...).

    Lists are joined with "; ", absent values are empty strings, and every row starts
    with the id of its document.

    Raises:
        ValueError: ``records`` is not one of :data:`COLUMNS`.
    """
    for row in typed_rows(documents, records):
        yield {column: _text(value) for column, value in row.items()}


def date_bounds(value: str, end: str | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day that a DateValue's ``value`` (and ``end``) cover.

    >>> from communique.export import date_bounds
    >>> date_bounds("2023-02")
    (datetime.date(2023, 2, 1), datetime.date(2023, 2, 28))
    """
    first = dt.date.fromisoformat((value + "-01-01")[:10])
    last_form = end or value
    year, month, day = (int(part) for part in (last_form + "-12-31")[:10].split("-"))
    if len(last_form) == 7:
        day = calendar.monthrange(year, month)[1]
    return first, dt.date(year, month, day)


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
