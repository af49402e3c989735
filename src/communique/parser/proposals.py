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

from communique.lexicon import Lexicon, alternation, derived, left_edge, phrase_key
from communique.model import (
    ActorKind,
    DateMention,
    DateValue,
    Proposal,
    ProposalStatus,
    Span,
    Statement,
)
from communique.parser.actor_table import ActorTable, Mention
from communique.parser.anchored import AnchoredScan
from communique.parser.article import Article, Role
from communique.parser.dates import record_date
from communique.parser.segments import Segments, find_segments

__all__ = ["FINDERS", "find_proposals"]


@attrs.frozen
class _Vocabulary:
    """The ``proposals`` table, compiled."""

    cue: regex.Pattern[str]
    addressed: regex.Pattern[str]
    noun: regex.Pattern[str]
    counted: regex.Pattern[str]
    breaks: regex.Pattern[str]
    noun_end: regex.Pattern[str]
    position: regex.Pattern[str]
    passive: regex.Pattern[str]
    formula: regex.Pattern[str]
    plan: regex.Pattern[str]
    empty: regex.Pattern[str]
    enumerator: regex.Pattern[str]
    declined: regex.Pattern[str]
    hedge: regex.Pattern[str]
    status: regex.Pattern[str]
    statuses: dict[str, ProposalStatus]
    #: the scans of ``cue``, ``addressed``, ``noun`` and ``plan``, tried only at the words
    #: that may open one of their phrases
    cue_scan: AnchoredScan
    addressed_scan: AnchoredScan
    noun_scan: AnchoredScan
    plan_scan: AnchoredScan


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
    positions = lex["positions"]
    starts = [*positions["modals"], *positions["conditions"], *positions["offers"]]
    hedges = lex["declined"]["hedges"]
    cue = regex.compile(
        rf"{left_edge(lex['cues']['forms'])}(?:{alternation(lex['cues']['forms'])})(?![\w-])",
        flags,
    )
    addressed = regex.compile(
        rf"""{left_edge(lex["cues"]["addressed"])}(?:{alternation(lex["cues"]["addressed"])})\s+
        (?P<to>(?:[\w.'’-]+\s+){{1,5}}?)to\s+(?=\p{{Ll}})""",
        flags,
    )
    noun = regex.compile(
        rf"""{left_edge(lex["nouns"]["heads"])}(?P<head>{alternation(lex["nouns"]["heads"])})(?![\w-])
        (?P<rest>\s*:|\s+(?:{alternation(lex["nouns"]["complements"])})(?![\w-]))?""",
        flags,
    )
    plan = regex.compile(
        rf"""{left_edge(lex["plans"]["determiners"])}(?:{alternation(lex["plans"]["determiners"])})\s+(?:[\w-]+\s+){{0,2}}?
        (?:{alternation(lex["plans"]["nouns"])})\s+
        (?:{alternation(lex["plans"]["makers"])})\s+(?P<maker>\p{{Lu}})""",
        flags,
    )
    return _Vocabulary(
        cue=cue,
        addressed=addressed,
        noun=noun,
        breaks=regex.compile(
            rf"(?<![\w-])(?:{alternation(lex['nouns']['breaks'])})(?![\w-])|[,;:()\"“”]",
            regex.IGNORECASE,
        ),
        noun_end=regex.compile(
            rf"[,;:]|\.(?=\s|$)|\s(?:{alternation(lex['nouns']['ends'])})(?![\w-])",
            regex.IGNORECASE,
        ),
        counted=regex.compile(rf"(?<![\w-]){lex['nouns']['counted']}(?![\w])", flags),
        position=regex.compile(
            rf"""{left_edge(starts)}(?:
            (?P<modal>{alternation(lex["positions"]["modals"])})\s+
            (?!(?:{alternation(lex["positions"]["not_after"])})(?![\w-]))\p{{Ll}}
            |(?P<condition>{alternation(lex["positions"]["conditions"])})\s
            |(?P<offer>{alternation(lex["positions"]["offers"])})\s+\p{{Ll}})""",
            flags,
        ),
        passive=regex.compile(
            rf"""[^.;]{{0,40}}?(?<![\w-])(?:{alternation(lex["status"]["passive"])})\s+
            (?P<verb>{alternation(list(verbs))})(?![\w-])""",
            flags,
        ),
        formula=regex.compile(  # whole words: not "land for peace" in "Holland for peace"
            r"(?<![\p{L}\p{N}'’-])(?:"
            + "|".join(f"(?:{p})" for p in lex["formulas"]["patterns"])
            + r")(?![\p{L}\p{N}-])",
            regex.IGNORECASE,
        ),
        plan=plan,
        empty=regex.compile(
            rf"""(?:[\w-]+\s+){{0,2}}?(?:{alternation(lex["empty"]["heads"])})
            (?!\s+(?:{alternation(lex["empty"]["complements"])})\b)""",
            flags,
        ),
        enumerator=regex.compile(
            rf"\s*(?:(?:{alternation(lex['points']['lead'])})\s+)?"
            rf"(?:{alternation(lex['points']['enumerators'])}|{lex['points']['numbered']})\s*,?\s*",
            flags,
        ),
        declined=regex.compile(
            rf"(?<![\w-])(?:{alternation(lex['declined']['words'])})\s+\Z", regex.IGNORECASE
        ),
        hedge=regex.compile(
            rf"{left_edge(hedges)}(?:{alternation(hedges)})(?![\w-])", regex.IGNORECASE
        ),
        status=regex.compile(
            rf"""{left_edge(verbs)}(?P<verb>{alternation(list(verbs))})\s+
            (?:(?:{alternation(lex["status"]["determiners"])})\s+)?
            (?:(?:{alternation(lex["status"]["about"])})\s+)?
            (?:{alternation(lex["status"]["objects"])})(?![\w-])""",
            flags,
        ),
        statuses=verbs,
        cue_scan=AnchoredScan(cue, lex["cues"]["forms"]),
        addressed_scan=AnchoredScan(addressed, lex["cues"]["addressed"]),
        noun_scan=AnchoredScan(noun, lex["nouns"]["heads"]),
        # a determiner opens a plan's match with a space after it ("a ", not "an")
        plan_scan=AnchoredScan(plan, [f"{d} " for d in lex["plans"]["determiners"]]),
    )


@attrs.frozen
class _Context:
    """What every rule reads: the text, its actors, statements and dates."""

    text: str
    actors: ActorTable
    statements: Sequence[Statement]
    dates: Sequence[DateMention]
    vocabulary: _Vocabulary
    # The statements in order of their evidence's start, to look up those near a position
    # without reading them all (which would make a long article quadratic).
    ordered: Sequence[Statement] = attrs.field(init=False)
    starts: Sequence[int] = attrs.field(init=False)
    longest: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        ordered = sorted(self.statements, key=lambda s: s.evidence.start)
        object.__setattr__(self, "ordered", ordered)
        object.__setattr__(self, "starts", [s.evidence.start for s in ordered])
        lengths = (s.evidence.end - s.evidence.start for s in ordered)
        object.__setattr__(self, "longest", max(lengths, default=0))

    def starting(self, start: int, end: int) -> Sequence[Statement]:
        """The statements whose evidence starts in [start, end), by start, ties as given."""
        low, high = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return self.ordered[low:high]


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
#: Content stems that a proposal shares with an earlier one of its proposer when it only
#: restates it ("willing to negotiate without preconditions" after "negotiations without
#: preconditions"): a restated proposal is one record. The words whose stems count have
#: five letters or more.
_RESTATED = 3
_LONG_WORD = regex.compile(r"\p{L}{5,}")
_STANCE_REACH = 2  # sentences after a source's proposal in which its stances repeat it


def _statement_at(ctx: _Context, position: int) -> Statement | None:
    """The innermost statement with a named speaker whose evidence holds ``position``."""
    holding = [
        s
        for s in ctx.starting(position - ctx.longest, position + 1)
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
    """ "X proposed a plan: first, ...", "calling on the army to return ...", "arguing for",
    "asked Congress to approve ..."."""
    lex = ctx.vocabulary
    starts = [
        (m.start(), m.end()) for m in lex.cue_scan.finditer(ctx.text, sentence.start, sentence.end)
    ]
    for m in lex.addressed_scan.finditer(ctx.text, sentence.start, sentence.end):
        if ctx.actors.within(m.start("to"), m.end("to")):
            starts.append((m.start(), m.start("to")))
    out = []
    for cue_start, after in sorted(starts):
        summary = _clause_after(ctx, after, sentence)
        if (
            summary is None
            or len(summary.text.split()) < _MIN_WORDS
            or lex.empty.match(summary.text)
            or _declined(ctx, sentence, cue_start)
        ):
            continue
        statement = _statement_at(ctx, cue_start)
        proposer = statement.speaker if statement is not None else None
        if proposer is None or _is_media(ctx, proposer):
            proposer = (
                _owner_of_subject(ctx, sentence, cue_start)
                or _proposer_before(ctx, sentence, cue_start)
                or proposer
            )
        if proposer is None:
            continue
        points = _points(ctx, summary.end, sentence)
        end = sentence.end if points else summary.end
        evidence = Span.of(ctx.text, cue_start, end)
        out.append(_Draft(proposer, summary, points, evidence, statement))
        for partner in _partners(ctx, sentence, cue_start, proposer):
            evidence = Span.of(ctx.text, partner.start, end)
            out.append(_Draft(partner.actor, summary, points, evidence, statement))
    return out


def _owner_of_subject(ctx: _Context, sentence: Span, position: int) -> str | None:
    """The owner of the subject just before the cue: "Saddam's message called for"."""
    for mention in reversed(ctx.actors.within(max(sentence.start, position - 60), position)):
        between = ctx.text[mention.end : position]
        if regex.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){1,2}", between):
            return mention.actor
    return None


def _partners(ctx: _Context, sentence: Span, position: int, proposer: str) -> list[Mention]:
    """The first of two joined subjects of the cue: "Yeltsin and Kuchma called for ..."."""
    mentions = ctx.actors.within(sentence.start, position)
    if len(mentions) < 2 or mentions[-1].actor != proposer:
        return []
    first, second = mentions[-2], mentions[-1]
    if (
        regex.fullmatch(r"\s+and\s+(?:\p{Lu}[\w.-]*\s+){0,3}", ctx.text[first.end : second.start])
        and regex.fullmatch(r"(?:\s+[\w-]+)?\s+", ctx.text[second.end : position])
        and first.actor != proposer
    ):
        return [first]
    return []


def _from_noun(ctx: _Context, sentence: Span) -> list[_Draft]:
    """ "Iran's five-point counteroffer: ...", "a U.S. ceasefire offer", "the U.S.'s demand
    for Laden's extradition": the owner of the noun proposes what it names."""
    lex = ctx.vocabulary
    out = []
    for m in lex.noun_scan.finditer(ctx.text, sentence.start, sentence.end):
        owner = None
        for mention in reversed(ctx.actors.within(max(sentence.start, m.start() - 60), m.start())):
            between = ctx.text[mention.end : m.start()]
            possessor = regex.match(r"['’]s?(?=\s)", between) is not None
            words = between[2:] if possessor and between[1:2] == "s" else between
            if lex.breaks.search(words) or len(words.split()) > 3:
                break
            before = ctx.text[max(sentence.start, mention.start - 12) : mention.start]
            if possessor or regex.search(r"(?:^|\s)(?:a|an|the)\s+$", before, regex.I):
                owner = mention
            break
        if owner is None or _is_media(ctx, owner.actor):
            continue
        modifiers = ctx.text[owner.end : m.start()].strip(" '’s")
        colon = m.group("rest") is not None and m.group("rest").strip() == ":"
        bare = m.group("rest") is None and not lex.counted.search(modifiers)
        if bare and (not modifiers or lex.empty.fullmatch(m.group("head"))):
            continue
        start = owner.start
        if colon:
            end = m.end("head")
            points = _points(ctx, end, sentence)
            if not points:
                continue
        else:
            stop = lex.noun_end.search(ctx.text, m.end(), sentence.end)
            end = stop.start() if stop is not None else sentence.end
            points = ()
        summary = _trim(ctx.text, start, end)
        if summary is None or len(summary.text.split()) < _MIN_WORDS:
            continue
        evidence = Span.of(ctx.text, start, sentence.end if points else summary.end)
        out.append(_Draft(owner.actor, summary, points, evidence, _statement_at(ctx, start)))
    return out


def _from_position(ctx: _Context, sentence: Span) -> list[_Draft]:
    """What a named source says should be done, on what condition, or what it is willing
    to do: "Iraq argued the sites should be off limits", "he had no qualms about it, as long
    as Israel had the safeguards", "he was willing to withdraw troops"."""
    out = []
    for statement in ctx.starting(sentence.start, sentence.end):
        evidence = statement.evidence
        if (
            statement.speaker is None
            or not sentence.start <= evidence.start < sentence.end
            or _is_media(ctx, statement.speaker)
        ):
            continue
        start = ctx.text.find(statement.content[:40], evidence.start, evidence.end)
        if start < 0:
            continue
        end = min(evidence.end, sentence.end, start + len(statement.content))
        if ctx.vocabulary.position.search(ctx.text, start, end) is None:
            continue
        summary = _trim(ctx.text, start, end)
        if summary is None or len(summary.text.split()) < _MIN_WORDS:
            continue
        out.append(_Draft(statement.speaker, summary, (), summary, statement))
    return out


def _declined(ctx: _Context, sentence: Span, position: int) -> bool:
    """ "instead of proposing", "no longer calling for": the cue is set aside; "whether":
    left open."""
    lex = ctx.vocabulary
    return (
        lex.declined.search(ctx.text, max(sentence.start, position - 20), position) is not None
        or lex.hedge.search(ctx.text, sentence.start, position) is not None
    )


def _from_plan(ctx: _Context, sentence: Span) -> list[_Draft]:
    """ "a peace plan drafted by Biden, which included ...": the maker proposes it."""
    out = []
    for m in ctx.vocabulary.plan_scan.finditer(ctx.text, sentence.start, sentence.end):
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
    "noun": _from_noun,
    "position": _from_position,
}


def _status(ctx: _Context, after: int, sentence: Span, following: Span | None) -> ProposalStatus:
    """Denied, rejected, accepted or withdrawn when a later verb says so, else proposed."""
    lex = ctx.vocabulary
    passive = lex.passive.match(ctx.text, after, sentence.end)
    if passive is not None:
        return lex.statuses[phrase_key(passive.group("verb"))]
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
    latest: dict[str, int] = {}  # proposer -> the sentence of its latest proposal
    stems: dict[str, list[frozenset[str]]] = {}  # proposer -> the stems of each proposal
    for index, sentence in enumerate(sentences):
        if len(sentence.text) > _MAX_SENTENCE or sentence.text.rstrip("”\"' ").endswith("?"):
            continue
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        # Evidence reaches at most into the following sentence, so only the drafts of this
        # sentence and the one before can repeat a new one.
        nearby, this_sentence = this_sentence, len(found)
        for name, finder in FINDERS.items():
            for draft in finder(ctx, sentence):
                # a stance is one more word on what its source already put forward
                last = latest.get(draft.proposer)
                if name == "position" and last is not None and index - last <= _STANCE_REACH:
                    continue
                own = _stems(draft.summary.text)
                if any(
                    len(own & earlier) >= _RESTATED for earlier in stems.get(draft.proposer, ())
                ):
                    continue  # the proposer restating what it put forward before
                if not any(_repeats(draft, sentence, *kept) for kept in found[nearby:]):
                    found.append((draft, sentence, following))
                    latest[draft.proposer] = index
                    stems.setdefault(draft.proposer, []).append(own)
    found.sort(key=lambda item: item[0].evidence.start)
    return tuple(
        _proposal(ctx, draft, sentence, following, number)
        for number, (draft, sentence, following) in enumerate(found, start=1)
    )


def _stems(summary: str) -> frozenset[str]:
    """The content stems of a summary: the first five letters of its longer words."""
    return frozenset(w[:5].casefold() for w in _LONG_WORD.findall(summary))


def _repeats(draft: _Draft, sentence: Span, kept: _Draft, where: Span, _: object) -> bool:
    """Overlapping evidence, or a second proposal of one proposer in one sentence."""
    a, b = draft.evidence, kept.evidence
    if draft.proposer != kept.proposer and draft.summary == kept.summary and a != b:
        return False  # co-proposers: "Yeltsin and Kuchma called for ..."
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
