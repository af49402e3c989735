"""Export the events of articles (or a JSON Lines dataset) as PLOVER records.

Run from the repository root:

    python examples/plover_export.py seeds/wikinews/*.txt > plover.jsonl
    python examples/plover_export.py dataset.jsonl > plover.jsonl

Text files are parsed; ``.jsonl`` files are read as Documents. Each output line is one
PLOVER record (event type, mode, actor and recipient with country and sector codes, date,
text with its offsets, citation); a short dyad summary goes to standard error. The same
as ``communique export --to plover`` on a dataset.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import communique
from communique.exporters.plover import plover_records
from communique.serialize import json_line

USAGE = "usage: python examples/plover_export.py ARTICLE.txt|DATASET.jsonl ..."


def documents(paths: list[Path]) -> Iterator[communique.Document]:
    """The Documents of each path: parsed from text, or read from JSON Lines."""
    for path in paths:
        if path.suffix == ".jsonl":
            with path.open("rb") as stream:
                yield from communique.read_jsonl(stream)
        else:
            yield communique.parse(path.read_text(encoding="utf-8"))


def main(paths: list[Path]) -> int:
    """Write the PLOVER records of ``paths`` to standard output; return the exit status."""
    dyads: Counter[str] = Counter()
    for record in plover_records(documents(paths)):
        sys.stdout.write(json_line(record))
        source = "+".join(p["code"] or "---" for p in record["actor"]) or "---"
        target = "+".join(p["code"] or "---" for p in record["recipient"]) or "---"
        dyads[f"{source} {record['event']} {target}"] += 1
    for dyad, count in dyads.most_common(5):
        print(f"{count:4d}  {dyad}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(USAGE, file=sys.stderr)
        sys.exit(2)
    sys.exit(main([Path(name) for name in sys.argv[1:]]))
