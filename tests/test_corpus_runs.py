"""`communique parse` over a corpus: nothing lost, all cores, safe output, resumable runs."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique import loads
from communique.cli import main
from communique.corpus import Failure, read_inputs
from communique.runner import Settings, run
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "corpus"
SEED = ROOT / "seeds" / "limited-times-2023-02-15-unconditional-negotiations.txt"


def command(*args: str, **options: object) -> subprocess.Popen[bytes]:
    """Start the command line in a child process, as a user would at a terminal: with
    Ctrl-C at its default even when the tests run where it is ignored (a background job
    of a shell ignores SIGINT, and a child inherits that)."""
    options = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **options}
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "communique.cli", *args],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        preexec_fn=_ctrl_c_at_default,
        **options,
    )


def _ctrl_c_at_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def big_corpus(tmp_path: Path, count: int) -> str:
    """``count`` article records (the seed article, each with its own id)."""
    text = SEED.read_text("utf-8")
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for number in range(count):
            stream.write(json.dumps({"id": f"n{number}", "text": text}) + "\n")
    return str(path)


def test_a_mixed_corpus_counts_every_input_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """in = out + failed, over good files, records, a non-UTF-8 file, an empty one, a
    broken JSON Lines line; each failure is one --errors line naming its input."""
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    status = main(["parse", str(CORPUS), "-o", str(out), "--errors", str(errors)])
    assert 2 == status, "a failed input is exit status 2"
    documents = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    failed = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert 9 == len(documents) + len(failed)
    assert [
        ("articles.jsonl", 3, None),
        ("articles.jsonl", 4, "a4"),
        ("empty.txt", None, None),
        ("latin1.txt", None, None),
    ] == [(Path(f["path"]).name, f["line"], f["id"]) for f in failed]
    assert all(f["reason"] for f in failed)
    inputs = [document["extensions"]["input"] for document in documents]
    assert ["a1", "a2", "5", None, None] == [source["id"] for source in inputs]
    assert ["moscow.txt", "geneva.txt"] == [Path(s["path"]).name for s in inputs[3:]]
    err = capsys.readouterr().err
    summary = err.splitlines()[-1]
    assert summary.startswith("communique parse: 9 in, 5 documents out, 4 failed; records: ")
    for kind in ("actors", "statements", "proposals", "events"):
        total = sum(len(document[kind]) for document in documents)
        assert f"{total} {kind}" in summary
    assert 4 == err.count("latin1.txt: not UTF-8") + err.count(": empty file") + err.count(
        "articles.jsonl:3: invalid JSON"
    ) + err.count("articles.jsonl:4: no 'text' field")


def test_a_record_is_parsed_with_its_own_publication_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each record's `published` wins over --published, which serves the others."""
    main(["parse", str(CORPUS / "articles.jsonl"), str(SEED), "--published", "2020-01-01"])
    lines = [loads(line) for line in capsys.readouterr().out.splitlines()]
    assert ["2004-11-17", "2005-01-03", "2004-11-23T10:00:00Z", "2020-01-01"] == [
        document.published for document in lines
    ]
    assert ("Japan demands apology", "Example Wire") == (lines[0].title, lines[0].outlet)
    assert {"path": str(SEED), "line": None, "id": None, "url": None} == (
        lines[3].extensions["input"]
    )


def test_a_record_with_an_unreadable_date_fails_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "One said so.", "published": "soon"}\n{"text": "Two."}\n')
    assert 2 == main(["parse", str(path)])
    captured = capsys.readouterr()
    assert 1 == len(captured.out.splitlines())
    assert "a.jsonl:1: " in captured.err
    assert "is not an ISO 8601 date or date-time" in captured.err


@pytest.mark.parametrize("jobs", ["2", "0"])
def test_jobs_give_the_same_bytes_as_one_process(tmp_path: Path, jobs: str) -> None:
    corpus = [str(CORPUS), big_corpus(tmp_path, 40), str(SEED)]
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    errors_one, errors_many = tmp_path / "e1.jsonl", tmp_path / "e2.jsonl"
    main(["parse", *corpus, "-o", str(one), "--errors", str(errors_one), "-q"])
    main(["parse", *corpus, "-o", str(many), "--errors", str(errors_many), "-q", "-j", jobs])
    assert 46 == len(one.read_bytes().splitlines())
    assert one.read_bytes() == many.read_bytes()
    assert errors_one.read_bytes() == errors_many.read_bytes()


def test_output_mode_follows_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    previous = os.umask(0o027)
    try:
        main(["parse", str(SEED), "-o", str(out), "-q"])
    finally:
        os.umask(previous)
    assert 0o640 == out.stat().st_mode & 0o777


def test_output_through_a_symlink_writes_the_file_it_points_to(tmp_path: Path) -> None:
    target = tmp_path / "data" / "out.jsonl"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(target)
    assert 0 == main(["parse", str(SEED), "-o", str(link), "-q"])
    assert link.is_symlink()
    assert "The Limited Times" == loads(target.read_text("utf-8")).outlet


def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The target is a folder: the rename fails, the partial file is removed."""
    (tmp_path / "out").mkdir()
    assert 2 == main(["parse", str(SEED), "-o", str(tmp_path / "out"), "-q"])
    assert "out: cannot write: Is a directory" in capsys.readouterr().err
    assert ["out"] == sorted(path.name for path in tmp_path.iterdir())


def test_a_left_partial_file_is_not_overwritten_without_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "out.jsonl.partial").write_text("earlier work\n")
    assert 2 == main(["parse", str(SEED), "-o", str(tmp_path / "out.jsonl")])
    assert "an interrupted run's output; continue it with --resume" in capsys.readouterr().err
    assert "earlier work\n" == (tmp_path / "out.jsonl.partial").read_text()
    assert not (tmp_path / "out.jsonl").exists()


def test_lines_come_out_as_documents_finish(tmp_path: Path) -> None:
    """The first line is there to read while the run is still going."""
    child = command("parse", big_corpus(tmp_path, 40), "--jobs", "2")
    assert child.stdout is not None
    first = child.stdout.readline()
    still_running = child.poll() is None
    rest, _ = child.communicate(timeout=120)
    assert still_running
    assert "n0" == json.loads(first)["extensions"]["input"]["id"]
    assert 39 == len(rest.splitlines())


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    """`communique parse ... | head -1`: no traceback, no waiting for the rest."""
    child = command("parse", big_corpus(tmp_path, 40), "--jobs", "2")
    assert child.stdout is not None
    child.stdout.readline()
    child.stdout.close()
    _, err = child.communicate(timeout=60)
    assert b"Traceback" not in err
    assert 0 == child.returncode


def test_a_worker_that_dies_keeps_the_work_for_resume(tmp_path: Path) -> None:
    corpus = big_corpus(tmp_path, 60)
    out = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    child = command("parse", corpus, "-o", str(out), "--jobs", "2")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (
        not partial.exists() or partial.read_bytes().count(b"\n") < 2
    ):
        time.sleep(0.05)
    children = Path(f"/proc/{child.pid}/task/{child.pid}/children").read_text().split()
    os.kill(int(children[0]), signal.SIGKILL)
    _, err = child.communicate(timeout=120)
    assert 2 == child.returncode
    assert b"a worker process died" in err
    assert b"run again with --resume" in err
    assert b"Traceback" not in err
    assert 0 == main(["parse", corpus, "-o", str(out), "--resume", "-q"])
    whole = tmp_path / "whole.jsonl"
    main(["parse", corpus, "-o", str(whole), "-q"])
    assert whole.read_bytes() == out.read_bytes()


def test_field_glob_and_input_format_reach_the_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "day1.ndjson").write_text('{"body": "The envoy said so.", "uid": "u1"}\n')
    (folder / "notes.txt").write_text("not an article record")
    args = ["parse", str(folder), "--glob", "*.ndjson", "--field", "text=body"]
    assert 0 == main([*args, "--field", "id=uid", "--input-format", "jsonl", "-q"])
    [line] = capsys.readouterr().out.splitlines()
    assert "u1" == json.loads(line)["extensions"]["input"]["id"]


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--jobs", "-1"], "give a number of processes, 0 for all"),
        (["--field", "body"], "write FIELD=NAME"),
    ],
)
def test_parse_refuses_unusable_flags(
    flags: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        status = main(["parse", str(SEED), *flags])
    except SystemExit as exit:  # argparse's own refusal
        status = int(str(exit.code))
    assert 2 == status
    assert message in capsys.readouterr().err


def test_resume_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == main(["parse", str(SEED), "--resume"])
    assert "--resume continues an output file: give it with -o OUT" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("stop", "jobs"), [(signal.SIGTERM, "1"), (signal.SIGINT, "2")], ids=["SIGTERM", "Ctrl-C"]
)
def test_an_interrupted_run_keeps_its_work_and_resume_finishes_it(
    tmp_path: Path, stop: signal.Signals, jobs: str
) -> None:
    """Stopped mid-run, the finished Documents stay in OUT.partial; --resume (after a hard
    kill tore the last line) adds the rest: the same bytes as a run never stopped."""
    corpus = big_corpus(tmp_path, 60)
    out = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    child = command("parse", corpus, "-o", str(out), "-j", jobs)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (
        not partial.exists() or partial.read_bytes().count(b"\n") < 3
    ):
        time.sleep(0.05)
    child.send_signal(stop)
    _, err = child.communicate(timeout=120)
    assert 128 + stop == child.returncode
    assert b"interrupted" in err
    assert b"run again with --resume" in err
    assert b"Traceback" not in err
    assert not out.exists()
    kept = partial.read_bytes().count(b"\n")
    assert 3 <= kept < 60
    with partial.open("ab") as stream:
        stream.write(b'{"schema_version":"1.0","id":"torn')
    finished = subprocess.run(
        [sys.executable, "-m", "communique.cli", "parse", corpus, "-o", str(out), "--resume"],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert 0 == finished.returncode, finished.stderr
    assert f"60 in, 60 documents out, 0 failed ({kept} from the interrupted run)".encode() in (
        finished.stderr
    )
    assert not partial.exists()
    whole = tmp_path / "whole.jsonl"
    main(["parse", corpus, "-o", str(whole), "-q"])
    assert whole.read_bytes() == out.read_bytes()


def test_resume_skips_the_inputs_in_the_errors_file_too(tmp_path: Path) -> None:
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    main(["parse", str(CORPUS), "-o", str(out), "--errors", str(errors), "-q"])
    whole, failed = out.read_bytes(), errors.read_bytes()
    Path(f"{out}.partial").write_bytes(b"".join(whole.splitlines(keepends=True)[:2]))
    Path(f"{errors}.partial").write_bytes(failed.splitlines(keepends=True)[0])
    out.unlink()
    errors.unlink()
    main(["parse", str(CORPUS), "-o", str(out), "--errors", str(errors), "--resume", "-q"])
    assert (whole, failed) == (out.read_bytes(), errors.read_bytes())


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal, tqdm's bar with documents per second; in a pipe, only the summary."""
    piped = command("parse", str(SEED))
    _, err = piped.communicate(timeout=60)
    assert [b"communique parse: 1 in"] == [line[:22] for line in err.splitlines()]
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    on_tty = command("parse", str(SEED), stderr=follower)
    on_tty.communicate(timeout=60)
    os.close(follower)
    shown = os.read(leader, 65536)
    os.close(leader)
    assert b"documents/s" in shown
    quiet = command("parse", str(SEED), "--quiet")
    _, err = quiet.communicate(timeout=60)
    assert b"" == err


def test_run_counts_records_by_type() -> None:
    lines: list[str] = []
    summary = run(read_inputs([str(SEED)]), Settings(), write=lines.append)
    document = loads(lines[0])
    counts = [len(document.actors), len(document.statements), len(document.proposals)]
    assert (1, 1, 0, [*counts, len(document.events)]) == (
        summary.inputs,
        summary.documents,
        summary.failed,
        summary.records,
    )
    assert all(counts)


@settings(max_examples=25, deadline=None)
@given(
    files=st.lists(st.binary(max_size=60), min_size=1, max_size=4),
    records=st.lists(st.binary(max_size=60).map(lambda b: b.replace(b"\n", b" ")), max_size=4),
)
def test_every_input_is_counted_once_whatever_its_bytes(
    files: list[bytes], records: list[bytes]
) -> None:
    """in = out + failed, and every outcome is either a line or a named failure."""
    with tempfile.TemporaryDirectory() as name:
        for number, content in enumerate(files):
            Path(name, f"{number}.txt").write_bytes(content)
        Path(name, "r.jsonl").write_bytes(b"\n".join(records))
        lines: list[str] = []
        failures: list[Failure] = []
        summary = run(
            read_inputs([name]), Settings(), write=lines.append, on_failure=failures.append
        )
    expected = len(files) + (sum(1 for line in records if line.strip()) or 1)
    assert expected == summary.inputs == summary.documents + summary.failed
    assert (len(lines), len(failures)) == (summary.documents, summary.failed)


def test_resume_keeps_an_input_named_twice_twice(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    main(["parse", str(SEED), str(SEED), "-o", str(out), "-q"])
    whole = out.read_bytes()
    Path(f"{out}.partial").write_bytes(whole.splitlines(keepends=True)[0])
    out.unlink()
    main(["parse", str(SEED), str(SEED), "-o", str(out), "-q", "--resume"])
    assert whole == out.read_bytes()


def test_run_works_outside_the_main_thread() -> None:
    """A library caller's worker thread can run a corpus (no signal handler is set there)."""
    from concurrent.futures import ThreadPoolExecutor

    lines: list[str] = []
    with ThreadPoolExecutor(1) as pool:
        summary = pool.submit(
            run, read_inputs([str(SEED)]), Settings(), write=lines.append
        ).result()
    assert (1, 1) == (summary.documents, len(lines))
