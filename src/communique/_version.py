"""The package version, in a module of its own so that the parser can read it without
importing the package face (hatch reads it from here too)."""

from __future__ import annotations

__version__ = "0.1.0"
