"""Merging the chosen candidates into actors: one per referent, with all its mentions.

A surname joins its full name, spelling variants of one name join (edit distance), a
person's campaign or administration becomes an organization or the state, and later
mentions of a name found once are added; :func:`table` writes the actors out.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence

import attrs
import regex

from communique.model import Actor, ActorKind, Identifier, Span
from communique.parser.actor_candidates import Candidate
from communique.parser.actor_table import ActorTable, Mention
from communique.parser.actor_vocabulary import NAME_END, NAME_START, Vocabulary, fold, spaced
from communique.parser.anchored import KEY, word_index
from communique.parser.article import Article, Role

__all__ = [
    "ACTOR_ROLES",
    "Cluster",
    "cluster",
    "edit_distance",
    "non_overlapping",
    "only_locates",
    "repeated_mentions",
    "same_name",
    "surname_mentions",
    "table",
    "team_mentions",
    "with_nearby_countries",
]

#: The block roles whose text can name actors (captions do; related links do not).
ACTOR_ROLES = frozenset({Role.BODY, Role.CAPTION, Role.HEADING, Role.TITLE})

_RECENT_CLUSTERS = 200  # a name refers back to one of the last few hundred actors
_NEARBY_WINDOW = 300  # how far back a person's country may be named
_CAPITALISED = regex.compile(rf"{NAME_START}\p{{Lu}}[\p{{L}}'’-]+(?<!['’]s){NAME_END}")
_NOT_SLUG = regex.compile(r"[^a-z0-9]+")


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance between ``a`` and ``b``, or ``limit`` when it is that or more."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) >= limit:
            return limit
        previous = current
    return min(previous[-1], limit)


@functools.lru_cache(maxsize=1 << 16)  # a long text asks of the same pairs again and again
def same_name(a: str, b: str) -> bool:
    """Whether two written names are one name spelt two ways (one edit per 6 letters)."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    shortest = min(len(fa), len(fb))
    if shortest < 5 or fa[0] != fb[0]:
        return False
    allowed = shortest // 6
    if abs(len(fa) - len(fb)) > allowed:
        return False  # each edit changes the length by one at most
    if allowed == 1:  # names under 12 letters, most of them: one edit is found in a pass
        return _one_edit_apart(fa, fb)
    return edit_distance(fa, fb, limit=allowed + 1) <= allowed


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether two different strings, at most one letter apart in length, differ by one
    substitution, insertion or deletion."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


@attrs.define
class Cluster:
    """One actor as it is being merged: its names, mentions and what is known of it."""

    key: str
    kind: ActorKind
    names: list[str]
    mentions: list[Span]
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    identifiers: tuple[Identifier, ...] = ()
    starts: list[int] = attrs.field(factory=list)  # mention starts, sorted
    courtesy: str | None = None  # "Mr." or "Mrs." as the article addresses the person

    def add(self, span: Span) -> None:
        self.mentions.append(span)
        bisect.insort(self.starts, span.start)

    def drop(self, span: Span) -> None:
        self.mentions.remove(span)
        self.starts.remove(span.start)

    def tokens(self, particles: frozenset[str]) -> list[str]:
        """The words of its names that can stand alone for it (not a first name)."""
        out: list[str] = []
        for name in self.names:
            out.extend(_standalone_words(name, particles))
        return out


@functools.lru_cache(maxsize=1 << 14)  # asked for each person at each later name
def _words_of(name: str) -> tuple[str, ...]:
    """The words of a name."""
    return tuple(name.split())


@functools.lru_cache(maxsize=1 << 14)
def _standalone_words(name: str, particles: frozenset[str]) -> tuple[str, ...]:
    """The words of a name that can stand alone for its bearer: all but the first name."""
    words = [t for t in name.split() if t.casefold() not in particles]
    return tuple(words[1:] if len(words) > 1 else words)


def non_overlapping(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates to keep, in text order: dictionary ones, then longest, then by rank."""
    ranked = sorted(
        candidates, key=lambda c: (-(c.priority >= 9), -(c.end - c.start), -c.priority, c.start)
    )
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in ranked:
        i = bisect.bisect_left(taken, (c.start, c.start))
        clash = (i > 0 and taken[i - 1][1] > c.start) or (i < len(taken) and taken[i][0] < c.end)
        if not clash:
            taken.insert(i, (c.start, c.end))
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def cluster(v: Vocabulary, text: str, chosen: Sequence[Candidate]) -> list[Cluster]:
    """The chosen candidates merged by key, by full name and by surname (lone names last)."""
    clusters: list[Cluster] = []
    by_key: dict[str, Cluster] = {}
    # the organizations by the first letter of their first name, in order: two names are
    # one only if they open with one letter (same_name)
    organizations: dict[str, list[Cluster]] = {}
    ordered = sorted(chosen, key=lambda c: c.kind is ActorKind.PERSON and " " not in c.name)
    for c in ordered:
        span = Span.of(text, c.start, c.end)
        single = c.kind is ActorKind.PERSON and " " not in c.name
        found = None if single else by_key.get(c.key)  # a surname: each time, whose it is
        if found is None and c.kind is ActorKind.PERSON:
            found = _person_cluster(v, clusters, c, text)
        if found is None and c.kind is ActorKind.ORGANIZATION and c.key.startswith("org:"):
            found = next(
                (
                    k
                    for k in organizations.get(fold(c.name)[:1], ())
                    if same_name(k.names[0], c.name)
                ),
                None,
            ) or _prefixed_organization(clusters, c)
        if found is None:
            found = Cluster(
                c.key, c.kind, [c.name], [], c.title, c.country, c.sector, c.identifiers
            )
            if c.kind is ActorKind.PERSON:
                found.courtesy = v.courtesy(text, c.start)
            if c.kind is ActorKind.ORGANIZATION:
                organizations.setdefault(fold(c.name)[:1], []).append(found)
            clusters.append(found)
        by_key[c.key] = found
        found.add(span)
        if c.name not in found.names:
            found.names.append(c.name)
        found.title = found.title or c.title
        found.country = found.country or c.country
        found.sector = found.sector or c.sector
    return clusters


def _prefixed_organization(clusters: Sequence[Cluster], c: Candidate) -> Cluster | None:
    """'the Foreign Ministry' after 'the Soviet Foreign Ministry' (or before it): one body.

    Of the organizations whose name is the other's with a national prefix, the latest.
    """

    def prefixed(longer: str, shorter: str) -> bool:
        head = longer.rpartition(" " + shorter[:1])[0]
        return bool(head) and same_name(fold(longer[len(head) + 1 :]), fold(shorter))

    return next(
        (
            k
            for k in reversed(clusters)
            if k.kind is ActorKind.ORGANIZATION
            and (
                (prefixed(k.names[0], c.name) and c.country in (None, k.country))
                or (k.country is None and prefixed(c.name, k.names[0]))
            )
        ),
        None,
    )


def _person_cluster(
    v: Vocabulary, clusters: list[Cluster], candidate: Candidate, text: str
) -> Cluster | None:
    """The person of the clusters so far that ``candidate`` names again, if any."""
    tokens = [t for t in candidate.name.split() if t.casefold() not in v.particles]
    if not tokens:
        return None  # a name of particles only ("Al") names no one again
    persons = [c for c in clusters[-_RECENT_CLUSTERS:] if c.kind is ActorKind.PERSON]
    if len(tokens) == 1:
        same = [
            c
            for c in persons
            if not (candidate.country and c.country and candidate.country != c.country)
            and any(same_name(tokens[0], k) for k in c.tokens(v.particles))
            and _same_office(v, candidate.title, c.title)
        ]
        courtesy = v.courtesy(text, candidate.start)
        if courtesy is not None:  # "Mr. Clinton" is not the one addressed as "Mrs. Clinton"
            same = [c for c in same if c.courtesy in (None, courtesy)]
        titled = [c for c in same if candidate.title and c.title]
        return _most_mentioned(titled or same, candidate.start)  # "Senator Cruz": Ted, not Heidi
    for person in reversed(persons):
        if candidate.country and person.country and candidate.country != person.country:
            continue
        full = [words for words in map(_words_of, person.names) if len(words) >= 2]
        for other in full:
            if same_name(tokens[-1], other[-1]) and (
                same_name(tokens[0], other[0])
                or set(tokens) <= set(other)
                or set(other) <= set(tokens)
            ):
                return person
        if all(len(_words_of(n)) == 1 for n in person.names) and any(
            same_name(tokens[-1], n) for n in person.names
        ):
            return person
    return None


def _same_office(v: Vocabulary, a: str | None, b: str | None) -> bool:
    """Whether two titles can be one person's: either is missing, or one holds the other."""
    if a is None or b is None:
        return True
    x, y = v.spelled_out(a), v.spelled_out(b)
    return x in y or y in x


def _most_mentioned(clusters: Sequence[Cluster], position: int) -> Cluster | None:
    """Of the people a surname fits, the one mentioned most before it, then the latest.

    Style guides give a second person of the same surname a first name ("Heidi Cruz",
    then "Heidi"), so a bare "Cruz" stays with the person the article is about.
    """
    best, best_key = None, (0, -1)
    for c in clusters:
        count = bisect.bisect_left(c.starts, position)
        key = (count, c.starts[count - 1] if count else -1)
        if key > best_key:
            best, best_key = c, key
    return best or (clusters[0] if clusters else None)


def surname_mentions(
    v: Vocabulary,
    text: str,
    article: Article,
    clusters: list[Cluster],
    taken: list[tuple[int, int]],
) -> list[Cluster]:
    """Bare surnames (and their misspellings) of the people already found."""
    persons = [c for c in clusters if c.kind is ActorKind.PERSON]
    if not persons:
        return clusters
    taken = sorted(taken)
    owners = _SurnameIndex()
    for person in persons:
        for token in person.tokens(v.particles):
            owners.add(fold(token), person)
    for block in article.blocks:
        if block.role not in ACTOR_ROLES:
            continue
        for m in _CAPITALISED.finditer(text, block.span.start, block.span.end):
            i = bisect.bisect_right(taken, (m.start(), 10**12))
            if i > 0 and taken[i - 1][1] > m.start():
                continue
            word = m.group(0)
            if word in v.not_names or word in v.office_words:
                continue
            match = owners.owner(fold(word), m.start())
            if match is not None:
                match.add(Span.of(text, m.start(), m.end()))
                if word not in match.names:
                    match.names.append(word)
    return clusters


class _SurnameIndex:
    """The people a bare surname may name: by the folded word itself, else by a
    misspelling of one of their words with the same initial (a misspelling keeps it) and
    a length at most two letters off, the first such word wins."""

    def __init__(self) -> None:
        self.exact: dict[str, list[Cluster]] = {}
        self.order: dict[str, int] = {}  # each word, by when it was first added
        self.buckets: dict[tuple[str, int], list[str]] = {}  # by initial and length
        self.misspelt: dict[str, Cluster | None] = {}  # word -> owner, asked once each

    def add(self, token: str, person: Cluster) -> None:
        self.exact.setdefault(token, []).append(person)
        if token not in self.order:
            self.order[token] = len(self.order)
            self.buckets.setdefault((token[:1], len(token)), []).append(token)

    def owner(self, folded: str, position: int) -> Cluster | None:
        exact = self.exact.get(folded)
        if exact:
            return _most_mentioned(exact, position)
        if folded not in self.misspelt:
            self.misspelt[folded] = self._misspelt(folded)
        return self.misspelt[folded]

    def _misspelt(self, folded: str) -> Cluster | None:
        first: str | None = None
        for size in range(len(folded) - 2, len(folded) + 3):
            for token in self.buckets.get((folded[:1], size), []):
                if same_name(token, folded):
                    if first is None or self.order[token] < self.order[first]:
                        first = token
                    break  # the bucket is in order: its first match is its earliest
        return None if first is None else self.exact[first][0]


def repeated_mentions(text: str, article: Article, clusters: list[Cluster]) -> list[Cluster]:
    """Later mentions of a name that a rule recognised once ("the 'X' daily", then "X")."""
    taken = sorted((m.start, m.end) for c in clusters for m in c.mentions)
    names: dict[str, Cluster] = {}
    for c in clusters:
        if c.kind in (ActorKind.MEDIA, ActorKind.ORGANIZATION):
            for mention in c.mentions:
                if len(mention.text) >= 4 and "\n" not in mention.text:
                    names.setdefault(spaced(mention.text), c)
    if not names:
        return clusters
    starts = _first_words(text, names)
    for block in article.blocks:
        if block.role not in ACTOR_ROLES:
            continue
        for start, end in _occurrences(text, block.span.start, block.span.end, names, starts):
            i = bisect.bisect_right(taken, (start, 10**12))
            if (i > 0 and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
                continue
            owner = names.get(spaced(text[start:end]))
            if owner is not None:
                owner.add(Span.of(text, start, end))
    return clusters


_SPACE_RUN = regex.compile(r"\s+")
_NAME_CHAR = regex.compile(r"[\p{L}\p{N}]")
_NAME_CHAR_BEFORE = regex.compile(r"[\p{L}\p{N}'’]")


def _first_words(text: str, names: Iterable[str]) -> list[tuple[int, str]]:
    """Where each name's first word stands in ``text`` with the name, in text order: found
    once for the whole text rather than for each block. A first word of a key's length or
    more that opens with a letter or digit is read only at the words of the text's word
    index with its key: a name stands only where no letter or digit is before it (see
    :func:`_occurrences`); any other first word at each of its places, overlapping too."""
    starts = word_index(text).starts
    places: list[tuple[int, str]] = []
    for name in names:
        words = name.split(" ")
        if not all(words):
            continue
        first = words[0]
        if len(first) >= KEY and _NAME_CHAR.match(first):
            at_key = starts.get(first[:KEY].casefold()[:KEY], ())
            places.extend((at, name) for at in at_key if text.startswith(first, at))
            continue
        at = text.find(first)
        while at >= 0:
            places.append((at, name))
            at = text.find(first, at + 1)
    return sorted(places)


def _occurrences(
    text: str,
    start: int,
    end: int,
    names: Iterable[str],
    places: list[tuple[int, str]] | None = None,
) -> list[tuple[int, int]]:
    """Where ``names`` (words joined by single spaces) stand in ``text[start:end]`` as
    whole names, any run of whitespace between their words: leftmost first, the longest
    name at a place, none overlapping — what one regex alternation of them finds, without
    compiling a pattern for each document. ``places``: :func:`_first_words` of the text."""
    places = places if places is not None else _first_words(text, names)
    found = []
    for k in range(bisect.bisect_left(places, (start, "")), len(places)):
        at, name = places[k]
        if at >= end:
            break
        stop = _after_words(text, at, end, name.split(" "))
        if (
            stop is not None
            and not (at > 0 and _NAME_CHAR_BEFORE.match(text, at - 1))
            and not (stop < end and _NAME_CHAR.match(text, stop))
        ):
            found.append((at, -len(name), stop))
    out: list[tuple[int, int]] = []
    for at, _, stop in sorted(found):
        if not out or at >= out[-1][1]:
            out.append((at, stop))
    return out


def _after_words(text: str, at: int, end: int, words: Sequence[str]) -> int | None:
    """Where the words, the first at ``at``, end in ``text`` (before ``end``), or None."""
    i = at + len(words[0])
    if i > end:
        return None
    for word in words[1:]:
        space = _SPACE_RUN.match(text, i, end)
        if space is None or not text.startswith(word, space.end(), end):
            return None
        i = space.end() + len(word)
    return i


def only_locates(v: Vocabulary, text: str, state: Cluster) -> bool:
    """A state all of whose mentions only locate something ("in Ankara, Turkey")."""
    if state.kind is not ActorKind.STATE:
        return False
    return all(
        v.locating_before.search(text[max(0, m.start - 25) : m.start]) is not None
        and not text[m.end : m.end + 2].startswith(("'s", "’s"))
        for m in state.mentions
    )


def dateline_country(v: Vocabulary, article: Article) -> str | None:
    """The state a story is filed from, by the place of its wire dateline (read by the
    envelope): "NAIROBI, Kenya" is Kenya, "INDEPENDENCE, Mo." the United States, a
    capital alone its state."""
    if article.dateline is None or article.dateline.place is None:
        return None
    city, _, region = (part.strip() for part in article.dateline.place.partition(","))
    if region:
        us_state = region in v.places() or region.title() in v.places()
        return v.countries.get(region) or ("USA" if us_state else None)
    return v.capitals.get(fold(city)) or v.countries.get(city.title())


def with_nearby_countries(
    v: Vocabulary, text: str, article: Article, clusters: list[Cluster]
) -> list[Cluster]:
    """People the text ties to no state: an office holder serves the state of the
    dateline ("NAIROBI, Kenya (AP)_ President Daniel arap Moi"); anyone else gets the
    state named last before their first mention."""
    filed_from = dateline_country(v, article)
    for person in clusters:
        if person.kind is ActorKind.PERSON and person.country is None:
            if person.title is not None and filed_from is not None:
                person.country = filed_from
                continue
            position = min(m.start for m in person.mentions)
            last = None
            for m in v.nationality.finditer_in(text, max(0, position - _NEARBY_WINDOW), position):
                last = m
            person.country = v.code_of(spaced(last.group(0))) if last else None
    return clusters


def with_regnal_names(v: Vocabulary, text: str, clusters: list[Cluster]) -> list[Cluster]:
    """A monarch of one name is known by the royal title with it: "King Hussein"."""
    for person in clusters:
        title = person.title
        if person.kind is not ActorKind.PERSON or title is None or title not in v.regnal:
            continue
        if any(" " in n for n in person.names):
            continue
        regnal = f"{title} {person.names[0]}"
        before = len(title) + 1
        if any(text[max(0, m.start - before) : m.end] == regnal for m in person.mentions):
            person.names.insert(0, regnal)
    return clusters


def team_mentions(v: Vocabulary, text: str, clusters: list[Cluster]) -> list[Cluster]:
    """'The Clinton campaign', "Trump's team": a person's campaign is an organization.

    Its name is the surname and the head ("Clinton campaign"); the person's mention inside
    it becomes the organization's, unless the person is mentioned nowhere else.
    """
    teams: dict[str, Cluster] = {}
    states = {c.key: c for c in clusters if c.kind is ActorKind.STATE}
    for person in [c for c in clusters if c.kind is ActorKind.PERSON]:
        for mention in list(person.mentions):
            m = v.team.match(text, mention.end, min(len(text), mention.end + 40))
            if m is None:
                continue
            span = Span.of(text, mention.start, m.end())
            head = m.group("head").casefold()
            governs = head in v.government_heads
            if governs and person.country is not None:
                # "the Bush administration" is the government of the United States
                key = f"state:{person.country}"
                state = states.get(key)
                if state is None:
                    name = v.state_name(person.country)
                    state = Cluster(key, ActorKind.STATE, [name], [], country=person.country)
                    states[key] = state
                    clusters.append(state)
                state.add(span)
                if len(person.mentions) > 1:
                    person.drop(mention)
                continue
            # a campaign, a team, or a government whose state the text does not give
            name = f"{mention.text.split()[-1]} {head}"
            key = f"team:{fold(name)}"
            team = teams.get(key)
            if team is None:
                sector = "PTY" if head == "campaign" else "GOV" if governs else None
                team = Cluster(key, ActorKind.ORGANIZATION, [name], [], sector=sector)
                teams[key] = team
            team.country = team.country or person.country
            team.add(span)
            if len(person.mentions) > 1:
                person.drop(mention)
    return [*clusters, *teams.values()]


def _slug(name: str) -> str:
    return _NOT_SLUG.sub("-", fold(name)).strip("-") or "actor"


def _canonical(c: Cluster) -> str:
    """The name an actor gets: a person's most mentioned full name, else its first name."""
    if c.kind is not ActorKind.PERSON or c.key.startswith("dict:"):
        return c.names[0]
    full = [n for n in c.names if " " in n]
    if not full:
        return c.names[0]
    return max(full, key=lambda n: (sum(n == m.text for m in c.mentions), len(n)))


def table(clusters: list[Cluster]) -> ActorTable:
    """The actors of the clusters, with unique ids, and all their mentions by start."""
    actors = []
    mentions: list[Mention] = []
    used: set[str] = set()
    for c in clusters:
        name = _canonical(c)
        ident = _slug(name)
        while ident in used:
            ident += "-2"
        used.add(ident)
        spans = tuple(sorted(set(c.mentions), key=lambda s: s.start))
        aliases = tuple(
            dict.fromkeys(s.text for s in spans if s.text != name and "\n" not in s.text)
        )
        aliases = tuple(dict.fromkeys((*[n for n in c.names if n != name], *aliases)))
        actors.append(
            Actor(
                id=ident,
                kind=c.kind,
                name=name,
                aliases=aliases,
                title=c.title,
                country=c.country,
                sector=c.sector,
                identifiers=c.identifiers,
                mentions=spans,
            )
        )
        mentions.extend(Mention(start=s.start, end=s.end, actor=ident) for s in spans)
    return ActorTable(tuple(actors), tuple(sorted(mentions)))
