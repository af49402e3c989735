"""schema.org JSON-LD: articles, actors, quotations and events as one linked-data graph.

Statements are ``Quotation``, events ``Event``, actors ``Person``, ``Organization``,
``NewsMediaOrganization`` or ``Country``, and each article a ``NewsArticle``. The output's
``@context`` is :data:`CONTEXT_IRI`, the context file shipped as
``schemas/communique.context.jsonld`` (schema.org as the vocabulary, and a few
``urn:communique:vocab:`` terms for what schema.org has no word for: PLOVER category,
mode and codes, the reporting cue, the evidence offsets). JSON-LD tools that cannot
fetch it get it from :func:`context` or :func:`document_loader`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

from communique.exporters import document_iri, record_iri
from communique.model import Actor, ActorKind, DateValue, Document, Event, Span, Statement

#: The IRI by which exported graphs name their context.
CONTEXT_IRI = "urn:communique:context:1.1"
CONTEXT_FILE = "communique.context.jsonld"

_TYPES = {
    ActorKind.PERSON: "Person",
    ActorKind.STATE: "Country",
    ActorKind.ORGANIZATION: "Organization",
    ActorKind.MEDIA: "NewsMediaOrganization",
}


def context() -> dict[str, Any]:
    """The context document (``{"@context": {...}}``) shipped in the package."""
    from importlib.resources import files

    text = files("communique").joinpath("schemas", CONTEXT_FILE).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def document_loader() -> Callable[..., dict[str, Any]]:
    """A pyld document loader that serves :data:`CONTEXT_IRI` from the package.

    Any other IRI is refused, so expanding an export never goes to the network.
    """

    def load(url: str, options: object = None) -> dict[str, Any]:
        if url != CONTEXT_IRI:
            raise ValueError(f"no network: only {CONTEXT_IRI} can be loaded, not {url}")
        return {"contextUrl": None, "documentUrl": url, "document": context()}

    return load


def _evidence(span: Span) -> dict[str, Any]:
    return {"type": "cq:TextSpan", "start": span.start, "end": span.end, "text": span.text}


def _dates(date: DateValue | None, start: str, end: str) -> dict[str, Any]:
    if date is None:
        return {}
    return {start: date.value, end: date.end or date.value, "dateText": date.text}


def _actor(document: Document, actor: Actor) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": record_iri(document.id, actor.id),
        "type": _TYPES[actor.kind],
        "name": actor.name,
        "alternateName": list(actor.aliases),
        "isPartOf": document_iri(document.id),
    }
    if actor.title is not None:
        node["jobTitle"] = actor.title
    if actor.country is not None:
        node["country"] = actor.country
    if actor.sector is not None:
        node["sector"] = actor.sector
    if actor.identifiers:
        node["identifier"] = [
            {"type": "PropertyValue", "propertyID": i.scheme, "value": i.value}
            for i in actor.identifiers
        ]
    return node


def _statement(document: Document, statement: Statement) -> dict[str, Any]:
    ref = functools.partial(record_iri, document.id)
    node: dict[str, Any] = {
        "id": record_iri(document.id, statement.id),
        "type": "Quotation",
        "text": statement.content,
        "cue": statement.cue,
        "speechMode": statement.mode.value,
        "negated": statement.negated,
        "addressee": [ref(a) for a in statement.addressees],
        "isPartOf": document_iri(document.id),
        "evidence": _evidence(statement.evidence),
        **_dates(statement.date, "dateCreated", "cq:dateCreatedEnd"),
    }
    if statement.speaker is not None:
        node["creator"] = ref(statement.speaker)
    if statement.act is not None:
        node["act"] = statement.act.value
    return node


def _event(document: Document, event: Event) -> dict[str, Any]:
    ref = functools.partial(record_iri, document.id)
    node: dict[str, Any] = {
        "id": record_iri(document.id, event.id),
        "type": "Event",
        "name": event.label,
        "ploverCategory": event.type.value,
        "attendee": [ref(p) for p in event.participants],
        "subjectOf": document_iri(document.id),
        "evidence": _evidence(event.evidence),
        **_dates(event.date, "startDate", "endDate"),
    }
    if event.mode is not None:
        node["ploverMode"] = event.mode
    if event.source is not None:
        node["source"] = ref(event.source)
    if event.target is not None:
        node["target"] = ref(event.target)
    if event.location is not None:
        node["location"] = {"type": "Place", "name": event.location}
    return node


def _article(document: Document) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": document_iri(document.id),
        "type": "NewsArticle",
        "identifier": document.id,
        "inLanguage": document.language,
        "schemaVersion": document.schema_version,
    }
    if document.title is not None:
        node["headline"] = document.title
    if document.published is not None:
        node["datePublished"] = document.published
    if document.outlet is not None:
        node["publisher"] = {"type": "Organization", "name": document.outlet}
    if document.text_sha256 is not None:
        node["sha256"] = document.text_sha256
    return node


def graph(documents: Iterable[Document]) -> dict[str, Any]:
    """One JSON-LD document: every article, then its actors, quotations and events."""
    nodes: list[dict[str, Any]] = []
    for document in documents:
        nodes.append(_article(document))
        nodes.extend(_actor(document, actor) for actor in document.actors)
        nodes.extend(_statement(document, statement) for statement in document.statements)
        nodes.extend(_event(document, event) for event in document.events)
    return {"@context": CONTEXT_IRI, "graph": nodes}


def write_graph(documents: Iterable[Document], stream: IO[str]) -> int:
    """Write :func:`graph` as indented JSON; return the number of nodes."""
    document = graph(documents)
    stream.write(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    return len(document["graph"])
