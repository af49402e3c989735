"""What the matches of a regular expression can open with, read from its source.

:func:`openings` reads a pattern's source and gives every string of up to three
characters that one of its matches can open with, in a coarse alphabet: letters lower
case, every digit ``0``, every whitespace character a space, and :data:`ANY` for a place
any character may fill. :class:`Openings` then tells, for a place in a text, whether a
match can start there at all, so a costly pattern need not be tried where it cannot.

The reading over-approximates: a look-around or an anchor is taken to hold, a condition
either way, case is ignored, a class of many characters is :data:`ANY`. So a "no" is certain and a
"yes" only possible. Syntax it does not know makes it give up (None), never guess.
"""

from __future__ import annotations

import regex

__all__ = ["ANY", "Openings", "openings"]

#: how many characters an opening holds
SIZE = 3
#: a place in an opening that any character may fill
ANY = "\x00"
#: a class of more characters than this is read as :data:`ANY`
_MAX_CLASS = 12
#: the ASCII characters of a text's key, and what they stand for (others are not read)
_ASCII_WHITESPACE = " \t\n\r\f\v\x1c\x1d\x1e\x1f"
_KEY_TABLE = str.maketrans(
    {
        **dict.fromkeys("0123456789", "0"),
        **dict.fromkeys(_ASCII_WHITESPACE, " "),
        **{c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    }
)

#: inline flags that change no match's opening (case, lines, dot, word and Unicode rules)
_HARMLESS_FLAGS = frozenset("imsuaLw-")

Language = frozenset[str]
_EMPTY: Language = frozenset({""})
_ANYTHING: Language = frozenset({"", ANY, ANY * 2, ANY * 3})


class Unsupported(ValueError):
    """The pattern uses syntax this reader does not know."""


def _char(c: str) -> str:
    """A pattern's literal character in the coarse alphabet."""
    if c.isascii():
        return c.translate(_KEY_TABLE)
    if any(ch.isascii() for form in (c.lower(), c.upper(), c.casefold()) for ch in form):
        return ANY  # it may match an ASCII letter case-blind (K, ſ, İ)
    return c  # it can match no ASCII character, and a text's key with any other is read


def _concat(left: Language, right: Language) -> Language:
    out = set()
    for a in left:
        if len(a) >= SIZE:
            out.add(a)
        else:
            out.update((a + b)[:SIZE] for b in right)
    return frozenset(out)


def _repeat(item: Language, low: int, high: int | None) -> Language:
    result = _EMPTY
    for _ in range(low):
        step = _concat(result, item)
        if step == result:
            break
        result = step
    optional = item | _EMPTY
    count = 0
    while high is None or count < high - low:
        step = _concat(result, optional)
        if step == result:
            break
        result = step
        count += 1
    return result


class _Reader:
    """A recursive-descent reader of a VERBOSE, VERSION0 pattern's source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.at = 0

    def peek(self, n: int = 1) -> str:
        return self.source[self.at : self.at + n]

    def skip_blank(self) -> None:
        while self.at < len(self.source):
            c = self.source[self.at]
            if c.isspace():
                self.at += 1
            elif c == "#":
                end = self.source.find("\n", self.at)
                self.at = len(self.source) if end < 0 else end
            else:
                return

    def alternation(self) -> Language:
        return frozenset().union(*self.branches())

    def branches(self) -> list[Language]:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.at += 1
            branches.append(self.sequence())
        return branches

    def sequence(self) -> Language:
        result = _EMPTY
        while True:
            self.skip_blank()
            if self.at >= len(self.source) or self.peek() in "|)":
                return result
            item = self.quantified(self.atom())
            result = _concat(result, item)

    def quantified(self, item: Language) -> Language:
        self.skip_blank()
        c = self.peek()
        if c == "?":
            low, high = 0, 1
        elif c == "*":
            low, high = 0, None
        elif c == "+":
            low, high = 1, None
        elif c == "{":
            bounds = regex.match(r"\{(\d*)(?:(,)(\d*))?\}", self.source, pos=self.at)
            if bounds is None or not (bounds[1] or bounds[3]):
                raise Unsupported(f"a brace that is no quantifier at {self.at}")
            self.at = bounds.end() - 1
            low = int(bounds[1] or 0)
            high = None if bounds[2] and not bounds[3] else int(bounds[3] or bounds[1])
        else:
            return item
        self.at += 1
        if self.peek() in ("?", "+"):
            self.at += 1  # lazy or possessive: the same strings
        return self.quantified(_repeat(item, low, high))

    def atom(self) -> Language:
        c = self.peek()
        self.at += 1
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == "\\":
            return self.escape(in_class=False)
        if c == ".":
            return frozenset({ANY})
        if c in "^$":
            return _EMPTY
        if c in "*+?{":
            raise Unsupported(f"a quantifier with nothing to repeat at {self.at}")
        return frozenset({_char(c)})

    def group(self) -> Language:
        zero_width = condition = False
        if self.peek() == "?":
            head = regex.match(
                r"\?(?:(:|>|\||=|!|<=|<!)|P?<(\w+)>|([a-zA-Z-]+)(:|\))|(\())",
                self.source,
                pos=self.at,
            )
            if head is None:
                raise Unsupported(f"a group kind at {self.at}")
            self.at = head.end()
            if head[3] is not None:
                if not set(head[3]) <= _HARMLESS_FLAGS:
                    raise Unsupported(f"the flags {head[3]}")  # verbose, reverse, (?R) ...
                if head[4] == ")":
                    return _EMPTY  # flags for the whole pattern
            elif head[5] is not None:  # a condition: (?(name)yes|no) or (?(?=...)yes|no)
                condition = True
                if self.peek() == "?":
                    self.group()  # the look-around it tests
                else:
                    end = self.source.find(")", self.at)
                    if end < 0:
                        raise Unsupported("an unclosed condition")
                    self.at = end + 1
            else:
                zero_width = head[1] in ("=", "!", "<=", "<!")
        branches = self.branches()
        # a condition without a "no" branch matches nothing when it does not hold
        inside = frozenset().union(*branches, *([_EMPTY] if condition else []))
        if condition and len(branches) > 2:
            raise Unsupported("a condition of more than two branches")
        if self.peek() != ")":
            raise Unsupported(f"an unclosed group at {self.at}")
        self.at += 1
        return _EMPTY if zero_width else inside

    def escape(self, *, in_class: bool) -> Language:
        c = self.peek()
        self.at += 1
        if c == "":
            raise Unsupported("a trailing backslash")
        if c == "d":
            return frozenset({"0"})
        if c == "s":
            return frozenset({" "})
        if c == "X":
            return _ANYTHING  # a grapheme: one character or more
        if c in "wWSDpPN":
            if c in "pPN" and self.peek() == "{":
                end = self.source.find("}", self.at)
                if end < 0:
                    raise Unsupported("an unclosed property")
                self.at = end + 1
            elif c in "pP":
                self.at += 1
            return frozenset({ANY})
        if not in_class and c in "bBAZGmM":
            return _EMPTY
        if c in "0123456789" or c == "g":
            raise Unsupported("a back-reference or an octal escape")
        named = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b"}
        if c in named:
            return frozenset({_char(named[c])})
        if c in "xuU":
            digits = {"x": 2, "u": 4, "U": 8}[c]
            code = self.source[self.at : self.at + digits]
            if len(code) != digits or not all(h in "0123456789abcdefABCDEF" for h in code):
                raise Unsupported("a bad hex escape")
            self.at += digits
            return frozenset({_char(chr(int(code, 16)))})
        if c.isalnum():
            raise Unsupported(f"the escape \\{c}")
        return frozenset({_char(c)})

    def char_class(self) -> Language:
        chars: set[str] = set()
        if self.peek() == "^":
            self.at += 1
            chars.add(ANY)
        if self.peek(2) == "[:":
            raise Unsupported("a POSIX class")
        first = True
        while True:
            c = self.peek()
            if c == "":
                raise Unsupported("an unclosed class")
            if c == "]" and not first:
                self.at += 1
                break
            first = False
            self.at += 1
            if c == "\\":
                member = self.escape(in_class=True)
                (low,) = member
            elif c == "[":
                raise Unsupported("a nested class")
            else:
                low = c
            if self.peek() == "-" and self.peek(2) not in ("-]", "-"):
                if c == "\\":
                    raise Unsupported("a range from an escape")
                self.at += 1
                high = self.peek()
                if high == "\\":
                    raise Unsupported("an escaped range end")
                self.at += 1
                if not (low.isascii() and high.isascii()) or ord(high) - ord(low) > 128:
                    chars.add(ANY)
                else:
                    chars.update(_char(chr(o)) for o in range(ord(low), ord(high) + 1))
            elif c == "\\":
                chars.add(low)
            else:
                chars.add(_char(low))
        if ANY in chars or len(chars) > _MAX_CLASS:
            return frozenset({ANY})
        return frozenset(chars)


def openings(source: str, flags: int) -> Language | None:
    """The openings of the matches of ``regex.compile(source, flags)``; None if unknown.

    Only VERBOSE VERSION0 patterns without full case-folding are read (the date tagger's
    kind): elsewhere spaces are literal, classes nest, and a letter may match two.
    """
    if not flags & regex.VERBOSE or flags & (regex.VERSION1 | regex.FULLCASE | regex.REVERSE):
        return None
    reader = _Reader(source)
    try:
        language = reader.alternation()
    except (Unsupported, IndexError, ValueError):
        return None
    if reader.at != len(source):
        return None
    return language


class Openings:
    """Where in a text a pattern's match may start, by the openings of its matches."""

    __slots__ = ("_cache", "_openings")

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self._openings = openings(pattern.pattern, pattern.flags)
        self._cache: dict[str, bool] = {}

    def may_start(self, text: str, at: int) -> bool:
        """False only if no match of the pattern can start at ``at``."""
        if self._openings is None:
            return True
        key = text[at : at + SIZE]
        known = self._cache.get(key)
        if known is None:
            known = self._cache[key] = self._may_open(key)
        return known

    def _may_open(self, key: str) -> bool:
        assert self._openings is not None
        if not key.isascii() or ANY in key:
            return True
        coarse = key.translate(_KEY_TABLE)
        for length in range(len(coarse) + 1):
            for mask in range(1 << length):
                probe = "".join(ANY if mask >> i & 1 else coarse[i] for i in range(length))
                if probe in self._openings:
                    return True
        return False
