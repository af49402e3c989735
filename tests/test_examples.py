"""Every script in examples/ runs as a user would run it, on the seed articles."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
WIKINEWS = ROOT / "seeds" / "wikinews"
SEED = next((ROOT / "seeds").glob("limited-times-*.txt"))


def run(script: str, *args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``examples/script`` in a child process with this checkout's communique."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=env,
    )


def _needs(module: str, extra: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (the [{extra}] extra)")


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Wikinews seeds parsed by examples/articles_to_jsonl.py."""
    out = tmp_path_factory.mktemp("examples") / "dataset.jsonl"
    result = run("articles_to_jsonl.py", WIKINEWS, out)
    assert (0, "") == (result.returncode, result.stderr)
    return out


def test_articles_to_jsonl_writes_one_valid_document_per_article(dataset: Path) -> None:
    """One line per .txt file, each a Document that `communique validate` accepts."""
    lines = dataset.read_text("utf-8").splitlines()
    assert len(list(WIKINEWS.glob("*.txt"))) == len(lines)
    check = subprocess.run(
        [sys.executable, "-m", "communique.cli", "validate", str(dataset)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert 0 == check.returncode, check.stdout


def test_who_said_what_prints_a_dated_statement_table(dataset: Path) -> None:
    """A CSV with a row per statement, dates first and in order."""
    _needs("pandas", "pandas")
    result = run("who_said_what.py", dataset)
    assert 0 == result.returncode, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    statements = sum(len(json.loads(line)["statements"]) for line in dataset.open("rb"))
    assert statements == len(rows)
    dates = [row["date"] for row in rows if row["date"]]
    assert dates
    assert sorted(dates) == dates
    assert all(row["speaker_name"] or row["content"] for row in rows)


def test_event_timeline_draws_a_png(dataset: Path, tmp_path: Path) -> None:
    """The plot is a PNG file, drawn without a display."""
    _needs("matplotlib", "examples")
    _needs("pandas", "pandas")
    out = tmp_path / "timeline.png"
    result = run("event_timeline.py", dataset, out)
    assert 0 == result.returncode, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_plover_export_from_text_and_from_a_dataset_agree(dataset: Path) -> None:
    """Parsing the articles or reading their dataset gives the same PLOVER records."""
    from_text = run("plover_export.py", *sorted(WIKINEWS.glob("*.txt")))
    from_dataset = run("plover_export.py", dataset)
    assert 0 == from_text.returncode == from_dataset.returncode, from_text.stderr
    records = [json.loads(line) for line in from_dataset.stdout.splitlines()]
    assert records
    assert all({"event", "actor", "recipient", "citation"} <= set(r) for r in records)
    assert from_text.stdout == from_dataset.stdout


def test_parse_and_validate_reports_the_seed() -> None:
    """The seed article parses into a valid Document with statements."""
    result = run("parse_and_validate.py", SEED)
    assert 0 == result.returncode, result.stdout
    assert "invalid" not in result.stdout
    assert result.stdout.count("\n- ") >= 1


@pytest.mark.parametrize(
    "script",
    [
        "parse_and_validate.py",
        "articles_to_jsonl.py",
        "who_said_what.py",
        "event_timeline.py",
        "plover_export.py",
    ],
)
def test_without_arguments_an_example_prints_its_usage(script: str) -> None:
    """No arguments: the usage line on stderr and exit 2, never a traceback."""
    result = run(script)
    assert 2 == result.returncode
    assert result.stderr.startswith("usage: python examples/")
    assert "Traceback" not in result.stderr
