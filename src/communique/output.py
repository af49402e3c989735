"""A JSON Lines output file that is written as lines come and survives an interrupted run.

Lines go to ``OUT.partial`` beside the target (beside the file a symlink points to, so
the link stays a link), flushed one by one. :meth:`LineFile.commit` renames the partial
file onto the target; :meth:`LineFile.discard` removes it after a failed write; an
interrupted run leaves it, and a run with ``resume=True`` reads it back: the inputs it
names are done, and new lines are appended after them.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from collections.abc import Callable, Hashable
from typing import IO, Any

#: The suffix of the file a run writes to before it is finished.
PARTIAL = ".partial"


class OutputError(Exception):
    """The output cannot be written; the message is one line for the user."""


class LineFile:
    """JSON Lines written to ``TARGET.partial`` and renamed onto ``TARGET`` at the end.

    Args:
        target: the output file (or a symlink to it).
        resume: continue the lines of an existing ``TARGET.partial``; without it an
            existing partial file is an error rather than overwritten.
        key: what a written line (parsed JSON) says it is the outcome of; the keys of a
            resumed file are in ``done``.
    """

    def __init__(
        self, target: str, *, resume: bool, key: Callable[[Any], Hashable | None]
    ) -> None:
        self.target = target
        self.real = os.path.realpath(target)
        self.partial = self.real + PARTIAL
        #: The keys of the lines a resumed file already holds, each with its count (an
        #: input named twice is done twice).
        self.done: Counter[Hashable] = Counter()
        #: How many lines a resumed file already holds.
        self.resumed = 0
        self._key = key
        self._stream: IO[str] | None = None
        self._resume = resume
        self._created = False

    def open(self, on_resumed: Callable[[Any], None] = lambda _: None) -> None:
        """Create the partial file, or (resuming) read it back and append to it."""
        try:
            if self._resume and os.path.exists(self.partial):
                self._read_back(on_resumed)
                self._stream = open(self.partial, "a", encoding="utf-8")  # noqa: SIM115
                return
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
            descriptor = os.open(self.partial, flags, 0o666)  # the umask decides the mode
        except FileExistsError:
            raise OutputError(
                f"{self.partial} exists: an interrupted run's output; continue it with "
                "--resume, or delete it"
            ) from None
        except OSError as error:
            raise OutputError(f"{self.partial}: cannot write: {_why(error)}") from None
        self._created = True
        self._stream = os.fdopen(descriptor, "w", encoding="utf-8")

    def _read_back(self, on_resumed: Callable[[Any], None]) -> None:
        with open(self.partial, "rb+") as stream:
            kept = 0
            for number, line in enumerate(stream, 1):
                if not line.endswith(b"\n"):
                    break  # torn by a hard kill mid-line: dropped, its input done again
                try:
                    value = json.loads(line)
                except (ValueError, RecursionError):
                    raise OutputError(
                        f"{self.partial}:{number}: not a line this command wrote; "
                        "delete the file to start again"
                    ) from None
                self.done[self._key(value)] += 1
                self.resumed += 1
                on_resumed(value)
                kept += len(line)
            stream.truncate(kept)

    def write(self, line: str) -> None:
        """Append one line (with its newline) and flush it to the file."""
        assert self._stream is not None, "open() first"
        try:
            self._stream.write(line)
            self._stream.flush()
        except OSError as error:
            self.discard()
            raise OutputError(f"{self.target}: cannot write: {_why(error)}") from None

    def keep(self) -> None:
        """Close the partial file and leave it for ``resume`` (an interrupted run)."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def commit(self) -> None:
        """Close the partial file and rename it onto the target."""
        try:
            self.keep()
            os.replace(self.partial, self.real)
            self._created = False
        except OSError as error:
            self.discard()
            raise OutputError(f"{self.target}: cannot write: {_why(error)}") from None

    def discard(self) -> None:
        """Close the partial file and remove it if this run created it (a failed write
        leaves nothing behind; an earlier run's partial file is never removed)."""
        try:
            if self._stream is not None:
                self._stream.close()
        except OSError:
            pass
        self._stream = None
        if self._created:
            with contextlib.suppress(FileNotFoundError):
                os.remove(self.partial)
            self._created = False


def _why(error: OSError) -> str:
    return error.strerror or str(error)
