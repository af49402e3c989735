"""communique: typed, verifiable records of who said what in news about diplomacy."""

from __future__ import annotations

__version__ = "0.1.0"

from communique.model import (
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
from communique.parse import PublishedError, parse
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
    "SCHEMA_VERSION",
    "Actor",
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
    "Proposal",
    "ProposalStatus",
    "PublishedError",
    "Span",
    "Statement",
    "StatementMode",
    "TimexValue",
    "__version__",
    "dumps",
    "from_dict",
    "loads",
    "make_converter",
    "parse",
    "read_jsonl",
    "to_dict",
    "write_jsonl",
]
