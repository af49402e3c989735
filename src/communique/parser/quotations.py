"""Quotations in statements: where a quotation ends what was said, a quotation split by
its cue, a quotation standing alone after a statement (or with a cue of its own), and
whether a content is quoted verbatim."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from communique.model import Span, StatementMode
from communique.parser.actor_table import ActorTable
from communique.parser.cues import (
    QUOTES,
    SOURCE_WORDS,
    Cue,
    Draft,
    Sentence,
    State,
    Vocabulary,
)
from communique.parser.segments import opens_quote
from communique.parser.speakers import own_source


def content_span(text: str, start: int, end: int) -> Span | None:
    """``text[start:end]`` without leading dashes and punctuation, or None if too short."""
    while start < end and text[start] in " \t,;:—–-":
        start += 1
    while end > start and text[end - 1] in " \t.,;:":
        end -= 1
    if end - start < 2:
        return None
    return Span.of(text, start, end)


def quotation_then_action(s: Sentence, start: int, limit: int, words: Vocabulary) -> int:
    """'wrote, "It's time," and shared a link': the quotation ends what was said."""
    for quote in s.quotes:  # spans with their quote marks
        if quote.start == start and quote.end < limit:
            ends_utterance = quote.text.rstrip(QUOTES)[-1:] in (",", ".", "!", "…")
            if ends_utterance and words.action_after.match(s.text, quote.end, limit):
                return quote.end
    return limit


def split_quote(rest: str, words: Vocabulary) -> regex.Match[str] | None:
    """The second part of a quotation split by its cue, unless another cue comes first."""
    split = _SPLIT_QUOTE.match(rest)
    if split is None or words.cue_pattern.search(rest, 0, split.start("q")):
        return None  # '"...," Trump said, adding later, "...": two statements
    return split


_SPLIT_QUOTE = regex.compile(
    r"""^(?:(?!'')[^"“]){0,100}?,\s*(?P<q>(?:["“]|'').*)$""", regex.DOTALL
)


_QUOTED_TAIL = regex.compile(r"""(?:["“]|'')(?P<q>[^"“”]*?)[,?!]?[’']?(?:["”]|'')$""")
_TITLE_WORDS = 3


def ends_in_title(before: str, words: Vocabulary) -> bool:
    """Whether the quotation closing ``before`` is a short title ("Face the Nation")."""
    quoted = _QUOTED_TAIL.search(before)
    title = quoted.group("q").split() if quoted is not None else []
    return (
        0 < len(title) <= _TITLE_WORDS + 1
        and title[0][:1].isupper()
        and title[-1][:1].isupper()
        and all(w[:1].isupper() or w in words.title_small_words for w in title)
    )


def quotation_ending(s: Sentence, end: int) -> Span | None:
    """The quotation that ends at ``end`` (a closing mark, maybe a comma), if any."""
    for quote in s.quotes:
        if end - 2 <= quote.end <= end and quote.start >= s.span.start:
            return content_span(s.text, quote.start, end)
    return None


def quote_with_own_cue(
    sentence: Sentence, cues: Sequence[Cue], actors: ActorTable, state: State
) -> list[Draft]:
    """'"...," the ad's narrator says', '"..." Grubbs said': a quotation that opens its
    sentence and has a cue of its own is its source's (named, unnamed or not known), never
    the previous speaker's."""
    opening = _opening_quotation(sentence) if state.pending is None else None
    if opening is None:
        return []
    quote, content = opening
    own = _own_cue(cues, sentence, quote)
    if own is None:
        return []
    speakers = own_source(sentence, quote, own, actors, state)
    return [Draft(speakers, own, content, False, (), sentence.span)]


def _opening_quotation(sentence: Sentence) -> tuple[Span, Span] | None:
    """The quotation that opens the sentence (nothing before it) and its content."""
    if not sentence.quotes:
        return None
    quote = sentence.quotes[0]
    start = max(quote.start, sentence.span.start)
    if sentence.text[sentence.span.start : start].strip():
        return None
    content = content_span(sentence.text, start, min(quote.end, sentence.span.end))
    return (quote, content) if content is not None else None


def _own_cue(cues: Sequence[Cue], sentence: Sentence, quote: Span) -> Cue | None:
    """The cue right after a quotation that opens its sentence, if there is one."""
    for cue in cues:
        if cue.start >= quote.end and len(sentence.text[quote.end : cue.start].split()) <= (
            SOURCE_WORDS
        ):
            return cue
    return None


def standalone_quote(
    sentence: Sentence, drafts: Sequence[Draft], state: State, paragraph: int
) -> list[Draft]:
    """A quotation standing alone right after a statement is by that statement's source."""
    pending, state.pending = state.pending, None
    if not sentence.quotes:
        if pending is not None and pending.evidence == sentence.span:
            state.pending = pending  # "He said:" waits for its quotation
        return []
    if pending is not None:
        drafts = [pending]
    elif not drafts or paragraph - state.last_paragraph > 1:
        return []
    opening = _opening_quotation(sentence)
    if opening is None:
        return []
    quote, content = opening
    last = drafts[-1]
    if pending is None and state.narrated is not None:
        # 'Sen. Bernie Sanders identified ... . "The younger people are ..."': a quotation
        # right after a sentence about a person, in the same paragraph, is that person's
        last = attrs.evolve(last, speakers=(state.narrated,))
    cue = pending.cue if pending else Cue(quote.start, quote.start, "", None, False)
    evidence = (
        Span.of(sentence.text, pending.evidence.start, sentence.span.end)
        if (pending)
        else sentence.span
    )
    return [Draft(last.speakers, cue, content, False, (), evidence)]


def continues(text: str, last: Draft, draft: Draft) -> bool:
    """A quotation right after a quoted statement, in its paragraph, goes on with it."""
    between = text[last.evidence.end : draft.evidence.start]
    return "\n" not in between and opens_quote(last.content.text) and not draft.cue.text


_ANY_QUOTE = regex.compile(r"[\"“”]|''|``")
_FULL_QUOTE = regex.compile(
    r"""^(?:["“]|''|``)(?P<inner>(?:(?!'')[^"“”])*)(?:(?:["”]|'')(?P<tail>[.,!?]?)|$)$"""
)  # "...", “...”, ''...'', ``...
_OPENING_MARKS = frozenset("\"“'`")  # the first characters _FULL_QUOTE may match


def statement_mode(fragments: Sequence[Span]) -> tuple[StatementMode, str]:
    """The mode of a content, and the content without its quote marks when verbatim."""
    stripped = [f.text.strip() for f in fragments]
    quoted = [_FULL_QUOTE.match(t) if t[:1] in _OPENING_MARKS else None for t in stripped]
    if all(quoted):
        parts = [m.group("inner").strip().rstrip(",") for m in quoted if m]
        return StatementMode.DIRECT, " ".join(p for p in parts if p)
    body = " ".join(f.text.strip() for f in fragments)
    if _ANY_QUOTE.search(body):
        return StatementMode.MIXED, body
    return StatementMode.INDIRECT, body
