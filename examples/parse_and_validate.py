"""Parse an article, print who said what, and check the Document against the schema.

Run from the repository root:

    python examples/parse_and_validate.py seeds/limited-times-*.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

import communique


def main(path: str) -> int:
    """Parse the article at ``path`` and report what was found."""
    document = communique.parse(Path(path).read_text(encoding="utf-8"))
    print(f"{document.title!r} ({document.outlet}, {document.published})")
    names = {actor.id: actor.name for actor in document.actors}
    for statement in document.statements:
        speaker = names.get(statement.speaker or "", "(unnamed)")
        when = statement.date.value if statement.date else "undated"
        print(f"- {speaker} [{statement.cue}, {when}]: {statement.content[:70]}")
    problems = communique.validate(document)
    for problem in problems:
        print(f"invalid: {problem}")
    return 1 if problems else 0


USAGE = "usage: python examples/parse_and_validate.py ARTICLE.txt"

if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(USAGE, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
