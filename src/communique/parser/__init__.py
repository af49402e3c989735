"""The rule-based parser: one module per stage, each a pure function over the text."""

from __future__ import annotations

from communique.parser.pipeline import PublishedError, parse

__all__ = ["PublishedError", "parse"]
