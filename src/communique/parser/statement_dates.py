"""When a statement was made: the date of its reporting clause, its paragraph or its story.

ANNOTATION.md dates a statement by the speech act, never by what was said. In the order
tried:

* the reporting clause: a time expression in the source-and-cue part of the sentence
  ("said on Friday", "Clinton Thursday condemned", "told reporters Sunday"), one right
  after the cue ('"...," he said last year'), or one opening the sentence before its
  source ("In early 1997, Yeltsin told Clinton ..."); a date that modifies a noun ("the
  1956 uprising") dates that noun, not the speech;
* the narrative date of the paragraph: the last day the paragraph set before the clause
  (:func:`~communique.parser.dates.record_date`);
* (in :mod:`~communique.parser.statements`) the date of the same speaker's report just
  before, in the same or the previous paragraph;
* the story's day: wire copy sets the day of its news in the lead ("Albright paid tribute
  Tuesday ...") and reports the rest of that occasion without repeating it, so a statement
  with no date of its own takes the lead's day.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

import attrs
import regex

from communique.lexicon import Lexicon, alternation, derived
from communique.model import DateMention, DateValue, Precision, Span
from communique.parser.dates import calendar_value, record_date

__all__ = ["Occasion", "clause_date", "story_date"]

_LEAD_SENTENCES = 2  # the lead: the first sentences of the first body paragraph
_NARRATIVE_SENTENCES = 3  # how many sentences back a paragraph's date still holds
_NEWS_DAYS = dt.timedelta(days=3)  # how far before publication the day of the news may be


@attrs.frozen
class _Words:
    """What the date choice reads with, from the ``dates`` table."""

    after_cue: regex.Pattern[str]
    attributive: regex.Pattern[str]
    opener: regex.Pattern[str]


@derived
def _words(lexicon: Lexicon) -> _Words:
    table = lexicon["dates"]["reporting"]
    return _Words(
        after_cue=regex.compile(
            rf"[^\S\n]*(?:(?:{alternation(table['after_cue'])})[^\S\n]+)?", regex.IGNORECASE
        ),
        attributive=regex.compile(
            rf"(?:^|\W)(?:{alternation(table['determiners'])})[^\S\n]+$", regex.IGNORECASE
        ),
        opener=regex.compile(
            rf"[^\S\n]*(?:(?:{alternation(table['openers'])})[^\S\n]+)?"
            r"(?:\p{L}+[^\S\n]+)?$",
            regex.IGNORECASE,
        ),
    )


@attrs.frozen
class Occasion:
    """What dating a statement needs from its document."""

    text: str
    mentions: Sequence[DateMention]
    sentences: Sequence[Span]  # the units of the body, in text order
    story: DateValue | None
    lexicon: Lexicon

    def sentence_of(self, at: int) -> Span | None:
        """The body sentence that holds offset ``at``."""
        index = bisect.bisect_right(self.sentences, at, key=lambda s: s.start) - 1
        if index >= 0 and self.sentences[index].start <= at < self.sentences[index].end:
            return self.sentences[index]
        return None


_LOWER_WORD_AFTER = regex.compile(r"[^\S\n]\p{Ll}")
_COMMA_AFTER = regex.compile(r"[^\S\n]*,")


def _modifies_noun(text: str, mention: DateMention, words: _Words) -> bool:
    """ "the 1956 uprising", "its 2019 budget": a date used as an adjective."""
    before = text[max(0, mention.span.start - 12) : mention.span.start]
    after = text[mention.span.end : mention.span.end + 2]
    return bool(words.attributive.search(before)) and _LOWER_WORD_AFTER.match(after) is not None


def _inside(mention: DateMention, spans: Sequence[Span]) -> bool:
    return any(s.start <= mention.span.start < s.end for s in spans)


def clause_date(
    occasion: Occasion, frame: Span, cue_end: int, said: Sequence[Span]
) -> DateValue | None:
    """The date of a statement's reporting clause or of its paragraph; None when neither.

    ``frame`` is the clause without what was said, ``cue_end`` where its cue ends, ``said``
    the spans of what was said (their dates are the content's, never the statement's).
    """
    text, mentions = occasion.text, occasion.mentions
    words = _words(occasion.lexicon)
    first = bisect.bisect_left(mentions, frame.start, key=_start)
    for mention in mentions[first : bisect.bisect_left(mentions, frame.end, key=_start)]:
        if mention.span.end > frame.end or _inside(mention, said):
            continue
        if _modifies_noun(text, mention, words):
            continue
        value = calendar_value(mention)
        if value is not None:
            return value
    after = words.after_cue.match(text, cue_end)
    if after is not None:
        index = bisect.bisect_left(mentions, after.end(), key=_start)
        if index < len(mentions) and mentions[index].span.start == after.end():
            value = calendar_value(mentions[index])
            if value is not None and not _inside(mentions[index], said):
                return value
    sentence = occasion.sentence_of(frame.start)
    if sentence is not None:
        lo = bisect.bisect_left(mentions, sentence.start, key=_start)
        for mention in mentions[lo : bisect.bisect_left(mentions, frame.start, key=_start)]:
            lead_in = text[sentence.start : mention.span.start]
            rest = text[mention.span.end : frame.start]
            if _inside(mention, said) or not words.opener.fullmatch(lead_in):
                continue
            if _COMMA_AFTER.match(rest):  # "In early 1997, Yeltsin told ..."
                value = calendar_value(mention)
                if value is not None:
                    return value
    if sentence is not None:  # the narrative date: reach back a few sentences at most
        index = bisect.bisect_left(occasion.sentences, sentence.start, key=lambda s: s.start)
        back = occasion.sentences[max(0, index - _NARRATIVE_SENTENCES)].start
        lo = bisect.bisect_left(mentions, back, key=_start)
        mentions = mentions[lo:]
    return record_date(mentions, Span.of(text, frame.start, frame.start), text=text)


def story_date(
    mentions: Sequence[DateMention], lead: Sequence[Span], published: dt.date | None
) -> DateValue | None:
    """The day of the news: the lead's first day, when it is the publication day or one
    of the few days before it (a story filed overnight, a Friday's news on Monday).

    A lead that opens on an older day ("On February 11, the minister was interviewed")
    tells a longer story, and dates nothing beyond its own paragraph.
    """
    if published is None:
        return None
    for sentence in lead[:_LEAD_SENTENCES]:
        lo = bisect.bisect_left(mentions, sentence.start, key=_start)
        for mention in mentions[lo : bisect.bisect_left(mentions, sentence.end, key=_start)]:
            value = calendar_value(mention)
            if value is None or value.precision is not Precision.DAY or value.end is not None:
                continue
            try:
                day = dt.date.fromisoformat(value.value)
            except ValueError:
                return None
            if dt.timedelta(0) <= published - day <= _NEWS_DAYS:
                return value
            return None
    return None


def _start(item: DateMention) -> int:
    return item.span.start
