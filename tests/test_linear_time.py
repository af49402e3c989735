"""parse() takes time linear in its input: each rule family's worst case against clean news.

A ratio of CPU times in one process, not a wall-clock limit: each adversarial text of
``tests/adversarial.py`` and clean news of the same size (the seed articles repeated) are
parsed, and the adversarial one may take at most ``_BOUND`` times as long. Before the
guards, a run of capitalised words or of "Smith said:" lines grew quadratically, tens of
times the clean figure at this size. ``benchmarks/bench_adversarial.py`` prints the same
ratios for 1 MB.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from communique import parse
from tests.adversarial import FAMILIES, clean_news

_SIZE = 200_000  # characters: large enough for a quadratic rule to show, quick in CI
_BOUND = 6.0  # generous: the measured worst is about 3 at this size


def _cpu_seconds(text: str) -> float:
    start = time.process_time()
    parse(text)
    return time.process_time() - start


@pytest.fixture(scope="module")
def clean_seconds() -> float:
    """The yardstick: the best of two parses of clean news of ``_SIZE`` characters."""
    text = clean_news(_SIZE)
    parse(text[:5000])  # lexicons loaded and patterns compiled before timing
    return min(_cpu_seconds(text) for _ in range(2))


@pytest.mark.parametrize("build", FAMILIES.values(), ids=FAMILIES.keys())
def test_a_worst_case_takes_about_the_time_of_clean_news(
    build: Callable[[int], str], clean_seconds: float
) -> None:
    text = build(_SIZE)
    assert len(text) == _SIZE
    ratio = _cpu_seconds(text) / clean_seconds
    assert ratio < _BOUND, f"{ratio:.1f} times the time of clean news of the same size"
