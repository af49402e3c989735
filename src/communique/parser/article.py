"""The article envelope: masthead, title, dateline, credited source, body, captions, chrome."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping, Sequence
from typing import Any

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
    BYLINE = "byline"
    BOILERPLATE = "boilerplate"


@attrs.frozen(kw_only=True)
class Block:
    """One non-blank line of the text, trimmed, and its role."""

    span: Span
    role: Role


@attrs.frozen(kw_only=True)
class Dateline:
    """A wire dateline: the place a story was filed from, maybe its day, and its agency.

    ``NAIROBI, Kenya (AP) _`` gives the place ``NAIROBI, Kenya`` and the outlet
    ``Associated Press``; ``BRUSSELS, March 12 (Xinhua) --`` also the day (month 3, day
    12), without a year: the year is the publication's (see :meth:`day_in`).
    """

    span: Span
    place: str | None = None
    month: int | None = None
    day: int | None = None
    outlet: str | None = None

    def day_in(self, published: dt.date | None) -> dt.date | None:
        """The dateline's day in the year of ``published`` (the year before, when the
        day would fall after publication: a story filed on December 31 and published on
        January 1); None without a day or a publication date."""
        if self.month is None or self.day is None or published is None:
            return None
        for year in (published.year, published.year - 1):
            try:
                day = dt.date(year, self.month, self.day)
            except ValueError:
                return None
            if day <= published:
                return day
        return None


@attrs.frozen(kw_only=True)
class Article:
    """The envelope of an article, and its text cut into blocks with roles."""

    blocks: tuple[Block, ...]
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    origin: str | None = None
    dateline: Dateline | None = None

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
_DATELINE_BODY_BLOCKS = 2  # a wire dateline opens one of the first body paragraphs
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
    wire_dateline: regex.Pattern[str]
    byline: regex.Pattern[str]
    sign_off: regex.Pattern[str]
    outlets: Mapping[str, str]
    months: Mapping[str, int]


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
        wire_dateline=_wire_dateline(lex["wire"], f"(?i:{month})"),
        byline=regex.compile(
            r"(?:{by})\s+\p{{Lu}}[^\n,]{{1,60}}?,?\s+(?P<outlet>{outlets})(?:\s+(?:{titles}))?".format(
                by=alternation(lex["wire"]["byline_by"]),
                outlets=alternation(lex["wire"]["outlets"]),
                titles=alternation(lex["wire"]["byline_titles"]),
            )
        ),
        sign_off=regex.compile(
            r"(?:^|(?<=[.!?'\"’”]\s))\p{{Lu}}[\p{{L}}.'’-]+(?:\s+\p{{Lu}}[\p{{L}}.'’-]+){{1,3}},"
            r"\s+(?P<outlet>{outlets}),\s+[^\s.!?,][^.!?\n]{{0,50}}\.$".format(
                outlets=alternation(lex["wire"]["outlets"])
            )
        ),
        outlets=dict(lex["wire"]["outlets"]),
        months={str(name): int(number) for name, number in dates["months"].items()},
    )


def _wire_dateline(wire: Mapping[str, Any], month: str) -> regex.Pattern[str]:
    """The opening of a wire story: place, day and agency, then a dash.

    "NAIROBI, Kenya (AP) _", "BRUSSELS, March 12 (Xinhua) --", "Feb 10 (Reuters) -",
    "WASHINGTON _", "New York (AFP) –": the place is a run of words in capitals (in title
    case only before an agency), maybe followed by its state or country; a dateline
    without an agency needs the place.
    """
    outlets: Mapping[str, str] = wire["outlets"]
    dashes: Sequence[str] = wire["dashes"]
    # Runs are capped (a place's word is short): uncapped, the two runs of ``caps`` and the
    # words around them backtrack over every split of a long word, cubic in its length.
    caps = r"\p{Lu}[\p{Lu}\p{M}'’.-]{0,40}\p{Lu}[\p{Lu}\p{M}'’.-]{0,40}"
    region = r"\p{Lu}[\p{L}\p{M}'’.-]{0,40}"
    return regex.compile(
        rf"""(?P<place>(?:{caps}(?:[^\S\n]+{caps}){{0,3}}|{region}(?:[^\S\n]+{region}){{0,2}})
               (?:,[^\S\n]*{region}(?:[^\S\n]+{region}){{0,2}})?)?
            (?:(?(place),[^\S\n]*|)(?P<month>{month})[^\S\n]+(?P<day>\d{{1,2}})\b)?
            [^\S\n]*(?:\((?P<outlet>{alternation(outlets)})\))?
            [^\S\n]*(?P<dash>{alternation(str(d) for d in dashes)})(?=\s|$)""",
        regex.VERBOSE,
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
        if role in (Role.TITLE, Role.DATELINE, Role.MASTHEAD, Role.ORIGIN, Role.BYLINE):
            envelope.setdefault(role, span.text)
    origin = envelope.get(Role.ORIGIN)
    if origin is not None:
        match = vocabulary.origin.fullmatch(origin)
        origin = match.group("value").strip() if match else origin
    dateline = _find_wire_dateline(spans, roles, vocabulary)
    published = envelope.get(Role.DATELINE)
    if published is not None and not _is_dateline(published, vocabulary):
        published = None  # a wire dateline names no year: it is no timestamp
    byline = envelope.get(Role.BYLINE)
    credited = vocabulary.byline.match(byline) if byline is not None else None
    outlet = (
        envelope.get(Role.MASTHEAD)
        or (dateline.outlet if dateline is not None else None)
        or (vocabulary.outlets[credited["outlet"]] if credited is not None else None)
        or _signed_off(spans, roles, vocabulary)
    )
    return Article(
        blocks=tuple(Block(span=s, role=r) for s, r in zip(spans, roles, strict=True)),
        title=envelope.get(Role.TITLE),
        published=published,
        outlet=outlet,
        origin=origin,
        dateline=dateline,
    )


def _wire_match(line: str, vocabulary: _Vocabulary) -> regex.Match[str] | None:
    """The wire dateline that opens ``line``, if one does."""
    match = vocabulary.wire_dateline.match(line)
    if match is None or not (match["place"] or match["outlet"]):
        return None
    if not (match["place"] or match["month"]):
        return None
    if match["outlet"] is None and match["dash"] == "-":
        return None  # "US - China talks": a hyphen ends a dateline only after its agency
    city = (match["place"] or "").partition(",")[0]
    if match["outlet"] is None and city != city.upper():
        return None  # "Moscow — the talks": a place in title case needs its agency
    return match


def _is_wire_line(line: str, vocabulary: _Vocabulary) -> bool:
    """A block that is a wire dateline and nothing more ("NAIROBI, Kenya (AP) _")."""
    match = _wire_match(line, vocabulary)
    return match is not None and not line[match.end() :].strip()


def _find_wire_dateline(
    spans: Sequence[Span], roles: Sequence[Role], vocabulary: _Vocabulary
) -> Dateline | None:
    """The wire dateline: a dateline block, or the opening of one of the first two body
    paragraphs (the first may be a headline that reads as a sentence)."""
    body = 0
    for span, role in zip(spans[:_HEADER_MAX_BLOCKS], roles, strict=False):
        if role not in (Role.DATELINE, Role.BODY, Role.HEADING):
            continue
        match = _wire_match(span.text, vocabulary)
        if match is not None:
            month = match["month"]
            return Dateline(
                span=Span(
                    start=span.start,
                    end=span.start + len(match[0].rstrip()),
                    text=match[0].rstrip(),
                ),
                place=match["place"].strip() if match["place"] else None,
                month=vocabulary.months.get(month.casefold().rstrip(".")) if month else None,
                day=int(match["day"]) if match["day"] else None,
                outlet=vocabulary.outlets[match["outlet"]] if match["outlet"] else None,
            )
        body += role is Role.BODY
        if body >= _DATELINE_BODY_BLOCKS:
            return None  # the story has begun without one
    return None


def _signed_off(
    spans: Sequence[Span], roles: Sequence[Role], vocabulary: _Vocabulary
) -> str | None:
    """The outlet of a broadcast sign-off ending the story: "Jane Doe, CNN, Washington."."""
    body = [span for span, role in zip(spans, roles, strict=True) if role is Role.BODY]
    if not body:
        return None
    match = vocabulary.sign_off.search(body[-1].text[-160:])
    return vocabulary.outlets[match["outlet"]] if match is not None else None


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
    dateline = next(
        (
            i
            for i in head
            if _is_dateline(lines[i], vocabulary) or _is_wire_line(lines[i], vocabulary)
        ),
        None,
    )
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


def _mark_byline(lines: list[str], roles: list[Role], vocabulary: _Vocabulary) -> None:
    for index in range(min(len(lines), _HEADER_MAX_BLOCKS)):
        if roles[index] is Role.BODY and vocabulary.byline.fullmatch(lines[index]):
            roles[index] = Role.BYLINE
            return


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
    _mark_byline,
    _mark_header,
    _mark_captions,
    _mark_related,
    _mark_headings,
)
