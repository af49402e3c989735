"""Temporal expressions: find dates in a text and resolve them against the article.

:func:`find_dates` is a rule-based TIMEX3 DATE tagger: the rules' patterns (in
``dates.toml``, compiled by :mod:`~communique.parser.date_patterns`) are tried as one
alternation at each position near a core word, and each match is resolved by its rule
(:mod:`~communique.parser.date_resolution`) against the publication date and the
*narrative anchor*: the last date the text itself set. :func:`record_date` gives a record
the date of its clause.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

import regex

from communique.lexicon import Lexicon
from communique.model import (
    DateMention,
    DateValue,
    Precision,
    Span,
    TimexValue,
    calendar_precision,
)
from communique.parser import date_patterns
from communique.parser.date_resolution import OUTGROWN, RESOLVERS, Context, Resolved
from communique.parser.published import read_published

__all__ = ["NARRATIVE_REACH", "calendar_value", "find_dates", "record_date"]

_CALENDAR_KINDS = {"day": Precision.DAY, "month": Precision.MONTH, "year": Precision.YEAR}


def _outgrow(ctx: Context) -> None:
    """Put the anchor out of force: a longer reporting period has been named.

    After "For the nine months, ...", comparisons ("a year earlier", "year-earlier", "the
    1988 period") are of years, no longer of the quarter (or month, or day) in force.
    """
    if ctx.anchor is not None and ctx.anchor.kind in OUTGROWN:
        ctx.anchor = None
    for kind in OUTGROWN:
        ctx.seen.pop(kind, None)


def _matches(master: regex.Pattern[str], text: str, lexicon: Lexicon) -> list[regex.Match[str]]:
    """What ``master.finditer(text)`` finds, tried only near a core word."""
    opener = date_patterns.cores(lexicon)[1]
    may_start = date_patterns.master_openings(lexicon).may_start
    found: list[regex.Match[str]] = []
    last_end = 0
    for hit in date_patterns.core_hits(text, lexicon):
        if hit.start() < last_end:
            continue
        # the expression may open up to four words before its core word
        starts = [hit.start()]
        for _ in range(4):
            head = opener.search(text, max(last_end, starts[-1] - 24), starts[-1])
            if head is None:
                break
            starts.append(head.start())
        for start in reversed(starts):
            match = master.match(text, start) if may_start(text, start) else None
            if match is not None and match.end() > hit.start():
                found.append(match)
                last_end = match.end()
                break
    return found


def _to_mention(text: str, start: int, end: int, val: Resolved) -> DateMention:
    span = Span.of(text, start, end)
    precision = _CALENDAR_KINDS.get(val.kind)
    if precision is None:
        return DateMention(
            span=span, date=TimexValue(value=val.render(), text=span.text, source=val.source)
        )
    end_value = val.render(val.end) if val.end is not None else None
    return DateMention(
        span=span,
        date=DateValue(
            value=val.render(),
            end=end_value,
            precision=precision,
            text=span.text,
            source=val.source,
        ),
    )


def find_dates(
    text: str,
    published: dt.date | dt.datetime | str | None,
    *,
    lexicon: Lexicon | None = None,
) -> list[DateMention]:
    """Find every date expression in ``text`` and resolve it.

    Relative expressions ("Tuesday", "last week", "on the 6th", "a year earlier") are
    resolved against ``published`` and against the narrative anchor, the last date the text
    set. Expressions that cannot be resolved (no publication date for "yesterday", an
    impossible date such as "February 30") are left out rather than guessed.

    Args:
        text: The text to search; spans index into it.
        published: The publication date, a datetime (its own calendar date is used, with no
            time-zone conversion), a full ISO 8601 date or date-time string, or None.
        lexicon: The vocabulary to read dates with; None for the packaged one.

    Returns:
        The mentions, sorted by start and non-overlapping. Plain calendar dates carry a
        :class:`~communique.model.DateValue`; weeks, quarters, halves, seasons, decades,
        centuries and ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` a
        :class:`~communique.model.TimexValue`.

    Raises:
        PublishedError: ``published`` is a string that is not a full ISO 8601 date or
            date-time (read as :func:`~communique.parse` reads it).
    """
    lexicon = lexicon or Lexicon.packaged()
    given = read_published(published)
    ctx = Context(text=text, today=given.day if given is not None else None, lexicon=lexicon)
    master, rules = date_patterns.master(lexicon)
    longer_period = date_patterns.longer_period(lexicon)
    mentions: list[DateMention] = []
    anchored_at = 0
    groups = [master.groupindex[f"R{i}"] for i in range(len(rules))]
    for match in _matches(master, text, lexicon):
        index = next(i for i, group in enumerate(groups) if match.start(group) >= 0)
        if ctx.anchor is not None and longer_period.search(text, anchored_at, match.start()):
            _outgrow(ctx)
        try:
            val = RESOLVERS[rules[index]](match, ctx)
        except (ValueError, OverflowError, LookupError, KeyError):
            val = None
        if val is None or (val.kind == "ref" and not val.code):
            continue
        mentions.append(_to_mention(text, match.start(), match.end(), val))
        if val.kind != "ref" and val.anchors:
            ctx.anchor = ctx.seen[val.kind] = val
            anchored_at = match.end()
    return mentions


# How far back (in characters) the narrative date of a paragraph reaches: more than any
# news paragraph, and a bound that keeps dating linear on a megabyte without line breaks.
NARRATIVE_REACH = 10_000


def record_date(
    mentions: Sequence[DateMention], clause: Span, *, text: str | None = None
) -> DateValue | None:
    """The date of a record whose evidence is ``clause``.

    The first calendar date inside the clause; failing that, the narrative date in force:
    the last day-precision date before the clause in the same paragraph (no line break
    between them, when ``text`` is given, and at most 10,000 characters back). Weeks
    become a Monday-to-Sunday range, quarters and halves a month range. Never the
    publication date by default.

    Args:
        mentions: What :func:`find_dates` returned for the text.
        clause: The record's evidence span.
        text: The full text, to find paragraph breaks; without it, any earlier mention
            counts.

    Returns:
        A calendar :class:`~communique.model.DateValue`, or None when the text gives none.
    """
    first = bisect.bisect_left(mentions, clause.start, key=_start)
    for mention in mentions[first : bisect.bisect_left(mentions, clause.end, key=_start)]:
        if mention.span.end <= clause.end:
            value = _calendar(mention)
            if value is not None:
                return value
    upper = clause.start
    for index in range(first - 1, -1, -1):
        mention = mentions[index]
        if mention.span.end > clause.start:
            continue
        if clause.start - mention.span.end > NARRATIVE_REACH:
            return None
        if text is not None and text.find("\n", mention.span.end, upper) != -1:
            return None
        upper = mention.span.start
        value = _calendar(mention)
        if value is not None and value.precision is Precision.DAY:
            return value
    return None


def _start(mention: DateMention) -> int:
    return mention.span.start


def calendar_value(mention: DateMention) -> DateValue | None:
    """A mention's date as a calendar DateValue (weeks and quarters as ranges), or None
    for references and the like."""
    return _calendar(mention)


def _calendar(mention: DateMention) -> DateValue | None:
    """A mention's date as a calendar DateValue, or None for references and the like."""
    date = mention.date
    if isinstance(date, DateValue):
        return date
    value = date.value
    week = regex.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    quarter = regex.fullmatch(r"(\d{4})-([QH])([1-4])", value)
    try:
        if week:
            monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 6 if week[3] else 1)
            last = monday + dt.timedelta(days=1 if week[3] else 6)
            return DateValue(
                value=monday.isoformat(),
                end=last.isoformat(),
                precision=Precision.DAY,
                text=date.text,
                source=date.source,
            )
        if quarter:
            size = 3 if quarter[2] == "Q" else 6
            first = size * int(quarter[3]) - size + 1
            if first > 12:
                return None
            return DateValue(
                value=f"{quarter[1]}-{first:02d}",
                end=f"{quarter[1]}-{first + size - 1:02d}",
                precision=Precision.MONTH,
                text=date.text,
                source=date.source,
            )
    except (ValueError, OverflowError):  # not a real week, or past the calendar's end
        return None
    if calendar_precision(value) is not None:
        return None
    return None
