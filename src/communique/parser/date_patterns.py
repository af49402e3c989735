"""The date tagger's patterns, built from the Lexicon on first use.

The rules' verbose patterns and the fragments they share are written in ``dates.toml``
(``[patterns]``); here they are filled with the vocabulary (month names, ordinals,
holidays ...) and compiled, once per Lexicon value: the master alternation of all rules,
the cheap core-word scan that limits where it is tried, and the tense and clause cues that
resolution reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import regex

from communique.lexicon import Lexicon, alternation, derived
from communique.parser.anchored import AnchoredScan
from communique.parser.pattern_openings import Openings

__all__ = [
    "clause_stop",
    "clock",
    "core_hits",
    "cores",
    "deadline",
    "longer_period",
    "master",
    "master_openings",
    "phrase",
    "tense_cue",
]

#: A placeholder in a pattern template: ``{NAME}`` a fragment, ``{name}`` a vocabulary.
#: (Patterns are kept as text here and compiled on first use.)
_PLACEHOLDER = r"\{([A-Za-z][A-Za-z0-9_]*)\}"
#: What may open an expression a few words before its core word. It is anchored at the end
#: of the searched stretch, so it is searched backwards (REVERSE), from there: the same
#: (leftmost) start as a forward search, without trying every position before it.
_OPENER = r"(?<![\w'’-])[\w.'’$-]{1,20}[\s'’-]+\Z"


def phrase(word: str) -> str:
    """The key a matched word is looked up by in the dates table: case-folded, trimmed,
    without a final stop, whitespace runs as one space."""
    return regex.sub(r"\s+", " ", word.casefold().strip().rstrip("."))


def _title_words(phrase: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in phrase.split(" "))


@derived
def _month_names(lexicon: Lexicon) -> tuple[str, str, str]:
    """Title-case alternations: full names, abbreviations with and without their stop."""
    months: Mapping[str, int] = lexicon["dates"]["months"]
    full = [w for w in months if not any(o != w and o.startswith(w) for o in months)]
    abbr = [w for w in months if w not in full]
    return (
        alternation(w.title() for w in full),
        alternation(w.title() + "." for w in abbr),
        alternation(w.title() for w in abbr),
    )


def _vocabularies(lexicon: Lexicon) -> dict[str, str]:
    """The alternations that pattern templates name as ``{name}``."""
    lex = lexicon["dates"]
    full, abbr, bare = _month_names(lexicon)
    return {
        "full": full,
        "abbr": abbr,
        "bare": bare,
        "ordinals": alternation(lex["ordinals"]),
        "numbers": alternation(lex["numbers"]),
        "weekdays": alternation(w.title() for w in lex["weekdays"]),
        "day_parts": alternation(lex["day_parts"]["words"]),
        "vague_numbers": alternation(lex["vague_numbers"]["words"]),
        "directions": alternation(lex["directions"]),
        "seasons": alternation(lex["seasons"]),
        "holidays": alternation(_title_words(h) for h in lex["holidays"]),
        "decades": alternation(lex["decades"]),
        "references": alternation(lex["references"]),
        "centuries": alternation(lex["spoken_years"]["centuries"]),
    }


@derived
def _fragments(lexicon: Lexicon) -> dict[str, str]:
    """The named fragments of ``[patterns.fragments]``, filled in."""
    templates: Mapping[str, str] = lexicon["dates"]["patterns"]["fragments"]
    names = _vocabularies(lexicon)
    done: dict[str, str] = {}

    def fill(template: str) -> str:
        return regex.sub(
            _PLACEHOLDER, lambda m: names[m[1]] if m[1] in names else expand(m[1]), template
        )

    def expand(name: str) -> str:
        if name not in done:
            done[name] = fill(templates[name])
        return done[name]

    for name in templates:
        expand(name)
    return done


@derived
def master(lexicon: Lexicon) -> tuple[regex.Pattern[str], tuple[str, ...]]:
    """The alternation of the rules' patterns (group ``R<i>`` for rule i) and the rules'
    names, in the order they are tried."""
    rules: Mapping[str, str] = lexicon["dates"]["patterns"]["rules"]
    fragments = _fragments(lexicon)
    patterns = (regex.sub(_PLACEHOLDER, lambda m: fragments[m[1]], p) for p in rules.values())
    alternatives = "|".join(f"(?P<R{i}>{p})" for i, p in enumerate(patterns))
    wrapped = rf"(?<![\w'’-])(?:{alternatives})(?<![\s,])"
    return regex.compile(wrapped, regex.VERBOSE | regex.VERSION0), tuple(rules)


@derived
def master_openings(lexicon: Lexicon) -> Openings:
    """Where the master alternation may match: it need not be tried where it cannot."""
    return Openings(master(lexicon)[0])


@derived
def cores(lexicon: Lexicon) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The words every date expression contains, and the words that may open one.

    A cheap scan for them limits the costly alternation to the few places it can match.
    """
    lex = lexicon["dates"]
    full, _, bare = _month_names(lexicon)
    words: Iterable[str] = [
        *lex["references"],
        *lex["seasons"],
        *lex["decades"],
        *lex["holidays"],
        *lex["spoken_years"]["centuries"],
        *lex["patterns"]["core_words"],
        *lex["ordinals"],
        *lex["day_parts"]["words"],
    ]
    weekdays = alternation(w.title() for w in lex["weekdays"])
    # A digit right after a word character cannot start an expression, nor follow an
    # opener: the scan skips it, and ``\b`` lets the engine skip word interiors.
    core = regex.compile(
        rf"['’]\d|\b(?:\d|(?<![\w'’])(?:{full}|{bare}|{weekdays}|(?i:{alternation(words)}))"
        rf"(?![\w]))"
    )
    return core, regex.compile(_OPENER, regex.REVERSE)


#: where a core match that is no word may start: a digit, or the apostrophe before one
_NUMBER_CORE = regex.compile(r"['’]\d|\b\d")


@derived
def _core_words(lexicon: Lexicon) -> AnchoredScan:
    """The core scan, anchored at the words that may open one of its words."""
    lex = lexicon["dates"]
    words = [
        *lex["months"],
        *lex["weekdays"],
        *lex["references"],
        *lex["seasons"],
        *lex["decades"],
        *lex["holidays"],
        *lex["spoken_years"]["centuries"],
        *lex["patterns"]["core_words"],
        *lex["ordinals"],
        *lex["day_parts"]["words"],
    ]
    return AnchoredScan(cores(lexicon)[0], words)


def core_hits(text: str, lexicon: Lexicon) -> Iterator[regex.Match[str]]:
    """What the core scan (:func:`cores`) finds in ``text``, tried only at digits, at an
    apostrophe before one, and at the words that may open a core word."""
    scan = _core_words(lexicon)
    words = scan.starts(text)
    if words is None:
        yield from scan.pattern.finditer(text)
        return
    # two ascending runs, which the sort merges (a start in both is tried twice, alike)
    starts = [*words, *(m.start() for m in _NUMBER_CORE.finditer(text))]
    starts.sort()
    match = scan.pattern.match
    last = 0
    for at in starts:
        if at < last:
            continue
        hit = match(text, at)
        if hit is not None:
            yield hit
            last = hit.end()


@derived
def clause_stop(lexicon: Lexicon) -> regex.Pattern[str]:
    """A clause end: a semicolon, a line break, a sentence stop, or the comma before a
    relative clause (", where"); the abbreviations are those of sentence segmentation."""
    lex = lexicon["sentences"]["abbreviations"]
    words = alternation([*lex["titles"], *lex["months"], *lex["other"]])
    relative = alternation(lexicon["dates"]["resolution"]["relative_openers"])
    return regex.compile(
        rf"""[;\n] | (?<! (?<![\w.]) (?: {words} | (?:\p{{L}}\.)*\p{{Lu}} ) ) [.!?]
        (?= ["'”’)]* \s ) | ,(?=\s+(?:{relative})\b)""",
        regex.VERBOSE,
    )


@derived
def deadline(lexicon: Lexicon) -> regex.Pattern[str]:
    """A deadline word ("by", "until") right before the end of the searched stretch."""
    cues: Mapping[str, Any] = lexicon["dates"]["cues"]
    words = alternation(cues["deadline"])
    particles = alternation(cues["deadline_particles"])
    return regex.compile(rf"(?<![\w'])(?i:{words})\s+(?:(?i:{particles})\s+)?\Z")


@derived
def tense_cue(lexicon: Lexicon) -> regex.Pattern[str]:
    """A tense cue, or a look-alike that is no cue at all ("next to").

    A future cue takes the verb it governs with it: "will be named" is one future cue, not
    a future one followed by a past one.
    """
    cues = lexicon["dates"]["cues"]
    return regex.compile(
        rf"""(?<![\w'])
        (?: (?P<none>(?i:{alternation(cues["not_cues"])}))
          | (?P<future>(?i:{alternation(cues["future"])}))
            (?: \s+ (?i:{alternation(cues["auxiliaries"])}) (?!\w) ){{0,3}} (?: \s+ \w+ )?
          | (?P<perfect>(?i:{alternation(cues["perfect"])}))
          | (?P<past>(?i:{alternation(cues["past"])}))
          | (?P<present>(?i:{alternation(cues["present"])})) )
        (?!\w)""",
        regex.VERBOSE,
    )


@derived
def clock(lexicon: Lexicon) -> regex.Pattern[str]:
    """A clock time right before the end of the searched stretch ("10 p.m. EDT")."""
    clock = lexicon["dates"]["cues"]["clock"]
    return regex.compile(
        rf"(?:\d\s*(?i:{alternation(clock['times'])})|(?i:{alternation(clock['named'])}))"
        rf"(?:\s+(?:{alternation(clock['zones'])}))?\s*\Z"
    )


@derived
def longer_period(lexicon: Lexicon) -> AnchoredScan:
    """A reporting period longer than a quarter ("for the nine months"), searched for only
    at the words that may open one."""
    periods = lexicon["dates"]["comparisons"]["longer_periods"]
    return AnchoredScan(regex.compile(rf"(?<![\w-])(?i:{alternation(periods)})(?![\w-])"), periods)
