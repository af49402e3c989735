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
    nesting, the length of numbers (as written back) and of strings, numbers that are not
    finite, and strings that hold a lone surrogate (not UTF-8, so not writable). A value
    nested too deep is reported once, at the first container past the limit.
    """
    stack = [(value, pointer, depth)]
    while stack:
        node, here, level = stack.pop()
        kind = type(node)
        if kind is dict or kind is list:
            if level > limits.max_depth:
                yield here, f"nested deeper than {limits.max_depth} levels (see --max-depth)"
                continue
            if kind is dict:
                for key in node:
                    yield from _string_problems(key, f"{here}/{escape(key)}", limits, "key")
            items = node.items() if kind is dict else enumerate(node)
            children = [(child, f"{here}/{escape(str(key))}", level + 1) for key, child in items]
            stack.extend(reversed(children))
        elif kind is str:
            yield from _string_problems(node, here, limits, "string")
        elif kind is int and _int_too_long(node, limits.max_number_chars):
            yield here, _number_too_long(limits)
        elif kind is float and not math.isfinite(node):
            yield here, "number is not finite: NaN and Infinity are not JSON"
        elif kind is float and len(repr(node)) > limits.max_number_chars:
            yield here, _number_too_long(limits)


def _int_too_long(value: int, max_chars: int) -> bool:
    bound: int = 10**max_chars
    return value >= bound or value * 10 <= -bound


def _number_too_long(limits: Limits) -> str:
    return f"number longer than {limits.max_number_chars} characters (see --max-number-chars)"


def _string_problems(
    text: str, pointer: str, limits: Limits, what: str
) -> Iterator[tuple[str, str]]:
    if len(text) > limits.max_string_chars:
        limit = limits.max_string_chars
        yield pointer, f"{what} longer than {limit} characters (see --max-string-chars)"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:
            yield pointer, f"{what} holds a lone surrogate at character {error.start}: not UTF-8"


def escape(key: str) -> str:
    """``key`` as one reference token of a JSON pointer (RFC 6901)."""
    return key.replace("~", "~0").replace("/", "~1")
