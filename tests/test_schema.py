"""The packaged JSON Schema and validate(): the schema plus the invariants beyond it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from communique import Document, dumps, from_dict, to_dict
from communique.model import EVENT_MODES, EventType, calendar_precision
from communique.schema import _fast_validator, _validator, schema, schema_text, validate
from tests.conftest import GOLD, ROOT, gold_files, needs_gold
from tests.strategies import documents, json_values


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The shipped schema passes the metaschema."""
    jsonschema.Draft202012Validator.check_schema(schema())


def test_schema_id_names_the_schema_version() -> None:
    """$id carries the version, so datasets can say which schema they follow."""
    assert schema()["$id"].endswith(":1.1")


def test_top_level_schemas_folder_is_the_packaged_schema() -> None:
    """schemas/ at the top of the repository shows the file the wheel ships."""
    assert schema_text() == (ROOT / "schemas" / "document.schema.json").read_text("utf-8")


@given(documents())
def test_generated_documents_validate(document: Document) -> None:
    """Every record the model can hold (consistently) is valid JSON by the schema."""
    assert [] == validate(document)


@needs_gold
@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem[:40])
def test_gold_validates(path: Path) -> None:
    """Every gold file is valid."""
    assert [] == validate(json.loads(path.read_text("utf-8")))


@needs_gold
@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem[:40])
def test_plain_jsonschema_accepts_gold(path: Path) -> None:
    """The schema needs nothing from communique: plain jsonschema accepts the gold files."""
    jsonschema.validate(json.loads(path.read_text("utf-8")), json.loads(schema_text()))


def _seed() -> dict[str, Any]:
    path = GOLD / "limited-times-2023-02-15-unconditional-negotiations.json"
    if not path.exists():
        pytest.skip("../shared/gold is absent (it is not part of the repository)")
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def _break(data: dict[str, Any], pointer: str, value: Any) -> None:
    *parents, last = pointer.strip("/").split("/")
    target: Any = data
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    target[int(last) if isinstance(target, list) else last] = value


# One hand-broken copy of the seed gold file per invariant: (pointer, new value, message).
BROKEN = [
    ("/statements/0/speaker", "nobody", "/statements/0/speaker", "no actor has id 'nobody'"),
    ("/events/0/participants/1", "ghost", "/events/0/participants/1", "no actor has id"),
    ("/proposals/0/proposer", "ghost", "/proposals/0/proposer", "no actor has id"),
    ("/events/1/id", "E1", "/events/1/id", "already used at /events/0/id"),
    ("/events/2/id", "S1", "/events/2/id", "already used at /statements/0/id"),
    ("/statements/1/evidence/start", 1332, "/statements/1/evidence/text", "is not the text at"),
    ("/actors/0/mentions/0/end", 99_999, "/actors/0/mentions/0", "past the end of text"),
    ("/statements/1/evidence/end", 1000, "/statements/1/evidence", "before its start"),
    ("/text_sha256", "0" * 64, "/text_sha256", "does not match text"),
    ("/events/3/date/value", "2022-09-31", "/events/3/date/value", "not a real calendar date"),
    ("/events/3/date/end", "2022-09-01", "/events/3/date/end", "before it starts"),
    ("/events/3/date/end", "2022-10", "/events/3/date/end", "same form"),
    ("/events/0/mode", "aerial", "/events/0/mode", "is not one of"),
    ("/statements/0/content", 5, "/statements/0/content", "is not of type 'string'"),
]


@pytest.mark.parametrize(("where", "value", "pointer", "message"), BROKEN)
def test_each_invariant_is_reported_with_its_pointer(
    where: str, value: Any, pointer: str, message: str
) -> None:
    """A gold file broken in one place is reported at that JSON pointer, and only there."""
    data = _seed()
    _break(data, where, value)
    problems = validate(data)
    assert [pointer] == [p.pointer for p in problems]
    assert message in problems[0].message


def test_validate_reports_every_problem_not_only_the_first() -> None:
    """Two independent breaks give two problems."""
    data = _seed()
    _break(data, "/statements/0/speaker", "nobody")
    _break(data, "/text_sha256", "0" * 64)
    assert ["/statements/0/speaker", "/text_sha256"] == [p.pointer for p in validate(data)]


def _canonical(node: Any) -> Any:
    """The schema with every property required and arrays kept short: canonical JSON only."""
    if isinstance(node, dict):
        node = {key: _canonical(value) for key, value in node.items()}
        if "properties" in node and node.get("type") == "object":
            node["required"] = list(node["properties"])
        if node.get("type") == "array":
            node["maxItems"] = 2
        if "minimum" in node:
            node["maximum"] = 50
        node.pop("format", None)
        node.pop("allOf", None)  # conditionals: mended afterwards, too slow to generate
    elif isinstance(node, list):
        node = [_canonical(value) for value in node]
    return node


def _satisfy_invariants(data: dict[str, Any]) -> dict[str, Any]:
    """Mend what JSON Schema cannot say: exact spans, unique ids, references, real dates."""
    data = copy.deepcopy(data)
    data["text"] = data["text_sha256"] = None
    seen: set[str] = set()
    records = [r for name in ("actors", "statements", "proposals", "events") for r in data[name]]
    for index, record in enumerate(records):
        if record["id"] in seen:
            record["id"] = f"{record['id']}~{index}"
        seen.add(record["id"])
        for span in [*record.get("mentions", []), record.get("evidence")]:
            if span is not None:
                span["end"] = span["start"] + len(span["text"])
        if "type" in record and record["mode"] not in EVENT_MODES[EventType(record["type"])]:
            record["mode"] = None
        date = record.get("date")
        if date:
            date["precision"] = {4: "year", 7: "month", 10: "day"}[len(date["value"])]
        if date and (
            calendar_precision(date["value"]) is None
            or (date["end"] is not None and calendar_precision(date["end"]) is None)
            or (date["end"] is not None and date["end"] < date["value"])
        ):
            record["date"] = None
    actor_ids = {actor["id"] for actor in data["actors"]}
    for record in records:
        for key in ("speaker", "proposer", "source", "target"):
            if key in record and record[key] not in actor_ids:
                record[key] = None
        for key in ("addressees", "participants"):
            if key in record:
                record[key] = [ref for ref in record[key] if ref in actor_ids]
        for key in ("source", "target"):
            if key in record and record[key] not in record["participants"]:
                record[key] = None
            if key in record and data["schema_version"] == "1.0":
                del record[key]  # 1.0 events have none
    return data


def _for_generation(node: dict[str, Any]) -> dict[str, Any]:
    """hypothesis-jsonschema resolves draft-7 style local references only."""
    text = json.dumps({k: v for k, v in node.items() if k not in ("$id", "$schema")})
    renamed: dict[str, Any] = json.loads(
        text.replace('"$defs"', '"definitions"').replace("#/$defs/", "#/definitions/")
    )
    return renamed


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(from_schema(_for_generation(_canonical(schema()))))
def test_every_valid_canonical_document_round_trips(data: dict[str, Any]) -> None:
    """unstructure(structure(j)) == j for every canonical JSON document the schema accepts."""
    data = _satisfy_invariants(data)
    assume(not validate(data))
    assert data == to_dict(from_dict(data))
    assert data == json.loads(dumps(from_dict(data)))


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [path] + [p for key, value in node.items() for p in _leaves(value, (*path, key))]
    if isinstance(node, list):
        return [path] + [p for i, value in enumerate(node) for p in _leaves(value, (*path, i))]
    return [path]


@given(documents(), st.data())
def test_fast_and_reference_validators_agree(document: Document, data: st.DataObject) -> None:
    """The compiled fast path says valid exactly when the reference validator finds nothing."""
    tree = to_dict(document)
    path = data.draw(st.sampled_from(_leaves(tree)[1:] or [("title",)]))
    new = data.draw(json_values)
    target: Any = tree
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = new
    reference = list(_validator().iter_errors(tree))
    assert (not reference) == _fast_validator().is_valid(tree)
