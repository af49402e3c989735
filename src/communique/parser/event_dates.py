"""The date of an event: written by its trigger, earlier in its sentence, or in force.

:func:`event_date` reads the date mentions of the dates stage around an event's words; it
never gives the publication date by default.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from communique.model import DateMention, DateSource, DateValue, Precision, Span
from communique.parser.dates import NARRATIVE_REACH, record_date

__all__ = ["dates_near", "event_date"]


def _date_start(mention: DateMention) -> int:
    return mention.span.start


_ARTICLE_REACH = 6000  # characters back that the day of an earlier paragraph stays in force
# Characters back from an event that every rule of event_date stays within, with room for
# the length of a mention (reaches are measured to a mention's end).
_REACH = 2 * max(_ARTICLE_REACH, NARRATIVE_REACH)


def dates_near(dates: Sequence[DateMention], start: int, end: int) -> Sequence[DateMention]:
    """The mentions :func:`event_date` may read for an event told between ``start`` and
    ``end``: a slice of ``dates``, so that dating every event of a text stays linear."""
    low = bisect.bisect_left(dates, start - _REACH, key=_date_start)
    return dates[low : bisect.bisect_left(dates, end, key=_date_start)]


def event_date(
    text: str,
    dates: Sequence[DateMention],
    span: Span,
    sentence: Span,
    *,
    recalled: DateValue | None = None,
) -> DateValue | None:
    """The date of an event told in ``span`` of ``sentence`` (from its noun phrase or verb
    to the end of its clause).

    The date written there; else ``recalled``, the date of the earlier event it names
    again ("the blasts" after "the Aug. 7 bombings"); else the last date written earlier
    in the sentence ("In July 1997, at a summit in Madrid"; "In June last year, ... and
    Pol Pot was arrested"); else
    the narrative date of the paragraph (:func:`~communique.parser.dates.record_date`);
    else the day the story last set in an earlier paragraph: a wire story's lead names the
    day ("on Tuesday", "today") and the paragraphs after it go on telling that day; a date
    written in full ("March 5, 1946") is history recalled, and sets no story day.
    """
    first = bisect.bisect_left(dates, span.start, key=_date_start)
    inside = dates[first : bisect.bisect_left(dates, span.end, key=_date_start)]
    found = record_date(inside, span)  # weeks and quarters become ranges there
    if found is not None or recalled is not None:
        return found or recalled
    for mention in reversed(dates[:first]):
        if mention.span.start < sentence.start:
            break
        if mention.span.end <= span.start:
            found = record_date([mention], mention.span)  # "Last week, ..."
            if found is not None:
                return found
    found = record_date(dates, Span.of(text, span.start, span.start), text=text)
    if found is not None:
        return found
    for mention in reversed(dates):
        if mention.span.end > span.start:
            continue
        if span.start - mention.span.end > _ARTICLE_REACH:
            break
        value = mention.date
        if (
            isinstance(value, DateValue)
            and value.precision is Precision.DAY
            and value.source is not DateSource.EXPLICIT
        ):
            return value
    return None
