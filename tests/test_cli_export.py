"""`communique export --to FORMAT`: files or stdin, stdout or -o, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from communique.cli import main
from tests.conftest import ROOT
from tests.test_cli import run

FIXTURE = str(ROOT / "tests" / "data" / "document-1.0.json")


@pytest.mark.parametrize("form", ["plover", "w3c"])
def test_json_lines_formats_read_stdin_and_write_stdout(form: str) -> None:
    """With no FILE the Documents come from stdin; each output line is one JSON record."""
    result = run("export", "--to", form, stdin=Path(FIXTURE).read_bytes())
    assert (0, "") == (result.returncode, result.stderr)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines
    assert all(isinstance(line, dict) for line in lines)


def test_jsonld_to_a_file(tmp_path: Path) -> None:
    """-o writes the whole graph to the file and nothing to stdout."""
    out = tmp_path / "graph.jsonld"
    assert 0 == main(["export", FIXTURE, "--to", "jsonld", "-o", str(out)])
    data = json.loads(out.read_text("utf-8"))
    assert "urn:communique:context:1.1" == data["@context"]
    assert {"NewsArticle", "Country", "Quotation", "Event"} <= {n["type"] for n in data["graph"]}


def test_csv_and_tsv_stay_as_they_were(capsys: pytest.CaptureFixture[str]) -> None:
    """--format tsv and --to tsv write the same table; csv is the default."""
    assert 0 == main(["export", FIXTURE, "--format", "tsv", "--records", "events"])
    old = capsys.readouterr().out
    assert 0 == main(["export", FIXTURE, "--to", "tsv", "--records", "events"])
    assert old == capsys.readouterr().out
    assert old.startswith("document\tid\ttype\tmode\tlabel\tparticipants")
    assert 0 == main(["export", FIXTURE])
    assert capsys.readouterr().out.startswith("document,id,speaker,speaker_name")


def test_parquet_to_a_file(tmp_path: Path) -> None:
    """Parquet goes to -o; the file holds the event rows."""
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed ([parquet])")
    out = tmp_path / "events.parquet"
    assert 0 == main(["export", FIXTURE, "--to", "parquet", "--records", "events", "-o", str(out)])
    assert 2 == pq.read_table(out).num_rows


def test_parquet_without_pyarrow_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No pyarrow: exit 2 and one line that says what to install, no traceback."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert 2 == main(["export", FIXTURE, "--to", "parquet", "-o", str(tmp_path / "x.parquet")])
    err = capsys.readouterr().err
    assert "communique export: Parquet needs pyarrow: pip install 'communique[parquet]'\n" == err
    assert not (tmp_path / "x.parquet").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "plover", "--records", "events"], "--records applies to csv, tsv, parquet"),
        (["--to", "csv", "--format", "tsv"], "--to csv and --format tsv disagree"),
    ],
)
def test_contradictory_options_are_usage_errors(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Options that cannot both hold: exit 2 with one line naming them."""
    assert 2 == main(["export", FIXTURE, *args])
    err = capsys.readouterr().err
    assert message in err
    assert 1 == err.count("\n")


def test_a_broken_input_is_named_by_line(tmp_path: Path) -> None:
    """A line that is not a Document stops the export with FILE:LINE and exit 2."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text(Path(FIXTURE).read_text("utf-8").replace("\n", "") + "\n{\n", "utf-8")
    result = run("export", str(bad), "--to", "plover")
    assert 2 == result.returncode
    assert f"{bad}:2: /: invalid JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_parquet_to_a_pipe(tmp_path: Path) -> None:
    """Without -o, Parquet goes to a non-terminal standard output as bytes."""
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed ([parquet])")
    out = subprocess.run(
        [sys.executable, "-m", "communique.cli", "export", FIXTURE, "--to", "parquet"],
        capture_output=True,
        check=False,
    )
    assert 0 == out.returncode, out.stderr
    (tmp_path / "out.parquet").write_bytes(out.stdout)
    assert 1 == pq.read_table(tmp_path / "out.parquet").num_rows  # one statement


def test_export_streams_what_it_has_read_before_a_broken_line(tmp_path: Path) -> None:
    """Records of the documents before a broken line are written as they are read, and a
    failed export to -o leaves the target as it was (no partial file beside it)."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text(Path(FIXTURE).read_text("utf-8").replace("\n", "") + "\n{\n", "utf-8")
    result = run("export", str(bad), "--to", "plover")
    assert result.stdout.splitlines()  # the first document's records came out
    target = tmp_path / "out.jsonl"
    target.write_text("before\n", "utf-8")
    assert 2 == main(["export", str(bad), "--to", "plover", "-o", str(target)])
    assert "before\n" == target.read_text("utf-8")
    assert ["bad.jsonl", "out.jsonl"] == sorted(p.name for p in tmp_path.iterdir())


def test_export_to_a_file_keeps_a_symlink_and_takes_the_umask(tmp_path: Path) -> None:
    """-o through a symlink writes the file it points to; the mode is the umask's."""
    real = tmp_path / "real.csv"
    real.write_text("", "utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    previous = os.umask(0o022)
    try:
        assert 0 == main(["export", FIXTURE, "-o", str(link)])
        fresh = tmp_path / "fresh.csv"
        assert 0 == main(["export", FIXTURE, "-o", str(fresh)])
    finally:
        os.umask(previous)
    assert link.is_symlink()
    assert real.read_text("utf-8").startswith("document")
    assert 0o644 == fresh.stat().st_mode & 0o777
