"""The statement finder's vocabulary and working values: cues, drafts and what the reader
remembers. :func:`vocabulary` derives the word sets and patterns from a Lexicon."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import regex

from communique.lexicon import Lexicon, alternation, derived
from communique.model import ActorKind, EventType, Span
from communique.parser.actor_table import ActorTable
from communique.parser.anchored import AnchoredScan
from communique.parser.titles import title_words

UNNAMED = "\x00unnamed"
"""The speaker of a draft whose source names nobody ("sources said"); never an actor id."""

#: The last word before the end of the searched stretch. Searched backwards from the end
#: (REVERSE): the same match, found without trying every word of a long stretch.
WORD_BEFORE = regex.compile(r"(?P<word>[\p{L}'’.-]+)[\s,]*$", regex.REVERSE)
QUOTES = "\"“”‘’'"
SPACES = regex.compile(r"\s+")
SOURCE_WORDS = 8  # words a source phrase may have
NOUN_PHRASE_MODIFIERS = 4  # words before the head of a source's noun phrase
#: a run of characters other than space, found backwards from the end of a stretch
RUN_BEFORE = regex.compile(r"\S+", regex.REVERSE)
SUBJECT_LEAD = 6  # words before the subject: 'On "Face the Nation," Sen.'
MAX_UNIT = 5000  # no prose sentence runs to thousands of characters
_MAX_CUES = 12


@attrs.frozen
class Cue:
    """A reporting expression found in a sentence."""

    start: int
    end: int
    text: str
    act: EventType | None
    participle: bool


@attrs.frozen
class Draft:
    """A statement being put together: its speakers, cue and content."""

    speakers: tuple[str | None, ...]
    cue: Cue
    content: Span
    negated: bool
    addressees: tuple[str, ...]
    evidence: Span
    subject_start: int = -1
    more: tuple[Span, ...] = ()


def _either(words: Iterable[str]) -> str:
    """An alternation of words in the order given, a space matching any run of whitespace."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)


@attrs.frozen(eq=False)
class Vocabulary:
    """What the statement finder reads with, derived from one Lexicon."""

    cue_pattern: regex.Pattern[str]
    cue_scan: AnchoredScan
    acts: dict[str, EventType | None]
    clausal: frozenset[str]
    according: frozenset[str]
    attachments: frozenset[str]
    auxiliaries: frozenset[str]
    going_on: frozenset[str]
    negations: frozenset[str]
    negation_phrases: dict[str, str]  # last word -> the word before it ("longer" -> "no")
    passive: frozenset[str]
    not_content: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    person_possessives: frozenset[str]
    unnamed: frozenset[str]
    roles: frozenset[str]
    plural_roles: frozenset[str]
    collective: frozenset[str]
    bare_collective: frozenset[str]
    agents: frozenset[str]
    documents: frozenset[str]
    refusals: frozenset[str]
    refused_speech: frozenset[str]
    calls: frozenset[str]
    call_particles: frozenset[str]
    addressing: frozenset[str]
    definite: frozenset[str]
    determiner_words: frozenset[str]
    definite_article: str
    infinitive: str
    title_small_words: frozenset[str]
    office_heads: frozenset[str]
    office_words: Callable[[str], str]
    possessive_speech: regex.Pattern[str]
    publication: regex.Pattern[str]
    courtesy_before: regex.Pattern[str]
    noun_phrase_end: regex.Pattern[str]
    noun_phrase_runs: int
    publication_end: regex.Pattern[str]
    inner_the: regex.Pattern[str]
    what: regex.Pattern[str]
    the: regex.Pattern[str]
    joint: regex.Pattern[str]
    coordinated: regex.Pattern[str]
    that: regex.Pattern[str]
    joiner: regex.Pattern[str]
    joined: regex.Pattern[str]
    definite_before: regex.Pattern[str]
    former: regex.Pattern[str]
    owner_before: regex.Pattern[str]
    contraction: regex.Pattern[str]
    clause_goes_on: regex.Pattern[str]
    member_of: regex.Pattern[str]
    name_qualifies: regex.Pattern[str]
    subordinate: regex.Pattern[str]
    time_adjunct: regex.Pattern[str]
    action_after: regex.Pattern[str]
    description_start: regex.Pattern[str]
    cue_tail: regex.Pattern[str]
    clause_after: regex.Pattern[str]
    summoned: regex.Pattern[str]
    object_before: regex.Pattern[str]
    object_near: regex.Pattern[str]
    governed: regex.Pattern[str]
    joining: frozenset[str]
    list_goes_on: regex.Pattern[str]
    clause_joint: regex.Pattern[str]
    located: regex.Pattern[str]
    infinitive_after: regex.Pattern[str]
    relative: regex.Pattern[str]
    adjunct_only: regex.Pattern[str]
    determiner_before: regex.Pattern[str]


@derived
def vocabulary(lexicon: Lexicon) -> Vocabulary:
    """The statement finder's word sets and patterns, from the ``cues`` table (and the
    office words of ``actors``, the weekdays of ``dates``)."""
    lex = lexicon["cues"]
    g: Mapping[str, Any] = lex["grammar"]
    acts: dict[str, EventType | None] = {}
    forms: set[str] = set(lex["prepositional"]["according"])
    clausal: set[str] = set()
    for table in lex["cues"].values():
        act = EventType(table["act"]) if table["act"] else None
        for form in table["forms"]:
            acts[form.casefold()] = act
            forms.add(form)
            if table.get("needs_clause"):
                clausal.add(form.casefold())
    actors = lexicon["actors"]
    negations = lex["attachments"]["negations"]
    the = regex.escape(g["definite_article"])
    to = regex.escape(g["infinitive"])
    that = regex.escape(g["complementizer"])
    honorifics = dict.fromkeys(h.rstrip(".") for h in actors["offices"]["honorifics"])
    dates = lexicon["dates"]
    days = alternation([*dates["weekdays"], *lex["time"]["words"]])
    # read with case, so a prefix tree though forms differ only in case ("According to")
    tree = alternation(forms, case_blind=False)
    cue = rf"(?<![\p{{L}}\p{{N}}'’-])(?:{tree})(?![\p{{L}}\p{{N}}-])"
    parts = alternation(dates["day_parts"]["words"])
    possessives = [*g["person_possessives"], *g["group_possessives"]]
    modifiers = g["noun_phrase_modifiers"]
    modifier_runs = max((len(RUN_BEFORE.findall(m)) for m in modifiers), default=1)
    publication_heads = _either(lex["publications"]["heads"])
    governing = _either([*g["object_prepositions"], *g["place_prepositions"]])
    return Vocabulary(
        cue_pattern=regex.compile(cue, regex.VERSION1),
        cue_scan=AnchoredScan(regex.compile(cue, regex.VERSION1), forms),
        acts=acts,
        clausal=frozenset(clausal),
        according=frozenset(f.casefold() for f in lex["prepositional"]["according"]),
        attachments=frozenset(lex["attachments"]["words"]),
        auxiliaries=frozenset(lex["attachments"]["auxiliaries"]),
        going_on=frozenset(lex["attachments"]["going_on"]),
        negations=frozenset(n for n in negations if " " not in n),
        negation_phrases={n.split()[-1]: n.split()[0] for n in negations if " " in n},
        passive=frozenset(lex["attachments"]["passive"]),
        not_content=frozenset(lex["attachments"]["not_content"]),
        person_pronouns=frozenset(lex["pronouns"]["person"]),
        group_pronouns=frozenset(lex["pronouns"]["group"]),
        person_possessives=frozenset(g["person_possessives"]),
        unnamed=frozenset(lex["unnamed"]["heads"]),
        roles=frozenset(lex["roles"]["heads"]),
        plural_roles=frozenset(lex["roles"]["plural"]),
        collective=frozenset(lex["collective"]["heads"]),
        bare_collective=frozenset(lex["collective"]["bare"]),
        agents=frozenset(lex["agents"]["heads"]),
        documents=frozenset(lex["documents"]["words"]),
        refusals=frozenset(lex["refusals"]["cues"]),
        refused_speech=frozenset(lex["refusals"]["speech"]),
        calls=frozenset(lex["calls"]["cues"]),
        call_particles=frozenset(lex["calls"]["particles"]),
        addressing=frozenset(g["addressing"]),
        definite=frozenset(g["definite"]),
        determiner_words=frozenset(g["determiners"]),
        definite_article=g["definite_article"],
        infinitive=g["infinitive"],
        title_small_words=frozenset(g["title_small_words"]),
        office_heads=frozenset(h.casefold() for h in actors["offices"]["heads"]),
        office_words=title_words(lexicon),
        possessive_speech=regex.compile(  # "his statement said": the pronoun's referent's
            rf"(?:\b(?P<pro>{_either(possessives)})\s+"
            rf"(?:{alternation(lex['documents']['words'])}))\s*$",
            regex.IGNORECASE,
        ),
        publication=regex.compile(
            r"""(?<![^\s])[^\s,;:()"“”][^,;:()"“”]{0,80}?\s+(?P<head>"""
            + publication_heads
            + r""")$""",
            regex.IGNORECASE,
        ),
        # what a publication's stretch must end with (its head, then at most a newline),
        # matched backwards from the end: no other stretch is searched for one
        publication_end=regex.compile(
            rf"(?:{publication_heads})\n?$", regex.IGNORECASE | regex.REVERSE
        ),
        courtesy_before=regex.compile(
            rf"\b(?:{_either(lex['titles']['courtesy'])})\.?[ \t]+$"
        ),  # a courtesy title right before a name: "Mr. " in "Mr. King"
        noun_phrase_end=regex.compile(
            rf"(?<![\p{{L}}\p{{N}}'’-])(?P<np>(?:(?i:{_either(g['noun_phrase_modifiers'])}|"
            r"\p{L}+ly|[\p{L}-]+(?:al|ic|ish|an|ese|ive))\s+|(?-i:\p{Lu}[\p{L}.'’-]*)\s+)"
            rf"{{0,{NOUN_PHRASE_MODIFIERS}}}(?P<head>[\p{{L}}-]+))\s*$",
        ),
        # the runs of non-space a match of noun_phrase_end may touch: each modifier's
        # (one, or a lexicon phrase's words) and the head's
        noun_phrase_runs=NOUN_PHRASE_MODIFIERS * max(modifier_runs, 1) + 1,
        inner_the=regex.compile(rf"(?<=\s)(?i:{the})\s"),
        what=regex.compile(rf"\b{regex.escape(g['what'])}(?:\s+{the})?$", regex.IGNORECASE),
        the=regex.compile(rf"\s*(?:{the}\s+)?"),
        joint=regex.compile(rf"(?:,?\s+(?:{_either(g['content_joints'])})|,)\s*$"),
        coordinated=regex.compile(  # "said ..., but indicated": the same subject speaks again
            rf"(?<![\p{{L}}'’-])(?:{_either(g['content_joints'])})\s+"
            rf"(?:(?:{_either(g['predicate_adverbs'])})\s+){{0,2}}$",
            regex.IGNORECASE,
        ),
        that=regex.compile(
            rf"""^\s*(?:(?:(?!\b(?:{_either(g["before_that_stops"])})\b)[^"“.;:,]){{0,60}}?\s)?"""
            rf"""{that}\s+""",
            regex.IGNORECASE,
        ),
        joiner=regex.compile(
            rf"^[\s,]*(?:(?:{_either(g['joiners'])})\s+)?(?:(?:{_either(g['joiner_adverbs'])})\s+)?$"
        ),
        joined=regex.compile(rf"\b(?:{_either(g['joiners'])})\b"),
        definite_before=regex.compile(rf"(?i)\b{the}\b[^,;:]*$"),
        former=regex.compile(rf"(?i)\b(?:{_either(g['former'])})"),
        owner_before=regex.compile(
            rf"(?:^|\s)(?P<owner>{_either([*g['owners'], g['definite_article']])})\s+$",
            regex.IGNORECASE,
        ),
        contraction=regex.compile(rf"['’](?:{_either(g['contractions'])})$"),
        clause_goes_on=regex.compile(
            rf",\s*(?!(?:{_either(g['clause_conjunctions'])})\b)\p{{Ll}}"
        ),
        member_of=regex.compile(
            rf"\s+(?:{_either(g['member_of'])})\s+(?:{the}\s+)?", regex.IGNORECASE
        ),
        name_qualifies=regex.compile(
            rf"(?:['’]s?)?(?:\s+(?!(?:{_either(g['not_qualifying'])})\b)[\p{{Ll}}-]+){{0,5}}\s*"
        ),
        subordinate=regex.compile(rf"\s*,\s*(?:{_either(g['subordinators'])})\b"),
        time_adjunct=regex.compile(  # 'said Monday the talks failed': when, not what
            rf"\s*(?:(?:{_either(lex['time']['leads'])})\s+)?(?:{days})(?:\s+(?:{parts}))?"
            r"(?:\s*,)?(?=\s)",
            regex.IGNORECASE,
        ),
        action_after=regex.compile(rf"[\s,]*(?:{_either(g['action_joints'])})\s"),
        description_start=regex.compile(rf"\p{{Ll}}|(?:{_either(g['description_starts'])})\b"),
        cue_tail=regex.compile(  # 'wrote to his 20,000 Twitter followers'; not past a colon
            rf"\s*(?:(?:{_either(g['cue_tail'])})\b"
            r"""(?:[^,:;"“]|(?<=\d),(?=\d)){0,40})?"""
        ),
        clause_after=regex.compile(  # not "went on to name cities that ..."
            rf"""\s*(?:[,:]\s*(?:["“]|''|``)|:|{that}\b|(?!{to}\s)\S[^.;"“]{{0,40}}?\b{that}\b)"""
        ),
        summoned=regex.compile(  # "called Sanders to congratulate him"; not "called Ford's
            # plans to open a plant ..."
            rf"""(?:{_either(g["object_pronouns"])}|\p{{Lu}}[\p{{L}}.-]*(?:\s+\p{{Lu}}[\p{{L}}.-]*){{0,3}})\s+"""
            rf"""(?:(?!(?:{_either(g["summoned_auxiliaries"])})\b)"""
            r"""[^\s"“”,;:.]+\s+){0,4}?"""
            rf"""{to}\s+(?!(?:{_either(g["not_infinitive"])})\b)\p{{Ll}}"""
        ),
        object_before=regex.compile(  # "granted Mr. Clarke", "a statement about Putin"
            rf"(?<![\p{{L}}'’])(?:\p{{Ll}}+ed|{_either(g['object_prepositions'])})\s+"
            rf"(?:{the}\s+)?(?:(?:{_either(honorifics)})\.?\s+)?$"
        ),
        object_near=regex.compile(  # "in Dar es Salaam": a name a preposition governs
            rf"(?<![\p{{L}}'’])(?:{governing})\s+(?:[\p{{L}}'’.-]+\s+){{0,2}}$"
        ),
        joining=frozenset(g["clause_conjunctions"]),
        list_goes_on=regex.compile(  # ", Tanzania and the United States": one list of names
            rf"(?:[\s,]+|\p{{Lu}}[\p{{L}}.'’-]*|(?i:{_either(g['joiners'])}|{the})(?=\s))*"
        ),
        infinitive_after=regex.compile(  # "pledged to meet every year": what was promised
            rf"""\s*{to}\s+(?!(?:{_either(g["not_infinitive"])})\b)\p{{Ll}}"""
        ),
        located=regex.compile(  # "At the Harry Truman Library": a place, whatever its name
            rf"(?<![\p{{L}}'’])(?:{_either(g['place_prepositions'])})\s+(?:{the}\s+)?$",
            regex.IGNORECASE,
        ),
        clause_joint=regex.compile(  # "of NATO, and Geremek has": a new clause (no serial comma)
            rf",\s*(?:{_either(g['content_joints'])})\s", regex.IGNORECASE
        ),
        governed=regex.compile(  # "returned from Pakistan had not admitted": an object
            rf"(?<![\p{{L}}'’])(?:{governing})\s+(?:{the}\s+)?$",
            regex.IGNORECASE,
        ),
        relative=regex.compile(  # "Jan Kavan, who lived in London ..., said"
            rf"""(?<=\S),\s+(?:{_either(g["relatives"])})\b[^;:"“”]*,\s*$"""
        ),
        adjunct_only=regex.compile(  # "said Friday in response to the missile attacks."
            rf"""^(?:{_either(g["cue_tail"])})\b(?:(?!\b{that}\b)[^,;:"“”])*$""",
            regex.IGNORECASE,
        ),
        determiner_before=regex.compile(  # "the reports were", "Cruz's charges": a noun
            rf"(?:(?<![\p{{L}}'’])(?i:{_either(g['determiners'])})"
            rf"|(?<![\p{{L}}'’])(?!(?i:{_either(g['contracted'])})['’])\p{{Lu}}\p{{L}}*['’]s)"
            r"\s+$"
        ),
    )


@attrs.define
class State:
    """What the reader reads with and remembers while reading: the last speakers, for
    pronouns."""

    words: Vocabulary
    last_person: str | None = None
    last_group: str | None = None
    last_paragraph: int = -1
    pending: Draft | None = None
    turn: int = -1  # the index of the draft of the transcript turn that may go on
    narrated: str | None = None  # the person a sentence with no statement was about
    people: tuple[str, ...] = ()  # the last several people named together ("the ministers")
    #: by office word ("minister"): the starts and actors of the mentions of people whose
    #: title has it, in text order (found once per article)
    titled: dict[str, tuple[list[int], list[str]]] = attrs.field(factory=dict)


@attrs.frozen
class Sentence:
    """A unit of a paragraph being read, with the quotations that overlap it."""

    span: Span
    text: str
    quotes: tuple[Span, ...]


def kind(actors: ActorTable, ident: str) -> ActorKind | None:
    """The kind of the actor ``ident``, if the table has it."""
    actor = actors.by_id(ident)
    return actor.kind if actor else None


def find_cues(sentence: Sentence, words: Vocabulary) -> list[Cue]:
    """The reporting cues of a sentence, outside its quotations, that are not nouns."""
    out = []
    start, end = sentence.span.start, sentence.span.end
    for m in words.cue_scan.finditer(sentence.text, start, end):
        if any(q.start < m.start() and m.end() <= q.end for q in sentence.quotes):
            continue  # a cue inside a quotation is part of what was said
        if words.determiner_before.search(sentence.text, max(0, m.start() - 12), m.start()):
            continue  # "the reports were", "Cruz's charges": a noun, not a cue
        form = SPACES.sub(" ", m.group(0)).casefold()
        first = form.split()[0]
        participle = first.endswith("ing") and form not in words.according
        out.append(Cue(m.start(), m.end(), m.group(0), words.acts.get(form), participle))
        if len(out) >= _MAX_CUES:
            break
    return out
