"""The inputs of a corpus run: folders, globs, JSON Lines article records, standard input."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.corpus import (
    Article,
    Failure,
    InputError,
    Source,
    field_names,
    read_inputs,
)
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "corpus"


def labels(items: list[Article | Failure]) -> list[str]:
    return [
        ("ok " if isinstance(item, Article) else "failed ") + item.source.label() for item in items
    ]


def test_a_folder_is_walked_recursively_in_name_order_by_the_default_globs() -> None:
    """Text and JSON Lines files, subfolders after files, other files left alone."""
    items = list(read_inputs([str(CORPUS)]))
    top, wire = str(CORPUS), str(CORPUS / "wire")
    assert [
        f"ok {top}/articles.jsonl:1",
        f"ok {top}/articles.jsonl:2",
        f"failed {top}/articles.jsonl:3",
        f"failed {top}/articles.jsonl:4",
        f"ok {top}/articles.jsonl:6",
        f"failed {top}/empty.txt",
        f"ok {top}/moscow.txt",
        f"ok {wire}/geneva.txt",
        f"failed {wire}/latin1.txt",
    ] == labels(items)


def test_glob_chooses_the_files_of_a_folder() -> None:
    items = list(read_inputs([str(CORPUS)], globs=["g*.txt", "m*.txt"]))
    assert [f"ok {CORPUS}/moscow.txt", f"ok {CORPUS}/wire/geneva.txt"] == labels(items)


def test_a_folder_without_matching_files_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    [item] = read_inputs([str(tmp_path)])
    assert isinstance(item, Failure)
    assert "no files matching *.txt *.jsonl *.jsonl.gz" in item.reason


def test_a_record_keeps_its_own_date_title_outlet_id_and_url() -> None:
    first, second, *_, last = read_inputs([str(CORPUS / "articles.jsonl")])
    assert isinstance(first, Article)
    assert Source(str(CORPUS / "articles.jsonl"), 1, "a1", "https://example.org/a1") == (
        first.source
    )
    assert ("2004-11-17", "Japan demands apology", "Example Wire") == (
        first.published,
        first.title,
        first.outlet,
    )
    assert isinstance(second, Article)
    assert (None, None) == (second.title, second.outlet)
    assert isinstance(last, Article)
    assert "5" == last.source.id, "a numeric id is kept as its digits"


def test_each_bad_record_is_a_failure_naming_its_line_and_the_rest_are_read() -> None:
    items = list(read_inputs([str(CORPUS / "articles.jsonl")]))
    failures = {item.source.line: item.reason for item in items if isinstance(item, Failure)}
    assert failures[3].startswith("invalid JSON: ")
    assert (
        "no 'text' field holding the article text; name it with --field text=NAME" == (failures[4])
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"[1, 2]", "an article record is a JSON object"),
        (b'{"text": ""}', "empty 'text': there is no article text to parse"),
        (b'{"text": 3}', "field 'text' (text) is not a string"),
        (b'{"text": "x", "published": 2004}', "field 'published' (published) is not a string"),
        (b'{"text": "caf\xe9"}', "not UTF-8 (byte 0xe9 at offset 13)"),
        (b"[" * 100_000, "invalid JSON: nested too deep"),
    ],
)
def test_unusable_records_are_failures_with_a_reason(
    tmp_path: Path, line: bytes, reason: str
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(line + b"\n")
    [item] = read_inputs([str(path)])
    assert isinstance(item, Failure)
    assert reason == item.reason


def test_field_renames_the_record_fields(tmp_path: Path) -> None:
    path = tmp_path / "scraped.jsonl"
    path.write_text('{"uid": "x", "body": "The envoy said so.", "date": "2020-01-02"}\n')
    fields = field_names(["text=body", "id=uid", "published=date"])
    [item] = read_inputs([str(path)], fields=fields)
    assert isinstance(item, Article)
    assert ("x", "The envoy said so.", "2020-01-02") == (item.source.id, item.text, item.published)


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        ("text", "write FIELD=NAME"),
        ("body=text", "FIELD is one of id, text, published, title, url, outlet"),
    ],
)
def test_field_refuses_what_it_cannot_use(pair: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        field_names([pair])


def test_gzipped_json_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "The envoy said so."}\n'))
    [item] = read_inputs([str(path)])
    assert isinstance(item, Article)
    assert "The envoy said so." == item.text


def test_a_broken_gzip_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "The envoy said so."}\n')[:-12])
    items = list(read_inputs([str(path)]))
    assert isinstance(items[-1], Failure)
    assert items[-1].reason.startswith("cannot read: ")


@pytest.mark.parametrize(
    ("data", "texts"),
    [
        (b"Title\n\nThe envoy said so.\n", ["Title\n\nThe envoy said so.\n"]),
        (b'{"text": "One."}\n{"text": "Two."}\n', ["One.", "Two."]),
        (b'{"not": "a record"}\nrest', ['{"not": "a record"}\nrest']),
    ],
    ids=["text", "records", "JSON that is no record"],
)
def test_standard_input_is_records_when_its_first_line_is_one(
    data: bytes, texts: list[str]
) -> None:
    items = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert texts == [item.text for item in items if isinstance(item, Article)]
    assert all(item.source.path == "-" for item in items)


def test_input_format_overrides_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text('{"text": "One."}\n')
    [as_text] = read_inputs([str(path)])
    [as_record] = read_inputs([str(path)], input_format="jsonl")
    assert isinstance(as_text, Article)
    assert isinstance(as_record, Article)
    assert ('{"text": "One."}\n', "One.") == (as_text.text, as_record.text)


def test_a_missing_file_is_a_failure() -> None:
    [item] = read_inputs(["no-such-file.txt"])
    assert isinstance(item, Failure)
    assert "cannot read: No such file or directory" == item.reason


@given(st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b" ")), max_size=8))
def test_every_non_blank_jsonl_line_gives_exactly_one_item(lines: list[bytes]) -> None:
    """Whatever the bytes, reading never raises and no line is dropped silently."""
    items = list(read_inputs(["-"], input_format="jsonl", stdin=io.BytesIO(b"\n".join(lines))))
    numbered = [number for number, line in enumerate(lines, 1) if line.strip()]
    if numbered:
        assert numbered == [item.source.line for item in items]
    else:
        assert 1 == len(items)
        assert isinstance(items[0], Failure)


def test_a_folder_that_cannot_be_listed_is_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """os.walk skips what it cannot list unless told; here it is told, and says so."""
    (tmp_path / "a.txt").write_text("The envoy said so.")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: str) -> Any:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_inputs([str(tmp_path)]))
    assert [f"ok {tmp_path}/a.txt", f"failed {locked}"] == labels(items)
    assert isinstance(items[1], Failure)
    assert "cannot read: Permission denied" == items[1].reason
