"""The golden cases of every stage: tests/data/*_cases.toml, each declaring what it compares."""

from __future__ import annotations

import pytest

from tests import golden

CASES = list(golden.all_cases())


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_golden_case(case: golden.Case) -> None:
    """The stage gives exactly the records the case file expects, on the fields it declares."""
    golden.check(case)


def test_every_stage_has_golden_cases() -> None:
    """Each stage of the parser has a case file, and no case file is empty."""
    stages = {file.stage: len(file.cases) for file in golden.case_files()}
    assert {"actors", "dates", "events", "proposals", "statements"} <= set(stages)
    assert all(stages.values())
