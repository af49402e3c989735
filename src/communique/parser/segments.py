"""Segmentation as a stage: once per document, the sentences of every block, the quotations
(with their marks) and the units the statement finder reads (sentences, with the sentences
of one quotation kept together)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
import regex

from communique.lexicon import Lexicon
from communique.model import Span
from communique.parser.article import Article, Role
from communique.parser.cues import Vocabulary, vocabulary
from communique.parser.sentences import find_quotations, split_sentences

__all__ = ["Segments", "find_segments", "opens_quote", "quotes_in"]

_OPENING = '“"«'
_CLOSING = '”"»'


@attrs.frozen(eq=False)
class Segments:
    """The segments of one document.

    Attributes:
        sentences: The sentences of each block of the article, in block order.
        quotations: The quoted stretches of the whole text, with their outer marks.
        quotation_starts: Where each quotation starts (for bisecting).
        units: Per block, the statement finder's units of a body paragraph (empty for the
            blocks of other roles).
    """

    sentences: tuple[tuple[Span, ...], ...]
    quotations: tuple[Span, ...]
    quotation_starts: tuple[int, ...]
    units: tuple[tuple[Span, ...], ...]

    def sentences_in(self, article: Article, roles: frozenset[Role]) -> list[Span]:
        """The sentences of the blocks of ``roles``, in text order."""
        return [
            sentence
            for block, sentences in zip(article.blocks, self.sentences, strict=True)
            if block.role in roles
            for sentence in sentences
        ]


def find_segments(text: str, article: Article, *, lexicon: Lexicon | None = None) -> Segments:
    """Split every block of ``article`` into sentences, find the quotations and the units.

    Args:
        text: The article text.
        article: Its envelope (the blocks to split).
        lexicon: The vocabulary (sentence starters and abbreviations, reporting cues);
            None means the packaged one.
    """
    lexicon = Lexicon.packaged() if lexicon is None else lexicon
    words = vocabulary(lexicon)
    quotes = _quotations(text)
    starts = [q.start for q in quotes]
    sentences = tuple(
        tuple(split_sentences(text, block.span.start, block.span.end, lexicon=lexicon))
        for block in article.blocks
    )
    units = tuple(
        _units(text, split, quotes, starts, words) if block.role is Role.BODY else ()
        for block, split in zip(article.blocks, sentences, strict=True)
    )
    return Segments(sentences, tuple(quotes), tuple(starts), units)


def opens_quote(text: str) -> bool:
    """Whether ``text`` begins with an opening quote mark (“ " « or '' ``)."""
    return text[:1] in _OPENING or text[:2] in ("''", "``")


def _quotations(text: str) -> list[Span]:
    """The quoted stretches of the text, with their outer quote marks."""
    out = []
    for quote in find_quotations(text):
        start, end = quote.start, quote.end
        if text[max(0, start - 2) : start] in ("''", "``"):
            start -= 2
        elif start > 0 and text[start - 1] in _OPENING:
            start -= 1
        if text[end : end + 2] == "''":
            end += 2
        elif end < len(text) and text[end] in _CLOSING:
            end += 1
        out.append(Span.of(text, start, end))
    return out


def _units(
    text: str,
    sentences: Sequence[Span],
    quotes: Sequence[Span],
    starts: Sequence[int],
    words: Vocabulary,
) -> tuple[Span, ...]:
    """A paragraph's sentences, with the sentences of one quotation kept together
    (``starts``: where each of the text's quotations starts)."""
    units: list[Span] = []
    for sentence in sentences:
        if units:
            last = units[-1]
            i = bisect.bisect_left(starts, last.end)
            inside = any(q.end > sentence.start for q in quotes[max(0, i - 3) : i])
            if inside or _asked_then_cue(last, sentence, words):
                units[-1] = Span.of(text, last.start, sentence.end)
                continue
        units.append(sentence)
    return tuple(units)


_QUESTION_QUOTED = regex.compile(r"""(?:[?!…]|\.\.\.)(?:[’']\s?)?(?:["”]|'')\s*$""")
_SHORT_ATTRIBUTION = 8  # words: 'Vitter demanded.', 'Clinton said on Monday.'


def _asked_then_cue(last: Span, sentence: Span, words: Vocabulary) -> bool:
    """'"Why not?" Vitter demanded.': a quoted question (or exclamation, ellipsis) and its cue."""
    if _QUESTION_QUOTED.search(last.text) is None or opens_quote(sentence.text):
        return False
    count = len(sentence.text.split())
    return (
        count <= _SHORT_ATTRIBUTION
        # "Scott's niece, state Del. Marcia Price (D-Newport News), shouted to the crowd."
        or (
            count <= 2 * _SHORT_ATTRIBUTION and words.cue_pattern.search(sentence.text) is not None
        )
    ) and sentence.text.rstrip().endswith(".")


def quotes_in(segments: Segments, span: Span) -> tuple[Span, ...]:
    """The quotations that overlap ``span``."""
    quotes, starts = segments.quotations, segments.quotation_starts
    i = bisect.bisect_left(starts, span.start)
    found = [q for q in quotes[max(0, i - 1) : i] if q.end > span.start]
    while i < len(quotes) and quotes[i].start < span.end:
        found.append(quotes[i])
        i += 1
    return tuple(found)
