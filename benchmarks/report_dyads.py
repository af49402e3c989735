"""How well the PLOVER export's actor and recipient match the PLOVER gold-standard records.

For every sentence of ``../shared/corpus/plover-gsr/gsr-public.jsonl`` this parses the
text (dated by the record's ``date``), exports it with ``communique export --to plover``'s
code and compares the records of the gold category (old names mapped as
``../shared/eval/plover.py`` maps them) with the gold ``source`` and ``target`` codes:

- *directed*: the share of those records that have an actor (PLOVER leaves the recipient
  out of some categories, and talks have no direction, so this is not a recall target);
- *actor precision*: of the records with an actor, the share whose actor's code is among
  the gold source codes; *recipient precision* the same for the recipient and the target;
- *reversed*: records whose actor is a gold target and whose recipient a gold source;
- *recipient recall*: of the gold records with a target, the share where a record of the
  category has a recipient among the gold target codes.

Run: ``python benchmarks/report_dyads.py`` from the repository root with ``communique``
importable. Exits 2 when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import communique
from communique.exporters.plover import plover_records

GSR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "plover-gsr" / "gsr-public.jsonl"
OLD = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def _codes(parties: Any) -> set[str]:
    return {p["code"] for p in parties} if isinstance(parties, list) else set()


def main() -> int:
    """Print the figures; return the exit status."""
    if not GSR.exists():
        print(f"{GSR} is absent (../shared is not part of the repository)", file=sys.stderr)
        return 2
    gold = [json.loads(line) for line in GSR.read_text("utf-8").splitlines() if line.strip()]
    gold = [g for g in gold if g.get("text") and g.get("event") != "DOCUMENT"]
    counts = dict.fromkeys(("records", "directed", "actor_ok", "recipient", "recipient_ok"), 0)
    counts |= {"reversed": 0, "targets": 0, "targets_found": 0}
    for entry in gold:
        category = OLD.get(entry["event"], entry["event"])
        document = communique.parse(entry["text"], published=entry["date"])
        records = [r for r in plover_records([document]) if r["event"] == category]
        sources, targets = _codes(entry.get("source")), _codes(entry.get("target"))
        for record in records:
            actor, recipient = _codes(record["actor"]), _codes(record["recipient"])
            counts["records"] += 1
            counts["directed"] += bool(actor)
            counts["actor_ok"] += bool(actor & sources)
            counts["recipient"] += bool(recipient)
            counts["recipient_ok"] += bool(recipient & targets)
            counts["reversed"] += bool(actor & targets and recipient & sources)
        if targets:
            counts["targets"] += 1
            counts["targets_found"] += any(_codes(r["recipient"]) & targets for r in records)

    def share(part: str, whole: str) -> str:
        return f"{counts[part] / counts[whole]:.3f} ({counts[part]}/{counts[whole]})"

    print(f"PLOVER gold sentences: {len(gold)}; records of the gold category: {counts['records']}")
    print(f"  directed (have an actor)  {share('directed', 'records')}")
    print(f"  actor precision           {share('actor_ok', 'directed')}")
    print(f"  recipient precision       {share('recipient_ok', 'recipient')}")
    print(f"  reversed                  {share('reversed', 'records')}")
    print(f"  recipient recall          {share('targets_found', 'targets')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
