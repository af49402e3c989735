"""Plot the events of a JSON Lines dataset on a timeline, one row per PLOVER category.

Run from the repository root (after ``examples/articles_to_jsonl.py``):

    python examples/event_timeline.py dataset.jsonl timeline.png

Each dated event is a point at its first day (a bar to its last day for a range or a
month); undated events are counted in the title. Needs pandas and matplotlib
(``pip install 'communique[examples]'``); draws without a display (Agg backend).
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import communique

USAGE = "usage: python examples/event_timeline.py DATASET.jsonl OUT.png"


def main(dataset: Path, out: Path) -> int:
    """Draw the events of ``dataset`` into the PNG ``out``; return the exit status."""
    with dataset.open("rb") as stream:
        events = communique.to_frames(communique.read_jsonl(stream))["events"]
    dated = events.dropna(subset=["date"])
    categories = sorted(dated["type"].unique())
    rows = {category: index for index, category in enumerate(categories)}
    figure, axes = plt.subplots(figsize=(10, 1 + 0.4 * max(1, len(categories))))
    levels = dated["type"].map(rows)
    axes.hlines(levels, dated["date"], dated["date_end"], linewidth=6, color="tab:blue")
    axes.scatter(dated["date"], levels, color="black", s=9, zorder=3)
    axes.set_yticks(range(len(categories)), categories)
    axes.set_title(f"{len(dated)} dated events ({len(events) - len(dated)} undated)")
    figure.autofmt_xdate()
    figure.tight_layout()
    figure.savefig(out, dpi=100)
    print(f"{len(dated)} events drawn to {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(USAGE, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
