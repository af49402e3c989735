"""The communique command: exit codes, one-line errors, and no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique import dumps, loads
from communique.cli import main
from communique.schema import schema_text
from tests.conftest import GOLD, ROOT, gold_files, needs_gold

SEED = ROOT / "seeds" / "limited-times-2023-02-15-unconditional-negotiations.txt"
VALID = '{"schema_version": "1.0", "id": "a"}'


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    """Run the installed command line in a child process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "communique.cli", *args],
        input=stdin.decode("utf-8", "surrogateescape"),
        capture_output=True,
        text=True,
        errors="surrogateescape",
        check=False,
    )


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


def test_schema_prints_the_packaged_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """`communique schema` prints the schema file exactly."""
    assert 0 == main(["schema"])
    assert schema_text() == capsys.readouterr().out


def test_parse_the_seed_gives_a_valid_document(tmp_path: Path) -> None:
    """The quick start: parse the bundled seed article, then validate the result."""
    out = tmp_path / "seed.jsonl"
    assert 0 == main(["parse", str(SEED), "-o", str(out)])
    document = loads(out.read_text("utf-8"))
    assert "The Limited Times" == document.outlet
    assert "2023-02-15T05:28:59.693Z" == document.published
    assert "hk1" == document.origin
    assert 0 == main(["validate", str(out)])


def test_parse_writes_one_line_per_file_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Several inputs give JSON Lines in input order."""
    first = write(tmp_path, "a.txt", "First title\n\nBody one.")
    second = write(tmp_path, "b.txt", "Second title\n\nBody two.")
    assert 0 == main(["parse", first, second, "--published", "2023-02-15"])
    lines = capsys.readouterr().out.splitlines()
    assert ["First title", "Second title"] == [json.loads(line)["title"] for line in lines]
    assert {"2023-02-15"} == {json.loads(line)["published"] for line in lines}


def test_parse_reads_stdin() -> None:
    """With no FILE, the article comes from standard input."""
    result = run("parse", stdin=b"A title\n\nThe body.")
    assert 0 == result.returncode
    assert "A title" == json.loads(result.stdout)["title"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfeNot text", "not UTF-8 text (byte 0xff at offset 0)"),
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
    ],
    ids=["invalid UTF-8", "empty", "blank"],
)
def test_parse_refuses_unusable_files_in_one_line(
    tmp_path: Path, content: bytes, message: str
) -> None:
    """Bad input files: exit 2, one line on stderr, no traceback, the other files still done."""
    good = write(tmp_path, "good.txt", "Title\n\nBody.")
    bad = write(tmp_path, "bad.txt", content)
    result = run("parse", good, bad, "--quiet")
    assert 2 == result.returncode
    assert [f"communique parse: {bad}: "] == [
        line[: len(bad) + 20] for line in result.stderr.splitlines()
    ]
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert 1 == len(result.stdout.splitlines())


def test_parse_refuses_a_published_date_it_cannot_read(tmp_path: Path) -> None:
    """--published must be ISO 8601; a clear message says so."""
    result = run("parse", write(tmp_path, "a.txt", "Body."), "--published", "yesterday")
    assert 2 == result.returncode
    assert "is not an ISO 8601 date or date-time" in result.stderr


def test_parse_missing_file() -> None:
    """A file that is not there is named, with exit 2."""
    result = run("parse", "no-such-file.txt")
    assert 2 == result.returncode
    assert "no-such-file.txt: cannot read" in result.stderr


@needs_gold
def test_validate_accepts_the_gold_files() -> None:
    """`communique validate ../shared/gold/*.json` exits 0."""
    assert 0 == main(["validate", *map(str, gold_files())])


def test_validate_reports_file_line_pointer_message(tmp_path: Path) -> None:
    """Problems are FILE:LINE: /pointer: message, every one, with exit 1."""
    bad = json.dumps({"schema_version": "1.0", "id": 5, "title": 7})
    path = write(tmp_path, "data.jsonl", f"{VALID}\n{bad}\n")
    result = run("validate", path)
    assert 1 == result.returncode
    assert [
        f"{path}:2: /id: 5 is not of type 'string'",
        f"{path}:2: /title: 7 is not of type 'string', 'null'",
    ] == result.stdout.splitlines()
    assert "2 documents: 1 valid, 1 invalid" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b'{"id": ', "invalid JSON"),
        (b'{"id": "\xff"}', "not UTF-8"),
        (b"[" * 100_000, "nested deeper than 64 levels"),
    ],
    ids=["empty", "broken JSON", "invalid UTF-8", "nested 100,000 deep"],
)
def test_validate_unusable_input_exits_2_in_one_line(
    tmp_path: Path, content: bytes, message: str
) -> None:
    """Input that is not JSON at all: exit 2 and one clear line, never a traceback."""
    path = write(tmp_path, "data.json", content)
    result = run("validate", path)
    assert 2 == result.returncode
    assert 1 == len(result.stdout.splitlines())
    assert message in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_a_50_mb_line(tmp_path: Path) -> None:
    """A 50 MB document is read and checked like any other, not refused or crashed on."""
    text = "x" * (50 * 1024 * 1024)
    document = {"schema_version": "1.0", "id": "big", "text": text, "text_sha256": "0" * 64}
    path = write(tmp_path, "big.jsonl", json.dumps(document) + "\n" + VALID + "\n")
    result = run("validate", path)
    assert 1 == result.returncode
    assert f"{path}:1: /text_sha256: does not match text" in result.stdout


def test_validate_max_line_bytes_refuses_a_longer_line_and_goes_on(tmp_path: Path) -> None:
    """A line over --max-line-bytes is unusable (exit 2); the lines after it are still read."""
    big = json.dumps({"schema_version": "1.0", "id": "x" * 2000})
    path = write(tmp_path, "data.jsonl", f"{big}\n{VALID}\n")
    result = run("validate", "--max-line-bytes", "1000", path)
    assert 2 == result.returncode
    assert [f"{path}:1: line longer than 1000 bytes (see --max-document-bytes)"] == (
        result.stdout.splitlines()
    )
    assert "1 document: 1 valid, 0 invalid; 1 unusable input" in result.stderr


def test_validate_reads_stdin_as_json_or_jsonl() -> None:
    """`-` reads standard input, one document or JSON Lines."""
    assert 0 == run("validate", "-", stdin=VALID.encode()).returncode
    both = run("validate", "-", stdin=f"{VALID}\n{VALID}\n".encode())
    assert 0 == both.returncode
    assert "2 documents: 2 valid" in both.stderr


@needs_gold
def test_validate_a_hand_broken_gold_copy_names_the_pointer(tmp_path: Path) -> None:
    """A gold file with a dangling speaker exits 1 and names /statements/0/speaker."""
    data = json.loads(
        (GOLD / "limited-times-2023-02-15-unconditional-negotiations.json").read_text()
    )
    data["statements"][0]["speaker"] = "nobody"
    path = write(tmp_path, "broken.json", json.dumps(data))
    result = run("validate", path)
    assert 1 == result.returncode
    assert [f"{path}:1: /statements/0/speaker: no actor has id 'nobody'"] == (
        result.stdout.splitlines()
    )


def test_parse_output_round_trips(tmp_path: Path) -> None:
    """What parse prints is canonical: loading and dumping it changes nothing."""
    result = run("parse", str(SEED))
    document = loads(result.stdout)
    assert document == loads(dumps(document))


def test_export_writes_a_table(tmp_path: Path) -> None:
    """`communique export` turns parsed Documents into CSV with a header."""
    parsed = tmp_path / "seed.jsonl"
    assert 0 == main(["parse", str(SEED), "-o", str(parsed)])
    table = tmp_path / "actors.csv"
    assert 0 == main(["export", str(parsed), "--records", "actors", "-o", str(table)])
    header = table.read_text("utf-8").splitlines()[0]
    assert "document,id,kind,name,aliases,title,country,sector,mentions" == header


def test_export_refuses_an_invalid_document_in_one_line(tmp_path: Path) -> None:
    """A document that does not load is named by file and line, with exit 2."""
    path = write(tmp_path, "data.jsonl", f'{VALID}\n{{"schema_version": "1.0", "id": 5}}\n')
    result = run("export", path)
    assert 2 == result.returncode
    assert f"{path}:2: expected str, got int @ $.id" in result.stderr
    assert 1 == len(result.stderr.splitlines())


DICTIONARY = (
    '{"name": "Joe Biden", "aliases": ["Biden"], "kind": "person", "country": "USA", '
    '"sector": "GOV", "roles": [{"title": "President", "start": "2021-01-20", '
    '"end": "2025-01-20"}]}\n'
)


@pytest.mark.parametrize(
    ("published", "title"), [("2023-02-15", "President"), ("2026-02-15", None)]
)
def test_parse_with_an_actor_dictionary_dates_its_roles(
    tmp_path: Path, published: str, title: str | None
) -> None:
    """--actors: a role holds only within its dates ("President" Biden in 2023, not 2026)."""
    actors = write(tmp_path, "actors.jsonl", DICTIONARY)
    article = write(tmp_path, "a.txt", "Talks\n\nBiden said the talks would resume on Monday.")
    result = run("parse", article, "--actors", actors, "--published", published)
    assert 0 == result.returncode
    (biden,) = [a for a in loads(result.stdout).actors if a.name == "Joe Biden"]
    assert (title, "USA") == (biden.title, biden.country)


@pytest.mark.parametrize(
    ("content", "message"),
    [("garbage\n", "line 1: not JSON"), ('{"aliases": []}\n', "line 1")],
    ids=["not JSON", "no name"],
)
def test_parse_refuses_a_bad_actor_dictionary(tmp_path: Path, content: str, message: str) -> None:
    """A dictionary that cannot be read is named in one line, exit 2, nothing parsed."""
    actors = write(tmp_path, "actors.jsonl", content)
    result = run("parse", str(SEED), "--actors", actors)
    assert 2 == result.returncode
    assert 1 == len(result.stderr.splitlines())
    assert message in result.stderr
    assert "" == result.stdout


@pytest.mark.parametrize(("flags", "speakers"), [((), []), (("--unnamed-sources",), [None])])
def test_parse_unnamed_sources_only_on_request(
    tmp_path: Path, flags: tuple[str, ...], speakers: list[str | None]
) -> None:
    """--unnamed-sources keeps 'sources said' as a statement with a null speaker."""
    article = write(
        tmp_path, "a.txt", "Talks\n\nThe convoy was stopped at the border, sources said."
    )
    result = run("parse", article, *flags)
    assert 0 == result.returncode
    assert speakers == [s.speaker for s in loads(result.stdout).statements]


def test_parse_with_a_lexicon_file_learns_a_reporting_verb(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--lexicon FILE.toml` lays a user's words over the packaged lexicon."""
    article = write(
        tmp_path,
        "a.txt",
        "Foreign Minister Anna Berg opined that the talks would resume in March.",
    )
    words = write(tmp_path, "mine.toml", '[cues.cues.speech]\nforms = ["opined"]\n')
    assert 0 == main(["parse", article])
    assert () == loads(capsys.readouterr().out).statements
    assert 0 == main(["parse", article, "--lexicon", words])
    assert ["opined"] == [s.cue for s in loads(capsys.readouterr().out).statements]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[cues\n", "is not valid TOML"),
        ('[cues.cues.speach]\nforms = ["opined"]\n', "lexicon.cues.cues.speach: missing act"),
        ("[verbs]\n", "unknown lexicon table verbs"),
    ],
)
def test_parse_refuses_a_broken_lexicon_in_one_line(
    tmp_path: Path, content: str, message: str
) -> None:
    """A lexicon file that cannot be used exits 2 with one line naming the problem."""
    article = write(tmp_path, "a.txt", "Talks resume.")
    words = write(tmp_path, "mine.toml", content)
    done = run("parse", article, "--lexicon", words)
    assert 2 == done.returncode
    assert message in done.stderr
    assert 1 == len(done.stderr.strip().splitlines())
    assert "" == done.stdout


def test_version_is_answered_without_loading_the_commands() -> None:
    """`communique --version` prints the version and loads neither records nor parser."""
    code = (
        "import sys; from communique.cli import main; status = main(['--version']); "
        "print(status, sorted(m for m in sys.modules if m.startswith('communique.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    version, loaded = result.stdout.splitlines()
    assert version.startswith("communique ")
    assert "0 ['communique._version', 'communique.cli']" == loaded
