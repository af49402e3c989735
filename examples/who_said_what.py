"""A who-said-what-when table of a JSON Lines dataset, as CSV on standard output.

Run from the repository root (after ``examples/articles_to_jsonl.py``):

    python examples/who_said_what.py dataset.jsonl > statements.csv

One row per statement: date, speaker, their country, the reporting cue, the PLOVER act
and what was said, ordered by date (undated statements last). Needs pandas
(``pip install 'communique[pandas]'``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import communique

USAGE = "usage: python examples/who_said_what.py DATASET.jsonl"
COLUMNS = ["date", "speaker_name", "speaker_country", "cue", "act", "content", "document"]


def main(dataset: Path) -> int:
    """Print the statements of ``dataset`` as a CSV table; return the exit status."""
    with dataset.open("rb") as stream:
        frames = communique.to_frames(communique.read_jsonl(stream))
    table = frames["statements"].sort_values("date", na_position="last", kind="stable")
    table[COLUMNS].to_csv(sys.stdout, index=False, date_format="%Y-%m-%d")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(USAGE, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
