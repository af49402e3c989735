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
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
import regex

__all__ = ["Lexicon", "LexiconError", "alternation", "derived", "load", "phrase_key"]

#: The packaged tables, by file stem.
TABLES = ("actors", "article", "cues", "dates", "events", "proposals", "sentences")

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


def _merge(base: Any, extra: Any, where: str) -> Any:
    """``extra`` laid over ``base``: tables by key, lists extended, other values replaced."""
    if isinstance(base, Mapping):
        if not isinstance(extra, Mapping):
            raise LexiconError(f"{where}: expected a table, got {type(extra).__name__}")
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value, f"{where}.{key}") if key in base else value
        return merged
    if isinstance(base, tuple | list):
        if not isinstance(extra, list | tuple):
            raise LexiconError(f"{where}: expected a list, got {type(extra).__name__}")
        return [*base, *(item for item in extra if item not in base)]
    return extra


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
    package = files(__package__)
    return Lexicon(
        {
            name: tomllib.loads(package.joinpath(f"{name}.toml").read_text("utf-8"))
            for name in TABLES
        }
    )


def load(name: str) -> Mapping[str, Any]:
    """The packaged table ``name`` (the parsed ``name.toml`` of this package)."""
    return _packaged()[name]


def derived(build: Callable[[Lexicon], T]) -> Callable[[Lexicon], T]:
    """Cache what ``build`` derives from a Lexicon (patterns, word sets), per Lexicon value.

    The packaged lexicon and a handful of user lexicons stay cached; the work is done on
    first use, never at import.
    """
    return functools.lru_cache(maxsize=8)(build)


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of vocabulary phrases: longest first, a space matching any run
    of whitespace, every other character literal."""
    ordered = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def phrase_key(form: str) -> str:
    """The key a matched phrase is looked up by: case-folded, whitespace runs as one space."""
    return " ".join(form.casefold().split())
