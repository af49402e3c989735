"""Shared fixtures: hypothesis profiles and the location of ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("fast", max_examples=40, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))

#: The shared data folder beside the checkout (gold, corpora, scorers); absent in a clone.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "gold"
ROOT = Path(__file__).resolve().parents[1]


def gold_files() -> list[Path]:
    """The shared gold Documents, or none when ../shared is absent."""
    return sorted(GOLD.glob("*.json")) if GOLD.is_dir() else []


needs_gold = pytest.mark.skipif(
    not GOLD.is_dir(), reason="../shared/gold is absent (it is not part of the repository)"
)
