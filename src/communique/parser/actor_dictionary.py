"""The user's actor dictionary: JSON Lines of actors with dated roles, read and checked."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import IO, Any

import attrs

from communique.model import ActorKind, Identifier

__all__ = [
    "ActorDictionary",
    "ActorDictionaryError",
    "DictionaryEntry",
    "Office",
    "load_actor_dictionary",
]


class ActorDictionaryError(ValueError):
    """Raised when a user actor dictionary is not valid JSON Lines of actor entries."""


@attrs.frozen(kw_only=True)
class Office:
    """An office an entry holds between two dates (inclusive; None = open)."""

    title: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date | None) -> bool:
        """Whether the office is held on ``day`` (always, when the day is unknown)."""
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True)
class DictionaryEntry:
    """One actor of a user dictionary, in the manner of the Phoenix/PETRARCH dictionaries."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: ActorKind = ActorKind.PERSON
    country: str | None = None
    sector: str | None = None
    identifiers: tuple[Identifier, ...] = ()
    roles: tuple[Office, ...] = ()

    def title_on(self, day: dt.date | None) -> str | None:
        """The office held on ``day``, if any."""
        return next((role.title for role in self.roles if role.holds_on(day)), None)


@attrs.frozen
class ActorDictionary:
    """A user's actor dictionary: entries consulted before the built-in rules."""

    entries: tuple[DictionaryEntry, ...] = ()


def load_actor_dictionary(source: str | Path | IO[str]) -> ActorDictionary:
    """Read a JSON Lines actor dictionary from a path or an open text stream.

    Each line is an object with ``name`` (required) and optional ``aliases`` (list),
    ``kind`` (person, state, organization, media), ``country``, ``sector``,
    ``identifiers`` (list of ``{scheme, value}``) and ``roles`` (list of
    ``{title, start, end}`` with ISO 8601 dates, either end open).

    Raises:
        ActorDictionaryError: a line is not such an object (the message names the line).
    """
    if isinstance(source, (str, Path)):
        try:
            text = Path(source).read_text(encoding="utf-8")
        except OSError as error:
            raise ActorDictionaryError(f"{source}: cannot read: {error.strerror}") from None
        stream: IO[str] = io.StringIO(text)
    else:
        stream = source
    entries = []
    for number, line in enumerate(stream, start=1):
        if line.strip():
            entries.append(_entry(line, number))
    return ActorDictionary(tuple(entries))


def _entry(line: str, number: int) -> DictionaryEntry:
    where = f"actor dictionary line {number}"
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as error:
        raise ActorDictionaryError(f"{where}: not JSON ({error.msg})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"]:
        raise ActorDictionaryError(f"{where}: expected an object with a non-empty 'name'")
    try:
        kind = ActorKind(raw.get("kind", "person"))
        roles = tuple(
            Office(title=str(r["title"]), start=_day(r.get("start")), end=_day(r.get("end")))
            for r in raw.get("roles", [])
        )
        identifiers = tuple(
            Identifier(scheme=str(i["scheme"]), value=str(i["value"]))
            for i in raw.get("identifiers", [])
        )
        aliases = tuple(str(a) for a in raw.get("aliases", []))
    except (ValueError, KeyError, TypeError) as error:
        raise ActorDictionaryError(f"{where}: bad field ({error})") from None
    return DictionaryEntry(
        name=raw["name"],
        aliases=aliases,
        kind=kind,
        country=raw.get("country"),
        sector=raw.get("sector"),
        identifiers=identifiers,
        roles=roles,
    )


def _day(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return dt.date.fromisoformat(str(value)[:10])
