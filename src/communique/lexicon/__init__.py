"""The parser's vocabulary: one frozen :class:`Lexicon` built from the packaged TOML files.

Each packaged file (``actors.toml``, ``cues.toml``, ``dates.toml`` ...) is one *table* of
the lexicon, read by its stem: ``lexicon["cues"]``. A user's additions are a TOML file of
the same shape with the table name on top (``[cues.cues.speech] forms = ["quipped"]``);
:meth:`Lexicon.overlay` merges them in: tables merge key by key, lists are extended (a
word already listed is not repeated), and other values are replaced.

Stages derive their compiled patterns from a Lexicon with :func:`derived`, once per
Lexicon value and on first use, never at import.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
import regex

__all__ = ["Lexicon", "LexiconError", "alternation", "derived", "left_edge", "phrase_key"]

#: The packaged tables, by file stem.
TABLES = ("actors", "article", "cues", "dates", "events", "proposals", "sentences")

#: The sections whose keys are data (a word, a name, a country) rather than names the
#: code reads: only there does a new key add an entry. Everywhere else a new key is a
#: typo that no rule would read (``[events.pronouns] plurals``), or a name the code has
#: no rule for (a date rule, a PLOVER mode), and is refused.
OPEN_SECTIONS = frozenset(
    f"lexicon.{path}"
    for path in (
        "actors.countries",
        "actors.canonical",
        "actors.demonyms",
        "actors.metonyms",
        "actors.capitals",
        "actors.organizations",
        "actors.parties",
        "actors.groups.roles",
        "actors.media",
        "actors.abbreviations",
        "actors.sectors",
        "actors.org_heads",
        "actors.courtesy.addressed",
        "article.timezones",
        "article.wire.outlets",
        "cues.cues",
        "dates.months",
        "dates.weekdays",
        "dates.seasons",
        "dates.numbers",
        "dates.ordinals",
        "dates.units",
        "dates.shift_words",
        "dates.directions",
        "dates.decades",
        "dates.spoken_years.centuries",
        "dates.spoken_years.thousand",
        "dates.references",
        "dates.holidays",
        "dates.relative_days",
        "dates.quarters.ordinals",
        "dates.quarters.year_determiners",
        "dates.patterns.fragments",
    )
)

T = TypeVar("T")


class LexiconError(ValueError):
    """A lexicon file that cannot be read or does not fit the packaged tables."""


def _frozen(value: Any) -> Any:
    """A read-only copy of parsed TOML: mappings as proxies, lists as tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    return value


def _shape(value: Any) -> str:
    """The TOML shape of a value, as an error message names it."""
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    return "a string" if isinstance(value, str) else type(value).__name__


def _merge(base: Any, extra: Any, where: str) -> Any:
    """``extra`` laid over ``base``: tables by key, lists extended, other values replaced."""
    if _shape(extra) != _shape(base):
        raise LexiconError(f"{where}: expected {_shape(base)}, got {_shape(extra)}")
    if isinstance(base, Mapping):
        merged = dict(base)
        for key, value in extra.items():
            here = f"{where}.{key}"
            merged[key] = (
                _merge(base[key], value, here) if key in base else _new(base, value, here)
            )
        return merged
    if isinstance(base, tuple | list):
        return [*base, *(item for item in extra if item not in base)]
    return extra


def _new(table: Mapping[str, Any], value: Any, where: str) -> Any:
    """A key the packaged table lacks: allowed where the table maps words to values of one
    shape (a gazetteer, a group of cues: :data:`OPEN_SECTIONS`), and then only in that
    shape, with the keys that every sibling table has. Anywhere else it is a typo."""
    shapes = {_shape(sibling) for sibling in table.values()}
    if len(shapes) != 1 or where.rpartition(".")[0] not in OPEN_SECTIONS:
        known = ", ".join(sorted(table))
        raise LexiconError(f"{where}: unknown key; this table has {known}")
    (shape,) = shapes
    if _shape(value) != shape:
        raise LexiconError(f"{where}: expected {shape}, like the other entries of its table")
    if isinstance(value, Mapping):
        required = set.intersection(*(set(sibling) for sibling in table.values()))
        missing = sorted(required - set(value))
        if missing:
            raise LexiconError(f"{where}: missing {', '.join(missing)}")
    return value


@attrs.frozen(eq=False)
class Lexicon(Mapping[str, Mapping[str, Any]]):
    """The vocabulary the parser reads: table name -> parsed TOML (read-only).

    Compared by identity: two Lexicon values are the same only if they are one object,
    which is what lets stages cache the patterns they derive from it.
    """

    tables: Mapping[str, Mapping[str, Any]] = attrs.field(converter=_frozen)

    @classmethod
    def packaged(cls) -> Lexicon:
        """The lexicon shipped with communique (built once, then shared)."""
        return _packaged()

    @classmethod
    def from_file(cls, path: str | Path) -> Lexicon:
        """The packaged lexicon with the additions of a TOML file laid over it.

        Raises:
            LexiconError: the file cannot be read, is not TOML, or names an unknown table.
        """
        try:
            additions = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise LexiconError(f"cannot read lexicon {path}: {error}") from None
        except tomllib.TOMLDecodeError as error:
            raise LexiconError(f"lexicon {path} is not valid TOML: {error}") from None
        return cls.packaged().overlay(additions)

    def overlay(self, additions: Mapping[str, Any]) -> Lexicon:
        """A new Lexicon: this one with ``additions`` (``{table: {...}}``) merged in.

        Raises:
            LexiconError: a table that the packaged lexicon does not have, or a value of
                another shape than the one it replaces.
        """
        unknown = sorted(set(additions) - set(self.tables))
        if unknown:
            raise LexiconError(
                f"unknown lexicon table {', '.join(unknown)}; the tables are {', '.join(TABLES)}"
            )
        for name, table in additions.items():
            if isinstance(table, Mapping):
                unknown = sorted(set(table) - set(self.tables[name]))
                if unknown:  # a file's sections are fixed: no rule would read a new one
                    known = ", ".join(sorted(self.tables[name]))
                    raise LexiconError(
                        f"lexicon.{name}.{unknown[0]}: unknown key; {name} has {known}"
                    )
        return Lexicon(_merge(self.tables, additions, "lexicon"))

    def __getitem__(self, name: str) -> Mapping[str, Any]:
        return self.tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.tables)

    def __len__(self) -> int:
        return len(self.tables)

    __hash__ = object.__hash__


@functools.cache
def _packaged() -> Lexicon:
    from importlib.resources import files  # on first use: it costs more than the rest

    package = files(__package__)
    return Lexicon(
        {
            name: tomllib.loads(package.joinpath(f"{name}.toml").read_text("utf-8"))
            for name in TABLES
        }
    )


def derived(build: Callable[[Lexicon], T]) -> Callable[[Lexicon], T]:
    """Cache what ``build`` derives from a Lexicon (patterns, word sets), per Lexicon value.

    The packaged lexicon and a handful of user lexicons stay cached; the work is done on
    first use, never at import.
    """
    return functools.lru_cache(maxsize=8)(build)


def alternation(phrases: Iterable[str], *, case_blind: bool = True) -> str:
    """A regex alternation of vocabulary phrases: longest first, a run of whitespace in a
    phrase matching any run of whitespace, every other character literal.

    The phrases are folded into a prefix tree ("attack|attacks|attacked" becomes
    ``attack(?:ed|s)?``), which the regex engine scans several times faster than a flat
    list of hundreds of words; at every branch the longer continuation is tried first, so
    what matches is what the flat longest-first list would match. Where two branches
    could match the same letter (phrases that differ only in case, "UK" and "Ukraine",
    read case-blind) the tree could choose otherwise, and the flat list is returned
    instead, unless ``case_blind`` is False: the caller reads the alternation with case,
    where such branches never compete.
    """
    # a run of whitespace is one "\s+": two in a row would let the first take all of it
    # and the branch after it fail where the flat list backtracks
    normal = {_WHITESPACE.sub(" ", str(p)) for p in phrases}
    root: _Trie = {}
    for phrase in normal:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    if case_blind and _case_blind_twins(root):
        ordered = sorted(normal, key=lambda p: (-len(p), p))
        return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return "|".join(_branches(root)[0])


_Trie = dict[str, "_Trie"]
_WHITESPACE = regex.compile(r"\s+")


def _case_blind_twins(node: _Trie) -> bool:
    """Whether two branches of one node, anywhere in the tree, start with one letter in
    two cases ("A" and "a")."""
    keys = [char.casefold() for char in node if char]
    return len(keys) != len(set(keys)) or any(
        _case_blind_twins(child) for char, child in node.items() if char
    )


def left_edge(phrases: Iterable[str]) -> str:
    """A pattern for where a word of ``phrases`` may start: not after a word character or
    a hyphen (``(?<![\\w-])``).

    When every phrase starts with a word character it leads with ``\\b``, which matches
    the same there and lets the regex engine skip the inside of words: a scan for the
    phrases then costs a half to two thirds as much.
    """
    bound = r"\b" if all(_WORD_START.match(p) for p in phrases) else ""
    return bound + r"(?<![\w-])"


_WORD_START = regex.compile(r"\w")


def _branches(node: _Trie) -> tuple[list[str], int]:
    """The alternatives below ``node``, longest continuation first (an end of phrase, the
    empty alternative, last), and the length of the longest of them."""
    below = {char: _branches(child) for char, child in node.items() if char}
    out = []
    for char in sorted(below, key=lambda c: (-below[c][1], c)):
        token = r"\s+" if char == " " else regex.escape(char)
        rest = below[char][0]
        if rest == [""]:
            out.append(token)
        elif len(rest) == 1:
            out.append(token + rest[0])
        elif rest[-1] == "":
            out.append(f"{token}(?:{'|'.join(rest[:-1])})?")
        else:
            out.append(f"{token}(?:{'|'.join(rest)})")
    if "" in node:
        out.append("")
    return out, max((1 + depth for _, depth in below.values()), default=0)


def phrase_key(form: str) -> str:
    """The key a matched phrase is looked up by: case-folded, whitespace runs as one space."""
    return " ".join(form.casefold().split())
