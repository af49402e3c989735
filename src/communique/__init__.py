"""communique: typed, verifiable records of who said what in news about diplomacy.

The records, serializers and validator load with the package; the parser (whose rules
are most of the code) and the exporters load on first use of one of their names, so a
program that only reads or validates datasets does not pay for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from communique._version import __version__
from communique.lexicon import Lexicon, LexiconError
from communique.limits import (
    MAX_DOCUMENT_BYTES,
    MAX_JSON_DEPTH,
    MAX_NUMBER_CHARS,
    MAX_STRING_CHARS,
    Limits,
)
from communique.model import (
    EVENT_MODES,
    SCHEMA_VERSION,
    SCHEMA_VERSIONS,
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
from communique.schema import Problem, schema_text, validate
from communique.serialize import (
    configure_converter,
    dumps,
    from_dict,
    loads,
    make_converter,
    read_jsonl,
    to_dict,
    write_jsonl,
)
from communique.strict_json import LoadError, read_json

if TYPE_CHECKING:
    from communique import export, exporters
    from communique.exporters import MissingDependencyError
    from communique.frames import to_frames
    from communique.parser import PublishedError, parse
    from communique.parser.actor_dictionary import (
        ActorDictionary,
        ActorDictionaryError,
        DictionaryEntry,
        Office,
        load_actor_dictionary,
    )
    from communique.parser.dates import find_dates

#: Public names loaded on first use, and the module each comes from.
_ON_FIRST_USE = {
    "parse": "communique.parser",
    "PublishedError": "communique.parser",
    "find_dates": "communique.parser.dates",
    "ActorDictionary": "communique.parser.actor_dictionary",
    "ActorDictionaryError": "communique.parser.actor_dictionary",
    "DictionaryEntry": "communique.parser.actor_dictionary",
    "Office": "communique.parser.actor_dictionary",
    "load_actor_dictionary": "communique.parser.actor_dictionary",
    "to_frames": "communique.frames",
    "MissingDependencyError": "communique.exporters",
}


def __getattr__(name: str) -> Any:
    if name in ("export", "exporters"):
        return importlib.import_module(f"communique.{name}")
    if name not in _ON_FIRST_USE:
        raise AttributeError(f"module 'communique' has no attribute {name!r}")
    value = getattr(importlib.import_module(_ON_FIRST_USE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "EVENT_MODES",
    "MAX_DOCUMENT_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_NUMBER_CHARS",
    "MAX_STRING_CHARS",
    "SCHEMA_VERSION",
    "SCHEMA_VERSIONS",
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
    "Limits",
    "LoadError",
    "MissingDependencyError",
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
    "exporters",
    "find_dates",
    "from_dict",
    "load_actor_dictionary",
    "loads",
    "make_converter",
    "parse",
    "read_json",
    "read_jsonl",
    "schema_text",
    "to_dict",
    "to_frames",
    "validate",
    "write_jsonl",
]
