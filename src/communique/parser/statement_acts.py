"""The PLOVER act of a plain report, read from what was said.

A statement's act is its cue's (``urged`` -> REQUEST); a plain cue ("said", "announced")
has none, and then the content may make it clear: "said Sudan must return the helicopter"
is a demand, "said it is ready to send troops" an offer, "will withdraw unless ..." a
threat, "is opposed to French mediation" a rejection. The vocabulary is the
``reported_acts`` table of ``cues.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from communique.lexicon import Lexicon, alternation, derived
from communique.model import EventType, Statement

__all__ = ["reported_acts"]


@attrs.frozen
class _Acts:
    patterns: tuple[tuple[EventType, regex.Pattern[str]], ...]
    own: regex.Pattern[str]
    #: any act's form: where it finds none, no act's pattern does (one scan, not one each)
    any_form: regex.Pattern[str]


@derived
def _acts(lexicon: Lexicon) -> _Acts:
    table = lexicon["cues"]["reported_acts"]
    patterns = tuple(
        (
            EventType(name),
            regex.compile(
                rf"(?<![\p{{L}}\p{{N}}'’-])(?:{alternation(table['forms'][name])})"
                rf"(?![\p{{L}}\p{{N}}-])"
            ),
        )
        for name in table["order"]
    )
    own = regex.compile(rf"(?<![\p{{L}}\p{{N}}'’-])(?:{alternation(table['own'])})\s+$")
    forms = [form for name in table["order"] for form in table["forms"][name]]
    any_form = regex.compile(  # read with case, as each act's pattern is
        rf"(?<![\p{{L}}\p{{N}}'’-])(?:{alternation(forms, case_blind=False)})(?![\p{{L}}\p{{N}}-])"
    )
    return _Acts(patterns, own, any_form)


def _act(content: str, acts: _Acts) -> EventType | None:
    if acts.any_form.search(content) is None:
        return None
    for act, pattern in acts.patterns:
        for match in pattern.finditer(content):
            if act is EventType.REQUEST and acts.own.search(content[: match.start()]):
                continue  # "we must": the speaker's own duty
            return act
    return None


def reported_acts(statements: Sequence[Statement], lexicon: Lexicon) -> list[Statement]:
    """``statements`` with the act of a plain report read from its content."""
    acts = _acts(lexicon)
    out: list[Statement] = []
    for statement in statements:
        act = None if statement.act is not None else _act(statement.content, acts)
        out.append(statement if act is None else attrs.evolve(statement, act=act))
    return out
