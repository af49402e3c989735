"""The ``communique`` command: parse articles, validate datasets, print the schema."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import secrets
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from communique._version import __version__

if TYPE_CHECKING:
    from communique.limits import Limits
    from communique.model import Document
    from communique.strict_json import LoadError

# The records, the validator and the parser load in the command that uses them, so that
# `communique --version` and `--help` cost little more than the interpreter's start-up.

EXIT_OK, EXIT_INVALID, EXIT_UNUSABLE = 0, 1, 2
STDIN = "-"


class UsageError(Exception):
    """An input that cannot be used at all; the message is one line for the user."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments == ["--version"]:  # answered before the commands' definitions load
        print(f"communique {__version__}")
        return EXIT_OK
    parser = _parser()
    args = parser.parse_args(arguments)
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
    from communique.export import COLUMNS
    from communique.exporters import FORMATS
    from communique.parse_command import add_parse_arguments, run_parse

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
    add_parse_arguments(parse_cmd)
    parse_cmd.set_defaults(run=run_parse)

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
    from communique.limits import (
        MAX_DOCUMENT_BYTES,
        MAX_JSON_DEPTH,
        MAX_JSON_DEPTH_CEILING,
        MAX_NUMBER_CHARS,
        MAX_STRING_CHARS,
        MIN_JSON_DEPTH,
    )

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
    from communique.limits import Limits

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
    # read as written: a table, PLOVER records and annotations stream document by document
    documents = _loaded(args.files or [STDIN], _limits(args))
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
            with _replacing(Path(args.output), binary=True) as out:
                out.write(binary.getvalue())
        return EXIT_OK
    if args.output is None:
        _write_text_export(form, documents, records, sys.stdout)
    else:
        with _replacing(Path(args.output), binary=False) as out:
            _write_text_export(form, documents, records, out)
    return EXIT_OK


def _write_text_export(
    form: str, documents: Iterable[Document], records: str, out: IO[str]
) -> None:
    if form in ("csv", "tsv"):
        from communique.export import write_table

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
    from communique.serialize import from_dict
    from communique.strict_json import LoadError

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
    from communique.schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


@contextlib.contextmanager
def _replacing(path: Path, *, binary: bool) -> Iterator[IO[Any]]:
    """A file written beside ``path`` (beside what a symlink points to, so the link stays)
    and renamed onto it when the block ends; removed if the block fails, so a failed
    export leaves the target as it was. The mode is what the umask gives a new file."""
    real = Path(os.path.realpath(path))
    temporary = real.with_name(f".{real.name}.{secrets.token_hex(4)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise UsageError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(
            descriptor, "wb" if binary else "w", encoding=None if binary else "utf-8"
        ) as out:
            yield out
        os.replace(temporary, real)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UsageError(f"{path}: cannot write: {error.strerror or error}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _where(label: str, line: int, error: LoadError) -> str:
    """``FILE:LINE: /pointer: reason`` for a document that could not be read."""
    from communique.strict_json import clip, shown

    if error.pointer is None:
        return f"{label}:{line}: {error.reason}"
    line += (error.line or 1) - 1
    return f"{label}:{line}: {clip(f'{shown(error.pointer)}: {error.reason}')}"


def _run_validate(args: argparse.Namespace) -> int:
    from communique.schema import Problem, validate
    from communique.strict_json import LoadError

    not_an_object = Problem("", "a Document is a JSON object")
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
                    else [not_an_object]
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
    from communique.sniff import lines, sniff
    from communique.strict_json import LoadError, read_json

    max_bytes = limits.max_document_bytes
    head = b""
    if form == "auto":
        form = "jsonl" if name.endswith((".jsonl", ".ndjson")) else "json"
        if form == "json" and not name.endswith(".json"):
            form, head = sniff(stream, max_bytes)
    if form == "json":
        raw = head + stream.read(max_bytes + 1 - len(head))
        try:
            yield 1, read_json(raw, limits)
        except LoadError as error:
            yield 1, error
        return
    seen = False
    for number, line in enumerate(lines(head, stream, max_bytes), 1):
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


if __name__ == "__main__":
    sys.exit(main())
