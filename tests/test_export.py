"""Flat tables of one record type."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given

from communique import Document
from communique.export import COLUMNS, rows, write_table
from communique.model import (
    Actor,
    ActorKind,
    DateSource,
    DateValue,
    Event,
    EventType,
    Precision,
    Span,
    Statement,
    StatementMode,
)
from tests.strategies import documents

TEXT = "Russia said talks would resume. Talks were held in Ankara."
DOCUMENT = Document(
    id="doc",
    text=TEXT,
    actors=(Actor(id="rus", kind=ActorKind.STATE, name="Russia", country="RUS"),),
    statements=(
        Statement(
            id="S1",
            speaker="rus",
            cue="said",
            mode=StatementMode.INDIRECT,
            content="talks would resume",
            evidence=Span.of(TEXT, 0, 31),
        ),
    ),
    events=(
        Event(
            id="E1",
            type=EventType.CONSULT,
            label="Talks were held",
            participants=("rus",),
            location="Ankara",
            date=DateValue(
                value="2023-02-06",
                end="2023-02-07",
                precision=Precision.DAY,
                text="x",
                source=DateSource.RELATIVE,
            ),
            evidence=Span.of(TEXT, 32, 58),
        ),
    ),
)


def test_statement_rows_resolve_the_speaker() -> None:
    """A statement row carries the speaker's id, name and country."""
    (row,) = rows([DOCUMENT], "statements")
    assert ("doc", "rus", "Russia", "RUS", "said", "0", "31") == (
        row["document"],
        row["speaker"],
        row["speaker_name"],
        row["speaker_country"],
        row["cue"],
        row["start"],
        row["end"],
    )


def test_event_rows_join_lists_and_spell_out_ranges() -> None:
    """Participants are joined with '; ', a range gives date and date_end."""
    (row,) = rows([DOCUMENT], "events")
    assert ("rus", "Russia", "2023-02-06", "2023-02-07", "") == (
        row["participants"],
        row["participant_names"],
        row["date"],
        row["date_end"],
        row["mode"],
    )


def test_unknown_record_type_is_refused() -> None:
    """Only the four record types can be exported."""
    with pytest.raises(ValueError, match="choose one of statements, events"):
        list(rows([DOCUMENT], "quotes"))


@pytest.mark.parametrize("records", list(COLUMNS))
@given(document=documents())
def test_tables_have_one_row_per_record_and_read_back(records: str, document: Document) -> None:
    """A written table has the header and one row per record, whatever the text holds."""
    stream = io.StringIO()
    count = write_table([document], records, stream, delimiter="\t")
    table = list(csv.DictReader(io.StringIO(stream.getvalue()), delimiter="\t"))
    assert len(getattr(document, records)) == count == len(table)
    assert all(list(COLUMNS[records]) == list(row) for row in table)
