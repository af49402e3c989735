"""`communique parse ... | communique validate -` and `| communique export -`, of any size."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from communique.sniff import lines, sniff
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "corpus"
SEED = ROOT / "seeds" / "limited-times-2023-02-15-unconditional-negotiations.txt"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def pipeline(first: list[str], second: list[str]) -> tuple[int, str, str]:
    """Run ``first | second`` (each a command line of python), return second's status,
    output and error."""
    writer = subprocess.Popen(first, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV)
    reader = subprocess.run(
        second, stdin=writer.stdout, capture_output=True, text=True, env=ENV, check=False
    )
    assert writer.stdout is not None
    writer.stdout.close()
    writer.wait(timeout=120)
    return reader.returncode, reader.stdout, reader.stderr


def communique(*args: str) -> list[str]:
    return [sys.executable, "-m", "communique.cli", *args]


def test_parse_into_validate() -> None:
    texts = [str(SEED), str(CORPUS / "moscow.txt"), str(CORPUS / "wire" / "geneva.txt")]
    status, out, err = pipeline(communique("parse", *texts), communique("validate", "-"))
    assert (0, "") == (status, out)
    assert "3 documents: 3 valid, 0 invalid" in err


def test_parse_into_export() -> None:
    texts = [str(SEED), str(CORPUS / "moscow.txt")]
    status, out, _ = pipeline(
        communique("parse", *texts), communique("export", "-", "--records", "actors")
    )
    assert 0 == status
    rows = list(csv.DictReader(io.StringIO(out)))
    assert 2 == len({row["document"] for row in rows})


def test_a_slow_writer_of_long_lines_is_read_whole() -> None:
    """The first line arrives in pieces, longer than any pipe buffer: it is waited for,
    not judged on what has come so far."""
    writer = (
        "import sys, time\n"
        'line = b\'{"schema_version": "1.0", "id": "a", "title": "\'\n'
        "line += b'x' * 300_000 + b'\"}\\n'\n"
        "for copy in range(3):\n"
        "    for start in range(0, len(line), 50_000):\n"
        "        sys.stdout.buffer.write(line[start:start + 50_000]); sys.stdout.flush()\n"
        "        time.sleep(0.01)\n"
    )
    status, out, err = pipeline([sys.executable, "-c", writer], communique("validate", "-"))
    assert (0, "") == (status, out)
    assert "3 documents: 3 valid, 0 invalid" in err


@pytest.mark.parametrize(
    ("data", "form"),
    [
        (b'{"a": 1}\n{"a": 2}\n', "jsonl"),
        (b'\n\n  \n{"a": 1}\n{"a": 2}\n', "jsonl"),
        (b'{"a": 1}', "jsonl"),
        (b'{\n "a": 1\n}\n', "json"),
        (b"", "json"),
        (b"not json\n", "json"),
    ],
)
def test_sniff_decides_on_the_first_non_blank_line(data: bytes, form: str) -> None:
    stream = io.BytesIO(data)
    found, head = sniff(stream, max_line_bytes=1000)
    assert form == found
    assert data == head + stream.read(), "what sniff read is handed back, nothing lost"


def test_an_overlong_first_line_is_one_document_too_large() -> None:
    stream = io.BytesIO(b"[" + b"1," * 100 + b"1]\n[2]\n")
    assert "json" == sniff(stream, max_line_bytes=50)[0]


def test_lines_after_sniffing_number_from_the_start() -> None:
    stream = io.BytesIO(b'\n{"a": 1}\n{"a": 2}\n')
    form, head = sniff(stream, max_line_bytes=1000)
    assert [b"\n", b'{"a": 1}\n', b'{"a": 2}\n'] == list(lines(head, stream, 1000))
    assert "jsonl" == form


def test_validate_dash_reports_the_line_of_a_bad_document_in_a_stream(tmp_path: Path) -> None:
    data = b'{"schema_version": "1.0", "id": "a"}\n{"schema_version": "1.0"}\n'
    result = subprocess.run(
        communique("validate", "-"), input=data, capture_output=True, env=ENV, check=False
    )
    assert 1 == result.returncode
    assert result.stdout.startswith(b"<stdin>:2: ")
