"""Tests for communique.parser.actors: finding, merging and the user dictionary."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from communique import Actor, ActorKind, Identifier, parse
from communique.lexicon import Lexicon, alternation
from communique.parser.actor_candidates import Candidate
from communique.parser.actor_merging import _occurrences
from communique.parser.actor_names import _BREAK, _clause_before
from communique.parser.actor_vocabulary import NAME_END, NAME_START, fold, vocabulary
from communique.parser.actors import (
    ActorDictionaryError,
    edit_distance,
    find_actors,
    load_actor_dictionary,
    same_name,
)
from communique.parser.article import read_article
from communique.parser.titles import title_words


def _actors(text: str, **kwargs: object) -> dict[str, Actor]:
    return {a.name: a for a in parse(text, **kwargs).actors}  # type: ignore[arg-type]


def test_titled_name_gives_title_country_and_sector() -> None:
    """A nationality and an office before a name become country, title and sector."""
    actor = _actors("Russian Deputy Foreign Minister Sergey Vershinin spoke on Monday.")[
        "Sergey Vershinin"
    ]
    assert (ActorKind.PERSON, "Deputy Foreign Minister", "RUS", "GOV") == (
        actor.kind,
        actor.title,
        actor.country,
        actor.sector,
    )


def test_surname_and_misspelling_merge_into_one_actor() -> None:
    """A bare surname and a one-letter misspelling of it are the same person."""
    text = (
        "Russian Deputy Foreign Minister Sergey Vershinin spoke on Monday. "
        "Vershinin said talks had begun. Vershinen emphasized the conditions."
    )
    persons = [a for a in parse(text).actors if a.kind is ActorKind.PERSON]
    assert [("Sergey Vershinin", ("Vershinin", "Vershinen"))] == [
        (a.name, a.aliases) for a in persons
    ]


def test_different_surnames_stay_apart() -> None:
    """Two people whose names differ by more than a misspelling are two actors."""
    names = set(_actors("President Joe Biden met President Vladimir Putin. Biden spoke."))
    assert {"Joe Biden", "Vladimir Putin"} <= names


def test_metonyms_are_aliases_of_their_state() -> None:
    """The Kremlin and Moscow stand for Russia; Washington and the White House for the US."""
    actors = _actors(
        "On Monday the Kremlin rejected the offer. Moscow said no. Washington and the White House "
        "insisted that the United States would not yield. Russia waited."
    )
    assert {"the Kremlin", "Moscow"} <= set(actors["Russia"].aliases)
    assert {"Washington", "the White House"} <= set(actors["United States"].aliases)


def test_country_names_come_from_iso_3166() -> None:
    """A country that the curated lexicon does not list is still found, with its code."""
    assert "MNG" == _actors("Mongolia signed the agreement with Kazakhstan.")["Mongolia"].country


def test_demonym_alone_is_not_an_actor() -> None:
    """An adjective of nationality without a head ("Russian media") names no actor."""
    assert {} == _actors("The story was quoted by many Chinese media outlets on Monday.")


def test_a_place_that_only_locates_is_not_an_actor() -> None:
    """A country mentioned only as where something happened is no actor."""
    assert "Chile" not in _actors("The summit will be held in Chile later this month.")


def test_international_organizations_get_plover_codes() -> None:
    """NATO is IGO, the European Union EUR, the United Nations UNO."""
    actors = _actors("NATO and the EU met at the United Nations in New York.")
    assert {"NATO": "IGO", "European Union": "EUR", "United Nations": "UNO"} == {
        name: actors[name].country for name in ("NATO", "European Union", "United Nations")
    }


def test_quoted_outlet_after_media_word_is_a_media_actor() -> None:
    """'the Swiss media "New Zurich Zeitung"' is a media outlet of Switzerland."""
    actor = _actors('The Swiss media "New Zurich Zeitung" revealed the plan.')[
        "New Zurich Zeitung"
    ]
    assert (ActorKind.MEDIA, "CHE", "JRN") == (actor.kind, actor.country, actor.sector)


def test_armed_forces_of_a_state() -> None:
    """'the Russian army' and 'Russian troops' are one military actor of Russia."""
    actor = _actors("The Russian army advanced. Russian troops withdrew later.")["Russian army"]
    assert ("RUS", "MIL", ("Russian troops",)) == (actor.country, actor.sector, actor.aliases)


def test_mentions_are_exact_spans() -> None:
    """Every mention's text is the slice of the document text it points to."""
    text = "Russian President Vladimir Putin met NATO officials. Putin spoke."
    document = parse(text)
    for actor in document.actors:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_edit_distance() -> None:
    """Levenshtein distance, capped at the limit."""
    assert (1, 0, 3) == (
        edit_distance("vershinin", "vershinen"),
        edit_distance("a", "a"),
        edit_distance("abc", "xyzuvw"),
    )


def test_same_name_allows_one_edit_per_six_letters() -> None:
    """Long names tolerate a misspelling; short ones must match exactly."""
    assert (True, True, False, False) == (
        same_name("Vershinin", "Vershinen"),
        same_name("Zelensky", "Zelenskiy"),
        same_name("Burns", "Byrns"),
        same_name("Biden", "Boden"),
    )


def _levenshtein(a: str, b: str) -> int:
    """The plain dynamic-programming distance, uncapped: the reference."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@given(
    st.text(alphabet="abcdeéE ", min_size=0, max_size=15),
    st.text(alphabet="abcdeéE ", min_size=0, max_size=15),
)
@example("abcdefg", "abcdefgh")  # one insertion at the end
@example("abcdefg", "bbcdefg")  # other initials
def test_same_name_is_one_edit_per_six_letters_of_the_folded_names(a: str, b: str) -> None:
    """The shortcuts (length apart, one edit found in a pass) decide as the distance does."""
    fa, fb = fold(a), fold(b)
    shortest = min(len(fa), len(fb))
    expected = fa == fb or (
        shortest >= 5 and fa[0] == fb[0] and _levenshtein(fa, fb) <= shortest // 6
    )
    assert same_name(a, b) is expected


def test_same_name_counts_every_edit_of_a_long_name() -> None:
    """Two long names of one initial are not one name because both are long (the distance
    used to be capped at 3 whatever the length, so any two names of 18 letters matched)."""
    assert not same_name(
        "National Association of Black Journalists", "National Association of Hispanic Journalists"
    )
    assert not same_name("Democratic National Committee", "Department of Homeland Security")
    assert same_name(
        "Organisation for Security and Cooperation", "Organization for Security and Cooperation"
    )


@given(st.text(alphabet="abcde", max_size=30), st.text(alphabet="abcde", max_size=30))
def test_same_name_is_one_edit_per_six_letters_by_the_full_distance(a: str, b: str) -> None:
    shortest = min(len(a), len(b))
    full = edit_distance(a, b, limit=10**6)
    expected = a == b or (shortest >= 5 and a[:1] == b[:1] and full <= shortest // 6)
    assert same_name(a, b) is expected


DICTIONARY = "\n".join(
    json.dumps(entry)
    for entry in [
        {
            "name": "Joseph R. Biden",
            "aliases": ["Biden", "Joe Biden"],
            "kind": "person",
            "country": "USA",
            "sector": "GOV",
            "identifiers": [{"scheme": "wikidata", "value": "Q6279"}],
            "roles": [{"title": "President", "start": "2021-01-20", "end": "2025-01-20"}],
        },
    ]
)


def test_dictionary_role_holds_within_its_dates() -> None:
    """A dictionary office is given only on a publication date inside its term."""
    dictionary = load_actor_dictionary(io.StringIO(DICTIONARY))
    text = "Biden said the talks would go on."
    in_office = _actors(text, published="2023-05-01", actors=dictionary)["Joseph R. Biden"]
    after = _actors(text, published="2026-05-01", actors=dictionary)["Joseph R. Biden"]
    assert ("President", None) == (in_office.title, after.title)
    assert (Identifier(scheme="wikidata", value="Q6279"),) == in_office.identifiers


def test_dictionary_is_read_from_a_path(tmp_path: Path) -> None:
    """A path to a JSON Lines file loads like a stream; blank lines are skipped."""
    path = tmp_path / "actors.jsonl"
    path.write_text(DICTIONARY + "\n\n", encoding="utf-8")
    assert ("Joseph R. Biden",) == tuple(e.name for e in load_actor_dictionary(path).entries)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "actor dictionary line 2: not JSON"),
        ('{"aliases": ["x"]}', "actor dictionary line 2: expected an object with a non-empty"),
        ('{"name": "X", "kind": "planet"}', "actor dictionary line 2: bad field"),
        ('{"name": "X", "roles": [{"title": "P", "start": "soon"}]}', "line 2: bad field"),
    ],
)
def test_bad_dictionary_line_is_named(line: str, message: str) -> None:
    """A bad line raises ActorDictionaryError naming the line."""
    with pytest.raises(ActorDictionaryError, match=message):
        load_actor_dictionary(io.StringIO('{"name": "Ok"}\n' + line))


def test_missing_dictionary_file_is_one_line_error(tmp_path: Path) -> None:
    """An unreadable path raises ActorDictionaryError, not OSError."""
    with pytest.raises(ActorDictionaryError, match="cannot read"):
        load_actor_dictionary(tmp_path / "absent.jsonl")


def test_campaign_is_an_organization_with_its_surface_form() -> None:
    """'Clinton's team' is the organization 'Clinton team', the phrase as written its alias."""
    actors = _actors("Hillary Clinton spoke in Ohio. Clinton's team says she will go on.")
    assert (ActorKind.ORGANIZATION, ("Clinton's team",)) == (
        actors["Clinton team"].kind,
        actors["Clinton team"].aliases,
    )
    assert "Hillary Clinton" in actors


def test_initials_courtesy_surnames_and_transcript_labels_are_names() -> None:
    """Initials inside a name, an office word after 'Mr.', a capitalised transcript label."""
    text = (
        "Partial transcript follows.\n\n"
        "WALLACE: Ronald R. Fieldstone met Rep. G.K. Butterfield and Mr. King on Monday.\n\n"
        "Mr. President, the talks went on."
    )
    names = set(_actors(text))
    assert {"Wallace", "Ronald R. Fieldstone", "G.K. Butterfield", "King"} <= names
    assert "President" not in names


def test_party_members_are_their_party() -> None:
    """'Republicans said' names the party: an organization, sector PTY, with that alias."""
    actor = _actors("Republicans said the committee would vote on Thursday.")["Republican Party"]
    assert (ActorKind.ORGANIZATION, "PTY", "USA", ("Republicans",)) == (
        actor.kind,
        actor.sector,
        actor.country,
        actor.aliases,
    )


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Chicago police said the man fled.", "Chicago police", None),
        ("The German police said the man fled.", "German police", "DEU"),
    ],
)
def test_a_place_and_police_is_a_police_force(text: str, name: str, country: str | None) -> None:
    """'<city> police' is an organization; '<demonym> police' is that state's police."""
    actor = _actors(text)[name]
    assert (ActorKind.ORGANIZATION, "COP", country) == (actor.kind, actor.sector, actor.country)


@pytest.mark.parametrize(
    "text",
    [
        "Criticizing police is easy, Smith said.",
        "As police arrived, the crowd left.",
        "Chicago police chief Eddie Johnson said the man fled.",
    ],
)
def test_police_without_a_place_or_before_an_office_is_no_force(text: str) -> None:
    """A sentence-opening word or an office after 'police' does not make a police force."""
    assert not [a for a in parse(text).actors if a.sector == "COP"]


def test_administration_of_a_leader_without_a_country_is_an_organization() -> None:
    """'The Obama administration' when no country is given: a government organization."""
    actor = _actors("Barack Obama spoke on Monday. The Obama administration announced it.")[
        "Obama administration"
    ]
    assert (ActorKind.ORGANIZATION, "GOV") == (actor.kind, actor.sector)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Authorities have said the man fled the scene.", "Authorities"),
        ("Aides said the senator would run again.", "Aides"),
        ("Said Ellis: “I don’t get the sense she cares.”", "Said Ellis"),
    ],
)
def test_source_words_and_cues_are_not_names(text: str, absent: str) -> None:
    """'Authorities said' names nobody; in 'Said Ellis:' the first word is the cue."""
    assert absent not in _actors(text)


def test_titled_surname_goes_to_the_person_with_that_office() -> None:
    """'Senator Cruz' after 'Sen. Ted Cruz' and 'Heidi Cruz' is Ted: Sen. is senator."""
    text = (
        "Sen. Ted Cruz spoke on Monday. Trump retweeted a photo of Heidi Cruz. "
        "Senator Cruz said the photo was an insult."
    )
    actors = _actors(text)
    assert (["Ted Cruz", "Cruz"], ["Heidi Cruz"]) == (
        [m.text for m in actors["Ted Cruz"].mentions],
        [m.text for m in actors["Heidi Cruz"].mentions],
    )


def test_bare_surname_goes_to_the_namesake_mentioned_most() -> None:
    """Two people share a surname: a bare surname is the one mentioned most so far."""
    text = (
        "Hillary Clinton spoke in Ohio. Clinton said the race was close. "
        "Chelsea Clinton joined her. Clinton said it went well."
    )
    actors = _actors(text)
    assert (["Hillary Clinton", "Clinton", "Clinton"], ["Chelsea Clinton"]) == (
        [m.text for m in actors["Hillary Clinton"].mentions],
        [m.text for m in actors["Chelsea Clinton"].mentions],
    )


def test_mr_and_mrs_of_one_surname_are_two_people() -> None:
    """A surname addressed as "Mr." is not the person addressed as "Mrs." of that name."""
    text = "Mr. Khan said the war was over. Mrs. Khan said she had not spoken. Mr. Khan left."
    khans = [a for a in parse(text).actors if a.kind is ActorKind.PERSON]
    mr = text.index("Khan")
    mrs = text.index("Khan", mr + 1)
    mr_again = text.index("Khan", mrs + 1)
    assert [[m.start for m in a.mentions] for a in khans] == [[mr, mr_again], [mrs]]


def test_a_surname_is_resolved_where_it_stands() -> None:
    """A later bare surname is not glued to the actor that first took it."""
    text = (
        "Felipe Calderon spoke in Mexico City. Mexico's former leader Calderon said the wall "
        "was stupid. Calderon told CNBC it was useless."
    )
    doc = parse(text)
    speakers = {a.id: a.name for a in doc.actors}
    assert [speakers[s.speaker or ""] for s in doc.statements] == ["Felipe Calderon"] * 2


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("Sen.", "senator"),
        ("Lt. Gov.", "lieutenant governor"),
        ("Foreign Minister", "foreign minister"),
    ],
)
def test_titles_spell_out_abbreviations(title: str, words: str) -> None:
    assert words == title_words(Lexicon.packaged())(title)


@pytest.mark.parametrize(
    ("text", "person", "place"),
    [
        ("Cory James of Flint, Mich., said he had not given up.", "Cory James", "Flint"),
        ("Mary Smith of Dallas said the race was close.", "Mary Smith", "Dallas"),
        ("Trump, speaking in Wilmington, N.C., warned that taxes would rise.", None, "Wilmington"),
    ],
)
def test_a_place_before_a_cue_is_no_person(text: str, person: str | None, place: str) -> None:
    """'X of Dallas said', 'Flint, Mich., said': the place is not the speaker."""
    names = set(_actors(text))
    assert place not in names
    assert person is None or person in names


def test_a_long_title_case_name_with_of_is_no_person() -> None:
    """'the Broad Relationship of Cooperation for Common Prosperity' names nobody."""
    text = (
        "They signed the Broad Relationship of Cooperation for Common Prosperity "
        "in the XXI Century agreement."
    )
    assert "Broad Relationship" not in _actors(text)


def test_a_named_show_is_no_person() -> None:
    """'The Rachel Maddow Show' is a programme (sector JRN), and 'Maddow' the host."""
    actors = _actors('Rachel Maddow spoke on MSNBC\'s "The Rachel Maddow Show" on Thursday.')
    assert (ActorKind.ORGANIZATION, "JRN") == (
        actors["Rachel Maddow Show"].kind,
        actors["Rachel Maddow Show"].sector,
    )


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        ("The Urban League said the shooting was wrong.", "Urban League", None),
        (
            "The Congressional Black Caucus said the bill was wrong.",
            "Congressional Black Caucus",
            "LEG",
        ),
        ("The Cook Political Report said the race was close.", "Cook Political Report", "JRN"),
    ],
)
def test_runs_ending_in_an_organization_word_are_organizations(
    text: str, name: str, sector: str | None
) -> None:
    """'League', 'Caucus', 'Report' end the names of organizations, not of people."""
    actor = _actors(text)[name]
    assert (ActorKind.ORGANIZATION, sector) == (actor.kind, actor.sector)


def test_police_offices_are_titles() -> None:
    """'Sheriff Joe Arpaio': the office is a title, with its sector."""
    actor = _actors("Sheriff Joe Arpaio said the border was open.")["Joe Arpaio"]
    assert ("Sheriff", "COP") == (actor.title, actor.sector)


def test_find_actors_reads_the_lexicon_it_is_given() -> None:
    """A metonym added to the lexicon names its state; the packaged lexicon knows nothing of it."""
    text = "Gotham said on Monday that the talks would go on."
    lexicon = Lexicon.packaged().overlay({"actors": {"metonyms": {"Gotham": "USA"}}})
    found = find_actors(text, read_article(text), lexicon=lexicon)
    packaged = find_actors(text, read_article(text))
    assert (["United States"], []) == (
        [a.name for a in found.actors if a.kind is ActorKind.STATE],
        [a.name for a in packaged.actors if a.kind is ActorKind.STATE],
    )


def test_name_particles_come_from_the_lexicon() -> None:
    """A particle added to the lexicon joins the words of a name around it."""
    text = "Secretary Anna ter Horst said the plan was sound."
    lexicon = Lexicon.packaged().overlay({"actors": {"names": {"particles": ["ter"]}}})
    found = find_actors(text, read_article(text), lexicon=lexicon)
    assert ["Anna ter Horst"] == [a.name for a in found.actors]


def test_candidate_keys_default_by_kind() -> None:
    """A candidate's key is its kind and name: a state's by code, an organization's folded."""
    assert ["person:Jane Doe", "org:academie", "state:FRA", "media:Reuters"] == [
        Candidate.of(ActorKind.PERSON, (0, 8), "Jane Doe").key,
        Candidate.of(ActorKind.ORGANIZATION, (0, 8), "Académie").key,
        Candidate.of(ActorKind.STATE, (0, 6), "France", country="FRA").key,
        Candidate.of(ActorKind.MEDIA, (0, 7), "Reuters").key,
    ]


def test_import_leaves_the_country_database_unloaded() -> None:
    """Importing communique neither imports pycountry nor derives the actor vocabulary."""
    probe = (
        "import sys, communique; "
        "from communique.parser.actor_vocabulary import vocabulary; "
        "print('pycountry' in sys.modules, vocabulary.cache_info().currsize)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert "False 0" == result.stdout.strip()


_NAME_WORD = st.text(alphabet="AaBbß1²'’-", min_size=1, max_size=4)


@given(
    names=st.lists(st.lists(_NAME_WORD, min_size=1, max_size=3).map(" ".join), max_size=5),
    text=st.text(alphabet="AaBbß1² '’-\n\t.", max_size=60),
)
@example(names=["Abba Ab"], text="xAbba Ab Abba  Ab 'Abba Ab ²Abba Ab")
@example(names=["ßaB", "SSaB"], text=" ßaB SSaB ssab")  # a key longer case-folded
def test_name_occurrences_are_what_a_regex_alternation_finds(names: list[str], text: str) -> None:
    """The later-mention scan finds what one compiled alternation of the names would."""
    pattern = regex.compile(rf"{NAME_START}(?:{alternation(names)}){NAME_END}")
    expected = [m.span() for m in pattern.finditer(text, 1, len(text))] if names else []
    assert expected == _occurrences(text, 1, len(text), names)


@pytest.mark.parametrize(
    "text",
    [
        "The minister spoke about the plan, said Lynch, after the meeting.",
        "The minister spoke at length about the plan,\n\nsaid Lynch, after the meeting.",
        "“We will go on,”\n\nsaid Lynch, after the meeting.",
    ],
)
def test_a_lone_name_after_a_reporting_verb_is_a_person(text: str) -> None:
    """'..., said Lynch,': also when the comma or quote ends the paragraph before."""
    assert _actors(text)["Lynch"].kind is ActorKind.PERSON


_TITLE_PIECES = ["a", "B", ".", " ", "\n", "\t", "-", "’", "É", ",", "9", "former ", "then "]


@given(st.lists(st.sampled_from(_TITLE_PIECES), max_size=16).map("".join))
def test_backward_title_search_finds_what_a_forward_search_finds(left: str) -> None:
    """The title words before a name are searched backwards; a forward search agrees."""
    backward = vocabulary(Lexicon.packaged()).title_left
    forward = regex.compile(backward.pattern, backward.flags & ~regex.REVERSE)
    back, ahead = backward.search(left), forward.search(left)
    assert back is not None  # the title words may be none, but the pattern always matches
    assert ahead is not None
    assert back.group("title") == ahead.group("title")


_CLAUSE_PIECES = ["a", "B", ".", ",", " ", "\n", "“", "(", "U.S.", "-"]


@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=20))
def test_clause_breaks_start_only_after_a_space_or_a_mark(pieces: list[str]) -> None:
    """The lookbehind of the clause-break scan drops no break the plain scan finds."""
    plain = regex.compile(r"(?P<word>\S*)(?P<mark>[.!?;:,()\[\]\"“”\n])\s*")
    left = "".join(pieces)
    assert [m.span() for m in _BREAK.finditer(left)] == [m.span() for m in plain.finditer(left)]


def _clause_by_full_scan(text: str) -> str:
    """The clause before the end of ``text``, by scanning the whole 90-character window."""
    v = vocabulary(Lexicon.packaged())
    left, cut = text[-90:], 0
    for m in regex.finditer(r"(?P<word>\S*)(?P<mark>[.!?;:,()\[\]\"“”\n])\s*", left):
        word = m.group("word") + m.group("mark")
        if m.group("mark") == "." and (
            word in v.office_heads
            or regex.fullmatch(r"(?:\p{Lu}\.)+", word)
            or word in v.honorifics
        ):
            continue
        cut = m.end()
    return left[cut:]


_CLAUSE_WORDS = ["the", "Gov.", "U.S.", "Mr.", "said", "talks.", "(AP)", "a,b", "x\n", "\n", "  "]


@given(st.lists(st.sampled_from(_CLAUSE_WORDS), max_size=40).map(" ".join))
@example("Mr. \n Mr. U.S. U.S. Gov. U.S. the")  # the tail starts inside "Gov."
def test_the_clause_before_a_name_is_found_from_its_tail(text: str) -> None:
    """Scanning the tail of the window first finds the clause a scan of it all finds."""
    v = vocabulary(Lexicon.packaged())
    assert _clause_before(v, text, len(text)) == _clause_by_full_scan(text)
