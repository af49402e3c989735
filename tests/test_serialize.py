"""Canonical JSON and JSON Lines: lossless both ways, strict about what they read."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given

from communique import Document, LoadError, dumps, loads, make_converter, read_jsonl, write_jsonl
from communique.model import Actor, ActorKind
from tests.conftest import gold_files, needs_gold
from tests.strategies import documents


@given(documents())
def test_round_trip_through_json(document: Document) -> None:
    """structure(json.loads(dumps(x))) == x for every generated document."""
    converter = make_converter()
    assert document == converter.structure(json.loads(dumps(document)), Document)


@given(documents())
def test_dumps_is_canonical(document: Document) -> None:
    """Loading canonical JSON and dumping it again gives the same bytes."""
    text = dumps(document)
    assert text == dumps(loads(text))


@given(documents())
def test_jsonl_round_trip(document: Document) -> None:
    """Documents written as JSON Lines read back equal, in order."""
    stream = io.StringIO()
    assert 2 == write_jsonl([document, document], stream)
    assert [document, document] == list(read_jsonl(io.BytesIO(stream.getvalue().encode())))


@needs_gold
@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem[:40])
def test_gold_round_trips_byte_for_byte(path: Path) -> None:
    """Every gold file loads and dumps back to exactly the same text."""
    text = path.read_text(encoding="utf-8")
    assert text == dumps(loads(text))


def test_published_is_kept_as_written() -> None:
    """A timestamp comes back byte for byte, never re-formatted."""
    text = '{"schema_version": "1.0", "id": "a", "published": "2023-02-15T05:28:59.693Z"}'
    assert "2023-02-15T05:28:59.693Z" == loads(text).published


def test_non_ascii_is_written_as_is() -> None:
    """Canonical JSON is UTF-8 without escapes."""
    document = Document(id="d", title="Zelenskyy — Київ")
    assert '"title": "Zelenskyy — Київ"' in dumps(document)


def test_every_field_is_present_in_order() -> None:
    """Absent values are null, empty collections [] or {}, in the order of DESIGN.md."""
    keys = list(json.loads(dumps(Document(id="d"))))
    assert [
        "schema_version", "id", "title", "published", "outlet", "origin", "language", "text",
        "text_sha256", "actors", "statements", "proposals", "events", "extractor", "extensions",
    ] == keys  # fmt: skip


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"schema_version": "1.0", "id": 5}', r"expected str, got int @ \$\.id"),
        ('{"schema_version": "1.0", "id": "a", "colour": 1}', "unknown fields: colour"),
        ('{"id": "a", "actors": [{"id": "x", "kind": "robot", "name": "R"}]}', "not one of"),
        ('{"id": "a", "statements": [{"id": "s"}]}', r"required field missing @ \$\.statements"),
        ('{"id": "a", "actors": [{"id": "x", "kind": "state", "name": "N", "aliases": "N"}]}',
         r"expected an array, got a string @ \$\.actors\[0\]\.aliases"),
        ('{"id": "a", "extensions": "x"}', r"expected an object, got a string @ \$\.extensions"),
        ("[1, 2]", "JSON object, not an array"),
        ("", "empty"),
        ('{"id": ', "invalid JSON"),
        ("[" * 100_000, "nested deeper than 64 levels"),
    ],
)  # fmt: skip
def test_loads_explains_what_is_wrong(text: str, message: str) -> None:
    """Bad JSON gets one LoadError whose message says where and why."""
    with pytest.raises(LoadError, match=message):
        loads(text)


def test_loads_rejects_invalid_utf8() -> None:
    """Bytes that are not UTF-8 are named by offset."""
    with pytest.raises(LoadError, match="not UTF-8: byte 0xff at offset 7"):
        loads(b'{"id": \xff}')


def test_read_jsonl_names_the_line() -> None:
    """A bad line in a JSON Lines stream is reported with its number."""
    good = json.dumps({"schema_version": "1.0", "id": "a"})
    stream = io.BytesIO(f"{good}\n\n{good}\n{{oops\n".encode())
    with pytest.raises(LoadError, match="line 4: /: invalid JSON"):
        list(read_jsonl(stream))


def test_read_jsonl_refuses_overlong_lines() -> None:
    """A line over the limit is an error, not a memory blow-up."""
    stream = io.BytesIO(b'{"id": "' + b"x" * 5000 + b'"}\n')
    with pytest.raises(LoadError, match="line 1: line longer than 100 bytes"):
        list(read_jsonl(stream, max_line_bytes=100))


def test_tuples_and_enums_unstructure_to_json_types() -> None:
    """Tuples become lists and enums their values."""
    actor = Actor(id="a", kind=ActorKind.STATE, name="Russia", aliases=("Moscow",))
    data = make_converter().unstructure(actor)
    assert ["Moscow"] == data["aliases"]
    assert "state" == data["kind"]
