"""The acceptance rule (issue 11) over generated and mutated JSON: whatever validate accepts,
loads reads and dumps writes back; whatever loads refuses, validate reports at a pointer."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from communique import LoadError, dumps, loads, validate
from communique.strict_json import read_json
from tests.strategies import documents

#: JSON values that strict reading or the schema should refuse somewhere, and some it
#: should take: each may replace any scalar value of a canonical document.
HOSTILE_VALUES = (
    "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "739.0", "0.0", "1e2", "-0", "-0.0",
    "1" + "0" * 120, "9" * 5000, '"\\ud800"', '"x\\udc00"', '"\\ud83d\\ude00"',
    '"\\\\ud800"', '"２０２３"', '"２０２３-02-15"', '"2023-02-30"', '"\\u0000"', "true",
    "false", "null", "{}", "[]", "-1", '"1.0"', "[" * 70 + "]" * 70,
    '{"a": ' * 70 + "1" + "}" * 70, '"\u202e"', '"\ufeff"',
)  # fmt: skip
INSERTED = ('"', "\\", "{", "}", "[", "]", ",", ":", "0", "-", "e", ".", "x", "\x01", "\n",
            "\ufeff", "\ud800", "NaN", "１")  # fmt: skip
_SCALAR_LINE = re.compile(r'^( *(?:"(?:[^"\\]|\\.)*": )?)([^\[{\n]+?)(,?)$', re.MULTILINE)


@st.composite
def mutated_json(draw: st.DrawFn) -> str | bytes:
    """The canonical JSON of a generated document, perhaps mutated, as text or bytes."""
    text = dumps(draw(documents()))
    how = draw(st.sampled_from(["none", "value", "value", "line", "delete", "insert", "bom"]))
    if how == "value":
        scalars = list(_SCALAR_LINE.finditer(text))
        if scalars:
            scalar = draw(st.sampled_from(scalars))
            value = draw(st.sampled_from(HOSTILE_VALUES))
            text = text[: scalar.start(2)] + value + text[scalar.end(2) :]
    elif how == "line":
        lines = text.splitlines(keepends=True)
        index = draw(st.integers(0, len(lines) - 1))
        lines.insert(index, lines[index])
        text = "".join(lines)
    elif how == "delete":
        index = draw(st.integers(0, len(text) - 1))
        text = text[:index] + text[index + 1 :]
    elif how == "insert":
        index = draw(st.integers(0, len(text)))
        text = text[:index] + draw(st.sampled_from(INSERTED)) + text[index:]
    elif how == "bom":
        text = "\ufeff" + text
    if draw(st.booleans()):
        return text.encode("utf-8", "surrogatepass")
    return text


def contains(whole: Any, part: Any) -> bool:
    """Whether ``whole`` holds every key and value of ``part``: nothing was dropped."""
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(
            key in whole and contains(whole[key], value) for key, value in part.items()
        )
    if isinstance(part, list):
        return (
            isinstance(whole, list)
            and len(whole) == len(part)
            and all(contains(w, p) for w, p in zip(whole, part, strict=True))
        )
    return type(whole) is type(part) and bool(whole == part)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(mutated_json())
def test_validate_and_loads_agree(text: str | bytes) -> None:
    """validate accepts => loads reads, dumps writes canonical JSON holding all the data,
    and canonical JSON comes back byte for byte; loads refuses => validate reports."""
    problems = validate(text)
    try:
        document = loads(text)
    except LoadError:
        event("refused by both")
        assert problems, "loads refused what validate accepted"
        assert all(p.pointer == "" or p.pointer.startswith("/") for p in problems)
        return
    if problems:
        event("read by loads, refused by validate")
        return  # loads may be more lenient than validate, never stricter
    event("accepted by both")
    canonical = dumps(document)
    canonical.encode("utf-8")  # UTF-8 throughout: no lone surrogate got through
    assert [] == validate(canonical)
    assert canonical == dumps(loads(canonical))
    assert contains(read_json(canonical), read_json(text))
    written = text.decode("utf-8") if isinstance(text, bytes) else text
    if written.removeprefix("\ufeff") == canonical.removeprefix("\ufeff"):
        assert written.removeprefix("\ufeff") == dumps(loads(text))


@given(documents())
def test_canonical_json_of_every_generated_document_is_accepted_and_kept(document: Any) -> None:
    """A generated document's canonical JSON is valid and comes back byte for byte."""
    text = dumps(document)
    assert [] == validate(text)
    assert [] == validate(text.encode("utf-8"))
    assert text == dumps(loads(text))
