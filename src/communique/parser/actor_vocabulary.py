"""The actor stage's vocabulary: word sets, lookups and word-bearing patterns of a Lexicon.

:func:`vocabulary` derives one read-only :class:`Vocabulary` per :class:`Lexicon` value,
on first use: the ``actors`` table with the ISO 3166 names of pycountry, and the month,
weekday and reporting-verb words of the ``dates`` and ``cues`` tables. Nothing is read or
compiled at import.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Sequence

import regex

from communique.lexicon import Lexicon, alternation, derived
from communique.parser.actor_scans import LedScan, PhrasePlaces, WordScan
from communique.parser.anchored import AnchoredScan
from communique.parser.titles import title_words

__all__ = [
    "INITIALISM",
    "NAME_END",
    "NAME_START",
    "Vocabulary",
    "fold",
    "spaced",
    "vocabulary",
]

#: Where a name may start: no letter, digit or apostrophe before it.
NAME_START = r"(?<![\p{L}\p{N}'’])"
#: Where a name may end: no letter or digit after it.
NAME_END = r"(?![\p{L}\p{N}])"

#: A capitalised word of a name, or an initialism ("U.S."); not a possessive.
_TOKEN = r"(?:(?:\p{Lu}\.){1,3}|\p{Lu}[\p{L}'’.]*(?:-\p{L}[\p{L}'’]*)*(?<!['’]s)(?<![.'’]))"
_NICKNAME = r"""(?:["“]\p{Lu}[\p{Ll}'’]+["”])"""  # Thomas "Tip" O'Neill
_SPACES = regex.compile(r"\s+")
#: Where a country name may start: a word, capitalised or not ("the Gambia").
_COUNTRY_WORD_START = regex.compile(r"(?<![\p{L}\p{N}'’])[\p{Lu}tm]")
#: How many answers of :meth:`Vocabulary.is_name_token` are kept (then it starts over).
_NAME_TOKENS_KEPT = 1 << 16
#: Initials or an initialism: "R.", "G.K.", "U.S.".
INITIALISM = regex.compile(r"(?:\p{Lu}\.)+")

#: organization alias -> its name, its country code, its sector
Organizations = dict[str, tuple[str, str | None, str | None]]


def spaced(name: str) -> str:
    """``name`` with each run of whitespace as one space."""
    return _SPACES.sub(" ", name)


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """``name`` without accents, case-folded, with one kind of apostrophe: for comparing."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


#: How many first characters of a country name :attr:`Vocabulary.country_heads` keys by.
COUNTRY_HEAD = 12


def _by_head(names: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The names of ``COUNTRY_HEAD`` characters or more by their first ones, in order."""
    heads: dict[str, list[str]] = {}
    for name in names:
        if len(name) >= COUNTRY_HEAD:
            heads.setdefault(name[:COUNTRY_HEAD], []).append(name)
    return {head: tuple(same) for head, same in heads.items()}


def _anchored(pattern: str, phrases: Iterable[str], flags: int = 0) -> AnchoredScan:
    """``pattern`` compiled, scanned only where one of ``phrases`` (its openings) may start."""
    return WordScan(regex.compile(pattern, flags), phrases)


def _words(phrases: Iterable[str], space: str = r"\s+") -> str:
    """An alternation of phrases (see :func:`alternation`) whose spaces match ``space``."""
    return alternation(phrases).replace(r"\s+", space)


class Vocabulary:
    """What the actor rules look up, derived from one Lexicon; read-only once built.

    Built by :func:`vocabulary`, which keeps one per Lexicon value.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._read_gazetteers(lexicon)
        self._read_words(lexicon)
        self._compile_patterns(lexicon)
        #: :meth:`is_name_token`'s answers so far (a text asks of the same words again)
        self._name_tokens: dict[str, bool] = {}

    def _read_gazetteers(self, lexicon: Lexicon) -> None:
        """Countries (ISO 3166 names and the lexicon's), states, organizations and media."""
        import pycountry  # its database loads on first use, never at import

        lex = lexicon["actors"]
        countries: dict[str, str] = {}
        state_names: dict[str, str] = {}
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value and "," not in value:
                    countries[value] = country.alpha_3
            state_names[country.alpha_3.lower()] = str(
                getattr(country, "common_name", None) or country.name
            )
        countries.update(lex["countries"])
        self.countries = countries
        self.state_names = state_names  # by lower-case alpha-3, as pycountry looks them up
        self.canonical: dict[str, str] = dict(lex["canonical"])
        self.demonyms: dict[str, str] = dict(lex["demonyms"])
        self.metonyms: dict[str, str] = dict(lex["metonyms"])
        self.capitals: dict[str, str] = {fold(k): c for k, c in lex["capitals"].items()}
        organizations: Organizations = {}
        for name, (code, sector, *aliases) in (
            *lex["organizations"].items(),
            *lex["parties"].items(),
        ):
            for alias in (name, *aliases):
                organizations[alias] = (name, code or None, sector or None)
        self.organizations = organizations
        self.intergovernmental = frozenset(lex["intergovernmental"]["codes"])
        media: dict[str, tuple[str, str | None]] = {}
        for name, (code, *aliases) in lex["media"].items():
            for alias in (name, *aliases):
                media[alias] = (name, code or None)
        self.media = media
        index: dict[str, list[str]] = {}
        for name in countries:
            index.setdefault(name[:3], []).append(name)
        #: the country names by their first three characters, longest first
        self.country_index = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}
        #: the same, each key's names split in two, in that order: those of
        #: ``COUNTRY_HEAD`` characters or more by those first characters ("Republic of "
        #: of 90 names), then the shorter ones
        self.country_heads = {
            k: (_by_head(names), tuple(n for n in names if len(n) < COUNTRY_HEAD))
            for k, names in self.country_index.items()
        }
        #: where a country name may open: a word start (a capital, or a "t" or "m")
        self.country_word_start = _COUNTRY_WORD_START
        #: the keys of a text's word index (first three characters case-folded) of the
        #: words that open like a name of three or more characters
        self.country_keys = frozenset(k.casefold()[:3] for k in self.country_index if len(k) >= 3)
        #: the names shorter than a key ("US"), looked for letter for letter
        self.short_countries = tuple(k for k in self.country_index if 0 < len(k) < 3)

    def _read_words(self, lexicon: Lexicon) -> None:
        """The word sets of the name rules."""
        lex = lexicon["actors"]
        offices = lex["offices"]
        heads = offices["heads"]
        self.office_heads = frozenset(heads)
        self.office_heads_folded = frozenset(h.casefold() for h in heads)
        self.office_words = frozenset(
            {w for head in heads for w in head.split()} | set(offices["inner_words"])
        )
        self.office_modifiers = frozenset(offices["modifiers"])
        #: "King" in "King Hussein": a monarch of one name is known by the title with it
        self.regnal = frozenset(offices["regnal"])
        #: "Trade" in "Kenyan Trade Minister": keeps the nationality before it
        self.office_portfolios = frozenset(offices["portfolios"])
        self.honorifics = frozenset(offices["honorifics"])
        self.address_forms = frozenset(offices["address_forms"])
        self.office_surnames = frozenset(offices["surnames"])
        self.sectors: dict[str, str] = dict(lex["sectors"])
        self.org_heads: dict[str, str] = dict(lex["org_heads"])
        self.media_words: tuple[str, ...] = tuple(lex["media_words"]["words"])
        self.forces: tuple[str, ...] = tuple(lex["forces"]["words"])
        self.police: tuple[str, ...] = tuple(lex["police"]["words"])
        self.not_names = frozenset(lex["not_names"]["words"])
        self.name_suffixes = frozenset(lex["name_suffixes"]["words"])
        self.place_prefixes = frozenset(lex["place_prefixes"]["words"])
        self.transcript_not_speakers = frozenset(lex["transcripts"]["not_speakers"])
        self.team_heads: tuple[str, ...] = tuple(lex["teams"]["heads"])
        self.government_heads = frozenset(lex["teams"]["governments"])
        self.leading = frozenset(lex["leading"]["words"])
        self.particles = frozenset(lex["names"]["particles"])
        self.connectors = frozenset(lex["names"]["connectors"])
        self.addressed: dict[str, str] = dict(lex["courtesy"]["addressed"])
        self.calendar = frozenset([*lexicon["dates"]["months"], *lexicon["dates"]["weekdays"]])
        self.weekdays = frozenset(lexicon["dates"]["weekdays"])
        #: the one-word reporting verbs of the cue lexicon
        self.verbs = frozenset(
            f for table in lexicon["cues"]["cues"].values() for f in table["forms"] if " " not in f
        )
        #: nouns that head a source naming nobody ("Authorities said")
        self.unnamed_heads = frozenset(lexicon["cues"]["unnamed"]["heads"])
        #: a title as words, abbreviations spelled out
        self.spelled_out = title_words(lexicon)

    def _compile_patterns(self, lexicon: Lexicon) -> None:
        """The patterns that hold words of the lexicon."""
        lex = lexicon["actors"]
        b, e = NAME_START, NAME_END
        joins = _words((*lex["names"]["particles"], *lex["names"]["run_connectors"]), r"[ \t]+")
        #: a run of capitalised words, maybe joined by particles and connectors
        self.run = regex.compile(
            rf"{b}{_TOKEN}"
            rf"(?:[ \t]+(?:{_NICKNAME}[ \t]+)?(?:(?:{joins})[ \t]+)?{_TOKEN}){{0,7}}{e}",
            regex.VERSION1,
        )
        demonyms = alternation(self.demonyms, case_blind=False)
        countries = alternation(self.countries, case_blind=False)
        metonyms = alternation(self.metonyms, case_blind=False)
        # The lexicon scans below open with a phrase of a word list, after NAME_START:
        # anchored at the words that may open one (see communique.parser.anchored).
        self.metonym = _anchored(rf"{b}(?P<name>{metonyms}){e}", self.metonyms)
        self.organization = _anchored(
            rf"{b}(?P<name>{alternation(self.organizations, case_blind=False)}){e}",
            self.organizations,
        )
        self.known_media = _anchored(
            rf"{b}(?P<name>{alternation(self.media, case_blind=False)}){e}", self.media
        )
        self.media_word = regex.compile(
            rf"(?:{b}(?P<demonym>{demonyms})\s+)?(?:(?P<word>{alternation(self.media_words)})\s+)?$"
        )
        demonym_places = PhrasePlaces(demonyms, self.demonyms)
        self.armed_forces = LedScan(
            regex.compile(
                rf"""{b}(?P<demonym>{demonyms})\s+(?P<word>{alternation(self.forces)}){e}
                (?!\s+(?:{alternation(lex["forces"]["compounds"])}){e})""",
                regex.VERBOSE,
            ),
            demonym_places,
        )
        self.police_force = regex.compile(
            rf"""{b}(?P<place>\p{{Lu}}[\p{{L}}'’-]+(?:[ \t]+\p{{Lu}}[\p{{L}}'’-]+)?)[ \t]+
                (?P<word>{alternation(self.police)}){e}""",
            regex.VERBOSE,
        )
        self.government = LedScan(
            regex.compile(
                rf"{b}(?P<demonym>{demonyms})\s+(?:{alternation(lex['governments']['words'])}){e}"
            ),
            demonym_places,
        )
        groups = lex["groups"]
        self.group_roles: dict[str, str] = dict(groups["roles"])
        endings = tuple(groups["plurals"]["endings"])
        #: "Palestinians": the people of a state, by the plural of its demonym
        self.plural_demonyms = {
            f"{d}s": c for d, c in self.demonyms.items() if d.endswith(endings)
        }
        modifiers = groups["modifiers"]["words"]
        modifier = rf"(?:(?P<modifier>{alternation(modifiers, case_blind=False)})\s+)?"
        #: "Ugandan rebels", "Top Israeli officials": a group named by nationality and role
        self.group = LedScan(
            regex.compile(
                rf"{b}{modifier}(?P<demonym>{demonyms})\s+"
                rf"(?P<word>{alternation(self.group_roles)}){e}"
            ),
            demonym_places,
            modifiers,
        )
        #: a capitalised word with a plural ending: without one, no people is named
        self.plural_word = regex.compile(rf"\p{{Lu}}\p{{L}}*(?:{alternation(endings)})s{e}")
        plurals = alternation(self.plural_demonyms, case_blind=False)
        self.plural_people = LedScan(
            regex.compile(rf"{b}{modifier}(?P<plural>{plurals}){e}"),
            PhrasePlaces(plurals, self.plural_demonyms),
            modifiers,
        )
        self.counted_after = frozenset(groups["plurals"]["counted_after"])
        acting = groups["acting"]
        self.acting_sectors = frozenset(acting["sectors"])
        between = rf"(?:{alternation(acting['between'])}|\p{{Lu}}\p{{Ll}}+day|\p{{Ll}}+ly)"
        verb = (
            rf"(?:{alternation(acting['auxiliaries'])}|{alternation(self.verbs)}|\p{{Ll}}{{2,}}ed)"
        )
        #: what follows a group that acts: its verb, maybe after a time or an adverb
        self.acting = regex.compile(rf"(?:\s+{between})*\s+{verb}{e}")
        heads = (*self.forces, *lex["governments"]["words"], *self.group_roles)
        #: a head word of a group anywhere: without one, neither group scan can match (the
        #: scans, long alternations of demonyms, are skipped on most paragraphs)
        self.group_head = regex.compile(rf"\s(?:{alternation(heads)}){e}")
        #: "French and Egyptian warships": the demonyms before the last of a coordination
        self.coordinated = LedScan(
            regex.compile(
                rf"""{b}{modifier}(?P<demonym>{demonyms})
                (?:\s*,\s*(?P<demonym>{demonyms}))*,?\s+and\s+(?P<last>{demonyms})
                \s+(?P<word>{alternation(heads)}){e}""",
                regex.VERBOSE,
            ),
            demonym_places,
            modifiers,
        )
        igo = [a for a, v in self.organizations.items() if v[1] in self.intergovernmental]
        self.nationality = _anchored(
            rf"{b}(?:{demonyms}|{countries}|{metonyms}|{alternation(igo, case_blind=False)}){e}",
            [*self.demonyms, *self.countries, *self.metonyms, *igo],
        )
        verbs = alternation(self.verbs)
        # "Lynch", "McCain", "O’Neill", "Abu-Ghaith"; written so that no two runs compete
        # for the same letters (which made a long word quadratic).
        name = r"\p{Lu}(?:\p{Ll}*\p{Lu})?[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?"
        after = rf"(?:{verbs})\s+(?P<after>{name})(?=\s*[,.;])"
        #: a lone capitalised word right before or after a reporting verb: "Lynch said",
        #: '"...", said Lynch,'. The second form matches from its comma or quote: the engine
        #: then looks for one of those first instead of testing a lookbehind at every
        #: character (see ``speaker_behind`` for a block that opens with the verb).
        self.speaker = regex.compile(
            rf"""(?:[,”"]\s+{after}
            |{b}(?P<before>{name})(?:,(?P<apposition>(?:\s+[\p{{L}}\d.'’-]+){{1,6}}),)?
            \s+(?:(?:{alternation(lex["speakers"]["between"])}|\p{{Ll}}+ly)\s+)?(?:{verbs}){e})""",
            regex.VERBOSE,
        )
        #: "said Lynch," at the start of a block whose comma or quote ends the block before
        self.speaker_behind = regex.compile(rf"(?<=[,”\"]\s+){after}")
        articles = alternation(lex["speakers"]["articles"])
        self.article_before = regex.compile(rf"(?<![\p{{L}}])(?P<article>{articles})[ \t\xa0]+$")
        self.courtesy_before = regex.compile(
            rf"\b(?:{alternation(lex['courtesy']['titles'])})\.?[ \t]+$"
        )
        self.titled_before = regex.compile(
            rf"\b(?:{alternation(lex['names']['titled_after'])})\.?\s+$"
        )
        places = lex["places"]
        self.locative_before = regex.compile(
            rf"\b(?:{alternation(places['locative'])})\s+(?:the\s+)?$"
        )
        self.complement_before = regex.compile(
            rf"\b(?:{alternation(places['complement_before'])})\s+$"
        )
        self.locating_before = regex.compile(
            rf"(?:(?<![\p{{L}}])(?:{alternation(places['locating'])})\s+(?:the\s+)?"
            rf"|(?<=\p{{Ll}}\s)\p{{Lu}}[\p{{L}}.]+,\s+)$"
        )
        #: the words of a title that may stand before a name, at the end of the text; searched
        #: backwards from the end (REVERSE), which finds the same words as a forward search
        #: without trying the pattern at every character of the text first
        self.title_left = regex.compile(
            rf"""(?P<title>(?:(?:{alternation(lex["offices"]["prefixes"])})\s+)?
                (?:(?:\p{{Lu}}[\p{{L}}.'’-]*|\p{{Ll}}+)\s+){{0,7}})$""",
            regex.VERBOSE | regex.REVERSE,
        )
        self.complement = regex.compile(rf"\s+(?:{alternation(lex['offices']['complements'])})\s+")
        sectors = "|".join(
            regex.escape(w) for w in sorted(self.sectors, key=lambda w: (-len(w), w))
        )
        self.sector_word = regex.compile(rf"(?<!\w)(?:{sectors})(?!\w)")
        teams = lex["teams"]
        self.team = regex.compile(
            rf"""(?P<possessive>['’]s)?[ \t]+(?:(?:{alternation(teams["modifiers"])})[ \t]+)?
            (?P<head>{alternation((*self.team_heads, *self.government_heads))}){e}
            (?![ \t]+(?:of|for)\b)""",
            regex.VERBOSE,
        )

    # ----------------------------------------------------------------------- lookups

    def places(self) -> frozenset[str]:
        """Names that place a city: countries, their subdivisions, US state abbreviations."""
        return _places(self.lexicon)

    def state_name(self, code: str) -> str:
        """The name of the state with this alpha-3 code (the code itself when unknown)."""
        if code in self.canonical:
            return self.canonical[code]
        return self.state_names.get(code.lower(), code)

    def code_of(self, word: str) -> str | None:
        """The country code a demonym, country, metonym or organization name stands for."""
        if word in self.demonyms:
            return self.demonyms[word]
        if word in self.countries:
            return self.countries[word]
        if word in self.metonyms:
            return self.metonyms[word]
        if word in self.organizations:
            return self.organizations[word][1]
        return None

    def sector_of(self, title: str) -> str | None:
        """The sector a title implies: by its first word, else by its longest sector word."""
        first = title.split()[0].casefold() if title.split() else ""
        if first in self.sectors:
            return self.sectors[first]
        found = [m.group(0) for m in self.sector_word.finditer(title)]
        return self.sectors[max(found, key=len)] if found else None

    def courtesy(self, text: str, start: int) -> str | None:
        """'Mr.' or 'Mrs.' (for Mrs., Ms. and Miss) if a courtesy title stands right before."""
        m = self.courtesy_before.search(text, max(0, start - 8), start)
        return self.addressed.get(m.group().strip().rstrip(".")) if m is not None else None

    def is_known_media(self, name: str) -> bool:
        """Whether ``name`` is an outlet of the lexicon."""
        return name.strip() in self.media

    def is_name_token(self, token: str) -> bool:
        """Whether a capitalised word can be part of a personal name."""
        known = self._name_tokens.get(token)
        if known is None:
            if len(self._name_tokens) >= _NAME_TOKENS_KEPT:
                self._name_tokens.clear()
            known = self._name_tokens[token] = self._is_name_token(token)
        return known

    def _is_name_token(self, token: str) -> bool:
        if len(token) > 2 and token[0] in '"“' and token[-1] in '"”':
            return self.is_name_token(token[1:-1])  # a nickname inside a name
        if token in self.particles:
            return True
        if token in self.not_names or token in self.office_words:
            return False
        if INITIALISM.fullmatch(token):
            return self.is_initial(token)
        if len(token) > 1 and token.isupper():
            return False  # an acronym ("NYPD Commissioner") is not a personal name
        if token + "." in self.office_words or token + "." in self.honorifics:
            return False  # "Rep" of "Rep.", whose full stop the run leaves out
        if token in self.countries or token in self.demonyms or token in self.metonyms:
            return False
        if token in self.organizations or token in self.media:
            return False
        if "-" in token and any(
            part in self.countries or part in self.demonyms for part in token.split("-")
        ):
            return False
        return token[:1].isupper()

    def is_initial(self, token: str) -> bool:
        """'R.' of "Ronald R. Fieldstone", 'G.K.' of "G.K. Butterfield"; not "U.S." or "U.N."."""
        return not (
            token in self.countries
            or token in self.demonyms
            or token in self.organizations
            or token in self.media
            or token.rstrip(".") in self.countries
        )

    def is_given_name(self, token: str) -> bool:
        """Whether a token can be the given name before a surname (not "Crown", "U.S.", "al")."""
        return (
            self.is_name_token(token)
            and not INITIALISM.fullmatch(token)
            and token not in self.particles
            and token not in self.org_heads
        )

    def is_surname_office(self, tokens: Sequence[str]) -> bool:
        """Whether the last token is an office word used as a surname after a given name."""
        if len(tokens) < 2 or tokens[-1] not in self.office_surnames:
            return False
        given = tokens[-2]
        return self.is_given_name(given) and f"{given} {tokens[-1]}" not in self.office_heads

    def is_surname_place(self, tokens: Sequence[str]) -> bool:
        """Whether the last token is a country or demonym used as a surname: "Mark Cuban"."""
        if len(tokens) < 2:
            return False
        given, last = tokens[-2], tokens[-1]
        if not (last in self.countries or last in self.demonyms):
            return False
        pair = f"{given} {last}"
        return (
            self.is_given_name(given)
            and given not in self.place_prefixes
            and pair not in self.countries
            and pair not in self.demonyms
        )


@derived
def vocabulary(lexicon: Lexicon) -> Vocabulary:
    """The actor vocabulary of ``lexicon`` (one per Lexicon value, built on first use)."""
    return Vocabulary(lexicon)


@derived
def _places(lexicon: Lexicon) -> frozenset[str]:
    import pycountry  # its subdivisions load only when a rule asks for them

    names = {s.name for s in pycountry.subdivisions}
    abbreviations = lexicon["actors"]["places"]["abbreviations"]
    return frozenset({*names, *vocabulary(lexicon).countries, *abbreviations})
