"""Events: trigger words -> PLOVER type and mode, with participants, place, date and label.

:func:`find_events` reads body paragraphs and photo captions (headings, related-article
headlines and site chrome yield nothing). It cuts each sentence into clauses and looks in
each for the triggers of the ``events`` lexicon: verbs ("met with", "withdrew") and nouns
("summit", "referendums"). A trigger is dropped when one of the rules of
:data:`REJECTIONS` says it is not an occurrence (negated, wished for, a topic, a plan item,
a second mention); of the triggers left in a clause the one of highest priority makes the
event. Its participants are the actors named in the clause (a pronoun subject stands for
the parties of the sentence before), its location the place written after "in" or "at",
its date the one written by its words, else the one in force
(:func:`~communique.parser.event_dates.event_date`).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from itertools import islice

import attrs
import regex

from communique.lexicon import Lexicon, alternation, derived, left_edge, phrase_key
from communique.model import (
    EVENT_MODES,
    ActorKind,
    DateMention,
    DateValue,
    Event,
    EventType,
    Span,
)
from communique.parser.actor_table import ActorTable, Mention
from communique.parser.anchored import AnchoredScan
from communique.parser.article import Article, Role
from communique.parser.event_dates import dates_near, event_date
from communique.parser.event_roles import RoleWords, dyad, role_words
from communique.parser.segments import Segments, find_segments

__all__ = ["REJECTIONS", "Trigger", "find_events"]

#: Blocks whose sentences can report events.
EVENT_ROLES = frozenset({Role.BODY, Role.CAPTION})


@attrs.frozen
class Trigger:
    """A word of the lexicon that names an event of one PLOVER type (and mode)."""

    lemma: str
    type: EventType
    mode: str | None
    noun: bool
    priority: int
    occasion: bool
    setting: bool = False


def _bounded(words: Sequence[str]) -> regex.Pattern[str]:
    return regex.compile(rf"{left_edge(words)}(?:{alternation(words)})(?![\w-])", regex.I)


@attrs.frozen
class _Vocabulary:
    """The ``events`` table, compiled."""

    triggers: dict[str, Trigger]
    pattern: regex.Pattern[str]
    #: ``pattern``'s scan, tried only at the words that may open a trigger
    trigger_scan: AnchoredScan
    support: regex.Pattern[str]
    irrealis: regex.Pattern[str]
    negation: frozenset[str]
    topic: frozenset[str]
    anaphora: frozenset[str]
    plural: regex.Pattern[str]
    singular: regex.Pattern[str]
    enumerator: regex.Pattern[str]
    breaks: regex.Pattern[str]
    modes: dict[EventType, tuple[tuple[str, regex.Pattern[str]], ...]]
    aspectual: frozenset[str]
    label_stops: frozenset[str]
    relative: regex.Pattern[str]
    np_stops: frozenset[str]
    not_places: frozenset[str]
    infinitive: str
    definite: frozenset[str]
    party: regex.Pattern[str]
    object_party: regex.Pattern[str]
    object_types: frozenset[EventType]
    passive: frozenset[str]
    place: regex.Pattern[str]
    label_tail: regex.Pattern[str]
    clause_opener: regex.Pattern[str]
    copula: frozenset[str]
    existential: frozenset[str]
    copula_between: frozenset[str]
    roles: RoleWords


@derived
def _vocabulary(lexicon: Lexicon) -> _Vocabulary:
    """The ``events`` table of ``lexicon``, compiled (once per Lexicon)."""
    lex = lexicon["events"]
    triggers: dict[str, Trigger] = {}
    for group in lex["group"]:
        kind = EventType(group["type"])
        for noun, entries in ((False, group.get("verbs", [])), (True, group.get("nouns", []))):
            for entry in entries:
                lemma, *forms = entry.split("|")
                trigger = Trigger(
                    lemma=lemma,
                    type=kind,
                    mode=group.get("mode"),
                    noun=noun,
                    priority=group.get("priority", 1 if noun else 2),
                    occasion=group.get("occasion", False),
                    setting=group.get("setting", False),
                )
                for form in forms or [lemma]:
                    triggers.setdefault(phrase_key(form), trigger)
    modes = {
        EventType(name): tuple((mode, _bounded(cues)) for mode, cues in table.items())
        for name, table in lex["modes"].items()
    }
    hard = "|".join(rf"{regex.escape(b)}(?=\s)" for b in lex["clauses"]["hard"])
    joined = alternation(lex["clauses"]["after_comma"])
    bare = alternation(lex["clauses"]["bare"])
    definite = alternation(lex["anaphora"]["definite"])
    places = lex["places"]
    parties = lex["parties"]
    trigger_pattern = _bounded(list(triggers))
    return _Vocabulary(
        triggers=triggers,
        pattern=trigger_pattern,
        trigger_scan=AnchoredScan(trigger_pattern, triggers),
        support=_bounded(lex["support"]["forms"]),
        irrealis=_bounded(lex["irrealis"]["words"]),
        negation=frozenset(lex["negation"]["words"]),
        topic=frozenset(lex["topic"]["words"]),
        anaphora=frozenset(lex["anaphora"]["words"]),
        plural=regex.compile(rf"(?:{alternation(lex['pronouns']['plural'])})\b", regex.IGNORECASE),
        singular=regex.compile(
            rf"(?:{alternation(lex['pronouns']['singular'])})\b", regex.IGNORECASE
        ),
        enumerator=regex.compile(
            rf"(?:(?:{alternation(lex['enumerators']['lead'])})\s+)?"
            rf"(?:{alternation(lex['enumerators']['words'])})\b",
            regex.IGNORECASE,
        ),
        breaks=regex.compile(
            rf"(?:{hard})|,(?=\s+(?:{joined})\b)|\s(?=(?:{bare})\s)", regex.IGNORECASE
        ),
        modes=modes,
        aspectual=frozenset(lex["aspectual"]["words"]),
        label_stops=frozenset(lex["label"]["stops"]),
        relative=regex.compile(
            rf"(?<![\w-])(?:{alternation(lex['label']['relative'])})(?![\w-])", regex.IGNORECASE
        ),
        np_stops=frozenset(lex["label"]["noun_phrase_stops"]),
        not_places=frozenset(places["not_places"]),
        infinitive=lex["infinitive"]["marker"],
        definite=frozenset(lex["anaphora"]["definite"]),
        party=regex.compile(rf"\s+(?:{alternation(parties['prepositions'])})\s"),
        object_party=regex.compile(
            rf"\s+(?:{alternation([*parties['prepositions'], *parties['object_prepositions']])})\s"
        ),
        object_types=frozenset(EventType(t) for t in parties["object_types"]),
        passive=frozenset(lex["infinitive"]["passive"]),
        place=regex.compile(
            rf"""(?<![\w-])(?:{alternation(places["prepositions"])})\s+(?:(?:{definite})\s+)?
            (?P<place>
              (?&cap)(?:(?:\s|\s(?:{alternation(places["particles"])})\s)(?&cap))*
              (?:(?:,\s|\s(?:{alternation(places["conjunctions"])})\s)(?&cap)(?:\s(?&cap))*)*
            )
            (?(DEFINE)(?P<cap>\p{{Lu}}[\p{{L}}’'.-]*))""",
            regex.VERBOSE,
        ),
        label_tail=regex.compile(
            rf"\s+(?:{alternation(parties['label_prepositions'])})\s+(?:(?:{definite})\s+)?"
            rf"\p{{Lu}}[\w’'.-]*"
            rf"(?:\s+(?:(?:{alternation(parties['label_joiners'])})\s+)?\p{{Lu}}[\w’'.-]*)*"
        ),
        copula=frozenset(lex["copula"]["words"]),
        existential=frozenset(lex["copula"]["existential"]),
        copula_between=frozenset(lex["copula"]["between"]),
        clause_opener=regex.compile(
            rf"^(?:{alternation(lex['pronouns']['clause_openers'])})\s+", regex.IGNORECASE
        ),
        roles=role_words(lexicon),
    )


# --------------------------------------------------------------------------- candidates

_WORD = regex.compile(r"[\w’'.-]*\w|n't")
_LOOK_BACK = 240  # characters of the clause before a trigger that its rules read
_SUPPORT_WORDS = 8  # how far before a noun a support verb may stand ("held the first round")
_MAX_SENTENCE = 3000  # no prose sentence is longer; longer runs are lists or noise
_MAX_TRIGGERS = 12  # per clause


@attrs.frozen
class Candidate:
    """A trigger found in a clause, before the rules decide whether it is an event."""

    text: str
    sentence: Span
    clause: Span
    start: int
    end: int
    trigger: Trigger
    actors: ActorTable
    seen: frozenset[str]
    dates: Sequence[DateMention] = ()
    #: what near() read, once read: several rules ask for it
    _near: list[tuple[str, ...]] = attrs.field(factory=list, init=False, eq=False, repr=False)

    def before(self) -> list[str]:
        """The words of the clause before the trigger (within the look-back), lowercased."""
        start = max(self.clause.start, self.start - _LOOK_BACK)
        return [w.casefold() for w in _WORD.findall(self.text, start, self.start)]

    def near(self) -> tuple[str, ...]:
        """The words of the phrase before the trigger: since the last comma or bracket."""
        if not self._near:
            start = max(self.clause.start, self.start - _LOOK_BACK)
            head = self.text[start : self.start]
            cut = max(head.rfind(mark) for mark in ',;:()"“”')
            self._near.append(tuple(w.casefold() for w in _WORD.findall(head[cut + 1 :])))
        return self._near[0]


Rule = Callable[[Candidate, _Vocabulary], bool]


def _negated(c: Candidate, lex: _Vocabulary) -> bool:
    """ "did not meet", "no talks", "without an agreement": nothing happened."""
    return any(w in lex.negation for w in c.near()[-3:])


def _unreal(c: Candidate, lex: _Vocabulary) -> bool:
    """A modal, a wish or a condition earlier in the sentence: "must withdraw", "if ... met".

    An occasion noun is unreal only with its support verb ("if they had agreed to hold a
    referendum"): a summit that someone wishes to speak at still takes place.
    """
    if c.trigger.noun and c.trigger.occasion and _support(c, lex) is None:
        return False
    start = max(c.sentence.start, c.start - _LOOK_BACK)
    return lex.irrealis.search(c.text, start, c.start) is not None


def _infinitive(c: Candidate, lex: _Vocabulary) -> bool:
    """A verb after "to" is wanted or asked for ("calling on the army to withdraw"), unless
    an aspectual verb leads it ("continued to send arms")."""
    words = c.near()
    if len(words) >= 2 and words[-1] in lex.passive:
        words = words[:-1]
    if c.trigger.noun or not words or words[-1] != lex.infinitive:
        return False
    return len(words) < 2 or words[-2] not in lex.aspectual


def _plan_item(c: Candidate, lex: _Vocabulary) -> bool:
    """A clause that opens with "first," or "third," lists a point of a plan."""
    return lex.enumerator.match(c.text, c.clause.start, c.clause.end) is not None


def _support(c: Candidate, lex: _Vocabulary) -> list[str] | None:
    """The support verb that governs a noun ("held the first round of"), and what precedes it.

    Only determiners, modifiers and "of" may stand between them, and the verb is not an
    infinitive ("to attend the meeting").
    """
    words = c.near()
    for m in reversed(list(lex.support.finditer(" ".join(words[-_SUPPORT_WORDS:])))):
        head = " ".join(words[-_SUPPORT_WORDS:])[: m.start()].split()
        between = " ".join(words[-_SUPPORT_WORDS:])[m.end() :].split()
        if any(w in lex.topic for w in between) or (head and head[-1] == lex.infinitive):
            return None
        return head
    return None


def _supported(c: Candidate, lex: _Vocabulary) -> bool:
    return _support(c, lex) is not None


def _with_party(c: Candidate, lex: _Vocabulary) -> bool:
    party = lex.object_party if c.trigger.type in lex.object_types else lex.party
    after = party.match(c.text[c.end : c.end + 12])
    if after is None:
        return False
    return bool(c.actors.within(c.end, min(c.clause.end, c.end + 60)))


def _topic(c: Candidate, lex: _Vocabulary) -> bool:
    """A noun after "in", "for", "such" ... is talked about, unless held, signed, begun."""
    if not c.trigger.noun:
        return False
    words = c.near()[-3:]
    return any(w in lex.topic for w in words) and not _supported(c, lex)


def _premodified(c: Candidate, lex: _Vocabulary) -> bool:
    """A named party or a date among the noun's modifiers: "Iraq's invasion", "the U.S.
    embassy bombing", "the Aug. 7 attack", "next week's talks"."""
    start = _noun_phrase_start(c.text, c, lex)
    if start >= c.start:
        return False
    reach = max(c.clause.start, start - _LOOK_BACK)
    if any(end > start for _, end, _ in c.actors.within(reach, c.end)):
        return True  # "President Leonid Kuchma's state visit"
    first = bisect.bisect_left(c.dates, reach, key=_date_start)
    return any(start < d.span.end <= c.start for d in c.dates[first:] if d.span.start < c.start)


def _date_start(mention: DateMention) -> int:
    return mention.span.start


def _unanchored(c: Candidate, lex: _Vocabulary) -> bool:
    """A bare noun ("aid", "negotiations") needs a support verb, a named party after it
    ("talks with Iran", "the invasion of Kuwait") or a party or a date before it."""
    if not c.trigger.noun or c.trigger.occasion:
        return False
    return not _supported(c, lex) and not _with_party(c, lex) and not _premodified(c, lex)


def _anaphoric(c: Candidate, lex: _Vocabulary) -> bool:
    """ "this meeting", or "the visit" after a visit was reported: a second mention."""
    if not c.trigger.noun:
        return False
    words = c.near()
    if (words and words[-1] in lex.anaphora) or " ".join(words[-2:]) in lex.anaphora:
        return True
    return c.trigger.lemma in c.seen and any(w in lex.definite for w in words[-3:])


_PREDICATE_REACH = 3  # words before a noun phrase where its copula may stand


def _predicate(c: Candidate, lex: _Vocabulary) -> bool:
    """A noun after "is" or "are" classifies its subject ("the talks are essentially
    US-Russia negotiations", "is the clearest demonstration of"): nothing took place;
    "there was a dinner" is an occurrence."""
    if not c.trigger.noun:
        return False
    start = _noun_phrase_start(c.text, c, lex)
    head = max(c.clause.start, start - _LOOK_BACK)
    words = [w.casefold() for w in _WORD.findall(c.text, head, start)]
    for i in range(len(words) - 1, max(-1, len(words) - 1 - _PREDICATE_REACH), -1):
        if words[i] in lex.copula:
            return not (i > 0 and words[i - 1] in lex.existential)
        if not (
            words[i] in lex.np_stops or words[i] in lex.copula_between or words[i].endswith("ly")
        ):
            return False
    return False


#: The rules that drop a trigger, by name, in the order they are tried.
REJECTIONS: dict[str, Rule] = {
    "negated": _negated,
    "unreal": _unreal,
    "infinitive": _infinitive,
    "plan item": _plan_item,
    "topic": _topic,
    "unanchored": _unanchored,
    "anaphoric": _anaphoric,
    "predicate": _predicate,
}


# --------------------------------------------------------------------------- the parts


def _clauses(text: str, sentence: Span, lex: _Vocabulary) -> list[Span]:
    """A sentence cut at semicolons and at clause-opening conjunctions."""
    out: list[Span] = []
    start = sentence.start
    for m in lex.breaks.finditer(text, sentence.start, sentence.end):
        _add_trimmed(out, text, start, m.start())
        start = m.end()
    _add_trimmed(out, text, start, sentence.end)
    return out


def _add_trimmed(out: list[Span], text: str, start: int, end: int) -> None:
    """Add ``text[start:end]`` without the spaces and ``,;:`` around it, unless empty."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end > start:
        out.append(Span.of(text, start, end))


_LABEL_WORDS = 8


def _location(
    text: str, clause: Span, dates: Sequence[DateMention], lex: _Vocabulary
) -> str | None:
    """The place written after "in" or "at" in the clause, without dates."""
    for m in lex.place.finditer(text, clause.start, clause.end):
        place = m.group("place").rstrip(".")
        if place.split()[0].rstrip(",") in lex.not_places:
            continue
        if any(d.span.start <= m.start("place") < d.span.end for d in dates):
            continue
        # a date after a particle or a comma ends the place: "Brussels on Tuesday"
        words = place.split()
        for i, word in enumerate(words[1:], start=1):
            if word.rstrip(",.") in lex.not_places:
                words = words[: i - 1] if words[i - 1].islower() else words[:i]
                break
        return " ".join(words).rstrip(",") or None
    return None


_MODIFIERS = 5  # words before a noun that its phrase may take


def _noun_phrase_start(text: str, c: Candidate, lex: _Vocabulary) -> int:
    """Where the noun phrase of a noun trigger opens: its modifiers back to a determiner,
    a preposition or a punctuation mark ("the Aug. 7 terrorist blasts" -> "Aug.")."""
    start = c.start
    words = list(_WORD.finditer(text, max(c.clause.start, c.start - 80), c.start))
    for count, m in enumerate(reversed(words)):
        word = m.group()
        if (
            count >= _MODIFIERS
            or word.casefold() in lex.np_stops
            or text[m.end() : start].strip(" -.")
            or (word.islower() and word.endswith("ed") and "-" not in word)
        ):
            break
        start = m.start()
        if word.endswith(("'s", "’s")):
            break  # a possessive opens the phrase: "Russia's 2014 invasion"
    return start


def _label_span(text: str, c: Candidate, dates: Sequence[DateMention], lex: _Vocabulary) -> Span:
    """A short phrase of the clause around the trigger."""
    if c.trigger.noun:
        start = _noun_phrase_start(text, c, lex)
        for d in dates:
            if d.span.start < start < d.span.end:
                start = d.span.start  # "next week's talks"
        end = c.end
        tail = lex.label_tail.match(text[c.end : c.clause.end])
        if tail is not None:
            end = c.end + tail.end()
        while end > c.end and text[end - 1] in ".’'":
            end -= 1
        return Span.of(text, start, end)
    end = c.end
    date_starts = {d.span.start for d in dates}
    for count, m in enumerate(_WORD.finditer(text, c.end, c.clause.end)):
        gap = text[end : m.start()]
        if count >= _LABEL_WORDS or regex.search(r"[,;:(\"“”]", gap) or m.start() in date_starts:
            break
        if m.group().casefold() in lex.label_stops:
            break
        end = m.end()
    while end > c.start and text[end - 1] == ".":
        end -= 1
    return Span.of(text, c.start, end)


def _mode(c: Candidate, lex: _Vocabulary) -> str | None:
    """The trigger's own mode, else the first mode whose cue the clause holds."""
    allowed = EVENT_MODES[c.trigger.type]
    if c.trigger.mode in allowed:
        return c.trigger.mode
    for mode, cue in lex.modes.get(c.trigger.type, ()):
        if mode in allowed and cue.search(c.text, c.clause.start, c.clause.end):
            return mode
    return None


@attrs.define
class _State:
    """What the stage remembers from sentence to sentence."""

    previous: tuple[str, ...] = ()  # actors of the sentence before
    seen: set[str] = attrs.Factory(set)  # lemmas of the events found
    last: Event | None = None  # the event found last in this paragraph
    last_lemma: str = ""
    attributive: Mapping[int, EventType] = attrs.Factory(dict)  # dates of event nouns


def _ids(mentions: Sequence[Mention], actors: ActorTable) -> list[str]:
    """The actors of the mentions, once each, in order; media report events, not take part."""
    return [
        ident
        for ident in dict.fromkeys(mention.actor for mention in mentions)
        if (actor := actors.by_id(ident)) is None or actor.kind is not ActorKind.MEDIA
    ]


def _participants(
    clause: Span, sentence: Span, actors: ActorTable, state: _State, lex: _Vocabulary
) -> list[str]:
    """The actors of the clause; a pronoun subject adds the parties it stands for."""
    found = _ids(actors.within(clause.start, clause.end), actors)
    opening = lex.clause_opener.sub("", clause.text)
    if lex.plural.match(opening):
        earlier = _ids(actors.within(sentence.start, clause.start), actors) or list(state.previous)
        found = list(dict.fromkeys([*earlier, *found]))
    elif lex.singular.match(opening):
        person = next(
            (
                ident
                for _, _, ident in reversed(
                    actors.within(max(0, clause.start - _PRONOUN_REACH), clause.start)
                )
                if (a := actors.by_id(ident)) is not None and a.kind is ActorKind.PERSON
            ),
            None,
        )
        if person is not None:
            found = list(dict.fromkeys([person, *found]))
    return found


_VERB_PRIORITY = 2
_PRONOUN_REACH = 2000  # characters back that "he" or "she" may look for a person


def _subject_of(c: Candidate, candidates: list[Candidate], lex: _Vocabulary) -> bool:
    """Whether a noun opens its clause and a verb of its own type follows: "The car bomb
    attack at the embassy killed 253 people" tells one attack, and the noun names it."""
    if not any(
        v.start > c.end and not v.trigger.noun and v.trigger.type is c.trigger.type
        for v in candidates
    ):
        return False
    start = _noun_phrase_start(c.text, c, lex)
    words = _WORD.findall(c.text, c.clause.start, start)
    return len(words) <= 1 and all(w.casefold() in lex.np_stops for w in words)


def _best(candidates: list[Candidate], lex: _Vocabulary) -> Candidate | None:
    """The trigger of highest priority, the first of equals; "began a hunger strike" is a
    verb phrase and ranks as a verb."""

    def rank(c: Candidate) -> tuple[int, int]:
        priority = c.trigger.priority
        if c.trigger.noun and (_supported(c, lex) or _subject_of(c, candidates, lex)):
            priority = max(priority, _VERB_PRIORITY)
        return priority, -c.start

    return max(candidates, key=rank, default=None)


def _candidates(
    text: str,
    sentence: Span,
    clause: Span,
    actors: ActorTable,
    dates: Sequence[DateMention],
    state: _State,
    lex: _Vocabulary,
) -> list[Candidate]:
    out = []
    seen = frozenset(state.seen)
    for m in lex.trigger_scan.finditer(text, clause.start, clause.end):
        if m.group() in lex.not_places:
            continue  # "March" is a month, not a protest march
        trigger = lex.triggers[phrase_key(m.group())]
        c = Candidate(text, sentence, clause, m.start(), m.end(), trigger, actors, seen, dates)
        if not any(rule(c, lex) for rule in REJECTIONS.values()):
            out.append(c)
        if len(out) >= _MAX_TRIGGERS:
            break
    return out


def _sentence_events(
    text: str,
    sentence: Span,
    actors: ActorTable,
    dates: Sequence[DateMention],
    state: _State,
    lex: _Vocabulary,
) -> list[Event]:
    """The events of one sentence, at most one a clause."""
    found: list[Event] = []
    for clause in _clauses(text, sentence, lex):
        best = _best(_candidates(text, sentence, clause, actors, dates, state, lex), lex)
        if best is None or (best.trigger.setting and found):
            continue
        participants = _participants(clause, sentence, actors, state, lex)
        location = _location(text, clause, dates, lex)
        if not participants and location is not None:
            participants = _ids(actors.within(sentence.start, sentence.end), actors)
        if not participants:
            continue
        label = _label_span(text, best, dates, lex)
        source, target = dyad(best, participants, lex.roles)
        event = Event(
            id="",
            type=best.trigger.type,
            mode=_mode(best, lex),
            label=label.text,
            participants=tuple(participants),
            source=source,
            target=target,
            location=location,
            date=event_date(
                text,
                _own_dates(
                    dates_near(dates, best.clause.start, best.clause.end),
                    state.attributive,
                    best,
                    label,
                    lex,
                ),
                _dated_span(text, best, label, lex),
                sentence,
                recalled=_recalled(best, label, state.attributive, lex),
            ),
            evidence=clause,
        )
        if _repeats(state, event, best.trigger.lemma):
            continue
        state.seen.add(best.trigger.lemma)
        state.last, state.last_lemma = event, best.trigger.lemma
        found.append(event)
    return found


_ATTRIBUTE_WORDS = 2  # modifiers that may stand between a date and the noun it modifies
#: A word that may stand between a date and the noun it modifies ("terrorist", "air").
_MODIFIER = regex.compile(r"[a-z][\w-]*[ ]")


def _not_modifier(word: str, lex: _Vocabulary) -> bool:
    """A past form, a support verb or a function word cannot stand among a noun's
    modifiers ("said on Monday that the attack")."""
    return (
        (word.endswith("ed") and "-" not in word)
        or word in lex.np_stops
        or word in lex.label_stops
        or lex.support.fullmatch(word) is not None
    )


def _attributive(
    text: str, dates: Sequence[DateMention], lex: _Vocabulary
) -> dict[int, EventType]:
    """The date mentions that modify an event noun ("the August 7 bombings", "the Aug. 7
    terrorist blasts"), by start, with the type of that noun: each dates its own noun, and
    no other event (but a later "the blasts" recalls it)."""
    found: dict[int, EventType] = {}
    for d in dates:
        at = d.span.end + 1
        if text[d.span.end : at] != " ":
            continue
        for _ in range(_ATTRIBUTE_WORDS + 1):
            m = lex.pattern.match(text, at)
            trigger = None if m is None else lex.triggers[phrase_key(m.group())]
            if trigger is not None and trigger.noun:
                found[d.span.start] = trigger.type
                break
            word = _MODIFIER.match(text, at)
            if word is None or _not_modifier(word.group().rstrip(), lex):
                break  # "forces Thursday launched missile strikes": the date is the verb's
            at = word.end()
    return found


def _own_dates(
    dates: Sequence[DateMention],
    attributive: Mapping[int, EventType],
    c: Candidate,
    label: Span,
    lex: _Vocabulary,
) -> Sequence[DateMention]:
    """The mentions an event may take its date from: all but those that modify another
    event's noun. Its own noun's, and for a verb its object's ("signed the June 2019
    accord"), stay."""
    start, end = min(label.start, c.start), max(label.end, c.end)

    def own(d: DateMention) -> bool:
        if start <= d.span.start < end:
            return True
        if c.trigger.noun or d.span.start < c.end:
            return False
        # at most one word more than may stand between: the scan stops there, however far
        # the date is (reading to every later date of the text was quadratic)
        between = islice(_WORD.finditer(c.text, c.end, d.span.start), _ATTRIBUTE_WORDS + 1)
        words = [w.group() for w in between]
        return len(words) <= _ATTRIBUTE_WORDS and all(w.casefold() in lex.np_stops for w in words)

    return [d for d in dates if d.span.start not in attributive or own(d)]


def _recalled(
    c: Candidate, label: Span, attributive: Mapping[int, EventType], lex: _Vocabulary
) -> DateValue | None:
    """The date of the event a definite noun points back to: "the blasts" after "the Aug. 7
    bombings" is the same attack, whatever day the paragraph tells."""
    if not c.trigger.noun:
        return None
    words = [w.casefold() for w in _WORD.findall(c.text, max(0, label.start - 12), label.start)]
    if not words or words[-1] not in lex.definite:
        return None
    for d in reversed(c.dates[: bisect.bisect_left(c.dates, label.start, key=_date_start)]):
        if attributive.get(d.span.start) is c.trigger.type and isinstance(d.date, DateValue):
            return d.date
    return None


def _dated_span(text: str, c: Candidate, label: Span, lex: _Vocabulary) -> Span:
    """Where an event's own date is written: from its noun phrase (or verb) to the end of
    its clause, short of a relative clause that tells another event ("agreed to set up a
    panel to investigate who shot down the plane on April 6, 1994")."""
    start = min(label.start, c.start)
    cut = lex.relative.search(text, max(label.end, c.end), c.clause.end)
    return Span.of(text, start, cut.start() if cut is not None else c.clause.end)


def _repeats(state: _State, event: Event, lemma: str) -> bool:
    """Whether the event repeats the last one: the same parties doing the same thing
    ("They also discussed ...")."""
    last = state.last
    return (
        last is not None
        and lemma == state.last_lemma
        and last.type is event.type
        and bool(set(event.participants) & set(last.participants))
    )


# --------------------------------------------------------------------------- the stage


def find_events(
    text: str,
    article: Article,
    actors: ActorTable,
    dates: Sequence[DateMention] = (),
    segments: Segments | None = None,
    *,
    lexicon: Lexicon | None = None,
) -> tuple[Event, ...]:
    """Find the events that the body and the captions of an article report.

    Args:
        text: The article text.
        article: Its envelope; body paragraphs and captions are read.
        actors: The actors found in it (participants are their ids).
        dates: The date mentions found in it, to date each event.
        segments: Its sentences (split here when not given).
        lexicon: The vocabulary to read events with; None for the packaged one.

    Returns:
        The events, in text order, with ids ``e1``, ``e2``, ...; each names at least one
        actor, and its evidence is its clause.
    """
    if segments is None:
        segments = find_segments(text, article)
    lex = _vocabulary(lexicon or Lexicon.packaged())
    state = _State(attributive=_attributive(text, dates, lex))
    events: list[Event] = []
    for block, sentences in zip(article.blocks, segments.sentences, strict=True):
        if block.role not in EVENT_ROLES:
            continue
        state.last, state.previous = None, ()
        for sentence in sentences:
            if len(sentence.text) > _MAX_SENTENCE or sentence.text.rstrip("”\"' ").endswith("?"):
                continue
            for event in _sentence_events(text, sentence, actors, dates, state, lex):
                events.append(attrs.evolve(event, id=f"e{len(events) + 1}"))
            state.previous = tuple(_ids(actors.within(sentence.start, sentence.end), actors))
    return tuple(events)
