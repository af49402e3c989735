"""The article envelope: masthead, title, dateline, credited source, body, captions, chrome."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence

import attrs
import regex

from communique.lexicon import Lexicon, alternation, derived
from communique.model import Span
from communique.parser.sentences import split_sentences, trimmed


class Role(enum.Enum):
    """What a block (a non-blank line) of an article is."""

    MASTHEAD = "masthead"
    TITLE = "title"
    DATELINE = "dateline"
    BODY = "body"
    HEADING = "heading"
    CAPTION = "caption"
    CREDIT = "credit"
    RELATED = "related"
    ORIGIN = "origin"
    BOILERPLATE = "boilerplate"


@attrs.frozen(kw_only=True)
class Block:
    """One non-blank line of the text, trimmed, and its role."""

    span: Span
    role: Role


@attrs.frozen(kw_only=True)
class Article:
    """The envelope of an article, and its text cut into blocks with roles."""

    blocks: tuple[Block, ...]
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    origin: str | None = None

    @property
    def body(self) -> tuple[Span, ...]:
        """The body paragraphs: the blocks that carry the article's own text."""
        return tuple(block.span for block in self.blocks if block.role is Role.BODY)


_LINE = regex.compile(r"[^\n]+")
_WORD = regex.compile(r"\p{L}[\p{L}'’-]*")
_TERMINAL = regex.compile(r"""[.!?:;,'"’”)\]…]$""")
_HEADING_MAX_WORDS = 14
_TITLE_MAX_CHARS = 250
_HEADER_MAX_BLOCKS = 8
_FOOTER_SHARE = 0.75


def _casefolded(entries: Sequence[str]) -> tuple[str, ...]:
    return tuple(entry.casefold() for entry in entries)


@attrs.frozen
class _Vocabulary:
    """The ``article`` table (and the month and weekday names of ``dates``), compiled."""

    origin: regex.Pattern[str]
    dateline: regex.Pattern[str]
    credit: regex.Pattern[str]
    minor_words: frozenset[str]
    chrome_lines: frozenset[str]
    chrome_prefixes: tuple[str, ...]
    caption_leads: tuple[str, ...]


@derived
def _vocabulary(lexicon: Lexicon) -> _Vocabulary:
    """The envelope's patterns and word sets, built from ``lexicon`` (once per Lexicon)."""
    lex = lexicon["article"]
    dates = lexicon["dates"]
    month = rf"(?:{alternation(dates['months'])})\.?"
    weekday = alternation(name[:3] for name in dates["weekdays"])
    at = alternation(lex["dateline"]["time_words"])
    meridiem = alternation(lex["dateline"]["meridiems"])
    return _Vocabulary(
        origin=regex.compile(
            r"(?:{labels})\s*[:：]\s*(?P<value>[^\s.!?][^.!?]{{0,58}})".format(
                labels="|".join(regex.escape(label) for label in lex["origin"]["labels"])
            ),
            regex.IGNORECASE,
        ),
        dateline=regex.compile(
            rf"""(?:(?:{weekday})[a-z]*,?\s+)?
            (?:\d{{4}}-\d{{2}}-\d{{2}}(?:[T\s]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?
                 (?:Z|[+-]\d{{2}}:?\d{{2}})?)?
              |{month}\s+\d{{1,2}},?\s+\d{{4}}
              |\d{{1,2}}\s+{month}\s+\d{{4}})
            (?:,?\s+(?:(?:{at})\s+)?\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:{meridiem})?\s*(?:[A-Z]{{2,4}})?)?""",
            regex.VERBOSE | regex.IGNORECASE,
        ),
        credit=regex.compile(
            r"\(\s*(?:(?:{labels})\s*(?:{by}|:)\s*)?(?:{credits})[^()]{{0,40}}\)".format(
                labels=alternation(lex["caption"]["credit_labels"]),
                by=alternation(lex["caption"]["credit_by"]),
                credits="|".join(regex.escape(credit) for credit in lex["caption"]["credits"]),
            ),
            regex.IGNORECASE,
        ),
        minor_words=frozenset(lex["title_case"]["minor_words"]),
        chrome_lines=frozenset(_casefolded(lex["boilerplate"]["lines"])),
        chrome_prefixes=_casefolded(lex["boilerplate"]["prefixes"]),
        caption_leads=_casefolded(lex["caption"]["leads"]),
    )


def _is_chrome(line: str, vocabulary: _Vocabulary) -> bool:
    folded = line.casefold().rstrip(" .…:")
    return folded in vocabulary.chrome_lines or folded.startswith(vocabulary.chrome_prefixes)


def _is_dateline(line: str, vocabulary: _Vocabulary) -> bool:
    return vocabulary.dateline.fullmatch(line.strip()) is not None


def _is_title_case(line: str, vocabulary: _Vocabulary) -> bool:
    """Headline style: every word but the minor ones ("of", "the", "to") capitalised."""
    words = [w for w in _WORD.findall(line) if w.casefold() not in vocabulary.minor_words]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _is_headline_like(line: str) -> bool:
    """A short line that does not end as a sentence of running text does."""
    return len(line.split()) <= _HEADING_MAX_WORDS and not _TERMINAL.search(line)


def read_article(text: str, *, lexicon: Lexicon | None = None) -> Article:
    """Cut ``text`` into blocks and find the envelope: title, dateline, outlet, origin.

    The rules, applied in this order, each to the blocks that are still body:

    * chrome: lines of the boilerplate lexicon (footers, sharing prompts, disclaimers);
    * origin: a "Source: X" line; when it stands in the last quarter of the article,
      everything after it is chrome too;
    * header: a timestamp line near the top is the dateline, the block before it the
      title, and the first block before that the masthead (the outlet); without a
      dateline, a short first block is the title;
    * captions: a block followed by a photo credit such as "(Reuters)", or one that
      starts like "The picture shows";
    * related links: the run of question or headline lines that ends the article;
    * headings: short lines without final punctuation between paragraphs.

    ``lexicon`` gives the vocabulary of the envelope; None means the packaged one.
    """
    vocabulary = _vocabulary(lexicon or Lexicon.packaged())
    lines = (trimmed(text, m.start(), m.end()) for m in _LINE.finditer(text))
    spans = [span for span in lines if span is not None]
    roles = [Role.BODY] * len(spans)
    for rule in _RULES:
        rule([span.text for span in spans], roles, vocabulary)
    envelope: dict[Role, str] = {}
    for span, role in zip(spans, roles, strict=True):
        if role in (Role.TITLE, Role.DATELINE, Role.MASTHEAD, Role.ORIGIN):
            envelope.setdefault(role, span.text)
    origin = envelope.get(Role.ORIGIN)
    if origin is not None:
        match = vocabulary.origin.fullmatch(origin)
        origin = match.group("value").strip() if match else origin
    return Article(
        blocks=tuple(Block(span=s, role=r) for s, r in zip(spans, roles, strict=True)),
        title=envelope.get(Role.TITLE),
        published=envelope.get(Role.DATELINE),
        outlet=envelope.get(Role.MASTHEAD),
        origin=origin,
    )


Rule = Callable[[list[str], list[Role], _Vocabulary], None]


def _mark_chrome(lines: list[str], roles: list[Role], vocabulary: _Vocabulary) -> None:
    for index, line in enumerate(lines):
        if _is_chrome(line, vocabulary):
            roles[index] = Role.BOILERPLATE


def _mark_origin(lines: list[str], roles: list[Role], vocabulary: _Vocabulary) -> None:
    for index in range(len(lines) - 1, -1, -1):
        if roles[index] is Role.BODY and vocabulary.origin.fullmatch(lines[index]):
            roles[index] = Role.ORIGIN
            if index >= _FOOTER_SHARE * len(lines):
                for after in range(index + 1, len(lines)):
                    roles[after] = Role.BOILERPLATE
            return


def _mark_header(lines: list[str], roles: list[Role], vocabulary: _Vocabulary) -> None:
    head = [i for i in range(min(len(lines), _HEADER_MAX_BLOCKS)) if roles[i] is Role.BODY]
    dateline = next((i for i in head if _is_dateline(lines[i], vocabulary)), None)
    if dateline is not None:
        roles[dateline] = Role.DATELINE
        before = [i for i in head if i < dateline]
        if before:
            roles[before[-1]] = Role.TITLE
            if len(before) > 1:
                roles[before[0]] = Role.MASTHEAD
        return
    body = [i for i, role in enumerate(roles) if role is Role.BODY]
    if len(body) > 1 and body[0] == 0:
        first = lines[0]
        if len(first) <= _TITLE_MAX_CHARS and (
            _is_title_case(first, vocabulary) or len(split_sentences(first)) == 1
        ):
            roles[0] = Role.TITLE


def _mark_captions(lines: list[str], roles: list[Role], vocabulary: _Vocabulary) -> None:
    for index, line in enumerate(lines):
        if roles[index] is not Role.BODY:
            continue
        if vocabulary.credit.fullmatch(line):
            roles[index] = Role.CREDIT
            if index > 0 and roles[index - 1] is Role.BODY:
                roles[index - 1] = Role.CAPTION
        elif line.casefold().startswith(vocabulary.caption_leads):
            roles[index] = Role.CAPTION


def _mark_related(lines: list[str], roles: list[Role], vocabulary: _Vocabulary) -> None:
    body = [i for i, role in enumerate(roles) if role is Role.BODY]
    run: list[int] = []
    for index in reversed(body):
        line = lines[index]
        if line.endswith("?") or _is_headline_like(line) or not _TERMINAL.search(line):
            run.append(index)
        else:
            break
    footer_follows = bool(run) and any(
        role in (Role.ORIGIN, Role.BOILERPLATE) for role in roles[run[0] + 1 :]
    )
    if len(run) >= 2 or (run and footer_follows):
        for index in run:
            roles[index] = Role.RELATED


def _mark_headings(lines: list[str], roles: list[Role], vocabulary: _Vocabulary) -> None:
    for index, line in enumerate(lines):
        if roles[index] is Role.BODY and _is_headline_like(line):
            roles[index] = Role.HEADING


_RULES: tuple[Rule, ...] = (
    _mark_chrome,
    _mark_origin,
    _mark_header,
    _mark_captions,
    _mark_related,
    _mark_headings,
)
