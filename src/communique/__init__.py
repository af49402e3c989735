"""communique: typed, verifiable records of who said what in news about diplomacy."""

from __future__ import annotations

from communique import export
from communique._version import __version__
from communique.lexicon import Lexicon, LexiconError
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
    DictionaryEntry,
    Office,
    load_actor_dictionary,
)
from communique.parser.dates import find_dates
from communique.schema import Problem, schema_text, validate
from communique.serialize import (
    LoadError,
    configure_converter,
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
    "DictionaryEntry",
    "Document",
    "Event",
    "EventType",
    "Extractor",
    "Identifier",
    "Lexicon",
    "LexiconError",
    "LoadError",
    "Office",
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
    "configure_converter",
    "dumps",
    "export",
    "find_dates",
    "from_dict",
    "load_actor_dictionary",
    "loads",
    "make_converter",
    "parse",
    "read_jsonl",
    "schema_text",
    "to_dict",
    "validate",
    "write_jsonl",
]
