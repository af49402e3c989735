"""Actors: the people, states, organizations and media outlets that an article names.

:func:`find_actors` runs small finder rules (registered in :data:`FINDERS`) over the
article's own blocks, keeps the longest non-overlapping candidates, and merges the
mentions of one referent into one :class:`~communique.model.Actor`: a surname with its
full name, spelling variants of one name (edit distance), a capital with its state.
:func:`load_actor_dictionary` reads a user dictionary that is consulted before the rules.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import unicodedata
from collections.abc import Callable, Iterable, Sequence

import attrs
import pycountry
import regex

from communique.lexicon import alternation, load
from communique.model import Actor, ActorKind, Identifier, Span
from communique.parser.actor_dictionary import (
    ActorDictionary,
    ActorDictionaryError,
    DictionaryEntry,
    Office,
    load_actor_dictionary,
)
from communique.parser.actor_table import ActorTable, Mention
from communique.parser.article import Article, Role

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

_IGO = frozenset({"IGO", "UNO", "EUR"})

#: The block roles whose text can name actors (captions do; related links do not).
ACTOR_ROLES = frozenset({Role.BODY, Role.CAPTION, Role.HEADING, Role.TITLE})


# --------------------------------------------------------------------------- vocabulary


@attrs.frozen
class _Vocabulary:
    """Everything the finders look up, built once from the lexicon and pycountry."""

    countries: dict[str, str]
    canonical: dict[str, str]
    demonyms: dict[str, str]
    metonyms: dict[str, str]
    organizations: dict[str, tuple[str, str | None, str | None]]  # alias -> name, cc, sector
    media: dict[str, tuple[str, str | None]]  # alias -> name, country
    media_words: tuple[str, ...]
    forces: tuple[str, ...]
    police: tuple[str, ...]
    office_heads: frozenset[str]
    office_heads_folded: frozenset[str]
    office_words: frozenset[str]
    honorifics: frozenset[str]
    sectors: dict[str, str]
    org_heads: dict[str, str]
    not_names: frozenset[str]
    address_forms: frozenset[str]
    office_surnames: frozenset[str]
    name_suffixes: frozenset[str]
    place_prefixes: frozenset[str]
    transcript_not_speakers: frozenset[str]
    team_heads: tuple[str, ...]
    government_heads: frozenset[str]


@functools.cache
def _vocabulary() -> _Vocabulary:
    lex = load("actors")
    countries: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                countries[value] = country.alpha_3
    countries.update(lex["countries"])
    organizations: dict[str, tuple[str, str | None, str | None]] = {}
    for name, (code, sector, *aliases) in (*lex["organizations"].items(), *lex["parties"].items()):
        for alias in (name, *aliases):
            organizations[alias] = (name, code or None, sector or None)
    media: dict[str, tuple[str, str | None]] = {}
    for name, (code, *aliases) in lex["media"].items():
        for alias in (name, *aliases):
            media[alias] = (name, code or None)
    heads = lex["offices"]["heads"]
    words = {w for head in heads for w in head.split()} | {"of", "the", "and", "Vice", "Deputy"}
    return _Vocabulary(
        countries=countries,
        canonical=dict(lex["canonical"]),
        demonyms=dict(lex["demonyms"]),
        metonyms=dict(lex["metonyms"]),
        organizations=organizations,
        media=media,
        media_words=tuple(lex["media_words"]["words"]),
        forces=tuple(lex["forces"]["words"]),
        police=tuple(lex["police"]["words"]),
        office_heads=frozenset(heads),
        office_heads_folded=frozenset(h.casefold() for h in heads),
        office_words=frozenset(words),
        honorifics=frozenset(lex["offices"]["honorifics"]),
        sectors=dict(lex["sectors"]),
        org_heads=dict(lex["org_heads"]),
        not_names=frozenset(lex["not_names"]["words"]),
        address_forms=frozenset(lex["offices"]["address_forms"]),
        office_surnames=frozenset(lex["offices"]["surnames"]),
        name_suffixes=frozenset(lex["name_suffixes"]["words"]),
        place_prefixes=frozenset(lex["place_prefixes"]["words"]),
        transcript_not_speakers=frozenset(lex["transcripts"]["not_speakers"]),
        team_heads=tuple(lex["teams"]["heads"]),
        government_heads=frozenset(lex["teams"]["governments"]),
    )


def _state_name(code: str) -> str:
    vocab = _vocabulary()
    if code in vocab.canonical:
        return vocab.canonical[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


# --------------------------------------------------------------------------- candidates


@attrs.frozen(kw_only=True)
class Candidate:
    """A mention that a finder rule proposes, and what it says about its actor."""

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


@attrs.frozen(kw_only=True)
class _Context:
    text: str
    published: dt.date | None
    dictionary: ActorDictionary
    roles: dict[int, Role] = attrs.field(factory=dict)  # block start -> its role


Finder = Callable[[_Context, Span], list[Candidate]]

_B = r"(?<![\p{L}\p{N}'’])"
_E = r"(?![\p{L}\p{N}])"
_TOKEN = r"(?:(?:\p{Lu}\.){1,3}|\p{Lu}[\p{L}'’.]*(?:-\p{L}[\p{L}'’]*)*(?<!['’]s)(?<![.'’]))"
_PARTICLE = r"(?:da|de|do|dos|das|van|von|der|den|bin|ibn|al|el|la|le|di|del|du|ben)"
_CONNECTOR = r"(?:of|of[ \t]+the|on|for)"
_NICKNAME = r"""(?:["“]\p{Lu}[\p{Ll}'’]+["”])"""  # Thomas "Tip" O'Neill
_RUN = regex.compile(
    rf"{_B}{_TOKEN}(?:[ \t]+(?:{_NICKNAME}[ \t]+)?(?:(?:{_PARTICLE}|{_CONNECTOR})[ \t]+)?"
    rf"{_TOKEN}){{0,7}}{_E}",
    regex.VERSION1,
)


@functools.cache
def _fixed_patterns() -> dict[str, regex.Pattern[str]]:
    vocab = _vocabulary()
    demonyms = alternation(vocab.demonyms)
    return {
        "metonym": regex.compile(rf"{_B}(?P<name>{alternation(vocab.metonyms)}){_E}"),
        "organization": regex.compile(rf"{_B}(?P<name>{alternation(vocab.organizations)}){_E}"),
        "media": regex.compile(rf"{_B}(?P<name>{alternation(vocab.media)}){_E}"),
        "quoted_media": regex.compile(r"""["“](?P<name>\p{Lu}[^"“”\n]{1,40}?)["”]"""),
        "media_word": regex.compile(
            rf"""(?:{_B}(?P<demonym>{demonyms})\s+)?(?:(?P<word>{alternation(vocab.media_words)})\s+)?$"""
        ),
        "forces": regex.compile(
            rf"{_B}(?P<demonym>{demonyms})\s+(?P<word>{alternation(vocab.forces)}){_E}"
        ),
        "police": regex.compile(
            rf"""{_B}(?P<place>\p{{Lu}}[\p{{L}}'’-]+(?:[ \t]+\p{{Lu}}[\p{{L}}'’-]+)?)[ \t]+
                (?P<word>{alternation(vocab.police)}){_E}""",
            regex.VERBOSE,
        ),
        "government": regex.compile(
            rf"{_B}(?P<demonym>{demonyms})\s+(?:government|authorities|administration){_E}"
        ),
        "nationality": regex.compile(
            rf"{_B}(?:{demonyms}|{alternation(vocab.countries)}|{alternation(vocab.metonyms)}"
            rf"|{alternation(a for a, v in vocab.organizations.items() if v[1] in _IGO)}){_E}"
        ),
        "demonym": regex.compile(rf"^(?P<name>{demonyms}|{alternation(vocab.countries)})$"),
    }


@functools.cache
def _dictionary_pattern(dictionary: ActorDictionary) -> tuple[regex.Pattern[str], dict[str, int]]:
    surfaces: dict[str, int] = {}
    for index, entry in enumerate(dictionary.entries):
        for surface in (entry.name, *entry.aliases):
            surfaces.setdefault(_spaced(surface.strip()), index)
    surfaces.pop("", None)
    return regex.compile(rf"{_B}(?:{alternation(surfaces)}){_E}"), surfaces


def _find_dictionary(ctx: _Context, block: Span) -> list[Candidate]:
    """Names and aliases of the user's dictionary, with the office held on the day."""
    entries = ctx.dictionary.entries
    if not entries:
        return []
    pattern, surfaces = _dictionary_pattern(ctx.dictionary)
    found = []
    for m in pattern.finditer(ctx.text, block.start, block.end):
        index = surfaces.get(_spaced(m.group(0)), -1)
        if index < 0:
            continue
        entry = entries[index]
        found.append(
            Candidate(
                start=m.start(),
                end=m.end(),
                kind=entry.kind,
                key=f"dict:{index}",
                name=entry.name,
                country=entry.country,
                sector=entry.sector,
                title=entry.title_on(ctx.published),
                priority=9,
                identifiers=entry.identifiers,
            )
        )
    return found


def _find_countries(ctx: _Context, block: Span) -> list[Candidate]:
    found = []
    vocab = _vocabulary()
    spans = [*_gazetteer_matches(ctx.text, block, "countries")]
    metonyms = _fixed_patterns()["metonym"].finditer(ctx.text, block.start, block.end)
    spans += [m.span("name") for m in metonyms]
    for start, end in spans:
        name = _spaced(ctx.text[start:end])
        code = vocab.countries.get(name) or vocab.metonyms[name]
        found.append(
            Candidate(
                start=start,
                end=end,
                kind=ActorKind.STATE,
                key=f"state:{code}",
                name=_state_name(code),
                country=code,
                sector="GOV",
                priority=2,
            )
        )
    for m in _fixed_patterns()["government"].finditer(ctx.text, block.start, block.end):
        code = vocab.demonyms[_spaced(m.group("demonym"))]
        found.append(
            Candidate(
                start=m.start(),
                end=m.end(),
                kind=ActorKind.STATE,
                key=f"state:{code}",
                name=_state_name(code),
                country=code,
                sector="GOV",
                priority=4,
            )
        )
    return found


_WORD_STARTS = regex.compile(r"(?<![\p{L}\p{N}'’])[\p{Lu}tm]")


@functools.cache
def _gazetteer(table: str) -> dict[str, tuple[str, ...]]:
    """The names of a vocabulary table by their first three characters, longest first."""
    names: dict[str, list[str]] = {}
    for name in getattr(_vocabulary(), table):
        names.setdefault(name[:3], []).append(name)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in names.items()}


def _gazetteer_matches(text: str, block: Span, table: str) -> Iterable[tuple[int, int]]:
    """Where the names of a vocabulary table occur as whole words (not "US$")."""
    index = _gazetteer(table)
    position = block.start
    for m in _WORD_STARTS.finditer(text, block.start, block.end):
        at = m.start()
        if at < position:
            continue
        for name in index.get(text[at : at + 3], ()):
            end = at + len(name)
            if (
                end <= block.end
                and text.startswith(name, at)
                and (end == len(text) or not (text[end].isalnum() or text[end] == "$"))
            ):
                yield at, end
                position = end
                break


def _find_organizations(ctx: _Context, block: Span) -> list[Candidate]:
    vocab = _vocabulary()
    found = []
    for m in _fixed_patterns()["organization"].finditer(ctx.text, block.start, block.end):
        name, code, sector = vocab.organizations[_spaced(m.group("name"))]
        if _before_office(ctx.text, m.end()):
            continue  # "CIA Director Burns": the organization only qualifies an office
        found.append(
            Candidate(
                start=m.start(),
                end=m.end(),
                kind=ActorKind.ORGANIZATION,
                key=f"org:{name}",
                name=name,
                country=code,
                sector=sector,
                priority=3,
            )
        )
    return found


def _find_media(ctx: _Context, block: Span) -> list[Candidate]:
    vocab = _vocabulary()
    found = []
    for m in _fixed_patterns()["media"].finditer(ctx.text, block.start, block.end):
        name, code = vocab.media[_spaced(m.group("name"))]
        found.append(
            Candidate(
                start=m.start(),
                end=m.end(),
                kind=ActorKind.MEDIA,
                key=f"media:{name}",
                name=name,
                country=code,
                sector="JRN",
                priority=5,
            )
        )
    for m in _fixed_patterns()["quoted_media"].finditer(ctx.text, block.start, block.end):
        before = _fixed_patterns()["media_word"].search(
            ctx.text, max(block.start, m.start() - 60), m.start()
        )
        if (before is None or before.group("word") is None) and not _is_known_media(
            m.group("name")
        ):
            continue  # a bare quotation is a quotation, unless it names a known outlet
        demonym = before.group("demonym") if before is not None else None
        name = m.group("name").strip()
        known = vocab.media.get(name)
        country = vocab.demonyms.get(demonym) if demonym else None
        canonical = known[0] if known else name
        start, end = m.span("name")
        found.append(
            Candidate(
                start=start,
                end=end,
                kind=ActorKind.MEDIA,
                key=f"media:{canonical}",
                name=canonical,
                country=known[1] if known else country,
                sector="JRN",
                priority=6,
            )
        )
    return found


_NEXT_WORDS = regex.compile(r"\s+(?P<words>(?:[\p{L}.-]+\s+){0,2}[\p{L}.-]+)")


def _before_office(text: str, end: int, *, any_case: bool = False) -> bool:
    m = _NEXT_WORDS.match(text, end, min(len(text), end + 40))
    if m is None:
        return False
    vocab = _vocabulary()
    heads = vocab.office_heads_folded if any_case else vocab.office_heads
    words = m.group("words").casefold().split() if any_case else m.group("words").split()
    return any(" ".join(words[:n]) in heads for n in (1, 2, 3))


def _is_known_media(name: str) -> bool:
    return name.strip() in _vocabulary().media


def _find_forces(ctx: _Context, block: Span) -> list[Candidate]:
    vocab = _vocabulary()
    found = []
    for m in _fixed_patterns()["forces"].finditer(ctx.text, block.start, block.end):
        demonym = _spaced(m.group("demonym"))
        code = vocab.demonyms[demonym]
        name = f"{demonym} {vocab.forces[0]}"
        found.append(_force(m.start(), m.end(), f"forces:{code}", name, code, "MIL"))
    return found


def _force(
    start: int, end: int, key: str, name: str, country: str | None, sector: str
) -> Candidate:
    """A state's or a place's armed or police force: an organization of that sector."""
    return Candidate(
        start=start,
        end=end,
        kind=ActorKind.ORGANIZATION,
        key=key,
        name=name,
        country=country,
        sector=sector,
        priority=4,
    )


def _find_police(ctx: _Context, block: Span) -> list[Candidate]:
    """'Chicago police', 'German police': a city's or a state's police force."""
    vocab = _vocabulary()
    found = []
    for m in _fixed_patterns()["police"].finditer(ctx.text, block.start, block.end):
        words = m.group("place").split()
        start = m.start()
        if len(words) > 1 and words[0] in _LEADING:  # "The German police"
            start = m.start() + m.group("place").index(words[1], len(words[0]))
            words = words[1:]
        place = " ".join(words)
        code = vocab.demonyms.get(place) or vocab.countries.get(place)
        if code is None and any(
            w in vocab.not_names or w in vocab.office_words or w.endswith("ing") for w in words
        ):
            continue  # "As police", "Criticizing police", "Police Chief": no place
        if _before_office(ctx.text, m.end(), any_case=True):
            continue  # "Chicago police chief Eddie Johnson": only qualifies an office
        key, name = f"police:{code or _fold(place)}", f"{place} {vocab.police[0]}"
        found.append(_force(start, m.end(), key, name, code, "COP"))
    return found


def _find_names(ctx: _Context, block: Span) -> list[Candidate]:
    """Capitalised runs: titled people, named organizations, and untitled full names.

    A block in title case ("Clinton Was Headed to ER") gives none: every word is a run.
    """
    words = _LETTERS.findall(block.text)
    capitalised = sum(1 for w in words if w[0].isupper())
    if (
        ctx.roles.get(block.start) in (Role.TITLE, Role.HEADING)
        and _TITLE_CASE_WORDS <= len(words) <= _TITLE_CASE_MAX
        and capitalised >= _TITLE_CASE_SHARE * len(words)
    ):
        return []
    found = []
    for m in _RUN.finditer(ctx.text, block.start, block.end):
        found.extend(_classify_run(ctx.text, m.start(), m.end()))
    return found


@functools.cache
def _verbs() -> frozenset[str]:
    """The one-word reporting verbs of the cue lexicon."""
    return frozenset(
        f for table in load("cues")["cues"].values() for f in table["forms"] if " " not in f
    )


_COMPLEMENT_BEFORE = regex.compile(r"\b(?:of|from|in|at|near)\s+$")  # "of Dallas said"


@functools.cache
def _places() -> frozenset[str]:
    """Names that place a city: countries, their subdivisions, US state abbreviations."""
    names = {s.name for s in pycountry.subdivisions}
    return frozenset(
        {*names, *_vocabulary().countries, *load("actors")["places"]["abbreviations"]}
    )


@functools.cache
def _unnamed_heads() -> frozenset[str]:
    """Nouns that head a source naming nobody ("Authorities said", "Officials said")."""
    return frozenset(load("cues")["unnamed"]["heads"])


@functools.cache
def _speaker_pattern() -> regex.Pattern[str]:
    """A lone capitalised word right before or after a reporting verb: "Lynch said"."""
    forms = sorted(_verbs(), key=len, reverse=True)
    verbs = "|".join(regex.escape(f) for f in forms)
    name = r"\p{Lu}\p{Ll}*\p{Lu}?[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?"
    return regex.compile(
        rf"""(?:(?<=[,”"]\s+)(?:{verbs})\s+(?P<after>{name})(?=\s*[,.;])
        |{_B}(?P<before>{name})(?:,(?P<apposition>(?:\s+[\p{{L}}\d.'’-]+){{1,6}}),)?
        \s+(?:(?:also|later|then|has|had|again|\p{{Ll}}+ly)\s+)?(?:{verbs}){_E})""",
        regex.VERBOSE,
    )


def _find_speakers(ctx: _Context, block: Span) -> list[Candidate]:
    """A single unknown name that reports speech is a person ("Lynch said")."""
    vocab = _vocabulary()
    found = []
    for m in _speaker_pattern().finditer(ctx.text, block.start, block.end):
        group = "before" if m.group("before") else "after"
        word = m.group(group)
        if (
            not _is_name_token(word)
            or word in vocab.countries
            or word in _LEADING
            or word.casefold() in _verbs()
            or word.casefold() in _unnamed_heads()
            or word.endswith(("'s", "’s"))  # "Rubio's proposed credit": an owner
            or regex.sub(r"['’]\p{L}+$", "", word) in vocab.not_names  # "He'd said"
            or word.endswith("ing")
            or (m.group("apposition") or "").strip() in _places()
            or _COMPLEMENT_BEFORE.search(ctx.text, max(0, m.start(group) - 8), m.start(group))
        ):
            continue  # "Flint, Mich., said": a place, not a person
        start, end = m.span(group)
        the = _THE_BEFORE.search(ctx.text, max(0, start - 4), start)
        if the is not None:  # "The Nation wrote": a publication or body, not a person
            name = f"The {word}"
            found.append(
                Candidate(
                    start=the.start(),
                    end=end,
                    kind=ActorKind.ORGANIZATION,
                    key=f"org:{_fold(name)}",
                    name=name,
                    priority=0,
                )
            )
            continue
        found.append(
            Candidate(
                start=start,
                end=end,
                kind=ActorKind.PERSON,
                key=f"person:{word}",
                name=word,
                priority=0,
            )
        )
    return found


_THE_BEFORE = regex.compile(r"(?<![\p{L}])The[ \t\xa0]+$")


_TRANSCRIPT_LABEL = regex.compile(
    r"""[ \t]*["“]?[ \t]*
        (?P<label>\p{Lu}[\p{Lu}'’.-]+(?:[ \t]+\p{Lu}[\p{Lu}'’.-]+){0,2})
        [ \t]*:[ \t]+\S""",
    regex.VERBOSE,
)


def _find_transcript_speakers(ctx: _Context, block: Span) -> list[Candidate]:
    """'WALLACE: Let's start ...': a capitalised label opening a transcript line is a person."""
    if ctx.roles.get(block.start) is not Role.BODY:
        return []
    m = _TRANSCRIPT_LABEL.match(ctx.text, block.start, block.end)
    if m is None:
        return []
    vocab = _vocabulary()
    label = _spaced(m.group("label"))
    name = " ".join(w.capitalize() for w in label.split())
    if (
        label in vocab.transcript_not_speakers
        or len(label.replace(" ", "")) < 3
        or any(w in vocab.not_names or w in vocab.office_words for w in name.split())
        or _code_of(name) is not None
        or name in vocab.organizations
        or label in vocab.organizations
        or label in vocab.media
    ):
        return []
    start, end = m.span("label")
    return [
        Candidate(start=start, end=end, kind=ActorKind.PERSON, key=f"person:{name}", name=name)
    ]


_TITLE_CASE_WORDS = 4
_TITLE_CASE_MAX = 16
_TITLE_CASE_SHARE = 0.7

FINDERS: tuple[Finder, ...] = (
    _find_dictionary,
    _find_countries,
    _find_organizations,
    _find_media,
    _find_forces,
    _find_police,
    _find_names,
    _find_speakers,
    _find_transcript_speakers,
)


# --------------------------------------------------------------------------- names


_WORD = regex.compile(r"\S+")
_LOCATIVE = regex.compile(r"(?:\b(?:in|at|near|from|into|outside|across)\s+(?:the\s+)?)$")


def _classify_run(text: str, start: int, end: int) -> list[Candidate]:
    vocab = _vocabulary()
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
    tokens = [text[a:b] for a, b in words]
    if len(tokens) > 1 and tokens[0].casefold() in _verbs() and text[end : end + 1] in (":", ","):
        words, tokens = words[1:], tokens[1:]  # "Said Ellis: ...": a cue before its source
    for k in range(1, len(tokens) - 1):
        if tokens[k] == "on" and tokens[k + 1].casefold().rstrip(".") in _calendar():
            words, tokens = words[:k], tokens[:k]  # "the Security Council on Friday"
            break
    # an organization: a run with an organization head, followed by nothing or "of ..."
    heads = [k for k, t in enumerate(tokens) if t in vocab.org_heads and k > 0]
    if heads and (heads[0] == len(tokens) - 1 or tokens[heads[0] + 1] in _CONNECTORS):
        return _member_of(text, words, tokens, heads[0]) or _organization_run(text, words, tokens)
    # a person: the name at the end of the run, after any title or connector ("Secretary
    # of State Henry Kissinger"), or else before its first connector ("X of Maryland")
    connectors = [k for k, t in enumerate(tokens) if t in _CONNECTORS]
    cut = connectors[-1] + 1 if connectors else 0
    found = _person(text, words[cut:], tokens[cut:], after_connector=cut > 0)
    if not found and connectors and connectors[0] > 0:
        first = connectors[0]
        # "Mary Smith of Dallas": a full name before "of" and a short place is a person
        of_place = tokens[first] == "of" and len(connectors) == 1 and len(tokens) - first <= 3
        found = _person(text, words[:first], tokens[:first], after_connector=not of_place)
    return found


def _member_of(
    text: str, words: list[tuple[int, int]], tokens: list[str], head: int
) -> list[Candidate]:
    """'Jane Doe of the Heritage Foundation': a person, then the organization."""
    of = tokens.index("of") if "of" in tokens else -1
    if of < 2 or of >= head or tokens[0] in _LEADING:
        return []
    if not all(_is_name_token(t) and t not in _PARTICLES for t in tokens[:of]):
        return []
    person = _person(text, words[:of], tokens[:of], after_connector=False)
    if not person:
        return []
    org_from = of + 1
    while org_from < head and tokens[org_from] in ("the", "The"):
        org_from += 1
    return person + _organization_run(text, words[org_from:], tokens[org_from:])


@functools.cache
def _calendar() -> frozenset[str]:
    """Month and weekday names: "on Friday" ends a name, it is not part of it."""
    dates = load("dates")
    return frozenset([*dates["months"], *dates["weekdays"]])


def _person(
    text: str, words: list[tuple[int, int]], tokens: list[str], *, after_connector: bool
) -> list[Candidate]:
    """A person named by the name tokens that end ``tokens``, if the rules allow one."""
    vocab = _vocabulary()
    if not tokens:
        return []
    end = words[-1][1]
    suffixed = len(tokens) > 1 and tokens[-1] in vocab.name_suffixes
    if suffixed and text[end : end + 1] == "." and tokens[-1].istitle():
        end += 1  # "Jr.": the full stop belongs to the name
    i = len(tokens) - suffixed
    if _is_surname_office(tokens[:i]) or _is_surname_place(tokens[:i]):
        i -= 1  # "Angus King", "Jim Jordan": an office or a place as a surname
    while i > 0 and _is_name_token(tokens[i - 1]):
        i -= 1
    if suffixed and i == len(tokens) - 1:
        return []  # a suffix alone is not a name
    while i < len(tokens) and (
        tokens[i] in vocab.honorifics or tokens[i] in _CONNECTORS or tokens[i] in _PARTICLES
    ):
        i += 1
    name_tokens = tokens[i:]
    if not name_tokens:
        return _honorific_surname(text, words, tokens)
    if _INITIALISM.fullmatch(name_tokens[-1]):
        return []  # a name ends in a surname, not an initial
    name_start = words[i][0]
    title, country, sector = _title_before(text, name_start)
    after_title, after_country, after_sector = _apposition_after(text, end)
    if (
        title is None
        and after_title is not None
        and _LOCATIVE.search(text[max(0, name_start - 20) : name_start])
    ):
        return []  # "in Chelsea, the mayor said": a place, then a new subject
    title = title or after_title
    country = country or after_country
    sector = sector or after_sector
    titled = (
        title is not None
        or _HONORIFIC_BEFORE.search(text, max(0, name_start - 8), name_start) is not None
    )
    if (len(name_tokens) < 2 or after_connector) and not titled:
        return []
    if not titled and _LOCATIVE.search(text[max(0, name_start - 20) : name_start]):
        return []
    if all(t.isupper() and len(t) > 1 for t in name_tokens):
        return []
    name = " ".join(name_tokens) + ("." if text[end - 1] == "." else "")
    return [
        Candidate(
            start=name_start,
            end=end,
            kind=ActorKind.PERSON,
            key=f"person:{name}",
            name=name,
            country=country,
            sector=sector,
            title=title,
            priority=1,
        )
    ]


COURTESY_BEFORE = regex.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+$")
"""A courtesy title right before a position: "Mr. " in "Mr. King"."""


def _honorific_surname(
    text: str, words: list[tuple[int, int]], tokens: list[str]
) -> list[Candidate]:
    """'Mr. King', 'Ms. Bishop': after a courtesy title an office word is a surname.

    Forms of address ("Mr. President", "Madam Secretary") are not names.
    """
    vocab = _vocabulary()
    if len(tokens) != 1 or tokens[0] in vocab.address_forms or not tokens[0][:1].isupper():
        return []
    start, end = words[0]
    if COURTESY_BEFORE.search(text, max(0, start - 8), start) is None:
        return []
    if tokens[0] in vocab.countries or tokens[0] in vocab.not_names or not tokens[0].isalpha():
        return []
    return [
        Candidate(
            start=start,
            end=end,
            kind=ActorKind.PERSON,
            key=f"person:{tokens[0]}",
            name=tokens[0],
            priority=1,
        )
    ]


_HONORIFIC_BEFORE = regex.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Del)\.?\s+$")
_LEADING = frozenset(load("actors")["leading"]["words"])
_CONNECTORS = frozenset({"of", "the", "on", "for", "and"})
_PARTICLES = frozenset(
    {
        "da",
        "de",
        "do",
        "dos",
        "das",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "di",
        "del",
        "du",
        "ben",
    }
)


def _is_name_token(token: str) -> bool:
    vocab = _vocabulary()
    if len(token) > 2 and token[0] in '"“' and token[-1] in '"”':
        return _is_name_token(token[1:-1])  # a nickname inside a name
    if token in _PARTICLES:
        return True
    if token in vocab.not_names or token in vocab.office_words:
        return False
    if _INITIALISM.fullmatch(token):
        return _is_initial(token)
    if len(token) > 1 and token.isupper():
        return False  # an acronym ("NYPD Commissioner") is not a personal name
    if token + "." in vocab.office_words or token + "." in vocab.honorifics:
        return False  # "Rep" of "Rep.", whose full stop the run leaves out
    if token in vocab.countries or token in vocab.demonyms or token in vocab.metonyms:
        return False
    if token in vocab.organizations or token in vocab.media:
        return False
    if "-" in token and any(
        part in vocab.countries or part in vocab.demonyms for part in token.split("-")
    ):
        return False
    return token[:1].isupper()


def _is_surname_office(tokens: Sequence[str]) -> bool:
    """Whether the last token is an office word used as a surname after a given name."""
    vocab = _vocabulary()
    if len(tokens) < 2 or tokens[-1] not in vocab.office_surnames:
        return False
    given = tokens[-2]
    return _is_given_name(given) and f"{given} {tokens[-1]}" not in vocab.office_heads


def _is_surname_place(tokens: Sequence[str]) -> bool:
    """Whether the last token is a country or demonym used as a surname: "Mark Cuban"."""
    vocab = _vocabulary()
    if len(tokens) < 2:
        return False
    given, last = tokens[-2], tokens[-1]
    if not (last in vocab.countries or last in vocab.demonyms):
        return False
    pair = f"{given} {last}"
    return (
        _is_given_name(given)
        and given not in vocab.place_prefixes
        and pair not in vocab.countries
        and pair not in vocab.demonyms
    )


def _is_given_name(token: str) -> bool:
    """Whether a token can be the given name before a surname (not "Crown", "U.S.", "al")."""
    return (
        _is_name_token(token)
        and not _INITIALISM.fullmatch(token)
        and token not in _PARTICLES
        and token not in _vocabulary().org_heads
    )


def _is_initial(token: str) -> bool:
    """'R.' of "Ronald R. Fieldstone", 'G.K.' of "G.K. Butterfield"; not "U.S." or "U.N."."""
    vocab = _vocabulary()
    return not (
        token in vocab.countries
        or token in vocab.demonyms
        or token in vocab.organizations
        or token in vocab.media
        or token.rstrip(".") in vocab.countries
    )


def _organization_run(
    text: str, words: list[tuple[int, int]], tokens: list[str]
) -> list[Candidate]:
    vocab = _vocabulary()
    i = 0
    while i < len(tokens) - 1 and tokens[i] in _LEADING:
        i += 1
    country = None
    while i < len(tokens) - 1 and (tokens[i] in vocab.demonyms or tokens[i] in vocab.countries):
        country = vocab.demonyms.get(tokens[i]) or vocab.countries.get(tokens[i])
        i += 1
    org_start = words[i][0]
    name = text[org_start : words[-1][1]]
    before = text[max(0, org_start - 30) : org_start]
    m = _POSSESSIVE_BEFORE.search(before)
    if country is None and m:
        country = vocab.countries.get(m.group("o"))
    m = _WORD_BEFORE.search(before)
    if country is None and m:
        country = vocab.demonyms.get(m.group("w"))
    if name in vocab.org_heads:
        return []
    return [
        Candidate(
            start=org_start,
            end=words[-1][1],
            kind=ActorKind.ORGANIZATION,
            key=f"org:{_fold(name)}",
            name=name,
            country=country,
            sector=next((vocab.org_heads[t] for t in tokens if t in vocab.org_heads), None)
            or None,
            priority=1,
        )
    ]


_TITLE_LOWER = frozenset(load("actors")["offices"]["modifiers"])
_TITLE_LEFT = regex.compile(
    r"""(?P<title>(?:(?:former|then|acting|late)\s+)?
        (?:(?:\p{Lu}[\p{L}.'’-]*|of|the|and|for|to|on|national|security|foreign|deputy|vice
            |senior|chief|emergency|relief|defense|defence|presidential|prime|press|
            executive|general|special|top|state|\p{Ll}+)\s+){0,7})$""",
    regex.VERBOSE,
)


def _title_before(text: str, name_start: int) -> tuple[str | None, str | None, str | None]:
    """The office written before a name, and the country and sector it implies."""
    vocab = _vocabulary()
    left = _clause_before(text, name_start)
    m = _TITLE_LEFT.search(left)
    if m is None:
        return None, None, None
    words = m.group("title").split()
    # the title must end, right before the name, in an office head
    end = len(words)
    if not end or not _ends_in_office(words):
        possessive = _POSSESSIVE_BEFORE.search(left)
        if possessive and possessive.group("o") in vocab.media:
            return None, None, "JRN"
        return None, None, None
    # drop words before the title proper: articles, nationality, organization
    country: str | None = None
    sector: str | None = None
    start = 0
    k = 0
    complement = False
    while k < end:
        word = words[k]
        two = " ".join(words[k : k + 2])
        if word in ("the", "The", "and", "of", "to", "for", "on") and start == k:
            start = k + 1
        elif two in vocab.countries or two in vocab.metonyms or two in vocab.organizations:
            country = country or _code_of(two)
            sector = sector or vocab.organizations.get(two, ("", None, None))[2]
            if start == k:
                start = k + 2
            k += 1
        elif word in vocab.demonyms or word in vocab.countries or word in vocab.organizations:
            country = country or _code_of(word)
            sector = sector or vocab.organizations.get(word, ("", None, None))[2]
            if start == k:
                start = k + 1
        elif word.casefold() in vocab.office_heads_folded or word in vocab.office_words:
            complement = complement or word in ("of", "to", "for")
        elif word.islower() and word not in _TITLE_LOWER:
            start = k + 1  # a word that is not part of the office
        elif word[:1].isupper() and not complement:
            start = k + 1
        k += 1
    title_words = _without_nationality(words[start:end])
    while title_words and title_words[0] in ("the", "and", "of", "to"):
        title_words.pop(0)
    if not title_words:
        return None, country, sector
    title = " ".join(title_words)
    for word in title_words:
        if word in vocab.countries and country is None:
            country = vocab.countries[word]
    return title, country, _sector_of(title) or sector


_BREAK = regex.compile(r"(?P<word>\S*)(?P<mark>[.!?;:,()\[\]\"“”\n])\s*")


def _clause_before(text: str, position: int) -> str:
    """The text before ``position`` back to the last clause break, at most 90 characters."""
    left = text[max(0, position - 90) : position]
    cut = 0
    for m in _BREAK.finditer(left):
        word = m.group("word") + m.group("mark")
        if m.group("mark") == "." and (
            word in _vocabulary().office_heads
            or _INITIALISM.fullmatch(word)
            or word in _vocabulary().honorifics
        ):
            continue
        cut = m.end()
    return left[cut:]


def _without_nationality(words: Sequence[str]) -> list[str]:
    """The words of a title without honorifics and nationality ("Russian", "White House")."""
    vocab = _vocabulary()
    kept: list[str] = []
    k = 0
    while k < len(words):
        two = " ".join(words[k : k + 2])
        if _code_of(two) is not None and " " in two:
            k += 2
            continue
        if _code_of(words[k]) is None and words[k] not in vocab.honorifics:
            kept.append(words[k])
        k += 1
    return kept


def _ends_in_office(words: Sequence[str]) -> bool:
    """Whether a run of words ends in an office, maybe with its "of ..." complement."""
    heads = _vocabulary().office_heads_folded
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in _CONNECTORS | {"to"}):
        if words[k - 1].casefold() in heads:
            return True
        k -= 1
    return k > 0 and words[k - 1].casefold() in heads


def _code_of(word: str) -> str | None:
    vocab = _vocabulary()
    if word in vocab.demonyms:
        return vocab.demonyms[word]
    if word in vocab.countries:
        return vocab.countries[word]
    if word in vocab.metonyms:
        return vocab.metonyms[word]
    if word in vocab.organizations:
        return vocab.organizations[word][1]
    return None


def _sector_of(title: str) -> str | None:
    sectors = _vocabulary().sectors
    first = title.split()[0].casefold() if title.split() else ""
    if first in sectors:
        return sectors[first]
    found = [m.group(0) for m in _sector_pattern().finditer(title)]
    return sectors[max(found, key=len)] if found else None


@functools.cache
def _sector_pattern() -> regex.Pattern[str]:
    words = sorted(_vocabulary().sectors, key=lambda w: (-len(w), w))
    return regex.compile(rf"(?<!\w)(?:{'|'.join(regex.escape(w) for w in words)})(?!\w)")


_APPOSITION = regex.compile(
    r"""^,\s+(?:the\s+|a\s+|an\s+)?(?P<title>[^,.;()\n]{1,120}?)(?=[,.;()\n]|$)"""
)


def _apposition_after(text: str, end: int) -> tuple[str | None, str | None, str | None]:
    """An office in apposition after a name: ", the President of Brazil"."""
    vocab = _vocabulary()
    m = _APPOSITION.match(text[end : end + 160])
    if m is None:
        return None, None, None
    phrase = m.group("title").strip()
    words = phrase.split()
    if any(w in _verbs() for w in words):
        return None, None, None  # "Smith, the mayor, said that": a clause, not an office
    lead = 1 if words and _code_of(words[0]) is not None else 0
    if not any(
        " ".join(words[lead : lead + n]).casefold() in vocab.office_heads_folded for n in (1, 2, 3)
    ):
        return None, None, None
    country = None
    for k, word in enumerate(words):
        two = " ".join(words[k : k + 2])
        country = _code_of(two) or _code_of(word.rstrip("'’s"))
        if country:
            break
    if country is None:
        for name, code in _vocabulary().countries.items():
            if " " in name and name in phrase:
                country = code
                break
    head = _COMPLEMENT.split(phrase, maxsplit=1)[0]
    return phrase if len(phrase) <= 60 else head, country, _sector_of(phrase)


# --------------------------------------------------------------------------- merging


@functools.lru_cache(maxsize=65536)
def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


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


def same_name(a: str, b: str) -> bool:
    """Whether two written names are one name spelt two ways (one edit per 6 letters)."""
    fa, fb = _fold(a), _fold(b)
    if fa == fb:
        return True
    shortest = min(len(fa), len(fb))
    if shortest < 5 or fa[0] != fb[0]:
        return False
    return edit_distance(fa, fb) <= shortest // 6


@attrs.define
class _Cluster:
    key: str
    kind: ActorKind
    names: list[str]
    mentions: list[Span]
    title: str | None
    country: str | None
    sector: str | None
    identifiers: tuple[Identifier, ...] = ()
    starts: list[int] = attrs.field(factory=list)  # mention starts, sorted
    courtesy: str | None = None  # "Mr." or "Mrs." as the article addresses the person

    def add(self, span: Span) -> None:
        self.mentions.append(span)
        bisect.insort(self.starts, span.start)

    def drop(self, span: Span) -> None:
        self.mentions.remove(span)
        self.starts.remove(span.start)

    def tokens(self) -> list[str]:
        """The words of its names that can stand alone for it (not a first name)."""
        out = []
        for name in self.names:
            words = [t for t in name.split() if t.casefold() not in _PARTICLES]
            out.extend(words[1:] if len(words) > 1 else words)
        return out


_RECENT_CLUSTERS = 200  # a name refers back to one of the last few hundred actors


def _person_key(clusters: list[_Cluster], candidate: Candidate, text: str) -> _Cluster | None:
    tokens = [t for t in candidate.name.split() if t.casefold() not in _PARTICLES]
    persons = [c for c in clusters[-_RECENT_CLUSTERS:] if c.kind is ActorKind.PERSON]
    if len(tokens) == 1:
        same = [
            c
            for c in persons
            if not (candidate.country and c.country and candidate.country != c.country)
            and any(same_name(tokens[0], k) for k in c.tokens())
            and _same_office(candidate.title, c.title)
        ]
        courtesy = _courtesy(text, candidate.start)
        if courtesy is not None:  # "Mr. Clinton" is not the one addressed as "Mrs. Clinton"
            same = [c for c in same if c.courtesy in (None, courtesy)]
        titled = [c for c in same if candidate.title and c.title]
        return _most_mentioned(titled or same, candidate.start)  # "Senator Cruz": Ted, not Heidi
    for cluster in reversed(persons):
        if candidate.country and cluster.country and candidate.country != cluster.country:
            continue
        full = [n.split() for n in cluster.names if len(n.split()) >= 2]
        for other in full:
            if same_name(tokens[-1], other[-1]) and (
                same_name(tokens[0], other[0])
                or set(tokens) <= set(other)
                or set(other) <= set(tokens)
            ):
                return cluster
        if all(len(n.split()) == 1 for n in cluster.names) and any(
            same_name(tokens[-1], n) for n in cluster.names
        ):
            return cluster
    return None


_COURTESY = {"Mr": "Mr.", "Mrs": "Mrs.", "Ms": "Mrs.", "Miss": "Mrs."}


def _courtesy(text: str, start: int) -> str | None:
    """'Mr.' or 'Mrs.' (for Mrs., Ms. and Miss) if a courtesy title stands right before."""
    m = COURTESY_BEFORE.search(text, max(0, start - 8), start)
    return _COURTESY.get(m.group().strip().rstrip(".")) if m is not None else None


@functools.cache
def office_words(title: str) -> str:
    """A title as words, abbreviations spelled out: "Sen." -> "senator"."""
    spelled = load("actors")["abbreviations"]
    words = _SPACES.sub(" ", title).strip()
    for short in sorted(spelled, key=len, reverse=True):
        words = regex.sub(rf"(?<!\S){regex.escape(short)}(?!\S)", spelled[short], words)
    return words.casefold()


def _same_office(a: str | None, b: str | None) -> bool:
    """Whether two titles can be one person's: either is missing, or one holds the other."""
    if a is None or b is None:
        return True
    x, y = office_words(a), office_words(b)
    return x in y or y in x


def _most_mentioned(clusters: Sequence[_Cluster], position: int) -> _Cluster | None:
    """Of the people a surname fits, the one mentioned most before it, then the latest.

    Style guides give a second person of the same surname a first name ("Heidi Cruz",
    then "Heidi"), so a bare "Cruz" stays with the person the article is about.
    """
    best, best_key = None, (0, -1)
    for cluster in clusters:
        count = bisect.bisect_left(cluster.starts, position)
        key = (count, cluster.starts[count - 1] if count else -1)
        if key > best_key:
            best, best_key = cluster, key
    return best or (clusters[0] if clusters else None)


def find_actors(
    text: str,
    article: Article,
    *,
    published: dt.date | None = None,
    dictionary: ActorDictionary | None = None,
) -> ActorTable:
    """Find the actors that ``text`` names, one per referent, with all their mentions.

    Args:
        text: The article text.
        article: Its envelope (only body, caption, heading and title blocks are read).
        published: The publication date; a dictionary role holds only within its dates.
        dictionary: A user actor dictionary, consulted before the built-in rules.

    Returns:
        The actors and their mentions.
    """
    ctx = _Context(
        text=text,
        published=published,
        dictionary=dictionary or ActorDictionary(),
        roles={block.span.start: block.role for block in article.blocks},
    )
    candidates: list[Candidate] = []
    for block in article.blocks:
        if block.role in ACTOR_ROLES:
            for finder in FINDERS:
                candidates.extend(finder(ctx, block.span))
    chosen = _non_overlapping(candidates)
    clusters = _cluster(text, chosen)
    chosen_spans = [(c.start, c.end) for c in chosen]
    clusters = _surname_mentions(text, article, clusters, chosen_spans)
    clusters = _repeated_mentions(text, article, clusters)
    clusters = [c for c in clusters if not _only_locates(text, c)]
    for cluster in clusters:
        if cluster.kind is ActorKind.PERSON and cluster.country is None:
            cluster.country = _nearby_country(text, min(m.start for m in cluster.mentions))
    clusters = _team_mentions(text, clusters)
    return _table(clusters)


_NEARBY_WINDOW = 300


def _nearby_country(text: str, position: int) -> str | None:
    """The country named last in the few sentences before a person's first mention."""
    pattern = _fixed_patterns()["nationality"]
    window = text[max(0, position - _NEARBY_WINDOW) : position]
    last = None
    for m in pattern.finditer(window):
        last = m
    return _code_of(_spaced(last.group(0))) if last else None


_LOCATING = regex.compile(
    r"(?:(?<![\p{L}])(?:in|at|near|into|from|across|inside|outside|within|of)\s+(?:the\s+)?"
    r"|(?<=\p{Ll}\s)\p{Lu}[\p{L}.]+,\s+)$"
)


def _only_locates(text: str, cluster: _Cluster) -> bool:
    """A state all of whose mentions only locate something ("in Ankara, Turkey")."""
    if cluster.kind is not ActorKind.STATE:
        return False
    return all(
        _LOCATING.search(text[max(0, m.start - 25) : m.start]) is not None
        and not text[m.end : m.end + 2].startswith(("'s", "’s"))
        for m in cluster.mentions
    )


def _non_overlapping(candidates: Sequence[Candidate]) -> list[Candidate]:
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


def _cluster(text: str, chosen: Sequence[Candidate]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    ordered = sorted(chosen, key=lambda c: c.kind is ActorKind.PERSON and " " not in c.name)
    for c in ordered:
        span = Span.of(text, c.start, c.end)
        single = c.kind is ActorKind.PERSON and " " not in c.name
        cluster = None if single else by_key.get(c.key)  # a surname: each time, whose it is
        if cluster is None and c.kind is ActorKind.PERSON:
            cluster = _person_key(clusters, c, text)
        if cluster is None and c.kind is ActorKind.ORGANIZATION and c.key.startswith("org:"):
            cluster = next(
                (k for k in clusters if k.kind is c.kind and same_name(k.names[0], c.name)),
                None,
            )
        if cluster is None:
            cluster = _Cluster(
                c.key, c.kind, [c.name], [], c.title, c.country, c.sector, c.identifiers
            )
            if c.kind is ActorKind.PERSON:
                cluster.courtesy = _courtesy(text, c.start)
            clusters.append(cluster)
        by_key[c.key] = cluster
        cluster.add(span)
        if c.name not in cluster.names:
            cluster.names.append(c.name)
        cluster.title = cluster.title or c.title
        cluster.country = cluster.country or c.country
        cluster.sector = cluster.sector or c.sector
    return clusters


_CAPITALISED = regex.compile(rf"{_B}\p{{Lu}}[\p{{L}}'’-]+(?<!['’]s){_E}")


def _surname_mentions(
    text: str, article: Article, clusters: list[_Cluster], taken: list[tuple[int, int]]
) -> list[_Cluster]:
    """Bare surnames (and their misspellings) of the people already found."""
    persons = [c for c in clusters if c.kind is ActorKind.PERSON]
    if not persons:
        return clusters
    taken = sorted(taken)
    vocab = _vocabulary()
    index: dict[str, list[tuple[str, _Cluster]]] = {}
    for cluster in persons:  # by first letter: a misspelling keeps its initial
        for token in cluster.tokens():
            folded = _fold(token)
            index.setdefault(folded[:1], []).append((folded, cluster))
    for block in article.blocks:
        if block.role not in ACTOR_ROLES:
            continue
        for m in _CAPITALISED.finditer(text, block.span.start, block.span.end):
            i = bisect.bisect_right(taken, (m.start(), 10**12))
            if i > 0 and taken[i - 1][1] > m.start():
                continue
            word = m.group(0)
            if word in vocab.not_names or word in vocab.office_words:
                continue
            match = _surname_owner(word, m.start(), index)
            if match is not None:
                match.add(Span.of(text, m.start(), m.end()))
                if word not in match.names:
                    match.names.append(word)
    return clusters


@functools.cache
def _team_pattern() -> regex.Pattern[str]:
    heads = alternation((*_vocabulary().team_heads, *_vocabulary().government_heads))
    return regex.compile(
        rf"""(?P<possessive>['’]s)?[ \t]+(?:(?:presidential|re-?election)[ \t]+)?
            (?P<head>{heads}){_E}(?![ \t]+(?:of|for)\b)""",
        regex.VERBOSE,
    )


def _team_mentions(text: str, clusters: list[_Cluster]) -> list[_Cluster]:
    """'The Clinton campaign', "Trump's team": a person's campaign is an organization.

    Its name is the surname and the head ("Clinton campaign"); the person's mention inside
    it becomes the organization's, unless the person is mentioned nowhere else.
    """
    pattern = _team_pattern()
    teams: dict[str, _Cluster] = {}
    states = {c.key: c for c in clusters if c.kind is ActorKind.STATE}
    for person in [c for c in clusters if c.kind is ActorKind.PERSON]:
        for mention in list(person.mentions):
            m = pattern.match(text, mention.end, min(len(text), mention.end + 40))
            if m is None:
                continue
            span = Span.of(text, mention.start, m.end())
            head = m.group("head").casefold()
            governs = head in _vocabulary().government_heads
            if governs and person.country is not None:
                # "the Bush administration" is the government of the United States
                state = states.get(f"state:{person.country}")
                if state is None:
                    name = _state_name(person.country)
                    state = _Cluster(
                        f"state:{person.country}",
                        ActorKind.STATE,
                        [name],
                        [],
                        None,
                        person.country,
                        None,
                    )
                    states[state.key] = state
                    clusters.append(state)
                state.add(span)
                if len(person.mentions) > 1:
                    person.drop(mention)
                continue
            # a campaign, a team, or a government whose state the text does not give
            name = f"{mention.text.split()[-1]} {head}"
            key = f"team:{_fold(name)}"
            team = teams.get(key)
            if team is None:
                sector = "PTY" if head == "campaign" else "GOV" if governs else None
                team = _Cluster(key, ActorKind.ORGANIZATION, [name], [], None, None, sector)
                teams[key] = team
            team.country = team.country or person.country
            team.add(span)
            if len(person.mentions) > 1:
                person.drop(mention)
    return [*clusters, *teams.values()]


def _surname_owner(
    word: str, position: int, index: dict[str, list[tuple[str, _Cluster]]]
) -> _Cluster | None:
    folded = _fold(word)
    candidates = index.get(folded[:1], [])
    exact = [cluster for token, cluster in candidates if token == folded]
    if exact:
        return _most_mentioned(exact, position)
    for token, cluster in candidates:
        if abs(len(token) - len(folded)) <= 2 and same_name(token, folded):
            return cluster
    return None


def _repeated_mentions(text: str, article: Article, clusters: list[_Cluster]) -> list[_Cluster]:
    """Later mentions of a name that a rule recognised once ("the 'X' daily", then "X")."""
    taken = sorted((m.start, m.end) for c in clusters for m in c.mentions)
    names: dict[str, _Cluster] = {}
    for cluster in clusters:
        if cluster.kind in (ActorKind.MEDIA, ActorKind.ORGANIZATION):
            for mention in cluster.mentions:
                if len(mention.text) >= 4 and "\n" not in mention.text:
                    names.setdefault(_spaced(mention.text), cluster)
    if not names:
        return clusters
    pattern = regex.compile(rf"{_B}(?:{alternation(names)}){_E}")
    for block in article.blocks:
        if block.role not in ACTOR_ROLES:
            continue
        for m in pattern.finditer(text, block.span.start, block.span.end):
            i = bisect.bisect_right(taken, (m.start(), 10**12))
            if (i > 0 and taken[i - 1][1] > m.start()) or (
                i < len(taken) and taken[i][0] < m.end()
            ):
                continue
            owner = names.get(_spaced(m.group(0)))
            if owner is not None:
                owner.add(Span.of(text, m.start(), m.end()))
    return clusters


def _spaced(name: str) -> str:
    return _SPACES.sub(" ", name)


_SPACES = regex.compile(r"\s+")
_LETTERS = regex.compile(r"\p{L}[\p{L}'’-]*")
_POSSESSIVE_BEFORE = regex.compile(r"(?P<o>\p{Lu}[\p{L}.]*)['’]s\s+$")
_WORD_BEFORE = regex.compile(r"(?P<w>\p{Lu}[\p{L}.]+)\s+$")
_INITIALISM = regex.compile(r"(?:\p{Lu}\.)+")
_COMPLEMENT = regex.compile(r"\s+(?:of|in|for)\s+the\s+|\s+of\s+")
_NOT_SLUG = regex.compile(r"[^a-z0-9]+")


def _slug(name: str) -> str:
    return _NOT_SLUG.sub("-", _fold(name)).strip("-") or "actor"


def _canonical(cluster: _Cluster) -> str:
    if cluster.kind is not ActorKind.PERSON or cluster.key.startswith("dict:"):
        return cluster.names[0]
    full = [n for n in cluster.names if " " in n]
    if not full:
        return cluster.names[0]
    return max(full, key=lambda n: (sum(n == m.text for m in cluster.mentions), len(n)))


def _table(clusters: list[_Cluster]) -> ActorTable:
    actors = []
    mentions: list[Mention] = []
    used: set[str] = set()
    for cluster in clusters:
        name = _canonical(cluster)
        ident = _slug(name)
        while ident in used:
            ident += "-2"
        used.add(ident)
        spans = tuple(sorted(set(cluster.mentions), key=lambda s: s.start))
        aliases = tuple(
            dict.fromkeys(s.text for s in spans if s.text != name and "\n" not in s.text)
        )
        aliases = tuple(dict.fromkeys((*[n for n in cluster.names if n != name], *aliases)))
        actors.append(
            Actor(
                id=ident,
                kind=cluster.kind,
                name=name,
                aliases=aliases,
                title=cluster.title,
                country=cluster.country,
                sector=cluster.sector,
                identifiers=cluster.identifiers,
                mentions=spans,
            )
        )
        mentions.extend(Mention(s.start, s.end, ident) for s in spans)
    return ActorTable(tuple(actors), tuple(sorted(mentions)))
