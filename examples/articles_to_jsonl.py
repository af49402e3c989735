"""Parse a folder of article text files into one JSON Lines dataset, and validate it.

Run from the repository root:

    python examples/articles_to_jsonl.py seeds/wikinews dataset.jsonl

Every ``*.txt`` file of the folder (sorted by name) becomes one Document, one per line.
A file that is not UTF-8 text is reported and skipped; the exit status is then 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

import communique

USAGE = "usage: python examples/articles_to_jsonl.py FOLDER OUT.jsonl"


def main(folder: Path, out: Path) -> int:
    """Parse every article of ``folder`` into ``out``; return the exit status."""
    status, documents = 0, []
    for path in sorted(folder.glob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            print(f"{path}: skipped: {error}", file=sys.stderr)
            status = 1
            continue
        documents.append(communique.parse(text))
    with out.open("w", encoding="utf-8") as stream:
        count = communique.write_jsonl(documents, stream)
    invalid = sum(bool(communique.validate(document)) for document in documents)
    print(f"{count} documents written to {out}; {invalid} invalid")
    return 1 if invalid else status


if __name__ == "__main__":
    if len(sys.argv) != 3 or not Path(sys.argv[1]).is_dir():
        print(USAGE, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
