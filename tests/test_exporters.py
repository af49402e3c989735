"""Conformance of each exporter to its target format, on parsed articles and generated data.

PLOVER: the fields the manual lays out, PLOVER categories and modes, offsets that re-find
their text. Web Annotation: the required keys, and every selector re-found in the text.
JSON-LD: expands (pyld, local context only) into schema.org types, dropping no term.
Parquet and data frames: typed columns that hold the same records.
"""

from __future__ import annotations

import functools
import io
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given

import communique
from communique import Document, EventType
from communique.export import COLUMNS, date_bounds
from communique.exporters import FORMATS, MissingDependencyError
from communique.exporters.jsonld import CONTEXT_IRI, context, document_loader, graph
from communique.exporters.plover import FIELDS, plover_records
from communique.exporters.w3c import web_annotations
from communique.model import EVENT_MODES
from tests.conftest import ROOT, gold_files
from tests.strategies import documents

SEEDS = sorted((ROOT / "seeds").rglob("*.txt"))
SCHEMA_ORG = "https://schema.org/"


@functools.cache
def corpus() -> tuple[Document, ...]:
    """The seed articles parsed, the 1.0 fixture, and the gold documents when present."""
    parsed = [communique.parse(path.read_text("utf-8")) for path in SEEDS]
    fixture = communique.loads((ROOT / "tests" / "data" / "document-1.0.json").read_bytes())
    gold = [communique.loads(path.read_bytes()) for path in gold_files()]
    return (*parsed, fixture, *gold)


def _by_id(documents: tuple[Document, ...]) -> dict[str, Document]:
    return {document.id: document for document in documents}


# PLOVER -------------------------------------------------------------------------------


def _check_plover(record: dict[str, Any], document: Document) -> None:
    assert list(FIELDS) == list(record)
    category = EventType(record["event"])
    assert category is not EventType.OTHER
    assert record["mode"] is None or record["mode"] in EVENT_MODES[category]
    for role in ("actor", "recipient", "participants"):
        for party in record[role]:
            assert {"actorText", "code", "sector", "name", "id", "kind"} <= set(party)
            assert party["code"] is None or len(party["code"]) == 3
    assert document.language == record["language"]
    offsets = record["offsets"]
    assert document.text is not None
    assert record["text"] == document.text[offsets["start"] : offsets["end"]]
    assert document.id == record["citation"]["document"]
    assert document.published == record["citation"]["published"]


def test_plover_records_have_the_manual_fields_and_re_find_their_text() -> None:
    """Every record: category, mode of it, coded actors, date, text at its offsets, citation."""
    documents = corpus()
    by_id = _by_id(documents)
    records = list(plover_records(documents))
    assert records
    for record in records:
        _check_plover(record, by_id[record["citation"]["document"]])
    expected = sum(
        sum(e.type is not EventType.OTHER for e in d.events)
        + sum(s.act is not None and not s.negated for s in d.statements)
        for d in documents
    )
    assert expected == len(records)
    kinds = {record["record"]["type"] for record in records}
    assert {"event", "statement"} == kinds


def test_plover_actor_and_recipient_are_the_dyad() -> None:
    """An event's source and target become PLOVER's actor and recipient, with codes."""
    document = communique.parse("Russia attacked Ukraine on Monday.", published="2023-03-01")
    (record,) = plover_records([document])
    assert ("ASSAULT", "2023-02-27") == (record["event"], record["date"])
    (actor,), (recipient,) = record["actor"], record["recipient"]
    assert ("Russia", "RUS", "GOV") == (actor["actorText"], actor["code"], actor["sector"])
    assert ("Ukraine", "UKR") == (recipient["actorText"], recipient["code"])


def test_undirected_events_have_no_actor_or_recipient_but_participants() -> None:
    """Talks between two parties: empty actor and recipient lists, both parties listed."""
    text = "Talks between Russia and Ukraine resumed on Monday."
    (record,) = plover_records([communique.parse(text, published="2023-03-01")])
    assert ([], []) == (record["actor"], record["recipient"])
    assert ["RUS", "UKR"] == sorted(p["code"] for p in record["participants"])


# W3C Web Annotation -------------------------------------------------------------------


def _refind(annotation: dict[str, Any], text: str | None) -> None:
    assert "http://www.w3.org/ns/anno.jsonld" == annotation["@context"]
    assert "Annotation" == annotation["type"]
    assert annotation["id"].startswith("urn:communique:document:")
    assert annotation["body"]
    targets = annotation["target"]
    for target in targets if isinstance(targets, list) else [targets]:
        assert target["source"].startswith("urn:communique:document:")
        position, quote = target["selector"]
        assert ("TextPositionSelector", "TextQuoteSelector") == (position["type"], quote["type"])
        start, end = position["start"], position["end"]
        if text is None:
            assert end - start == len(quote["exact"])
            continue
        assert quote["exact"] == text[start:end]
        assert quote["prefix"] == text[start - len(quote["prefix"]) : start]
        assert quote["suffix"] == text[end : end + len(quote["suffix"])]
        assert quote["prefix"] + quote["exact"] + quote["suffix"] in text


def test_every_web_annotation_selector_re_finds_its_text() -> None:
    """Position and quote selectors name the same passage of the article, for every record."""
    documents = corpus()
    by_iri = {f"urn:communique:document:{d.id}": d for d in documents}
    count = 0
    for annotation in web_annotations(documents):
        document = by_iri[annotation["id"].partition("#")[0]]
        _refind(annotation, document.text)
        count += 1
    expected = sum(
        sum(bool(a.mentions) for a in d.actors)
        + len(d.statements)
        + len(d.proposals)
        + len(d.events)
        for d in documents
    )
    assert expected == count


@given(documents())
def test_web_annotations_re_find_text_in_any_document(document: Document) -> None:
    """Whatever the text (any Unicode), each selector points at exactly its quote."""
    for annotation in web_annotations([document]):
        _refind(annotation, document.text)


# JSON-LD ------------------------------------------------------------------------------


def _expanded(document: dict[str, Any]) -> list[dict[str, Any]]:
    jsonld = pytest.importorskip("pyld.jsonld", reason="pyld is not installed (test extra)")
    expanded: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": document_loader()})
    return expanded


def test_jsonld_expands_into_schema_org_types_without_dropping_terms() -> None:
    """Quotation per statement, Event per event, Person/Organization/Country per actor."""
    documents = corpus()
    compact = graph(documents)
    assert CONTEXT_IRI == compact["@context"]
    nodes = _expanded(compact)
    assert len(compact["graph"]) == len(nodes)
    for node, original in zip(nodes, compact["graph"], strict=True):
        assert original["id"] == node["@id"]
        terms = {key for key in node if not key.startswith("@")}
        assert len(original) - 2 == len(terms), f"a term of {original['id']} was dropped"
        assert all(t.startswith((SCHEMA_ORG, "urn:communique:vocab:")) for t in terms)
    types = [node["@type"][0].removeprefix(SCHEMA_ORG) for node in nodes]
    assert sum(len(d.statements) for d in documents) == types.count("Quotation")
    assert sum(len(d.events) for d in documents) == types.count("Event")
    actors = sum(types.count(t) for t in ("Person", "Organization", "Country"))
    assert sum(len(d.actors) for d in documents) == actors + types.count("NewsMediaOrganization")
    assert types.count("Person") > 0
    assert types.count("Country") > 0


def test_jsonld_speaker_and_dyad_link_to_actor_nodes() -> None:
    """creator, attendee, source and target are node references to actors of the graph."""
    text = "Russia attacked Ukraine on Monday, the Kremlin said."
    nodes = _expanded(graph([communique.parse(text, published="2023-03-01")]))
    ids = {node["@id"] for node in nodes}
    links = [
        ref["@id"]
        for node in nodes
        for key in (SCHEMA_ORG + "creator", SCHEMA_ORG + "attendee", "urn:communique:vocab:source")
        for ref in node.get(key, [])
    ]
    assert links
    assert set(links) <= ids


def test_the_context_file_is_shipped_in_schemas_and_nothing_else_is_loaded() -> None:
    """schemas/ at the top shows the packaged context; other IRIs are refused (no network)."""
    shipped = json.loads((ROOT / "schemas" / "communique.context.jsonld").read_text("utf-8"))
    assert shipped == context()
    with pytest.raises(ValueError, match="no network"):
        document_loader()("https://schema.org/")


# Parquet and data frames --------------------------------------------------------------


@pytest.mark.parametrize("records", list(COLUMNS))
def test_parquet_holds_typed_columns_of_every_record(records: str) -> None:
    """The table has the table's columns, typed; its rows are the records, offsets exact."""
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed ([parquet])")
    from communique.exporters.parquet import write_parquet

    documents = corpus()
    stream = io.BytesIO()
    count = write_parquet(documents, records, stream)
    stream.seek(0)
    table = pq.read_table(stream)
    assert count == table.num_rows == sum(len(getattr(d, records)) for d in documents)
    assert list(COLUMNS[records]) == [c for c in table.column_names if c != "date_precision"]
    if "start" in table.column_names:
        by_id = _by_id(documents)
        for row in table.to_pylist():
            text = by_id[row["document"]].text
            assert text is not None
            evidence = {r.id: r.evidence for r in getattr(by_id[row["document"]], records)}
            assert evidence[row["id"]].text == text[row["start"] : row["end"]]
        assert "date32[day]" == str(table.schema.field("date").type)


def test_frames_have_names_beside_ids_and_typed_dates() -> None:
    """One frame per record type; speaker names beside ids; dates as datetime64."""
    pandas = pytest.importorskip("pandas", reason="pandas is not installed ([pandas])")
    documents = corpus()
    frames = communique.to_frames(documents)
    assert list(COLUMNS) == list(frames)
    statements = frames["statements"]
    assert sum(len(d.statements) for d in documents) == len(statements)
    assert str(statements["date"].dtype).startswith("datetime64")
    assert "int64" == str(statements["start"].dtype)
    names = {(d.id, a.id): a.name for d in documents for a in d.actors}
    columns = ("document", "speaker", "speaker_name")
    for document, speaker, name in statements[list(columns)].itertuples(index=False):
        if pandas.isna(speaker):
            assert pandas.isna(name)
        else:
            assert names[document, speaker] == name
    first = next(s for d in documents for s in d.statements if s.date is not None)
    row = statements[statements["id"] == first.id].iloc[0]
    assert first.date is not None
    assert date_bounds(first.date.value, first.date.end)[0] == row["date"].date()


def test_communique_imports_without_pandas_or_pyarrow() -> None:
    """to_frames is importable from communique, and pandas loads only when it is called."""
    code = (
        "import sys, communique; f = communique.to_frames; "
        "print(sorted(m for m in ('pandas', 'pyarrow') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert "[]" == out.stdout.strip()


def test_a_missing_optional_library_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pyarrow or pandas, the error names the extra to install."""
    from communique.exporters.parquet import write_parquet

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"communique\[parquet\]"):
        write_parquet([], "events", io.BytesIO())
    with pytest.raises(MissingDependencyError, match=r"communique\[pandas\]"):
        communique.to_frames([])


def test_every_format_is_documented_in_the_cli_docs() -> None:
    """docs/cli.md names each export format."""
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert all(f"`{name}`" in text for name in FORMATS)


@given(documents())
def test_every_exporter_takes_any_valid_document(document: Document) -> None:
    """PLOVER records re-find their text and JSON-LD expands, whatever the document holds."""
    for record in plover_records([document]):
        _check_plover(record, document)
    compact = graph([document])
    nodes = _expanded(compact)
    assert [node["id"] for node in compact["graph"]] == [node["@id"] for node in nodes]
