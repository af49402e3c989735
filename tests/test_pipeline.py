"""parse(): the publication date it is given or finds, ids, and its one error."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique import PublishedError, find_dates, parse, validate

ARTICLE = "Talks resume\n\nMarch 3, 2023 10:15 am EST\n\nThe minister spoke on Monday."


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (dt.date(2023, 2, 15), "2023-02-15"),
        (dt.datetime(2023, 2, 15, 5, 28, tzinfo=dt.UTC), "2023-02-15T05:28:00+00:00"),
        ("2023-02-15T05:28:59.693Z", "2023-02-15T05:28:59.693Z"),
        ("2023-02-15", "2023-02-15"),
        ("2023-02-15 05:28:59Z", "2023-02-15T05:28:59+00:00"),
        (dt.datetime(2023, 2, 15, 5, 28), "2023-02-15"),
        ("2023-02-15T05:28", "2023-02-15"),
    ],
    ids=[
        "date",
        "datetime",
        "RFC 3339 text kept as written",
        "ISO date",
        "other ISO 8601 text in RFC 3339",
        "naive datetime as its date",
        "text without offset as its date",
    ],
)
def test_published_argument_forms(published: dt.date | str, expected: str) -> None:
    """A date, a datetime or ISO 8601 text: RFC 3339 text is kept byte for byte, a
    moment without an offset is carried as its date; the result always validates."""
    document = parse("Body text.", published=published)
    assert expected == document.published
    assert [] == validate(document)


def test_given_published_wins_over_the_dateline() -> None:
    """An explicit publication date overrides the article's own dateline."""
    assert "2024-01-01" == parse(ARTICLE, published="2024-01-01").published


def test_dateline_is_used_when_none_is_given() -> None:
    """Without an argument, the dateline is read and written as ISO 8601 with its zone."""
    assert "2023-03-03T10:15:00-05:00" == parse(ARTICLE).published


@pytest.mark.parametrize("published", ["yesterday", "15/02/2023", "2023-02-30"])
def test_published_that_is_not_iso_8601_is_the_one_error(published: str) -> None:
    """PublishedError, with a message that shows the expected form."""
    with pytest.raises(PublishedError, match=r"e\.g\. 2023-02-15"):
        parse("Body.", published=published)


def test_same_text_same_id() -> None:
    """The document id depends on the text alone."""
    assert parse(ARTICLE).id == parse(ARTICLE, published="2024-01-01").id
    assert parse(ARTICLE).id != parse(ARTICLE + " More.").id


@given(st.text(max_size=300), st.dates(min_value=dt.date(1, 1, 1)))
def test_any_text_parses_into_a_valid_document(text: str, published: dt.date) -> None:
    """parse never raises on a string, whatever the date, and its output validates."""
    assert [] == validate(parse(text, published=published))


def test_a_dateline_with_an_unknown_zone_keeps_its_day() -> None:
    """An unknown zone abbreviation is ignored, without a warning; a local time without
    an offset cannot be carried (RFC 3339), so the date alone is."""
    article = ARTICLE.replace("EST", "XYZT")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        document = parse(article)
    assert "2023-03-03" == document.published
    assert [] == validate(document)


@pytest.mark.parametrize("published", ["2023-02", "2023"])
def test_a_partial_date_is_refused_with_the_same_error_as_find_dates(published: str) -> None:
    """A Document cannot carry "2023-02": parse and find_dates both refuse it, clearly."""
    with pytest.raises(PublishedError, match="partial date"):
        parse("Body.", published=published)
    with pytest.raises(PublishedError, match="partial date"):
        find_dates("Body.", published)


def test_blank_published_is_no_date_in_parse_and_find_dates() -> None:
    """Blank text means no publication date: relative dates are then left out."""
    assert parse("He left yesterday.", published="  ").published is None
    assert [] == find_dates("He left yesterday.", "  ")
