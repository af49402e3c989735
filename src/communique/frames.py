"""pandas data frames of Documents, one per record type (needs pandas)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from communique.export import COLUMNS
from communique.exporters import MissingDependencyError
from communique.exporters.columns import DATE, INT, column_kinds, typed_columns
from communique.model import Document

if TYPE_CHECKING:
    import pandas

#: What to tell a user whose Python has no pandas.
MISSING = "data frames need pandas: pip install 'communique[pandas]'"


def to_frames(documents: Iterable[Document]) -> dict[str, pandas.DataFrame]:
    """One DataFrame per record type: ``statements``, ``events``, ``proposals``, ``actors``.

    Each row starts with its ``document`` id; actors referred to by id have their names
    beside them (``speaker_name``, ``participant_names``, ...); ``date`` and ``date_end``
    are ``datetime64`` columns (the first and last day a date covers; ``date_precision``
    says at what precision it was written); offsets are integers and lists are lists.

    Raises:
        MissingDependencyError: pandas is not installed.
    """
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError(MISSING) from None
    documents = list(documents)
    frames = {}
    for records in COLUMNS:
        kinds = column_kinds(records)
        frame = pandas.DataFrame(typed_columns(documents, records), columns=list(kinds))
        for column, kind in kinds.items():
            if kind == DATE:
                frame[column] = pandas.to_datetime(frame[column])
            elif kind == INT:
                frame[column] = frame[column].astype("int64")
        frames[records] = frame
    return frames
