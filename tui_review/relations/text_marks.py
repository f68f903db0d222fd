"""Punctuation marks of a document's text, indexed once, so that finding the clause, sentence or
line around a figure is a bisection instead of a scan from the start of the text.

Relation finders ask "where does the sentence holding this figure begin" for every figure; with
``str.rfind(c, 0, pos)`` that is a scan back over the whole text each time — quadratic on a long
line (issue 13 S3). `marks(text)` builds the index once per text and keeps the last one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

MARKED = "\n。！？；;，,：:、（）()"
# a thousands separator (4,677,326.79 — or 4,677，326.79 as typed) splits no clause: a comma
# between a digit and exactly three digits is no mark
_MARK = re.compile(f"(?<!\\d)[，,]|[，,](?!\\d{{3}}(?:\\D|$))|[{re.escape(MARKED.replace('，', '').replace(',', ''))}]")


class TextMarks:
    __slots__ = ("_at",)

    def __init__(self, text: str) -> None:
        self._at: dict[str, list[int]] = {c: [] for c in MARKED}
        for m in _MARK.finditer(text):
            self._at[m.group()].append(m.start())

    def last(self, chars: str, pos: int, lo: int = 0) -> int:
        """The greatest index in [lo, pos) holding one of ``chars``, else -1 (as ``str.rfind``)."""
        best = -1
        for c in chars:
            at = self._at[c]
            i = bisect_left(at, pos) - 1
            if i >= 0 and at[i] >= lo and at[i] > best:
                best = at[i]
        return best

    def next(self, chars: str, pos: int, hi: int | None = None) -> int:
        """The least index in [pos, hi) holding one of ``chars``, else -1 (as ``str.find``)."""
        best = -1
        for c in chars:
            at = self._at[c]
            i = bisect_left(at, pos)
            if i < len(at) and (hi is None or at[i] < hi) and (best == -1 or at[i] < best):
                best = at[i]
        return best

    def count(self, chars: str, lo: int, hi: int) -> int:
        """How many of ``chars`` stand in [lo, hi)."""
        return sum(bisect_left(self._at[c], hi) - bisect_right(self._at[c], lo - 1) for c in chars)


_last: tuple[str, TextMarks] | None = None


def marks(text: str) -> TextMarks:
    """The marks of ``text`` (the index of the last text asked for is kept)."""
    global _last
    if _last is None or _last[0] is not text:
        _last = (text, TextMarks(text))
    return _last[1]
