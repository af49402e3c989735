"""Temporal expressions: find dates in a text and resolve them against the article.

:func:`find_dates` is a rule-based TIMEX3 DATE tagger. Each rule is a verbose ``regex``
pattern plus a small resolver, registered in :data:`RULES`; all patterns are joined into
one alternation (tried in table order at each position) and compiled once. Resolution reads
the publication date and the *narrative anchor*: the last date the text itself set.
:func:`record_date` gives a record the date of its clause.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import regex
from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as Weekday

from communique.lexicon import alternation, load
from communique.model import (
    DateMention,
    DateSource,
    DateValue,
    Precision,
    Span,
    TimexValue,
    calendar_precision,
)
from communique.parser.published import read_published

__all__ = ["RULES", "find_dates", "record_date"]

_WEEKDAYS = tuple(Weekday(n) for n in range(7))
#: Granularities from fine to coarse; an anchor may be shifted by a unit at least as fine.
_GRAIN = ("day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade")
#: Anchors that naming a longer reporting period ("for the nine months") puts out of force.
_OUTGROWN = ("day", "week", "month", "quarter", "half")
_CALENDAR_KINDS = {"day": Precision.DAY, "month": Precision.MONTH, "year": Precision.YEAR}


@attrs.frozen
class _Val:
    """A resolved date: its kind, its first day, an inclusive last day for ranges."""

    kind: str
    date: dt.date
    source: DateSource
    end: dt.date | None = None
    code: str = ""  # season code, or the REF value for kind "ref"
    anchors: bool = True  # False for comparisons ("a year earlier"), which keep the anchor

    def render(self, day: dt.date | None = None) -> str:
        """The TIMEX3 value of this date (or of ``day`` at this date's kind)."""
        d = self.date if day is None else day
        match self.kind:
            case "day":
                return d.isoformat()
            case "month":
                return f"{d.year:04d}-{d.month:02d}"
            case "year":
                return f"{d.year:04d}"
            case "week" | "weekend":
                year, week, _ = d.isocalendar()
                return f"{year:04d}-W{week:02d}" + ("-WE" if self.kind == "weekend" else "")
            case "quarter":
                return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
            case "half":
                return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
            case "season":
                return f"{d.year:04d}-{self.code}"
            case "decade":
                return f"{d.year // 10:03d}"
            case "century":
                return f"{d.year // 100:02d}"
            case _:
                return self.code

    def shifted(self, unit: str, n: int) -> _Val:
        """This date moved by ``n`` units, at its own kind."""
        return attrs.evolve(
            self,
            date=_start_of(self.kind, self.date + _delta(unit, n)),
            end=None,
            source=DateSource.RELATIVE,
        )


@attrs.define
class _Context:
    """What a resolver may read: the text, the publication date, the narrative anchor."""

    text: str
    today: dt.date | None
    anchor: _Val | None = None
    seen: dict[str, _Val] = attrs.Factory(dict)  # the last date of each kind


Resolver = Callable[[regex.Match[str], _Context], "_Val | None"]


@attrs.frozen
class Rule:
    """A named date pattern and the function that resolves its matches."""

    name: str
    pattern: str
    resolve: Resolver


# ---------------------------------------------------------------------------- vocabulary


@functools.cache
def _lex() -> Mapping[str, Any]:
    return load("dates")


def _key(word: str) -> str:
    return regex.sub(r"\s+", " ", word.casefold().strip().rstrip("."))


@functools.cache
def _month_names() -> tuple[str, str, str]:
    """Title-case alternations: full names, abbreviations with and without their stop."""
    months: dict[str, int] = _lex()["months"]
    full = [w for w in months if not any(o != w and o.startswith(w) for o in months)]
    abbr = [w for w in months if w not in full]
    return (
        alternation(w.title() for w in full),
        alternation(w.title() + "." for w in abbr),
        alternation(w.title() for w in abbr),
    )


@functools.cache
def _fragments() -> dict[str, str]:
    """Named pattern fragments that the rules' patterns use as ``{name}``."""
    lex = _lex()
    full, abbr, bare = _month_names()
    numbers = alternation(lex["numbers"])
    ordinals = alternation(lex["ordinals"])
    fragments = {
        "MONTH": rf"(?P<month>{abbr}|{full}|{bare}(?=\s+\d))",
        "MONTH2": rf"(?P<month2>{abbr}|{full})",
        "FULLMONTH": rf"(?P<month>{abbr}|{full})",
        "DAY": rf"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?|(?P<dayword>{ordinals}))"
        r"(?!\d|[:.,/]\d|\s*(?:%|percent\b|cents?\b|points?\b))",
        "DAY2": r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|[:.,/]\d|\s*(?:%|percent\b))",
        "YEAR": r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d]|[.,]\d)",
        "WEEKDAY": rf"(?P<weekday>{alternation(w.title() for w in lex['weekdays'])})",
        "PART": rf"(?P<part>{alternation(lex['day_parts']['words'])})",
        "NUM": rf"(?P<num>\d{{1,3}}|(?i:{numbers})(?:[\s-]+(?!(?i:an?)\s)(?i:{numbers}))?)",
        "VAGUE": rf"(?P<vague>(?i:{alternation(lex['vague_numbers']['words'])}))",
        "UNIT": r"(?P<unit>(?i:day|week|month|year|quarter|decade))s?",
        "DIRECTION": rf"(?P<direction>(?i:{alternation(lex['directions'])}))",
        "SEASON": rf"(?P<season>(?i:{alternation(lex['seasons'])}))",
        "ORD": r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))",
        "MOD": r"(?P<mod>(?i:early|late|mid|earlier|later|around|the\s+(?:beginning|start|end"
        r"|middle|close)\s+of(?:\s+the)?)(?:[\s-]+|(?<=mid)-?))",
        "HOLIDAY": rf"(?P<holiday>{alternation(_title_words(h) for h in lex['holidays'])})",
        "DECADEWORD": rf"(?P<decadeword>(?i:{alternation(lex['decades'])}))",
        "REF": rf"(?P<ref>(?i:{alternation(lex['references'])}))",
        "CENT": rf"(?P<cent>(?i:{alternation(lex['spoken_years']['centuries'])}))",
        "TENS": r"(?P<tens>(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))",
        "UNITS": r"(?P<units>(?i:one|two|three|four|five|six|seven|eight|nine))",
        "TEENS": r"(?P<teens>(?i:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
        r"|seventeen|eighteen|nineteen))",
    }
    # a year said in words: "nineteen ninety-four", "two thousand and one"
    units, tens, teens = fragments["UNITS"], fragments["TENS"], fragments["TEENS"]
    fragments["SPOKEN"] = (
        rf"(?:(?P<thousand>(?i:two\s+thousand))(?:(?:\s+(?i:and))?\s+{units})?"
        rf"|{fragments['CENT']}[\s-]+(?:{tens}(?:[\s-]+{units})?|{teens}))(?![-\w])"
    )
    return fragments


def _title_words(phrase: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in phrase.split(" "))


# -------------------------------------------------------------------------- arithmetic


def _delta(unit: str, n: int) -> relativedelta:
    months = {"month": 1, "quarter": 3, "half": 6, "season": 12, "year": 12, "decade": 120}
    if unit in ("week", "weekend"):
        return relativedelta(weeks=n)
    if unit == "day":
        return relativedelta(days=n)
    return relativedelta(months=months.get(unit, 12) * n)


def _start_of(kind: str, d: dt.date) -> dt.date:
    """The first day of the ``kind`` period that holds ``d`` (weeks start on Monday)."""
    match kind:
        case "week" | "weekend":
            return d - dt.timedelta(days=d.weekday())
        case "month":
            return d.replace(day=1)
        case "quarter":
            return d.replace(month=(d.month - 1) // 3 * 3 + 1, day=1)
        case "half":
            return d.replace(month=(d.month - 1) // 6 * 6 + 1, day=1)
        case "year" | "season":
            return d.replace(month=1, day=1) if kind == "year" else d
        case "decade":
            return dt.date(max(d.year // 10 * 10, 1), 1, 1)
        case _:
            return d


def _at(kind: str, d: dt.date, source: DateSource = DateSource.RELATIVE) -> _Val:
    return _Val(kind, _start_of(kind, d), source)


def _today_needed(ctx: _Context) -> dt.date:
    if ctx.today is None:
        raise LookupError("no publication date to resolve against")
    return ctx.today


def _tense(ctx: _Context, start: int) -> int:
    """The tense of the clause before ``start``: 1 future, -1 past, 0 not said.

    A deadline word right before the expression ("by", "until") makes it coming, unless the
    clause is in the past perfect ("had filed their reports by Wednesday", but not "had been
    set to expire Nov. 6"). Otherwise the tense cue nearest to the expression decides: a
    future cue ("will", "plans to", with the verb it governs), a past one ("said", "was"),
    or a present one ("is"), which says nothing. Cues are looked for in the clause, at most
    ``cue_window`` characters back.
    """
    text = ctx.text
    window = int(_lex()["resolution"]["cue_window"])
    lo = _clause_start(text, max(0, start - window), start)
    cues = [c for c in _tense_cue().finditer(text, lo, start) if c.group("none") is None]
    if _deadline().search(text, max(0, start - 24), start):
        perfect = any(c.group("perfect") is not None for c in cues)
        return -1 if perfect and cues[-1].group("future") is None else 1
    if not cues or cues[-1].group("present") is not None:
        return 0
    return 1 if cues[-1].group("future") is not None else -1


def _clause_start(text: str, lo: int, start: int) -> int:
    """Where the clause that holds ``start`` begins, looking back no further than ``lo``.

    A clause ends at a line break, a semicolon, or a sentence stop: a full stop that is not
    a decimal point nor the stop of an abbreviation or an initial ("Mr.", "Feb.", "P.").
    """
    stops = [m.end() for m in _clause_stop().finditer(text, lo, start)]
    return stops[-1] if stops else lo


@functools.cache
def _clause_stop() -> regex.Pattern[str]:
    """A clause end; the abbreviations are those of sentence segmentation (sentences.toml)."""
    lex = load("sentences")["abbreviations"]
    words = alternation([*lex["titles"], *lex["months"], *lex["other"]])
    return regex.compile(
        rf"""[;\n] | (?<! (?<![\w.]) (?: {words} | (?:\p{{L}}\.)*\p{{Lu}} ) ) [.!?]
        (?= ["'”’)]* \s )""",
        regex.VERBOSE,
    )


def _coming(ctx: _Context, start: int, end: int) -> bool:
    """Whether the clause before ``start`` says that the event is still to come."""
    return _tense(ctx, start) > 0


def _occurrence(
    candidates: Callable[[int], dt.date], ctx: _Context, m: regex.Match[str], today: dt.date
) -> dt.date:
    """The year rule for a date written without its year.

    The latest occurrence not after publication; the next one when the clause says the
    event is coming, or says nothing and the next one is within ``near_future_days``.
    """
    tense = _tense(ctx, m.start())
    if tense < 0:
        return _latest(candidates, today, False)
    upcoming = _latest(candidates, today, True)
    window = int(_lex()["resolution"]["near_future_days"])
    if tense > 0 or (upcoming - today).days <= window:
        return upcoming
    return _latest(candidates, today, False)


@functools.cache
def _deadline() -> regex.Pattern[str]:
    words = alternation(_lex()["cues"]["deadline"])
    return regex.compile(rf"(?<![\w'])(?i:{words})\s+(?:(?i:on|a)\s+)?\Z")


@functools.cache
def _tense_cue() -> regex.Pattern[str]:
    """A tense cue, or a look-alike that is no cue at all ("next to").

    A future cue takes the verb it governs with it: "will be named" is one future cue, not
    a future one followed by a past one.
    """
    cues = _lex()["cues"]
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


@functools.cache
def _clock() -> regex.Pattern[str]:
    clock = _lex()["cues"]["clock"]
    return regex.compile(
        rf"(?:\d\s*(?i:{alternation(clock['times'])})|(?i:noon|midnight))"
        rf"(?:\s+(?:{alternation(clock['zones'])}))?\s*\Z"
    )


def _number(word: str) -> int:
    """``"12"``, ``"two"``, ``"twenty-one"`` -> int."""
    if word.isdigit():
        return int(word)
    numbers: dict[str, int] = _lex()["numbers"]
    return sum(numbers[w] for w in regex.split(r"[\s-]+", word.casefold()))


def _latest(candidates: Callable[[int], dt.date], today: dt.date, coming: bool) -> dt.date:
    """The year rule: the latest occurrence not after ``today``, or the next one if coming.

    ``candidates(year)`` gives the occurrence in ``year`` (raising ValueError when there is
    none, as for 29 February); up to eight years are tried each way.
    """
    years = range(today.year, today.year + 9) if coming else range(today.year, today.year - 9, -1)
    for year in years:
        try:
            d = candidates(year)
        except ValueError:
            continue
        if (d >= today) if coming else (d <= today):
            return d
    raise ValueError("no occurrence within eight years")


# ----------------------------------------------------------------------------- resolvers


def _month_of(m: regex.Match[str], group: str = "month") -> int:
    months: dict[str, int] = _lex()["months"]
    return months[_key(m.group(group))]


def _day_of(m: regex.Match[str]) -> int:
    if m.group("dayword"):
        ordinals: dict[str, int] = _lex()["ordinals"]
        return ordinals[_key(m.group("dayword"))]
    return int(m.group("day"))


def _resolve_month_day(m: regex.Match[str], ctx: _Context) -> _Val | None:
    month, day = _month_of(m), _day_of(m)
    if m.group("year"):
        return _Val("day", dt.date(int(m.group("year")), month, day), DateSource.EXPLICIT)
    dt.date(2000, month, day)  # a real month and day in some year, or ValueError
    today = _today_needed(ctx)

    def on(year: int) -> dt.date:
        return dt.date(year, month, day)

    found = _occurrence(on, ctx, m, today)
    if m.group("weekday"):  # "Monday, Oct. 26": of the nearest two, the year that agrees
        weekdays: dict[str, int] = _lex()["weekdays"]
        weekday = weekdays[_key(m.group("weekday"))]
        nearest = (found, _latest(on, today, False), _latest(on, today, True))
        found = next((d for d in nearest if d.weekday() == weekday), found)
    return _Val("day", found, DateSource.RELATIVE)


def _resolve_range(m: regex.Match[str], ctx: _Context) -> _Val | None:
    first = _resolve_month_day(m, ctx)
    if first is None:
        return None
    month2 = _month_of(m, "month2") if m.group("month2") else first.date.month
    last = dt.date(first.date.year, month2, int(m.group("day2")))
    if last < first.date:
        last = last + relativedelta(years=1)
    return attrs.evolve(first, end=last)


def _resolve_numeric(m: regex.Match[str], ctx: _Context) -> _Val | None:
    year = int(m.group("year") or m.group("yy"))
    if year < 100:
        pivot = (_today_needed(ctx).year % 100 + 10) % 100
        year += 2000 if year <= pivot else 1900
    month = int(m.group("mm"))
    return _Val("day", dt.date(year, month, int(m.group("dd"))), DateSource.EXPLICIT)


def _resolve_month_year(m: regex.Match[str], ctx: _Context) -> _Val | None:
    """ "May 2022", "January nineteen ninety-seven", "June last year"."""
    if m.group("yshift"):
        shifts: dict[str, int] = _lex()["shift_words"]
        year = _today_needed(ctx).year + shifts[_key(m.group("yshift"))]
        return _Val("month", dt.date(year, _month_of(m), 1), DateSource.RELATIVE)
    return _Val("month", dt.date(_year_of(m), _month_of(m), 1), DateSource.EXPLICIT)


def _year_of(m: regex.Match[str]) -> int:
    """The year written in digits or in words ("nineteen ninety-four")."""
    if m.group("year"):
        return int(m.group("year"))
    if m.group("thousand"):
        return 2000 + (_number(m.group("units")) if m.group("units") else 0)
    centuries: dict[str, int] = _lex()["spoken_years"]["centuries"]
    year = centuries[_key(m.group("cent"))] * 100
    if m.group("teens"):
        return year + _number(m.group("teens"))
    return year + _number(m.group("tens")) + (_number(m.group("units")) if m.group("units") else 0)


def _resolve_month(m: regex.Match[str], ctx: _Context) -> _Val | None:
    month = _month_of(m)
    today = _today_needed(ctx)
    shift = _shift_of(m)
    if shift == -1:  # "last November": the latest one before this month
        found = _latest(
            lambda y: dt.date(y, month, 1),
            _start_of("month", today) - _delta("day", 1),
            coming=False,
        )
    elif shift == 1:
        found = _latest(lambda y: dt.date(y, month, 1), today + _delta("month", 1), True)
    elif shift == 0:  # "this September": in this year
        found = dt.date(today.year, month, 1)
    else:
        this_month = _start_of("month", today)
        found = _occurrence(lambda y: dt.date(y, month, 1), ctx, m, this_month)
    return _Val("month", found, DateSource.RELATIVE)


def _shift_of(m: regex.Match[str]) -> int | None:
    word = m.groupdict().get("shift")
    if not word:
        return None
    shifts: dict[str, int] = _lex()["shift_words"]
    return shifts.get(_key(word).split(" ")[-1], 0)


def _resolve_weekday(m: regex.Match[str], ctx: _Context) -> _Val | None:
    if _clock().search(ctx.text, max(0, m.start() - 20), m.start()):
        return None  # "10 p.m. Wednesday" is a time
    today = _today_needed(ctx)
    weekday: dict[str, int] = _lex()["weekdays"]
    wd = _WEEKDAYS[weekday[_key(m.group("weekday"))]]
    shift = _shift_of(m)
    word = _key(m.group("shift") or "")
    if word in ("the previous", "the next", "the following") and ctx.anchor is not None:
        base = ctx.anchor.date
        found = base + relativedelta(days=-1 if shift == -1 else 1, weekday=wd(shift or 1))
    elif shift == -1:
        found = today + relativedelta(days=-1, weekday=wd(-1))
    elif shift == 1:
        found = today + relativedelta(days=1, weekday=wd(+1))
    elif shift == 0 or _coming(ctx, m.start(), m.end()):
        found = today + relativedelta(weekday=wd(+1))
    else:
        found = today + relativedelta(weekday=wd(-1))
    return _Val("day", found, DateSource.RELATIVE)


def _resolve_relative_day(m: regex.Match[str], ctx: _Context) -> _Val | None:
    word = _key(m.group("word"))
    offsets = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    return _at("day", _today_needed(ctx) + _delta("day", offsets[word]))


def _resolve_anchor_day(m: regex.Match[str], ctx: _Context) -> _Val | None:
    """ "The same day", "the next day", "the day before": a day counted from the anchor."""
    anchor = ctx.anchor
    if anchor is None or anchor.kind != "day":
        return None
    word = _key(m.group("word"))
    step = (
        -1
        if any(w in word for w in ("before", "previous", "prior"))
        else (1 if any(w in word for w in ("next", "following", "after")) else 0)
    )
    return anchor.shifted("day", step)


def _resolve_ordinal_day(m: regex.Match[str], ctx: _Context) -> _Val | None:
    """ "The 6th": that day of the month in force."""
    base = (
        ctx.anchor.date
        if ctx.anchor is not None and ctx.anchor.kind in ("day", "month")
        else _today_needed(ctx)
    )
    return _Val("day", base.replace(day=int(m.group("day"))), DateSource.RELATIVE)


def _resolve_ago(m: regex.Match[str], ctx: _Context) -> _Val | None:
    directions: dict[str, dict[str, Any]] = _lex()["directions"]
    direction = directions[_key(m.group("direction"))]
    unit = _key(m.group("unit"))
    if m.group("vague"):
        return _Val(
            "ref",
            _today_needed(ctx),
            DateSource.RELATIVE,
            code="PAST_REF" if direction["sign"] < 0 else "FUTURE_REF",
        )
    n = _number(m.group("num")) * int(direction["sign"])
    anchor = ctx.anchor
    if (
        anchor is not None
        and (direction["anchored"] or anchor.kind == "quarter")
        and (anchor.kind in _GRAIN[:-2] and _GRAIN.index(anchor.kind) <= _GRAIN.index(unit))
    ):
        return attrs.evolve(anchor.shifted(unit, n), anchors=False)
    return _at(unit, _today_needed(ctx) + _delta(unit, n))


def _resolve_relative_unit(m: regex.Match[str], ctx: _Context) -> _Val | None:
    """ "Last week", "this year", "the following month", "earlier this year"."""
    unit = _key(m.group("unit")).replace("fiscal ", "")
    word = _key(m.group("shift") or "the")
    shift = _shift_of(m) or 0
    anchored = word in ("that", "the same", "the following", "the previous", "the")
    anchor = ctx.anchor
    if anchored:
        if (
            anchor is None
            or anchor.kind not in _GRAIN
            or (_GRAIN.index(anchor.kind) > _GRAIN.index(unit))
        ):
            if word in ("that", "the same", "the"):
                return None
            base = _at(unit, _today_needed(ctx))
        else:
            base = _at(unit, anchor.date)
        return base.shifted(unit, shift) if shift else base
    today = _today_needed(ctx)
    if unit == "weekend":
        saturday = today + relativedelta(weekday=_WEEKDAYS[5](-1 if today.weekday() >= 5 else 1))
        if shift == -1 or (
            shift == 0
            and word != "this"
            and today.weekday() < 4
            and not _coming(ctx, m.start(), m.end())
        ):
            saturday -= dt.timedelta(days=7)
        elif shift == 1 and today.weekday() >= 5:
            saturday += dt.timedelta(days=7)
        return _at("weekend", saturday)
    return _at(unit, today + _delta(unit, shift))


def _resolve_weekend(m: regex.Match[str], ctx: _Context) -> _Val | None:
    return _resolve_relative_unit(m, ctx)


def _quarter_year(q: int, today: dt.date, coming: bool) -> dt.date:
    return _latest(lambda y: dt.date(y, 3 * q - 2, 1), today, coming)


def _resolve_quarter(m: regex.Match[str], ctx: _Context) -> _Val | None:
    kind = "half" if m.group("half") else "quarter"
    size = 6 if kind == "half" else 3
    det = _key(m.group("det") or "")
    adj = _key(m.group("adj") or "")
    ordinal = m.group("ord") or m.group("hord")
    anchor = ctx.seen.get(kind)
    today = _today_needed(ctx) if not m.group("year") else None
    earlier = (
        "year-earlier" in adj
        or "year-ago" in adj
        or "comparable" in adj
        or ("corresponding" in adj)
        or det.startswith("last year")
        or m.group("ago") is not None
    )
    year_text = m.group("year") or m.group("dyear")
    if ordinal:
        ords = {
            "first": 1,
            "second": 2,
            "third": 3,
            "fourth": 4,
            "last": 2 if kind == "half" else 4,
            "1st": 1,
            "2nd": 2,
            "3rd": 3,
            "4th": 4,
        }
        q = ords[_key(ordinal)]
        if year_text:
            start = dt.date(int(year_text), size * q - size + 1, 1)
            source = DateSource.EXPLICIT
        else:
            assert today is not None
            # results are reported after a quarter ends: the latest one that has begun
            start = _latest(lambda y: dt.date(y, size * q - size + 1, 1), today, False)
            source = DateSource.RELATIVE
        if det.startswith("next year"):
            start = dt.date(today.year + 1 if today else start.year, start.month, 1)
        elif det.startswith("this year"):
            start = dt.date(today.year if today else start.year, start.month, 1)
        elif earlier:
            year = today.year if today else start.year
            return _Val(kind, dt.date(year - 1, start.month, 1), source, anchors=False)
        return _Val(kind, start, source)
    if year_text:
        month = anchor.date.month if anchor is not None else 1
        year = int(year_text)
        return (
            _Val(kind, dt.date(year, month, 1), DateSource.EXPLICIT)
            if anchor
            else _Val("year", dt.date(year, 1, 1), DateSource.EXPLICIT)
        )
    assert today is not None
    current = _at(kind, today)
    if det in ("this", "the current") or adj == "current":
        return current
    if det in ("next", "the next", "the coming"):
        return current.shifted(kind, 1)
    base = anchor if anchor is not None else current.shifted(kind, -1)
    if det in ("last", "the previous", "the past") or adj in ("previous", "latest", "most recent"):
        base = current.shifted(kind, -1)
    if earlier:
        return attrs.evolve(base.shifted("year", -1), anchors=False)
    return attrs.evolve(base, source=DateSource.RELATIVE)


def _resolve_year_earlier(m: regex.Match[str], ctx: _Context) -> _Val | None:
    """The adjectives "year-earlier", "year-ago": the period in force, a year back."""
    anchor = ctx.anchor
    if anchor is not None and anchor.kind in ("quarter", "half", "month"):
        return attrs.evolve(anchor.shifted("year", -1), anchors=False)
    return attrs.evolve(_at("year", _today_needed(ctx) - _delta("year", 1)), anchors=False)


def _resolve_decade(m: regex.Match[str], ctx: _Context) -> _Val | None:
    if m.group("decade"):
        return _Val("decade", dt.date(int(m.group("decade")), 1, 1), DateSource.EXPLICIT)
    if m.group("short"):
        tens = int(m.group("short"))
        today = _today_needed(ctx)
        century = today.year // 100 * 100
        year = century + tens if century + tens <= today.year else century - 100 + tens
        return _Val("decade", dt.date(year, 1, 1), DateSource.RELATIVE)
    decades: dict[str, int] = _lex()["decades"]
    today = _today_needed(ctx)
    year = today.year // 100 * 100 + 10 * decades[_key(m.group("decadeword"))]
    if year > today.year:
        year -= 100
    return _Val("decade", dt.date(year, 1, 1), DateSource.RELATIVE)


def _resolve_century(m: regex.Match[str], ctx: _Context) -> _Val | None:
    n = int(m.group("n")) if m.group("n") else _ordinal(m.group("nword"))
    return _Val("century", dt.date(max(1, (n - 1) * 100), 1, 1), DateSource.EXPLICIT)


def _ordinal(word: str) -> int:
    ordinals: dict[str, int] = _lex()["ordinals"]
    return ordinals[_key(word)]


def _resolve_season(m: regex.Match[str], ctx: _Context) -> _Val | None:
    seasons: dict[str, dict[str, Any]] = _lex()["seasons"]
    season = seasons[_key(m.group("season"))]
    code, start = str(season["code"]), int(season["start"])
    if m.group("year") or m.group("thousand") or m.group("cent"):
        return _Val("season", dt.date(_year_of(m), start, 1), DateSource.EXPLICIT, code=code)
    today = _today_needed(ctx)
    shift = _shift_of(m)
    first = dt.date(today.year, start, 1)
    if shift == -1:  # the latest one that has ended
        found = _latest(lambda y: dt.date(y, start, 1) + _delta("month", 3), today, False)
        found = dt.date(found.year - (1 if start == 12 else 0), start, 1)
    elif shift == 1:
        found = _latest(lambda y: dt.date(y, start, 1), today, True)
    elif shift == 0:
        found = first
    else:
        found = _occurrence(lambda y: dt.date(y, start, 1), ctx, m, today)
    return _Val("season", found, DateSource.RELATIVE, code=code)


def _resolve_holiday(m: regex.Match[str], ctx: _Context) -> _Val | None:
    holidays: dict[str, str] = _lex()["holidays"]
    month_text, _, rest = holidays[_key(m.group("holiday"))].partition("-")
    month = int(month_text)

    def occurrence(year: int) -> dt.date:
        if rest.isdigit():
            return dt.date(year, month, int(rest))
        name, _, nth = rest.partition("-")
        weekdays: dict[str, int] = _lex()["weekdays"]
        n = int(nth)
        first = dt.date(year, month, 1) + (
            relativedelta(months=1, days=-1) if n < 0 else relativedelta()
        )
        return first + relativedelta(weekday=_WEEKDAYS[weekdays[name]](n))

    if m.group("year"):
        return _Val("day", occurrence(int(m.group("year"))), DateSource.EXPLICIT)
    today = _today_needed(ctx)
    shift = _shift_of(m)
    if shift == -1:
        found = _latest(occurrence, today - _delta("day", 1), False)
    else:
        found = (
            _latest(occurrence, today, True)
            if shift == 1
            else _occurrence(occurrence, ctx, m, today)
        )
    return _Val("day", found, DateSource.RELATIVE)


def _resolve_spoken_year(m: regex.Match[str], ctx: _Context) -> _Val | None:
    return _Val("year", dt.date(_year_of(m), 1, 1), DateSource.EXPLICIT)


def _resolve_year(m: regex.Match[str], ctx: _Context) -> _Val | None:
    return _Val("year", dt.date(int(m.group("year")), 1, 1), DateSource.EXPLICIT)


def _resolve_reference(m: regex.Match[str], ctx: _Context) -> _Val | None:
    refs: dict[str, str] = _lex()["references"]
    return _Val(
        "ref", ctx.today or dt.date(1, 1, 1), DateSource.RELATIVE, code=refs[_key(m.group("ref"))]
    )


# --------------------------------------------------------------------------------- rules

#: The rules, tried in this order at each position of the text (longer forms first).
RULES: tuple[Rule, ...] = (
    Rule(
        "range",
        r"""
        {MONTH} \s+ {DAY} \s* (?: - | – | to | through | until | (?<=between\s+\S+\s+\S+\s+)and )
        \s* (?: {MONTH2} \s+ )? {DAY2} (?: ,? \s+ {YEAR} )?
        """,
        _resolve_range,
    ),
    Rule(
        "month_day",
        r"""
        (?: {WEEKDAY} ,? \s+ (?:the\s+)? )?
        (?: {MONTH} \s+ {DAY} (?: (?: ,? \s+ | \s+ of \s+ ) {YEAR} )?
          | (?:the\s+)? {DAY} (?: \s+ of )? \s+ {FULLMONTH} (?: ,? \s+ {YEAR} )? )
        """,
        _resolve_month_day,
    ),
    Rule(
        "numeric",
        r"""
        (?P<year>(?:1[6-9]|20)\d\d) - (?P<mm>[01]\d) - (?P<dd>[0-3]\d) (?![\d])
        | (?<![\d/]) (?P<mm>[01]?\d) / (?P<dd>[0-3]?\d)
          / (?:(?P<year>(?:1[6-9]|20)\d\d)|(?P<yy>\d\d)) (?![\d/])
        """,
        _resolve_numeric,
    ),
    Rule(
        "month_year",
        r"""
        (?: {MOD} )? {FULLMONTH}
        (?: (?: ,? \s+ | \s+ of \s+ ) (?: {YEAR} | {SPOKEN} )
          | \s+ (?P<yshift>(?i:this|last|next)) \s+ (?i:year) (?! [-\w] ) )
        """,
        _resolve_month_year,
    ),
    Rule(
        "holiday",
        r"""
        (?: (?P<shift>(?i:last|next|this)) \s+ )? {HOLIDAY} (?: ,? \s+ {YEAR} )?
        """,
        _resolve_holiday,
    ),
    Rule(
        "quarter",
        r"""
        (?: (?P<det> (?i:the|its|this|that|last|next|(?:this|last|next)\s+year's)
                     | (?i:the\s+)?(?P<dyear>(?:19|20)\d\d)(?:'s)? ) \s+
            (?! (?i:first|second|third|fourth|1st|2nd|3rd|4th|fiscal)-(?i:quarter|half)) )?
        (?: (?P<adj> (?: (?i:latest|current|previous|past|comparable|corresponding|same
                         |most\s+recent|year-earlier|year-ago) \s+ )+ ) )?
        (?: (?: (?i:fiscal) [\s-]+ )?
            (?: (?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th)) [\s-]+ (?:(?i:fiscal)\s+)?
                (?i:quarter) (?! s)
              | (?P<hord>(?i:first|second|last)) [\s-]+ (?P<half>(?i:half)) (?! s)
              | (?<=(?i:the|its|this|that|last|next|19\d\d|20\d\d|'s)\s+(?:\S{1,20}\s+){0,3})
                (?i:quarter)
                (?! s|ly)
              | (?<=(?:latest|year-earlier|year-ago|comparable|corresponding|19\d\d|20\d\d)\s+)
                (?i:period) ) )
        (?: \s+ (?i:of) \s+ (?:(?i:fiscal|the\s+year)\s+)? {YEAR} )?
        (?P<ago> \s+ (?i:a \s+ year \s+ (?:ago|earlier)) )?
        (?! [-\w] )
        """,
        _resolve_quarter,
    ),
    Rule(
        "year_earlier",
        r"""
        (?i: year-earlier | year-ago )
        """,
        _resolve_year_earlier,
    ),
    Rule(
        "ago",
        r"""
        (?: (?i:nearly|almost|about|roughly|some|just|only) \s+ )?
        (?: {VAGUE} | {NUM} ) \s+ {UNIT} \s+ {DIRECTION}
        """,
        _resolve_ago,
    ),
    Rule(
        "relative_unit",
        r"""
        (?: {MOD} (?: (?i:in) \s+ )? )?
        (?P<shift>(?i:this\s+past|this\s+coming|the\s+past|the\s+previous|the\s+following
                  |the\s+coming|the\s+current|the\s+same|the\s+next|last|next|this|that
                  |(?<=(?:early|late|earlier|later|end\s+of)\s+(?:in\s+)?)the))
        \s+ (?P<unit>(?i:week(?:end)?|month|(?:fiscal\s+)?year))
        (?! [-\w] | \s+ (?: ago | earlier | later ) )
        """,
        _resolve_relative_unit,
    ),
    Rule(
        "weekend",
        r"""
        (?P<shift>(?i:the)) \s+ (?P<unit>(?i:weekend)) (?! [-\w] )
        """,
        _resolve_weekend,
    ),
    Rule(
        "decade",
        r"""
        (?: (?i:the) \s+ )? (?: {MOD} )?
        (?: (?P<decade>(?:1[6-9]|20)\d0) '? s | ' (?P<short>\d0) s
          | (?<=(?i:the)\s+(?:\S+\s+)?) {DECADEWORD} ) (?! \w )
        """,
        _resolve_decade,
    ),
    Rule(
        "century",
        r"""
        (?: (?i:the) \s+ )? (?: (?P<n>\d{1,2})(?:st|nd|rd|th) | (?P<nword>(?i:nineteenth
            |twentieth)) | (?P<nword>(?i:twenty-first)) ) [\s-]+ (?i:century) (?! \w )
        """,
        _resolve_century,
    ),
    Rule(
        "season",
        r"""
        (?: (?P<shift>(?i:this\s+past|this\s+coming|last|next|this|the)) \s+
          | (?i:early|late|mid)[\s-]+ | (?<=(?i:in|during|by|until|since|over)\s+) )
        (?: (?i:early|late) \s+ )?
        {SEASON} (?: \s+ (?i:of) )? (?: \s+ (?: {YEAR} | {SPOKEN} ) )? (?! [-\w] )
        """,
        _resolve_season,
    ),
    Rule(
        "weekday",
        r"""
        (?: (?P<shift>(?i:last|next|this(?:\s+(?:coming|past))?|the\s+(?:previous|following
            |next))) \s+ | {MOD} )?
        {WEEKDAY} (?: \s+ {PART} )? (?! \w )
        """,
        _resolve_weekday,
    ),
    Rule(
        "relative_day",
        r"""
        (?: {MOD} )?
        (?P<word>(?i:today|tonight|yesterday|tomorrow|the\s+day\s+(?:before\s+yesterday
                  |after\s+tomorrow))) (?! \w )
        """,
        _resolve_relative_day,
    ),
    Rule(
        "anchor_day",
        r"""
        (?P<word>(?i:(?:that\s+)?(?:the\s+)?same\s+day|that\s+day|the\s+(?:next|following|previous
                  |prior)\s+day|the\s+day\s+(?:before|after)(?=\s*[,.;:!?])
                  |the\s+next\s+morning)) (?! \w )
        """,
        _resolve_anchor_day,
    ),
    Rule(
        "month",
        r"""
        (?: (?P<shift>(?i:last|next|this(?:\s+(?:coming|past))?)) \s+ | {MOD} )?
        (?: {FULLMONTH} (?! \s+ [A-Z][a-z] | \s* \d ) )
        (?(?<=May|March) (?<=(?i:in|since|until|of|during|last|next|this|early|late|mid-?|from
            |through|before|after|by|and|to|or|end\s+of|beginning\s+of)[\s-]+\S+) )
        """,
        _resolve_month,
    ),
    Rule(
        "ordinal_day",
        r"""
        (?i:the) \s+ (?P<day>[0-3]?\d)(?i:st|nd|rd|th)
        (?= \s* [,.;:)!?] | \s+ (?:and|to|when|at|of\s+(?:this|that|the)\s+month)\b )
        """,
        _resolve_ordinal_day,
    ),
    Rule(
        "spoken_year",
        r"""
        (?: (?i:the\s+year) \s+ )? {SPOKEN}
        """,
        _resolve_spoken_year,
    ),
    Rule(
        "year",
        r"""
        (?<! [\d,.$£€/:-] | (?i:No\.)\s* )
        (?: {MOD} | (?i:fiscal|calendar|the\s+year|year) \s+ )?
        {YEAR} (?! \s* (?: % | (?i:percent) ) | -\d | \w )
        """,
        _resolve_year,
    ),
    Rule(
        "reference",
        r"""
        {REF} (?! [-\w] | \s+ (?:\d|(?i:few|several|couple|two|three|four|five|six|seven|eight
                |nine|ten|days?|weeks?|months?|years?|decades?|quarters?)\b) )
        """,
        _resolve_reference,
    ),
)


@functools.cache
def _compiled() -> regex.Pattern[str]:
    """The master alternation of the rules' patterns (group ``R<i>`` for rule i)."""
    fragments = _fragments()
    patterns = tuple(
        regex.sub(r"\{([A-Z0-9]+)\}", lambda m: fragments[m[1]], rule.pattern) for rule in RULES
    )
    flags = regex.VERBOSE | regex.VERSION0
    master = "|".join(f"(?P<R{i}>{p})" for i, p in enumerate(patterns))
    wrapped = rf"(?<![\w'’-])(?:{master})(?<![\s,])"
    return regex.compile(wrapped, flags)


@functools.cache
def _cores() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The words every date expression contains, and the words that may open one.

    A cheap scan for them limits the costly alternation to the few places it can match.
    """
    lex = _lex()
    full, _, bare = _month_names()
    words = [
        *lex["references"],
        *lex["seasons"],
        *lex["decades"],
        *lex["holidays"],
        *lex["spoken_years"]["centuries"],
        "thousand",
        "day",
        "days",
        "week",
        "weeks",
        "weekend",
        "month",
        "months",
        "year",
        "years",
        "quarter",
        "quarters",
        "half",
        "period",
        "decade",
        "decades",
        "century",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "year-earlier",
        "year-ago",
        *lex["ordinals"],
        *lex["day_parts"]["words"],
    ]
    weekdays = alternation(w.title() for w in lex["weekdays"])
    core = regex.compile(
        rf"['’]?\d|(?<![\w'’])(?:{full}|{bare}|{weekdays}|(?i:{alternation(words)}))(?![\w])"
    )
    opener = regex.compile(r"(?<![\w'’-])[\w.'’$-]{1,20}[\s'’-]+\Z")
    return core, opener


@functools.cache
def _longer_period() -> regex.Pattern[str]:
    words = alternation(_lex()["comparisons"]["longer_periods"])
    return regex.compile(rf"(?<![\w-])(?i:{words})(?![\w-])")


def _outgrow(ctx: _Context) -> None:
    """Put the anchor out of force: a longer reporting period has been named.

    After "For the nine months, ...", comparisons ("a year earlier", "year-earlier", "the
    1988 period") are of years, no longer of the quarter (or month, or day) in force.
    """
    if ctx.anchor is not None and ctx.anchor.kind in _OUTGROWN:
        ctx.anchor = None
    for kind in _OUTGROWN:
        ctx.seen.pop(kind, None)


def _matches(master: regex.Pattern[str], text: str) -> list[regex.Match[str]]:
    """What ``master.finditer(text)`` finds, tried only near a core word."""
    core, opener = _cores()
    found: list[regex.Match[str]] = []
    last_end = 0
    for hit in core.finditer(text):
        if hit.start() < last_end:
            continue
        # the expression may open up to four words before its core word
        starts = [hit.start()]
        for _ in range(4):
            head = opener.search(text, max(last_end, starts[-1] - 24), starts[-1])
            if head is None:
                break
            starts.append(head.start())
        for start in reversed(starts):
            match = master.match(text, start)
            if match is not None and match.end() > hit.start():
                found.append(match)
                last_end = match.end()
                break
    return found


# ------------------------------------------------------------------------------- public


def _to_mention(text: str, start: int, end: int, val: _Val) -> DateMention:
    span = Span.of(text, start, end)
    precision = _CALENDAR_KINDS.get(val.kind)
    if precision is None:
        return DateMention(
            span=span, date=TimexValue(value=val.render(), text=span.text, source=val.source)
        )
    end_value = val.render(val.end) if val.end is not None else None
    return DateMention(
        span=span,
        date=DateValue(
            value=val.render(),
            end=end_value,
            precision=precision,
            text=span.text,
            source=val.source,
        ),
    )


def find_dates(text: str, published: dt.date | dt.datetime | str | None) -> list[DateMention]:
    """Find every date expression in ``text`` and resolve it.

    Relative expressions ("Tuesday", "last week", "on the 6th", "a year earlier") are
    resolved against ``published`` and against the narrative anchor, the last date the text
    set. Expressions that cannot be resolved (no publication date for "yesterday", an
    impossible date such as "February 30") are left out rather than guessed.

    Args:
        text: The text to search; spans index into it.
        published: The publication date, a datetime (its own calendar date is used, with no
            time-zone conversion), a full ISO 8601 date or date-time string, or None.

    Returns:
        The mentions, sorted by start and non-overlapping. Plain calendar dates carry a
        :class:`~communique.model.DateValue`; weeks, quarters, halves, seasons, decades,
        centuries and ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` a
        :class:`~communique.model.TimexValue`.

    Raises:
        PublishedError: ``published`` is a string that is not a full ISO 8601 date or
            date-time (the one reader of :func:`~communique.parser.published.read_published`).
    """
    given = read_published(published)
    ctx = _Context(text=text, today=given.day if given is not None else None)
    master = _compiled()
    mentions: list[DateMention] = []
    anchored_at = 0
    for match in _matches(master, text):
        index = next(i for i in range(len(RULES)) if match.start(f"R{i}") >= 0)
        if ctx.anchor is not None and _longer_period().search(text, anchored_at, match.start()):
            _outgrow(ctx)
        try:
            val = RULES[index].resolve(match, ctx)
        except (ValueError, OverflowError, LookupError, KeyError):
            val = None
        if val is None or (val.kind == "ref" and not val.code):
            continue
        mentions.append(_to_mention(text, match.start(), match.end(), val))
        if val.kind != "ref" and val.anchors:
            ctx.anchor = ctx.seen[val.kind] = val
            anchored_at = match.end()
    return mentions


# How far back (in characters) the narrative date of a paragraph reaches: more than any
# news paragraph, and a bound that keeps dating linear on a megabyte without line breaks.
_NARRATIVE_REACH = 10_000


def record_date(
    mentions: Sequence[DateMention], clause: Span, *, text: str | None = None
) -> DateValue | None:
    """The date of a record whose evidence is ``clause``.

    The first calendar date inside the clause; failing that, the narrative date in force:
    the last day-precision date before the clause in the same paragraph (no line break
    between them, when ``text`` is given, and at most 10,000 characters back). Weeks
    become a Monday-to-Sunday range, quarters and halves a month range. Never the
    publication date by default.

    Args:
        mentions: What :func:`find_dates` returned for the text.
        clause: The record's evidence span.
        text: The full text, to find paragraph breaks; without it, any earlier mention
            counts.

    Returns:
        A calendar :class:`~communique.model.DateValue`, or None when the text gives none.
    """
    first = bisect.bisect_left(mentions, clause.start, key=_start)
    for mention in mentions[first : bisect.bisect_left(mentions, clause.end, key=_start)]:
        if mention.span.end <= clause.end:
            value = _calendar(mention)
            if value is not None:
                return value
    upper = clause.start
    for index in range(first - 1, -1, -1):
        mention = mentions[index]
        if mention.span.end > clause.start:
            continue
        if clause.start - mention.span.end > _NARRATIVE_REACH:
            return None
        if text is not None and text.find("\n", mention.span.end, upper) != -1:
            return None
        upper = mention.span.start
        value = _calendar(mention)
        if value is not None and value.precision is Precision.DAY:
            return value
    return None


def _start(mention: DateMention) -> int:
    return mention.span.start


def _calendar(mention: DateMention) -> DateValue | None:
    """A mention's date as a calendar DateValue, or None for references and the like."""
    date = mention.date
    if isinstance(date, DateValue):
        return date
    value = date.value
    week = regex.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    quarter = regex.fullmatch(r"(\d{4})-([QH])([1-4])", value)
    try:
        if week:
            monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 6 if week[3] else 1)
            last = monday + dt.timedelta(days=1 if week[3] else 6)
            return DateValue(
                value=monday.isoformat(),
                end=last.isoformat(),
                precision=Precision.DAY,
                text=date.text,
                source=date.source,
            )
        if quarter:
            size = 3 if quarter[2] == "Q" else 6
            first = size * int(quarter[3]) - size + 1
            if first > 12:
                return None
            return DateValue(
                value=f"{quarter[1]}-{first:02d}",
                end=f"{quarter[1]}-{first + size - 1:02d}",
                precision=Precision.MONTH,
                text=date.text,
                source=date.source,
            )
    except ValueError:
        return None
    if calendar_precision(value) is not None:
        return None
    return None
