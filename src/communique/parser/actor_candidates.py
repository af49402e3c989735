"""What an actor finder rule reads (a :class:`Context`) and proposes (a :class:`Candidate`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs

from communique.model import ActorKind, Identifier, Span
from communique.parser.actor_dictionary import ActorDictionary
from communique.parser.actor_vocabulary import Vocabulary, fold
from communique.parser.article import Role

__all__ = ["Candidate", "Context", "Finder"]


@attrs.frozen(kw_only=True)
class Candidate:
    """A mention that a finder rule proposes, and what it says about its actor.

    Candidates of one ``key`` are one actor; rules build them with :meth:`of`.
    """

    start: int
    end: int
    kind: ActorKind
    key: str
    name: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    priority: int = 0
    identifiers: tuple[Identifier, ...] = ()

    @classmethod
    def of(
        cls,
        kind: ActorKind,
        span: tuple[int, int],
        name: str,
        *,
        key: str | None = None,
        country: str | None = None,
        sector: str | None = None,
        title: str | None = None,
        priority: int = 0,
        identifiers: tuple[Identifier, ...] = (),
    ) -> Candidate:
        """A candidate of ``kind`` named ``name`` at ``text[start:end]``.

        Args:
            kind: What the actor is.
            span: Where the mention starts and ends.
            name: The actor's name as the rule gives it.
            key: What joins candidates into one actor; by default the kind and the name
                (``person:Name``, ``media:Name``, ``org:`` and the folded name) or, for a
                state, its country code (``state:RUS``).
            country: The actor's country code, if the rule tells it.
            sector: Its sector code, if the rule tells it.
            title: A person's office, if the rule tells it.
            priority: Which of overlapping candidates of one length wins (higher first).
            identifiers: Identifiers of the actor in other schemes.
        """
        start, end = span
        if key is None:
            key = _default_key(kind, name, country)
        return cls(
            start=start,
            end=end,
            kind=kind,
            key=key,
            name=name,
            country=country,
            sector=sector,
            title=title,
            priority=priority,
            identifiers=identifiers,
        )


def _default_key(kind: ActorKind, name: str, country: str | None) -> str:
    if kind is ActorKind.STATE:
        return f"state:{country}"
    if kind is ActorKind.ORGANIZATION:
        return f"org:{fold(name)}"
    return f"{'media' if kind is ActorKind.MEDIA else 'person'}:{name}"


@attrs.frozen(kw_only=True)
class Context:
    """What every finder rule reads besides the block it is given."""

    text: str
    published: dt.date | None
    dictionary: ActorDictionary
    vocab: Vocabulary
    roles: dict[int, Role] = attrs.field(factory=dict)  # block start -> its role


#: A finder rule: the candidates it proposes in one block of the text.
Finder = Callable[[Context, Span], list[Candidate]]
