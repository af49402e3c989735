"""Date resolution: the calendar arithmetic and the rule that turns each date match into a
TIMEX3 value, read against the publication date and the narrative anchor.

Each rule of ``dates.toml`` (``[patterns.rules]``) has its resolver here, in
:data:`RESOLVERS`, by name. Resolvers read the dates table of the Lexicon through the
:class:`Context`; words are looked up by :func:`~communique.parser.date_patterns.phrase`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import regex
from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as Weekday

from communique.lexicon import Lexicon
from communique.model import DateSource
from communique.parser import date_patterns
from communique.parser.date_patterns import phrase

__all__ = ["OUTGROWN", "RESOLVERS", "Context", "Resolved", "Resolver"]

_WEEKDAYS = tuple(Weekday(n) for n in range(7))
#: Granularities from fine to coarse; an anchor may be shifted by a unit at least as fine.
_GRAIN = ("day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade")
#: Anchors that naming a longer reporting period ("for the nine months") puts out of force.
OUTGROWN = ("day", "week", "month", "quarter", "half")


@attrs.frozen
class Resolved:
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

    def shifted(self, unit: str, n: int) -> Resolved:
        """This date moved by ``n`` units, at its own kind."""
        return attrs.evolve(
            self,
            date=_start_of(self.kind, self.date + _delta(unit, n)),
            end=None,
            source=DateSource.RELATIVE,
        )


@attrs.define
class Context:
    """What a resolver may read: the text, the publication date, the lexicon, the narrative
    anchor and the last date of each kind."""

    text: str
    today: dt.date | None
    lexicon: Lexicon
    anchor: Resolved | None = None
    seen: dict[str, Resolved] = attrs.Factory(dict)  # the last date of each kind

    @property
    def lex(self) -> Mapping[str, Any]:
        """The dates table of the lexicon."""
        return self.lexicon["dates"]


Resolver = Callable[[regex.Match[str], Context], "Resolved | None"]


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


def _at(kind: str, d: dt.date, source: DateSource = DateSource.RELATIVE) -> Resolved:
    return Resolved(kind, _start_of(kind, d), source)


def _today_needed(ctx: Context) -> dt.date:
    if ctx.today is None:
        raise LookupError("no publication date to resolve against")
    return ctx.today


def _tense(ctx: Context, start: int) -> int:
    """The tense of the clause before ``start``: 1 future, -1 past, 0 not said.

    A deadline word right before the expression ("by", "until") makes it coming, unless the
    clause is in the past perfect ("had filed their reports by Wednesday", but not "had been
    set to expire Nov. 6"). Otherwise the tense cue nearest to the expression decides: a
    future cue ("will", "plans to", with the verb it governs), a past one ("said", "was"),
    or a present one ("is"), which says nothing. Cues are looked for in the clause, at most
    ``cue_window`` characters back.
    """
    text = ctx.text
    window = int(ctx.lex["resolution"]["cue_window"])
    lo = _clause_start(ctx, max(0, start - window), start)
    cues = [
        c
        for c in date_patterns.tense_cue(ctx.lexicon).finditer(text, lo, start)
        if c.group("none") is None
    ]
    if date_patterns.deadline(ctx.lexicon).search(text, max(0, start - 24), start):
        perfect = any(c.group("perfect") is not None for c in cues)
        return -1 if perfect and cues[-1].group("future") is None else 1
    if not cues or cues[-1].group("present") is not None:
        return 0
    return 1 if cues[-1].group("future") is not None else -1


def _clause_start(ctx: Context, lo: int, start: int) -> int:
    """Where the clause that holds ``start`` begins, looking back no further than ``lo``.

    A clause ends at a line break, a semicolon, or a sentence stop: a full stop that is not
    a decimal point nor the stop of an abbreviation or an initial ("Mr.", "Feb.", "P.").
    """
    stops = [m.end() for m in date_patterns.clause_stop(ctx.lexicon).finditer(ctx.text, lo, start)]
    return stops[-1] if stops else lo


def _coming(ctx: Context, start: int, end: int) -> bool:
    """Whether the clause before ``start`` says that the event is still to come."""
    return _tense(ctx, start) > 0


def _occurrence(
    candidates: Callable[[int], dt.date], ctx: Context, m: regex.Match[str], today: dt.date
) -> dt.date:
    """The year rule for a date written without its year.

    The latest occurrence not after publication; the next one when the clause says the
    event is coming, or says nothing and the next one is within ``near_future_days``.
    """
    tense = _tense(ctx, m.start())
    if tense < 0:
        return _latest(candidates, today, False)
    upcoming = _latest(candidates, today, True)
    window = int(ctx.lex["resolution"]["near_future_days"])
    if tense > 0 or (upcoming - today).days <= window:
        return upcoming
    return _latest(candidates, today, False)


def _number(ctx: Context, word: str) -> int:
    """``"12"``, ``"two"``, ``"twenty-one"`` -> int."""
    if word.isdigit():
        return int(word)
    numbers: dict[str, int] = ctx.lex["numbers"]
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


def _month_of(ctx: Context, m: regex.Match[str], group: str = "month") -> int:
    months: dict[str, int] = ctx.lex["months"]
    return months[phrase(m.group(group))]


def _day_of(ctx: Context, m: regex.Match[str]) -> int:
    if m.group("dayword"):
        ordinals: dict[str, int] = ctx.lex["ordinals"]
        return ordinals[phrase(m.group("dayword"))]
    return int(m.group("day"))


def _resolve_month_day(m: regex.Match[str], ctx: Context) -> Resolved | None:
    month, day = _month_of(ctx, m), _day_of(ctx, m)
    if m.group("year"):
        return Resolved("day", dt.date(int(m.group("year")), month, day), DateSource.EXPLICIT)
    dt.date(2000, month, day)  # a real month and day in some year, or ValueError
    today = _today_needed(ctx)

    def on(year: int) -> dt.date:
        return dt.date(year, month, day)

    found = _occurrence(on, ctx, m, today)
    if m.group("weekday"):  # "Monday, Oct. 26": of the nearest two, the year that agrees
        weekdays: dict[str, int] = ctx.lex["weekdays"]
        weekday = weekdays[phrase(m.group("weekday"))]
        nearest = (found, _latest(on, today, False), _latest(on, today, True))
        found = next((d for d in nearest if d.weekday() == weekday), found)
    return Resolved("day", found, DateSource.RELATIVE)


def _resolve_range(m: regex.Match[str], ctx: Context) -> Resolved | None:
    first = _resolve_month_day(m, ctx)
    if first is None:
        return None
    month2 = _month_of(ctx, m, "month2") if m.group("month2") else first.date.month
    last = dt.date(first.date.year, month2, int(m.group("day2")))
    if last < first.date:
        last = last + relativedelta(years=1)
    return attrs.evolve(first, end=last)


def _resolve_numeric(m: regex.Match[str], ctx: Context) -> Resolved | None:
    year = int(m.group("year") or m.group("yy"))
    if year < 100:
        pivot = (_today_needed(ctx).year % 100 + 10) % 100
        year += 2000 if year <= pivot else 1900
    month = int(m.group("mm"))
    return Resolved("day", dt.date(year, month, int(m.group("dd"))), DateSource.EXPLICIT)


def _resolve_month_year(m: regex.Match[str], ctx: Context) -> Resolved | None:
    """ "May 2022", "January nineteen ninety-seven", "June last year"."""
    if m.group("yshift"):
        shifts: dict[str, int] = ctx.lex["shift_words"]
        year = _today_needed(ctx).year + shifts[phrase(m.group("yshift"))]
        return Resolved("month", dt.date(year, _month_of(ctx, m), 1), DateSource.RELATIVE)
    return Resolved("month", dt.date(_year_of(ctx, m), _month_of(ctx, m), 1), DateSource.EXPLICIT)


def _year_of(ctx: Context, m: regex.Match[str]) -> int:
    """The year written in digits or in words ("nineteen ninety-four")."""
    if m.group("year"):
        return int(m.group("year"))
    if m.group("thousand"):
        return 2000 + (_number(ctx, m.group("units")) if m.group("units") else 0)
    centuries: dict[str, int] = ctx.lex["spoken_years"]["centuries"]
    year = centuries[phrase(m.group("cent"))] * 100
    if m.group("teens"):
        return year + _number(ctx, m.group("teens"))
    return (
        year
        + _number(ctx, m.group("tens"))
        + (_number(ctx, m.group("units")) if m.group("units") else 0)
    )


def _resolve_month(m: regex.Match[str], ctx: Context) -> Resolved | None:
    month = _month_of(ctx, m)
    today = _today_needed(ctx)
    shift = _shift_of(ctx, m)
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
    return Resolved("month", found, DateSource.RELATIVE)


def _shift_of(ctx: Context, m: regex.Match[str]) -> int | None:
    word = m.groupdict().get("shift")
    if not word:
        return None
    shifts: dict[str, int] = ctx.lex["shift_words"]
    return shifts.get(phrase(word).split(" ")[-1], 0)


def _resolve_weekday(m: regex.Match[str], ctx: Context) -> Resolved | None:
    if date_patterns.clock(ctx.lexicon).search(ctx.text, max(0, m.start() - 20), m.start()):
        return None  # "10 p.m. Wednesday" is a time
    today = _today_needed(ctx)
    weekday: dict[str, int] = ctx.lex["weekdays"]
    wd = _WEEKDAYS[weekday[phrase(m.group("weekday"))]]
    shift = _shift_of(ctx, m)
    word = phrase(m.group("shift") or "")
    if word in ctx.lex["anchored_shifts"]["weekdays"] and ctx.anchor is not None:
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
    return Resolved("day", found, DateSource.RELATIVE)


def _resolve_relative_day(m: regex.Match[str], ctx: Context) -> Resolved | None:
    word = phrase(m.group("word"))
    offsets: Mapping[str, int] = ctx.lex["relative_days"]
    return _at("day", _today_needed(ctx) + _delta("day", offsets[word]))


def _resolve_anchor_day(m: regex.Match[str], ctx: Context) -> Resolved | None:
    """ "The same day", "the next day", "the day before": a day counted from the anchor."""
    anchor = ctx.anchor
    if anchor is None or anchor.kind != "day":
        return None
    word = phrase(m.group("word"))
    words = ctx.lex["anchor_days"]
    step = (
        -1
        if any(w in word for w in words["back"])
        else (1 if any(w in word for w in words["forward"]) else 0)
    )
    return anchor.shifted("day", step)


def _resolve_ordinal_day(m: regex.Match[str], ctx: Context) -> Resolved | None:
    """ "The 6th": that day of the month in force."""
    base = (
        ctx.anchor.date
        if ctx.anchor is not None and ctx.anchor.kind in ("day", "month")
        else _today_needed(ctx)
    )
    return Resolved("day", base.replace(day=int(m.group("day"))), DateSource.RELATIVE)


def _resolve_ago(m: regex.Match[str], ctx: Context) -> Resolved | None:
    directions: dict[str, dict[str, Any]] = ctx.lex["directions"]
    direction = directions[phrase(m.group("direction"))]
    unit = phrase(m.group("unit"))
    if m.group("vague"):
        return Resolved(
            "ref",
            _today_needed(ctx),
            DateSource.RELATIVE,
            code="PAST_REF" if direction["sign"] < 0 else "FUTURE_REF",
        )
    n = _number(ctx, m.group("num")) * int(direction["sign"])
    anchor = ctx.anchor
    if (
        anchor is not None
        and (direction["anchored"] or anchor.kind == "quarter")
        and (anchor.kind in _GRAIN[:-2] and _GRAIN.index(anchor.kind) <= _GRAIN.index(unit))
    ):
        return attrs.evolve(anchor.shifted(unit, n), anchors=False)
    return _at(unit, _today_needed(ctx) + _delta(unit, n))


def _resolve_relative_unit(m: regex.Match[str], ctx: Context) -> Resolved | None:
    """ "Last week", "this year", "the following month", "earlier this year"."""
    unit = phrase(m.group("unit")).replace("fiscal ", "")
    word = phrase(m.group("shift") or "the")
    shift = _shift_of(ctx, m) or 0
    shifts = ctx.lex["anchored_shifts"]
    anchored = word in shifts["units"]
    anchor = ctx.anchor
    if anchored:
        if (
            anchor is None
            or anchor.kind not in _GRAIN
            or (_GRAIN.index(anchor.kind) > _GRAIN.index(unit))
        ):
            if word in shifts["own_period"]:
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
            and word != shifts["this"]
            and today.weekday() < 4
            and not _coming(ctx, m.start(), m.end())
        ):
            saturday -= dt.timedelta(days=7)
        elif shift == 1 and today.weekday() >= 5:
            saturday += dt.timedelta(days=7)
        return _at("weekend", saturday)
    return _at(unit, today + _delta(unit, shift))


def _resolve_weekend(m: regex.Match[str], ctx: Context) -> Resolved | None:
    return _resolve_relative_unit(m, ctx)


def _resolve_quarter(m: regex.Match[str], ctx: Context) -> Resolved | None:
    kind = "half" if m.group("half") else "quarter"
    size = 6 if kind == "half" else 3
    det = phrase(m.group("det") or "")
    adj = phrase(m.group("adj") or "")
    ordinal = m.group("ord") or m.group("hord")
    anchor = ctx.seen.get(kind)
    today = _today_needed(ctx) if not m.group("year") else None
    words = ctx.lex["quarters"]
    year_shift = next(
        (int(n) for lead, n in words["year_determiners"].items() if det.startswith(lead)), None
    )
    earlier = (
        any(w in adj for w in words["comparisons"])
        or year_shift == -1
        or m.group("ago") is not None
    )
    year_text = m.group("year") or m.group("dyear")
    if ordinal:
        q = int(words["ordinals"][phrase(ordinal)])
        if q < 0:  # the last of the year
            q = 12 // size
        if year_text:
            start = dt.date(int(year_text), size * q - size + 1, 1)
            source = DateSource.EXPLICIT
        else:
            assert today is not None
            # results are reported after a quarter ends: the latest one that has begun
            start = _latest(lambda y: dt.date(y, size * q - size + 1, 1), today, False)
            source = DateSource.RELATIVE
        if year_shift == 1:
            start = dt.date(today.year + 1 if today else start.year, start.month, 1)
        elif year_shift == 0:
            start = dt.date(today.year if today else start.year, start.month, 1)
        elif earlier:
            year = today.year if today else start.year
            return Resolved(kind, dt.date(year - 1, start.month, 1), source, anchors=False)
        return Resolved(kind, start, source)
    if year_text:
        month = anchor.date.month if anchor is not None else 1
        year = int(year_text)
        return (
            Resolved(kind, dt.date(year, month, 1), DateSource.EXPLICIT)
            if anchor
            else Resolved("year", dt.date(year, 1, 1), DateSource.EXPLICIT)
        )
    assert today is not None
    current = _at(kind, today)
    if det in words["current_determiners"] or adj in words["current_adjectives"]:
        return current
    if det in words["next_determiners"]:
        return current.shifted(kind, 1)
    base = anchor if anchor is not None else current.shifted(kind, -1)
    if det in words["previous_determiners"] or adj in words["previous_adjectives"]:
        base = current.shifted(kind, -1)
    if earlier:
        return attrs.evolve(base.shifted("year", -1), anchors=False)
    return attrs.evolve(base, source=DateSource.RELATIVE)


def _resolve_year_earlier(m: regex.Match[str], ctx: Context) -> Resolved | None:
    """The adjectives "year-earlier", "year-ago": the period in force, a year back."""
    anchor = ctx.anchor
    if anchor is not None and anchor.kind in ("quarter", "half", "month"):
        return attrs.evolve(anchor.shifted("year", -1), anchors=False)
    return attrs.evolve(_at("year", _today_needed(ctx) - _delta("year", 1)), anchors=False)


def _resolve_decade(m: regex.Match[str], ctx: Context) -> Resolved | None:
    if m.group("decade"):
        return Resolved("decade", dt.date(int(m.group("decade")), 1, 1), DateSource.EXPLICIT)
    if m.group("short"):
        tens = int(m.group("short"))
        today = _today_needed(ctx)
        century = today.year // 100 * 100
        year = century + tens if century + tens <= today.year else century - 100 + tens
        return Resolved("decade", dt.date(year, 1, 1), DateSource.RELATIVE)
    decades: dict[str, int] = ctx.lex["decades"]
    today = _today_needed(ctx)
    year = today.year // 100 * 100 + 10 * decades[phrase(m.group("decadeword"))]
    if year > today.year:
        year -= 100
    return Resolved("decade", dt.date(year, 1, 1), DateSource.RELATIVE)


def _resolve_century(m: regex.Match[str], ctx: Context) -> Resolved | None:
    n = int(m.group("n")) if m.group("n") else _ordinal(ctx, m.group("nword"))
    return Resolved("century", dt.date(max(1, (n - 1) * 100), 1, 1), DateSource.EXPLICIT)


def _ordinal(ctx: Context, word: str) -> int:
    ordinals: dict[str, int] = ctx.lex["ordinals"]
    return ordinals[phrase(word)]


def _resolve_season(m: regex.Match[str], ctx: Context) -> Resolved | None:
    seasons: dict[str, dict[str, Any]] = ctx.lex["seasons"]
    season = seasons[phrase(m.group("season"))]
    code, start = str(season["code"]), int(season["start"])
    if m.group("year") or m.group("thousand") or m.group("cent"):
        return Resolved(
            "season", dt.date(_year_of(ctx, m), start, 1), DateSource.EXPLICIT, code=code
        )
    today = _today_needed(ctx)
    shift = _shift_of(ctx, m)
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
    return Resolved("season", found, DateSource.RELATIVE, code=code)


def _resolve_holiday(m: regex.Match[str], ctx: Context) -> Resolved | None:
    holidays: dict[str, str] = ctx.lex["holidays"]
    month_text, _, rest = holidays[phrase(m.group("holiday"))].partition("-")
    month = int(month_text)

    def occurrence(year: int) -> dt.date:
        if rest.isdigit():
            return dt.date(year, month, int(rest))
        name, _, nth = rest.partition("-")
        weekdays: dict[str, int] = ctx.lex["weekdays"]
        n = int(nth)
        first = dt.date(year, month, 1) + (
            relativedelta(months=1, days=-1) if n < 0 else relativedelta()
        )
        return first + relativedelta(weekday=_WEEKDAYS[weekdays[name]](n))

    if m.group("year"):
        return Resolved("day", occurrence(int(m.group("year"))), DateSource.EXPLICIT)
    today = _today_needed(ctx)
    shift = _shift_of(ctx, m)
    if shift == -1:
        found = _latest(occurrence, today - _delta("day", 1), False)
    else:
        found = (
            _latest(occurrence, today, True)
            if shift == 1
            else _occurrence(occurrence, ctx, m, today)
        )
    return Resolved("day", found, DateSource.RELATIVE)


def _resolve_spoken_year(m: regex.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("year", dt.date(_year_of(ctx, m), 1, 1), DateSource.EXPLICIT)


def _resolve_year(m: regex.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("year", dt.date(int(m.group("year")), 1, 1), DateSource.EXPLICIT)


def _resolve_reference(m: regex.Match[str], ctx: Context) -> Resolved | None:
    refs: dict[str, str] = ctx.lex["references"]
    return Resolved(
        "ref",
        ctx.today or dt.date(1, 1, 1),
        DateSource.RELATIVE,
        code=refs[phrase(m.group("ref"))],
    )


#: The resolver of each rule of ``[patterns.rules]``, by the rule's name.
RESOLVERS: Mapping[str, Resolver] = {
    "range": _resolve_range,
    "month_day": _resolve_month_day,
    "numeric": _resolve_numeric,
    "month_year": _resolve_month_year,
    "holiday": _resolve_holiday,
    "quarter": _resolve_quarter,
    "year_earlier": _resolve_year_earlier,
    "ago": _resolve_ago,
    "relative_unit": _resolve_relative_unit,
    "weekend": _resolve_weekend,
    "decade": _resolve_decade,
    "century": _resolve_century,
    "season": _resolve_season,
    "weekday": _resolve_weekday,
    "relative_day": _resolve_relative_day,
    "anchor_day": _resolve_anchor_day,
    "month": _resolve_month,
    "ordinal_day": _resolve_ordinal_day,
    "spoken_year": _resolve_spoken_year,
    "year": _resolve_year,
    "reference": _resolve_reference,
}
