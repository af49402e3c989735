"""Tests for communique.parser.dates: the year rule, records, robustness."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.lexicon import Lexicon
from communique.model import DateMention, DateSource, DateValue, Precision, Span, TimexValue
from communique.parser import PublishedError
from communique.parser.dates import find_dates, record_date


def _found(text: str, published: dt.date | dt.datetime | str | None) -> list[list[str]]:
    out = []
    for mention in find_dates(text, published):
        date = mention.date
        end = date.end if isinstance(date, DateValue) and date.end is not None else None
        out.append([mention.span.text, date.value] + ([end] if end else []))
    return out


def test_year_rule_at_year_boundary() -> None:
    """A month and day without a year, just after New Year, fall in the previous year."""
    assert [["December 30", "2022-12-30"]] == _found(
        "The ministers met on December 30.", dt.date(2023, 1, 3)
    )


def test_published_datetime_keeps_its_own_calendar_date() -> None:
    """A tz-aware datetime is not converted: 'yesterday' counts from its own date (no DST)."""
    published = dt.datetime(2023, 3, 26, 0, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    assert [["yesterday", "2023-03-25"]] == _found("He arrived yesterday.", published)


def test_week_arithmetic_across_dst_change() -> None:
    """'Last week' over a DST change is the previous ISO week, by calendar arithmetic."""
    assert [["last week", "2023-W12"]] == _found("They met last week.", "2023-03-27T01:00+02:00")


def test_explicit_date_is_explicit_and_day_precision() -> None:
    """A full date carries day precision and the explicit source."""
    (mention,) = find_dates("Signed on 5 March 2021.", None)
    assert (
        DateValue(
            value="2021-03-05",
            precision=Precision.DAY,
            text="5 March 2021",
            source=DateSource.EXPLICIT,
        )
        == mention.date
    )


def test_week_is_a_timex_value() -> None:
    """Weeks are TIMEX3 values, not calendar dates."""
    (mention,) = find_dates("It happened this week.", "2023-02-15")
    assert TimexValue(value="2023-W07", text="this week", source=DateSource.RELATIVE) == (
        mention.date
    )


def test_bad_published_string_raises_value_error() -> None:
    """A published string that is not ISO 8601 is an error, not a guess."""
    with pytest.raises(ValueError, match="ISO 8601"):
        find_dates("yesterday", "the day before")


def test_long_repetitive_input_runs() -> None:
    """A megabyte of digits and month names is processed (linear, no backtracking blow-up)."""
    text = ("1999 2000 May June 12 Sept. 3 " * 35_000)[:1_000_000]
    mentions = find_dates(text, "2023-02-15")
    assert len(mentions) > 10_000
    assert all(m.span.text == text[m.span.start : m.span.end] for m in mentions[:1000])


_DATEY = st.sampled_from(
    [
        "May",
        "June 5",
        "the 6th",
        "last week",
        "Tuesday",
        "1990",
        "'80s",
        " ",
        ".",
        "\n",
        "-",
        "ago",
        "two",
        "earlier",
        "quarter",
        "third-quarter",
        "“",
        '"',
        "now",
        "February 30",
        "from",
        "to",
        "between",
        "and",
        "29",
        "9999",
        "0000",
        "Dec.",
        "of",
    ]
)


@given(
    st.lists(st.one_of(_DATEY, st.text(max_size=5)), max_size=30).map(" ".join),
    st.one_of(st.none(), st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9998, 1, 1))),
)
def test_spans_are_slices_sorted_and_disjoint(text: str, published: dt.date | None) -> None:
    """Every mention's span text is the slice of the input; mentions are ordered, disjoint."""
    mentions = find_dates(text, published)
    assert all(m.span.text == text[m.span.start : m.span.end] for m in mentions)
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(mentions))


@given(st.text(), st.dates())
def test_never_raises_on_any_string(text: str, published: dt.date) -> None:
    """find_dates returns a list for any text and any publication date."""
    assert isinstance(find_dates(text, published), list)


def _mention(text: str, start: int, end: int, value: str, precision: Precision) -> DateMention:
    span = Span.of(text, start, end)
    return DateMention(
        span=span,
        date=DateValue(
            value=value, precision=precision, text=span.text, source=DateSource.RELATIVE
        ),
    )


def test_record_date_takes_the_date_in_its_clause() -> None:
    """A record gets the date written in its own clause."""
    text = "On November 5 they met. On November 6 Lavrov spoke."
    mentions = find_dates(text, "2023-02-15")
    clause = Span.of(text, 24, len(text))
    date = record_date(mentions, clause, text=text)
    assert date is not None
    assert "2022-11-06" == date.value


def test_record_date_takes_the_narrative_date_in_the_paragraph() -> None:
    """Without a date of its own, a record takes the day set earlier in its paragraph."""
    text = "On November 5 the envoys arrived. Lavrov said the talks were useful."
    mentions = find_dates(text, "2023-02-15")
    date = record_date(mentions, Span.of(text, 34, len(text)), text=text)
    assert date is not None
    assert "2022-11-05" == date.value


def test_record_date_does_not_cross_paragraphs() -> None:
    """A date in an earlier paragraph is not in force; there is no publication default."""
    text = "On November 5 the envoys arrived.\nLavrov said the talks were useful."
    mentions = find_dates(text, "2023-02-15")
    assert record_date(mentions, Span.of(text, 34, len(text)), text=text) is None


def test_record_date_turns_a_week_into_a_day_range() -> None:
    """A week becomes Monday to Sunday at day precision."""
    text = "The talks took place last week."
    mentions = find_dates(text, "2023-02-15")
    date = record_date(mentions, Span.of(text, 0, len(text)))
    assert date is not None
    assert ("2023-02-06", "2023-02-12", Precision.DAY) == (date.value, date.end, date.precision)


def test_record_date_ignores_references() -> None:
    """'Now' gives a record no date."""
    text = "Now the talks are over."
    assert record_date(find_dates(text, "2023-02-15"), Span.of(text, 0, len(text))) is None


def test_record_date_skips_month_mentions_for_narrative() -> None:
    """Only a day-precision date carries over from an earlier sentence."""
    text = "In January the envoys arrived. Lavrov spoke."
    mentions = [_mention(text, 3, 10, "2023-01", Precision.MONTH)]
    assert record_date(mentions, Span.of(text, 31, len(text)), text=text) is None


@pytest.mark.parametrize("published", ["yesterday", "2023-02-30", "2023-02", "2023"])
def test_published_that_is_not_a_full_iso_date_raises_published_error(published: str) -> None:
    """find_dates reads ``published`` as parse does, with the same one error."""
    with pytest.raises(PublishedError, match=r"e\.g\. 2023-02-15"):
        find_dates("He left yesterday.", published)


def test_published_text_with_a_zone_keeps_its_own_calendar_date() -> None:
    """A date-time text counts from the day it names, as parse does."""
    assert [["yesterday", "2023-03-25"]] == _found("He left yesterday.", "2023-03-26T00:30+01:00")


def test_a_lexicon_overlay_adds_a_holiday_without_touching_the_packaged_one() -> None:
    """find_dates reads the Lexicon it is given: its patterns are derived per Lexicon."""
    lexicon = Lexicon.packaged().overlay({"dates": {"holidays": {"victory day": "05-09"}}})
    text = "Troops paraded on Victory Day."
    found = [m.date.value for m in find_dates(text, "2023-05-10", lexicon=lexicon)]
    assert ["2023-05-09"] == found
    assert [] == find_dates(text, "2023-05-10")
