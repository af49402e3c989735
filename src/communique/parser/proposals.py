"""Proposals: plans, offers, demands and negotiating conditions, with their points.

:func:`find_proposals` reads the body paragraphs. Each rule of :data:`FINDERS` looks at one
sentence: a proposing cue ("proposed", "calling on", "arguing for") and what follows it; a
plan with its maker ("a peace plan drafted by X"); a set formula inside what a named
source said ("negotiations without preconditions", "territory for peace"). The proposer
is the speaker of the statement that reports it, else the actor named last before the
cue in the sentence (a person first). Enumerated items after a colon ("first, ...;
third, ...") are the points; a later "denied the content of the report" sets the status.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

import attrs
import regex

from communique.lexicon import Lexicon, alternation, derived, phrase_key
from communique.model import (
    ActorKind,
    DateMention,
    DateValue,
    Proposal,
    ProposalStatus,
    Span,
    Statement,
)
from communique.parser.actor_table import ActorTable
from communique.parser.article import Article, Role
from communique.parser.dates import record_date
from communique.parser.segments import Segments, find_segments

__all__ = ["FINDERS", "find_proposals"]


@attrs.frozen
class _Vocabulary:
    """The ``proposals`` table, compiled."""

    cue: regex.Pattern[str]
    formula: regex.Pattern[str]
    plan: regex.Pattern[str]
    empty: regex.Pattern[str]
    enumerator: regex.Pattern[str]
    declined: regex.Pattern[str]
    status: regex.Pattern[str]
    statuses: dict[str, ProposalStatus]


@derived
def _vocabulary(lexicon: Lexicon) -> _Vocabulary:
    """The ``proposals`` table of ``lexicon``, compiled (once per Lexicon)."""
    lex = lexicon["proposals"]
    flags = regex.IGNORECASE | regex.VERBOSE
    verbs = {
        phrase_key(form): ProposalStatus(name)
        for name in ("denied", "rejected", "accepted", "withdrawn")
        for form in lex["status"][name]
    }
    return _Vocabulary(
        cue=regex.compile(rf"(?<![\w-])(?:{alternation(lex['cues']['forms'])})(?![\w-])", flags),
        formula=regex.compile(
            "|".join(f"(?:{p})" for p in lex["formulas"]["patterns"]), regex.IGNORECASE
        ),
        plan=regex.compile(
            rf"""(?<![\w-])(?:{alternation(lex["plans"]["determiners"])})\s+(?:[\w-]+\s+){{0,2}}?
            (?:{alternation(lex["plans"]["nouns"])})\s+
            (?:{alternation(lex["plans"]["makers"])})\s+(?P<maker>\p{{Lu}})""",
            flags,
        ),
        empty=regex.compile(
            rf"""(?:[\w-]+\s+){{0,2}}?(?:{alternation(lex["empty"]["heads"])})
            (?!\s+(?:{alternation(lex["empty"]["complements"])})\b)""",
            flags,
        ),
        enumerator=regex.compile(
            rf"\s*(?:(?:{alternation(lex['points']['lead'])})\s+)?"
            rf"(?:{alternation(lex['points']['enumerators'])})\s*,?\s*",
            flags,
        ),
        declined=regex.compile(
            rf"(?<![\w-])(?:{alternation(lex['declined']['words'])})\s+\Z", regex.IGNORECASE
        ),
        status=regex.compile(
            rf"""(?<![\w-])(?P<verb>{alternation(list(verbs))})\s+
            (?:(?:{alternation(lex["status"]["determiners"])})\s+)?
            (?:(?:{alternation(lex["status"]["about"])})\s+)?
            (?:{alternation(lex["status"]["objects"])})(?![\w-])""",
            flags,
        ),
        statuses=verbs,
    )


@attrs.frozen
class _Context:
    """What every rule reads: the text, its actors, statements and dates."""

    text: str
    actors: ActorTable
    statements: Sequence[Statement]
    dates: Sequence[DateMention]
    vocabulary: _Vocabulary


@attrs.frozen
class _Draft:
    """A proposal before its id and status are settled."""

    proposer: str
    summary: Span
    points: tuple[str, ...]
    evidence: Span
    statement: Statement | None


Finder = Callable[[_Context, Span], list[_Draft]]

_STOP = regex.compile(r"[,;:]|\.(?=\s|$)|$")
_MAX_SENTENCE = 3000
_MIN_WORDS = 3  # "demands to Ukraine" names no content


def _statement_at(ctx: _Context, position: int) -> Statement | None:
    """The innermost statement with a named speaker whose evidence holds ``position``."""
    holding = [
        s
        for s in ctx.statements
        if s.speaker is not None and s.evidence.start <= position < s.evidence.end
    ]

    def nearest(s: Statement) -> tuple[int, int]:
        before = [
            m.start for m in ctx.actors.within(s.evidence.start, position) if m.actor == s.speaker
        ]
        return s.evidence.start, max(before, default=-1)

    return max(holding, key=nearest, default=None)


def _proposer_before(ctx: _Context, sentence: Span, position: int) -> str | None:
    """The actor named last before ``position`` in the sentence, a person first.

    A possessor ("Putin's advisers") is not a subject and does not count.
    """
    mentions = [
        m
        for m in ctx.actors.within(sentence.start, position)
        if not regex.match(r"['’]s?\b", ctx.text[m.end : m.end + 2])
    ]
    for mention in reversed(mentions):
        actor = ctx.actors.by_id(mention.actor)
        if actor is not None and actor.kind is ActorKind.PERSON:
            return mention.actor
    return mentions[-1].actor if mentions else None


def _is_media(ctx: _Context, ident: str) -> bool:
    """Media report proposals; the person they quote puts it forward."""
    actor = ctx.actors.by_id(ident)
    return actor is not None and actor.kind is ActorKind.MEDIA


def _clause_after(ctx: _Context, start: int, sentence: Span) -> Span | None:
    """From ``start`` to the next comma, semicolon, colon or the end of the sentence."""
    m = _STOP.search(ctx.text, start, sentence.end)
    end = m.start() if m is not None else sentence.end
    return _trim(ctx.text, start, end)


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in " \t\"“”'":
        start += 1
    while end > start and text[end - 1] in " \t.\"“”'":
        end -= 1
    return Span.of(text, start, end) if end > start else None


def _points(ctx: _Context, after: int, sentence: Span) -> tuple[str, ...]:
    """The items of "...: first, A; B; third, C; and fourth, D." in order."""
    lex = ctx.vocabulary
    rest = ctx.text[after : sentence.end]
    if not rest.lstrip().startswith(":"):
        return ()
    body = rest.lstrip()[1:]
    if lex.enumerator.match(body) is None:
        return ()
    items = []
    for part in body.split(";"):
        m = lex.enumerator.match(part)
        item = part[m.end() :] if m is not None else part
        item = item.strip().rstrip(".").strip()
        if item:
            items.append(item)
    return tuple(items) if len(items) >= 2 else ()


def _from_cue(ctx: _Context, sentence: Span) -> list[_Draft]:
    """ "X proposed a plan: first, ...", "calling on the army to return ...", "arguing for"."""
    lex = ctx.vocabulary
    out = []
    for m in lex.cue.finditer(ctx.text, sentence.start, sentence.end):
        summary = _clause_after(ctx, m.end(), sentence)
        if (
            summary is None
            or len(summary.text.split()) < _MIN_WORDS
            or lex.empty.match(summary.text)
            or _declined(ctx, sentence, m.start())
        ):
            continue
        statement = _statement_at(ctx, m.start())
        proposer = statement.speaker if statement is not None else None
        if proposer is None or _is_media(ctx, proposer):
            proposer = _proposer_before(ctx, sentence, m.start()) or proposer
        if proposer is None:
            continue
        points = _points(ctx, summary.end, sentence)
        end = sentence.end if points else summary.end
        evidence = Span.of(ctx.text, m.start(), end)
        out.append(_Draft(proposer, summary, points, evidence, statement))
    return out


def _declined(ctx: _Context, sentence: Span, position: int) -> bool:
    """ "instead of proposing", "no longer calling for": the cue is set aside."""
    return (
        ctx.vocabulary.declined.search(ctx.text, max(sentence.start, position - 20), position)
        is not None
    )


def _from_plan(ctx: _Context, sentence: Span) -> list[_Draft]:
    """ "a peace plan drafted by Biden, which included ...": the maker proposes it."""
    out = []
    for m in ctx.vocabulary.plan.finditer(ctx.text, sentence.start, sentence.end):
        makers = ctx.actors.within(m.start("maker"), sentence.end)
        if not makers or makers[0].start != m.start("maker"):
            continue
        summary = _trim(ctx.text, m.start(), sentence.end)
        if summary is not None:
            out.append(_Draft(makers[0].actor, summary, (), summary, None))
    return out


def _from_formula(ctx: _Context, sentence: Span) -> list[_Draft]:
    """ "negotiations without preconditions" inside what a named source said."""
    out = []
    for m in ctx.vocabulary.formula.finditer(ctx.text, sentence.start, sentence.end):
        statement = _statement_at(ctx, m.start())
        if statement is None or statement.speaker is None:
            continue
        summary = _trim(ctx.text, m.start(), sentence.end)
        if summary is not None:
            out.append(_Draft(statement.speaker, summary, (), summary, statement))
    return out


#: The rules that find proposals in a sentence, by name, in the order they are tried.
FINDERS: dict[str, Finder] = {
    "cue": _from_cue,
    "plan": _from_plan,
    "formula": _from_formula,
}


def _status(ctx: _Context, after: int, sentence: Span, following: Span | None) -> ProposalStatus:
    """Denied, rejected, accepted or withdrawn when a later verb says so, else proposed."""
    lex = ctx.vocabulary
    for start, end in (
        (after, sentence.end),
        (following.start, following.end) if following else (0, 0),
    ):
        m = lex.status.search(ctx.text, start, end)
        if m is not None:
            return lex.statuses[phrase_key(m.group("verb"))]
    return ProposalStatus.PROPOSED


def find_proposals(
    text: str,
    article: Article,
    actors: ActorTable,
    dates: Sequence[DateMention] = (),
    statements: Sequence[Statement] = (),
    segments: Segments | None = None,
    *,
    lexicon: Lexicon | None = None,
) -> tuple[Proposal, ...]:
    """Find the plans, offers, demands and conditions that actors put forward.

    Args:
        text: The article text.
        article: Its envelope; only body paragraphs are read.
        actors: The actors found in it (proposers and addressees are their ids).
        dates: The date mentions found in it, to date each proposal.
        statements: The statements found in it: their speakers propose what they say.
        segments: Its sentences (split here when not given).
        lexicon: The vocabulary to read proposals with; None for the packaged one.

    Returns:
        The proposals, in text order, with ids ``p1``, ``p2``, ...; two never share
        evidence.
    """
    ctx = _Context(text, actors, statements, dates, _vocabulary(lexicon or Lexicon.packaged()))
    found: list[tuple[_Draft, Span, Span | None]] = []
    if segments is None:
        segments = find_segments(text, article)
    sentences = segments.sentences_in(article, frozenset({Role.BODY}))
    this_sentence = 0
    for index, sentence in enumerate(sentences):
        if len(sentence.text) > _MAX_SENTENCE or sentence.text.rstrip("”\"' ").endswith("?"):
            continue
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        # Evidence reaches at most into the following sentence, so only the drafts of this
        # sentence and the one before can repeat a new one.
        nearby, this_sentence = this_sentence, len(found)
        for finder in FINDERS.values():
            for draft in finder(ctx, sentence):
                if not any(_repeats(draft, sentence, *kept) for kept in found[nearby:]):
                    found.append((draft, sentence, following))
    found.sort(key=lambda item: item[0].evidence.start)
    return tuple(
        _proposal(ctx, draft, sentence, following, number)
        for number, (draft, sentence, following) in enumerate(found, start=1)
    )


def _repeats(draft: _Draft, sentence: Span, kept: _Draft, where: Span, _: object) -> bool:
    """Overlapping evidence, or a second proposal of one proposer in one sentence."""
    a, b = draft.evidence, kept.evidence
    overlap = a.start < b.end and b.start < a.end
    return overlap or (draft.proposer == kept.proposer and sentence == where)


def _start(mention: DateMention) -> int:
    return mention.span.start


def _date(ctx: _Context, draft: _Draft, sentence: Span) -> DateValue | None:
    """The date nearest before the proposal in its sentence ("On May 23, X called on ...");
    else one inside it ("proposed a plan in October"); else the date of the statement that
    reports it; else the narrative date in force."""
    evidence = draft.evidence
    first = bisect.bisect_left(ctx.dates, sentence.start, key=_start)
    before = bisect.bisect_left(ctx.dates, evidence.start, key=_start)
    for mention in reversed(ctx.dates[first:before]):
        if mention.span.end <= evidence.start:
            value = record_date(ctx.dates, mention.span, text=ctx.text)
            if value is not None:
                return value
    inside = ctx.dates[before : bisect.bisect_left(ctx.dates, evidence.end, key=_start)]
    if any(m.span.end <= evidence.end for m in inside):
        return record_date(ctx.dates, evidence, text=ctx.text)
    if draft.statement is not None and draft.statement.date is not None:
        return draft.statement.date
    return record_date(ctx.dates, evidence, text=ctx.text)


def _proposal(
    ctx: _Context, draft: _Draft, sentence: Span, following: Span | None, number: int
) -> Proposal:
    addressees = [
        ident
        for ident in dict.fromkeys(
            i for _, _, i in ctx.actors.within(draft.summary.start, draft.summary.end)
        )
        if ident != draft.proposer
    ]
    date = _date(ctx, draft, sentence)
    return Proposal(
        id=f"p{number}",
        proposer=draft.proposer,
        addressees=tuple(addressees),
        summary=draft.summary.text,
        points=draft.points,
        status=_status(ctx, draft.evidence.end, sentence, following),
        date=date,
        evidence=draft.evidence,
    )
