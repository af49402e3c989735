"""The packaged JSON Schema, and validate(): the schema plus the invariants it cannot state."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from communique.model import EVENT_MODES, Document, EventType, calendar_precision
from communique.serialize import to_dict

if TYPE_CHECKING:  # the validators are imported on first use: most parses never validate
    import jsonschema
    import jsonschema_rs

SCHEMA_FILE = "document.schema.json"


@attrs.frozen
class Problem:
    """One reason a document is invalid: where (a JSON pointer) and what."""

    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.message}"


def schema_text() -> str:
    """The JSON Schema of a Document (Draft 2020-12), as shipped in the package."""
    from importlib.resources import files  # on first use: it costs more than the rest

    return files("communique").joinpath("schemas", SCHEMA_FILE).read_text("utf-8")


@functools.cache
def schema() -> dict[str, Any]:
    """The JSON Schema of a Document, parsed."""
    loaded: dict[str, Any] = json.loads(schema_text())
    return loaded


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    """The reference validator: slow, with the clearest messages."""
    import jsonschema

    return jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@functools.cache
def _fast_validator() -> jsonschema_rs.Draft202012Validator:
    """A compiled validator of the same schema, a few hundred times faster."""
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(schema(), validate_formats=True)


def _schema_problems(data: Any) -> list[Problem]:
    """Schema problems: most documents are valid, so ask the fast validator first."""
    if _fast_validator().is_valid(data):
        return []
    problems = [
        Problem(_pointer(error.absolute_path), _message(error))
        for error in _validator().iter_errors(data)
    ]
    return problems or [
        Problem(_pointer(error.instance_path), error.message)
        for error in _fast_validator().iter_errors(data)
    ]


def validate(document: Document | Mapping[str, Any]) -> list[Problem]:
    """Every problem with ``document``; an empty list means it is valid.

    ``document`` is a :class:`~communique.Document` or its parsed JSON. Checked: the
    JSON Schema, then the invariants beyond it: unique record ids, actor references
    that exist, spans inside ``text`` and equal to their slice, ``text_sha256``, real
    calendar dates with ranges in order, event modes that belong to their type, and an
    event's source and target that are among its participants.
    """
    data = to_dict(document) if isinstance(document, Document) else document
    problems = _schema_problems(data)
    if isinstance(data, Mapping):
        reported = {problem.pointer for problem in problems}
        problems.extend(p for p in _invariant_problems(data) if p.pointer not in reported)
    return sorted(set(problems), key=lambda p: (_sort_key(p.pointer), p.message))


def _sort_key(pointer: str) -> list[tuple[int, int | str]]:
    return [(0, int(part)) if part.isdigit() else (1, part) for part in pointer.split("/")]


def _pointer(path: Any) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def _message(error: jsonschema.ValidationError) -> str:
    if error.validator == "oneOf" and isinstance(error.instance, str | int | float | bool):
        return f"{error.instance!r} is not valid here"
    message = error.message
    return message if len(message) <= 200 else message[:197] + "..."


_RECORD_LISTS = ("actors", "statements", "proposals", "events")
_REFERENCES = {
    "statements": ("speaker", "addressees"),
    "proposals": ("proposer", "addressees"),
    "events": ("participants", "source", "target"),
}


def _records(data: Mapping[str, Any]) -> Iterator[tuple[str, int, Mapping[str, Any]]]:
    for name in _RECORD_LISTS:
        records = data.get(name)
        if isinstance(records, list):
            for index, record in enumerate(records):
                if isinstance(record, Mapping):
                    yield name, index, record


def _invariant_problems(data: Mapping[str, Any]) -> Iterator[Problem]:
    yield from _unique_ids(data)
    yield from _references(data)
    yield from _spans(data)
    yield from _text_digest(data)
    yield from _dates(data)
    yield from _event_modes(data)
    yield from _dyads(data)


def _unique_ids(data: Mapping[str, Any]) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for name, index, record in _records(data):
        record_id = record.get("id")
        if not isinstance(record_id, str):
            continue
        here = f"/{name}/{index}/id"
        if record_id in seen:
            yield Problem(here, f"id {record_id!r} is already used at {seen[record_id]}")
        else:
            seen[record_id] = here


def _references(data: Mapping[str, Any]) -> Iterator[Problem]:
    actor_ids = {record.get("id") for name, _, record in _records(data) if name == "actors"}
    for name, index, record in _records(data):
        for field in _REFERENCES.get(name, ()):
            value = record.get(field)
            targets = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for position, target in targets:
                if isinstance(target, str) and target not in actor_ids:
                    pointer = f"/{name}/{index}/{field}"
                    if position is not None:
                        pointer += f"/{position}"
                    yield Problem(pointer, f"no actor has id {target!r}")


def _span_locations(data: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    for name, index, record in _records(data):
        if name == "actors":
            mentions = record.get("mentions")
            if isinstance(mentions, list):
                for position, span in enumerate(mentions):
                    yield f"/actors/{index}/mentions/{position}", span
        elif "evidence" in record:
            yield f"/{name}/{index}/evidence", record["evidence"]


def _spans(data: Mapping[str, Any]) -> Iterator[Problem]:
    text = data.get("text")
    for pointer, span in _span_locations(data):
        if not isinstance(span, Mapping):
            continue
        start, end, written = span.get("start"), span.get("end"), span.get("text")
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(written, str)):
            continue
        if end < start:
            yield Problem(pointer, f"span end {end} is before its start {start}")
        elif isinstance(text, str) and end > len(text):
            yield Problem(pointer, f"span end {end} is past the end of text ({len(text)})")
        elif isinstance(text, str) and text[start:end] != written:
            yield Problem(
                pointer + "/text",
                f"{_clip(written)} is not the text at [{start}:{end}], "
                f"which is {_clip(text[start:end])}",
            )
        elif len(written) != end - start:
            yield Problem(pointer + "/text", f"span text is not {end - start} characters long")


def _clip(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _text_digest(data: Mapping[str, Any]) -> Iterator[Problem]:
    text, digest = data.get("text"), data.get("text_sha256")
    if isinstance(text, str) and isinstance(digest, str):
        actual = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        if actual != digest:
            yield Problem("/text_sha256", f"does not match text, whose SHA-256 is {actual}")


def _dates(data: Mapping[str, Any]) -> Iterator[Problem]:
    for name, index, record in _records(data):
        date = record.get("date")
        if not isinstance(date, Mapping):
            continue
        pointer = f"/{name}/{index}/date"
        value, end = date.get("value"), date.get("end")
        if isinstance(value, str) and calendar_precision(value) is None:
            yield Problem(pointer + "/value", f"{value!r} is not a real calendar date")
            value = None
        if isinstance(end, str):
            if calendar_precision(end) is None:
                yield Problem(pointer + "/end", f"{end!r} is not a real calendar date")
            elif isinstance(value, str) and len(end) != len(value):
                yield Problem(pointer + "/end", f"{end!r} is not of the same form as {value!r}")
            elif isinstance(value, str) and end < value:
                yield Problem(pointer + "/end", f"range ends ({end}) before it starts ({value})")


def _event_modes(data: Mapping[str, Any]) -> Iterator[Problem]:
    for name, index, record in _records(data):
        if name != "events":
            continue
        kind, mode = record.get("type"), record.get("mode")
        if mode is None or kind not in EventType._value2member_map_:
            continue
        allowed = EVENT_MODES[EventType(kind)]
        if mode not in allowed:
            modes = ", ".join(allowed) or "none"
            yield Problem(
                f"/events/{index}/mode", f"{mode!r} is not a mode of {kind} (allowed: {modes})"
            )


def _dyads(data: Mapping[str, Any]) -> Iterator[Problem]:
    for name, index, record in _records(data):
        participants = record.get("participants")
        if name != "events" or not isinstance(participants, list):
            continue
        for field in ("source", "target"):
            value = record.get(field)
            if isinstance(value, str) and value not in participants:
                yield Problem(f"/events/{index}/{field}", f"{value!r} is not a participant")
