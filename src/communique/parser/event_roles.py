"""Event dyads: who acts (source) on whom (target), when the clause gives a direction.

The subject of the trigger acts on its object: "Russia attacked Ukraine", "Clinton urged
Arafat to ...", "Iraq's invasion of Kuwait". A passive turns them round ("Kuwait was
invaded by Iraq"), and "X hosted Y" makes the guest the actor (PLOVER's visit mode: the
actor visits, the recipient hosts). Meetings, talks and negotiations have no direction,
nor has anything whose parties are coordinated ("Russia and Ukraine agreed", "talks between
X and Y"): their actors are participants only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from communique.model import EventType

if TYPE_CHECKING:
    from communique.parser.actor_table import Mention
    from communique.parser.events import Candidate

_WORD = regex.compile(r"[\w'’-]+")


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Words that may stand between a trigger and its object ("in" names a place, not a target).
_LINKS = _set(
    "the a an on against to with of at into for upon its their his her by from "
    "'s ’s s two three four five six several some many dozens hundreds"
)
_PASSIVE = _set("was were been being is are be")
_ADVERBS = _set("also reportedly allegedly again then later already repeatedly")
_AUXILIARIES = _set("had has have will would could may might shall should can")
#: Words of time and manner between a subject and its verb ("Iraq on Monday formally ...").
_BETWEEN_SUBJECT_AND_VERB = _set(
    "on last this early late earlier today yesterday tonight formally jointly officially "
    "finally first then also"
)
_POSSESSIVE = _set("'s ’s s")
_SHARED_MEALS = regex.compile(r"lunch|dinner|dined", regex.IGNORECASE)  # "had lunch with"
_PRONOUN_REACH = 4  # words from the clause's start to a verb whose subject is a pronoun
_COORDINATION = regex.compile(r"\band\b|&|\btogether with\b|\balong with\b", regex.IGNORECASE)
_SUBJECT_WORDS = 6  # words between two parties of one coordinated subject, at most
_BETWEEN = regex.compile(r"\bbetween\b", regex.IGNORECASE)
_REVERSED = frozenset({"host", "welcome"})  # "X hosted Y": Y visits, X hosts
_DIRECTED_CONSULT = frozenset({"visit", "phone"})


def _undirected(c: Candidate) -> bool:
    trigger = c.trigger
    if trigger.type is EventType.CONSULT and trigger.mode not in _DIRECTED_CONSULT:
        return True
    if _SHARED_MEALS.search(c.text, c.start, c.end):
        return True
    return _BETWEEN.search(c.text, c.clause.start, c.clause.end) is not None


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _linked(gap: str, *, allowed: frozenset[str] = _LINKS) -> bool:
    """Whether only small words or names and titles (no clause break) stand in ``gap``."""
    if regex.search(r"[,;:()\"“”]", gap):
        return False
    return all(w.casefold() in allowed or w[0].isupper() for w in _WORD.findall(gap))


def dyad(c: Candidate, participants: Sequence[str]) -> tuple[str | None, str | None]:
    """The source and target of the event ``c`` triggers, each among ``participants``."""
    if _undirected(c) or not participants:
        return None, None
    clause = c.actors.within(c.clause.start, c.clause.end)
    mentions = [m for m in clause if m.actor in participants]
    before = [m for m in mentions if m.end <= c.start]
    after = [m for m in mentions if m.start >= c.end]
    if _coordinated(c, before):
        return None, None
    subject = _subject(c, before, participants)
    if _passive(c, before):
        source, target = _object(c, after, exclude=subject, after_by=True), subject
    else:
        source, target = subject, _object(c, after, exclude=subject)
    if c.trigger.lemma in _REVERSED:
        source, target = target, source
    return source, (target if target != source else None)


def _passive(c: Candidate, before: list[Mention]) -> bool:
    """ "was attacked", "were reportedly expelled": the subject is acted on."""
    words = _words(c.text[before[-1].end : c.start]) if before else []
    return bool(words) and words[-1] in _PASSIVE | _ADVERBS and bool(_PASSIVE & set(words))


def _coordinated(c: Candidate, before: list[Mention]) -> bool:
    """ "Russia and Ukraine agreed", "Kuchma of Ukraine and Yeltsin of Russia signed": the
    parties of one subject act together, in no direction."""
    for later, earlier in zip(reversed(before), reversed(before[:-1]), strict=False):
        gap = c.text[earlier.end : later.start]
        words = _words(gap)
        if len(words) > _SUBJECT_WORDS or ";" in gap:
            return False
        if earlier.actor != later.actor and _COORDINATION.search(gap):
            return True
    return False


def _subject(c: Candidate, before: list[Mention], participants: Sequence[str]) -> str | None:
    """The actor named just before the trigger, or the one a pronoun subject stands for."""
    if not before:
        if c.trigger.noun or len(_words(c.text[c.clause.start : c.start])) > _PRONOUN_REACH:
            return None
        in_clause = {m.actor for m in c.actors.within(c.clause.start, c.clause.end)}
        unnamed = [p for p in participants if p not in in_clause]
        return unnamed[0] if len(unnamed) == 1 else None
    last = before[-1]
    gap = c.text[last.end : c.start]
    if regex.search(r"[,;:()\"“”]", gap):
        return None
    words = [w for w in _WORD.findall(gap) if not w[0].isupper()]
    folded = [w.casefold() for w in words]
    if not c.trigger.noun:
        allowed = _AUXILIARIES | _PASSIVE | _ADVERBS | _BETWEEN_SUBJECT_AND_VERB
        return last.actor if all(w in allowed for w in folded) else None
    if not folded or (folded[0] in _POSSESSIVE and len(folded) <= _NOUN_MODIFIERS):
        return last.actor  # "U.S. military buildup", "Iraq's invasion"
    verbs = [w for w in folded if w not in _AUXILIARIES | _ADVERBS | _BETWEEN_SUBJECT_AND_VERB]
    if verbs and verbs[0] in _SUPPORT_VERBS and len(folded) <= _SUPPORTED_WORDS:
        return last.actor  # "Hun Sen staged a successful coup", "made his first visit"
    return None


_NOUN_MODIFIERS = 3  # words after a possessive, before its event noun
_SUPPORTED_WORDS = 6  # words from a support verb to its event noun, auxiliaries included


#: Verbs that carry an event noun ("launched an attack", "imposed sanctions").
_SUPPORT_VERBS = _set(
    "launched launch launches carried carry out staged held holds hold imposed imposes "
    "impose made make makes began begin begins mounted"
)


def _object(
    c: Candidate, after: list[Mention], *, exclude: str | None, after_by: bool = False
) -> str | None:
    """The first actor after the trigger with only small words between (after "by")."""
    for mention in after:
        gap = c.text[c.end : mention.start]
        if not _linked(gap):
            return None
        if mention.actor == exclude:
            continue
        if after_by and "by" not in _words(gap):
            continue
        return mention.actor
    return None
