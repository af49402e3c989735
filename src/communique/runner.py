"""Parse a stream of articles on one or more processes, outcomes in input order.

:func:`parse_article` is the one function every route takes (the command line with or
without ``--jobs``, and :mod:`communique.dask`), so that a line of output is the same
bytes whichever way it was made. :func:`outcomes` hands articles to worker processes in
chunks, a bounded number of chunks at a time, and gives the outcomes back in input order.
"""

from __future__ import annotations

import functools
import os
import signal
import threading
from collections import Counter, deque
from collections.abc import Callable, Generator, Hashable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

import attrs

from communique.corpus import INPUT_EXTENSION, Article, Failure, Source

if TYPE_CHECKING:
    from concurrent.futures import Future

    from communique.lexicon import Lexicon
    from communique.parser.actor_dictionary import ActorDictionary

#: Articles per chunk handed to a worker process, and text bytes per chunk at most.
CHUNK_ARTICLES = 4
CHUNK_BYTES = 256 * 1024
#: Chunks in flight per worker process: enough to keep it busy, few enough to bound memory.
CHUNKS_PER_JOB = 4
#: The record lists of a Document, in the order the summary counts them.
RECORD_TYPES = ("actors", "statements", "proposals", "events")


@attrs.frozen
class Settings:
    """How to parse every article of a run (what the command line's flags say).

    Files are named, not loaded, so that the settings travel cheaply to worker
    processes; each process loads them once (see :func:`load`).
    """

    published: str | None = None
    actors: str | None = None
    lexicon: str | None = None
    unnamed_sources: bool = False


@attrs.frozen
class Loaded:
    """Settings with their files loaded: what :func:`parse_article` needs."""

    settings: Settings
    actors: ActorDictionary | None
    lexicon: Lexicon | None


@attrs.frozen
class Parsed:
    """An article's Document as one JSON Lines line, and its records counted by type."""

    source: Source
    line: str
    records: tuple[int, ...]


Outcome = Parsed | Failure


def load(settings: Settings) -> Loaded:
    """Load the files ``settings`` names.

    Raises:
        OSError, ActorDictionaryError, LexiconError: a file cannot be used.
    """
    from communique.lexicon import Lexicon
    from communique.parser.actor_dictionary import load_actor_dictionary

    actors = load_actor_dictionary(settings.actors) if settings.actors is not None else None
    lexicon = Lexicon.from_file(settings.lexicon) if settings.lexicon is not None else None
    return Loaded(settings, actors, lexicon)


def parse_article(article: Article, loaded: Loaded) -> Outcome:
    """Parse one article into its JSON Lines line, or the Failure that says why not.

    The article's own publication date, title and outlet (from a JSON Lines record) win
    over the settings' and the parser's; the Document's ``extensions["input"]`` names
    the source (see :class:`~communique.corpus.Source`).
    """
    from communique.parser import PublishedError, parse
    from communique.serialize import dumps_line

    try:
        document = parse(
            article.text,
            published=article.published or loaded.settings.published,
            actors=loaded.actors,
            unnamed_sources=loaded.settings.unnamed_sources,
            lexicon=loaded.lexicon,
        )
    except PublishedError as error:
        return Failure(article.source, str(error))
    except Exception as error:  # a parser bug must not end a corpus run; it is reported
        return Failure(article.source, f"parser error: {type(error).__name__}: {error}")
    document = attrs.evolve(
        document,
        title=article.title or document.title,
        outlet=article.outlet or document.outlet,
        extensions={**document.extensions, INPUT_EXTENSION: article.source.to_json()},
    )
    counts = tuple(len(getattr(document, name)) for name in RECORD_TYPES)
    return Parsed(article.source, dumps_line(document), counts)


def outcomes(
    items: Iterable[Article | Failure], settings: Settings, *, jobs: int = 1
) -> Generator[Outcome, None, None]:
    """The outcome of each item, in order: Failures pass through, Articles are parsed.

    Args:
        jobs: worker processes; 1 parses in this process, 0 one per core it may use.
    """
    jobs = jobs or _cores()
    if jobs == 1:
        loaded = load(settings)
        for item in items:
            yield item if isinstance(item, Failure) else parse_article(item, loaded)
        return
    from concurrent.futures import ProcessPoolExecutor  # imported when first needed

    _warm_up(settings)
    pending: deque[Future[list[Outcome]]] = deque()
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(settings,)) as pool:
        try:
            for chunk in _chunks(items):
                pending.append(pool.submit(_parse_chunk, chunk))
                while len(pending) >= jobs * CHUNKS_PER_JOB:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _cores() -> int:
    """The cores this process may run on (a container's or taskset's share, not the host's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _chunks(items: Iterable[Article | Failure]) -> Iterator[list[Article | Failure]]:
    chunk: list[Article | Failure] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.text) if isinstance(item, Article) else 0
        if len(chunk) >= CHUNK_ARTICLES or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


_worker: Loaded | None = None


def _warm_up(settings: Settings) -> None:
    """Load the settings and parse a line here, so that forked workers start warm (the
    parser's modules imported, its patterns compiled) instead of each doing it again."""
    global _worker
    if _worker is None or _worker.settings != settings:
        _worker = load(settings)
    parse_article(Article(Source("warm-up"), "Ministers met in Paris on Monday."), _worker)


def _start_worker(settings: Settings) -> None:
    """Load the settings once per worker; leave Ctrl-C and SIGTERM to the main process."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _worker is None or _worker.settings != settings:  # not forked from a warm process
        _worker = load(settings)


def _parse_chunk(chunk: list[Article | Failure]) -> list[Outcome]:
    assert _worker is not None, "the pool's initializer loads the settings"
    loaded = _worker
    return [item if isinstance(item, Failure) else parse_article(item, loaded) for item in chunk]


@attrs.define
class Summary:
    """What a run did: inputs in, Documents out, inputs failed, records by type.

    ``inputs == documents + failed`` once a run is over; ``resumed`` of them were
    already in the files a resumed run continued.
    """

    inputs: int = 0
    documents: int = 0
    failed: int = 0
    resumed: int = 0
    records: list[int] = attrs.field(factory=lambda: [0] * len(RECORD_TYPES))

    def count(self, records: Iterable[int]) -> None:
        """Add one Document's record counts."""
        self.records = [total + more for total, more in zip(self.records, records, strict=True)]

    def __str__(self) -> str:
        counts = zip(self.records, RECORD_TYPES, strict=True)
        kinds = ", ".join(f"{count} {kind}" for count, kind in counts)
        text = f"{self.inputs} in, {self.documents} documents out, {self.failed} failed"
        resumed = f" ({self.resumed} from the interrupted run)" if self.resumed else ""
        return f"{text}{resumed}; records: {kinds}"


class Stopped(Exception):
    """The run stopped before its end (a signal, a worker process that died); what was
    finished is kept in the partial files (see :func:`run`)."""

    def __init__(self, reason: str, status: int, summary: Summary, kept: list[str]) -> None:
        super().__init__(reason)
        #: The exit status to end with: 128 + the signal's number, or 2.
        self.status = status
        self.summary = summary
        #: The partial files that hold the finished lines.
        self.kept = kept


class _Terminated(BaseException):
    """SIGTERM, raised where the run is, like KeyboardInterrupt (past ``except Exception``)."""


def run(
    items: Iterable[Article | Failure],
    settings: Settings,
    *,
    write: Callable[[str], None],
    output: str | None = None,
    errors: str | None = None,
    resume: bool = False,
    jobs: int = 1,
    progress: bool = False,
    on_failure: Callable[[Failure], None] = lambda _: None,
) -> Summary:
    """Parse ``items`` into JSON Lines, written as each Document is done, in input order.

    Args:
        write: where lines go when there is no ``output`` (standard output).
        output: a file to write instead, through ``OUTPUT.partial`` (see
            :class:`~communique.output.LineFile`).
        errors: a file that gets one JSON line per failed input (its source and reason).
        resume: continue the partial files an interrupted run left, skipping the inputs
            they hold.
        progress: show a progress bar (documents per second) on standard error.
        on_failure: told of each failed input as it fails.

    Raises:
        Stopped: SIGINT or SIGTERM arrived, or a worker process died; the partial
            files are kept for ``resume``.
        ~communique.output.OutputError: a file could not be written; the partial file it
            made is removed.
    """
    from concurrent.futures.process import BrokenProcessPool

    from communique.output import LineFile

    summary = Summary()
    files: list[LineFile] = []
    out_file = err_file = None
    if output is not None:
        out_file = LineFile(output, resume=resume, key=_document_key)
        files.append(out_file)
    if errors is not None:
        err_file = LineFile(errors, resume=resume, key=_failure_key)
        files.append(err_file)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGTERM)
    if main_thread:  # only the main thread may set a handler; elsewhere SIGTERM is as it was
        signal.signal(signal.SIGTERM, _raise_terminated)
    bar = _progress_bar(progress)
    stream = None
    try:
        for file in files:
            file.open(functools.partial(_count_resumed, summary, file is out_file))
        done: Counter[Hashable] = sum((file.done for file in files), Counter())
        summary.resumed = summary.documents + summary.failed
        fresh = _skipping(items, done, summary)
        stream = outcomes(fresh, settings, jobs=jobs)
        for outcome in stream:
            summary.inputs += 1
            if isinstance(outcome, Failure):
                summary.failed += 1
                on_failure(outcome)
                if err_file is not None:
                    err_file.write(failure_line(outcome))
            else:
                summary.documents += 1
                summary.count(outcome.records)
                (out_file.write if out_file is not None else write)(outcome.line)
            bar.update()
        stream.close()
        for file in files:
            file.commit()
    except (KeyboardInterrupt, _Terminated, BrokenProcessPool) as stop:
        for file in files:
            file.keep()
        kept = [file.partial for file in files]
        if isinstance(stop, BrokenProcessPool):
            reason = "a worker process died (killed, or out of memory?)"
            raise Stopped(reason, 2, summary, kept) from None
        number = signal.SIGTERM if isinstance(stop, _Terminated) else signal.SIGINT
        raise Stopped(f"interrupted ({number.name})", 128 + number, summary, kept) from None
    except BaseException:
        for file in files:
            file.discard()
        raise
    finally:
        if stream is not None:
            stream.close()
        bar.close()
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
    return summary


def _skipping(
    items: Iterable[Article | Failure], done: Counter[Hashable], summary: Summary
) -> Iterator[Article | Failure]:
    for item in items:
        if done[item.source.key] > 0:
            done[item.source.key] -= 1
            summary.inputs += 1
            continue
        yield item


def _count_resumed(summary: Summary, is_output: bool, value: object) -> None:
    if not is_output:
        summary.failed += 1
        return
    summary.documents += 1
    if isinstance(value, dict):
        summary.count(len(value.get(kind) or ()) for kind in RECORD_TYPES)


def _document_key(value: object) -> tuple[str, int | None, str | None] | None:
    extensions = value.get("extensions") if isinstance(value, dict) else None
    source = Source.from_json(extensions.get(INPUT_EXTENSION)) if extensions else None
    return source.key if source is not None else None


def _failure_key(value: object) -> tuple[str, int | None, str | None] | None:
    source = Source.from_json(value)
    return source.key if source is not None else None


def failure_line(failure: Failure) -> str:
    """The ``--errors`` JSON line of ``failure`` (with its newline)."""
    import json

    return json.dumps(failure.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n"


def _raise_terminated(signal_number: int, frame: object) -> None:
    raise _Terminated


class _Bar(Protocol):
    def update(self, n: float | None = 1) -> bool | None: ...

    def close(self) -> None: ...


class _NoBar:
    def update(self, n: float | None = 1) -> bool | None:
        return None

    def close(self) -> None:
        pass


def _progress_bar(shown: bool) -> _Bar:
    if not shown:
        return _NoBar()
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
    return tqdm(unit=" documents", smoothing=0.1)
