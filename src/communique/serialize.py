"""One cattrs converter for the record model, and canonical JSON and JSON Lines."""

from __future__ import annotations

import enum
import functools
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, TypeVar, get_args, get_origin

from communique.limits import DEFAULT_LIMITS, MAX_DOCUMENT_BYTES, Limits, limit_problems
from communique.model import Document
from communique.strict_json import LoadError as LoadError
from communique.strict_json import read_json

if TYPE_CHECKING:  # cattrs is imported when the first document is converted
    import cattrs

T = TypeVar("T")

#: The largest JSON Lines line (in bytes) that :func:`read_jsonl` accepts by default.
MAX_LINE_BYTES = MAX_DOCUMENT_BYTES


def _strict(kind: type[T]) -> Any:
    def structure(value: Any, _: type[T]) -> T:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value

    return structure


def _is_tuple(kind: Any) -> bool:
    return get_origin(kind) is tuple


def _strict_tuple(kind: Any, converter: cattrs.Converter) -> Any:
    from cattrs.errors import IterableValidationError, IterableValidationNote

    item = get_args(kind)[0]
    structure_item = converter.get_structure_hook(item)

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise TypeError(f"expected an array, got {_json_type(value)}")
        result, errors = [], []
        for index, element in enumerate(value):
            try:
                result.append(structure_item(element, item))
            except Exception as error:  # collected, re-raised as one group
                error.__notes__ = [
                    *getattr(error, "__notes__", []),
                    IterableValidationNote(f"Structuring {kind} @ index {index}", index, item),
                ]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {kind}", errors, kind)
        return tuple(result)

    return structure


def _strict_mapping(value: Any, _: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, got {_json_type(value)}")
    return value


def configure_converter(converter: cattrs.Converter) -> None:
    """Configure ``converter`` for the record model.

    The rules:

    * attrs classes become dicts with every field present, in declaration order;
      ``None`` values are kept as ``null`` and empty collections as ``[]`` or ``{}``.
    * Tuples become lists, and only lists are structured back into tuples (a string is
      not a list of characters).
    * Enums become their string values.
    * Strings, integers and booleans are structured strictly: a number where a string
      goes is an error, never a silent conversion.
    * Unknown keys are an error, so no data is dropped silently.
    * ``extensions`` objects are passed through unchanged, and must be objects.
    """
    for kind in (str, int, bool):
        converter.register_structure_hook(kind, _strict(kind))
    converter.register_structure_hook_factory(_is_tuple, _strict_tuple)
    converter.register_structure_hook_func(lambda kind: kind == dict[str, Any], _strict_mapping)


def make_converter() -> cattrs.Converter:
    """A new converter configured by :func:`communique.configure_converter`."""
    import cattrs

    converter = cattrs.Converter(
        forbid_extra_keys=True,
        unstruct_collection_overrides={tuple: list},
    )
    configure_converter(converter)
    return converter


@functools.cache
def _converter() -> cattrs.Converter:
    """The converter of :func:`to_dict` and :func:`from_dict`, made on first use."""
    return make_converter()


def to_dict(document: Document) -> dict[str, Any]:
    """The JSON-ready dict of ``document``, every field present, in canonical order."""
    result: dict[str, Any] = _converter().unstructure(document)
    if result["schema_version"] == "1.0":
        _as_version_1_0(result)
    return result


def from_dict(data: Any, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """The Document that ``data`` (parsed JSON) describes.

    ``extensions`` are held to ``limits`` (nesting, numbers, strings), so that whatever
    loads can be written back by :func:`dumps`.

    Raises:
        LoadError: ``data`` is not a Document of schema v1; the message names the field.
    """
    if not isinstance(data, dict):
        raise LoadError(f"a Document is a JSON object, not {_json_type(data)}", pointer="")
    import cattrs
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    try:
        document = _converter().structure(data, Document)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as error:
        messages = cattrs.transform_error(error, path="$", format_exception=_describe)
        raise LoadError("; ".join(messages)) from None
    except (TypeError, ValueError, KeyError) as error:
        raise LoadError(str(error)) from None
    for pointer, message in extension_problems(data, limits):
        raise LoadError(message, pointer=pointer)
    return document


def extension_problems(data: Mapping[str, Any], limits: Limits) -> Iterator[tuple[str, str]]:
    """(JSON pointer, message) for each break of ``limits`` in the extensions of ``data``.

    ``data`` is a Document's JSON whose shape is valid: there only ``extensions`` hold
    JSON of any shape; the rest is as deep and as typed as the record model says.
    """
    if data.get("extensions"):
        yield from limit_problems(data["extensions"], limits, "/extensions", 2)
    for name in ("actors", "statements", "proposals", "events"):
        for index, record in enumerate(data.get(name, ())):
            if record.get("extensions"):
                here = f"/{name}/{index}/extensions"
                yield from limit_problems(record["extensions"], limits, here, 4)


def dumps(document: Document) -> str:
    """Canonical JSON of ``document``: indented by one space, UTF-8 text, final newline."""
    return json.dumps(to_dict(document), indent=1, ensure_ascii=False) + "\n"


def loads(text: str | bytes, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """The Document in the JSON ``text``, read strictly (see :func:`read_json`).

    Raises:
        LoadError: the text is not strict JSON within ``limits``, or not a Document of
            schema v1.
    """
    return from_dict(read_json(text, limits), limits=limits)


def json_line(value: object) -> str:
    """One compact JSON Lines line (UTF-8 text, non-ASCII kept), with its newline."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def dumps_line(document: Document) -> str:
    """One JSON Lines line for ``document`` (compact, with its newline)."""
    return json_line(to_dict(document))


def write_jsonl(documents: Iterable[Document], stream: IO[str]) -> int:
    """Write ``documents`` to ``stream`` as JSON Lines, one at a time; return the count."""
    count = 0
    for document in documents:
        stream.write(dumps_line(document))
        count += 1
    return count


def read_jsonl(
    stream: IO[bytes], *, max_line_bytes: int | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Document]:
    """Read Documents from a binary JSON Lines stream, one line at a time.

    Blank lines are skipped. Memory stays bounded by the longest line, at most
    ``max_line_bytes`` (by default ``limits.max_document_bytes``).

    Raises:
        LoadError: a line is not a Document; the message starts with ``line N:``.
    """
    if max_line_bytes is None:
        max_line_bytes = limits.max_document_bytes
    for number, line in enumerate(iter_lines(stream, max_line_bytes=max_line_bytes), 1):
        if isinstance(line, LoadError):
            raise LoadError(line.reason, line=number)
        if not line.strip():
            continue
        try:
            yield loads(line, limits=limits)
        except LoadError as error:
            raise LoadError(error.reason, pointer=error.pointer, line=number) from None


def iter_lines(stream: IO[bytes], *, max_line_bytes: int) -> Iterator[bytes | LoadError]:
    """Yield the lines of ``stream``; a line over ``max_line_bytes`` yields a LoadError.

    The overlong line is read past in chunks, never held whole in memory.
    """
    while True:
        line = stream.readline(max_line_bytes + 1)
        if not line:
            return
        if len(line) > max_line_bytes and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(1024 * 1024)
                if not rest or rest.endswith(b"\n"):
                    break
            yield LoadError(f"line longer than {max_line_bytes} bytes")
            continue
        yield line


def _describe(error: BaseException, kind: type | None) -> str:
    from cattrs.errors import ForbiddenExtraKeysError

    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, ForbiddenExtraKeysError):
        return f"unknown fields: {', '.join(sorted(error.extra_fields))}"
    if kind is not None and isinstance(kind, type) and issubclass(kind, enum.Enum):
        allowed = ", ".join(repr(member.value) for member in kind)
        return f"not one of {allowed}"
    return str(error) or type(error).__name__


def _json_type(value: Any) -> str:
    names = {
        list: "an array",
        dict: "an object",
        str: "a string",
        bool: "a boolean",
        type(None): "null",
    }
    return names.get(type(value), "a number")


def _as_version_1_0(data: dict[str, Any]) -> None:
    """A 1.0 document is written as it was read: its events have no source or target.

    A set source or target stays, so that validation reports it rather than losing it.
    """
    for event in data["events"]:
        for field in ("source", "target"):
            if event[field] is None:
                del event[field]
