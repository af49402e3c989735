"""Golden cases as data: every ``tests/data/*_cases.toml`` read and checked in one way.

A case file declares, in its data, which records it checks and how they are compared:

``stage``
    The records: ``"dates"`` is ``communique.find_dates(text, published)``; ``"document"``
    is the Document itself, one record (its envelope: title, outlet, published, ...); any
    other stage is that attribute of ``communique.parse(text, published=..., unnamed_sources=...)``
    (``"actors"``, ``"statements"``, ``"events"``, ``"proposals"``).
``published``
    The publication date of every case (``""`` for none); a case may give its own.
``compare``
    ``"given"``: each expected record is compared on the keys it gives; ``"all"``: on every
    field, a key left out meaning the record has none (``""`` or ``[]``).
``unordered``
    List fields compared as multisets (both sides sorted).
``[fields]``
    Field name -> where it is read on the record: a dotted attribute path; ``"a -> b"``
    reads the actor id (or ids) at ``a`` and then ``b`` on that actor of the Document; a
    step ending in ``?`` may be missing from the record (read as none).

Each ``[[case]]`` has a ``name``, a ``text``, optionally ``published`` and
``unnamed_sources``, and ``expect``: the records in order, exactly that many of them.
Observed values are shown plainly: none is ``""``, an enum is its value, a tuple a list
(TOML has no null, so ``""`` stands for none in the data too).
"""

from __future__ import annotations

import enum
import pprint
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import communique

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class CaseFile:
    """One ``<stage>_cases.toml``: its declarations and its cases."""

    path: Path
    stage: str
    published: str
    compare: str
    unordered: frozenset[str]
    fields: Mapping[str, str]
    cases: Sequence[Mapping[str, Any]]


@dataclass(frozen=True)
class Case:
    """One golden case, with the file that declares how it is compared."""

    file: CaseFile
    index: int
    data: Mapping[str, Any]

    @property
    def id(self) -> str:
        """The pytest id: stage, position and name."""
        return f"{self.file.stage}-{self.index}-{self.data['name']}"


def read_case_file(path: Path) -> CaseFile:
    """Read one case file and check that its declarations and cases are well formed."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    known = {"stage", "published", "compare", "unordered", "fields", "case"}
    assert set(data) <= known, f"{path.name}: unknown keys {sorted(set(data) - known)}"
    compare = data.get("compare", "given")
    assert compare in ("given", "all"), f"{path.name}: compare is 'given' or 'all'"
    fields: dict[str, str] = data["fields"]
    unordered = frozenset(data.get("unordered", ()))
    assert unordered <= set(fields), f"{path.name}: unordered names unknown fields"
    for index, case in enumerate(data["case"]):
        where = f"{path.name} case {index} ({case.get('name')!r})"
        assert {"name", "text", "expect"} <= set(case), f"{where}: needs name, text, expect"
        assert set(case) <= {"name", "text", "expect", "published", "unnamed_sources"}, where
        for record in case["expect"]:
            assert set(record) <= set(fields), f"{where}: unknown fields in {record}"
    return CaseFile(
        path=path,
        stage=data["stage"],
        published=data.get("published", ""),
        compare=compare,
        unordered=unordered,
        fields=fields,
        cases=data["case"],
    )


def case_files() -> list[CaseFile]:
    """Every case file in tests/data, by name."""
    return [read_case_file(path) for path in sorted(DATA.glob("*_cases.toml"))]


def all_cases() -> Iterator[Case]:
    """Every golden case of every stage."""
    for file in case_files():
        for index, data in enumerate(file.cases):
            yield Case(file=file, index=index, data=data)


def _plain(value: Any) -> Any:
    """A record's value as the data writes it: none is "", an enum its value, a tuple a list."""
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _walk(value: Any, path: str) -> Any:
    """Follow a dotted attribute path; none stays none, a step ending in ? may be missing."""
    for step in path.split("."):
        if value is None:
            return None
        optional = step.endswith("?")
        name = step.removesuffix("?")
        value = getattr(value, name, None) if optional else getattr(value, name)
    return value


def _read(record: Any, spec: str, actors: Mapping[str, communique.Actor]) -> Any:
    """The value of one field of a record, as its spec in ``[fields]`` says."""
    path, arrow, on_actor = (part.strip() for part in spec.partition("->"))
    value = _walk(record, path)
    if not arrow or value is None:
        return _plain(value)
    if isinstance(value, str):
        return _plain(_walk(actors[value], on_actor))
    return [_plain(_walk(actors[ident], on_actor)) for ident in value]


def _records(case: Case) -> tuple[list[Any], Mapping[str, communique.Actor]]:
    """Run the stage on the case's text: its records and the actors they refer to."""
    published = case.data.get("published", case.file.published) or None
    text = case.data["text"]
    if case.file.stage == "dates":
        return list(communique.find_dates(text, published)), {}
    unnamed = case.data.get("unnamed_sources", False)
    document = communique.parse(text, published=published, unnamed_sources=unnamed)
    actors = {actor.id: actor for actor in document.actors}
    if case.file.stage == "document":
        return [document], actors
    return list(getattr(document, case.file.stage)), actors


def observe(case: Case) -> list[dict[str, Any]]:
    """The stage's records for the case, on every declared field."""
    records, actors = _records(case)
    observed = []
    for record in records:
        row = {name: _read(record, spec, actors) for name, spec in case.file.fields.items()}
        for name in case.file.unordered:
            row[name] = sorted(row[name])
        observed.append(row)
    return observed


def _expected(case: Case, observed: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The expected records, with unordered fields sorted and, under "all", none filled in."""
    expected = []
    for index, wanted in enumerate(case.data["expect"]):
        row = dict(wanted)
        if case.file.compare == "all":
            found = observed[index] if index < len(observed) else {}
            for name in case.file.fields:
                if name not in row:
                    row[name] = [] if isinstance(found.get(name), list) else ""
        for name in case.file.unordered & set(row):
            row[name] = sorted(row[name])
        expected.append(row)
    return expected


def check(case: Case) -> None:
    """Fail, naming the case and showing both sides, unless the records are as expected."""
    observed = observe(case)
    expected = _expected(case, observed)
    compared = [
        {name: found[name] for name in wanted}
        for wanted, found in zip(expected, observed, strict=False)
    ]
    if len(expected) == len(observed) and expected == compared:
        return
    raise AssertionError(
        f"golden case {case.data['name']!r} ({case.file.path.name}, "
        f"case {case.index}, compared: {case.file.compare} keys)\n"
        f"text: {case.data['text']!r}\n"
        f"expected {len(expected)} record(s):\n{pprint.pformat(expected, sort_dicts=False)}\n"
        f"observed {len(observed)} record(s):\n{pprint.pformat(observed, sort_dicts=False)}"
    )
