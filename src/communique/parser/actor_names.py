"""Reading a run of capitalised words: a titled or untitled person, or a named organization.

:func:`classify_run` is what the names finder asks of each run; the rest are its parts:
where the name starts and ends, the office written before it or in apposition after it,
and the country and sector that office implies.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from communique.model import ActorKind
from communique.parser.actor_candidates import Candidate
from communique.parser.actor_vocabulary import INITIALISM, Vocabulary

__all__ = ["classify_run"]

Words = list[tuple[int, int]]  # (start, end) of each word of a run

_WORD = regex.compile(r"\S+")
#: a clause break: a word up to its last mark (or a line break), then spaces. A match only
#: starts after a space, a mark or at the start (inside a word, a scan that failed at the
#: word's start fails again); the lookbehind says so before the word is read.
_BREAK = regex.compile(
    r"""(?<![^\s.!?;:,()\[\]"“”])(?P<word>\S*)(?P<mark>[.!?;:,()\[\]"“”\n])\s*"""
)
#: the start of a word: no break runs from a space into the word after it, so a scan for
#: breaks that starts there finds the breaks a scan from further left finds after it
_WORD_START = regex.compile(r"(?<=\s)\S")
#: how far before a name its clause may start
_CLAUSE = 90
#: how far before a name the search for its clause break starts (a clause is often shorter)
_TAIL = 32
_MARK = regex.compile(r"[.!?;:,()\[\]\"“”\n]")
_APPOSITION = regex.compile(
    r"""^,\s+(?:who\s+(?:is|was)\s+(?:then\s+|now\s+)?)?(?:the\s+|a\s+|an\s+)?
    (?P<title>[^,.;()\n]{1,120}?)(?=[,.;()\n]|$)""",
    regex.VERBOSE,
)
#: "the Syrian ambassador to Washington, " right before a name: an office set off by a comma
_COMMA_TITLE = regex.compile(
    r"""(?<![\p{L}])(?:the|The)\s+(?P<title>(?:[\p{L}.'’-]+\s+){0,6}[\p{L}.'’-]+),\s+$"""
)
#: the comma and spaces that end :data:`_COMMA_TITLE`, matched backwards from its end
_COMMA_SPACE_BEFORE = regex.compile(r",\s+", regex.REVERSE)
#: where an apposition's noun phrase ends: a relative pronoun or a participle clause
_RELATIVE = frozenset({"who", "which", "that", "whose", "whom"})
_PHRASE_END = frozenset(
    {"who", "which", "that", "whose", "whom", "when", "where", "in", "to", "from", "at", "for"}
    | {"with", "on", "near", "against", "into", "after", "before", "since", "by"}
)
#: A possessor right before a position: "Reuters' " in "Reuters' correspondent".
_POSSESSIVE_BEFORE = regex.compile(r"(?P<o>\p{Lu}[\p{L}.]*)['’]s\s+$")
_WORD_BEFORE = regex.compile(r"(?P<w>\p{Lu}[\p{L}.]+)\s+$")


def classify_run(v: Vocabulary, text: str, start: int, end: int) -> list[Candidate]:
    """The people and organizations that the capitalised run ``text[start:end]`` names."""
    words = [m.span() for m in _WORD.finditer(text, start, end)]
    tokens = [text[a:b] for a, b in words]
    if len(tokens) > 1 and tokens[0].casefold() in v.verbs and text[end : end + 1] in (":", ","):
        words, tokens = words[1:], tokens[1:]  # "Said Ellis: ...": a cue before its source
    while len(tokens) > 1 and tokens[-1].casefold() in v.weekdays:
        words, tokens = words[:-1], tokens[:-1]  # "President Bill Clinton Thursday condemned"
    for k in range(1, len(tokens) - 1):
        if tokens[k] == "on" and tokens[k + 1].casefold().rstrip(".") in v.calendar:
            words, tokens = words[:k], tokens[:k]  # "the Security Council on Friday"
            break
    # an organization: a run with an organization head, followed by nothing or "of ..."
    heads = [k for k, t in enumerate(tokens) if t in v.org_heads and k > 0]
    if heads and (heads[0] == len(tokens) - 1 or tokens[heads[0] + 1] in v.connectors):
        return _member_of(v, text, words, tokens, heads[0]) or _organization_run(
            v, text, words, tokens
        )
    # a person: the name at the end of the run, after any title or connector ("Secretary
    # of State Henry Kissinger"), or else before its first connector ("X of Maryland")
    connectors = [k for k, t in enumerate(tokens) if t in v.connectors]
    cut = connectors[-1] + 1 if connectors else 0
    found = _person(v, text, words[cut:], tokens[cut:], after_connector=cut > 0)
    if not found and connectors and connectors[0] > 0:
        first = connectors[0]
        # "Mary Smith of Dallas": a full name before "of" and a short place is a person
        # ("Jan Kavan of the Czech Republic": an article after "of" is no second connector)
        joined = [k for k in connectors if not (tokens[k] in ("the", "The") and k == first + 1)]
        of_place = tokens[first] == "of" and len(joined) == 1 and len(tokens) - first <= 4
        found = _person(v, text, words[:first], tokens[:first], after_connector=not of_place)
        if of_place and found and found[0].country is None:
            # "Leonid Kuchma of Ukraine": the state after "of" is the person's
            place = " ".join(t for t in tokens[first + 1 :] if t not in ("the", "The"))
            code = v.countries.get(place) or v.countries.get(f"the {place}")
            if code is not None:
                found = [attrs.evolve(found[0], country=code), *found[1:]]
    return found


def _member_of(
    v: Vocabulary, text: str, words: Words, tokens: list[str], head: int
) -> list[Candidate]:
    """'Jane Doe of the Heritage Foundation': a person, then the organization."""
    of = tokens.index("of") if "of" in tokens else -1
    if of < 2 or of >= head or tokens[0] in v.leading:
        return []
    if not all(v.is_name_token(t) and t not in v.particles for t in tokens[:of]):
        return []
    person = _person(v, text, words[:of], tokens[:of], after_connector=False)
    if not person:
        return []
    org_from = of + 1
    while org_from < head and tokens[org_from] in ("the", "The"):
        org_from += 1
    return person + _organization_run(v, text, words[org_from:], tokens[org_from:])


def _person(
    v: Vocabulary, text: str, words: Words, tokens: list[str], *, after_connector: bool
) -> list[Candidate]:
    """A person named by the name tokens that end ``tokens``, if the rules allow one."""
    if not tokens:
        return []
    end = words[-1][1]
    suffixed = len(tokens) > 1 and tokens[-1] in v.name_suffixes
    if suffixed and text[end : end + 1] == "." and tokens[-1].istitle():
        end += 1  # "Jr.": the full stop belongs to the name
    i = len(tokens) - suffixed
    if v.is_surname_office(tokens[:i]) or v.is_surname_place(tokens[:i]):
        i -= 1  # "Angus King", "Jim Jordan": an office or a place as a surname
    while i > 0 and v.is_name_token(tokens[i - 1]):
        i -= 1
    if suffixed and i == len(tokens) - 1:
        return []  # a suffix alone is not a name
    while i < len(tokens) and (
        tokens[i] in v.honorifics or tokens[i] in v.connectors or tokens[i] in v.particles
    ):
        i += 1
    name_tokens = tokens[i:]
    if not name_tokens:
        return _honorific_surname(v, text, words, tokens)
    if INITIALISM.fullmatch(name_tokens[-1]):
        return []  # a name ends in a surname, not an initial
    name_start = words[i][0]
    title, country, sector = _title_before(v, text, name_start)
    if len(name_tokens) == 1 and title is not None and title.split()[-1] in ("to", "in", "at"):
        return []  # "the Chilean ambassador to Lima": the office's complement, a place
    after_title, after_country, after_sector = _apposition_after(v, text, end)
    located = v.locative_before.search(text[max(0, name_start - 20) : name_start]) is not None
    if title is None and after_title is not None and located:
        return []  # "in Chelsea, the mayor said": a place, then a new subject
    if title is None and after_title is None:
        title, country, sector = _title_before_comma(v, text, name_start)
    title = title or after_title
    titled = (
        title is not None
        or v.titled_before.search(text, max(0, name_start - 8), name_start) is not None
    )
    if (len(name_tokens) < 2 or after_connector) and not titled:
        return []
    if not titled and located:
        return []
    if all(t.isupper() and len(t) > 1 for t in name_tokens):
        return []
    if country is None and after_country is None and title is None:
        country = _possessor_state(v, text, name_start)  # "Iraq's Saddam Hussein"
    name = " ".join(name_tokens) + ("." if text[end - 1] == "." else "")
    return [
        Candidate.of(
            ActorKind.PERSON,
            (name_start, end),
            name,
            country=country or after_country,
            sector=sector or after_sector,
            title=title,
            priority=1,
        )
    ]


def _possessor_state(v: Vocabulary, text: str, name_start: int) -> str | None:
    """The state whose possessive stands right before a name ("Iraq's Saddam Hussein")."""
    m = _POSSESSIVE_BEFORE.search(text, max(0, name_start - 40), name_start)
    return v.countries.get(m.group("o")) if m is not None else None


def _honorific_surname(
    v: Vocabulary, text: str, words: Words, tokens: list[str]
) -> list[Candidate]:
    """'Mr. King', 'Ms. Bishop': after a courtesy title an office word is a surname.

    Forms of address ("Mr. President", "Madam Secretary") are not names.
    """
    if len(tokens) != 1 or tokens[0] in v.address_forms or not tokens[0][:1].isupper():
        return []
    start, end = words[0]
    if v.courtesy_before.search(text, max(0, start - 8), start) is None:
        return []
    if tokens[0] in v.countries or tokens[0] in v.not_names or not tokens[0].isalpha():
        return []
    return [Candidate.of(ActorKind.PERSON, (start, end), tokens[0], priority=1)]


def _organization_run(
    v: Vocabulary, text: str, words: Words, tokens: list[str]
) -> list[Candidate]:
    """An organization named by a run, without leading words and nationality."""
    i = 0
    while i < len(tokens) - 1 and tokens[i] in v.leading:
        i += 1
    country = None
    prefix = i
    while i < len(tokens) - 1 and (tokens[i] in v.demonyms or tokens[i] in v.countries):
        country = v.demonyms.get(tokens[i]) or v.countries.get(tokens[i])
        i += 1
    org_start = words[i][0]
    before = text[max(0, org_start - 30) : org_start]
    if i > prefix:
        # "the Soviet Foreign Ministry", "U.S. Embassy": the national prefix is part of the
        # name as written, and gives the country
        org_start = words[prefix][0]
    m = _POSSESSIVE_BEFORE.search(before)
    if country is None and m:
        country = v.countries.get(m.group("o"))
    m = _WORD_BEFORE.search(before)
    if country is None and m:
        country = v.demonyms.get(m.group("w"))
    name = text[org_start : words[-1][1]]
    if text[words[i][0] : words[-1][1]] in v.org_heads:
        return []
    sector = next((v.org_heads[t] for t in tokens if t in v.org_heads), None) or None
    return [
        Candidate.of(
            ActorKind.ORGANIZATION,
            (org_start, words[-1][1]),
            name,
            country=country,
            sector=sector,
            priority=1,
        )
    ]


def _title_before(
    v: Vocabulary, text: str, name_start: int
) -> tuple[str | None, str | None, str | None]:
    """The office written before a name, and the country and sector it implies."""
    if _no_office_before(v, text, name_start):
        return None, None, None  # most names: no need to find where their clause starts
    return _office_in_clause(v, text, name_start)


def _no_office_before(v: Vocabulary, text: str, position: int) -> bool:
    """Whether :func:`_office_in_clause` surely finds nothing before ``position``.

    Its title words, read in the clause before the name, are words of the title read in
    the whole window before it, or an end of one after a full stop where the clause starts
    ("Reuters.President"); when none of those is an office head and no possessive ends
    the window, it finds no office. Cheaper than finding where the clause starts.
    """
    window = text[max(0, position - _CLAUSE) : position]
    m = v.title_left.search(window)
    if m is None:
        return False
    heads = v.office_heads_folded
    for word in m.group("title").split():
        if word.casefold() in heads:
            return False
        stop = word.find(".")
        if stop >= 0 and any(word[k:].casefold() in heads for k in range(stop + 1, len(word))):
            return False
    return not (("'s" in window or "’s" in window) and _POSSESSIVE_BEFORE.search(window))


def _office_in_clause(
    v: Vocabulary, text: str, name_start: int
) -> tuple[str | None, str | None, str | None]:
    """:func:`_title_before`, read in the clause before the name."""
    left = _clause_before(v, text, name_start)
    m = v.title_left.search(left)
    if m is None:
        return None, None, None
    words = m.group("title").split()
    # the title must end, right before the name, in an office head
    end = len(words)
    if not end or not _ends_in_office(v, words):
        possessive = _POSSESSIVE_BEFORE.search(left)
        if possessive and possessive.group("o") in v.media:
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
        elif any(two in t for t in (v.demonyms, v.countries, v.metonyms, v.organizations)):
            country = country or v.code_of(two)
            sector = sector or v.organizations.get(two, ("", None, None))[2]
            if start == k:
                start = k + 2
            k += 1
        elif word in v.demonyms or word in v.countries or word in v.organizations:
            country = country or v.code_of(word)
            sector = sector or v.organizations.get(word, ("", None, None))[2]
            if start == k:
                start = k + 1
        elif word.casefold() in v.office_heads_folded or word in v.office_words:
            complement = complement or word in ("of", "to", "for")
        elif word in v.office_portfolios and not complement:
            pass  # "Kenyan Trade Minister": the portfolio keeps the nationality before it
        elif word.islower() and word not in v.office_modifiers:
            start = k + 1  # a word that is not part of the office
            country = sector = None  # nor is a nationality before it
        elif word[:1].isupper() and not complement:
            start = k + 1
            country = sector = None
        k += 1
    title_words = _without_nationality(v, words[start:end])
    while title_words and title_words[0] in ("the", "and", "of", "to"):
        title_words.pop(0)
    if not title_words:
        return None, country, sector
    title = " ".join(title_words)
    for word in title_words:
        if word in v.countries and country is None:
            country = v.countries[word]
    return title, country, v.sector_of(title) or sector


def _clause_before(v: Vocabulary, text: str, position: int) -> str:
    """The text before ``position`` back to the last clause break, at most ``_CLAUSE``
    characters."""
    left = text[max(0, position - _CLAUSE) : position]
    if _MARK.search(left) is None:
        return left  # no break; _BREAK would try every start, each to the window's end
    # the breaks are found from the left, but only the last one counts: the tail is scanned
    # first, from the start of a word
    fresh = _WORD_START.search(left, max(0, len(left) - _TAIL))
    cut = _last_break(v, left, fresh.start()) if fresh is not None else None
    if cut is None:
        cut = _last_break(v, left, 0)
    return left[cut or 0 :]


def _last_break(v: Vocabulary, left: str, start: int) -> int | None:
    """Where the last clause break of ``left`` from ``start`` ends, if it has one.

    The full stop of an office ("Gov."), an initial or an honorific breaks nothing.
    """
    cut = None
    for m in _BREAK.finditer(left, start):
        word = m.group("word") + m.group("mark")
        if m.group("mark") == "." and (
            word in v.office_heads or INITIALISM.fullmatch(word) or word in v.honorifics
        ):
            continue
        cut = m.end()
    return cut


def _without_nationality(v: Vocabulary, words: Sequence[str]) -> list[str]:
    """The words of a title without honorifics and nationality ("Russian", "White House")."""
    kept: list[str] = []
    k = 0
    while k < len(words):
        two = " ".join(words[k : k + 2])
        if v.code_of(two) is not None and " " in two:
            k += 2
            continue
        if v.code_of(words[k]) is None and words[k] not in v.honorifics:
            kept.append(words[k])
        k += 1
    return kept


def _ends_in_office(v: Vocabulary, words: Sequence[str]) -> bool:
    """Whether a run of words ends in an office, maybe with its "of ..." complement."""
    heads = v.office_heads_folded
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in v.connectors | {"to"}):
        if words[k - 1].casefold() in heads:
            return True
        k -= 1
    return k > 0 and words[k - 1].casefold() in heads


def _apposition_after(
    v: Vocabulary, text: str, end: int
) -> tuple[str | None, str | None, str | None]:
    """An office in apposition after a name: ", the President of Brazil"."""
    if not text.startswith(",", end):
        return None, None, None  # most names: no comma after them to open one
    m = _APPOSITION.match(text[end : end + 160])
    if m is None:
        return None, None, None
    phrase = m.group("title").strip()
    words = phrase.split()
    if any(w in v.verbs for w in words):
        # "Smith, the mayor, said that": a clause, not an office; its noun phrase may
        # still tell the nationality ("the exiled Saudi millionaire who is accused")
        return None, _phrase_country(v, words), None
    lead = 1 if words and v.code_of(words[0]) is not None else 0
    if not any(
        " ".join(words[lead : lead + n]).casefold() in v.office_heads_folded for n in (1, 2, 3)
    ):
        # "Osama bin Laden, the exiled Saudi millionaire", "Uri Lubrani, Israel's top
        # official": no office, but the nationality of the noun phrase is the person's
        return None, _phrase_country(v, words), None
    country = None
    for k, word in enumerate(words):
        two = " ".join(words[k : k + 2])
        country = v.code_of(two) or v.code_of(word.rstrip("'’s"))
        if country:
            break
    if country is None:
        for name, code in v.countries.items():
            if " " in name and name in phrase:
                country = code
                break
    relative = next((k for k, w in enumerate(words) if w in _RELATIVE and k), None)
    if relative is not None:  # "a Brazilian businessman who owns the mine"
        phrase = " ".join(words[lead:relative])
    head = v.complement.split(phrase, maxsplit=1)[0]
    return phrase if len(phrase) <= 60 else head, country, v.sector_of(phrase)


def _phrase_country(v: Vocabulary, words: Sequence[str]) -> str | None:
    """The first nationality of a noun phrase ("the exiled Saudi millionaire who ...")."""
    for k, word in enumerate(words):
        if word in _PHRASE_END or (k and word.casefold() in v.verbs):
            return None
        bare = word.removesuffix("'s").removesuffix("’s")
        two = " ".join([bare, *words[k + 1 : k + 2]])
        code = (v.code_of(two) if " " in two else None) or v.code_of(bare)
        if code is not None and (bare[:1].isupper()):
            return code
    return None


def _title_before_comma(
    v: Vocabulary, text: str, name_start: int
) -> tuple[str | None, str | None, str | None]:
    """'The Czech foreign minister, Jan Kavan': an office set off by a comma before a name."""
    window = max(0, name_start - 80)
    if _COMMA_SPACE_BEFORE.match(text, window, name_start) is None:
        return None, None, None  # most names: no comma right before them to end one
    m = _COMMA_TITLE.search(text, window, name_start)
    if m is None:
        return None, None, None
    words = m.group("title").split()
    # the office ends at its complement ("ambassador to Washington")
    end = next(
        (k for k, w in enumerate(words) if w in ("to", "in", "of", "for", "at") and k),
        len(words),
    )
    if not any(w.casefold() in v.office_heads_folded for w in words[:end]):
        return None, None, None
    if any(w.islower() and w.casefold() in v.verbs for w in words):
        return None, None, None
    country = _phrase_country(v, words)
    title_words = _without_nationality(v, words[:end]) + list(words[end:])
    if not title_words:
        return None, country, None
    title = " ".join(title_words)
    return title, country, v.sector_of(title) or v.sector_of(title.title())
