"""What the actor stage hands to later stages: the actors and where each is mentioned."""

from __future__ import annotations

import bisect
from typing import NamedTuple

import attrs

from communique.model import Actor


class Mention(NamedTuple):
    """One mention of an actor: ``text[start:end]`` names the actor ``actor`` (its id).

    Mentions order by position, so a sorted tuple of them can be searched with bisect.
    """

    start: int
    end: int
    actor: str


@attrs.frozen
class ActorTable:
    """The actors of a document and where each is mentioned."""

    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]  # by start
    index: dict[str, Actor] = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(lambda self: {a.id: a for a in self.actors}, takes_self=True),
    )

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions that lie inside ``[start, end)``, in text order."""
        i = bisect.bisect_left(self.mentions, (start, -1, ""))
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def by_id(self, actor_id: str) -> Actor | None:
        """The actor with this id."""
        return self.index.get(actor_id)
