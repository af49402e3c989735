"""Tell one JSON document from JSON Lines by reading a stream's first line, and no more.

A pipe (``communique parse ... | communique validate -``) holds only what its writer has
written so far, so the decision is made on the first non-blank line, read whole: when it
is a complete JSON value the stream is JSON Lines (a one-line JSON document reads the
same either way), otherwise it is one document spread over lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from communique.serialize import LoadError, iter_lines


def sniff(stream: IO[bytes], max_line_bytes: int) -> tuple[str, bytes]:
    """``("jsonl" | "json", the bytes read to decide)``: read up to the first non-blank line."""
    head = b""
    while True:
        line = stream.readline(max_line_bytes + 1)
        head += line
        if not line or line.strip():
            break
    if not line.strip() or len(line) > max_line_bytes:
        return "json", head
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return "json", head
    return "jsonl", head


def lines(head: bytes, stream: IO[bytes], max_line_bytes: int) -> Iterator[bytes | LoadError]:
    """The lines of ``head`` (what :func:`sniff` read), then those of the rest of ``stream``."""
    yield from head.splitlines(keepends=True)
    yield from iter_lines(stream, max_line_bytes=max_line_bytes)
