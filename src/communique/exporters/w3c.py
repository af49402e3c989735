"""W3C Web Annotations: one annotation per record, anchored in the article's text.

Each annotation targets the document (``urn:communique:document:ID``) with two selectors
that name the same passage: a TextPositionSelector (code-point offsets, as every Span)
and a TextQuoteSelector (the exact text, with up to :data:`CONTEXT` characters of prefix
and suffix so that a tool can find it again in a copy of the article).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

from communique.exporters import document_iri, record_iri, write_json_lines
from communique.model import Document, Span

#: The JSON-LD context of the Web Annotation Data Model.
CONTEXT_IRI = "http://www.w3.org/ns/anno.jsonld"
#: Characters of text kept before and after a quote.
CONTEXT = 32


def selectors(text: str | None, span: Span) -> list[dict[str, Any]]:
    """The position and quote selectors of ``span`` in ``text`` (prefix/suffix need text)."""
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": span.text}
    if text is not None:
        quote["prefix"] = text[max(0, span.start - CONTEXT) : span.start]
        quote["suffix"] = text[span.end : span.end + CONTEXT]
    return [{"type": "TextPositionSelector", "start": span.start, "end": span.end}, quote]


def _body(purpose: str, value: str) -> dict[str, str]:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def _annotation(
    document: Document, record_id: str, bodies: list[dict[str, str]], spans: Iterable[Span]
) -> dict[str, Any]:
    source = document_iri(document.id)
    targets = [{"source": source, "selector": selectors(document.text, s)} for s in spans]
    return {
        "@context": CONTEXT_IRI,
        "id": record_iri(document.id, record_id),
        "type": "Annotation",
        "motivation": "describing",
        "body": bodies,
        "target": targets[0] if len(targets) == 1 else targets,
    }


def web_annotations(documents: Iterable[Document]) -> Iterator[dict[str, Any]]:
    """One annotation per actor (targeting every mention), statement, proposal and event.

    The bodies say what the record is: its type (``classifying``) and its words
    (``describing``: an actor's name, what was said, a proposal's summary, an event's
    label). An actor without mentions has nothing to anchor and gets no annotation.
    """
    for document in documents:
        names = {actor.id: actor.name for actor in document.actors}
        for actor in document.actors:
            if actor.mentions:
                bodies = [_body("classifying", actor.kind.value), _body("describing", actor.name)]
                yield _annotation(document, actor.id, bodies, actor.mentions)
        for statement in document.statements:
            bodies = [_body("classifying", "statement"), _body("describing", statement.content)]
            if statement.speaker is not None:
                bodies.append(_body("identifying", names.get(statement.speaker, "")))
            if statement.act is not None:
                bodies.append(_body("tagging", statement.act.value))
            yield _annotation(document, statement.id, bodies, [statement.evidence])
        for proposal in document.proposals:
            bodies = [_body("classifying", "proposal"), _body("describing", proposal.summary)]
            yield _annotation(document, proposal.id, bodies, [proposal.evidence])
        for event in document.events:
            bodies = [_body("classifying", event.type.value), _body("describing", event.label)]
            if event.mode is not None:
                bodies.append(_body("tagging", event.mode))
            yield _annotation(document, event.id, bodies, [event.evidence])


def write_annotations(documents: Iterable[Document], stream: IO[str]) -> int:
    """Write :func:`web_annotations` as JSON Lines; return the number of annotations."""
    return write_json_lines(web_annotations(documents), stream)
