"""``communique parse``: its flags, and a corpus run from them (messages, exit status)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from communique.corpus import DEFAULT_GLOBS, FIELDS, Failure, InputError, field_names, read_inputs
from communique.output import PARTIAL, OutputError

if TYPE_CHECKING:
    from communique.runner import Settings

EXIT_OK, EXIT_UNUSABLE = 0, 2


def add_parse_arguments(command: argparse.ArgumentParser) -> None:
    """The flags of ``communique parse``."""
    command.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="article text files, JSON Lines files of article records, folders, or -",
    )
    command.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="in folders, parse the files whose name matches PATTERN (repeatable; default "
        f"{' '.join(DEFAULT_GLOBS)})",
    )
    command.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="text: one article a file; jsonl: one article record a line; auto (default): "
        "jsonl for .jsonl, .jsonl.gz and .ndjson files and for standard input whose first "
        "line is a record, text otherwise",
    )
    command.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="FIELD=NAME",
        help=f"read the record field NAME as FIELD, one of {', '.join(FIELDS)} "
        "(repeatable; e.g. --field text=body)",
    )
    command.add_argument(
        "--published",
        metavar="DATE",
        default="",
        help="publication date or date-time (ISO 8601) to resolve relative dates against, "
        "for articles whose record gives none; by default the article's own dateline",
    )
    command.add_argument(
        "--actors",
        metavar="FILE",
        help="a JSON Lines actor dictionary (name, aliases, kind, country, sector, "
        "identifiers, roles with start/end dates) consulted before the built-in rules",
    )
    command.add_argument(
        "--lexicon",
        metavar="FILE",
        help="a TOML file of words to add to the packaged lexicon (reporting verbs, titles, "
        "event triggers, organization words), laid out as the packaged tables; see the "
        "docs page 'Teach the parser a new word'",
    )
    command.add_argument(
        "--unnamed-sources",
        action="store_true",
        help="also report statements whose source names nobody ('sources said', "
        "'experts say'), with a null speaker; by default they are left out",
    )
    command.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=f"write to OUT (through OUT{PARTIAL}, renamed at the end) instead of standard output",
    )
    command.add_argument(
        "--errors",
        metavar="FILE",
        help="write one JSON line per failed input (path, line, id, url, reason) to FILE",
    )
    command.add_argument(
        "--resume",
        action="store_true",
        help=f"continue an interrupted run from OUT{PARTIAL} (and the errors file's), "
        "skipping the inputs it already holds; give the same inputs and flags",
    )
    command.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="parse on N processes (0: one per core; default 1); the output is the same",
    )
    command.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary (failed inputs are still named)",
    )


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of processes, 0 for all")
    return value


def run_parse(args: argparse.Namespace) -> int:
    """Run ``communique parse`` with parsed ``args``; return the exit status."""
    from communique.runner import Stopped, run

    try:
        settings = _settings(args)
        fields = field_names(args.field)
    except InputError as error:
        return _unusable(str(error))
    if args.resume and args.output is None:
        return _unusable("--resume continues an output file: give it with -o OUT")
    items = read_inputs(
        args.inputs or ["-"],
        globs=args.glob or DEFAULT_GLOBS,
        input_format=args.input_format,
        fields=fields,
    )
    out = sys.stdout

    def write(line: str) -> None:
        out.write(line)
        out.flush()

    try:
        summary = run(
            items,
            settings,
            write=write,
            output=args.output,
            errors=args.errors,
            resume=args.resume,
            jobs=args.jobs,
            progress=not args.quiet and sys.stderr.isatty(),
            on_failure=_tell,
        )
    except OutputError as error:
        return _unusable(str(error))
    except Stopped as stop:
        kept = " and ".join(stop.kept)
        where = f"; kept in {kept}: run again with --resume to go on" if kept else ""
        print(f"communique parse: {stop}: {stop.summary}{where}", file=sys.stderr)
        return stop.status
    if not args.quiet:
        print(f"communique parse: {summary}", file=sys.stderr)
    return EXIT_UNUSABLE if summary.failed else EXIT_OK


def _settings(args: argparse.Namespace) -> Settings:
    """The run's settings, with every file and date checked here, once, for a clear error."""
    from communique.lexicon import LexiconError
    from communique.parser.actor_dictionary import ActorDictionaryError
    from communique.parser.published import PublishedError, read_published
    from communique.runner import Settings, load

    settings = Settings(
        published=args.published or None,
        actors=args.actors,
        lexicon=args.lexicon,
        unnamed_sources=args.unnamed_sources,
    )
    try:
        read_published(settings.published)
        load(settings)
    except PublishedError as error:
        raise InputError(str(error)) from None
    except OSError as error:
        raise InputError(f"{error.filename}: cannot read: {error.strerror or error}") from None
    except ActorDictionaryError as error:
        reason = str(error)
        prefix = "" if reason.startswith(str(args.actors)) else f"{args.actors}: "
        raise InputError(prefix + reason) from None
    except LexiconError as error:
        raise InputError(str(error)) from None
    return settings


def _tell(failure: Failure) -> None:
    print(f"communique parse: {failure.source.label()}: {failure.reason}", file=sys.stderr)


def _unusable(message: str) -> int:
    print(f"communique parse: {message}", file=sys.stderr)
    return EXIT_UNUSABLE
