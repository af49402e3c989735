"""The parse pipeline: article text in, Document out, one stage at a time."""

from __future__ import annotations

import datetime as dt
import hashlib

import regex

from communique._version import __version__
from communique.lexicon import Lexicon
from communique.model import Document, Extractor
from communique.parser.actors import ActorDictionary, find_actors
from communique.parser.article import read_article
from communique.parser.dates import find_dates
from communique.parser.events import find_events
from communique.parser.proposals import find_proposals
from communique.parser.published import PublishedError, read_dateline, read_published
from communique.parser.segments import find_segments
from communique.parser.statements import find_statements

__all__ = ["EXTRACTOR", "PublishedError", "document_id", "parse"]

EXTRACTOR = Extractor(name="communique", version=__version__)


_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def document_id(text: str) -> str:
    """A stable id for a text: the same text always gets the same id.

    Raises:
        ValueError: ``text`` holds a lone surrogate (see :func:`parse`).
    """
    _refuse_surrogates(text)
    return "sha256-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _refuse_surrogates(text: str) -> None:
    """Refuse a text that UTF-8 cannot carry: one with a lone surrogate.

    Such a string comes only from code (a UTF-8 decoder never produces one); its
    Document could not be written as UTF-8 JSON, and replacing the character would break
    the promise that every span is a slice of the text as given.

    Raises:
        ValueError: naming the offset of the first lone surrogate.
    """
    found = _LONE_SURROGATE.search(text)
    if found is not None:
        raise ValueError(
            f"text has a lone surrogate (U+{ord(found[0]):04X}) at offset {found.start()}, "
            "which UTF-8 cannot encode; decode the article with errors='replace' first"
        )


def parse(
    text: str,
    *,
    published: dt.date | dt.datetime | str | None = None,
    actors: ActorDictionary | None = None,
    unnamed_sources: bool = False,
    lexicon: Lexicon | None = None,
) -> Document:
    """Parse one article's text into a Document.

    Args:
        text: the article, as plain text (title, dateline and body, in any order the
            envelope rules recognise).
        published: when the article was published; relative dates are resolved
            against it. Without it, the article's own dateline is used, if it has one.
        actors: a user actor dictionary (see
            :func:`~communique.load_actor_dictionary`), consulted
            before the built-in rules.
        unnamed_sources: also keep statements whose source names nobody ("sources
            said", "experts say"), with a null speaker. Off by default: the annotation
            guide does not count them as statements.
        lexicon: the vocabulary to read the article with (see :doc:`/lexicon`); the
            packaged :class:`~communique.Lexicon` by default. Build it once and pass the
            same value to every call: its patterns are compiled once per value.

    Returns:
        A Document whose spans all point into ``text``.

    Raises:
        PublishedError: ``published`` is a string that is not ISO 8601, or a date-time
            without a UTC offset.
        ValueError: ``text`` holds a lone surrogate, which UTF-8 (and so the Document's
            JSON) cannot carry; the message names its offset. These are the only errors:
            any other text parses, in time linear in its length (see ``SECURITY.md``).
    """
    _refuse_surrogates(text)
    given = read_published(published)
    lexicon = lexicon or Lexicon.packaged()
    article = read_article(text, lexicon=lexicon)
    when = given if given is not None else read_dateline(article.published)
    day = when.day if when is not None else None
    segments = find_segments(text, article, lexicon=lexicon)
    dates = find_dates(text, day, lexicon=lexicon)
    table = find_actors(text, article, published=day, dictionary=actors, lexicon=lexicon)
    statements = find_statements(
        text,
        article,
        table,
        dates,
        segments,
        unnamed_sources=unnamed_sources,
        lexicon=lexicon,
        published=day,
    )
    proposals = find_proposals(text, article, table, dates, statements, segments, lexicon=lexicon)
    events = find_events(text, article, table, dates, segments, lexicon=lexicon)
    return Document(
        id=document_id(text),
        title=article.title,
        published=when.text if when is not None else None,
        outlet=article.outlet,
        origin=article.origin,
        text=text,
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        actors=table.actors,
        statements=tuple(statements),
        proposals=proposals,
        events=events,
        extractor=EXTRACTOR,
    )
