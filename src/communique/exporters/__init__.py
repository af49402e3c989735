"""Exporters into the formats of event-data tools: PLOVER, JSON-LD, Web Annotation, Parquet.

Each module turns Documents into one format; :data:`FORMATS` names every format that
``communique export --to`` writes, tables included (:mod:`communique.export`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import IO


class MissingDependencyError(ImportError):
    """An optional library that an exporter needs is not installed; the message says how."""


#: Every format of ``communique export --to``, and what it writes.
FORMATS: dict[str, str] = {
    "csv": "one record type as comma-separated values with a header",
    "tsv": "one record type as tab-separated values with a header",
    "plover": "PLOVER event records as JSON Lines (events, and statements with an act)",
    "jsonld": "schema.org JSON-LD: one graph of articles, actors, quotations and events",
    "w3c": "W3C Web Annotations as JSON Lines, one per record, anchored in the article",
    "parquet": "one record type as an Apache Parquet table (needs pyarrow)",
}


@functools.lru_cache(maxsize=65536)
def document_iri(document_id: str) -> str:
    """The IRI that names a document in linked-data exports."""
    from urllib.parse import quote

    return f"urn:communique:document:{quote(document_id, safe='')}"


@functools.lru_cache(maxsize=65536)
def record_iri(document_id: str, record_id: str) -> str:
    """The IRI of one record (actor, statement, proposal, event) of a document."""
    from urllib.parse import quote

    return f"{document_iri(document_id)}#{quote(record_id, safe='')}"


def write_json_lines(records: Iterable[object], stream: IO[str]) -> int:
    """Write each record as one JSON Lines line; return how many were written."""
    from communique.serialize import json_line

    count = 0
    for record in records:
        stream.write(json_line(record))
        count += 1
    return count
