"""The parser's vocabulary, as TOML data files read once."""

from __future__ import annotations

import functools
import tomllib
from importlib.resources import files
from typing import Any


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``name.toml`` of this package."""
    return tomllib.loads(files(__package__).joinpath(f"{name}.toml").read_text("utf-8"))
