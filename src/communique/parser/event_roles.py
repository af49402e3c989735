"""Event dyads: who acts (source) on whom (target), when the clause gives a direction.

The subject of the trigger acts on its object: "Russia attacked Ukraine", "Clinton urged
Arafat to ...", "Iraq's invasion of Kuwait". A passive turns them round ("Kuwait was
invaded by Iraq"), and "X hosted Y" makes the guest the actor (PLOVER's visit mode: the
actor visits, the recipient hosts). Meetings, talks and negotiations have no direction,
nor has anything whose parties are coordinated ("Russia and Ukraine agreed", "talks between
X and Y"): their actors are participants only.

The words these rules read are the ``[roles]`` section of the ``events`` lexicon table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs
import regex

from communique.lexicon import Lexicon, alternation, derived
from communique.model import EventType

if TYPE_CHECKING:
    from communique.parser.actor_table import Mention
    from communique.parser.events import Candidate

_WORD = regex.compile(r"[\w'’-]+")
_BREAK = regex.compile(r"[,;:()\"“”]")  # a clause break between two words
_PRONOUN_REACH = 4  # words from the clause's start to a verb whose subject is a pronoun
_SUBJECT_WORDS = 6  # words between two parties of one coordinated subject, at most
_NOUN_MODIFIERS = 3  # words after a possessive, before its event noun
_SUPPORTED_WORDS = 6  # words from a support verb to its event noun, auxiliaries included


@attrs.frozen
class RoleWords:
    """The ``roles`` section of the ``events`` table, compiled (see ``events.toml``)."""

    links: frozenset[str]
    passive: frozenset[str]
    #: what may end the words before a passive verb: a passive auxiliary or an adverb
    passive_end: frozenset[str]
    #: what may stand between a subject and its verb
    before_verb: frozenset[str]
    #: what may stand between a subject and a support verb
    before_support: frozenset[str]
    possessive: frozenset[str]
    agent: frozenset[str]
    support_verbs: frozenset[str]
    coordination: regex.Pattern[str]
    mutual: regex.Pattern[str]
    meals: regex.Pattern[str]
    directed_consult: frozenset[str]
    reversed: frozenset[str]


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def _phrases(phrases: Iterable[str]) -> regex.Pattern[str]:
    """Any of ``phrases`` as whole words, case-insensitively ("and", "together with"); a
    phrase that starts or ends with a symbol ("&") is not bounded on that side."""

    def edge(char: str) -> str:
        return r"\b" if regex.match(r"\w", char) else ""

    return regex.compile(
        "|".join(f"{edge(p[0])}(?:{alternation([p])}){edge(p[-1])}" for p in phrases),
        regex.IGNORECASE,
    )


@derived
def role_words(lexicon: Lexicon) -> RoleWords:
    """The ``roles`` section of ``lexicon``'s ``events`` table, compiled (once per Lexicon)."""
    roles = lexicon["events"]["roles"]
    passive, adverbs = _folded(roles["passive"]), _folded(roles["adverbs"])
    auxiliaries, gap = _folded(roles["auxiliaries"]), _folded(roles["subject_verb_gap"])
    return RoleWords(
        links=_folded(roles["links"]),
        passive=passive,
        passive_end=passive | adverbs,
        before_verb=auxiliaries | passive | adverbs | gap,
        before_support=auxiliaries | adverbs | gap,
        possessive=_folded(roles["possessive"]),
        agent=_folded(roles["agent"]),
        support_verbs=_folded(roles["support_verbs"]),
        coordination=_phrases(roles["coordination"]),
        mutual=_phrases(roles["mutual"]),
        meals=regex.compile(alternation(roles["meals"]), regex.IGNORECASE),
        directed_consult=frozenset(roles["directed_consult"]),
        reversed=frozenset(roles["reversed"]),
    )


def dyad(
    c: Candidate, participants: Sequence[str], roles: RoleWords
) -> tuple[str | None, str | None]:
    """The source and target of the event ``c`` triggers, each among ``participants``."""
    if _undirected(c, roles) or not participants:
        return None, None
    clause = c.actors.within(c.clause.start, c.clause.end)
    mentions = [m for m in clause if m.actor in participants]
    before = [m for m in mentions if m.end <= c.start]
    after = [m for m in mentions if m.start >= c.end]
    if _coordinated(c, before, roles):
        return None, None
    subject = _subject(c, before, participants, roles)
    if _passive(c, before, roles):
        source, target = _object(c, after, roles, exclude=subject, by_agent=True), subject
    else:
        source, target = subject, _object(c, after, roles, exclude=subject)
    if c.trigger.lemma in roles.reversed:
        source, target = target, source
    return source, (target if target != source else None)


def _undirected(c: Candidate, roles: RoleWords) -> bool:
    trigger = c.trigger
    if trigger.type is EventType.CONSULT and trigger.mode not in roles.directed_consult:
        return True
    if roles.meals.search(c.text, c.start, c.end):
        return True
    return roles.mutual.search(c.text, c.clause.start, c.clause.end) is not None


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _passive(c: Candidate, before: list[Mention], roles: RoleWords) -> bool:
    """ "was attacked", "were reportedly expelled": the subject is acted on."""
    words = _words(c.text[before[-1].end : c.start]) if before else []
    return bool(words) and words[-1] in roles.passive_end and bool(roles.passive & set(words))


def _coordinated(c: Candidate, before: list[Mention], roles: RoleWords) -> bool:
    """ "Russia and Ukraine agreed", "Kuchma of Ukraine and Yeltsin of Russia signed": the
    parties of one subject act together, in no direction."""
    for later, earlier in zip(reversed(before), reversed(before[:-1]), strict=False):
        gap = c.text[earlier.end : later.start]
        words = _words(gap)
        if len(words) > _SUBJECT_WORDS or ";" in gap:
            return False
        if earlier.actor != later.actor and roles.coordination.search(gap):
            return True
    return False


def _subject(
    c: Candidate, before: list[Mention], participants: Sequence[str], roles: RoleWords
) -> str | None:
    """The actor named just before the trigger, or the one a pronoun subject stands for."""
    if not before:
        if c.trigger.noun or len(_words(c.text[c.clause.start : c.start])) > _PRONOUN_REACH:
            return None
        in_clause = {m.actor for m in c.actors.within(c.clause.start, c.clause.end)}
        unnamed = [p for p in participants if p not in in_clause]
        return unnamed[0] if len(unnamed) == 1 else None
    last = before[-1]
    gap = c.text[last.end : c.start]
    if _BREAK.search(gap):
        return None
    words = [w for w in _WORD.findall(gap) if not w[0].isupper()]
    folded = [w.casefold() for w in words]
    if not c.trigger.noun:
        return last.actor if all(w in roles.before_verb for w in folded) else None
    if not folded or (folded[0] in roles.possessive and len(folded) <= _NOUN_MODIFIERS):
        return last.actor  # "U.S. military buildup", "Iraq's invasion"
    verbs = [w for w in folded if w not in roles.before_support]
    if verbs and verbs[0] in roles.support_verbs and len(folded) <= _SUPPORTED_WORDS:
        return last.actor  # "Hun Sen staged a successful coup", "made his first visit"
    return None


def _object(
    c: Candidate,
    after: list[Mention],
    roles: RoleWords,
    *,
    exclude: str | None,
    by_agent: bool = False,
) -> str | None:
    """The first actor after the trigger with only small words (or names and titles, no
    clause break) between; after an ``agent`` word ("by") when ``by_agent``."""
    for mention in after:
        gap = c.text[c.end : mention.start]
        if _BREAK.search(gap):
            return None
        words = _WORD.findall(gap)
        if not all(w.casefold() in roles.links or w[0].isupper() for w in words):
            return None
        if mention.actor == exclude:
            continue
        if by_agent and roles.agent.isdisjoint(w.casefold() for w in words):
            continue
        return mention.actor
    return None
