"""The publication date: read once, from an argument or a dateline, into what the parser needs.

:func:`read_published` is the one reader of a ``published`` argument (for :func:`parse`
and :func:`find_dates` alike) and :class:`PublishedError` its one error. The text a
Document carries must validate against its schema: a full ISO 8601 date or an RFC 3339
date-time. Partial dates ("2023-02", "2023") cannot be carried, so they are refused
everywhere with a message that says so.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Mapping
from typing import Any

import attrs
import regex

from communique.lexicon import Lexicon, derived

__all__ = ["Published", "PublishedError", "read_dateline", "read_published"]

#: The forms a Document's ``published`` may take (schemas/document.schema.json: an RFC 3339
#: date-time, with its seconds and its offset, or a date); patterns
#: are kept as text, compiled (and cached by ``regex``) on first use.
_CARRIED = r"\d{4}-\d{2}-\d{2}(?:[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2}))?"
_PARTIAL = r"\d{4}(?:-\d{2})?"


class PublishedError(ValueError):
    """Raised when a ``published`` argument is not a date, a datetime or ISO 8601 text."""


@attrs.frozen
class Published:
    """A publication date: the text a Document carries, and the calendar day it names."""

    text: str
    day: dt.date


def read_published(published: dt.date | dt.datetime | str | None) -> Published | None:
    """Read a ``published`` argument; None (or blank text) gives None.

    A date or datetime is written in ISO 8601; an RFC 3339 string is kept as written
    (stripped), so that ``2023-02-15T05:28:59.693Z`` comes back byte for byte; other ISO
    8601 text is rewritten in RFC 3339. A moment without a UTC offset (a naive datetime,
    ``2023-02-15T05:28``) is carried as its date alone: the schema carries a time only
    with its offset. The day is the calendar date as given, with no time-zone conversion.

    Raises:
        PublishedError: a string that is not a full ISO 8601 date or date-time.
    """
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return _moment(published)
    if isinstance(published, dt.date):
        return Published(published.isoformat(), published)
    text = published.strip()
    if not text:
        return None
    found = _carried(text)
    if found is not None:
        return found
    try:
        return _moment(dt.datetime.fromisoformat(text))
    except ValueError:
        pass
    if regex.fullmatch(_PARTIAL, text):
        raise PublishedError(
            f"published {published!r} is a partial date; give the full day "
            "(e.g. 2023-02-15 or 2023-02-15T05:28:59Z)"
        )
    raise PublishedError(
        f"published {published!r} is not an ISO 8601 date or date-time "
        "(e.g. 2023-02-15 or 2023-02-15T05:28:59Z)"
    )


def _carried(text: str) -> Published | None:
    """``text`` as a Published, when it is in a form a Document carries and a real date."""
    if not regex.fullmatch(_CARRIED, text):
        return None
    try:
        return Published(text, dt.datetime.fromisoformat(text).date())
    except ValueError:
        return None


def _moment(moment: dt.datetime) -> Published:
    """A datetime as a Published: RFC 3339 with its offset, or its date when it has no
    offset the schema can carry (none, or one with seconds)."""
    offset = moment.utcoffset()
    if offset is None or offset.seconds % 60 or offset.microseconds:
        return Published(moment.date().isoformat(), moment.date())
    return Published(moment.isoformat(), moment.date())


def read_dateline(written: str | None, *, lexicon: Lexicon | None = None) -> Published | None:
    """An article's own dateline as a publication date, or None when it names no day.

    An RFC 3339 dateline is kept as written; any other is read leniently and written in
    RFC 3339 with its zone, when the zone is one the article lexicon knows, and as its
    date alone otherwise (``Feb 15, 2023`` gives ``2023-02-15``).
    """
    if written is None:
        return None
    from dateutil import parser as date_parser  # costly to import; most articles need it not

    found = _carried(written.strip())
    if found is not None:
        return Published(written, found.day)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
        try:
            moment = date_parser.parse(
                written, fuzzy=True, tzinfos=_zones(lexicon or Lexicon.packaged())
            )
        except (ValueError, OverflowError):
            return None
    return _moment(moment)


@derived
def _zones(lexicon: Lexicon) -> Mapping[str, Any]:
    """Dateline zone abbreviations as offsets in seconds (the article lexicon)."""
    hours: Mapping[str, float] = lexicon["article"]["timezones"]
    return {name: int(offset * 3600) for name, offset in hours.items()}
