"""Print the quality figures of the parser, as the shared scorers count them, beside targets.

Quality thresholds over shared data are measurements, not unit tests: the gold grows and
the figures move, so this script reports them (``met`` / ``below``) and the test suite
keeps to behaviour. It runs the scorers in ``../shared/eval/`` (standard library only) on
the installed ``communique`` command:

- ``gold``: score.py over all shared gold Documents, then the first eight articles (the
  seed and Wikinews) and the wire stories of ``../shared/corpus/news-dev`` separately;
- ``plover``: plover.py over the PLOVER public gold sentences;
- ``polnear``: attribution.py over PolNeAR dev (about a minute);
- ``dates``: dates.py over TempEval-3 train with ``communique.find_dates``.

Run: ``python benchmarks/report_quality.py [gold plover polnear dates]`` from the repository
root, with ``communique`` on PATH (e.g. ``.venv/bin`` after ``bash tools/check``). It exits
0 whatever the figures are, and 2 when ``../shared`` or a scorer is absent.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
SCORE_RUN = "communique parse {text} --published {published}"

#: (figure, path into the scorer's JSON, target) — the targets of the generalisation issue.
GOLD_TARGETS: tuple[tuple[str, tuple[str, ...], float], ...] = (
    ("macro F1", ("macro_f1",), 0.75),
    ("actors F1", ("actors", "f1"), 0.85),
    ("actors country", ("actors", "country_accuracy"), 0.92),
    ("statements F1", ("statements", "f1"), 0.80),
    ("statements speaker", ("statements", "speaker_accuracy"), 0.90),
    ("statements date", ("statements", "date_accuracy"), 0.80),
    ("proposals F1", ("proposals", "f1"), 0.55),
    ("events F1", ("events", "f1"), 0.60),
    ("events type", ("events", "type_accuracy"), 0.75),
)
PLOVER_TARGETS = (
    ("category F1", ("category_f1",), 0.72),
    ("source-country recall", ("source_country_recall",), 0.75),
)
POLNEAR_TARGETS = (
    ("precision", ("precision",), 0.92),
    ("speech-cue F1", ("speech", "f1"), 0.80),
    ("speaker accuracy, named sources", ("speaker_accuracy_named",), 0.97),
)
DATES_TARGETS = (("value F1 (percent)", ("value_F1",), 82.0),)


def scorer(*args: str) -> dict[str, Any]:
    """Run one shared scorer with ``--json`` and return what it printed."""
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, cwd=ROOT
    )
    if done.returncode != 0:
        sys.exit(f"report_quality: {args[0]} failed: {done.stderr.strip()[-500:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def show(title: str, figures: dict[str, Any], targets: Any) -> None:
    """Print one block: each figure, its target, and whether it is met."""
    print(f"\n{title}")
    for name, path, target in targets:
        value: Any = figures
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is None:
            print(f"  {name:34} {'n/a':>7}   target {target:g}")
            continue
        verdict = "met" if value >= target else "below"
        print(f"  {name:34} {value:7.3f}   target {target:<5g} {verdict}")


def gold() -> None:
    """score.py over all the gold, the first eight and the wire stories."""
    folder = SHARED / "gold"
    wire = {p.stem for p in (SHARED / "corpus" / "news-dev").glob("*.txt")}
    all_files = sorted(folder.glob("*.json"))
    groups = {
        f"all {len(all_files)} gold articles": all_files,
        "the first eight (seed + Wikinews)": [p for p in all_files if p.stem not in wire],
        "the wire stories (news-dev)": [p for p in all_files if p.stem in wire],
    }
    for title, files in groups.items():
        if not files:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            for path in files:
                shutil.copy(path, tmp)
            figures = scorer(str(EVAL / "score.py"), tmp, "--run", SCORE_RUN, "--json")
        show(f"shared gold, {title} ({figures['documents']} documents)", figures, GOLD_TARGETS)


def plover() -> None:
    """plover.py over the public PLOVER gold sentences."""
    gsr = SHARED / "corpus" / "plover-gsr" / "gsr-public.jsonl"
    figures = scorer(
        str(EVAL / "plover.py"), str(gsr), "--run", "communique parse {files}", "--json"
    )
    show(f"PLOVER public gold sentences ({figures['sentences']})", figures, PLOVER_TARGETS)


def polnear() -> None:
    """attribution.py over PolNeAR dev."""
    corpus = SHARED / "corpus" / "polnear"
    figures = scorer(str(EVAL / "attribution.py"), str(corpus), "dev", "--json")
    show(f"PolNeAR dev ({figures['documents']} documents)", figures, POLNEAR_TARGETS)


def dates() -> None:
    """dates.py over TempEval-3 train with communique.find_dates."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "dates.json"
        subprocess.run(
            [sys.executable, str(EVAL / "dates.py"), "--system", "communique", "--json", str(out)],
            capture_output=True,
            check=True,
            cwd=ROOT,
        )
        figures = json.loads(out.read_text(encoding="utf-8"))
    system = figures["results"]["communique|DATE"]
    system["value_F1"] *= 100
    show("TempEval-3 train dates", system, DATES_TARGETS)


REPORTS = {"gold": gold, "plover": plover, "polnear": polnear, "dates": dates}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "reports", nargs="*", metavar="REPORT", help=f"{', '.join(REPORTS)}; default: all"
    )
    args = parser.parse_args()
    unknown = sorted(set(args.reports) - set(REPORTS))
    if unknown:
        parser.error(f"unknown report {', '.join(unknown)}; choose from {', '.join(REPORTS)}")
    if not EVAL.is_dir():
        sys.exit(f"report_quality: {EVAL} is absent; the scorers are not part of the repository")
    if shutil.which("communique") is None:
        sys.exit("report_quality: put the communique command on PATH (e.g. .venv/bin)")
    for name in args.reports or REPORTS:
        REPORTS[name]()


if __name__ == "__main__":
    main()
