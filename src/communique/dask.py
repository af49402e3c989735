"""Parse a corpus on a Dask cluster: a Bag of articles in, JSON Lines per partition out.

Needs the optional extra: ``pip install 'communique[dask]'``. Each article is parsed by
the same function as ``communique parse`` (:func:`communique.runner.parse_article`), so a
partition's lines are the bytes the command line writes for the same inputs. Dask does
the scheduling: this module only says what to do with each partition.

>>> import dask.bag as db  # doctest: +SKIP
>>> from communique.dask import parse_bag, read_articles, write_jsonl  # doctest: +SKIP
>>> outcomes = parse_bag(read_articles("scraped/*.jsonl"))  # doctest: +SKIP
>>> summary = write_jsonl(outcomes, "parsed/", errors="failed/")  # doctest: +SKIP
"""

from __future__ import annotations

import functools
import json
import posixpath
from collections.abc import Iterable, Mapping
from typing import Any

import dask.bag as db
import fsspec
from dask.base import compute
from dask.delayed import delayed

from communique.corpus import Article, Failure, Source, field_names, read_record
from communique.runner import (
    Loaded,
    Outcome,
    Parsed,
    Settings,
    Summary,
    failure_line,
    load,
    parse_article,
)

__all__ = ["articles", "parse_bag", "read_articles", "write_jsonl"]


def read_articles(
    urlpath: str | list[str],
    *,
    fields: Mapping[str, str] | None = None,
    storage_options: dict[str, Any] | None = None,
) -> db.Bag:
    """A Bag of the article records in JSON Lines files, one partition per file.

    Args:
        urlpath: files or a glob, local or remote (``s3://bucket/news/*.jsonl.gz``: any
            filesystem fsspec knows; compression by extension).
        fields: the record field for each article field (see
            :func:`communique.corpus.field_names`).

    Each element is an :class:`~communique.corpus.Article` whose source is the file and
    line, or a :class:`~communique.corpus.Failure` for a line that holds no article.
    """
    lines = db.read_text(
        urlpath,
        blocksize=None,
        include_path=True,
        errors="surrogateescape",
        storage_options=storage_options,
    )
    return lines.map_partitions(_records, dict(fields or field_names(())))


def _records(
    lines: Iterable[tuple[str, str]], fields: Mapping[str, str]
) -> list[Article | Failure]:
    items: list[Article | Failure] = []
    for number, (line, path) in enumerate(lines, 1):
        if line.strip():
            raw = line.encode("utf-8", "surrogateescape")
            items.append(read_record(path, number, raw, fields))
    return items


def articles(bag: db.Bag, *, fields: Mapping[str, str] | None = None) -> db.Bag:
    """A Bag of Articles from a Bag of texts (str) or article records (dict).

    The source of element ``n`` (from 1) of partition ``p`` is path ``partition-p``,
    line ``n`` (and the record's id and url), so that every output line names its input.
    """
    names = dict(fields or field_names(()))
    parts = [delayed(_articles)(part, index, names) for index, part in enumerate(bag.to_delayed())]
    return db.from_delayed(parts)


def _articles(
    elements: Iterable[str | dict[str, Any]], index: int, fields: Mapping[str, str]
) -> list[Article | Failure]:
    path = f"partition-{index}"
    items: list[Article | Failure] = []
    for number, element in enumerate(elements, 1):
        if isinstance(element, str):
            items.append(Article(Source(path, number), element))
        else:
            raw = json.dumps(element, ensure_ascii=False).encode("utf-8")
            items.append(read_record(path, number, raw, fields))
    return items


def parse_bag(items: db.Bag, settings: Settings | None = None) -> db.Bag:
    """Parse a Bag of Articles (and Failures, passed through) into a Bag of outcomes.

    An outcome is a :class:`~communique.runner.Parsed` (its ``line`` is the Document's
    JSON Lines line) or a :class:`~communique.corpus.Failure`.
    """
    return items.map_partitions(_parse, settings or Settings())


@functools.cache
def _loaded(settings: Settings) -> Loaded:
    """The settings' files, loaded once per worker process."""
    return load(settings)


def _parse(items: Iterable[Article | Failure], settings: Settings) -> list[Outcome]:
    loaded = _loaded(settings)
    return [item if isinstance(item, Failure) else parse_article(item, loaded) for item in items]


def write_jsonl(
    outcomes: db.Bag,
    directory: str,
    *,
    errors: str | None = None,
    storage_options: dict[str, Any] | None = None,
) -> Summary:
    """Write each partition's Documents to ``DIRECTORY/part-NNNNN.jsonl``; compute the bag.

    Args:
        errors: a directory for one JSON line per failed input, ``part-NNNNN.jsonl`` too.

    Returns:
        What was done, summed over the partitions (``inputs == documents + failed``).
    """
    tasks = [
        delayed(_write_partition)(part, index, directory, errors, storage_options)
        for index, part in enumerate(outcomes.to_delayed())
    ]
    total = Summary()
    for summary in compute(*tasks):
        total.inputs += summary.inputs
        total.documents += summary.documents
        total.failed += summary.failed
        total.count(summary.records)
    return total


def _write_partition(
    outcomes: Iterable[Outcome],
    index: int,
    directory: str,
    errors: str | None,
    storage_options: dict[str, Any] | None,
) -> Summary:
    """Write one partition through a ``.partial`` file renamed at the end."""
    summary = Summary()
    documents: list[str] = []
    failures: list[str] = []
    for outcome in outcomes:
        summary.inputs += 1
        if isinstance(outcome, Parsed):
            summary.documents += 1
            summary.count(outcome.records)
            documents.append(outcome.line)
        else:
            summary.failed += 1
            failures.append(failure_line(outcome))
    name = f"part-{index:05d}.jsonl"
    _write(posixpath.join(directory, name), documents, storage_options)
    if errors is not None:
        _write(posixpath.join(errors, name), failures, storage_options)
    return summary


def _write(path: str, lines: list[str], storage_options: dict[str, Any] | None) -> None:
    filesystem, target = fsspec.core.url_to_fs(path, **(storage_options or {}))
    filesystem.makedirs(posixpath.dirname(target) or ".", exist_ok=True)
    partial = target + ".partial"
    with filesystem.open(partial, "w", encoding="utf-8") as stream:
        stream.writelines(lines)
    filesystem.mv(partial, target)
