"""The article envelope: what wraps the body, and which blocks are the body."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.parser.article import Role, read_article
from tests.conftest import ROOT

PAGE = """\
The Daily Example

Now you can see non-English news...

Talks resume: "no preconditions," says minister

2023-02-15T05:28:59.693Z

The minister said on Monday that talks would resume.

Ministers meet in Ankara on the 6th.

(Reuters)

What comes next

Both sides said they were ready.

Will the talks succeed?

Is peace near?

Source: hk1

All news articles on 2023-02-15

© Communities 2019 - Privacy
"""


def roles(text: str) -> list[tuple[str, str]]:
    return [(block.role.value, block.span.text) for block in read_article(text).blocks]


def test_envelope_of_an_aggregator_page() -> None:
    """Masthead, title, dateline and credited source are found, each as written."""
    article = read_article(PAGE)
    assert "The Daily Example" == article.outlet
    assert 'Talks resume: "no preconditions," says minister' == article.title
    assert "2023-02-15T05:28:59.693Z" == article.published
    assert "hk1" == article.origin


def test_blocks_of_an_aggregator_page() -> None:
    """Every block gets a role: chrome, caption and credit, heading, related links, footer."""
    assert [
        ("masthead", "The Daily Example"),
        ("boilerplate", "Now you can see non-English news..."),
        ("title", 'Talks resume: "no preconditions," says minister'),
        ("dateline", "2023-02-15T05:28:59.693Z"),
        ("body", "The minister said on Monday that talks would resume."),
        ("caption", "Ministers meet in Ankara on the 6th."),
        ("credit", "(Reuters)"),
        ("heading", "What comes next"),
        ("body", "Both sides said they were ready."),
        ("related", "Will the talks succeed?"),
        ("related", "Is peace near?"),
        ("origin", "Source: hk1"),
        ("boilerplate", "All news articles on 2023-02-15"),
        ("boilerplate", "© Communities 2019 - Privacy"),
    ] == roles(PAGE)


def test_first_line_is_the_title_of_a_plain_article() -> None:
    """Without a dateline, a short first line above the body is the title."""
    text = (
        "Brazilian President meets President of South Korea\n\nThe two met on Monday. They talked."
    )
    article = read_article(text)
    assert "Brazilian President meets President of South Korea" == article.title
    assert ("The two met on Monday. They talked.",) == tuple(s.text for s in article.body)


def test_a_lone_paragraph_is_body_not_title() -> None:
    """Text with a single block has no title: it is all body."""
    assert [("body", "The minister said talks would resume.")] == roles(
        "The minister said talks would resume."
    )


def test_a_first_paragraph_of_several_sentences_is_not_a_title() -> None:
    """A lead paragraph is not mistaken for a headline."""
    text = "The minister spoke. He said talks would resume.\n\nOfficials agreed."
    assert "body" == roles(text)[0][0]


def test_a_caption_lead_marks_a_picture_description() -> None:
    """'The picture shows ...' describes a photo, whatever follows it."""
    text = "Title\n\nBody text here.\n\nThe picture shows the minister in Kyiv.\n\nMore body."
    assert ("caption", "The picture shows the minister in Kyiv.") in roles(text)


def test_a_final_question_alone_stays_body() -> None:
    """One closing question is the article's own, not a related-article link."""
    text = "Title\n\nThe talks resumed.\n\nWill they succeed?"
    assert ("body", "Will they succeed?") == roles(text)[-1]


def test_the_seed_article_keeps_its_body_and_drops_its_chrome() -> None:
    """The bundled seed: the lead is body; related links and footer are not."""
    text = (ROOT / "seeds" / "limited-times-2023-02-15-unconditional-negotiations.txt").read_text(
        "utf-8"
    )
    article = read_article(text)
    body = [span.text for span in article.body]
    assert body[0].startswith("On February 11, Russian Deputy Foreign Minister Sergey Vershinin")
    assert not any("You may like" in line or "Source: hk1" in line for line in body)
    related = [b.span.text for b in article.blocks if b.role is Role.RELATED]
    assert related[0].startswith("2023 Russia Prospect (2)")


@given(st.text())
def test_blocks_are_exact_spans_and_never_overlap(text: str) -> None:
    """For any text, each block's span is the slice it names, in order, not overlapping."""
    blocks = read_article(text).blocks
    assert all(text[b.span.start : b.span.end] == b.span.text for b in blocks)
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(blocks))


@pytest.mark.parametrize(
    "title", ["Dr. Ben Carson: Clinton Not Fit To Serve", "Black Girls Rock! Is The Show Back"]
)
def test_a_title_case_headline_with_abbreviations_is_the_title(title: str) -> None:
    """'Dr.' or an exclamation inside a title-case headline does not make it body text."""
    assert title == read_article(f"{title}\n\nThe body. It goes on.").title
