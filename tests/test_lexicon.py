"""Tests for communique.lexicon: the packaged Lexicon, overlays and their errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from communique import Lexicon, LexiconError
from communique.lexicon import TABLES, alternation, derived

SPEECH = ("cues", "cues", "speech", "forms")


def _at(lexicon: Lexicon, path: tuple[str, ...]) -> Any:
    value: Any = lexicon
    for key in path:
        value = value[key]
    return value


def _addition(words: list[str]) -> dict[str, Any]:
    return {"cues": {"cues": {"speech": {"forms": words}}}}


def test_packaged_lexicon_has_every_table_and_is_built_once() -> None:
    assert TABLES == tuple(Lexicon.packaged())
    assert Lexicon.packaged() is Lexicon.packaged()


def test_packaged_tables_are_read_only() -> None:
    with pytest.raises(TypeError):
        Lexicon.packaged()["cues"]["cues"]["speech"]["forms"] = ()


def test_overlay_extends_lists_and_leaves_the_packaged_lexicon_alone() -> None:
    packaged = Lexicon.packaged()
    extended = packaged.overlay(_addition(["opined", "said"]))
    assert _at(extended, SPEECH)[-1] == "opined"
    assert _at(extended, SPEECH).count("said") == 1
    assert "opined" not in _at(packaged, SPEECH)


def test_overlay_adds_entries_to_a_word_table() -> None:
    extended = Lexicon.packaged().overlay({"actors": {"demonyms": {"Ruritanian": "RUR"}}})
    assert "RUR" == extended["actors"]["demonyms"]["Ruritanian"]


@pytest.mark.parametrize(
    ("additions", "message"),
    [
        ({"cue": {}}, "unknown lexicon table cue"),
        ({"cues": {"cuez": {}}}, "lexicon.cues.cuez: unknown key"),
        (
            {"cues": {"cues": {"speach": {"forms": ["x"]}}}},
            "lexicon.cues.cues.speach: missing act",
        ),
        (_addition("opined"), "expected a list, got a string"),  # type: ignore[arg-type]
        ({"actors": {"demonyms": {"Ruritanian": 3}}}, "expected a string, like the other"),
        ({"events": {"roles": {"linkz": ["near"]}}}, "lexicon.events.roles.linkz: unknown key"),
        # sections of one shape whose keys the code reads by name: a typo, not an entry
        ({"events": {"pronouns": {"plurals": ["they"]}}}, "events.pronouns.plurals: unknown"),
        ({"cues": {"attachments": {"word": ["x"]}}}, "cues.attachments.word: unknown key"),
        # names the code has no rule for: a date rule (no resolver), a mode PLOVER lacks
        ({"dates": {"patterns": {"rules": {"mine": "x"}}}}, "patterns.rules.mine: unknown"),
        ({"events": {"modes": {"CONSULT": {"mail": ["letter"]}}}}, "CONSULT.mail: unknown"),
    ],
)
def test_overlay_refuses_what_no_rule_would_read(additions: dict[str, Any], message: str) -> None:
    """A key no rule would read is refused by name, never taken silently."""
    with pytest.raises(LexiconError, match=message):
        Lexicon.packaged().overlay(additions)


def test_from_file_reads_a_toml_overlay(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[cues.cues.speech]\nforms = ["opined"]\n', encoding="utf-8")
    assert "opined" in _at(Lexicon.from_file(path), SPEECH)


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot read lexicon"), ("[cues\n", "is not valid TOML"), (b"\xff", "cannot read")],
)
def test_from_file_errors_name_the_file(
    tmp_path: Path, content: str | bytes | None, message: str
) -> None:
    path = tmp_path / "mine.toml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(LexiconError, match=message) as error:
        Lexicon.from_file(path)
    assert str(path) in str(error.value)
    assert "\n" not in str(error.value)


def test_derived_values_are_built_once_per_lexicon() -> None:
    calls: list[Lexicon] = []

    @derived
    def forms(lexicon: Lexicon) -> int:
        calls.append(lexicon)
        return len(_at(lexicon, SPEECH))

    other = Lexicon.packaged().overlay(_addition(["opined"]))
    assert forms(Lexicon.packaged()) + 1 == forms(other)
    assert forms(Lexicon.packaged()) == forms(Lexicon.packaged())
    assert [Lexicon.packaged(), other] == calls


@given(st.lists(st.text(min_size=1, max_size=12), max_size=6))
def test_overlaying_the_same_words_twice_changes_nothing(words: list[str]) -> None:
    once = Lexicon.packaged().overlay(_addition(words))
    twice = once.overlay(_addition(words))
    assert _at(once, SPEECH) == _at(twice, SPEECH)
    assert set(words) <= set(_at(once, SPEECH))


def _flat(phrases: list[str]) -> str:
    """The plain longest-first alternation that ``alternation`` must match exactly (a run
    of whitespace in a phrase is one run of whitespace)."""
    ordered = sorted({regex.sub(r"\s+", " ", p) for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)


_PHRASE = st.text(alphabet="abcA .-\t", min_size=1, max_size=6)


@given(
    phrases=st.lists(_PHRASE, min_size=1, max_size=12),
    text=st.text(alphabet="abcABC .-\n", max_size=40),
    ignore_case=st.booleans(),
)
@example(phrases=[" ", "  a"], text="  a", ignore_case=False)  # runs of spaces
@example(phrases=["A", "AA", "ac"], text="AC", ignore_case=True)  # letters in two cases
def test_alternation_matches_what_a_flat_longest_first_list_matches(
    phrases: list[str], text: str, ignore_case: bool
) -> None:
    flags = regex.IGNORECASE if ignore_case else 0
    bounded = r"(?<![\w-])(?:{})(?![\w-])"
    for template in ("{}", bounded):
        tree = regex.compile(template.format(alternation(phrases)), flags)
        flat = regex.compile(template.format(_flat(phrases)), flags)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


_CASED_PHRASE = st.text(alphabet="abAB .-\t", min_size=1, max_size=6)


@given(
    phrases=st.lists(_CASED_PHRASE, min_size=1, max_size=12),
    text=st.text(alphabet="abAB .-\n", max_size=40),
)
@example(phrases=["UK", "Ukraine", "Uk"], text="Ukraine UK Uk")  # one letter in two cases
@example(phrases=["a", "a b"], text="a  b a")  # a run of spaces
def test_a_case_sensitive_alternation_matches_what_a_flat_longest_first_list_matches(
    phrases: list[str], text: str
) -> None:
    for template in ("{}", r"(?<![\p{L}\p{N}'’])(?:{})(?![\p{L}\p{N}])", r"(?:{})\s+b"):
        tree = regex.compile(template.replace("{}", alternation(phrases, case_blind=False)))
        flat = regex.compile(template.replace("{}", _flat(phrases)))
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_alternation_shares_prefixes_and_keeps_spaces_flexible() -> None:
    pattern = alternation(["attack", "attacks", "attacked", "cease fire"])
    assert pattern == r"cease\s+fire|attack(?:ed|s)?"
    assert regex.fullmatch(pattern, "cease \n fire")
    assert alternation([]) == ""
