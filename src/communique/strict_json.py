"""Strict JSON reading: one value, no duplicate keys, no NaN, within limits; errors say where.

The checks run inside the standard library's C decoder (through its hooks), so reading
a valid document costs little more than ``json.loads``. Only when the decoder refuses
does a slower scanner walk the text to find the line and JSON pointer of the problem.
"""

from __future__ import annotations

import functools
import json
import math
import re
from typing import Any

from communique.limits import DEFAULT_LIMITS, Limits, escape, text_problem

#: The longest message of a LoadError or a Problem, in characters.
MAX_MESSAGE_CHARS = 200

# A surrogate written as an escape: only then can a decoded string hold a lone one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE_ESCAPE_BYTES = re.compile(rb"\\u[dD][89a-fA-F]")
_TOKEN = re.compile(
    r"""(?P<space>[ \t\n\r]+)
    | (?P<string>"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*")
    | (?P<number>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)
    | (?P<constant>true|false|null|NaN|-?Infinity)
    | (?P<punctuation>[{}\[\]:,])""",
    re.VERBOSE,
)


class LoadError(ValueError):
    """Raised when JSON cannot be read as a Document; the message says where and why.

    ``reason`` is the message without the place; ``pointer`` (a JSON pointer, ``""`` for
    the whole document) and ``line`` (1-based, in the text read) are set when known.
    """

    def __init__(
        self, reason: str, *, pointer: str | None = None, line: int | None = None
    ) -> None:
        self.reason = clip(reason)
        self.pointer = pointer
        self.line = line
        where = f"line {line}: " if line is not None else ""
        prefix = f"{shown(pointer)}: " if pointer is not None else ""
        super().__init__(clip(f"{where}{prefix}{self.reason}"))


class _Refused(Exception):
    """Raised by a decoder hook; the scanner then finds where."""


def clip(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` on one line and at most ``limit`` characters, with an ellipsis if cut."""
    text = text.replace("\r", "\\r").replace("\n", "\\n")
    if not text.isascii():  # a lone surrogate (in a key, say) cannot be printed
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(pointer: str, limit: int = 80) -> str:
    """``pointer`` for a message: ``/`` for the whole document, long ones cut in the middle."""
    if len(pointer) <= limit:
        return pointer or "/"
    half = (limit - 1) // 2
    return f"{pointer[:half]}…{pointer[-half:]}"


def read_json(text: str | bytes, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse one JSON value strictly, turning every way it can fail into a LoadError.

    Refused: more than ``limits.max_document_bytes`` (characters for ``str``), bytes
    that are not UTF-8, empty input, invalid JSON, trailing data, duplicate keys, ``NaN``
    and ``Infinity``, floats that overflow or are longer than ``limits.max_number_chars``,
    integers beyond Python's digit limit (4,300), strings with a lone surrogate or longer
    than ``limits.max_string_chars``, and nesting too deep to read. Longer integers and
    deeper nesting in ``extensions`` are refused by :func:`~communique.from_dict` and
    :func:`~communique.validate`. A UTF-8 byte order mark at the start is skipped.

    Raises:
        LoadError: with the reason, the line and the JSON pointer of the first problem.
    """
    if len(text) > limits.max_document_bytes:
        unit = "bytes" if isinstance(text, bytes) else "characters"
        raise LoadError(
            f"larger than {limits.max_document_bytes} {unit} (see --max-document-bytes)",
            pointer="",
            line=1,
        )
    if isinstance(text, bytes):  # only an escape can give a surrogate: look for one cheaply
        escaped = _SURROGATE_ESCAPE_BYTES.search(text) is not None
        text = _decoded(text)
    else:
        escaped = _SURROGATE_ESCAPE.search(text) is not None
        if not text.isascii():
            _refuse_lone_surrogates(text)
    text = text.removeprefix("\ufeff")
    if not text or text.isspace():
        raise LoadError("empty: no JSON value", pointer="", line=1)
    try:
        value = _decoder(limits).decode(text)
    except json.JSONDecodeError as error:
        raise _located(text, error.pos, _syntax(text, error)) from None
    except (_Refused, ValueError, RecursionError) as error:
        raise _diagnosed(text, limits, str(error) or "nested too deep to read") from None
    if (escaped and not _writable(value)) or len(text) > limits.max_string_chars:
        problem = _first_problem(text, limits, _STRINGS)
        if problem is not None:
            raise _located(text, *problem)
    return value


def _writable(value: Any) -> bool:
    """Whether ``value`` surely holds no lone surrogate (what decoded escapes can leave)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError):
        return False
    return True


def _decoded(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = raw[: error.start].decode("utf-8")
        reason = f"not UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start}"
        raise _located(prefix, len(prefix), reason) from None


def _refuse_lone_surrogates(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        reason = f"lone surrogate U+{ord(text[error.start]):04X} in a string: not UTF-8"
        raise _located(text, error.start, reason) from None


@functools.cache
def _decoder(limits: Limits) -> json.JSONDecoder:
    def parse_float(written: str) -> float:
        if len(written) > limits.max_number_chars:
            raise _Refused("number too long")
        value = float(written)
        if not math.isfinite(value):
            raise _Refused("number out of range")
        return value

    # Integers are left to the C decoder (a hook would cost a call per number): Python
    # refuses more than 4,300 digits itself, and validate and from_dict hold the numbers
    # of extensions, the only integers not bounded by the text, to max_number_chars.
    return json.JSONDecoder(
        object_pairs_hook=_object, parse_float=parse_float, parse_constant=_constant
    )


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Refused("duplicate key")
    return result


def _constant(name: str) -> Any:
    raise _Refused(f"{name} is not JSON")


def _syntax(text: str, error: json.JSONDecodeError) -> str:
    if error.msg.startswith("Invalid control character"):
        if text[error.pos] in "\r\n":
            return "invalid JSON: unterminated string (a line break before its closing quote)"
        return f"invalid JSON: control character U+{ord(text[error.pos]):04X} in a string"
    if error.msg.startswith("Unterminated string"):
        return "invalid JSON: unterminated string"
    if error.msg == "Extra data":
        return "invalid JSON: trailing data after the value"
    return f"invalid JSON: {error.msg[0].lower()}{error.msg[1:]}"


def _located(text: str, position: int, reason: str, pointer: str | None = None) -> LoadError:
    if pointer is None:
        found = _first_problem(text, DEFAULT_LIMITS, frozenset(), stop=position)
        pointer = found[2] if found is not None else ""
    # an error at the end of the text is on its last line, not on the empty one after it
    position = min(position, len(text.rstrip("\r\n")))
    return LoadError(reason, pointer=pointer, line=text.count("\n", 0, position) + 1)


def _diagnosed(text: str, limits: Limits, fallback: str) -> LoadError:
    """The first problem the scanner finds, or ``fallback`` at the end if it finds none."""
    problem = _first_problem(text, limits, _ALL)
    if problem is None:
        return _located(text, len(text), fallback)
    return _located(text, *problem)


_STRINGS = frozenset({"strings"})
_ALL = frozenset({"depth", "keys", "strings", "numbers"})


class _Frame:
    """One open array or object while scanning: its keys so far and where it is."""

    __slots__ = ("is_object", "keys", "place", "wants_key")

    def __init__(self, is_object: bool) -> None:
        self.is_object = is_object
        self.keys: set[str] = set()
        self.place: str | int | None = None if is_object else 0
        self.wants_key = is_object


def _first_problem(
    text: str, limits: Limits, checks: frozenset[str], *, stop: int | None = None
) -> tuple[int, str, str] | None:
    """(position, reason, JSON pointer) of the first problem in ``text``, in text order.

    ``checks`` names what is looked for: ``depth``, duplicate ``keys``, ``strings``
    (length, lone surrogates) and ``numbers`` (NaN, Infinity, length, range). Scanning
    ends at a character that cannot start a token, or at ``stop``, where the result is
    the pointer there with an empty reason.
    """
    frames: list[_Frame] = []

    def pointer() -> str:
        return "".join(f"/{escape(str(f.place))}" for f in frames if f.place is not None)

    position = 0
    end = len(text) if stop is None else stop
    while position < end:
        token = _TOKEN.match(text, position)
        if token is None:
            break
        kind, written = token.lastgroup, token.group()
        top = frames[-1] if frames else None
        reason = None
        if kind == "punctuation":
            if written in "[{":
                if "depth" in checks and len(frames) >= limits.max_depth:
                    return position, _too_deep(limits), pointer()
                frames.append(_Frame(written == "{"))
            elif written in "]}" and frames:
                frames.pop()
            elif written == "," and top is not None:
                if top.is_object:
                    top.wants_key = True
                elif isinstance(top.place, int):
                    top.place += 1
        elif kind == "string" and top is not None and top.wants_key:
            key: str = json.loads(written)
            top.wants_key = False
            top.place = key
            if "keys" in checks and key in top.keys:
                return position, f"duplicate key {clip(repr(key), 60)}", pointer()
            top.keys.add(key)
            if "strings" in checks:
                reason = text_problem(key, limits, "key")
        elif kind == "string" and "strings" in checks:
            reason = text_problem(json.loads(written), limits, "string")
        elif kind in ("number", "constant") and "numbers" in checks:
            reason = _number_problem(written, limits)
        if reason is not None:
            return position, reason, pointer()
        position = token.end()
    return (position, "", pointer()) if stop is not None else None


def _too_deep(limits: Limits) -> str:
    return f"nested deeper than {limits.max_depth} levels (see --max-depth)"


def _number_problem(written: str, limits: Limits) -> str | None:
    if written in ("NaN", "Infinity", "-Infinity"):
        return f"{written} is not JSON: numbers must be finite"
    if written in ("true", "false", "null"):
        return None
    if len(written) > limits.max_number_chars:
        return f"number longer than {limits.max_number_chars} characters (see --max-number-chars)"
    is_integer = not any(mark in written for mark in ".eE")
    if not is_integer and not math.isfinite(float(written)):
        return f"number {clip(written, 40)} is out of range"
    return None
