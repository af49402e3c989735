"""Sentence and quotation segmentation with exact offsets into the text."""

from __future__ import annotations

import functools

import attrs
import regex

from communique.lexicon import Lexicon, derived
from communique.model import Span

__all__ = ["find_quotations", "split_sentences", "trimmed"]


@functools.cache
def _boundary() -> regex.Pattern[str]:
    """A candidate sentence end: terminal punctuation, closers, then space and an opener."""
    return regex.compile(
        r"""
        (?P<stop> [.!?]+ | … )
        (?P<close> (?: ["'”’)\]] | '' )* )
        (?= \s+ (?: [“"'‘(\[`]+ \s* )? [\p{Lu}\d] )
        """,
        regex.VERBOSE,
    )


@attrs.frozen(eq=False)
class _Vocabulary:
    abbreviation: regex.Pattern[str]
    starter: regex.Pattern[str]


@derived
def _vocabulary(lexicon: Lexicon) -> _Vocabulary:
    """The abbreviations and sentence starters of the ``sentences`` table, as patterns."""
    lex = lexicon["sentences"]
    short = lex["abbreviations"]
    words = sorted({*short["titles"], *short["months"], *short["other"]}, key=len, reverse=True)
    listed = "|".join(regex.escape(w) for w in words)
    starters = "|".join(lex["starters"]["words"])
    return _Vocabulary(
        # a word before a full stop that does not end the sentence (searched backwards
        # from the stop, see _LAST_WORD)
        abbreviation=regex.compile(
            rf"(?:(?<![\w.])(?:{listed})|(?<![\w.])(?:\p{{L}}\.)*\p{{Lu}})\Z", regex.REVERSE
        ),
        # a common sentence opener after an initialism ("... in the U.S. The talks")
        starter=regex.compile(rf"\s+[“\"'‘(\[`]*(?:{starters})\b"),
    )


# How far back a boundary looks for the word before it: enough for any abbreviation, and
# it keeps splitting linear however many candidate boundaries a line holds.
_WORD_WINDOW = 48
#: The word before a stop. The patterns anchored at the end of the searched stretch are
#: searched backwards (REVERSE): the same match, without trying every position before it.
_LAST_WORD = regex.compile(r"\S+\Z", regex.REVERSE)
_LINE = regex.compile(r"[^\n]+")


def trimmed(text: str, start: int, end: int) -> Span | None:
    """The span ``text[start:end]`` without surrounding whitespace, or None if blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end) if end > start else None


def split_sentences(
    text: str, start: int = 0, end: int | None = None, *, lexicon: Lexicon | None = None
) -> list[Span]:
    """Split ``text[start:end]`` into sentences.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes and brackets
    after it) followed by space and a capital, a digit or an opening quote; never after an
    abbreviation ("Mr.", "Lt. Gen.", "Jan.") or a single initial, and after an initialism
    ("U.S.") only when a common sentence opener follows. A line break always ends one.
    A quotation of several sentences is split like any other text: see
    :func:`find_quotations` for the quoted stretches.

    Args:
        text: The whole text; spans index into it.
        start: Where to begin.
        end: Where to stop (default: the end of the text).
        lexicon: The abbreviations and sentence starters; None means the packaged ones.

    Returns:
        The sentence spans, in order, trimmed of surrounding whitespace, never empty.
    """
    words = _vocabulary(Lexicon.packaged() if lexicon is None else lexicon)
    stop_at = len(text) if end is None else min(end, len(text))
    start = max(0, min(start, stop_at))
    spans: list[Span] = []
    for line in _LINE.finditer(text, start, stop_at):
        begin = line.start()
        for match in _boundary().finditer(text, line.start(), line.end()):
            window = max(begin, match.start() - _WORD_WINDOW)
            stop = match.group("stop")
            if stop == "." and words.abbreviation.search(text, window, match.start()):
                word = _LAST_WORD.search(text, window, match.start())
                initialism = word is not None and "." in word.group()
                if not initialism or not words.starter.match(text, match.end(), line.end()):
                    continue
            span = trimmed(text, begin, match.end())
            if span is not None:
                spans.append(span)
            begin = match.end()
        span = trimmed(text, begin, line.end())
        if span is not None:
            spans.append(span)
    return spans


_MARKS = regex.compile(
    r"(?P<open>“|``|«)|(?P<close>”|''|»)|(?P<straight>\")|(?P<para>\n)", regex.VERBOSE
)


_REOPENS = regex.compile(r"\s*(?:“|``|''|«|\")")


def _opens_straight(text: str, at: int, width: int = 1) -> bool:
    """Whether a straight double quote (or '') at ``at`` opens rather than closes a quotation."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + width] if at + width < len(text) else " "
    if before.isspace() or before in "([{—–-/":
        return not after.isspace()
    return False


def find_quotations(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Find the quoted stretches of ``text[start:end]``.

    Curly (“…”), straight ("…"), TeX-style (``…''), newspaper-style (''…'') and guillemet
    (« … ») marks are paired.
    A quotation that runs over several paragraphs in news style (no closing mark at the end
    of a paragraph, an opening mark at the start of the next) is one span. A mark left open
    at the end of a paragraph that is not continued that way is dropped, so an unbalanced
    quote does not swallow the rest of the text.

    Args:
        text: The whole text; spans index into it.
        start: Where to begin.
        end: Where to stop (default: the end of the text).

    Returns:
        The spans of the quoted content, without the outer quotation marks (the opening
        marks of continued paragraphs stay inside), in order.
    """
    stop_at = len(text) if end is None else min(end, len(text))
    quotes: list[Span] = []
    content: int | None = None
    continuing = False
    for mark in _MARKS.finditer(text, max(0, start), stop_at):
        kind = mark.lastgroup
        if kind == "straight":
            kind = (
                "open"
                if content is None or (continuing and _opens_straight(text, mark.start()))
                else "close"
            )
            if kind == "open" and not continuing and not _opens_straight(text, mark.start()):
                continue
        if kind == "close" and content is None and mark.group() == "''":
            if not _opens_straight(text, mark.start(), 2):
                continue
            kind = "open"  # newspaper style: ''...'' (two apostrophes each side)
        if kind == "para":
            if content is not None:
                nxt = _REOPENS.match(text, mark.end(), stop_at)
                if continuing or nxt is None:
                    content, continuing = None, False
                else:
                    continuing = True
            continue
        if kind == "open":
            if content is None or not continuing:
                content = mark.end()
            continuing = False
        elif kind == "close" and content is not None:
            if mark.start() > content:
                quotes.append(Span.of(text, content, mark.start()))
            content, continuing = None, False
    return quotes
