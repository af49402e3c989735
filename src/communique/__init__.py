"""communique: typed, verifiable records of who said what in news about diplomacy."""

from __future__ import annotations

from communique._version import __version__
from communique.model import (
    EVENT_MODES,
    SCHEMA_VERSION,
    Actor,
    ActorKind,
    DateMention,
    DateSource,
    DateValue,
    Document,
    Event,
    EventType,
    Extractor,
    Identifier,
    Precision,
    Proposal,
    ProposalStatus,
    Span,
    Statement,
    StatementMode,
    TimexValue,
)
from communique.parser import PublishedError, parse
from communique.parser.actor_dictionary import (
    ActorDictionary,
    ActorDictionaryError,
    load_actor_dictionary,
)
from communique.parser.dates import find_dates, record_date
from communique.schema import Problem, schema_text, validate
from communique.serialize import (
    LoadError,
    dumps,
    from_dict,
    loads,
    make_converter,
    read_jsonl,
    to_dict,
    write_jsonl,
)

__all__ = [
    "EVENT_MODES",
    "SCHEMA_VERSION",
    "Actor",
    "ActorDictionary",
    "ActorDictionaryError",
    "ActorKind",
    "DateMention",
    "DateSource",
    "DateValue",
    "Document",
    "Event",
    "EventType",
    "Extractor",
    "Identifier",
    "LoadError",
    "Precision",
    "Problem",
    "Proposal",
    "ProposalStatus",
    "PublishedError",
    "Span",
    "Statement",
    "StatementMode",
    "TimexValue",
    "__version__",
    "dumps",
    "find_dates",
    "from_dict",
    "load_actor_dictionary",
    "loads",
    "make_converter",
    "parse",
    "read_jsonl",
    "record_date",
    "schema_text",
    "to_dict",
    "validate",
    "write_jsonl",
]
