"""The parser's vocabulary, as TOML data files read once, and how rules turn it into regex."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable
from importlib.resources import files
from typing import Any

import regex


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``name.toml`` of this package."""
    return tomllib.loads(files(__package__).joinpath(f"{name}.toml").read_text("utf-8"))


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of vocabulary phrases: longest first, a space matching any run
    of whitespace, every other character literal."""
    ordered = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def phrase_key(form: str) -> str:
    """The key a matched phrase is looked up by: case-folded, whitespace runs as one space."""
    return " ".join(form.casefold().split())
