"""Hostile JSON (issue 11): each file in tests/data/hostile is refused, in one line, never
with a traceback, by the command line, by validate and by loads alike."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from communique import LoadError, dumps, loads, validate
from communique.cli import main
from communique.strict_json import MAX_MESSAGE_CHARS, shown
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
HOSTILE = DATA / "hostile"
CASES: dict[str, dict[str, Any]] = tomllib.loads((DATA / "hostile.toml").read_text("utf-8"))


def printable(pointer: str) -> str:
    """A pointer as it can be written: a lone surrogate as its escape."""
    return pointer.encode("utf-8", "backslashreplace").decode("utf-8")


def test_every_hostile_file_has_a_case() -> None:
    """The table and the folder list the same files, so none goes untested."""
    assert sorted(CASES) == sorted(path.name for path in HOSTILE.iterdir())


@pytest.mark.parametrize("name", sorted(CASES))
def test_validate_command_refuses_each_file_in_one_line(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`communique validate FILE` exits as the table says, naming the problem and its pointer."""
    case, path = CASES[name], str(HOSTILE / name)
    status = main(["validate", path])
    out, err = capsys.readouterr()
    assert case["exit"] == status
    lines = out.splitlines()
    assert any(case["message"] in line for line in lines), out
    pointer = shown(printable(case["pointer"]))
    assert any(f": {pointer}: " in line for line in lines), out
    for line in lines:
        assert line.startswith(f"{path}:")
        assert len(line) <= len(path) + 10 + MAX_MESSAGE_CHARS
    assert "unusable input" in err if case["exit"] == 2 else "1 invalid" in err


@pytest.mark.parametrize("name", sorted(CASES))
def test_validate_and_loads_refuse_each_file_at_its_pointer(name: str) -> None:
    """validate(bytes) reports the problem at the table's pointer; loads raises LoadError."""
    case, raw = CASES[name], (HOSTILE / name).read_bytes()
    problems = validate(raw)
    assert case["pointer"] in [printable(problem.pointer) for problem in problems]
    assert (case["exit"] == 2) == any(problem.limit for problem in problems)
    with pytest.raises(LoadError):
        loads(raw)


def test_no_hostile_file_gives_a_traceback_in_a_child_process() -> None:
    """The installed command, run on every file at once, answers each in lines, exit 2."""
    result = subprocess.run(
        [sys.executable, "-m", "communique.cli", "validate", *map(str, sorted(HOSTILE.iterdir()))],
        capture_output=True,
        text=True,
        errors="replace",
        check=False,
    )
    assert 2 == result.returncode
    assert "Traceback" not in result.stdout + result.stderr
    assert {str(HOSTILE / name) for name in CASES} == {
        line.split(":")[0] for line in result.stdout.splitlines()
    }
    assert f"0 valid, {sum(c['exit'] == 1 for c in CASES.values())} invalid" in result.stderr


def test_export_refuses_a_hostile_file_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """`communique export` reads as strictly as validate: a duplicate key is exit 2."""
    path = str(HOSTILE / "duplicate-text.json")
    assert 2 == main(["export", path])
    err = capsys.readouterr().err
    assert [f"communique export: {path}:10: /text: duplicate key 'text' "
            f"(run 'communique validate {path}')"] == err.splitlines()  # fmt: skip


def test_a_byte_order_mark_is_skipped_by_validate_loads_and_parse(tmp_path: Path) -> None:
    """A UTF-8 BOM at the start is accepted and skipped, as `communique parse` skips it."""
    raw = (DATA / "bom.json").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert [] == validate(raw)
    assert dumps(loads(raw)) == raw[3:].decode("utf-8")
    assert 0 == main(["validate", str(DATA / "bom.json")])
    article = tmp_path / "article.txt"
    article.write_bytes(b"\xef\xbb\xbfRussia said talks resume.")
    output = tmp_path / "out.jsonl"
    assert 0 == main(["parse", str(article), "-o", str(output)])
    assert "Russia said talks resume." == loads(output.read_bytes()).text


@pytest.mark.parametrize(
    ("flag", "value", "name"),
    [
        ("--max-depth", "256", "nested-65-in-extensions.json"),
        ("--max-number-chars", "200", "int-101-digits-in-extensions.json"),
    ],
)
def test_a_limit_raised_on_the_command_line_lets_a_document_through(
    flag: str, value: str, name: str
) -> None:
    """A file refused under the default limit is valid once the user raises it."""
    assert 0 == main(["validate", flag, value, str(HOSTILE / name)])


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        (
            "--max-string-chars",
            "20",
            "/text: string longer than 20 characters (see --max-string-chars)",
        ),
        ("--max-document-bytes", "100", "/: larger than 100 bytes (see --max-document-bytes)"),
        ("--max-depth", "5", "/extensions/a/b/c/d: nested deeper than 5 levels (see --max-depth)"),
        ("--max-number-chars", "2", "/extensions/n: number longer than 2 characters"),
    ],
)
def test_a_limit_lowered_on_the_command_line_refuses_a_document(
    flag: str, value: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A valid document passes a lowered limit no more: exit 2, the flag named."""
    path = tmp_path / "deep.json"
    extensions = {"n": 100, "a": {"b": {"c": {"d": {}}}}}
    data = {"schema_version": "1.0", "id": "deep", "text": "a text of 25 characters..."}
    path.write_text(dumps(loads(json.dumps({**data, "extensions": extensions}))))
    assert 0 == main(["validate", str(path)])
    assert 2 == main(["validate", flag, value, str(path)])
    assert message in capsys.readouterr().out


def test_a_limit_out_of_range_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--max-depth above the proven ceiling is refused in one line before reading."""
    assert 2 == main(["validate", "--max-depth", "100000", str(DATA / "bom.json")])
    assert "max_depth must be from 5 to 256, got 100000" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "line"), [("{\n", 1), ('{"a": 1,\n\n', 1), ('{\n "a": \n}\n', 3)]
)
def test_an_error_at_the_end_is_on_the_last_line_with_text(text: str, line: int) -> None:
    """A document cut short is reported on its last written line, not the empty one after."""
    with pytest.raises(LoadError) as caught:
        loads(text)
    assert line == caught.value.line
