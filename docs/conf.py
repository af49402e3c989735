"""Sphinx configuration for the communique documentation."""

from __future__ import annotations

import communique

project = "communique"
author = "communique developers"
copyright = "2026, communique developers"
version = release = communique.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
]
# No intersphinx: the docs build offline (CI reaches only package registries), and a
# failed inventory download would be a warning, which -W turns into an error.
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

nitpicky = True
nitpick_ignore = [
    ("py:class", "cattrs.converters.Converter"),
    ("py:class", "cattrs.Converter"),
    ("py:class", "attrs.Attribute"),
    ("py:class", "T"),
    ("py:class", "IO"),
    ("py:class", "typing.IO"),
    ("py:class", "datetime.date"),
    ("py:class", "pathlib.Path"),
    ("py:class", "datetime.datetime"),
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "collections.abc.Sequence"),
    ("py:class", "collections.abc.Callable"),
    ("py:class", "pandas.DataFrame"),
]

html_theme = "furo"
html_title = f"communique {release}"
exclude_patterns = ["_build"]
