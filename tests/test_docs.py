"""The docs match the program: command-line synopses, public names, runnable examples."""

from __future__ import annotations

import argparse
import importlib
import re
from pathlib import Path

import pytest

import communique
from communique.cli import _parser
from tests.conftest import ROOT

_OPTION = re.compile(r"(?<![\w-])(-{1,2}[a-z][\w-]*)(?:[ =]([\w.-]+(?:\|[\w.-]+)+))?")


def _synopsis(path: Path, heading: str) -> str:
    """The first ```text block after ``heading`` in ``path``."""
    text = path.read_text("utf-8")
    after = text[text.index(heading) :]
    match = re.search(r"```text\n(.*?)```", after, re.DOTALL)
    assert match is not None, f"{path.name}: no ```text block after {heading!r}"
    return match.group(1)


def documented(synopsis: str) -> dict[str, dict[str, tuple[str, ...] | None]]:
    """Each subcommand of a synopsis, with its options and their listed choices (or None)."""
    commands: dict[str, dict[str, tuple[str, ...] | None]] = {}
    current: dict[str, tuple[str, ...] | None] = {}
    for line in synopsis.splitlines():
        start = re.match(r"communique (\w+)", line)
        if start is not None:
            current = commands.setdefault(start.group(1), {})
        for option, choices in _OPTION.findall(line):
            current[option] = tuple(choices.split("|")) if choices else None
    return commands


def defined() -> dict[str, list[argparse.Action]]:
    """Each subcommand of ``communique.cli``, with its optional arguments but --help."""
    parser = _parser()
    (subparsers,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {
        name: [a for a in sub._actions if a.option_strings and "--help" not in a.option_strings]
        for name, sub in subparsers.choices.items()
    }


def _compare(synopsis: str) -> list[str]:
    docs, cli = documented(synopsis), defined()
    problems = [f"subcommand {name} is not documented" for name in cli.keys() - docs.keys()]
    problems += [f"documented subcommand {name} does not exist" for name in docs.keys() - cli]
    for name in docs.keys() & cli.keys():
        known = {option: action for action in cli[name] for option in action.option_strings}
        for option, choices in docs[name].items():
            if option not in known:
                problems.append(f"{name}: documented option {option} does not exist")
            elif choices is not None and tuple(known[option].choices or ()) != choices:
                problems.append(f"{name} {option}: documented {choices}, not the real choices")
        for action in cli[name]:
            if not set(action.option_strings) & docs[name].keys():
                problems.append(f"{name}: option {'/'.join(action.option_strings)} is missing")
    return problems


@pytest.mark.parametrize(
    ("path", "heading"), [("README.md", "## Command line"), ("docs/cli.md", "# Command line")]
)
def test_documented_command_line_is_the_real_one(path: str, heading: str) -> None:
    """Subcommands, options and their choices in the synopsis are exactly those of the CLI."""
    assert [] == _compare(_synopsis(ROOT / path, heading))


def test_the_comparison_notices_drift() -> None:
    """A missing option, an invented one, a wrong choice and a missing command are caught."""
    synopsis = _synopsis(ROOT / "README.md", "## Command line")
    drifted = (
        synopsis.replace("[--unnamed-sources]", "[--unnamed]")
        .replace("auto|json|jsonl", "auto|json")
        .replace("communique schema", "communique schemata")
    )
    problems = _compare(drifted)
    assert "parse: option --unnamed-sources is missing" in problems
    assert "parse: documented option --unnamed does not exist" in problems
    assert any(p.startswith("validate --format: documented") for p in problems)
    assert "subcommand schema is not documented" in problems


def test_every_public_name_is_importable_from_communique() -> None:
    """Every name of __all__ resolves (the lazy ones too), and dir() lists them."""
    for name in communique.__all__:
        assert getattr(communique, name) is not None, name
    assert set(communique.__all__) <= set(dir(communique))


def test_public_modules_import() -> None:
    """The exporter modules named in the docs import on their own."""
    for module in ("export", "exporters.plover", "exporters.jsonld", "exporters.w3c", "frames"):
        importlib.import_module(f"communique.{module}")


def test_quick_start_validates_with_communique_not_python_m_jsonschema() -> None:
    """The quick start shows `communique validate` on JSON Lines, not the deprecated CLI."""
    for path in ("README.md", "docs/quickstart.md"):
        text = (ROOT / path).read_text("utf-8")
        assert "python -m jsonschema" not in text, path
        assert re.search(r"communique validate \S+\.jsonl", text), path
