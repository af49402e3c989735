"""The ``communique`` command: parse articles, validate datasets, print the schema."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from communique import __version__
from communique.export import COLUMNS, write_table
from communique.model import Document
from communique.output import LineFile, OutputError
from communique.parse_command import add_parse_arguments as _add_parse_arguments
from communique.parse_command import run_parse as _run_parse
from communique.schema import Problem, schema_text, validate
from communique.serialize import (
    MAX_LINE_BYTES,
    LoadError,
    from_dict,
    parse_json,
)
from communique.sniff import lines, sniff

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
        help="parse articles (files, folders, JSON Lines, stdin) into Documents (JSON Lines)",
        description="Parse every article into one Document, written as JSON Lines in input "
        "order as each is done. An input is a text file (one article), a JSON Lines file of "
        "article records (one a line), a folder (its matching files, recursively) or - for "
        "standard input; with no INPUT, standard input. A summary goes to standard error.",
    )
    _add_parse_arguments(parse_cmd)
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
    validate_cmd.add_argument(
        "--max-line-bytes",
        type=int,
        default=MAX_LINE_BYTES,
        metavar="N",
        help=f"reject a JSON Lines line longer than N bytes (default {MAX_LINE_BYTES})",
    )
    validate_cmd.set_defaults(run=_run_validate)

    export_cmd = commands.add_parser(
        "export",
        help="export one record type of Documents (.json or .jsonl) as CSV or TSV",
        description="Write one flat row per record (statements, events, proposals or "
        "actors) of every Document in each FILE, with a header; lists are joined with '; '.",
    )
    export_cmd.add_argument(
        "files", nargs="+", metavar="FILE", help="a .json or .jsonl file, or - for stdin"
    )
    export_cmd.add_argument(
        "--records", choices=tuple(COLUMNS), default="statements", help="what to export"
    )
    export_cmd.add_argument(
        "--format", choices=("csv", "tsv"), default="csv", help="table format (default csv)"
    )
    export_cmd.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT instead of standard output"
    )
    export_cmd.set_defaults(run=_run_export)

    schema_cmd = commands.add_parser(
        "schema", help="print the Document JSON Schema", description="Print the JSON Schema."
    )
    schema_cmd.set_defaults(run=_run_schema)
    return parser


def _run_export(args: argparse.Namespace) -> int:
    documents = list(_loaded(args.files))
    delimiter = "\t" if args.format == "tsv" else ","
    if args.output is None:
        write_table(documents, args.records, sys.stdout, delimiter=delimiter)
        return EXIT_OK
    buffer = io.StringIO()
    write_table(documents, args.records, buffer, delimiter=delimiter)
    _write_atomically(Path(args.output), [buffer.getvalue()])
    return EXIT_OK


def _loaded(names: Sequence[str]) -> Iterator[Document]:
    """The Documents in each file, or a UsageError naming the first one that is not."""
    for name in names:
        label = "<stdin>" if name == STDIN else name
        try:
            stream = sys.stdin.buffer if name == STDIN else open(name, "rb")  # noqa: SIM115
        except OSError as error:
            raise UsageError(f"{label}: cannot read: {error.strerror or error}") from None
        with stream:
            for line, outcome in _documents(stream, name, "auto", MAX_LINE_BYTES):
                try:
                    if isinstance(outcome, LoadError):
                        raise outcome
                    yield from_dict(outcome)
                except LoadError as error:
                    raise UsageError(
                        f"{label}:{line}: {error} (run 'communique validate {name}')"
                    ) from None


def _run_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return EXIT_OK


def _write_atomically(path: Path, lines: list[str]) -> None:
    output = LineFile(str(path), resume=False, key=lambda _: None)
    try:
        output.open()
        for line in lines:
            output.write(line)
        output.commit()
    except OutputError as error:
        raise UsageError(str(error)) from None


def _run_validate(args: argparse.Namespace) -> int:
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
            for line, outcome in _documents(stream, name, args.format, args.max_line_bytes):
                if isinstance(outcome, LoadError):
                    print(f"{label}:{line}: {outcome}")
                    counts["unusable"] += 1
                    status = max(status, EXIT_UNUSABLE)
                    continue
                problems = validate(outcome) if isinstance(outcome, dict) else [_NOT_AN_OBJECT]
                for problem in problems:
                    print(f"{label}:{line}: {problem}")
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
    stream: IO[bytes], name: str, form: str, max_line_bytes: int
) -> Iterator[tuple[int, object]]:
    """Yield (line number, parsed JSON or LoadError) for each document in ``stream``."""
    head = b""
    if form == "auto":
        form = "jsonl" if name.endswith((".jsonl", ".ndjson")) else "json"
        if form == "json" and not name.endswith(".json"):
            form, head = sniff(stream, max_line_bytes)
    if form == "json":
        raw = head + stream.read(max_line_bytes + 1 - len(head))
        if len(raw) > max_line_bytes:
            yield 1, LoadError(f"larger than {max_line_bytes} bytes (see --max-line-bytes)")
            return
        try:
            yield 1, parse_json(raw)
        except LoadError as error:
            yield 1, error
        return
    seen = False
    for number, line in enumerate(lines(head, stream, max_line_bytes), 1):
        if isinstance(line, LoadError):
            yield number, LoadError(f"{line} (see --max-line-bytes)")
            seen = True
            continue
        if not line.strip():
            continue
        seen = True
        try:
            yield number, parse_json(line)
        except LoadError as error:
            yield number, error
    if not seen:
        yield 1, LoadError("empty: no JSON documents")


if __name__ == "__main__":
    sys.exit(main())
