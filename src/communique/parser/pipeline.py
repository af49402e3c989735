"""The parse pipeline: article text in, Document out, one stage at a time."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import warnings

from dateutil import parser as date_parser

from communique._version import __version__
from communique.lexicon import load
from communique.model import Document, Extractor
from communique.parser.actors import ActorDictionary, find_actors
from communique.parser.article import read_article
from communique.parser.dates import find_dates
from communique.parser.events import find_events
from communique.parser.proposals import find_proposals
from communique.parser.statements import find_statements

EXTRACTOR = Extractor(name="communique", version=__version__)


class PublishedError(ValueError):
    """Raised when a ``published`` argument is not a date, a datetime or ISO 8601 text."""


def published_text(published: dt.date | dt.datetime | str | None) -> str | None:
    """``published`` as the RFC 3339 / ISO 8601 text that a Document carries.

    Strings are kept as written once they are known to parse, so that a timestamp such as
    ``2023-02-15T05:28:59.693Z`` comes back byte for byte.

    Raises:
        PublishedError: a string that is not an ISO 8601 date or date-time.
    """
    if published is None:
        return None
    if isinstance(published, dt.date):
        return published.isoformat()
    text = published.strip()
    if not text:
        return None
    if published_date(text) is None:
        raise PublishedError(
            f"published {published!r} is not an ISO 8601 date or date-time "
            "(e.g. 2023-02-15 or 2023-02-15T05:28:59Z)"
        )
    return text


def published_date(text: str | None) -> dt.datetime | None:
    """The datetime that an ISO 8601 date or date-time text means, or None."""
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def document_id(text: str) -> str:
    """A stable id for a text: the same text always gets the same id."""
    return "sha256-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse(
    text: str,
    *,
    published: dt.date | dt.datetime | str | None = None,
    actors: ActorDictionary | None = None,
    unnamed_sources: bool = False,
) -> Document:
    """Parse one article's text into a Document.

    Args:
        text: the article, as plain text (title, dateline and body, in any order the
            envelope rules recognise).
        published: when the article was published; relative dates are resolved
            against it. Without it, the article's own dateline is used, if it has one.
        actors: a user actor dictionary (see
            :func:`~communique.parser.actor_dictionary.load_actor_dictionary`), consulted
            before the built-in rules.
        unnamed_sources: also keep statements whose source names nobody ("sources
            said", "experts say"), with a null speaker. Off by default: the annotation
            guide does not count them as statements.

    Returns:
        A Document whose spans all point into ``text``.

    Raises:
        PublishedError: ``published`` is a string that is not ISO 8601. This is the
            only error: any text parses.
    """
    given = published_text(published)
    article = read_article(text)
    published_as = given if given is not None else _dateline(article.published)
    day = published_date(published_as)
    dates = find_dates(text, published_as)
    table = find_actors(text, article, published=day.date() if day else None, dictionary=actors)
    statements = find_statements(text, article, table, dates, unnamed_sources=unnamed_sources)
    proposals = find_proposals(text, article, table, dates, statements)
    events = find_events(text, article, table, dates)
    return Document(
        id=document_id(text),
        title=article.title,
        published=published_as,
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


def _dateline(written: str | None) -> str | None:
    """The article's own dateline, kept as written when it is ISO 8601."""
    if written is None:
        return None
    if published_date(written) is not None:
        return written
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
        try:
            return date_parser.parse(written, fuzzy=True, tzinfos=_zones()).isoformat()
        except (ValueError, OverflowError):
            return None


@functools.cache
def _zones() -> dict[str, int]:
    """Dateline zone abbreviations as offsets in seconds (the article lexicon)."""
    hours: dict[str, float] = load("article")["timezones"]
    return {name: int(offset * 3600) for name, offset in hours.items()}
