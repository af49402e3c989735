"""The packaged JSON Schema, and validate(): the schema plus the invariants it cannot state."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeGuard

import attrs

from communique.limits import DEFAULT_LIMITS, Limits, escape, limit_problems
from communique.model import EVENT_MODES, Document, EventType, calendar_precision
from communique.serialize import extension_problems, to_dict
from communique.strict_json import MAX_MESSAGE_CHARS, LoadError, clip, read_json, shown

if TYPE_CHECKING:  # the validators are imported on first use: most parses never validate
    import jsonschema
    import jsonschema_rs

SCHEMA_FILE = "document.schema.json"


@attrs.frozen
class Problem:
    """One reason a document is invalid: where (a JSON pointer) and what.

    ``limit`` is true when the reason is a limit passed (see :class:`~communique.Limits`)
    or JSON that cannot be read strictly: the command line calls such input unusable.
    """

    pointer: str
    message: str
    limit: bool = attrs.field(default=False, kw_only=True)

    def __str__(self) -> str:
        return clip(f"{shown(self.pointer)}: {self.message}")


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


def _schema_problems(data: Any, limits: Limits) -> list[Problem]:
    """Schema problems: most documents are valid, so ask the fast validator first.

    A valid shape leaves JSON of any shape only in ``extensions``, so only they are held
    to ``limits``; an invalid document is checked whole, before the reference validator.
    """
    if _fast_validator().is_valid(data):
        return [Problem(*problem, limit=True) for problem in extension_problems(data, limits)]
    over = [Problem(*problem, limit=True) for problem in limit_problems(data, limits)]
    if over:
        return over
    problems = [
        Problem(_pointer(error.absolute_path), _message(error))
        for error in _validator().iter_errors(data)
    ]
    return problems or [
        Problem(_pointer(error.instance_path), error.message)
        for error in _fast_validator().iter_errors(data)
    ]


def validate(
    document: Document | Mapping[str, Any] | str | bytes, *, limits: Limits = DEFAULT_LIMITS
) -> list[Problem]:
    """Every problem with ``document``; an empty list means it is valid.

    ``document`` is a :class:`~communique.Document`, its parsed JSON, or JSON text, read
    as :func:`~communique.loads` reads it (a reading error is the one problem, at its
    pointer). Checked: the JSON Schema, then the invariants beyond it: unique record ids,
    actor references that exist, spans inside ``text`` and equal to their slice, span
    offsets written as integers, ``text_sha256``, real calendar dates with ranges in
    order, event modes that belong to their type, an event's source and target among its
    participants; and ``limits`` (nesting, numbers, strings). Whatever it accepts,
    :func:`~communique.loads` reads and :func:`~communique.dumps` writes back.
    """
    if isinstance(document, str | bytes):
        try:
            document = read_json(document, limits)
        except LoadError as error:
            where = f" (line {error.line})" if error.line is not None else ""
            return [Problem(error.pointer or "", error.reason + where, limit=True)]
    data = to_dict(document) if isinstance(document, Document) else document
    if not isinstance(data, Mapping):
        return [Problem("", "a Document is a JSON object")]
    problems = _schema_problems(data, limits)
    reported = {problem.pointer for problem in problems}
    problems.extend(p for p in _invariant_problems(data) if p.pointer not in reported)
    return sorted(set(problems), key=lambda p: (_sort_key(p.pointer), p.message))


def _sort_key(pointer: str) -> list[tuple[int, int | str]]:
    return [(0, int(part)) if part.isdigit() else (1, part) for part in pointer.split("/")]


def _pointer(path: Any) -> str:
    return "".join("/" + escape(str(part)) for part in path)


def _message(error: jsonschema.ValidationError) -> str:
    if error.validator == "oneOf" and isinstance(error.instance, str | int | float | bool):
        return f"{error.instance!r} is not valid here"
    message = error.message
    if len(message) > MAX_MESSAGE_CHARS:  # keep what is wrong; cut the value it quotes
        written = repr(error.instance)
        message = message.replace(written, clip(written, 40)) if written in message else message
    return clip(message)


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
                if type(record) is dict or isinstance(record, Mapping):
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


def _span_locations(data: Mapping[str, Any]) -> Iterator[tuple[str, int, int | None, Any]]:
    """(record list, record index, mention index or None for evidence, span) of each span."""
    for name, index, record in _records(data):
        if name == "actors":
            mentions = record.get("mentions")
            if isinstance(mentions, list):
                for position, span in enumerate(mentions):
                    yield name, index, position, span
        elif "evidence" in record:
            yield name, index, None, record["evidence"]


def _is_mapping(value: Any) -> TypeGuard[Mapping[str, Any]]:
    return type(value) is dict or (value is not None and isinstance(value, Mapping))


def _spans(data: Mapping[str, Any]) -> Iterator[Problem]:
    text = data.get("text")
    whole = text if isinstance(text, str) else ""
    size = len(text) if isinstance(text, str) else -1
    for name, index, position, span in _span_locations(data):
        if not _is_mapping(span):
            continue
        start, end, written = span.get("start"), span.get("end"), span.get("text")
        if (  # the common case, checked first and without building a pointer
            type(start) is int
            and type(end) is int
            and type(written) is str
            and 0 <= start <= end <= size
            and _is_slice(whole, start, end, written)
        ):
            continue
        where = f"/{name}/{index}/evidence"
        if position is not None:
            where = f"/actors/{index}/mentions/{position}"
        yield from _span_problems(where, text, start, end, written)


def _span_problems(
    pointer: str, text: Any, start: Any, end: Any, written: Any
) -> Iterator[Problem]:
    if type(start) is float or type(end) is float:
        yield from _whole_floats(pointer, start, end)
        return
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(written, str)):
        return
    if end < start:
        yield Problem(pointer, f"span end {end} is before its start {start}")
    elif isinstance(text, str) and end > len(text):
        yield Problem(pointer, f"span end {end} is past the end of text ({len(text)})")
    elif isinstance(text, str) and not _is_slice(text, start, end, written):
        yield Problem(
            pointer + "/text",
            f"{_clip(written)} is not the text at [{start}:{end}], "
            f"which is {_clip(text[start:end])}",
        )
    elif len(written) != end - start:
        yield Problem(pointer + "/text", f"span text is not {end - start} characters long")


def _is_slice(text: str, start: int, end: int, written: str) -> bool:
    """``text[start:end] == written``, without copying the slice."""
    return len(written) == end - start and text.startswith(written, start)


def _whole_floats(pointer: str, start: Any, end: Any) -> Iterator[Problem]:
    """739.0 is an integer to JSON Schema, but a float to Python and so to loads."""
    for name, value in (("start", start), ("end", end)):
        if type(value) is float and value.is_integer():
            yield Problem(f"{pointer}/{name}", f"{value!r} is not an integer: write {value:.0f}")


def _clip(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _text_digest(data: Mapping[str, Any]) -> Iterator[Problem]:
    text, digest = data.get("text"), data.get("text_sha256")
    if not isinstance(text, str):
        return
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError as error:
        yield Problem("/text", f"lone surrogate at character {error.start}: not UTF-8")
        return
    if isinstance(digest, str):
        actual = hashlib.sha256(encoded).hexdigest()
        if actual != digest:
            yield Problem("/text_sha256", f"does not match text, whose SHA-256 is {actual}")


def _dates(data: Mapping[str, Any]) -> Iterator[Problem]:
    for name, index, record in _records(data):
        date = record.get("date")
        if not _is_mapping(date):
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
