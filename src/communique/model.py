"""The v1 record model: frozen, slotted attrs classes and the enums of their vocabularies."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs
import regex

#: The schema version that new documents are written in.
SCHEMA_VERSION = "1.1"
#: Every schema version that documents are read in (and written back in unchanged).
SCHEMA_VERSIONS = ("1.0", "1.1")


class ActorKind(enum.Enum):
    """What an actor is."""

    PERSON = "person"
    STATE = "state"
    ORGANIZATION = "organization"
    MEDIA = "media"


class StatementMode(enum.Enum):
    """How a statement is reported: verbatim, paraphrased, or a paraphrase with a quote."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class ProposalStatus(enum.Enum):
    """Where a proposal stands."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    DENIED = "denied"


class EventType(enum.Enum):
    """The 16 PLOVER categories, plus ``OTHER`` for events none of them fits."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    REJECT = "REJECT"
    ACCUSE = "ACCUSE"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"
    OTHER = "OTHER"


_ASSIST_CHANGE = ("assist", "change", "yield", "meet")

#: The PLOVER modes allowed for each event type (an empty tuple: the type has none).
EVENT_MODES: dict[EventType, tuple[str, ...]] = {
    EventType.AGREE: (),
    EventType.CONSULT: ("visit", "third-party", "multilateral", "phone"),
    EventType.SUPPORT: (),
    EventType.CONCEDE: (),
    EventType.COOPERATE: (),
    EventType.AID: (),
    EventType.RETREAT: ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    EventType.REQUEST: _ASSIST_CHANGE,
    EventType.ACCUSE: ("disapprove", "investigate", "allege"),
    EventType.REJECT: _ASSIST_CHANGE,
    EventType.THREATEN: ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    EventType.PROTEST: ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    EventType.SANCTION: ("convict", "expel", "withdraw", "discontinue"),
    EventType.MOBILIZE: ("troops", "weapons", "police", "militia"),
    EventType.COERCE: (
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    ),
    EventType.ASSAULT: (
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    ),
    EventType.OTHER: (),
}


class Precision(enum.Enum):
    """How much of a calendar date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class DateSource(enum.Enum):
    """How a date was resolved: written in full, relative to another date, or the dateline."""

    EXPLICIT = "explicit"
    RELATIVE = "relative"
    PUBLICATION = "publication"


_CALENDAR_VALUE = regex.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII only
_PRECISION_OF_LENGTH = {4: Precision.YEAR, 7: Precision.MONTH, 10: Precision.DAY}


def calendar_precision(value: str) -> Precision | None:
    """Return the precision of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` value, or None.

    None means the value is not of that form or not a real calendar date (``2023-02-30``).
    """
    match = _CALENDAR_VALUE.fullmatch(value)
    if match is None:
        return None
    year, month, day = match.group(1, 2, 3)
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return _PRECISION_OF_LENGTH[len(value)]


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


@attrs.frozen(kw_only=True)
class Span:
    """A 0-based, end-exclusive slice of ``Document.text`` in code points, with its text."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)
    text: str

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text has {len(self.text)} characters but the span covers "
                f"{self.end - self.start}"
            )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``."""
        return cls(start=start, end=end, text=text[start:end])


@attrs.frozen(kw_only=True)
class DateValue:
    """A calendar date or range, at year, month or day precision, as the text gives it."""

    value: str
    end: str | None = None
    precision: Precision
    text: str
    source: DateSource

    def __attrs_post_init__(self) -> None:
        found = calendar_precision(self.value)
        if found is None:
            raise ValueError(f"date value {self.value!r} is not a real YYYY[-MM[-DD]] date")
        if found is not self.precision:
            raise ValueError(
                f"date value {self.value!r} has {found.value} precision, "
                f"not {self.precision.value}"
            )
        if self.end is not None:
            if calendar_precision(self.end) is not found:
                raise ValueError(
                    f"date end {self.end!r} must be a real date of the same form as {self.value!r}"
                )
            if self.end < self.value:
                raise ValueError(f"date end {self.end} is before its value {self.value}")


_TIMEX_DATE = regex.compile(
    r"""PRESENT_REF|PAST_REF|FUTURE_REF
    |\d{2,4}                                   # century, decade or year: 19, 199, 1999
    |\d{4}-(?:W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI)   # week, quarter, half, season
    |\d{4}-\d{2}(?:-\d{2})?""",
    regex.VERBOSE,
)


def is_timex_date(value: str) -> bool:
    """Whether ``value`` is a TIMEX3 DATE value that :class:`TimexValue` accepts."""
    if _TIMEX_DATE.fullmatch(value) is None:
        return False
    return not regex.fullmatch(r"[\d-]{7,10}", value) or calendar_precision(value) is not None


@attrs.frozen(kw_only=True)
class TimexValue:
    """A TIMEX3 DATE value that is not a plain calendar date.

    Weeks (``2023-W07``), quarters (``2023-Q1``), seasons (``2023-SU``), decades (``199``)
    and ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``: what :func:`communique.find_dates`
    reports so that it can be scored against TempEval-3. Records never carry these.
    """

    value: str = attrs.field()
    text: str
    source: DateSource

    @value.validator
    def _check_value(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not is_timex_date(value):
            raise ValueError(f"{value!r} is not a TIMEX3 DATE value")


@attrs.frozen(kw_only=True)
class DateMention:
    """A date expression found in a text: where it is, and what it means."""

    span: Span
    date: DateValue | TimexValue


@attrs.frozen(kw_only=True)
class Identifier:
    """An actor's identifier in an outside scheme, e.g. ``wikidata`` ``Q...``."""

    scheme: str
    value: str


@attrs.frozen(kw_only=True)
class Actor:
    """A person, state, organization or media outlet, with every mention of it."""

    id: str
    kind: ActorKind
    name: str
    aliases: tuple[str, ...] = ()
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    identifiers: tuple[Identifier, ...] = ()
    mentions: tuple[Span, ...] = ()
    extensions: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Statement:
    """A reported speech act: who said what, to whom, when, with the evidence."""

    id: str
    speaker: str | None
    addressees: tuple[str, ...] = ()
    cue: str
    mode: StatementMode
    content: str
    act: EventType | None = None
    negated: bool = False
    date: DateValue | None = None
    evidence: Span
    extensions: dict[str, Any] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        if self.act is EventType.OTHER:
            raise ValueError("a statement's act is a PLOVER category; OTHER is for events")


@attrs.frozen(kw_only=True)
class Proposal:
    """A plan, offer, demand or condition that an actor puts forward."""

    id: str
    proposer: str | None
    addressees: tuple[str, ...] = ()
    summary: str
    points: tuple[str, ...] = ()
    status: ProposalStatus | None = None
    date: DateValue | None = None
    evidence: Span
    extensions: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened or is scheduled, typed by PLOVER category and mode.

    ``source`` acts on ``target`` (PLOVER's actor and recipient) when the text gives a
    direction; both are None for undirected events ("talks between X and Y"), whose
    actors are only in ``participants``, the full list (schema 1.1).
    """

    id: str
    type: EventType
    mode: str | None = None
    label: str
    participants: tuple[str, ...] = ()
    source: str | None = None
    target: str | None = None
    location: str | None = None
    date: DateValue | None = None
    evidence: Span
    extensions: dict[str, Any] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        if self.mode is not None and self.mode not in EVENT_MODES[self.type]:
            allowed = ", ".join(EVENT_MODES[self.type]) or "none"
            raise ValueError(
                f"mode {self.mode!r} is not a mode of {self.type.value} (allowed: {allowed})"
            )


@attrs.frozen(kw_only=True)
class Extractor:
    """The program that produced a document's records."""

    name: str
    version: str


@attrs.frozen(kw_only=True)
class Document:
    """One article: its envelope, its text, and the records found in it."""

    schema_version: str = SCHEMA_VERSION
    id: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    origin: str | None = None
    language: str = "en"
    text: str | None = None
    text_sha256: str | None = None
    actors: tuple[Actor, ...] = ()
    statements: tuple[Statement, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    events: tuple[Event, ...] = ()
    extractor: Extractor | None = None
    extensions: dict[str, Any] = attrs.field(factory=dict)
