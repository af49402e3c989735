"""Apache Parquet tables of one record type, with typed columns (needs pyarrow)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from communique.exporters import MissingDependencyError
from communique.exporters.columns import BOOL, DATE, INT, LIST, column_kinds, typed_columns
from communique.model import Document

#: What to tell a user whose Python has no pyarrow.
MISSING = "Parquet needs pyarrow: pip install 'communique[parquet]'"


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingDependencyError(MISSING) from None
    return pyarrow


def table(documents: Iterable[Document], records: str) -> Any:
    """A ``pyarrow.Table`` of the records of type ``records``: dates as date32, offsets as
    int64, flags as bool, lists as lists of strings.

    Raises:
        MissingDependencyError: pyarrow is not installed.
    """
    pa = _pyarrow()
    types = {
        LIST: pa.list_(pa.string()),
        INT: pa.int64(),
        BOOL: pa.bool_(),
        DATE: pa.date32(),
    }
    kinds = column_kinds(records)
    schema = pa.schema([(name, types.get(kind, pa.string())) for name, kind in kinds.items()])
    return pa.table(typed_columns(documents, records), schema=schema)


def write_parquet(documents: Iterable[Document], records: str, stream: IO[bytes]) -> int:
    """Write the records of type ``records`` as one Parquet file; return the row count."""
    pa = _pyarrow()
    result = table(documents, records)
    pa.parquet.write_table(result, stream)
    return int(result.num_rows)
