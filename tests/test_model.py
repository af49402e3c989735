"""The record classes check what they can at construction."""

from __future__ import annotations

import attrs
import pytest

from communique.model import (
    EVENT_MODES,
    DateSource,
    DateValue,
    Event,
    EventType,
    Precision,
    Span,
    Statement,
    StatementMode,
    TimexValue,
    calendar_precision,
)


def test_span_of_slices_the_text() -> None:
    """Span.of takes its text from the slice it names."""
    assert Span(start=4, end=9, text="quick") == Span.of("The quick fox", 4, 9)


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [(5, 4, ""), (-1, 2, "abc"), (0, 3, "ab")],
    ids=["end before start", "negative start", "text of the wrong length"],
)
def test_span_rejects_impossible_offsets(start: int, end: int, text: str) -> None:
    """A span whose offsets cannot describe its text is refused."""
    with pytest.raises(ValueError, match=r"span|start"):
        Span(start=start, end=end, text=text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023", Precision.YEAR),
        ("2023-02", Precision.MONTH),
        ("2024-02-29", Precision.DAY),
        ("2023-02-29", None),
        ("2023-13", None),
        ("2023-1-5", None),
        ("23", None),
    ],
)
def test_calendar_precision(value: str, expected: Precision | None) -> None:
    """Only real YYYY[-MM[-DD]] dates have a precision; leap days only in leap years."""
    assert expected == calendar_precision(value)


def test_date_value_precision_must_match_its_form() -> None:
    """A month value cannot claim day precision."""
    with pytest.raises(ValueError, match="month precision"):
        DateValue(value="2023-02", precision=Precision.DAY, text="x", source=DateSource.EXPLICIT)


def test_date_range_must_not_end_before_it_starts() -> None:
    """``end`` is an inclusive end and comes on or after ``value``."""
    with pytest.raises(ValueError, match="before"):
        DateValue(
            value="2022-09-27",
            end="2022-09-23",
            precision=Precision.DAY,
            text="x",
            source=DateSource.RELATIVE,
        )


def test_date_range_end_has_the_same_form() -> None:
    """A day range ends on a day, not on a month."""
    with pytest.raises(ValueError, match="same form"):
        DateValue(
            value="2022-09-23",
            end="2022-10",
            precision=Precision.DAY,
            text="x",
            source=DateSource.RELATIVE,
        )


@pytest.mark.parametrize("value", ["2023-W07", "2023-Q1", "199", "PRESENT_REF", "2023-SU"])
def test_timex_value_accepts_timex3_dates(value: str) -> None:
    """Weeks, quarters, decades, seasons and REFs are TIMEX3 DATE values."""
    assert value == TimexValue(value=value, text="x", source=DateSource.RELATIVE).value


@pytest.mark.parametrize("value", ["2023-W7", "next week", "2023-02-30", "2023-Q5"])
def test_timex_value_rejects_other_strings(value: str) -> None:
    """Anything that is not a TIMEX3 DATE value is refused."""
    with pytest.raises(ValueError, match="TIMEX3"):
        TimexValue(value=value, text="x", source=DateSource.RELATIVE)


def test_event_mode_must_belong_to_its_type() -> None:
    """PLOVER modes are per category: 'phone' is a CONSULT mode, not an AID one."""
    evidence = Span.of("x", 0, 1)
    assert Event(id="e", type=EventType.CONSULT, mode="phone", label="x", evidence=evidence)
    with pytest.raises(ValueError, match="not a mode of AID"):
        Event(id="e", type=EventType.AID, mode="phone", label="x", evidence=evidence)


def test_every_plover_category_has_a_mode_table() -> None:
    """The mode table covers every event type, and OTHER has no modes."""
    assert set(EventType) == set(EVENT_MODES)
    assert () == EVENT_MODES[EventType.OTHER]


def test_statement_act_is_a_plover_category() -> None:
    """OTHER is for events only; a speech act is one of the 16 categories."""
    with pytest.raises(ValueError, match="OTHER"):
        Statement(
            id="s",
            speaker=None,
            cue="said",
            mode=StatementMode.INDIRECT,
            content="x",
            act=EventType.OTHER,
            evidence=Span.of("x", 0, 1),
        )


def test_records_are_frozen() -> None:
    """Records cannot be changed in place."""
    span = Span.of("abc", 0, 1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 2  # type: ignore[misc]
