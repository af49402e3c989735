"""Statements: who said what, found from reporting cues, quotations and their sources.

:func:`find_statements` reads the body paragraphs only (captions, headings, related-article
headlines and site chrome yield nothing). In each sentence it finds the reporting cues of
the ``cues`` lexicon and, for each, applies the first rule of :data:`SHAPES` that fits:
"X said (that) ...", "..., X said", "'...,' said X", "according to X, ...",
", saying ..." (the clause's subject speaks). Speakers are resolved through the actor
table: compound subjects give one statement each, pronouns and "the minister" refer back,
unnamed sources ("sources said") keep a null speaker (see :mod:`.speakers`). A quotation
standing alone right after a statement is that speaker's (see :mod:`.quotations`). The
sentences and quotations come from the segments stage (:mod:`.segments`), the vocabulary
from the Lexicon (:mod:`.cues`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import attrs
import regex

from communique.lexicon import Lexicon, phrase_key
from communique.model import ActorKind, DateMention, DateValue, Span, Statement, StatementMode
from communique.parser.actor_table import ActorTable
from communique.parser.article import Article, Role
from communique.parser.cues import (
    MAX_UNIT,
    QUOTES,
    SOURCE_WORDS,
    SPACES,
    SUBJECT_LEAD,
    UNNAMED,
    WORD_BEFORE,
    Cue,
    Draft,
    Sentence,
    State,
    Vocabulary,
    find_cues,
    kind,
    vocabulary,
)
from communique.parser.dates import record_date
from communique.parser.quotations import (
    content_span,
    continues,
    ends_in_title,
    quotation_ending,
    quotation_then_action,
    quote_with_own_cue,
    split_quote,
    standalone_quote,
    statement_mode,
)
from communique.parser.segments import Segments, find_segments, opens_quote, quotes_in
from communique.parser.speakers import (
    APPOSED_NAME_END,
    INVERTED_SOURCE,
    PHRASE_END,
    addressees,
    addresses,
    appositive_subject,
    is_modifier,
    named_after_description,
    remember,
    remember_mentions,
    speakers_ending_at,
    starts_with_adjunct,
    strip_attachments,
    subject_person,
    with_title,
)
from communique.parser.statement_acts import reported_acts
from communique.parser.statement_dates import Occasion, clause_date, story_date
from communique.parser.transcripts import labelled, turn_goes_on

__all__ = ["SHAPES", "find_statements"]

Shape = Callable[[Sentence, Cue, ActorTable, State], Draft | None]
_OPENING_PUNCTUATION = regex.compile(r"[\s,:]*")
_INVERTED_BEFORE = regex.compile(r"""(?:,|[,?!](?:[’']\s?)?(?:["”]|''))$""")


def _after_content(s: Sentence, cue: Cue, limit: int, words: Vocabulary) -> Span | None:
    """What was said after a cue: past "that", a time adjunct, up to a subordinate clause."""
    text = s.text
    rest = text[cue.end : limit]
    m = words.that.match(rest)
    if m is not None:
        adjunct = words.time_adjunct.match(text, cue.end, limit)
        first = text[adjunct.end() if adjunct else cue.end : cue.end + m.end()].split()[:1]
        if first and first[0].casefold() in words.determiner_words:
            m = None  # "deplored Friday the blasts that killed ...": a relative clause
    start = cue.end + (m.end() if m else 0)
    if m is None:
        adjunct = words.time_adjunct.match(text, start, limit)
        start = adjunct.end() if adjunct else start
        tail = words.cue_tail.match(text, start, limit)
        if tail is not None and _QUOTE_AFTER.match(text, tail.end(), limit):
            start = tail.end()  # 'said last week in Tel Aviv, "...': the quotation
    opening = _OPENING_PUNCTUATION.match(text, start, limit)
    opening_at = opening.end() if opening else start
    if not opens_quote(text[opening_at : opening_at + 2]):
        cut = words.subordinate.search(text, start, limit)
        if cut is not None:
            limit = cut.start()
    else:
        limit = quotation_then_action(s, opening_at, limit, words)
    return content_span(text, start, limit)


_ACCORDING_SOURCE = regex.compile(r"\s*(?P<src>[^,:;]{1,80}?)\s*(?P<sep>[,:;]|$|(?=[.]\s*$))")


def _shape_according_to(s: Sentence, cue: Cue, actors: ActorTable, st: State) -> Draft | None:
    if phrase_key(cue.text) not in st.words.according:
        return None
    text = s.text
    after = _ACCORDING_SOURCE.match(text[cue.end : s.span.end])
    if after is None:
        return None
    src_end = cue.end + after.end("src")
    found = speakers_ending_at(text, actors, cue.end, src_end, st)
    if found is None:
        return None
    speakers, _ = found
    before = content_span(text, s.span.start, cue.start)
    content: Span | None = before
    if before is None or not before.text.strip(QUOTES + " "):
        content = content_span(text, cue.end + after.end(), s.span.end)
    if content is None:
        return None
    return Draft(speakers, cue, content, False, (), s.span)


def _shape_inverted(s: Sentence, cue: Cue, actors: ActorTable, st: State) -> Draft | None:
    """'"...," said X' — the source follows its cue, the content is before."""
    if cue.participle or addresses(cue, st.words):
        return None  # "..., Ramos told AFP": the name after "told" is whom it was told
    text = s.text
    before = text[s.span.start : cue.start].rstrip()
    if _INVERTED_BEFORE.search(before) is None:
        return None
    m = INVERTED_SOURCE.match(text, cue.end, s.span.end)
    if m is None:
        return None
    src_start, src_end = m.span("src")
    after = actors.within(src_start, src_end)
    named_after = (
        bool(after)
        and after[0].start == src_start
        and PHRASE_END.match(text, after[0].end, s.span.end) is not None
    )  # "said Larry Sabato, director of ...", not "says Libya is the biggest trouble spot"
    if (
        not named_after
        and _QUOTE_END.search(before) is None
        and appositive_subject(
            text, actors, max(s.span.start, cue.start - _LEFT_WINDOW), cue.start
        )
    ):
        return None  # "Erin Murphy, a former aide ..., said McConnell's trip ...": a subject
    if len(text[src_start:src_end].split()) > SOURCE_WORDS + 2:
        return None  # "X, a supporter, said campaign strategists plan to ...": a clause
    if starts_with_adjunct(text[src_start:src_end], st.words):
        return None  # '"...," Michael McFaul, a fellow, said of RT': whom it was said of
    mentions = actors.within(src_start, src_end)
    found = named_after_description(text, actors, src_start, src_end, s.span.end, st.words)
    if (
        found is None
        and mentions
        and len(text[src_start : mentions[0].start].split()) <= SOURCE_WORDS
    ):
        first = 0
        while first + 1 < len(mentions) and st.words.name_qualifies.fullmatch(
            text, mentions[first].end, mentions[first + 1].start
        ):
            first += 1  # "noted NBC's Dante Chinni": the person, not the outlet
        last = mentions[-1]
        if (
            kind(actors, mentions[first].actor) is not ActorKind.PERSON
            and kind(actors, last.actor) is ActorKind.PERSON
            and PHRASE_END.match(text, last.end, s.span.end) is not None
            and "," not in text[mentions[first].end : last.start]
            and len(text[mentions[first].end : last.start].split()) <= _TITLE_WORDS
        ):  # "said the U.S. Deputy Ambassador Peter Burleigh": the person the title names
            first = len(mentions) - 1
        found = (mentions[first].actor,), mentions[0].start
    elif found is None:
        found = speakers_ending_at(text, actors, src_start, src_end, st)
        if found is not None and found[1] > src_start + 4:
            found = None
        words = text[src_start:src_end].casefold().split()[:SOURCE_WORDS]
        if found is None and any(w in st.words.unnamed for w in words):
            found = (UNNAMED,), src_start
    if found is None:
        return None
    if found[1] > src_end:  # the name in apposition after a description ends the source
        name_end = APPOSED_NAME_END.match(text, found[1], s.span.end)
        src_end = name_end.end() if name_end else src_end
    content = content_span(text, s.span.start, s.span.start + len(before))
    if content is None:
        return None
    rest = text[src_end : s.span.end]
    split = split_quote(rest, st.words)
    more: tuple[Span, ...] = ()
    if split is not None:
        second = content_span(text, src_end + split.start("q"), s.span.end)
        more = (second,) if second is not None else ()
    return Draft(found[0], cue, content, False, (), s.span, -1, more)


_QUOTE_THEN_SOURCE = regex.compile(
    r"""(?:[,?!—–…-]|\.\.\.)(?:[’']\s?)?(?:["”]|'')(?P<np>\s+[^"“”]{0,100})?$"""
)
# not "."; a quotation ending in a quotation may close with a space: ',' "'
_QUOTE_END = regex.compile(r"""(?:[,?!—–…-]|\.\.\.)(?:[’']\s?)?(?:["”]|'')$""")
_TITLE_WORDS = 4  # words of an office between a country and its holder's name
_LEFT_WINDOW = 300  # how far before its cue a source may begin, in characters
_DESCRIPTION_LEAD = regex.compile(r"""(?<=\S),\s*(?P<d>[^,;:"“”]{1,60})$""")
_QUOTE_AFTER = regex.compile(r"""\s*[,:]\s*(?:["“]|''|``)""")
_PENDING = regex.compile(r"\s*:\s*")


def _first_word(text: str) -> str:
    """The first word of ``text``, casefolded; empty when ``str.split`` finds none (content
    of separators that the patterns' ``\\s`` does not count as space, such as U+001C)."""
    words = text.split()
    return words[0].casefold() if words else ""


def _shape_subject(s: Sentence, cue: Cue, actors: ActorTable, st: State) -> Draft | None:
    """'X said (that) ...' and '..., X said.' — the source is right before its cue."""
    text = s.text
    window = max(s.span.start, cue.start - _LEFT_WINDOW)
    words = st.words
    left_end, negated = strip_attachments(text, cue.start, window, words)
    auxiliary = WORD_BEFORE.search(text, max(window, left_end - 20), left_end)
    if auxiliary is not None and auxiliary.group("word").casefold() in words.passive:
        return None  # "was declared the winner": the subject did not speak
    relative = words.relative.search(text, window, left_end)
    if relative is not None:  # "Jan Kavan, who lived in London ..., said": Kavan
        left_end = relative.start()
    found = speakers_ending_at(text, actors, window, left_end, st)
    if found is None:
        found = appositive_subject(text, actors, window, left_end)
    if found is None:
        return None
    speakers, subject_start = found
    governed = words.governed.search(text, max(window, subject_start - 20), subject_start)
    if governed is not None and not _document_before(text, governed.start(), window, words):
        return None  # "a suspect returned from Pakistan had not admitted": not the subject
    before = text[s.span.start : subject_start].rstrip()
    if words.what.search(before.rstrip(" " + QUOTES)):
        return None  # "what X said" names a statement, it does not report one
    quoted = _QUOTE_THEN_SOURCE.search(before)
    between = (quoted.group("np") or "") if quoted is not None else ""
    if (
        quoted is not None
        and len(between.split()) <= SOURCE_WORDS + 4
        and not words.cue_pattern.search(between)  # "Trump assured Jones, after Jones"
    ):
        before = before[: quoted.end() - len(quoted.group("np") or "")].rstrip()
    rest = text[cue.end : s.span.end]
    tail = words.cue_tail.match(
        rest, _addressee_end(text, actors, cue, s.span.end, words) - cue.end
    )
    if words.infinitive_after.match(rest):
        tail = None  # "pledged to meet every year": the content, not an adjunct
    rest_after_tail = rest[tail.end() if tail else 0 :].strip(" .")
    after_time = words.time_adjunct.match(text, cue.end, s.span.end)
    if after_time is not None:  # "said Friday in response to ...": when, then an adjunct
        rest_after_time = text[after_time.end() : s.span.end].strip(" .")
        if not rest_after_time or words.adjunct_only.match(rest_after_time):
            rest_after_tail = ""
    elif tail is not None and words.adjunct_only.match(rest_after_tail):
        rest_after_tail = ""
    quote_before = _QUOTE_END.search(before) is not None
    lead = _DESCRIPTION_LEAD.search(before)
    if (
        lead is not None
        and not quote_before
        and None not in speakers
        and (not rest_after_tail or _according_next(rest_after_tail, words))
        and len(lead.group("d").split()) <= SUBJECT_LEAD // 2
        and lead.group("d").split()[0].casefold() not in words.joining
        and not words.cue_pattern.search(lead.group("d"))
    ):  # "..., Yeltsin's spokesman Sergei Yastrzhembsky said": the description is the source's
        before = before[: lead.start() + 1]
        subject_start = s.span.start + lead.start("d")
    if quote_before and rest_after_tail[:1] not in ("", ",", ";", "—", "–", "-"):
        quote_before = not ends_in_title(before, words)  # 'on Fox's "Hannity," Gingrich said if
    quote_after = _QUOTE_AFTER.match(rest, tail.end() if tail else 0) is not None
    if before.strip(",") and (
        quote_before
        or (
            before.endswith(",")
            and (not rest_after_tail or (rest_after_tail.startswith(",") and not quote_after))
        )
    ):
        content = quotation_ending(s, s.span.start + len(before)) or content_span(
            text, s.span.start, s.span.start + len(before)
        )
        split = split_quote(rest, words)
        more: tuple[Span, ...] = ()
        if content is not None and split is not None:
            second = content_span(text, cue.end + split.start("q"), s.span.end)
            more = (second,) if second is not None else ()
        elif (
            content is not None
            and not quote_before
            and (
                words.clause_goes_on.match(rest_after_tail) is not None
                or _opener_only(content, rest_after_tail, words)
            )
            and not words.cue_pattern.match(rest_after_tail.lstrip(", "))
        ):
            # "Acts of protest, Mr. Obama said, are acts of patriotism": one clause, split
            second = content_span(text, s.span.end - len(rest_after_tail.lstrip(",")), s.span.end)
            more = (second,) if second is not None else ()
        if content is None:
            return None
        return Draft(speakers, cue, content, negated, (), s.span, subject_start, more)
    if SPACES.sub(" ", cue.text) in words.clausal and not words.clause_after.match(rest):
        return None  # "maintained secret communications": no speech reported
    content = _after_content(s, cue, s.span.end, words)
    if content is not None and _first_word(content.text) in words.not_content:
        return None  # "reported from Los Angeles": an adjunct, not what was said
    if content is not None and _refused_act(cue, content, words):
        return None  # "refused to keep his hands up": an act refused, nothing said
    if content is not None and _phoned(cue, content, words):
        return None  # "called Sanders to congratulate him": a call made, nothing said
    if content is None:
        after_tail = tail.end() if tail is not None else 0
        if _PENDING.fullmatch(rest) or _PENDING.fullmatch(rest, after_tail):
            # "He said:" / "She wrote on Facebook:" and the quotation follows
            st.pending = Draft(
                speakers, cue, Span.of(text, cue.end, cue.end), negated, (), s.span, subject_start
            )
        return None
    spoken_to = addressees(text, actors, cue, words)
    return Draft(speakers, cue, content, negated, spoken_to, s.span, subject_start)


def _document_before(text: str, at: int, floor: int, words: Vocabulary) -> bool:
    """Whether a writing stands right before ``at`` ("a statement by the department")."""
    word = WORD_BEFORE.search(text, max(floor, at - 30), at)
    return word is not None and word.group("word").casefold() in words.documents


def _opener_only(content: Span, rest: str, words: Vocabulary) -> bool:
    """'For now, the State Department says, Embassy employees can ...': before the source
    stands only a prepositional opener, and the clause it opens goes on after the cue."""
    first = content.text.split(maxsplit=1)[0].casefold()
    return (
        first in words.not_content
        and "," not in content.text
        and rest.startswith(",")
        and not opens_quote(rest.lstrip(", "))
        and len(rest.split()) >= 3
    )


def _according_next(rest: str, words: Vocabulary) -> bool:
    """Whether ``rest`` goes on with ", according to ..." (the channel of the report)."""
    return any(rest.lstrip(", ").casefold().startswith(f) for f in words.according)


def _addressee_end(text: str, actors: ActorTable, cue: Cue, limit: int, words: Vocabulary) -> int:
    """Where whom a cue addresses ends ("..., Bushnell told Kenya Television."), else the
    cue's end: the hearer is no part of what follows."""
    if not addresses(cue, words):
        return cue.end
    hearers = addressees(text, actors, cue, words)
    near = actors.within(cue.end, min(limit, cue.end + 40))
    end = near[0].end if hearers and near and near[0].actor == hearers[0] else cue.end
    named = _HEARER.match(text, cue.end, limit)
    return max(end, named.end() if named else cue.end)


_HEARER = regex.compile(  # "told Kenya Television", "told The Associated Press"
    r"\s+(?:[Tt]he\s+)?\p{Lu}[\p{L}.'’&-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.'’&-]*){0,5}"
)


def _phoned(cue: Cue, content: Span, lex: Vocabulary) -> bool:
    """Whether "called" reports a call made ("called Sanders to congratulate him", "called
    off the deal"), not words spoken."""
    if SPACES.sub(" ", cue.text).casefold() not in lex.calls:
        return False
    first = content.text.split(maxsplit=1)[0].casefold()
    return first in lex.call_particles or lex.summoned.match(content.text) is not None


def _refused_act(cue: Cue, content: Span, lex: Vocabulary) -> bool:
    """Whether a refusal's content is an act ("to keep his hands up"), not speech."""
    words = content.text.casefold().split()
    return (
        SPACES.sub(" ", cue.text).casefold() in lex.refusals
        and len(words) > 1
        and words[0] == lex.infinitive
        and words[1] not in lex.refused_speech
    )


_ANY_QUOTED = regex.compile(r"""(?:["“]|''|``)(?:(?!'')[^"“”])*(?:["”]|''|$)""")


def _shape_participle(s: Sentence, cue: Cue, actors: ActorTable, st: State) -> Draft | None:
    """', saying ...' — the clause's subject speaks."""
    if not cue.participle:
        return None
    text = s.text
    before = text[s.span.start : cue.start].rstrip()
    if not before.endswith(","):
        return None
    speakers: tuple[str | None, ...] | None = None
    mentions = actors.within(s.span.start, cue.start)
    heads = [
        m
        for k, m in enumerate(mentions)
        if not (k + 1 < len(mentions) and is_modifier(text, m, mentions[k + 1]))
    ]
    subjects = [m for m in heads if not st.words.object_before.search(text, s.span.start, m.start)]
    persons = [m for m in subjects if kind(actors, m.actor) is ActorKind.PERSON]
    if persons or subjects:
        first = (persons or subjects)[0]
        lead = text[s.span.start : with_title(text, actors, first, s.span.start, st.words)]
        opening = _ANY_QUOTED.sub(" ", lead).casefold().split()
        unnamed = any(w.strip(",") in st.words.unnamed for w in opening[:SUBJECT_LEAD])
        # "several environmental groups granted Mr. Clarke ..., saying": nobody named
        speakers = (UNNAMED,) if unnamed else (first.actor,)
    if speakers is None:
        if s.span.start == cue.start - len(text[s.span.start : cue.start]) and before.strip(", "):
            return None
        speakers = (st.last_person or st.last_group,)
    content = _after_content(s, cue, s.span.end, st.words)
    if content is None or speakers == (None,):
        return None
    return Draft(speakers, cue, content, False, addressees(text, actors, cue, st.words), s.span)


SHAPES: tuple[Shape, ...] = (
    _shape_according_to,
    _shape_inverted,
    _shape_participle,
    _shape_subject,
)


def find_statements(
    text: str,
    article: Article,
    actors: ActorTable,
    dates: Sequence[DateMention] = (),
    segments: Segments | None = None,
    *,
    unnamed_sources: bool = False,
    lexicon: Lexicon | None = None,
    published: dt.date | None = None,
) -> list[Statement]:
    """Find every reported statement in the body of an article.

    Args:
        text: The article text.
        article: Its envelope; only body paragraphs are read.
        actors: The actors found in it (speakers and addressees are their ids).
        dates: The date mentions found in it, to date each statement.
        segments: Its sentences and quotations (found here when not given).
        unnamed_sources: Also report what wholly unnamed sources said ("sources said",
            "experts say"), with a null speaker; by default, as ANNOTATION.md has it,
            they make no statement.
        lexicon: The vocabulary of reporting cues; None means the packaged one.
        published: The publication day: a lead's day close to it dates the whole story.

    Returns:
        The statements, in text order.
    """
    lexicon = Lexicon.packaged() if lexicon is None else lexicon
    if segments is None:
        segments = find_segments(text, article, lexicon=lexicon)
    words = vocabulary(lexicon)
    paragraphs = [
        (block.span, units)
        for block, units in zip(article.blocks, segments.units, strict=True)
        if block.role is Role.BODY
    ]
    state = State(words)
    drafts: list[Draft] = []
    for index, (paragraph, units) in enumerate(paragraphs):
        line = labelled(text, paragraph, actors)
        if line is not None:  # "PENCE: Well, look, ..." / "Jane Doe ― “...”"
            drafts.append(line)
            remember(actors, state, line.speakers)
            state.last_paragraph = index
            state.turn = len(drafts) - 1 if line.cue.text == ":" else -1
            continue
        if turn_goes_on(text, paragraph, state, index):  # '"And that is why ...' (no label)
            turn = drafts[state.turn]
            more = content_span(text, paragraph.start, paragraph.end)
            if more is not None:
                drafts[state.turn] = attrs.evolve(turn, more=(*turn.more, more))
            state.last_paragraph = index
            continue
        state.turn = -1
        state.narrated = None
        for span in units:
            if span.text.rstrip().endswith("?") or len(span.text) > MAX_UNIT:
                continue  # a question asks (a quoted one ends in a quote mark); no prose
                # sentence runs to thousands of characters
            sentence = Sentence(span, text, quotes_in(segments, span))
            cues = find_cues(sentence, words)
            found = _sentence_drafts(sentence, cues, actors, state)
            if not found:
                found = quote_with_own_cue(sentence, cues, actors, state) or standalone_quote(
                    sentence, drafts, state, index
                )
            state.narrated = None
            if not found:
                remember_mentions(actors, state, sentence)
                state.narrated = subject_person(actors, sentence)
            if len(found) == 1 and drafts and continues(text, drafts[-1], found[0]):
                last = drafts[-1]
                drafts[-1] = attrs.evolve(
                    last,
                    more=(*last.more, found[0].content),
                    evidence=Span.of(text, last.evidence.start, found[0].evidence.end),
                )
                continue
            drafts.extend(found)
            state.last_paragraph = index if found else state.last_paragraph
    occasion = Occasion(
        text=text,
        mentions=dates,
        sentences=[unit for _, units in paragraphs for unit in units],
        story=story_date(dates, paragraphs[0][1] if paragraphs else (), published),
        lexicon=lexicon,
    )
    return reported_acts(
        _statements(text, drafts, occasion, unnamed_sources=unnamed_sources), lexicon
    )


def _sentence_drafts(
    sentence: Sentence, cues: Sequence[Cue], actors: ActorTable, state: State
) -> list[Draft]:
    drafts: list[Draft] = []
    for cue in cues:
        if cue.participle and any(d.content.start <= cue.start < d.content.end for d in drafts):
            continue
        according = phrase_key(cue.text) in state.words.according
        for shape in SHAPES[:1] if according else SHAPES:
            draft = _shape_coordinated(sentence, cue, drafts, state) or shape(
                sentence, cue, actors, state
            )
            unresolved = draft is not None and None in draft.speakers
            if unresolved and draft is not None and _pronoun_led(sentence, draft, state.words):
                break
            if draft is not None and shape is _shape_participle and drafts:
                # '"...," she said in the Oval Office, emphasizing ...': the same speaker
                draft = attrs.evolve(draft, speakers=drafts[-1].speakers)
            if draft is not None:
                remember(actors, state, draft.speakers)
                last = drafts[-1] if drafts else None
                # "Merrill says Machado promised ...": a report inside a report stays whole
                nested = last is not None and _opens(sentence.text, last.content, draft)
                if not nested and last is not None and last.content.end > cue.start > last.cue.end:
                    trimmed = _trim_before(sentence.text, last.content, draft, state.words)
                    drafts[-1] = attrs.evolve(last, content=trimmed)
                drafts.append(draft)
                break
    return [d for d in drafts if d.content is not None]


def _shape_coordinated(s: Sentence, cue: Cue, drafts: Sequence[Draft], st: State) -> Draft | None:
    """'X said A, but indicated B', 'X condemned A and vowed B': a second cue joined to the
    first one's predicate has the same subject, and makes a statement of its own."""
    if not drafts or cue.participle:
        return None
    last = drafts[-1]
    if not last.cue.end < cue.start < last.content.end or last.content.start < last.cue.end:
        return None  # only inside what the sentence's last cue reported after it
    text = s.text
    if st.words.coordinated.search(text, last.content.start, cue.start) is None:
        return None
    if st.words.cue_pattern.search(text, last.cue.end, cue.start):
        return None  # "quoted sources that Sullivan maintained ... and called on": his
    rest = text[cue.end : s.span.end]
    if SPACES.sub(" ", cue.text) in st.words.clausal and not st.words.clause_after.match(rest):
        return None
    content = _after_content(s, cue, s.span.end, st.words)
    if content is None or _first_word(content.text) in st.words.not_content:
        return None
    if _refused_act(cue, content, st.words) or _phoned(cue, content, st.words):
        return None
    return Draft(last.speakers, cue, content, False, (), s.span)


_CLAUSE_BREAK = regex.compile(r"[,;:]")


def _opens(text: str, content: Span, later: Draft) -> bool:
    """Whether a later draft's source opens ``content`` (a few words, no clause break)."""
    if later.subject_start < content.start:
        return False
    gap = text[content.start : later.subject_start]
    return len(gap.split()) <= SUBJECT_LEAD // 2 and _CLAUSE_BREAK.search(gap) is None


def _pronoun_led(sentence: Sentence, draft: Draft, lex: Vocabulary) -> bool:
    """A pronoun with nothing to refer to is no source."""
    left = sentence.text[draft.evidence.start : draft.cue.start].split()
    return any(w in lex.person_pronouns or w in lex.group_pronouns for w in left[-3:])


def _trim_before(text: str, content: Span, later: Draft, words: Vocabulary) -> Span:
    """End an earlier content where a later statement's subject starts."""
    cut = later.subject_start if later.subject_start >= 0 else later.cue.start
    end = min(content.end, cut)
    joint = words.joint.search(text[content.start : end])
    if joint is not None:
        end = content.start + joint.start()
    trimmed = content_span(text, content.start, end)
    return trimmed or content


def _clause(text: str, draft: Draft) -> Span:
    """The stretch of text that reports a statement: its source, cue and content."""
    parts = [draft.cue.start, draft.cue.end, draft.content.start, draft.content.end]
    parts += [p for f in draft.more for p in (f.start, f.end)]
    if draft.subject_start >= 0:
        parts.append(draft.subject_start)
    start, end = min(parts), max(parts)
    if not draft.evidence.start <= start <= end <= draft.evidence.end:
        return draft.evidence
    while end < draft.evidence.end and text[end] in "\"”’'.,;:!?)":
        end += 1
    return Span.of(text, start, end)


def _frame(text: str, draft: Draft, clause: Span) -> Span:
    """The clause without what was said: a date inside the content is not when it was said."""
    if draft.content.start >= draft.cue.end and clause.start <= draft.content.start:
        return Span.of(text, clause.start, draft.content.start)
    if draft.content.end <= draft.cue.start and draft.content.end <= clause.end:
        last = max([draft.content, *draft.more], key=lambda f: f.end)
        if last.end <= clause.end:
            return Span.of(text, last.end, clause.end)
    return clause


_SAME_OCCASION = 1500  # characters over which one speaker's report keeps its date


def _statements(
    text: str, drafts: Sequence[Draft], occasion: Occasion, *, unnamed_sources: bool
) -> list[Statement]:
    out: list[Statement] = []
    dated: dict[str | None, tuple[int, DateValue]] = {}
    for draft in drafts:
        if UNNAMED in draft.speakers:
            if not unnamed_sources:
                continue  # ANNOTATION.md: a wholly unnamed source makes no statement
            draft = attrs.evolve(draft, speakers=(None,))
        mode, content = statement_mode((draft.content, *draft.more))
        if not content or (mode is not StatementMode.DIRECT and len(content.split()) < 3):
            continue
        evidence = _clause(text, draft)
        said = (draft.content, *draft.more)
        own = clause_date(occasion, _frame(text, draft, evidence), draft.cue.end, said)
        for speaker in draft.speakers:
            date = own
            earlier = dated.get(speaker)
            if date is None and earlier and draft.evidence.start - earlier[0] < _SAME_OCCASION:
                # a speaker's report goes on: same interview, same day; but a wire story's
                # day is the occasion of a later paragraph that names none of its own
                same_paragraph = "\n" not in text[earlier[0] : draft.evidence.start]
                if same_paragraph or occasion.story is None:
                    date = earlier[1]
            if date is None:
                date = occasion.story or record_date(occasion.mentions, evidence, text=text)
                # the day the lead set for the story; failing that, the date of what was said
            if date is not None and speaker is not None:
                dated[speaker] = (draft.evidence.start, date)
            out.append(
                Statement(
                    id=f"s{len(out) + 1}",
                    speaker=speaker,
                    addressees=tuple(a for a in draft.addressees if a != speaker),
                    cue=draft.cue.text,
                    mode=mode,
                    content=content,
                    act=draft.cue.act,
                    negated=draft.negated,
                    date=date,
                    evidence=evidence,
                )
            )
    return out
