"""Actors: the people, states, organizations and media outlets that an article names.

:func:`find_actors` runs small finder rules (registered in :data:`FINDERS`) over the
article's own blocks, keeps the longest non-overlapping candidates, and merges the
mentions of one referent into one :class:`~communique.model.Actor`: a surname with its
full name, spelling variants of one name (edit distance), a capital with its state.
:func:`load_actor_dictionary` reads a user dictionary that is consulted before the rules.

The stage is in rooms of one job each: the vocabulary a Lexicon gives
(:mod:`~communique.parser.actor_vocabulary`, its demonym-led scans in
:mod:`~communique.parser.actor_scans`), what a rule proposes
(:mod:`~communique.parser.actor_candidates`), the rules
(:mod:`~communique.parser.actor_finders`, :mod:`~communique.parser.actor_names`), and the
merging (:mod:`~communique.parser.actor_merging`).
"""

from __future__ import annotations

import datetime as dt

from communique.lexicon import Lexicon
from communique.parser.actor_candidates import Candidate, Context
from communique.parser.actor_dictionary import (
    ActorDictionary,
    ActorDictionaryError,
    DictionaryEntry,
    Office,
    load_actor_dictionary,
)
from communique.parser.actor_finders import FINDERS
from communique.parser.actor_merging import (
    ACTOR_ROLES,
    cluster,
    edit_distance,
    non_overlapping,
    only_locates,
    repeated_mentions,
    same_name,
    surname_mentions,
    table,
    team_mentions,
    with_nearby_countries,
    with_regnal_names,
)
from communique.parser.actor_table import ActorTable
from communique.parser.actor_vocabulary import vocabulary
from communique.parser.article import Article

__all__ = [
    "ACTOR_ROLES",
    "FINDERS",
    "ActorDictionary",
    "ActorDictionaryError",
    "ActorTable",
    "Candidate",
    "DictionaryEntry",
    "Office",
    "edit_distance",
    "find_actors",
    "load_actor_dictionary",
    "same_name",
]


def find_actors(
    text: str,
    article: Article,
    *,
    published: dt.date | None = None,
    dictionary: ActorDictionary | None = None,
    lexicon: Lexicon | None = None,
) -> ActorTable:
    """Find the actors that ``text`` names, one per referent, with all their mentions.

    Args:
        text: The article text.
        article: Its envelope (only body, caption, heading and title blocks are read).
        published: The publication date; a dictionary role holds only within its dates.
        dictionary: A user actor dictionary, consulted before the built-in rules.
        lexicon: The vocabulary to read; the packaged one by default.

    Returns:
        The actors and their mentions.
    """
    v = vocabulary(lexicon or Lexicon.packaged())
    ctx = Context(
        text=text,
        published=published,
        dictionary=dictionary or ActorDictionary(),
        vocab=v,
        roles={block.span.start: block.role for block in article.blocks},
    )
    candidates: list[Candidate] = []
    for block in article.blocks:
        if block.role in ACTOR_ROLES:
            for finder in FINDERS:
                candidates.extend(finder(ctx, block.span))
    chosen = non_overlapping(candidates)
    clusters = cluster(v, text, chosen)
    clusters = surname_mentions(v, text, article, clusters, [(c.start, c.end) for c in chosen])
    clusters = repeated_mentions(text, article, clusters)
    clusters = [c for c in clusters if not only_locates(v, text, c)]
    clusters = with_nearby_countries(v, text, article, clusters)
    clusters = with_regnal_names(v, text, clusters)
    return table(team_mentions(v, text, clusters))
