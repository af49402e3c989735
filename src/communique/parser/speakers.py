"""Speakers: who a source phrase names (actors, pronouns, titles, unnamed sources).

The resolution of the statement finder: a compound subject names each of its actors, a
pronoun or "the minister" refers back to someone named before, "a State Department
spokesman" speaks for the department, and "sources" or "a spokesman" name nobody.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from communique.model import ActorKind, Span
from communique.parser.actor_table import ActorTable, Mention
from communique.parser.cues import (
    QUOTES,
    RUN_BEFORE,
    SPACES,
    SUBJECT_LEAD,
    UNNAMED,
    WORD_BEFORE,
    Cue,
    Sentence,
    State,
    Vocabulary,
    kind,
)


def strip_attachments(
    text: str, left_end: int, left_start: int, words: Vocabulary
) -> tuple[int, bool]:
    """Move ``left_end`` back over auxiliaries and adverbs; say if a negation was passed."""
    lex = words
    negated = False
    end = left_end
    while end > left_start:
        m = WORD_BEFORE.search(text, left_start, end)
        if m is None:
            break
        word = m.group("word")
        folded = word.casefold()
        if folded in lex.documents and lex.possessive_speech.search(text, left_start, end):
            break  # "His statement said": the writing is the source
        if (
            folded in lex.attachments
            or (folded.endswith("ly") and len(folded) > 4 and word.islower())  # not "Kelly"
            or folded in lex.auxiliaries
        ):
            end = m.start()
            continue
        if folded in lex.negations:
            negated = True
            end = m.start()
            continue
        first = lex.negation_phrases.get(folded)  # "no longer"
        reach = len(first or "") + 1
        if first and text[max(left_start, m.start() - reach) : m.start()].strip() == first:
            negated = True
            end = m.start() - reach
            continue
        if folded in lex.going_on and text[m.end() : end].strip() == "":
            end = m.start()
            continue
        break
    return end, negated


def speakers_ending_at(
    text: str, actors: ActorTable, start: int, end: int, state: State
) -> tuple[tuple[str | None, ...], int] | None:
    """The source whose phrase ends at ``end``: actors, a pronoun, a title, an unnamed NP."""
    lex = state.words
    aside = _TRAILING_PARENTHETICAL.search(text, start, end)
    if aside is not None:  # "Marcia Price (D-Newport News),": the name before the aside
        if aside.start() == start:
            return None
        return speakers_ending_at(text, actors, start, aside.start(), state)
    end = _without_trailing_marks(text, start, end)
    if end <= start:
        return None
    mentions = actors.within(start, end)
    last_end = mentions[-1].end if mentions else end
    if mentions and text[last_end : _without_trailing_marks(text, last_end, end)].lstrip() in (
        "",
        "'s",
        "’s",
    ):
        chain = [mentions[-1]]
        if (
            len(mentions) > 1
            and lex.member_of.fullmatch(text, mentions[-2].end, mentions[-1].start)
            and kind(actors, mentions[-2].actor) is ActorKind.PERSON
            and kind(actors, mentions[-1].actor) is not ActorKind.PERSON
        ):
            chain = [mentions[-2]]  # "Jane Doe of the Heritage Foundation said": the person
        k = len(mentions) - 2
        while k >= 0 and lex.joiner.match(text[mentions[k].end : chain[0].start]):
            chain.insert(0, mentions[k])
            k -= 1
        if len(chain) > 1 and not lex.joined.search(text[chain[-2].end : chain[-1].start]):
            chain = chain[-1:]
        while len(chain) > 1 and is_modifier(text, chain[0], chain[1]):
            chain.pop(0)
        ids = list(dict.fromkeys(m.actor for m in chain))
        return tuple(ids), with_title(text, actors, chain[0], start, lex)
    if mentions and kind(actors, mentions[-1].actor) is ActorKind.PERSON:
        last = mentions[-1]
        begins = with_title(text, actors, last, start, lex)
        lead = text[start:begins].rstrip()
        if _APPOSED_NAME_START.fullmatch(text, last.end, end) and lead.endswith(","):
            earlier = [
                m
                for m in actors.within(start, start + len(lead))
                if kind(actors, m.actor) is ActorKind.PERSON
                and not _POSSESSIVE_AFTER.match(text, m.end)  # "Scott's niece, ..."
                and not lex.object_near.search(text, start, m.start)  # "the FBI office in X"
            ]
            if not earlier:
                # "his niece, Jane Price, shouted": the name in apposition is the source;
                # not in "Jane Doe, the editor of La Stampa, said"
                return (last.actor,), begins
    word = WORD_BEFORE.search(text, start, end)
    if word is None:
        return None
    token = lex.contraction.sub("", word.group("word"))  # "He's claiming": he
    if token in lex.person_pronouns:
        return (state.last_person or _last_person(actors, word.start()),), word.start()
    if token in lex.group_pronouns:
        return (state.last_group,), word.start()
    possessive = lex.possessive_speech.search(text, start, end)
    if possessive:
        pro = possessive.group("pro").casefold()
        return ((state.last_person if pro in lex.person_possessives else state.last_group),), (
            possessive.start()
        )
    np = noun_phrase_before(text, start, end, lex)
    inner = lex.inner_the.search(np.group("np")) if np is not None else None
    if np is not None and inner is not None:  # "Later the South Carolina senator"
        np = noun_phrase_before(text, np.start("np") + inner.start(), end, lex)
    if np is None:
        return _short_subject(text, actors, start, end, lex)
    head = np.group("head").casefold()
    definite = np.group("np").casefold().startswith(lex.definite_article + " ")
    if definite and head in lex.plural_roles and len(state.people) > 1:
        named = any(w[:1].isupper() for w in np.group("np").split()[1:])
        if not named:  # "the ministers said": the several people just named together
            return state.people, np.start("np")
    if definite and (head in lex.office_heads or head in lex.roles):
        titled = _titled_person(actors, head, end, state)
        named = any(w[:1].isupper() for w in np.group("np").split()[1:-1])
        if titled is None and head in lex.roles and not named:
            titled = _last_person(actors, end)  # "the candidate": the last person named
        if titled is not None:
            return (titled,), np.start("np")
    publisher = _publisher(text, actors, start, end, lex)
    if publisher is not None:
        return publisher
    team = _team_referent(text, actors, np, state, start)
    if team is not None:
        return (team,), np.start("np")
    if head in lex.unnamed or head in lex.office_heads:
        inside = [
            m
            for m in mentions
            if m.start >= np.start("np") or _QUALIFIES.fullmatch(text, m.end, np.start("np"))
        ]
        former = lex.former.search(text, max(start, np.start("np") - 10), np.end("np")) is not None
        if inside and (head in lex.collective or (head in lex.agents and not former)):
            # "Clinton's campaign", "the Russian government", "a State Department official";
            # "former Carson advisers" no longer speak for him
            return (inside[-1].actor,), np.start("np")
        if former and head in lex.agents and not definite:
            return (UNNAMED,), np.start("np")  # "a former State Department spokesman"
        if head in lex.unnamed and not inside and not (definite and head in lex.roles):
            return (UNNAMED,), np.start("np")  # "sources", "a spokesman", "the experts"
        owned = _POSSESSIVE_AFTER.match(text, inside[-1].end) if inside else None
        if (
            head in lex.unnamed
            and inside
            and owned is None
            and lex.definite_before.search(text, start, np.start("np")) is None
            and not definite
        ):
            # "Clinton allies", "many Carrier workers", "a Trump campaign source": a named
            # qualifier names nobody who spoke
            return (UNNAMED,), np.start("np")
        return (None,), np.start("np")
    return _short_subject(text, actors, start, end, lex)


def noun_phrase_before(
    text: str, start: int, end: int, words: Vocabulary
) -> regex.Match[str] | None:
    """What ``words.noun_phrase_end.search(text, start, end)`` finds, searched only over
    the last words: a match touches at most ``noun_phrase_runs`` runs of non-space, so
    none starts before the end of the run before them."""
    floor = start
    for count, run in enumerate(RUN_BEFORE.finditer(text, start, end)):
        if count == words.noun_phrase_runs:
            floor = run.end()
            break
    return words.noun_phrase_end.search(text, floor, end)


def publication_before(
    text: str, start: int, end: int, words: Vocabulary
) -> regex.Match[str] | None:
    """What ``words.publication.search(text, start, end)`` finds: none unless the stretch
    ends with a publication's head ("poll"), which is found without searching."""
    if words.publication_end.match(text, start, end) is None:
        return None
    return words.publication.search(text, start, end)


def with_title(
    text: str, actors: ActorTable, mention: Mention, floor: int, words: Vocabulary
) -> int:
    """Where a name's phrase starts, with its courtesy title or office ("Sen.", "Mr.")."""
    start = mention.start
    courtesy = words.courtesy_before.search(text, max(floor, start - 8), start)
    if courtesy is not None:
        return courtesy.start()
    actor = actors.by_id(mention.actor)
    title = actor.title if actor is not None else None
    if title and text[max(floor, start - len(title) - 1) : start].rstrip() == title:
        return text.rindex(title, floor, start)
    return start


def _publisher(
    text: str, actors: ActorTable, start: int, end: int, words: Vocabulary
) -> tuple[tuple[str | None, ...], int] | None:
    """'a new Washington Post-ABC News poll', 'a 2014 Labor Department study': who made it.

    A poll, survey, study or report named after an organization or outlet is that one's;
    an unnamed one ("the poll", "exit polls") has no source.
    """
    m = publication_before(text, start, end, words)
    if m is None:
        return None
    for mention in actors.within(m.start(), m.start("head")):
        if kind(actors, mention.actor) not in (ActorKind.PERSON, ActorKind.STATE):
            return (mention.actor,), m.start()
    return None


def _team_referent(
    text: str, actors: ActorTable, np: regex.Match[str], state: State, start: int
) -> str | None:
    """'The campaign said', 'her campaign disclosed', 'police said': an organization named before.

    The head must end the name of an organization already mentioned ("Clinton campaign");
    after "his"/"her" that organization must carry the name of the last person.
    """
    lex = state.words
    head = np.group("head").casefold()
    if head not in lex.collective:
        return None
    phrase = SPACES.sub(" ", np.group("np").casefold())
    owner = lex.owner_before.search(text, max(start, np.start("np") - 8), np.start("np"))
    the = lex.definite_article
    if phrase == f"{the} {head}" or (phrase == head and head in lex.bare_collective):
        owned_by = None
    elif phrase == head and owner is not None and owner.group("owner").casefold() != the:
        person = actors.by_id(state.last_person) if state.last_person else None
        if person is None:
            return None
        owned_by = {w.casefold() for n in (person.name, *person.aliases) for w in n.split()}
    else:
        return None
    i = bisect.bisect_left(actors.mentions, (np.start("np"), -1, ""))
    for mention in reversed(actors.mentions[max(0, i - 50) : i]):
        actor = actors.by_id(mention.actor)
        if actor is None or actor.kind is not ActorKind.ORGANIZATION:
            continue
        name = actor.name.casefold().split()
        if name[-1] == head and (owned_by is None or name[0] in owned_by):
            return mention.actor
    return None


_TRAILING_PARENTHETICAL = regex.compile(r"\s*\([^()\n]{1,60}\)[\s,]*$")
#: the spaces and quote marks that end a stretch, matched backwards from its end
_TRAILING_MARKS = regex.compile(rf"[\s{regex.escape(QUOTES)}]+$", regex.REVERSE)
_QUALIFIES = regex.compile(r"(?:['’]s?)?\s*")  # between a name and the noun it qualifies
_POSSESSIVE_AFTER = regex.compile(r"['’]s?(?!\p{L})")
_CLAUSE_START = regex.compile(r"(?:^|[,;:]\s+)(?=[^,;:]*$)")
_SHORT_SUBJECT_WORDS = 6


def _without_trailing_marks(text: str, start: int, end: int) -> int:
    """Where ``text[start:end]`` ends without its trailing spaces and quote marks."""
    end = min(end, len(text))
    if end <= start:
        return start
    marks = _TRAILING_MARKS.match(text, start, end)
    return end if marks is None else marks.start()


def _short_subject(
    text: str, actors: ActorTable, start: int, end: int, words: Vocabulary
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
    if len({m.actor for m in inside}) != 1:
        return None
    ident = inside[0].actor
    head = text[begin:end].split()[-1].casefold()
    if (
        _POSSESSIVE_AFTER.match(text, inside[-1].end, end)
        and kind(actors, ident) is ActorKind.PERSON
        and head not in words.collective
        and head not in words.documents
    ):
        return (None,), begin  # "Pagliano's lawyer", "Scott's family": not Pagliano, not Scott
    return (ident,), begin


def is_modifier(text: str, first: Mention, second: Mention) -> bool:
    """'US "New York Times"': a mention right before another only qualifies it."""
    return (
        second.start - first.end <= 3 and text[first.end : second.start].strip(" " + QUOTES) == ""
    )


def _last_person(actors: ActorTable, before: int) -> str | None:
    """The person mentioned last before ``before``: the referent of "the candidate"."""
    i = bisect.bisect_left(actors.mentions, (before, -1, ""))
    for mention in reversed(actors.mentions[max(0, i - 50) : i]):
        if kind(actors, mention.actor) is ActorKind.PERSON:
            return mention.actor
    return None


def _titled_person(actors: ActorTable, head: str, before: int, state: State) -> str | None:
    """The last person mentioned before ``before`` whose title has the office word ``head``."""
    titled = state.titled.get(head)
    if titled is None:
        starts, ids = [], []
        for mention in actors.mentions:
            actor = actors.by_id(mention.actor)
            if actor and actor.title and head in state.words.office_words(actor.title):
                starts.append(mention.start)
                ids.append(mention.actor)
        titled = state.titled[head] = (starts, ids)
    i = bisect.bisect_left(titled[0], before)
    return titled[1][i - 1] if i else None


def remember(actors: ActorTable, state: State, ids: Sequence[str | None]) -> None:
    """The speakers of a statement become the referents of later pronouns."""
    people = [i for i in dict.fromkeys(ids) if i and kind(actors, i) is ActorKind.PERSON]
    if len(people) > 1:
        state.people = tuple(people)
    for ident in ids:
        actor = actors.by_id(ident) if ident else None
        if actor is None:
            continue
        if actor.kind is ActorKind.PERSON:
            state.last_person = ident
        else:
            state.last_group = ident


def remember_mentions(actors: ActorTable, state: State, sentence: Sentence) -> None:
    """Without a statement, a sentence's first person and first group become the referents."""
    person = group = None
    people: list[str] = []
    text = sentence.text
    governed_end = -1
    governed_kind: ActorKind | None = None
    for mention in actors.within(sentence.span.start, sentence.span.end):
        if any(q.start <= mention.start < q.end for q in sentence.quotes):
            continue
        if kind(actors, mention.actor) is ActorKind.PERSON and not state.words.located.search(
            text, max(sentence.span.start, mention.start - 20), mention.start
        ):
            people.append(mention.actor)  # "the ministers" may mean them all, objects or not
        if state.words.object_before.search(
            text, max(sentence.span.start, mention.start - 30), mention.start
        ) or (
            governed_end >= 0
            and kind(actors, mention.actor) is governed_kind
            and state.words.list_goes_on.fullmatch(text, governed_end, mention.start)
            and not state.words.clause_joint.search(text, governed_end, mention.start)
        ):
            governed_end = mention.end  # "co-sponsored by Kenya, Tanzania and the United States"
            governed_kind = kind(actors, mention.actor)
            continue  # an object is not whom a later "it" or "he" means
        governed_end = -1
        if kind(actors, mention.actor) is ActorKind.PERSON:
            person = person or mention.actor
        else:
            group = group or mention.actor
    state.last_person = person or state.last_person
    state.last_group = group or state.last_group
    if len(set(people)) > 1:
        state.people = tuple(dict.fromkeys(people))


def subject_person(actors: ActorTable, sentence: Sentence) -> str | None:
    """The person a sentence opens with, outside quotations: "Sen. Bernie Sanders, who ..."."""
    mentions = actors.within(sentence.span.start, sentence.span.end)
    outside = [m for m in mentions if not any(q.start <= m.start < q.end for q in sentence.quotes)]
    if not outside or kind(actors, outside[0].actor) is not ActorKind.PERSON:
        return None
    lead = sentence.text[sentence.span.start : outside[0].start]
    return outside[0].actor if len(lead.split()) <= SUBJECT_LEAD else None


_APPOSED_NAME_START = regex.compile(r"\s*,\s*")
APPOSED_NAME_END = regex.compile(r"[^,.;\n]*?(?:\s*\([^()\n]{1,40}\))?(?=\s*(?:[,.;]|$))")
_PARENTHETICAL_START = regex.compile(r"\s*\([^()\n]{1,40}\)")
PHRASE_END = regex.compile(r"\s*(?:[,.;]|$)")
INVERTED_SOURCE = regex.compile(r"\s*(?P<src>[^,;:\"“”]{1,80}?)\s*(?=[,;:]|\.\s*$|$)")


def named_after_description(
    text: str, actors: ActorTable, src_start: int, src_end: int, limit: int, words: Vocabulary
) -> tuple[tuple[str | None, ...], int] | None:
    """'..., said a former spokesman for the ministry, Oleg Voloshyn.': the name in apposition.

    A source that opens with a description and is followed, after a comma, by a person's
    name that ends the phrase is that person, not an actor named inside the description.
    """
    if words.description_start.match(text, src_start, src_end) is None:
        return None
    comma = _APPOSED_NAME_START.match(text, src_end, limit)
    if comma is None or comma.end() == src_end:
        return None
    mentions = actors.within(comma.end(), min(limit, comma.end() + 80))
    if not mentions or mentions[0].start != comma.end():
        return None
    first = mentions[0]
    if kind(actors, first.actor) is not ActorKind.PERSON:
        return None
    tail = _PARENTHETICAL_START.match(text, first.end, limit)
    after = tail.end() if tail else first.end
    if PHRASE_END.match(text, after, limit) is None:
        return None
    return (first.actor,), first.start


def starts_with_adjunct(source: str, words: Vocabulary) -> bool:
    """Whether the words after an inverted cue open an adjunct ("of RT", "in a statement")."""
    first = source.split(maxsplit=1)
    return bool(first) and first[0].casefold() in words.not_content


_APPOSITION_BREAK = regex.compile(r"[;:\"“”]")


def appositive_subject(
    text: str, actors: ActorTable, start: int, end: int
) -> tuple[tuple[str | None, ...], int] | None:
    """'X, member of the delegation, said' and 'X or LDP, has proposed'."""
    left = text[start:end].rstrip()
    if not left.endswith(","):
        return None
    for mention in reversed(actors.within(start, end)):
        between = _PARENTHETICAL_START.sub("", text[mention.end : start + len(left) - 1])
        if (
            0 < len(between) <= 100
            and between.count(",") <= 2
            and _APPOSITION_BREAK.search(between) is None
        ):
            if between.startswith(",") and len(between.strip(", ")) > 0:
                return (mention.actor,), mention.start
            if between.startswith(" or "):
                return (mention.actor,), mention.start
    return None


def addresses(cue: Cue, words: Vocabulary) -> bool:
    """Whether the cue names whom it was said to right after it ("told AFP")."""
    return SPACES.sub(" ", cue.text.casefold()) in words.addressing


def addressees(text: str, actors: ActorTable, cue: Cue, words: Vocabulary) -> tuple[str, ...]:
    """Whom a cue like "told" or "urged" addresses: the actor right after it."""
    if not addresses(cue, words):
        return ()
    near = actors.within(cue.end, cue.end + 40)
    if near and words.the.fullmatch(text[cue.end : near[0].start]):
        return (near[0].actor,)
    return ()


def own_source(
    sentence: Sentence, quote: Span, cue: Cue, actors: ActorTable, state: State
) -> tuple[str | None, ...]:
    """Who a quotation's own cue names: the actor there, else nobody we can name.

    A definite description ("the group said", "his colleague wrote") refers to someone
    already in the story: the speaker is not known. An indefinite one ("a narrator says",
    "one user wrote") brings in somebody unnamed.
    """
    text = sentence.text
    source = text[quote.end : cue.start]
    if source.strip(" ,"):
        found = speakers_ending_at(text, actors, quote.end, cue.start, state)
        if found is not None and found[0] != (None,):
            return found[0]
    after = INVERTED_SOURCE.match(text, cue.end, sentence.span.end)
    addressing = addresses(cue, state.words)
    if (
        after is not None
        and not addressing
        and not starts_with_adjunct(after.group("src"), state.words)
    ):
        named = actors.within(cue.end, after.end("src"))
        if named:
            return (named[0].actor,)
        if not source.strip(" ,"):
            source = after.group("src")
    first = source.strip(" ,").casefold().split()[:1]
    definite = bool(first) and (
        first[0] in state.words.definite or first[0].endswith(("'s", "’s"))
    )
    return (None,) if definite else (UNNAMED,)
