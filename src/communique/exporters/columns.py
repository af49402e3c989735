"""Typed columns of one record type: what data frames and Parquet tables are made of."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from communique.export import COLUMNS, date_bounds, typed_rows
from communique.model import Document, calendar_precision

LIST, INT, BOOL, DATE, TEXT = "list", "int", "bool", "date", "text"
_KINDS = {
    "addressees": LIST,
    "participants": LIST,
    "participant_names": LIST,
    "points": LIST,
    "aliases": LIST,
    "start": INT,
    "end": INT,
    "mentions": INT,
    "negated": BOOL,
    "date": DATE,
    "date_end": DATE,
}


def column_kinds(records: str) -> dict[str, str]:
    """Each column of ``records`` and its kind; dated records gain ``date_precision``.

    ``date`` is the first day a record's date covers and ``date_end`` the last (of the
    range, or of the month or year at that precision); ``date_precision`` says which.

    Raises:
        ValueError: ``records`` is not one of :data:`communique.export.COLUMNS`.
    """
    if records not in COLUMNS:
        raise ValueError(f"cannot export {records!r}; choose one of {', '.join(COLUMNS)}")
    kinds: dict[str, str] = {}
    for column in COLUMNS[records]:
        kinds[column] = _KINDS.get(column, TEXT)
        if column == "date_end":
            kinds["date_precision"] = TEXT
    return kinds


def typed_columns(documents: Iterable[Document], records: str) -> dict[str, list[Any]]:
    """The records of type ``records`` as columns of Python values (None when absent)."""
    kinds = column_kinds(records)
    columns: dict[str, list[Any]] = {column: [] for column in kinds}
    for cells in typed_rows(documents, records):
        row: dict[str, Any] = dict(cells)
        if "date" in row:
            row.update(_dates(row["date"], row["date_end"]))
        for column, kind in kinds.items():
            value = row[column]
            columns[column].append(list(value) if kind == LIST else value)
    return columns


def _dates(value: Any, end: Any) -> dict[str, Any]:
    if not isinstance(value, str):
        return {"date": None, "date_end": None, "date_precision": None}
    first, last = date_bounds(value, end if isinstance(end, str) else None)
    precision = calendar_precision(value)
    return {
        "date": first,
        "date_end": last,
        "date_precision": precision.value if precision else None,
    }
