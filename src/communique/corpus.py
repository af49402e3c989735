"""The articles of a corpus run: files, folder trees, standard input and JSON Lines.

:func:`read_inputs` turns what a user names on the command line into a stream of
:class:`Article` values (one per article, in a stable order) and :class:`Failure` values
(one per input that holds no usable article), reading lazily so that a corpus of any size
takes the memory of one article.
"""

from __future__ import annotations

import fnmatch
import gzip
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Any

import attrs

#: What ``-`` stands for.
STDIN = "-"
#: The files a folder contributes when no ``--glob`` is given.
DEFAULT_GLOBS = ("*.txt", "*.jsonl", "*.jsonl.gz")
#: The file names that ``auto`` reads as JSON Lines of article records.
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
#: The fields of a JSON Lines article record, each named as it is by default.
FIELDS = ("id", "text", "published", "title", "url", "outlet")
#: The key of a Document's ``extensions`` that names the input it was parsed from.
INPUT_EXTENSION = "input"
#: The longest JSON Lines article record accepted (bytes).
MAX_RECORD_BYTES = 256 * 1024 * 1024


class InputError(ValueError):
    """A command-line input that cannot be used at all (an unknown field name, say)."""


@attrs.frozen
class Source:
    """Where an article came from: a file path (``-`` for stdin), a line, a record id."""

    path: str
    line: int | None = None
    id: str | None = None
    url: str | None = None

    @property
    def key(self) -> tuple[str, int | None, str | None]:
        """What identifies the input in a run, so that a resumed run can skip it."""
        return (self.path, self.line, self.id)

    def label(self) -> str:
        """``path`` or ``path:line`` for messages."""
        path = "<stdin>" if self.path == STDIN else self.path
        return path if self.line is None else f"{path}:{self.line}"

    def to_json(self) -> dict[str, Any]:
        """The ``extensions["input"]`` object of the Document parsed from this source."""
        return {"path": self.path, "line": self.line, "id": self.id, "url": self.url}

    @classmethod
    def from_json(cls, value: Any) -> Source | None:
        """The source named by an ``input`` object, or None when it names none."""
        if not isinstance(value, dict) or not isinstance(value.get("path"), str):
            return None
        line, ident, url = value.get("line"), value.get("id"), value.get("url")
        return cls(
            path=value["path"],
            line=line if isinstance(line, int) else None,
            id=ident if isinstance(ident, str) else None,
            url=url if isinstance(url, str) else None,
        )


@attrs.frozen
class Article:
    """One article to parse: its text, what the input says about it, and its source."""

    source: Source
    text: str
    published: str | None = None
    title: str | None = None
    outlet: str | None = None


@attrs.frozen
class Failure:
    """An input that gives no Document, and why (one line, for the user)."""

    source: Source
    reason: str

    def to_json(self) -> dict[str, Any]:
        """The ``--errors`` line of this failure."""
        return {**self.source.to_json(), "reason": self.reason}


def field_names(pairs: Sequence[str]) -> dict[str, str]:
    """The record field for each article field, from ``--field text=body`` pairs.

    Raises:
        InputError: a pair is not ``FIELD=NAME`` or names an unknown field.
    """
    names = {field: field for field in FIELDS}
    for pair in pairs:
        field, equals, name = pair.partition("=")
        if not equals or not name:
            raise InputError(f"--field {pair!r}: write FIELD=NAME, e.g. text=body")
        if field not in names:
            raise InputError(f"--field {pair!r}: FIELD is one of {', '.join(FIELDS)}")
        names[field] = name
    return names


def read_inputs(
    names: Sequence[str],
    *,
    globs: Sequence[str] = DEFAULT_GLOBS,
    input_format: str = "auto",
    fields: Mapping[str, str] | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Article | Failure]:
    """The articles of every input, in order, and a Failure for each unusable one.

    Args:
        names: files, folders (walked recursively in name order, keeping files that
            match one of ``globs``) and ``-`` for standard input.
        input_format: ``text`` (one article a file), ``jsonl`` (one article record a
            line) or ``auto``: JSON Lines for ``.jsonl``/``.jsonl.gz`` files and for
            standard input whose first line is a JSON object, text otherwise.
        fields: the record field for each of :data:`FIELDS` (see :func:`field_names`).
        stdin: the stream ``-`` reads (standard input's bytes by default).
    """
    fields = dict(fields or field_names(()))
    for name in names:
        for path in _paths(name, globs):
            if isinstance(path, Failure):
                yield path
            else:
                yield from _read(path, input_format, fields, stdin)


def _paths(name: str, globs: Sequence[str]) -> Iterator[str | Failure]:
    if name == STDIN or not os.path.isdir(name):
        yield name
        return
    found = False
    unreadable: list[OSError] = []  # a folder os.walk cannot list is a failure, not a gap
    for folder, subfolders, files in os.walk(name, onerror=unreadable.append):
        yield from _unreadable(unreadable, name)
        subfolders[:] = sorted(entry for entry in subfolders if not entry.startswith("."))
        for entry in sorted(files):
            if not entry.startswith(".") and any(fnmatch.fnmatch(entry, g) for g in globs):
                found = True
                yield os.path.join(folder, entry)
    yield from _unreadable(unreadable, name)
    if not found:
        patterns = " ".join(globs)
        yield Failure(Source(name), f"no files matching {patterns} in this folder")


def _unreadable(errors: list[OSError], name: str) -> Iterator[Failure]:
    while errors:
        error = errors.pop(0)
        yield Failure(Source(error.filename or name), f"cannot read: {error.strerror or error}")


def _read(
    path: str, input_format: str, fields: Mapping[str, str], stdin: IO[bytes] | None
) -> Iterator[Article | Failure]:
    source = Source(path)
    try:
        if path == STDIN:
            stream: IO[bytes] = stdin if stdin is not None else sys.stdin.buffer
        elif path.endswith(".gz"):
            stream = gzip.open(path, "rb")  # type: ignore[assignment]  # noqa: SIM115
        else:
            stream = open(path, "rb")  # noqa: SIM115
    except OSError as error:
        yield Failure(source, f"cannot read: {error.strerror or error}")
        return
    try:
        form = input_format
        if form == "auto" and path != STDIN:
            form = "jsonl" if path.endswith(JSONL_SUFFIXES) else "text"
        first = b""
        if form == "auto":  # standard input: JSON Lines when its first line is a record
            first = stream.readline(MAX_RECORD_BYTES + 1)
            form = "jsonl" if _is_record(first, fields) else "text"
        if form == "jsonl":
            yield from _records(path, stream, fields, first)
        else:
            yield _text_article(path, first + stream.read())
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        yield Failure(source, f"cannot read: {getattr(error, 'strerror', None) or error}")
    finally:
        if path != STDIN:
            stream.close()


def _is_record(line: bytes, fields: Mapping[str, str]) -> bool:
    try:
        value = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict) and fields["text"] in value


def _text_article(path: str, raw: bytes) -> Article | Failure:
    source = Source(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return Failure(
            source,
            f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "convert it first, e.g. with iconv -t UTF-8",
        )
    if not text.strip():
        return Failure(source, "empty file: there is no article text to parse")
    return Article(source, text.removeprefix("\ufeff"))


def _records(
    path: str, stream: IO[bytes], fields: Mapping[str, str], first: bytes
) -> Iterator[Article | Failure]:
    seen = False
    number = 0
    while True:
        line, first = first or stream.readline(MAX_RECORD_BYTES + 1), b""
        if not line:
            break
        number += 1
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                pass
            yield Failure(Source(path, number), f"line longer than {MAX_RECORD_BYTES} bytes")
            seen = True
            continue
        if not line.strip():
            continue
        seen = True
        yield read_record(path, number, line, fields)
    if not seen:
        yield Failure(Source(path), "empty file: no article records")


def read_record(
    path: str, number: int, line: bytes, fields: Mapping[str, str]
) -> Article | Failure:
    """The article in one JSON Lines ``line`` (line ``number`` of ``path``), or why not."""
    try:
        value = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 (byte 0x{line[error.start]:02x} at offset {error.start})"
        return Failure(Source(path, number), reason)
    except json.JSONDecodeError as error:
        reason = f"invalid JSON: {error.msg.removesuffix(' at')} (column {error.colno})"
        return Failure(Source(path, number), reason)
    except RecursionError:
        return Failure(Source(path, number), "invalid JSON: nested too deep")
    if not isinstance(value, dict):
        return Failure(Source(path, number), "an article record is a JSON object")
    strings: dict[str, str | None] = {}
    for field in FIELDS:
        item = value.get(fields[field])
        if field == "id" and isinstance(item, int) and not isinstance(item, bool):
            item = str(item)
        if item is not None and not isinstance(item, str):
            reason = f"field {fields[field]!r} ({field}) is not a string"
            return Failure(Source(path, number, _id(value, fields)), reason)
        strings[field] = item
    source = Source(path, number, strings["id"], strings["url"])
    text = strings["text"]
    if text is None:
        hint = "" if fields["text"] != "text" else "; name it with --field text=NAME"
        return Failure(source, f"no {fields['text']!r} field holding the article text{hint}")
    if not text.strip():
        return Failure(source, f"empty {fields['text']!r}: there is no article text to parse")
    return Article(
        source,
        text,
        published=strings["published"] or None,
        title=strings["title"] or None,
        outlet=strings["outlet"] or None,
    )


def _id(value: dict[str, Any], fields: Mapping[str, str]) -> str | None:
    ident = value.get(fields["id"])
    return ident if isinstance(ident, str) else None
