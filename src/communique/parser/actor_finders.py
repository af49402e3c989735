"""The actor finder rules: each proposes the candidates it sees in one block of the text.

A rule has one signature (:data:`~communique.parser.actor_candidates.Finder`) and is
registered in :data:`FINDERS`; the stage keeps the longest non-overlapping candidates.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable

import regex

from communique.lexicon import alternation
from communique.model import ActorKind, Span
from communique.parser.actor_candidates import Candidate, Context, Finder
from communique.parser.actor_dictionary import ActorDictionary
from communique.parser.actor_names import classify_run
from communique.parser.actor_vocabulary import (
    COUNTRY_HEAD,
    NAME_END,
    NAME_START,
    Vocabulary,
    fold,
    spaced,
)
from communique.parser.anchored import word_index
from communique.parser.article import Role

__all__ = ["FINDERS"]

_NEXT_WORDS = regex.compile(r"\s+(?P<words>(?:[\p{L}.-]+\s+){0,2}[\p{L}.-]+)")
_QUOTED = regex.compile(r"""["“](?P<name>\p{Lu}[^"“”\n]{1,40}?)["”]""")
_TRANSCRIPT_LABEL = regex.compile(
    r"""[ \t]*["“]?[ \t]*
        (?P<label>\p{Lu}[\p{Lu}'’.-]+(?:[ \t]+\p{Lu}[\p{Lu}'’.-]+){0,2})
        [ \t]*:[ \t]+\S""",
    regex.VERBOSE,
)
_WORD_BEFORE = regex.compile(r"([\p{L}\p{N},.]+)\s+$")
_NAMED_AFTER = regex.compile(r"[ \t]+(?P<word>\p{Lu}\p{Ll}+)")
_LETTERS = regex.compile(r"\p{L}[\p{L}'’-]*")

# A title or heading of this many words, most of them capitalised, is in title case.
_TITLE_CASE_WORDS = 4
_TITLE_CASE_MAX = 16
_TITLE_CASE_SHARE = 0.7


@functools.cache
def _dictionary_pattern(dictionary: ActorDictionary) -> tuple[regex.Pattern[str], dict[str, int]]:
    surfaces: dict[str, int] = {}
    for index, entry in enumerate(dictionary.entries):
        for surface in (entry.name, *entry.aliases):
            surfaces.setdefault(spaced(surface.strip()), index)
    surfaces.pop("", None)
    return regex.compile(rf"{NAME_START}(?:{alternation(surfaces)}){NAME_END}"), surfaces


def _find_dictionary(ctx: Context, block: Span) -> list[Candidate]:
    """Names and aliases of the user's dictionary, with the office held on the day."""
    entries = ctx.dictionary.entries
    if not entries:
        return []
    pattern, surfaces = _dictionary_pattern(ctx.dictionary)
    found = []
    for m in pattern.finditer(ctx.text, block.start, block.end):
        index = surfaces.get(spaced(m.group(0)), -1)
        if index < 0:
            continue
        entry = entries[index]
        found.append(
            Candidate.of(
                entry.kind,
                m.span(),
                entry.name,
                key=f"dict:{index}",
                country=entry.country,
                sector=entry.sector,
                title=entry.title_on(ctx.published),
                priority=9,
                identifiers=entry.identifiers,
            )
        )
    return found


def _find_countries(ctx: Context, block: Span) -> list[Candidate]:
    """States by name or metonym ("Kremlin"), and "<demonym> government"."""
    v = ctx.vocab
    found = []
    spans = [*_country_names(v, ctx.text, block)]
    spans += [m.span("name") for m in v.metonym.finditer(ctx.text, block.start, block.end)]
    for span in spans:
        name = spaced(ctx.text[span[0] : span[1]])
        code = v.countries.get(name) or v.metonyms[name]
        found.append(_state(v, span, code, priority=2))
    for m in v.government.finditer(ctx.text, block.start, block.end):
        named = _NAMED_AFTER.match(ctx.text, m.end())
        if named is not None and named.group("word").casefold() not in v.calendar:
            continue  # "Palestinian official Saeb Erakat": an office before a name
        found.append(_state(v, m.span(), v.demonyms[spaced(m.group("demonym"))], priority=4))
    return found


def _state(v: Vocabulary, span: tuple[int, int], code: str, *, priority: int) -> Candidate:
    name = v.state_name(code)
    return Candidate.of(ActorKind.STATE, span, name, country=code, sector="GOV", priority=priority)


def _country_names(v: Vocabulary, text: str, block: Span) -> Iterable[tuple[int, int]]:
    """Where country names occur as whole words (not "US$")."""
    heads = v.country_heads
    none: tuple[dict[str, tuple[str, ...]], tuple[str, ...]] = ({}, ())
    starts = _country_starts(v, text)
    position = block.start
    for k in range(bisect.bisect_left(starts, block.start), len(starts)):
        at = starts[k]
        if at >= block.end:
            break
        if at < position:
            continue
        # the names of the word's key, longest first (see Vocabulary.country_index): of
        # those as long as a head, only the ones that open like the text there
        head = text[at : at + COUNTRY_HEAD]
        long3, short3 = heads.get(text[at : at + 3], none)
        long2, short2 = heads.get(text[at : at + 2], none)
        for name in (*long3.get(head, ()), *short3, *long2.get(head, ()), *short2):
            end = at + len(name)
            if (
                end <= block.end
                and text.startswith(name, at)
                and (end == len(text) or not (text[end].isalnum() or text[end] == "$"))
            ):
                yield at, end
                position = end
                break


@functools.lru_cache(maxsize=4)  # asked for each block of a text
def _country_starts(v: Vocabulary, text: str) -> list[int]:
    """The word starts of ``text`` that open like a country name, letter for letter: the
    words whose key (in the text's word index) a name has, and the places of the names
    shorter than a key."""
    index = v.country_index
    words = word_index(text).starts
    opens = {
        at for key in v.country_keys for at in words.get(key, ()) if text[at : at + 3] in index
    }
    for name in v.short_countries:
        at = text.find(name)
        while at >= 0:
            opens.add(at)
            at = text.find(name, at + 1)
    word_start = v.country_word_start.match
    return [at for at in sorted(opens) if word_start(text, at)]


def _find_organizations(ctx: Context, block: Span) -> list[Candidate]:
    """Organizations of the lexicon, unless they only qualify an office."""
    v = ctx.vocab
    found = []
    for m in v.organization.finditer(ctx.text, block.start, block.end):
        name, code, sector = v.organizations[spaced(m.group("name"))]
        if _before_office(v, ctx.text, m.end()):
            continue  # "CIA Director Burns": the organization only qualifies an office
        found.append(
            Candidate.of(
                ActorKind.ORGANIZATION, m.span(), name, country=code, sector=sector, priority=3
            )
        )
    return found


def _find_media(ctx: Context, block: Span) -> list[Candidate]:
    """Outlets of the lexicon, and quoted names after a media word ("the daily 'X'")."""
    v = ctx.vocab
    found = []
    for m in v.known_media.finditer(ctx.text, block.start, block.end):
        name, code = v.media[spaced(m.group("name"))]
        found.append(
            Candidate.of(ActorKind.MEDIA, m.span(), name, country=code, sector="JRN", priority=5)
        )
    for m in _QUOTED.finditer(ctx.text, block.start, block.end):
        before = v.media_word.search(ctx.text, max(block.start, m.start() - 60), m.start())
        if (before is None or before.group("word") is None) and not v.is_known_media(
            m.group("name")
        ):
            continue  # a bare quotation is a quotation, unless it names a known outlet
        demonym = before.group("demonym") if before is not None else None
        name = m.group("name").strip()
        known = v.media.get(name)
        country = v.demonyms.get(demonym) if demonym else None
        found.append(
            Candidate.of(
                ActorKind.MEDIA,
                m.span("name"),
                known[0] if known else name,
                country=known[1] if known else country,
                sector="JRN",
                priority=6,
            )
        )
    return found


def _before_office(v: Vocabulary, text: str, end: int, *, any_case: bool = False) -> bool:
    """Whether an office head follows ``end`` ("CIA Director", "Chicago police chief")."""
    m = _NEXT_WORDS.match(text, end, min(len(text), end + 40))
    if m is None:
        return False
    heads = v.office_heads_folded if any_case else v.office_heads
    words = m.group("words").casefold().split() if any_case else m.group("words").split()
    return any(" ".join(words[:n]) in heads for n in (1, 2, 3))


def _find_forces(ctx: Context, block: Span) -> list[Candidate]:
    """'Russian troops', 'the Turkish army': a state's armed forces (sector MIL)."""
    v = ctx.vocab
    found = []
    for m in v.armed_forces.finditer(ctx.text, block.start, block.end):
        demonym = spaced(m.group("demonym"))
        code = v.demonyms[demonym]
        name = f"{demonym} {v.forces[0]}"
        found.append(_force(m.span(), name, f"forces:{code}", code, "MIL"))
    return found


def _force(
    span: tuple[int, int], name: str, key: str, country: str | None, sector: str
) -> Candidate:
    """A state's or a place's armed or police force: an organization of that sector."""
    kind = ActorKind.ORGANIZATION
    return Candidate.of(kind, span, name, key=key, country=country, sector=sector, priority=4)


def _find_police(ctx: Context, block: Span) -> list[Candidate]:
    """'Chicago police', 'German police': a city's or a state's police force."""
    v = ctx.vocab
    found = []
    for m in v.police_force.finditer(ctx.text, block.start, block.end):
        words = m.group("place").split()
        start = m.start()
        if len(words) > 1 and words[0] in v.leading:  # "The German police"
            start = m.start() + m.group("place").index(words[1], len(words[0]))
            words = words[1:]
        place = " ".join(words)
        code = v.demonyms.get(place) or v.countries.get(place)
        if code is None and any(
            w in v.not_names or w in v.office_words or w.endswith("ing") for w in words
        ):
            continue  # "As police", "Criticizing police", "Police Chief": no place
        if _before_office(v, ctx.text, m.end(), any_case=True):
            continue  # "Chicago police chief Eddie Johnson": only qualifies an office
        key, name = f"police:{code or fold(place)}", f"{place} {v.police[0]}"
        found.append(_force((start, m.end()), name, key, code, "COP"))
    return found


def _find_groups(ctx: Context, block: Span) -> list[Candidate]:
    """Groups named by nationality: 'Ugandan rebels', 'the Palestinians', 'French and
    Egyptian warships' (each demonym of a coordination is a group of its own)."""
    v = ctx.vocab
    text = ctx.text
    found = []
    # a group scan finds nothing where no head word is (the head check, a scan of the
    # whole block, is asked only once a scan has found something)
    groups = [*v.group.finditer(text, block.start, block.end)]
    coordinated = [*v.coordinated.finditer(text, block.start, block.end)]
    headed = bool(groups or coordinated) and _has(v.group_head, text, block)
    for m in groups if headed else ():
        word = m.group("word")
        if v.group_roles[word] in v.acting_sectors and not v.acting.match(text, m.end()):
            continue  # "she told Tanzanian workers": civilians are actors when they act
        found.append(_group(v, m.span(), spaced(m.group("demonym")), word))
    plurals = [*v.plural_people.finditer(text, block.start, block.end)]
    for m in plurals if plurals and _has(v.plural_word, text, block) else ():
        before = _WORD_BEFORE.search(text, max(block.start, m.start() - 30), m.start())
        if before is not None and before.group(1).casefold() in v.counted_after:
            continue  # "six Iraqis were detained": people counted, not a party
        code = v.plural_demonyms[spaced(m.group("plural"))]
        found.append(_state(v, m.span(), code, priority=4))
    for m in coordinated if headed else ():
        word = m.group("word")
        if v.group_roles.get(word) in v.acting_sectors and not v.acting.match(text, m.end()):
            continue
        for n, (start, end) in enumerate(m.spans("demonym")):
            span = (m.start() if n == 0 else start, end)
            found.append(_group(v, span, spaced(text[start:end]), word))
    return found


def _has(pattern: regex.Pattern[str], text: str, block: Span) -> bool:
    """Whether ``pattern`` occurs in the block."""
    return pattern.search(text, block.start, block.end) is not None


def _group(v: Vocabulary, span: tuple[int, int], demonym: str, word: str) -> Candidate:
    """The actor that '<demonym> <word>' names: the state, its forces, or a group of it."""
    code = v.demonyms[demonym]
    if word in v.forces:
        return _force(span, f"{demonym} {v.forces[0]}", f"forces:{code}", code, "MIL")
    sector = v.group_roles.get(word)
    if sector is None:  # officials, negotiators: they stand for the state
        return _state(v, span, code, priority=4)
    kind = ActorKind.ORGANIZATION
    name = f"{demonym} {word}"
    return Candidate.of(kind, span, name, country=code, sector=sector, priority=4)


def _find_names(ctx: Context, block: Span) -> list[Candidate]:
    """Capitalised runs: titled people, named organizations, and untitled full names.

    A block in title case ("Clinton Was Headed to ER") gives none: every word is a run.
    """
    if ctx.roles.get(block.start) in (Role.TITLE, Role.HEADING) and _in_title_case(block.text):
        return []
    found = []
    for m in ctx.vocab.run.finditer(ctx.text, block.start, block.end):
        found.extend(classify_run(ctx.vocab, ctx.text, m.start(), m.end()))
    return found


def _in_title_case(line: str) -> bool:
    """Whether a title or heading is in title case: most of a few words capitalised."""
    words = _LETTERS.findall(line)
    capitalised = sum(1 for w in words if w[0].isupper())
    n = len(words)
    return _TITLE_CASE_WORDS <= n <= _TITLE_CASE_MAX and capitalised >= _TITLE_CASE_SHARE * n


def _find_speakers(ctx: Context, block: Span) -> list[Candidate]:
    """A single unknown name that reports speech is a person ("Lynch said")."""
    v = ctx.vocab
    found = []
    for m in _speaker_matches(v, ctx.text, block):
        group = "after" if m.groupdict().get("after") else "before"
        word = m.group(group)
        if _not_a_speaker(v, ctx.text, m, group):
            continue
        start, end = m.span(group)
        the = v.article_before.search(ctx.text, max(0, start - 4), start)
        if the is not None:  # "The Nation wrote": a publication or body, not a person
            name = f"{the.group('article')} {word}"
            found.append(Candidate.of(ActorKind.ORGANIZATION, (the.start(), end), name))
        else:
            found.append(Candidate.of(ActorKind.PERSON, (start, end), word))
    return found


def _speaker_matches(v: Vocabulary, text: str, block: Span) -> list[regex.Match[str]]:
    """The matches of the speaker pattern in a block, as one scan with a lookbehind finds them.

    The scan matches "said Lynch" from the comma or quote before it; a block that opens
    with the verb has that comma before the block, which only ``speaker_behind`` sees.
    """
    first = v.speaker_behind.match(text, block.start, block.end)
    start = block.start if first is None else first.end()
    return [*([first] if first is not None else []), *v.speaker.finditer(text, start, block.end)]


def _not_a_speaker(v: Vocabulary, text: str, m: regex.Match[str], group: str) -> bool:
    """Whether the lone word before or after a reporting verb names no speaker."""
    word = m.group(group)
    return bool(
        not v.is_name_token(word)
        or word in v.countries
        or word in v.leading
        or word.casefold() in v.verbs
        or word.casefold() in v.unnamed_heads
        or word.endswith(("'s", "’s"))  # "Rubio's proposed credit": an owner
        or regex.sub(r"['’]\p{L}+$", "", word) in v.not_names  # "He'd said"
        or word.endswith("ing")
        or (m.groupdict().get("apposition") or "").strip() in v.places()
        # "Flint, Mich., said", "the mayor of Dallas said": a place, not a person
        or v.complement_before.search(text, max(0, m.start(group) - 8), m.start(group))
    )


def _find_transcript_speakers(ctx: Context, block: Span) -> list[Candidate]:
    """'WALLACE: Let's start ...': a capitalised label opening a transcript line is a person."""
    if ctx.roles.get(block.start) is not Role.BODY:
        return []
    m = _TRANSCRIPT_LABEL.match(ctx.text, block.start, block.end)
    if m is None:
        return []
    v = ctx.vocab
    label = spaced(m.group("label"))
    name = " ".join(w.capitalize() for w in label.split())
    if (
        label in v.transcript_not_speakers
        or len(label.replace(" ", "")) < 3
        or any(w in v.not_names or w in v.office_words for w in name.split())
        or v.code_of(name) is not None
        or name in v.organizations
        or label in v.organizations
        or label in v.media
    ):
        return []
    return [Candidate.of(ActorKind.PERSON, m.span("label"), name)]


#: The finder rules, in the order they run (the order only breaks ties of equal rank).
FINDERS: tuple[Finder, ...] = (
    _find_dictionary,
    _find_countries,
    _find_organizations,
    _find_media,
    _find_forces,
    _find_police,
    _find_groups,
    _find_names,
    _find_speakers,
    _find_transcript_speakers,
)
