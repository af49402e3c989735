"""The limits on JSON read from strangers, as named constants and one Limits value."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import attrs

#: The largest document (a ``.json`` file or one JSON Lines line), in UTF-8 bytes.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
#: The deepest nesting of arrays and objects; the Document object itself is level 1.
MAX_JSON_DEPTH = 64
#: The deepest nesting that may be asked for: canonical writing is proven to this depth.
MAX_JSON_DEPTH_CEILING = 256
#: The least nesting that may be asked for: a Document's own shape (a span of a mention
#: of an actor) is this deep, so that only ``extensions`` can go deeper.
MIN_JSON_DEPTH = 5
#: The longest number, in characters as written (sign, digits, point and exponent).
MAX_NUMBER_CHARS = 100
#: The longest string, in characters (code points) after JSON escapes are decoded.
MAX_STRING_CHARS = 64 * 1024 * 1024


def _positive(instance: Limits, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, got {value}")


def _depth(instance: Limits, attribute: attrs.Attribute[int], value: int) -> None:
    if not MIN_JSON_DEPTH <= value <= MAX_JSON_DEPTH_CEILING:
        raise ValueError(
            f"max_depth must be from {MIN_JSON_DEPTH} to {MAX_JSON_DEPTH_CEILING}, got {value}"
        )


@attrs.frozen(kw_only=True)
class Limits:
    """How much JSON a reader accepts; the defaults are the constants of this module.

    Attributes:
        max_document_bytes: the largest document (a ``.json`` file or one JSON Lines
            line) in UTF-8 bytes; characters when the text is given as ``str``.
        max_depth: the deepest nesting of arrays and objects, the Document being level 1;
            from 5 (a Document's own shape) to 256 (what canonical writing handles).
        max_number_chars: the longest number, in characters as written.
        max_string_chars: the longest string or key, in characters after escapes.
    """

    max_document_bytes: int = attrs.field(default=MAX_DOCUMENT_BYTES, validator=_positive)
    max_depth: int = attrs.field(default=MAX_JSON_DEPTH, validator=_depth)
    max_number_chars: int = attrs.field(default=MAX_NUMBER_CHARS, validator=_positive)
    max_string_chars: int = attrs.field(default=MAX_STRING_CHARS, validator=_positive)


#: The limits used when none are given.
DEFAULT_LIMITS = Limits()


def limit_problems(
    value: Any, limits: Limits, pointer: str = "", depth: int = 1
) -> Iterator[tuple[str, str]]:
    """(JSON pointer, message) for each place where ``value`` breaks ``limits``.

    ``value`` is parsed JSON found at ``pointer``, nested ``depth`` levels deep. Checked:
    nesting, the length of numbers (as written back) and of strings and keys, numbers
    that are not finite, and strings that hold a lone surrogate (not UTF-8, so not
    writable). A value nested too deep is reported once, at the first container past the
    limit. Pointers are built only for containers and for what is reported.
    """
    kind = type(value)
    if kind is not dict and kind is not list:
        problem = _scalar_problem(value, kind, limits)
        if problem is not None:
            yield pointer, problem
        return
    stack = [(value, pointer, depth)]
    while stack:
        node, here, level = stack.pop()
        if level > limits.max_depth:
            yield here, f"nested deeper than {limits.max_depth} levels (see --max-depth)"
            continue
        is_dict = type(node) is dict
        for key, child in node.items() if is_dict else enumerate(node):
            if is_dict:
                problem = text_problem(str(key), limits, "key")
                if problem is not None:
                    yield f"{here}/{escape(str(key))}", problem
            kind = type(child)
            if kind is dict or kind is list:
                stack.append((child, f"{here}/{escape(str(key))}", level + 1))
                continue
            problem = _scalar_problem(child, kind, limits)
            if problem is not None:
                yield f"{here}/{escape(str(key))}", problem


def _scalar_problem(value: Any, kind: type, limits: Limits) -> str | None:
    if kind is str:
        return text_problem(value, limits, "string")
    if kind is int:
        bound: int = 10**limits.max_number_chars
        if value >= bound or value * 10 <= -bound:
            return _number_too_long(limits)
    elif kind is float:
        if not math.isfinite(value):
            return "number is not finite: NaN and Infinity are not JSON"
        if len(repr(value)) > limits.max_number_chars:
            return _number_too_long(limits)
    return None


def text_problem(value: str, limits: Limits, what: str) -> str | None:
    """Why the string or key ``value`` breaks ``limits`` (length, lone surrogate), or None."""
    if len(value) > limits.max_string_chars:
        limit = limits.max_string_chars
        return f"{what} longer than {limit} characters (see --max-string-chars)"
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            return f"lone surrogate U+{ord(value[error.start]):04X} in a {what}: not UTF-8"
    return None


def _number_too_long(limits: Limits) -> str:
    return f"number longer than {limits.max_number_chars} characters (see --max-number-chars)"


def escape(key: str) -> str:
    """``key`` as one reference token of a JSON pointer (RFC 6901)."""
    return key.replace("~", "~0").replace("/", "~1")
