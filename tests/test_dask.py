"""communique.dask on a LocalCluster of two worker processes: the command line's bytes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from communique.cli import main
from tests.conftest import ROOT

pytest.importorskip(
    "dask.bag", reason="dask is not installed: pip install -e '.[dask]' to run this test"
)
pytest.importorskip(
    "distributed", reason="dask.distributed is not installed: pip install -e '.[dask]'"
)

import dask.bag as db
from distributed import Client, LocalCluster

from communique.dask import articles, parse_bag, read_articles, write_jsonl

CORPUS = ROOT / "tests" / "data" / "corpus"
SEED = ROOT / "seeds" / "limited-times-2023-02-15-unconditional-negotiations.txt"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def records(tmp_path: Path) -> list[str]:
    """Two JSON Lines files of article records: the test corpus's, and one made here."""
    made = tmp_path / "made.jsonl"
    text = SEED.read_text("utf-8")
    made.write_text(
        "".join(json.dumps({"id": f"m{n}", "text": text}) + "\n" for n in range(6)), "utf-8"
    )
    return [str(CORPUS / "articles.jsonl"), str(made)]


def test_partitioned_json_lines_give_the_command_lines_bytes(client: Any, tmp_path: Path) -> None:
    """Each file is a partition, parsed on the workers and written as part-NNNNN.jsonl;
    the parts together are what `communique parse` writes, and so are the errors."""
    inputs = records(tmp_path)
    summary = write_jsonl(
        parse_bag(read_articles(inputs)), str(tmp_path / "out"), errors=str(tmp_path / "err")
    )
    parts = sorted((tmp_path / "out").iterdir())
    assert ["part-00000.jsonl", "part-00001.jsonl"] == [part.name for part in parts]
    cli_out, cli_errors = tmp_path / "cli.jsonl", tmp_path / "cli-errors.jsonl"
    main(["parse", *inputs, "-o", str(cli_out), "--errors", str(cli_errors), "-q"])
    assert cli_out.read_bytes() == b"".join(part.read_bytes() for part in parts)
    errors = sorted((tmp_path / "err").iterdir())
    assert cli_errors.read_bytes() == b"".join(part.read_bytes() for part in errors)
    assert (11, 9, 2) == (summary.inputs, summary.documents, summary.failed)
    assert summary.inputs == summary.documents + summary.failed


def test_a_bag_of_texts_names_each_by_partition_and_position(client: Any, tmp_path: Path) -> None:
    texts = [SEED.read_text("utf-8"), "The envoy said talks would resume.", "Two."]
    bag = db.from_sequence(texts, npartitions=2)
    summary = write_jsonl(parse_bag(articles(bag)), str(tmp_path / "out"))
    lines = [
        json.loads(line)
        for part in sorted((tmp_path / "out").iterdir())
        for line in part.read_text("utf-8").splitlines()
    ]
    assert [("partition-0", 1), ("partition-0", 2), ("partition-1", 1)] == [
        (line["extensions"]["input"]["path"], line["extensions"]["input"]["line"])
        for line in lines
    ]
    assert 3 == summary.documents
