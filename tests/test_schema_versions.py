"""Schema 1.1 is additive: 1.0 documents stay valid and read back unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from communique import SCHEMA_VERSION, Document, dumps, loads, validate
from communique.model import Event, EventType, Span
from communique.schema import schema
from tests.conftest import gold_files, needs_gold

DATA = Path(__file__).parent / "data"
FIXTURE_1_0 = DATA / "document-1.0.json"


def _round_trips_unchanged(path: Path) -> None:
    text = path.read_text("utf-8")
    data = json.loads(text)
    assert "1.0" == data["schema_version"]
    assert text == dumps(loads(text))
    assert [] == validate(data)
    jsonschema.validate(data, schema())


def test_a_1_0_document_round_trips_and_validates_under_1_1() -> None:
    """The 1.0 fixture dumps back byte for byte, without source or target, and is valid."""
    _round_trips_unchanged(FIXTURE_1_0)
    events = json.loads(dumps(loads(FIXTURE_1_0.read_bytes())))["events"]
    assert all("source" not in event and "target" not in event for event in events)


@needs_gold
@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem[:40])
def test_gold_1_0_documents_round_trip_and_validate_under_1_1(path: Path) -> None:
    """Every gold document (schema 1.0) loads, dumps identically and validates."""
    _round_trips_unchanged(path)


def test_new_documents_are_written_in_1_1_with_source_and_target() -> None:
    """Documents made now say 1.1 and carry source and target on every event."""
    event = Event(id="e", type=EventType.CONSULT, label="talks", evidence=Span.of("talks", 0, 5))
    data = json.loads(dumps(Document(id="d", text="talks", events=(event,))))
    assert ("1.1", "1.1") == (SCHEMA_VERSION, data["schema_version"])
    keys = list(data["events"][0])
    assert ["participants", "source", "target", "location"] == keys[4:8]


def test_schema_version_is_one_of_the_known_versions() -> None:
    """An unknown version is a schema problem at /schema_version."""
    problems = validate({"schema_version": "2.0", "id": "d"})
    assert ["/schema_version"] == [p.pointer for p in problems]


def test_a_1_0_document_cannot_carry_a_direction() -> None:
    """source/target need 1.1: a 1.0 event with them is invalid, and they are not dropped."""
    data = json.loads(FIXTURE_1_0.read_text("utf-8"))
    data["events"][1]["source"] = "russian-army"
    problems = validate(data)
    assert ["/events/1"] == [p.pointer for p in problems]
    assert '"source": "russian-army"' in dumps(loads(json.dumps(data)))


def test_source_and_target_are_actors_among_the_participants() -> None:
    """A source that is no actor, or a target outside participants, is reported."""
    data = json.loads(FIXTURE_1_0.read_text("utf-8"))
    data["schema_version"] = "1.1"
    data["events"][1].update(source="ghost", target="russia")
    problems = {p.pointer: p.message for p in validate(data)}
    assert "no actor has id 'ghost'" == problems["/events/1/source"]
    assert "'russia' is not a participant" == problems["/events/1/target"]
