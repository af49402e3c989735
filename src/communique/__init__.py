"""communique: typed, verifiable records of who said what in news about diplomacy.

Every public name loads on first use: ``import communique`` costs little more than the
interpreter's start-up, and a program pays for the records, the validator, the parser
(whose rules are most of the code) or the exporters only when it uses them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from communique._version import __version__

if TYPE_CHECKING:
    from communique import export, exporters
    from communique.exporters import MissingDependencyError
    from communique.frames import to_frames
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

#: Public names, loaded on first use, and the module each comes from.
_ON_FIRST_USE = {
    "Lexicon": "communique.lexicon",
    "LexiconError": "communique.lexicon",
    "MAX_DOCUMENT_BYTES": "communique.limits",
    "MAX_JSON_DEPTH": "communique.limits",
    "MAX_NUMBER_CHARS": "communique.limits",
    "MAX_STRING_CHARS": "communique.limits",
    "Limits": "communique.limits",
    "EVENT_MODES": "communique.model",
    "SCHEMA_VERSION": "communique.model",
    "SCHEMA_VERSIONS": "communique.model",
    "Actor": "communique.model",
    "ActorKind": "communique.model",
    "DateMention": "communique.model",
    "DateSource": "communique.model",
    "DateValue": "communique.model",
    "Document": "communique.model",
    "Event": "communique.model",
    "EventType": "communique.model",
    "Extractor": "communique.model",
    "Identifier": "communique.model",
    "Precision": "communique.model",
    "Proposal": "communique.model",
    "ProposalStatus": "communique.model",
    "Span": "communique.model",
    "Statement": "communique.model",
    "StatementMode": "communique.model",
    "TimexValue": "communique.model",
    "Problem": "communique.schema",
    "schema_text": "communique.schema",
    "validate": "communique.schema",
    "configure_converter": "communique.serialize",
    "dumps": "communique.serialize",
    "from_dict": "communique.serialize",
    "loads": "communique.serialize",
    "make_converter": "communique.serialize",
    "read_jsonl": "communique.serialize",
    "to_dict": "communique.serialize",
    "write_jsonl": "communique.serialize",
    "LoadError": "communique.strict_json",
    "read_json": "communique.strict_json",
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
