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


#: Words that may stand between a verb and its object, or a subject and its verb.
_LINKS = _set(
    "the a an on against to with of in at into for upon its their his her by from "
    "'s ’s s two three four five six several some many dozens hundreds"
)
_PASSIVE = _set("was were been being is are be")
_ADVERBS = _set("also reportedly allegedly again then later already repeatedly")
_AUXILIARIES = _set("had has have will would could may might shall should can")
_COORDINATED = regex.compile(r"\s*(?:,|and|&|,\s*and|together with|along with)\s*")
_BETWEEN = regex.compile(r"\bbetween\b", regex.IGNORECASE)
_REVERSED = frozenset({"host", "welcome"})  # "X hosted Y": Y visits, X hosts
_DIRECTED_CONSULT = frozenset({"visit", "phone"})


def _undirected(c: Candidate) -> bool:
    trigger = c.trigger
    if trigger.type is EventType.CONSULT and trigger.mode not in _DIRECTED_CONSULT:
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
    """ "Russia and Ukraine agreed": two parties act together, in no direction."""
    if not before:
        return False
    last = before[-1]
    for earlier in reversed(before[:-1]):
        if earlier.actor != last.actor:
            return _COORDINATED.fullmatch(c.text[earlier.end : last.start]) is not None
    return False


def _subject(c: Candidate, before: list[Mention], participants: Sequence[str]) -> str | None:
    """The actor named just before the trigger, or the one a pronoun subject stands for."""
    if not before:
        in_clause = {m.actor for m in c.actors.within(c.clause.start, c.clause.end)}
        unnamed = [p for p in participants if p not in in_clause]
        return unnamed[0] if len(unnamed) == 1 and not c.trigger.noun else None
    last = before[-1]
    gap = c.text[last.end : c.start]
    allowed = _LINKS | _PASSIVE | _ADVERBS | _AUXILIARIES | _SUPPORT_VERBS
    if not _linked(gap, allowed=allowed):
        return None
    return last.actor


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
