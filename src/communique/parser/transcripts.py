"""Transcript lines: a paragraph opened by a named speaker and a dash or colon
("PENCE: Well, look, ...") is a statement of its own, and its turn runs on over the
paragraphs that follow it with a quote mark and no label."""

from __future__ import annotations

import regex

from communique.model import ActorKind, Span
from communique.parser.actor_table import ActorTable
from communique.parser.cues import MAX_UNIT, Cue, Draft, State, kind
from communique.parser.quotations import content_span

_LABEL = regex.compile(
    r"""["“]?(?P<label>[^\n:―—–"“”]{2,60}?)[^\S\n]*(?P<mark>[―—–]|:)[^\S\n]+"""
    r"""(?P<content>["“”]?\S[^\n]*)"""
)
_SIGNED = regex.compile(
    r"""(?P<content>["“”][^\n]+?["”])[^\S\n]*(?P<mark>[―—–])[^\S\n]*"""
    r"""(?P<label>[^\n―—–"“”]{2,60}?)[.]?[^\S\n]*"""
)
_LABEL_WORDS = 4
#: what both line shapes need: a colon or a dash
_MARK = regex.compile(r"[―—–:]")


def labelled(text: str, paragraph: Span, actors: ActorTable) -> Draft | None:
    """A paragraph that opens with a named speaker and a dash or colon: a transcript line.

    The label must be an actor's name and nothing else (up to a title word or two), so that
    "Topics: ..." or a dateline is not taken for a speaker.
    """
    if paragraph.end - paragraph.start > MAX_UNIT:
        return None  # a transcript line is a paragraph, not a book
    if _MARK.search(text, paragraph.start, paragraph.end) is None:
        return None
    m = _LABEL.fullmatch(text, paragraph.start, paragraph.end) or _SIGNED.fullmatch(
        text, paragraph.start, paragraph.end
    )
    if m is None or len(m.group("content").split()) < 3:
        return None
    start, end = m.span("label")
    mentions = actors.within(start, end)
    if len(mentions) != 1 or len(m.group("label").split()) > _LABEL_WORDS:
        return None
    rest = (text[start : mentions[0].start] + text[mentions[0].end : end]).split()
    if len(rest) > 1 or kind(actors, mentions[0].actor) is not ActorKind.PERSON:
        return None
    content = content_span(text, m.start("content"), m.end("content"))
    if content is None:
        return None
    mark = m.span("mark")
    cue = Cue(mark[0], mark[1], m.group("mark"), None, False)
    return Draft((mentions[0].actor,), cue, content, False, (), paragraph, start)


_TURN_GOES_ON = regex.compile(r"""\s*(?:["“]|'')(?!\s*\()""")


def turn_goes_on(text: str, paragraph: Span, state: State, index: int) -> bool:
    """A transcript turn runs on over paragraphs that open with a quote mark and no label.

    Transcripts printed as one long quotation open every paragraph with a quote mark
    ('"PENCE: Well, look, ...' then '"But the truth is ...'); a parenthesised stage
    direction ('"(CROSSTALK.)') is no part of the turn.
    """
    return (
        state.turn >= 0
        and index == state.last_paragraph + 1
        and _TURN_GOES_ON.match(text, paragraph.start, paragraph.end) is not None
    )
