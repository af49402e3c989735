"""Statements: who said what, found from reporting cues, quotations and their sources.

:func:`find_statements` reads the body paragraphs only (captions, headings, related-article
headlines and site chrome yield nothing). In each sentence it finds the reporting cues of
the ``cues`` lexicon and, for each, applies the first rule of :data:`SHAPES` that fits:
"X said (that) ...", "..., X said", "'...,' said X", "according to X, ...",
", saying ..." (the clause's subject speaks). Speakers are resolved through the actor
table: compound subjects give one statement each, pronouns and "the minister" refer back,
unnamed sources ("sources said") keep a null speaker. A quotation standing alone right
after a statement is that speaker's.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence

import attrs
import regex

from communique.lexicon import alternation, load
from communique.model import (
    ActorKind,
    DateMention,
    DateValue,
    EventType,
    Span,
    Statement,
    StatementMode,
)
from communique.parser.actor_table import ActorTable, Mention
from communique.parser.actors import COURTESY_BEFORE, office_words
from communique.parser.article import Article, Role
from communique.parser.dates import record_date
from communique.parser.sentences import find_quotations, split_sentences

_UNNAMED = "\x00unnamed"
"""The speaker of a draft whose source names nobody ("sources said"); never an actor id."""


@attrs.frozen
class Cue:
    """A reporting expression found in a sentence."""

    start: int
    end: int
    text: str
    act: EventType | None
    participle: bool


@attrs.frozen
class _Draft:
    speakers: tuple[str | None, ...]
    cue: Cue
    content: Span
    negated: bool
    addressees: tuple[str, ...]
    evidence: Span
    subject_start: int = -1
    more: tuple[Span, ...] = ()


@attrs.frozen
class _Lexicon:
    cue_pattern: regex.Pattern[str]
    acts: dict[str, EventType | None]
    clausal: frozenset[str]
    attachments: frozenset[str]
    passive: frozenset[str]
    not_content: frozenset[str]
    negations: tuple[str, ...]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    unnamed: frozenset[str]
    roles: frozenset[str]
    collective: frozenset[str]
    bare_collective: frozenset[str]
    agents: frozenset[str]
    documents: frozenset[str]
    refusals: frozenset[str]
    refused_speech: frozenset[str]
    calls: frozenset[str]
    call_particles: frozenset[str]
    possessive_speech: regex.Pattern[str]
    office_heads: frozenset[str]
    publication: regex.Pattern[str]


@functools.cache
def _lexicon() -> _Lexicon:
    lex = load("cues")
    acts: dict[str, EventType | None] = {}
    forms: set[str] = set(lex["prepositional"]["according"])
    clausal: set[str] = set()
    for table in lex["cues"].values():
        act = EventType(table["act"]) if table["act"] else None
        for form in table["forms"]:
            acts[form.casefold()] = act
            forms.add(form)
            if table.get("needs_clause"):
                clausal.add(form.casefold())
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}'’-])(?:{alternation(forms)})(?![\p{{L}}\p{{N}}-])",
        regex.VERSION1,
    )
    actors = load("actors")
    return _Lexicon(
        cue_pattern=pattern,
        acts=acts,
        clausal=frozenset(clausal),
        attachments=frozenset(lex["attachments"]["words"]),
        passive=frozenset(lex["attachments"]["passive"]),
        not_content=frozenset(lex["attachments"]["not_content"]),
        negations=tuple(lex["attachments"]["negations"]),
        person_pronouns=frozenset(lex["pronouns"]["person"]),
        group_pronouns=frozenset(lex["pronouns"]["group"]),
        unnamed=frozenset(lex["unnamed"]["heads"]),
        roles=frozenset(lex["roles"]["heads"]),
        collective=frozenset(lex["collective"]["heads"]),
        bare_collective=frozenset(lex["collective"]["bare"]),
        agents=frozenset(lex["agents"]["heads"]),
        documents=frozenset(lex["documents"]["words"]),
        refusals=frozenset(lex["refusals"]["cues"]),
        refused_speech=frozenset(lex["refusals"]["speech"]),
        calls=frozenset(lex["calls"]["cues"]),
        call_particles=frozenset(lex["calls"]["particles"]),
        possessive_speech=regex.compile(  # "his statement said": the pronoun's referent's
            rf"(?:\b(?P<pro>his|her|their|its)\s+(?:{alternation(lex['documents']['words'])}))\s*$",
            regex.IGNORECASE,
        ),
        office_heads=frozenset(h.casefold() for h in actors["offices"]["heads"]),
        publication=regex.compile(
            r"""(?<![^\s])[^\s,;:()"“”][^,;:()"“”]{0,80}?\s+(?P<head>"""
            + "|".join(regex.escape(h) for h in lex["publications"]["heads"])
            + r""")$""",
            regex.IGNORECASE,
        ),
    )


# --------------------------------------------------------------------------- segmentation

_OPENING = '“"«'
_CLOSING = '”"»'


def _opens_quote(text: str) -> bool:
    """Whether ``text`` begins with an opening quote mark (“ " « or '' ``)."""
    return text[:1] in _OPENING or text[:2] in ("''", "``")


def _quotations(text: str) -> list[Span]:
    """The quoted stretches of the text, with their outer quote marks."""
    out = []
    for quote in find_quotations(text):
        start, end = quote.start, quote.end
        if text[max(0, start - 2) : start] in ("''", "``"):
            start -= 2
        elif start > 0 and text[start - 1] in _OPENING:
            start -= 1
        if text[end : end + 2] == "''":
            end += 2
        elif end < len(text) and text[end] in _CLOSING:
            end += 1
        out.append(Span.of(text, start, end))
    return out


def _units(text: str, paragraph: Span, quotes: Sequence[Span]) -> list[Span]:
    """The paragraph's sentences, with the sentences of one quotation kept together."""
    units: list[Span] = []
    starts = [q.start for q in quotes]
    for sentence in split_sentences(text, paragraph.start, paragraph.end):
        if units:
            last = units[-1]
            i = bisect.bisect_left(starts, last.end)
            inside = any(q.end > sentence.start for q in quotes[max(0, i - 3) : i])
            if inside or _asked_then_cue(last, sentence):
                units[-1] = Span.of(text, last.start, sentence.end)
                continue
        units.append(sentence)
    return units


_QUESTION_QUOTED = regex.compile(r"""(?:[?!…]|\.\.\.)(?:[’']\s?)?(?:["”]|'')\s*$""")
_SHORT_ATTRIBUTION = 8  # words: 'Vitter demanded.', 'Clinton said on Monday.'


def _asked_then_cue(last: Span, sentence: Span) -> bool:
    """'"Why not?" Vitter demanded.': a quoted question (or exclamation, ellipsis) and its cue."""
    words = len(sentence.text.split())
    return (
        _QUESTION_QUOTED.search(last.text) is not None
        and not _opens_quote(sentence.text)
        and (
            words <= _SHORT_ATTRIBUTION
            # "Scott's niece, state Del. Marcia Price (D-Newport News), shouted to the crowd."
            or (
                words <= 2 * _SHORT_ATTRIBUTION
                and _lexicon().cue_pattern.search(sentence.text) is not None
            )
        )
        and sentence.text.rstrip().endswith(".")
    )


def _quotes_in(quotes: Sequence[Span], starts: Sequence[int], span: Span) -> tuple[Span, ...]:
    i = bisect.bisect_left(starts, span.start)
    found = [q for q in quotes[max(0, i - 1) : i] if q.end > span.start]
    while i < len(quotes) and quotes[i].start < span.end:
        found.append(quotes[i])
        i += 1
    return tuple(found)


# --------------------------------------------------------------------------- helpers

_WORD_BEFORE = regex.compile(r"(?P<word>[\p{L}'’.-]+)[\s,]*$")
_QUOTES = "\"“”‘’'"
_NOUN_PHRASE_END = regex.compile(
    r"(?<![\p{L}\p{N}'’-])(?P<np>(?:(?i:a|an|the|another|other|two|three|several|some|many|one|senior|"
    r"top|\p{L}+ly|[\p{L}-]+(?:al|ic|ish|an|ese|ive))\s+|(?-i:\p{Lu}[\p{L}.'’-]*)\s+){0,4}"
    r"(?P<head>[\p{L}-]+))\s*$",
)
_INNER_THE = regex.compile(r"(?<=\s)(?i:the)\s")
_WHAT = regex.compile(r"\bwhat(?:\s+the)?$", regex.IGNORECASE)
_SPACES = regex.compile(r"\s+")
_THE = regex.compile(r"\s*(?:the\s+)?")
_JOINT = regex.compile(r"(?:,?\s+(?:and|but)|,)\s*$")
_ANY_QUOTE = regex.compile(r"[\"“”]|''|``")
_PARENTHESES = regex.compile(r"\s*\([^()\n]{1,40}\)")
_THAT = regex.compile(
    r"""^\s*(?:(?:(?!\b(?:and|but|he|she|they|it|said|says)\b)[^"“.;:,]){0,60}?\s)?that\s+""",
    regex.IGNORECASE,
)
_JOINER = regex.compile(r"^[\s,]*(?:(?:and|or|as\s+well\s+as)\s+)?(?:(?:even|also|both)\s+)?$")


def _strip_attachments(text: str, left_end: int, left_start: int) -> tuple[int, bool]:
    """Move ``left_end`` back over auxiliaries and adverbs; say if a negation was passed."""
    lex = _lexicon()
    negated = False
    end = left_end
    while end > left_start:
        m = _WORD_BEFORE.search(text, left_start, end)
        if m is None:
            break
        word = m.group("word")
        folded = word.casefold()
        if folded in lex.documents and lex.possessive_speech.search(text, left_start, end):
            break  # "His statement said": the writing is the source
        if (
            folded in lex.attachments
            or (folded.endswith("ly") and len(folded) > 4 and word.islower())  # not "Kelly"
            or (folded in ("did", "does", "do", "could", "would", "should", "has", "had", "have"))
        ):
            end = m.start()
            continue
        if folded in ("not", "never", "n't", "didn't", "doesn't", "don't", "hasn't", "haven't"):
            negated = True
            end = m.start()
            continue
        if folded == "longer" and text[max(left_start, m.start() - 3) : m.start()].strip() == "no":
            negated = True
            end = m.start() - 3
            continue
        if folded in ("went", "go", "goes") and text[m.end() : end].strip() == "":
            end = m.start()
            continue
        break
    return end, negated


# --------------------------------------------------------------------------- resolution


@attrs.define
class _State:
    """What the reader remembers while reading: the last speakers, for pronouns."""

    last_person: str | None = None
    last_group: str | None = None
    last_paragraph: int = -1
    pending: _Draft | None = None
    turn: int = -1  # the index of the draft of the transcript turn that may go on
    narrated: str | None = None  # the person a sentence with no statement was about


def _speakers_ending_at(
    text: str, actors: ActorTable, start: int, end: int, state: _State
) -> tuple[tuple[str | None, ...], int] | None:
    """The source whose phrase ends at ``end``: actors, a pronoun, a title, an unnamed NP."""
    lex = _lexicon()
    aside = _TRAILING_PARENTHETICAL.search(text, start, end)
    if aside is not None:  # "Marcia Price (D-Newport News),": the name before the aside
        if aside.start() == start:
            return None
        return _speakers_ending_at(text, actors, start, aside.start(), state)
    stripped = _TRAILING_MARKS.sub("", text[start:end])
    end = start + len(stripped)
    if end <= start:
        return None
    mentions = actors.within(start, end)
    if mentions and _TRAILING_MARKS.sub("", text[mentions[-1][1] : end]).lstrip() in (
        "",
        "'s",
        "’s",
    ):
        chain = [mentions[-1]]
        if (
            len(mentions) > 1
            and _MEMBER_OF.fullmatch(text, mentions[-2][1], mentions[-1][0])
            and _kind(actors, mentions[-2][2]) is ActorKind.PERSON
            and _kind(actors, mentions[-1][2]) is not ActorKind.PERSON
        ):
            chain = [mentions[-2]]  # "Jane Doe of the Heritage Foundation said": the person
        k = len(mentions) - 2
        while k >= 0 and _JOINER.match(text[mentions[k][1] : chain[0][0]]):
            chain.insert(0, mentions[k])
            k -= 1
        if len(chain) > 1 and not regex.search(
            r"\b(?:and|or|as\s+well\s+as)\b", text[chain[-2][1] : chain[-1][0]]
        ):
            chain = chain[-1:]
        while len(chain) > 1 and _is_modifier(text, chain[0], chain[1]):
            chain.pop(0)
        ids = list(dict.fromkeys(m[2] for m in chain))
        return tuple(ids), _with_title(text, actors, chain[0], start)
    if mentions and _kind(actors, mentions[-1][2]) is ActorKind.PERSON:
        last = mentions[-1]
        begins = _with_title(text, actors, last, start)
        lead = text[start:begins].rstrip()
        if _APPOSED_NAME_START.fullmatch(text, last[1], end) and lead.endswith(","):
            earlier = [
                m
                for m in actors.within(start, start + len(lead))
                if _kind(actors, m[2]) is ActorKind.PERSON
                and not _POSSESSIVE_AFTER.match(text, m[1])  # "Scott's niece, ..."
            ]
            if not earlier:
                # "his niece, Jane Price, shouted": the name in apposition is the source;
                # not in "Jane Doe, the editor of La Stampa, said"
                return (last[2],), begins
    word = _WORD_BEFORE.search(text, start, end)
    if word is None:
        return None
    token = _CONTRACTION.sub("", word.group("word"))  # "He's claiming": he
    if token in lex.person_pronouns:
        return (state.last_person or _last_person(actors, word.start()),), word.start()
    if token in lex.group_pronouns:
        return (state.last_group,), word.start()
    possessive = lex.possessive_speech.search(text, start, end)
    if possessive:
        pro = possessive.group("pro").casefold()
        return ((state.last_person if pro in ("his", "her") else state.last_group),), (
            possessive.start()
        )
    np = _NOUN_PHRASE_END.search(text, start, end)
    inner = _INNER_THE.search(np.group("np")) if np is not None else None
    if np is not None and inner is not None:  # "Later the South Carolina senator"
        np = _NOUN_PHRASE_END.search(text, np.start("np") + inner.start(), end)
    if np is None:
        return _short_subject(text, actors, start, end)
    head = np.group("head").casefold()
    definite = np.group("np").casefold().startswith("the ")
    if definite and (head in lex.office_heads or head in lex.roles):
        titled = _titled_person(actors, head, end)
        named = any(w[:1].isupper() for w in np.group("np").split()[1:-1])
        if titled is None and head in lex.roles and not named:
            titled = _last_person(actors, end)  # "the candidate": the last person named
        if titled is not None:
            return (titled,), np.start("np")
    publisher = _publisher(text, actors, start, end)
    if publisher is not None:
        return publisher
    team = _team_referent(text, actors, np, state, start)
    if team is not None:
        return (team,), np.start("np")
    if head in lex.unnamed or head in lex.office_heads:
        inside = [
            m
            for m in mentions
            if m[0] >= np.start("np") or _QUALIFIES.fullmatch(text, m[1], np.start("np"))
        ]
        former = _FORMER.search(text, max(start, np.start("np") - 10), np.end("np")) is not None
        if inside and (head in lex.collective or (head in lex.agents and not former)):
            # "Clinton's campaign", "the Russian government", "a State Department official";
            # "former Carson advisers" no longer speak for him
            return (inside[-1][2],), np.start("np")
        if former and head in lex.agents and not definite:
            return (_UNNAMED,), np.start("np")  # "a former State Department spokesman"
        if head in lex.unnamed and not inside and not (definite and head in lex.roles):
            return (_UNNAMED,), np.start("np")  # "sources", "a spokesman", "the experts"
        owned = _POSSESSIVE_AFTER.match(text, inside[-1][1]) if inside else None
        if (
            head in lex.unnamed
            and inside
            and owned is None
            and _DEFINITE_BEFORE.search(text, start, np.start("np")) is None
            and not definite
        ):
            # "Clinton allies", "many Carrier workers", "a Trump campaign source": a named
            # qualifier names nobody who spoke
            return (_UNNAMED,), np.start("np")
        return (None,), np.start("np")
    return _short_subject(text, actors, start, end)


_DEFINITE_BEFORE = regex.compile(r"(?i)\bthe\b[^,;:]*$")
_FORMER = regex.compile(r"(?i)\b(?:former|ex-)")


def _with_title(text: str, actors: ActorTable, mention: Mention, floor: int) -> int:
    """Where a name's phrase starts, with its courtesy title or office ("Sen.", "Mr.")."""
    start = mention[0]
    courtesy = COURTESY_BEFORE.search(text, max(floor, start - 8), start)
    if courtesy is not None:
        return courtesy.start()
    actor = actors.by_id(mention[2])
    title = actor.title if actor is not None else None
    if title and text[max(floor, start - len(title) - 1) : start].rstrip() == title:
        return text.rindex(title, floor, start)
    return start


def _publisher(
    text: str, actors: ActorTable, start: int, end: int
) -> tuple[tuple[str | None, ...], int] | None:
    """'a new Washington Post-ABC News poll', 'a 2014 Labor Department study': who made it.

    A poll, survey, study or report named after an organization or outlet is that one's;
    an unnamed one ("the poll", "exit polls") has no source.
    """
    m = _lexicon().publication.search(text, start, end)
    if m is None:
        return None
    for _m_start, _m_end, ident in actors.within(m.start(), m.start("head")):
        if _kind(actors, ident) not in (ActorKind.PERSON, ActorKind.STATE):
            return (ident,), m.start()
    return None


_OWNER_BEFORE = regex.compile(r"(?:^|\s)(?P<owner>his|her|their|the)\s+$", regex.IGNORECASE)


def _team_referent(
    text: str, actors: ActorTable, np: regex.Match[str], state: _State, start: int
) -> str | None:
    """'The campaign said', 'her campaign disclosed', 'police said': an organization named before.

    The head must end the name of an organization already mentioned ("Clinton campaign");
    after "his"/"her" that organization must carry the name of the last person.
    """
    head = np.group("head").casefold()
    if head not in _lexicon().collective:
        return None
    phrase = _SPACES.sub(" ", np.group("np").casefold())
    owner = _OWNER_BEFORE.search(text, max(start, np.start("np") - 8), np.start("np"))
    if phrase == f"the {head}" or (phrase == head and head in _lexicon().bare_collective):
        owned_by = None
    elif phrase == head and owner is not None and owner.group("owner").casefold() != "the":
        person = actors.by_id(state.last_person) if state.last_person else None
        if person is None:
            return None
        owned_by = {w.casefold() for n in (person.name, *person.aliases) for w in n.split()}
    else:
        return None
    i = bisect.bisect_left(actors.mentions, (np.start("np"), -1, ""))
    for _start, _end, ident in reversed(actors.mentions[max(0, i - 50) : i]):
        actor = actors.by_id(ident)
        if actor is None or actor.kind is not ActorKind.ORGANIZATION:
            continue
        words = actor.name.casefold().split()
        if words[-1] == head and (owned_by is None or words[0] in owned_by):
            return ident
    return None


_CONTRACTION = regex.compile(r"['’](?:s|ve|d|ll)$")
_CLAUSE_GOES_ON = regex.compile(r",\s*(?!(?:and|but|or|so|while|as|because|although)\b)\p{Ll}")
_TRAILING_PARENTHETICAL = regex.compile(r"\s*\([^()\n]{1,60}\)[\s,]*$")
_TRAILING_MARKS = regex.compile(rf"[\s{regex.escape(_QUOTES)}]+$")
_MEMBER_OF = regex.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?", regex.IGNORECASE)
_QUALIFIES = regex.compile(r"(?:['’]s?)?\s*")  # between a name and the noun it qualifies
# between a name and the name it qualifies: "NBC's Dante Chinni", "Clinton's top foreign
# policy aide Jake Sullivan", "Clinton ally James Carville"; not "Clinton in an interview
# with Fox"
_NAME_QUALIFIES = regex.compile(
    r"(?:['’]s?)?(?:\s+(?!(?:in|on|at|with|to|of|for|the|a|an|and|or|but|by|from|as|after|"
    r"before|during|about|that|who|which|when|while|said|says|told)\b)[\p{Ll}-]+){0,5}\s*"
)
_POSSESSIVE_AFTER = regex.compile(r"['’]s?(?!\p{L})")
_CLAUSE_START = regex.compile(r"(?:^|[,;:]\s+)(?=[^,;:]*$)")
_SHORT_SUBJECT_WORDS = 6


def _short_subject(
    text: str, actors: ActorTable, start: int, end: int
) -> tuple[tuple[str | None, ...], int] | None:
    """'The Indymedia group of websites reported': a short subject naming one actor.

    What a person owns is not the person ("Pagliano's lawyer"), but a person's office and
    writings are ("Ivana Trump's brief"), and so is an organization's unit ("the Post's
    investigative unit").
    """
    clause = _CLAUSE_START.search(text, start, end)
    begin = clause.end() if clause else start
    if len(text[begin:end].split()) > _SHORT_SUBJECT_WORDS:
        return None
    inside = actors.within(begin, end)
    if len({m[2] for m in inside}) != 1:
        return None
    ident = inside[0][2]
    head = text[begin:end].split()[-1].casefold()
    if (
        _POSSESSIVE_AFTER.match(text, inside[-1][1], end)
        and _kind(actors, ident) is ActorKind.PERSON
        and head not in _lexicon().collective
        and head not in _lexicon().documents
    ):
        return (None,), begin  # "Pagliano's lawyer", "Scott's family": not Pagliano, not Scott
    return (ident,), begin


def _is_modifier(text: str, first: Mention, second: Mention) -> bool:
    """'US "New York Times"': a mention right before another only qualifies it."""
    return second[0] - first[1] <= 3 and text[first[1] : second[0]].strip(" " + _QUOTES) == ""


def _last_person(actors: ActorTable, before: int) -> str | None:
    """The person mentioned last before ``before``: the referent of "the candidate"."""
    i = bisect.bisect_left(actors.mentions, (before, -1, ""))
    for _start, _end, ident in reversed(actors.mentions[max(0, i - 50) : i]):
        if _kind(actors, ident) is ActorKind.PERSON:
            return ident
    return None


def _titled_person(actors: ActorTable, head: str, before: int) -> str | None:
    best = None
    for start, _end, ident in actors.mentions:
        if start >= before:
            break
        actor = actors.by_id(ident)
        if actor and actor.title and head in office_words(actor.title):
            best = ident
    return best


def _kind(actors: ActorTable, ident: str) -> ActorKind | None:
    actor = actors.by_id(ident)
    return actor.kind if actor else None


def _remember(actors: ActorTable, state: _State, ids: Sequence[str | None]) -> None:
    for ident in ids:
        actor = actors.by_id(ident) if ident else None
        if actor is None:
            continue
        if actor.kind is ActorKind.PERSON:
            state.last_person = ident
        else:
            state.last_group = ident


def _remember_mentions(actors: ActorTable, state: _State, sentence: _Sentence) -> None:
    """Without a statement, a sentence's first person and first group become the referents."""
    person = group = None
    for start, _end, ident in actors.within(sentence.span.start, sentence.span.end):
        if any(q.start <= start < q.end for q in sentence.quotes):
            continue
        if _kind(actors, ident) is ActorKind.PERSON:
            person = person or ident
        else:
            group = group or ident
    state.last_person = person or state.last_person
    state.last_group = group or state.last_group


def _subject_person(actors: ActorTable, sentence: _Sentence) -> str | None:
    """The person a sentence opens with, outside quotations: "Sen. Bernie Sanders, who ..."."""
    mentions = actors.within(sentence.span.start, sentence.span.end)
    outside = [m for m in mentions if not any(q.start <= m[0] < q.end for q in sentence.quotes)]
    if not outside or _kind(actors, outside[0][2]) is not ActorKind.PERSON:
        return None
    lead = sentence.text[sentence.span.start : outside[0][0]]
    return outside[0][2] if len(lead.split()) <= _SUBJECT_LEAD else None


_SUBJECT_LEAD = 6  # words before the subject: 'On "Face the Nation," Sen.'


# --------------------------------------------------------------------------- shapes


@attrs.frozen
class _Sentence:
    span: Span
    text: str
    quotes: tuple[Span, ...]


Shape = Callable[[_Sentence, Cue, ActorTable, _State], _Draft | None]


def _content_span(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in " \t,;:—–-":
        start += 1
    while end > start and text[end - 1] in " \t.,;:":
        end -= 1
    if end - start < 2:
        return None
    return Span.of(text, start, end)


_SUBORDINATE = regex.compile(
    r"""\s*,\s*(?:given|while|although|though|because|whereas|which|unless|even\s+though)\b"""
)


@functools.cache
def _time_adjunct() -> regex.Pattern[str]:
    """'said Monday the talks failed', 'reported today, ...': when, not what, was said."""
    dates = load("dates")
    days = alternation([*dates["weekdays"], "today", "yesterday", "tonight", "later", "earlier"])
    parts = alternation(dates["day_parts"]["words"])
    return regex.compile(
        rf"""\s*(?:(?:on|late|early)\s+)?(?:{days})(?:\s+(?:{parts}))?(?:\s*,)?(?=\s)""",
        regex.IGNORECASE,
    )


def _after_content(s: _Sentence, cue: Cue, limit: int) -> Span | None:
    text = s.text
    rest = text[cue.end : limit]
    m = _THAT.match(rest)
    start = cue.end + (m.end() if m else 0)
    if m is None:
        adjunct = _time_adjunct().match(text, start, limit)
        start = adjunct.end() if adjunct else start
        tail = _CUE_TAIL.match(text, start, limit)
        if tail is not None and _QUOTE_AFTER.match(text, tail.end(), limit):
            start = tail.end()  # 'said last week in Tel Aviv, "...': the quotation
    opening = _OPENING_PUNCTUATION.match(text, start, limit)
    opening_at = opening.end() if opening else start
    if not _opens_quote(text[opening_at : opening_at + 2]):
        cut = _SUBORDINATE.search(text, start, limit)
        if cut is not None:
            limit = cut.start()
    else:
        limit = _quotation_then_action(s, opening_at, limit)
    return _content_span(text, start, limit)


_OPENING_PUNCTUATION = regex.compile(r"[\s,:]*")


_ACTION_AFTER = regex.compile(r"""[\s,]*(?:and|but|then|before|after|while)\s""")


def _quotation_then_action(s: _Sentence, start: int, limit: int) -> int:
    """'wrote, "It's time," and shared a link': the quotation ends what was said."""
    for quote in s.quotes:  # spans with their quote marks
        if quote.start == start and quote.end < limit:
            ends_utterance = quote.text.rstrip(_QUOTES)[-1:] in (",", ".", "!", "…")
            if ends_utterance and _ACTION_AFTER.match(s.text, quote.end, limit):
                return quote.end
    return limit


_ACCORDING_SOURCE = regex.compile(r"\s*(?P<src>[^,:;]{1,80}?)\s*(?P<sep>[,:;]|$|(?=[.]\s*$))")


def _shape_according_to(s: _Sentence, cue: Cue, actors: ActorTable, st: _State) -> _Draft | None:
    if not cue.text.casefold().startswith("according"):
        return None
    text = s.text
    after = _ACCORDING_SOURCE.match(text[cue.end : s.span.end])
    if after is None:
        return None
    src_end = cue.end + after.end("src")
    found = _speakers_ending_at(text, actors, cue.end, src_end, st)
    if found is None:
        return None
    speakers, _ = found
    before = _content_span(text, s.span.start, cue.start)
    content: Span | None = before
    if before is None or not before.text.strip(_QUOTES + " "):
        content = _content_span(text, cue.end + after.end(), s.span.end)
    if content is None:
        return None
    return _Draft(speakers, cue, content, False, (), s.span)


def _shape_inverted(s: _Sentence, cue: Cue, actors: ActorTable, st: _State) -> _Draft | None:
    """'"...," said X' — the source follows its cue, the content is before."""
    if cue.participle or _SPACES.sub(" ", cue.text.casefold()) in _ADDRESSING:
        return None  # "..., Ramos told AFP": the name after "told" is whom it was told
    text = s.text
    before = text[s.span.start : cue.start].rstrip()
    if _INVERTED_BEFORE.search(before) is None:
        return None
    m = _INVERTED_SOURCE.match(text, cue.end, s.span.end)
    if m is None:
        return None
    src_start, src_end = m.span("src")
    after = actors.within(src_start, src_end)
    named_after = (
        bool(after)
        and after[0][0] == src_start
        and _PHRASE_END.match(text, after[0][1], s.span.end) is not None
    )  # "said Larry Sabato, director of ...", not "says Libya is the biggest trouble spot"
    if (
        not named_after
        and _QUOTE_END.search(before) is None
        and _appositive_subject(
            text, actors, max(s.span.start, cue.start - _LEFT_WINDOW), cue.start
        )
    ):
        return None  # "Erin Murphy, a former aide ..., said McConnell's trip ...": a subject
    if len(text[src_start:src_end].split()) > _SOURCE_WORDS + 2:
        return None  # "X, a supporter, said campaign strategists plan to ...": a clause
    if _starts_with_adjunct(text[src_start:src_end]):
        return None  # '"...," Michael McFaul, a fellow, said of RT': whom it was said of
    mentions = actors.within(src_start, src_end)
    found = _named_after_description(text, actors, src_start, src_end, s.span.end)
    if (
        found is None
        and mentions
        and len(text[src_start : mentions[0][0]].split()) <= _SOURCE_WORDS
    ):
        first = 0
        while first + 1 < len(mentions) and _NAME_QUALIFIES.fullmatch(
            text, mentions[first][1], mentions[first + 1][0]
        ):
            first += 1  # "noted NBC's Dante Chinni": the person, not the outlet
        found = (mentions[first][2],), mentions[0][0]
    elif found is None:
        found = _speakers_ending_at(text, actors, src_start, src_end, st)
        if found is not None and found[1] > src_start + 4:
            found = None
        words = text[src_start:src_end].casefold().split()[:_SOURCE_WORDS]
        if found is None and any(w in _lexicon().unnamed for w in words):
            found = (_UNNAMED,), src_start
    if found is None:
        return None
    if found[1] > src_end:  # the name in apposition after a description ends the source
        name_end = _APPOSED_NAME_END.match(text, found[1], s.span.end)
        src_end = name_end.end() if name_end else src_end
    content = _content_span(text, s.span.start, s.span.start + len(before))
    if content is None:
        return None
    rest = text[src_end : s.span.end]
    split = _split_quote(rest)
    more: tuple[Span, ...] = ()
    if split is not None:
        second = _content_span(text, src_end + split.start("q"), s.span.end)
        more = (second,) if second is not None else ()
    return _Draft(found[0], cue, content, False, (), s.span, -1, more)


_INVERTED_BEFORE = regex.compile(r"""(?:,|[,?!](?:[’']\s?)?(?:["”]|''))$""")
_DESCRIPTION_START = regex.compile(r"\p{Ll}|(?:The|A|An|His|Her|Their|Its|Another|One)\b")
_APPOSED_NAME_START = regex.compile(r"\s*,\s*")
_APPOSED_NAME_END = regex.compile(r"[^,.;\n]*?(?:\s*\([^()\n]{1,40}\))?(?=\s*(?:[,.;]|$))")


def _named_after_description(
    text: str, actors: ActorTable, src_start: int, src_end: int, limit: int
) -> tuple[tuple[str | None, ...], int] | None:
    """'..., said a former spokesman for the ministry, Oleg Voloshyn.': the name in apposition.

    A source that opens with a description and is followed, after a comma, by a person's
    name that ends the phrase is that person, not an actor named inside the description.
    """
    if _DESCRIPTION_START.match(text, src_start, src_end) is None:
        return None
    comma = _APPOSED_NAME_START.match(text, src_end, limit)
    if comma is None or comma.end() == src_end:
        return None
    mentions = actors.within(comma.end(), min(limit, comma.end() + 80))
    if not mentions or mentions[0][0] != comma.end():
        return None
    first = mentions[0]
    if _kind(actors, first[2]) is not ActorKind.PERSON:
        return None
    tail = _PARENTHETICAL_START.match(text, first[1], limit)
    after = tail.end() if tail else first[1]
    if _PHRASE_END.match(text, after, limit) is None:
        return None
    return (first[2],), first[0]


_PARENTHETICAL_START = regex.compile(r"\s*\([^()\n]{1,40}\)")
_PHRASE_END = regex.compile(r"\s*(?:[,.;]|$)")


def _starts_with_adjunct(source: str) -> bool:
    """Whether the words after an inverted cue open an adjunct ("of RT", "in a statement")."""
    words = source.split(maxsplit=1)
    return bool(words) and words[0].casefold() in _lexicon().not_content


_INVERTED_SOURCE = regex.compile(r"\s*(?P<src>[^,;:\"“”]{1,80}?)\s*(?=[,;:]|\.\s*$|$)")


def _split_quote(rest: str) -> regex.Match[str] | None:
    """The second part of a quotation split by its cue, unless another cue comes first."""
    split = _SPLIT_QUOTE.match(rest)
    if split is None or _lexicon().cue_pattern.search(rest, 0, split.start("q")):
        return None  # '"...," Trump said, adding later, "...": two statements
    return split


_SPLIT_QUOTE = regex.compile(
    r"""^(?:(?!'')[^"“]){0,100}?,\s*(?P<q>(?:["“]|'').*)$""", regex.DOTALL
)


_QUOTE_THEN_SOURCE = regex.compile(
    r"""(?:[,?!—–…-]|\.\.\.)(?:[’']\s?)?(?:["”]|'')(?P<np>\s+[^"“”]{0,100})?$"""
)
_SOURCE_WORDS = 8
# not "."; a quotation ending in a quotation may close with a space: ',' "'
_QUOTE_END = regex.compile(r"""(?:[,?!—–…-]|\.\.\.)(?:[’']\s?)?(?:["”]|'')$""")
_LEFT_WINDOW = 300  # how far before its cue a source may begin, in characters
_CUE_TAIL = regex.compile(
    r"""\s*(?:(?:on|in|at|with|to|during|late|early|last|this|then|later|again|today|yesterday|"""
    r"""recently|about|of|from|before|after)\b(?:[^,:;"“]|(?<=\d),(?=\d)){0,40})?"""
)  # 'wrote to his 20,000 Twitter followers', 'added about Carson'; not past a colon
_QUOTED_TAIL = regex.compile(r"""(?:["“]|'')(?P<q>[^"“”]*?)[,?!]?[’']?(?:["”]|'')$""")
_TITLE_WORDS = 3
_TITLE_SMALL_WORDS = frozenset({"the", "of", "and", "a", "an", "in", "on", "for", "to", "with"})
_QUOTE_AFTER = regex.compile(r"""\s*[,:]\s*(?:["“]|'')""")
_CLAUSE_AFTER = regex.compile(
    r"""\s*(?:[,:]\s*(?:["“]|'')|:|that\b|(?!to\s)\S[^.;"“]{0,40}?\bthat\b)"""
)  # not "went on to name cities that ..."
_PENDING = regex.compile(r"\s*:\s*")


def _shape_subject(s: _Sentence, cue: Cue, actors: ActorTable, st: _State) -> _Draft | None:
    """'X said (that) ...' and '..., X said.' — the source is right before its cue."""
    text = s.text
    window = max(s.span.start, cue.start - _LEFT_WINDOW)
    left_end, negated = _strip_attachments(text, cue.start, window)
    auxiliary = _WORD_BEFORE.search(text, max(window, left_end - 20), left_end)
    if auxiliary is not None and auxiliary.group("word").casefold() in _lexicon().passive:
        return None  # "was declared the winner": the subject did not speak
    found = _speakers_ending_at(text, actors, window, left_end, st)
    if found is None:
        found = _appositive_subject(text, actors, window, left_end)
    if found is None:
        return None
    speakers, subject_start = found
    before = text[s.span.start : subject_start].rstrip()
    if _WHAT.search(before.rstrip(" " + _QUOTES)):
        return None  # "what X said" names a statement, it does not report one
    quoted = _QUOTE_THEN_SOURCE.search(before)
    between = (quoted.group("np") or "") if quoted is not None else ""
    if (
        quoted is not None
        and len(between.split()) <= _SOURCE_WORDS + 4
        and not _lexicon().cue_pattern.search(between)  # "Trump assured Jones, after Jones"
    ):
        before = before[: quoted.end() - len(quoted.group("np") or "")].rstrip()
    rest = text[cue.end : s.span.end]
    tail = _CUE_TAIL.match(rest)
    rest_after_tail = rest[tail.end() if tail else 0 :].strip(" .")
    quote_before = _QUOTE_END.search(before) is not None
    if quote_before and rest_after_tail[:1] not in ("", ",", ";", "—", "–", "-"):
        quote_before = not _ends_in_title(before)  # 'on Fox's "Hannity," Gingrich said if
    quote_after = _QUOTE_AFTER.match(rest, tail.end() if tail else 0) is not None
    if before.strip(",") and (
        quote_before
        or (
            before.endswith(",")
            and (not rest_after_tail or (rest_after_tail.startswith(",") and not quote_after))
        )
    ):
        content = _quotation_ending(s, s.span.start + len(before)) or _content_span(
            text, s.span.start, s.span.start + len(before)
        )
        split = _split_quote(rest)
        more: tuple[Span, ...] = ()
        if content is not None and split is not None:
            second = _content_span(text, cue.end + split.start("q"), s.span.end)
            more = (second,) if second is not None else ()
        elif (
            content is not None
            and not quote_before
            and _CLAUSE_GOES_ON.match(rest_after_tail) is not None
        ):
            # "Acts of protest, Mr. Obama said, are acts of patriotism": one clause, split
            second = _content_span(text, s.span.end - len(rest_after_tail.lstrip(",")), s.span.end)
            more = (second,) if second is not None else ()
        if content is None:
            return None
        return _Draft(speakers, cue, content, negated, (), s.span, subject_start, more)
    if _SPACES.sub(" ", cue.text) in _lexicon().clausal and not _CLAUSE_AFTER.match(rest):
        return None  # "maintained secret communications": no speech reported
    content = _after_content(s, cue, s.span.end)
    if content is not None and content.text.split()[0].casefold() in _lexicon().not_content:
        return None  # "reported from Los Angeles": an adjunct, not what was said
    if content is not None and _refused_act(cue, content):
        return None  # "refused to keep his hands up": an act refused, nothing said
    if content is not None and _phoned(cue, content):
        return None  # "called Sanders to congratulate him": a call made, nothing said
    if content is None:
        after_tail = tail.end() if tail is not None else 0
        if _PENDING.fullmatch(rest) or _PENDING.fullmatch(rest, after_tail):
            # "He said:" / "She wrote on Facebook:" and the quotation follows
            st.pending = _Draft(
                speakers, cue, Span.of(text, cue.end, cue.end), negated, (), s.span, subject_start
            )
        return None
    return _Draft(
        speakers, cue, content, negated, _addressees(text, actors, cue), s.span, subject_start
    )


def _ends_in_title(before: str) -> bool:
    """Whether the quotation closing ``before`` is a short title ("Face the Nation")."""
    quoted = _QUOTED_TAIL.search(before)
    words = quoted.group("q").split() if quoted is not None else []
    return (
        0 < len(words) <= _TITLE_WORDS + 1
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words)
    )


_SUMMONED = regex.compile(
    r"""(?:her|him|them|me|us|\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3})\s+"""
    r"""(?:(?!(?:had|has|have|was|were|is|are|would|will|could|should|might|did|does)\b)"""
    r"""[^\s"“”,;:.]+\s+){0,4}?"""
    r"""to\s+(?!(?:the|a|an|his|her|their|its|my|our|your|this|that|these|those)\b)\p{Ll}"""
)  # "called Sanders to congratulate him"; not "called Ford's plans to open a plant ..."


def _phoned(cue: Cue, content: Span) -> bool:
    """Whether "called" reports a call made ("called Sanders to congratulate him", "called
    off the deal"), not words spoken."""
    lex = _lexicon()
    if _SPACES.sub(" ", cue.text).casefold() not in lex.calls:
        return False
    first = content.text.split(maxsplit=1)[0].casefold()
    return first in lex.call_particles or _SUMMONED.match(content.text) is not None


def _refused_act(cue: Cue, content: Span) -> bool:
    """Whether a refusal's content is an act ("to keep his hands up"), not speech."""
    lex = _lexicon()
    words = content.text.casefold().split()
    return (
        _SPACES.sub(" ", cue.text).casefold() in lex.refusals
        and len(words) > 1
        and words[0] == "to"
        and words[1] not in lex.refused_speech
    )


def _quotation_ending(s: _Sentence, end: int) -> Span | None:
    """The quotation that ends at ``end`` (a closing mark, maybe a comma), if any."""
    for quote in s.quotes:
        if end - 2 <= quote.end <= end and quote.start >= s.span.start:
            return _content_span(s.text, quote.start, end)
    return None


def _appositive_subject(
    text: str, actors: ActorTable, start: int, end: int
) -> tuple[tuple[str | None, ...], int] | None:
    """'X, member of the delegation, said' and 'X or LDP, has proposed'."""
    left = text[start:end].rstrip()
    if not left.endswith(","):
        return None
    for m_start, m_end, ident in reversed(actors.within(start, end)):
        between = _PARENTHESES.sub("", text[m_end : start + len(left) - 1])
        if (
            0 < len(between) <= 100
            and between.count(",") <= 2
            and not regex.search(r"[;:\"“”]", between)
        ):
            if between.startswith(",") and len(between.strip(", ")) > 0:
                return (ident,), m_start
            if between.startswith(" or "):
                return (ident,), m_start
    return None


_ANY_QUOTED = regex.compile(r"""(?:["“]|''|``)(?:(?!'')[^"“”])*(?:["”]|''|$)""")
_OBJECT_BEFORE = regex.compile(
    r"(?<![\p{L}'’])(?:\p{Ll}+ed|of|about|with|to|for|by|against|on|at|from)\s+(?:the\s+)?"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$"
)  # "granted Mr. Clarke", "a statement about Putin": an object, not the subject


def _shape_participle(s: _Sentence, cue: Cue, actors: ActorTable, st: _State) -> _Draft | None:
    """', saying ...' — the clause's subject speaks."""
    if not cue.participle:
        return None
    text = s.text
    before = text[s.span.start : cue.start].rstrip()
    if not before.endswith(","):
        return None
    speakers: tuple[str | None, ...] | None = None
    mentions = actors.within(s.span.start, cue.start)
    heads = [
        m
        for k, m in enumerate(mentions)
        if not (k + 1 < len(mentions) and _is_modifier(text, m, mentions[k + 1]))
    ]
    subjects = [m for m in heads if not _OBJECT_BEFORE.search(text, s.span.start, m[0])]
    persons = [m for m in subjects if _kind(actors, m[2]) is ActorKind.PERSON]
    if persons or subjects:
        first = (persons or subjects)[0]
        lead = text[s.span.start : _with_title(text, actors, first, s.span.start)]
        opening = _ANY_QUOTED.sub(" ", lead).casefold().split()
        unnamed = any(w.strip(",") in _lexicon().unnamed for w in opening[:_SUBJECT_LEAD])
        # "several environmental groups granted Mr. Clarke ..., saying": nobody named
        speakers = (_UNNAMED,) if unnamed else (first[2],)
    if speakers is None:
        if s.span.start == cue.start - len(text[s.span.start : cue.start]) and before.strip(", "):
            return None
        speakers = (st.last_person or st.last_group,)
    content = _after_content(s, cue, s.span.end)
    if content is None or speakers == (None,):
        return None
    return _Draft(speakers, cue, content, False, _addressees(text, actors, cue), s.span)


SHAPES: tuple[Shape, ...] = (
    _shape_according_to,
    _shape_inverted,
    _shape_participle,
    _shape_subject,
)

_ADDRESSING = frozenset(
    {
        "told",
        "tells",
        "telling",
        "called on",
        "calls on",
        "calling on",
        "urged",
        "urges",
        "urging",
        "asked",
        "asks",
        "asking",
        "accused",
        "blamed",
        "blaming",
        "warned",
    }
)


def _addressees(text: str, actors: ActorTable, cue: Cue) -> tuple[str, ...]:
    if _SPACES.sub(" ", cue.text.casefold()) not in _ADDRESSING:
        return ()
    near = actors.within(cue.end, cue.end + 40)
    if near and _THE.fullmatch(text[cue.end : near[0][0]]):
        return (near[0][2],)
    return ()


# --------------------------------------------------------------------------- the stage


def find_statements(
    text: str,
    article: Article,
    actors: ActorTable,
    dates: Sequence[DateMention] = (),
    *,
    unnamed_sources: bool = False,
) -> list[Statement]:
    """Find every reported statement in the body of an article.

    Args:
        text: The article text.
        article: Its envelope; only body paragraphs are read.
        actors: The actors found in it (speakers and addressees are their ids).
        dates: The date mentions found in it, to date each statement.
        unnamed_sources: Also report what wholly unnamed sources said ("sources said",
            "experts say"), with a null speaker; by default, as ANNOTATION.md has it,
            they make no statement.

    Returns:
        The statements, in text order.
    """
    paragraphs = [b.span for b in article.blocks if b.role is Role.BODY]
    quotes = _quotations(text)
    starts = [q.start for q in quotes]
    state = _State()
    drafts: list[_Draft] = []
    for index, paragraph in enumerate(paragraphs):
        labelled = _labelled(text, paragraph, actors)
        if labelled is not None:  # "PENCE: Well, look, ..." / "Jane Doe ― “...”"
            drafts.append(labelled)
            _remember(actors, state, labelled.speakers)
            state.last_paragraph = index
            state.turn = len(drafts) - 1 if labelled.cue.text == ":" else -1
            continue
        if _turn_goes_on(text, paragraph, state, index):  # '"And that is why ...' (no label)
            turn = drafts[state.turn]
            more = _content_span(text, paragraph.start, paragraph.end)
            if more is not None:
                drafts[state.turn] = attrs.evolve(turn, more=(*turn.more, more))
            state.last_paragraph = index
            continue
        state.turn = -1
        state.narrated = None
        for span in _units(text, paragraph, quotes):
            if span.text.rstrip().endswith("?") or len(span.text) > _MAX_UNIT:
                continue  # a question asks (a quoted one ends in a quote mark); no prose
                # sentence runs to thousands of characters
            sentence = _Sentence(span, text, _quotes_in(quotes, starts, span))
            cues = _cues(sentence)
            found = _sentence_drafts(sentence, cues, actors, state)
            if not found:
                found = _quote_with_own_cue(sentence, cues, actors, state) or _standalone_quote(
                    sentence, drafts, state, index
                )
            state.narrated = None
            if not found:
                _remember_mentions(actors, state, sentence)
                state.narrated = _subject_person(actors, sentence)
            if len(found) == 1 and drafts and _continues(text, drafts[-1], found[0]):
                last = drafts[-1]
                drafts[-1] = attrs.evolve(
                    last,
                    more=(*last.more, found[0].content),
                    evidence=Span.of(text, last.evidence.start, found[0].evidence.end),
                )
                continue
            drafts.extend(found)
            state.last_paragraph = index if found else state.last_paragraph
    return _statements(text, drafts, dates, unnamed_sources=unnamed_sources)


_LABEL = regex.compile(
    r"""["“]?(?P<label>[^\n:―—–"“”]{2,60}?)[^\S\n]*(?P<mark>[―—–]|:)[^\S\n]+"""
    r"""(?P<content>["“”]?\S[^\n]*)"""
)
_SIGNED = regex.compile(
    r"""(?P<content>["“”][^\n]+?["”])[^\S\n]*(?P<mark>[―—–])[^\S\n]*"""
    r"""(?P<label>[^\n―—–"“”]{2,60}?)[.]?[^\S\n]*"""
)
_LABEL_WORDS = 4


def _labelled(text: str, paragraph: Span, actors: ActorTable) -> _Draft | None:
    """A paragraph that opens with a named speaker and a dash or colon: a transcript line.

    The label must be an actor's name and nothing else (up to a title word or two), so that
    "Topics: ..." or a dateline is not taken for a speaker.
    """
    if paragraph.end - paragraph.start > _MAX_UNIT:
        return None  # a transcript line is a paragraph, not a book
    m = _LABEL.fullmatch(text, paragraph.start, paragraph.end) or _SIGNED.fullmatch(
        text, paragraph.start, paragraph.end
    )
    if m is None or len(m.group("content").split()) < 3:
        return None
    start, end = m.span("label")
    mentions = actors.within(start, end)
    if len(mentions) != 1 or len(m.group("label").split()) > _LABEL_WORDS:
        return None
    rest = (text[start : mentions[0][0]] + text[mentions[0][1] : end]).split()
    if len(rest) > 1 or _kind(actors, mentions[0][2]) is not ActorKind.PERSON:
        return None
    content = _content_span(text, m.start("content"), m.end("content"))
    if content is None:
        return None
    mark = m.span("mark")
    cue = Cue(mark[0], mark[1], m.group("mark"), None, False)
    return _Draft((mentions[0][2],), cue, content, False, (), paragraph, start)


_TURN_GOES_ON = regex.compile(r"""\s*(?:["“]|'')(?!\s*\()""")


def _turn_goes_on(text: str, paragraph: Span, state: _State, index: int) -> bool:
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


_MAX_UNIT = 5000
_MAX_CUES = 12


_DETERMINER_BEFORE = regex.compile(
    r"(?:(?<![\p{L}'’])(?i:the|a|an|these|those|such|their|his|her|its|our|my|your)"
    r"|(?<![\p{L}'’])(?!(?i:he|she|it|that|who|there|what|here|where|let)['’])\p{Lu}\p{L}*['’]s)"
    r"\s+$"
)  # "the reports were", "Cruz's charges", "Trump's proposed wall": a noun or an adjective


def _cues(sentence: _Sentence) -> list[Cue]:
    lex = _lexicon()
    out = []
    for m in lex.cue_pattern.finditer(sentence.text, sentence.span.start, sentence.span.end):
        if any(q.start < m.start() and m.end() <= q.end for q in sentence.quotes):
            continue  # a cue inside a quotation is part of what was said
        if _DETERMINER_BEFORE.search(sentence.text, max(0, m.start() - 12), m.start()):
            continue  # "the reports were", "Cruz's charges": a noun, not a cue
        form = _SPACES.sub(" ", m.group(0)).casefold()
        first = form.split()[0]
        participle = first.endswith("ing") and not form.startswith("according")
        out.append(Cue(m.start(), m.end(), m.group(0), lex.acts.get(form), participle))
        if len(out) >= _MAX_CUES:
            break
    return out


def _sentence_drafts(
    sentence: _Sentence, cues: Sequence[Cue], actors: ActorTable, state: _State
) -> list[_Draft]:
    drafts: list[_Draft] = []
    for cue in cues:
        if cue.participle and any(d.content.start <= cue.start < d.content.end for d in drafts):
            continue
        for shape in SHAPES:
            draft = shape(sentence, cue, actors, state)
            if draft is not None and None in draft.speakers and _pronoun_led(sentence, draft):
                break
            if draft is not None and shape is _shape_participle and drafts:
                # '"...," she said in the Oval Office, emphasizing ...': the same speaker
                draft = attrs.evolve(draft, speakers=drafts[-1].speakers)
            if draft is not None:
                _remember(actors, state, draft.speakers)
                last = drafts[-1] if drafts else None
                # "Merrill says Machado promised ...": a report inside a report stays whole
                nested = last is not None and _opens(sentence.text, last.content, draft)
                if not nested and last is not None and last.content.end > cue.start > last.cue.end:
                    trimmed = _trim_before(sentence.text, last.content, draft)
                    drafts[-1] = attrs.evolve(last, content=trimmed)
                drafts.append(draft)
                break
    return [d for d in drafts if d.content is not None]


def _opens(text: str, content: Span, later: _Draft) -> bool:
    """Whether a later draft's source opens ``content`` (a few words, no clause break)."""
    if later.subject_start < content.start:
        return False
    gap = text[content.start : later.subject_start]
    return len(gap.split()) <= _SUBJECT_LEAD // 2 and not regex.search(r"[,;:]", gap)


def _pronoun_led(sentence: _Sentence, draft: _Draft) -> bool:
    """A pronoun with nothing to refer to is no source."""
    lex = _lexicon()
    left = sentence.text[draft.evidence.start : draft.cue.start].split()
    return any(w in lex.person_pronouns or w in lex.group_pronouns for w in left[-3:])


def _trim_before(text: str, content: Span, later: _Draft) -> Span:
    """End an earlier content where a later statement's subject starts."""
    cut = later.subject_start if later.subject_start >= 0 else later.cue.start
    end = min(content.end, cut)
    joint = _JOINT.search(text[content.start : end])
    if joint is not None:
        end = content.start + joint.start()
    trimmed = _content_span(text, content.start, end)
    return trimmed or content


def _quote_with_own_cue(
    sentence: _Sentence, cues: Sequence[Cue], actors: ActorTable, state: _State
) -> list[_Draft]:
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
    speakers = _own_source(sentence, quote, own, actors, state)
    return [_Draft(speakers, own, content, False, (), sentence.span)]


def _opening_quotation(sentence: _Sentence) -> tuple[Span, Span] | None:
    """The quotation that opens the sentence (nothing before it) and its content."""
    if not sentence.quotes:
        return None
    quote = sentence.quotes[0]
    start = max(quote.start, sentence.span.start)
    if sentence.text[sentence.span.start : start].strip():
        return None
    content = _content_span(sentence.text, start, min(quote.end, sentence.span.end))
    return (quote, content) if content is not None else None


def _standalone_quote(
    sentence: _Sentence, drafts: Sequence[_Draft], state: _State, paragraph: int
) -> list[_Draft]:
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
    return [_Draft(last.speakers, cue, content, False, (), evidence)]


_DEFINITE = frozenset({"the", "his", "her", "its", "their", "my", "our", "this", "that"})


def _own_cue(cues: Sequence[Cue], sentence: _Sentence, quote: Span) -> Cue | None:
    """The cue right after a quotation that opens its sentence, if there is one."""
    for cue in cues:
        if cue.start >= quote.end and len(sentence.text[quote.end : cue.start].split()) <= (
            _SOURCE_WORDS
        ):
            return cue
    return None


def _own_source(
    sentence: _Sentence, quote: Span, cue: Cue, actors: ActorTable, state: _State
) -> tuple[str | None, ...]:
    """Who a quotation's own cue names: the actor there, else nobody we can name.

    A definite description ("the group said", "his colleague wrote") refers to someone
    already in the story: the speaker is not known. An indefinite one ("a narrator says",
    "one user wrote") brings in somebody unnamed.
    """
    text = sentence.text
    source = text[quote.end : cue.start]
    if source.strip(" ,"):
        found = _speakers_ending_at(text, actors, quote.end, cue.start, state)
        if found is not None and found[0] != (None,):
            return found[0]
    after = _INVERTED_SOURCE.match(text, cue.end, sentence.span.end)
    addressing = _SPACES.sub(" ", cue.text.casefold()) in _ADDRESSING
    if after is not None and not addressing and not _starts_with_adjunct(after.group("src")):
        named = actors.within(cue.end, after.end("src"))
        if named:
            return (named[0][2],)
        if not source.strip(" ,"):
            source = after.group("src")
    words = source.strip(" ,").casefold().split()
    definite = bool(words) and (words[0] in _DEFINITE or words[0].endswith(("'s", "’s")))
    return (None,) if definite else (_UNNAMED,)


def _continues(text: str, last: _Draft, draft: _Draft) -> bool:
    """A quotation right after a quoted statement, in its paragraph, goes on with it."""
    between = text[last.evidence.end : draft.evidence.start]
    return "\n" not in between and _opens_quote(last.content.text) and not draft.cue.text


_FULL_QUOTE = regex.compile(
    r"""^(?:["“]|''|``)(?P<inner>(?:(?!'')[^"“”])*)(?:(?:["”]|'')(?P<tail>[.,!?]?)|$)$"""
)  # "...", “...”, ''...'', ``...


def _mode(fragments: Sequence[Span]) -> tuple[StatementMode, str]:
    """The mode of a content, and the content without its quote marks when verbatim."""
    quoted = [_FULL_QUOTE.match(f.text.strip()) for f in fragments]
    if all(quoted):
        parts = [m.group("inner").strip().rstrip(",") for m in quoted if m]
        return StatementMode.DIRECT, " ".join(p for p in parts if p)
    body = " ".join(f.text.strip() for f in fragments)
    if _ANY_QUOTE.search(body):
        return StatementMode.MIXED, body
    return StatementMode.INDIRECT, body


def _clause(text: str, draft: _Draft) -> Span:
    """The stretch of text that reports a statement: its source, cue and content."""
    parts = [draft.cue.start, draft.cue.end, draft.content.start, draft.content.end]
    parts += [p for f in draft.more for p in (f.start, f.end)]
    if draft.subject_start >= 0:
        parts.append(draft.subject_start)
    start, end = min(parts), max(parts)
    if not draft.evidence.start <= start <= end <= draft.evidence.end:
        return draft.evidence
    while end < draft.evidence.end and text[end] in "\"”’'.,;:!?)":
        end += 1
    return Span.of(text, start, end)


def _frame(text: str, draft: _Draft, clause: Span) -> Span:
    """The clause without what was said: a date inside the content is not when it was said."""
    if draft.content.start >= draft.cue.end and clause.start <= draft.content.start:
        return Span.of(text, clause.start, draft.content.start)
    if draft.content.end <= draft.cue.start and draft.content.end <= clause.end:
        last = max([draft.content, *draft.more], key=lambda f: f.end)
        if last.end <= clause.end:
            return Span.of(text, last.end, clause.end)
    return clause


_SAME_OCCASION = 1500  # characters over which one speaker's report keeps its date


def _statements(
    text: str, drafts: Sequence[_Draft], dates: Sequence[DateMention], *, unnamed_sources: bool
) -> list[Statement]:
    out: list[Statement] = []
    dated: dict[str | None, tuple[int, DateValue]] = {}
    for draft in drafts:
        if _UNNAMED in draft.speakers:
            if not unnamed_sources:
                continue  # ANNOTATION.md: a wholly unnamed source makes no statement
            draft = attrs.evolve(draft, speakers=(None,))
        mode, content = _mode((draft.content, *draft.more))
        if not content or (mode is not StatementMode.DIRECT and len(content.split()) < 3):
            continue
        evidence = _clause(text, draft)
        own = record_date(dates, _frame(text, draft, evidence), text=text) or record_date(
            dates, evidence, text=text
        )  # when it was said; failing that, the date of what was said
        for speaker in draft.speakers:
            date = own
            earlier = dated.get(speaker)
            if date is None and earlier and draft.evidence.start - earlier[0] < _SAME_OCCASION:
                date = earlier[1]  # a speaker's report goes on: same interview, same day
            if date is not None and speaker is not None:
                dated[speaker] = (draft.evidence.start, date)
            out.append(
                Statement(
                    id=f"s{len(out) + 1}",
                    speaker=speaker,
                    addressees=tuple(a for a in draft.addressees if a != speaker),
                    cue=draft.cue.text,
                    mode=mode,
                    content=content,
                    act=draft.cue.act,
                    negated=draft.negated,
                    date=date,
                    evidence=evidence,
                )
            )
    return out
