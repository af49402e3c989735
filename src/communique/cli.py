"""The ``communique`` command: parse articles, validate datasets, print the schema."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from communique import __version__
from communique.export import COLUMNS, write_table
from communique.exporters import FORMATS
from communique.lexicon import Lexicon, LexiconError
from communique.limits import (
    MAX_DOCUMENT_BYTES,
    MAX_JSON_DEPTH,
    MAX_JSON_DEPTH_CEILING,
    MAX_NUMBER_CHARS,
    MAX_STRING_CHARS,
    MIN_JSON_DEPTH,
    Limits,
)
from communique.model import Document
from communique.parser import PublishedError, parse
from communique.parser.actor_dictionary import ActorDictionaryError, load_actor_dictionary
from communique.schema import Problem, schema_text, validate
from communique.serialize import dumps_line, from_dict, iter_lines
from communique.strict_json import LoadError, clip, read_json, shown

EXIT_OK, EXIT_INVALID, EXIT_UNUSABLE = 0, 1, 2
STDIN = "-"
_NOT_AN_OBJECT = Problem("", "a Document is a JSON object")


class UsageError(Exception):
    """An input that cannot be used at all; the message is one line for the user."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except UsageError as error:
        print(f"communique {args.command}: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="communique",
        description="Turn news articles about diplomacy into typed, verifiable records.",
    )
    parser.add_argument("--version", action="version", version=f"communique {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse_cmd = commands.add_parser(
        "parse",
        help="parse article text files into Documents (JSON Lines)",
        description="Parse each article text file (UTF-8) into one Document, written as "
        "JSON Lines in input order. With no FILE, read one article from standard input.",
    )
    parse_cmd.add_argument("files", nargs="*", metavar="FILE", help="article text files")
    parse_cmd.add_argument(
        "--published",
        metavar="DATE",
        default="",
        help="publication date or date-time (ISO 8601) to resolve relative dates against; "
        "by default the article's own dateline",
    )
    parse_cmd.add_argument(
        "--actors",
        metavar="FILE",
        help="a JSON Lines actor dictionary (name, aliases, kind, country, sector, "
        "identifiers, roles with start/end dates) consulted before the built-in rules",
    )
    parse_cmd.add_argument(
        "--lexicon",
        metavar="FILE",
        help="a TOML file of words to add to the packaged lexicon (reporting verbs, titles, "
        "event triggers, organization words), laid out as the packaged tables; see the "
        "docs page 'Teach the parser a new word'",
    )
    parse_cmd.add_argument(
        "--unnamed-sources",
        action="store_true",
        help="also report statements whose source names nobody ('sources said', "
        "'experts say'), with a null speaker; by default they are left out",
    )
    parse_cmd.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT instead of standard output"
    )
    parse_cmd.set_defaults(run=_run_parse)

    validate_cmd = commands.add_parser(
        "validate",
        help="validate Documents (.json or .jsonl) against the schema and its invariants",
        description="Check every Document in each FILE against the JSON Schema and the "
        "invariants beyond it; print each problem as FILE:LINE: /json/pointer: message. "
        "Exit 0 when all are valid, 1 when any is invalid, 2 when an input is unusable.",
    )
    validate_cmd.add_argument(
        "files", nargs="+", metavar="FILE", help="a .json or .jsonl file, or - for stdin"
    )
    validate_cmd.add_argument(
        "--format",
        choices=("auto", "json", "jsonl"),
        default="auto",
        help="how to read the input: by file extension and content (auto, the default), "
        "one JSON document per file, or JSON Lines",
    )
    _add_limits(validate_cmd)
    validate_cmd.set_defaults(run=_run_validate)

    export_cmd = commands.add_parser(
        "export",
        help="export Documents (.json or .jsonl) as tables, PLOVER, JSON-LD, Web Annotations "
        "or Parquet",
        description="Export every Document in each FILE (or standard input) --to a format: "
        + "; ".join(f"{name}: {what}" for name, what in FORMATS.items())
        + ". Tables (csv, tsv, parquet) hold one --records type; lists are joined with '; '.",
    )
    export_cmd.add_argument(
        "files", nargs="*", metavar="FILE", help="a .json or .jsonl file, or - for stdin (default)"
    )
    export_cmd.add_argument(
        "--to", choices=tuple(FORMATS), help="output format (default csv)", dest="to"
    )
    export_cmd.add_argument(
        "--records",
        choices=tuple(COLUMNS),
        help="the record type of a table: csv, tsv or parquet (default statements)",
    )
    export_cmd.add_argument(
        "--format", choices=("csv", "tsv"), help="the same as --to csv or --to tsv (older name)"
    )
    export_cmd.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT instead of standard output"
    )
    _add_limits(export_cmd)
    export_cmd.set_defaults(run=_run_export)

    schema_cmd = commands.add_parser(
        "schema", help="print the Document JSON Schema", description="Print the JSON Schema."
    )
    schema_cmd.set_defaults(run=_run_schema)
    return parser


def _add_limits(command: argparse.ArgumentParser) -> None:
    """The flags that set the limits of :mod:`communique.limits` for one command."""
    limits = command.add_argument_group("limits on untrusted JSON (see SECURITY.md)")
    limits.add_argument(
        "--max-document-bytes",
        "--max-line-bytes",
        dest="max_document_bytes",
        type=int,
        default=MAX_DOCUMENT_BYTES,
        metavar="N",
        help=f"refuse a document (a .json file or a JSON Lines line) over N bytes "
        f"(default {MAX_DOCUMENT_BYTES})",
    )
    limits.add_argument(
        "--max-depth",
        type=int,
        default=MAX_JSON_DEPTH,
        metavar="N",
        help=f"refuse arrays and objects nested over N levels (default {MAX_JSON_DEPTH}, "
        f"from {MIN_JSON_DEPTH} to {MAX_JSON_DEPTH_CEILING})",
    )
    limits.add_argument(
        "--max-number-chars",
        type=int,
        default=MAX_NUMBER_CHARS,
        metavar="N",
        help=f"refuse a number written with over N characters (default {MAX_NUMBER_CHARS})",
    )
    limits.add_argument(
        "--max-string-chars",
        type=int,
        default=MAX_STRING_CHARS,
        metavar="N",
        help=f"refuse a string of over N characters (default {MAX_STRING_CHARS})",
    )


def _limits(args: argparse.Namespace) -> Limits:
    try:
        return Limits(
            max_document_bytes=args.max_document_bytes,
            max_depth=args.max_depth,
            max_number_chars=args.max_number_chars,
            max_string_chars=args.max_string_chars,
        )
    except ValueError as error:
        raise UsageError(str(error)) from None


_TABLES = ("csv", "tsv", "parquet")


def _export_format(args: argparse.Namespace) -> str:
    if args.to and args.format and args.to != args.format:
        raise UsageError(f"--to {args.to} and --format {args.format} disagree; give one")
    form: str = args.to or args.format or "csv"
    if args.records is not None and form not in _TABLES:
        raise UsageError(f"--records applies to {', '.join(_TABLES)}; {form} holds every record")
    return form


def _run_export(args: argparse.Namespace) -> int:
    form = _export_format(args)
    documents = list(_loaded(args.files or [STDIN], _limits(args)))
    records = args.records or "statements"
    if form == "parquet":
        from communique.exporters import MissingDependencyError
        from communique.exporters.parquet import write_parquet

        if args.output is None and sys.stdout.isatty():
            raise UsageError("Parquet is binary; give -o FILE or redirect standard output")
        binary = io.BytesIO()
        try:
            write_parquet(documents, records, binary)
        except MissingDependencyError as error:
            raise UsageError(str(error)) from None
        if args.output is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(binary.getvalue())
        else:
            _write_atomically(Path(args.output), binary.getvalue())
        return EXIT_OK
    buffer = io.StringIO() if args.output is not None else sys.stdout
    _write_text_export(form, documents, records, buffer)
    if isinstance(buffer, io.StringIO):
        _write_atomically(Path(args.output), [buffer.getvalue()])
    return EXIT_OK


def _write_text_export(form: str, documents: list[Document], records: str, out: IO[str]) -> None:
    if form in ("csv", "tsv"):
        write_table(documents, records, out, delimiter="\t" if form == "tsv" else ",")
    elif form == "plover":
        from communique.exporters.plover import write_plover

        write_plover(documents, out)
    elif form == "jsonld":
        from communique.exporters.jsonld import write_graph

        write_graph(documents, out)
    else:
        from communique.exporters.w3c import write_annotations

        write_annotations(documents, out)


def _loaded(names: Sequence[str], limits: Limits) -> Iterator[Document]:
    """The Documents in each file, or a UsageError naming the first one that is not."""
    for name in names:
        label = "<stdin>" if name == STDIN else name
        try:
            stream = sys.stdin.buffer if name == STDIN else open(name, "rb")  # noqa: SIM115
        except OSError as error:
            raise UsageError(f"{label}: cannot read: {error.strerror or error}") from None
        with stream:
            for line, outcome in _documents(stream, name, "auto", limits):
                try:
                    if isinstance(outcome, LoadError):
                        raise outcome
                    yield from_dict(outcome, limits=limits)
                except LoadError as error:
                    raise UsageError(
                        f"{_where(label, line, error)} (run 'communique validate {name}')"
                    ) from None


def _run_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return EXIT_OK


def _read_text(name: str) -> str:
    try:
        raw = sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
    except OSError as error:
        raise UsageError(f"{name}: cannot read: {error.strerror or error}") from None
    label = "standard input" if name == STDIN else name
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{label}: not UTF-8 text (byte 0x{raw[error.start]:02x} at offset "
            f"{error.start}); convert it first, e.g. with iconv -t UTF-8"
        ) from None
    if not text.strip():
        raise UsageError(f"{label}: empty file: there is no article text to parse")
    return text.removeprefix("\ufeff")


def _run_parse(args: argparse.Namespace) -> int:
    names = args.files or [STDIN]
    status = EXIT_OK
    dictionary = None
    if args.actors is not None:
        try:
            dictionary = load_actor_dictionary(args.actors)
        except (OSError, ActorDictionaryError) as error:
            reason = _reason(error)
            prefix = "" if reason.startswith(args.actors) else f"{args.actors}: "
            raise UsageError(prefix + reason) from None
    lexicon = None
    if args.lexicon is not None:
        try:
            lexicon = Lexicon.from_file(args.lexicon)
        except LexiconError as error:
            raise UsageError(str(error)) from None
    lines: list[str] = []
    for name in names:
        try:
            document = parse(
                _read_text(name),
                published=args.published or None,
                actors=dictionary,
                unnamed_sources=args.unnamed_sources,
                lexicon=lexicon,
            )
        except PublishedError as error:
            raise UsageError(str(error)) from None
        except UsageError as error:
            print(f"communique parse: {error}", file=sys.stderr)
            status = EXIT_UNUSABLE
            continue
        lines.append(dumps_line(document))
        if args.output is None:
            sys.stdout.write(lines.pop())
    if args.output is not None:
        _write_atomically(Path(args.output), lines)
    return status


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return f"cannot read: {error.strerror or error}"
    return str(error)


def _write_atomically(path: Path, lines: list[str] | bytes) -> None:
    directory = path.parent if str(path.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.")
        if isinstance(lines, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(lines)
        else:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.writelines(lines)
        os.replace(temporary, path)
    except OSError as error:
        raise UsageError(f"{path}: cannot write: {error.strerror or error}") from None


def _where(label: str, line: int, error: LoadError) -> str:
    """``FILE:LINE: /pointer: reason`` for a document that could not be read."""
    if error.pointer is None:
        return f"{label}:{line}: {error.reason}"
    line += (error.line or 1) - 1
    return f"{label}:{line}: {clip(f'{shown(error.pointer)}: {error.reason}')}"


def _run_validate(args: argparse.Namespace) -> int:
    limits = _limits(args)
    status = EXIT_OK
    counts = {"valid": 0, "invalid": 0, "unusable": 0}
    for name in args.files:
        label = "<stdin>" if name == STDIN else name
        try:
            stream = sys.stdin.buffer if name == STDIN else open(name, "rb")  # noqa: SIM115
        except OSError as error:
            print(f"{label}: cannot read: {error.strerror or error}")
            counts["unusable"] += 1
            status = max(status, EXIT_UNUSABLE)
            continue
        with stream:
            for line, outcome in _documents(stream, name, args.format, limits):
                if isinstance(outcome, LoadError):
                    print(_where(label, line, outcome))
                    counts["unusable"] += 1
                    status = max(status, EXIT_UNUSABLE)
                    continue
                problems = (
                    validate(outcome, limits=limits)
                    if isinstance(outcome, dict)
                    else [_NOT_AN_OBJECT]
                )
                for problem in problems:
                    print(f"{label}:{line}: {problem}")
                if any(problem.limit for problem in problems):
                    counts["unusable"] += 1
                    status = max(status, EXIT_UNUSABLE)
                    continue
                counts["invalid" if problems else "valid"] += 1
                if problems:
                    status = max(status, EXIT_INVALID)
    total = counts["valid"] + counts["invalid"]
    summary = f"{total} document{'s' if total != 1 else ''}: {counts['valid']} valid, "
    summary += f"{counts['invalid']} invalid"
    if counts["unusable"]:
        summary += f"; {counts['unusable']} unusable input{'s' if counts['unusable'] > 1 else ''}"
    print(summary, file=sys.stderr)
    return status


def _documents(
    stream: IO[bytes], name: str, form: str, limits: Limits
) -> Iterator[tuple[int, object]]:
    """Yield (line number, parsed JSON or LoadError) for each document in ``stream``."""
    max_bytes = limits.max_document_bytes
    if form == "auto":
        form = "jsonl" if name.endswith((".jsonl", ".ndjson")) else "json"
        if name == STDIN or not name.endswith(".json"):
            stream = _peekable(stream)
            form = _sniff(stream) if form == "json" else form
    if form == "json":
        raw = stream.read(max_bytes + 1)
        try:
            yield 1, read_json(raw, limits)
        except LoadError as error:
            yield 1, error
        return
    seen = False
    for number, line in enumerate(iter_lines(stream, max_line_bytes=max_bytes), 1):
        if isinstance(line, LoadError):
            yield number, LoadError(f"{line} (see --max-document-bytes)")
            seen = True
            continue
        if not line.strip():
            continue
        seen = True
        try:
            yield number, read_json(line, limits)
        except LoadError as error:
            yield number, error
    if not seen:
        yield 1, LoadError("empty: no JSON documents")


def _peekable(stream: IO[bytes]) -> io.BufferedReader:
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(stream)  # type: ignore[arg-type]


def _sniff(stream: io.BufferedReader) -> str:
    """JSON Lines when the first line holds a whole JSON value and more follows."""
    head = stream.peek(64 * 1024)
    first, _, rest = head.partition(b"\n")
    if not rest.strip():
        return "json"
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return "json"
    return "jsonl"


if __name__ == "__main__":
    sys.exit(main())
