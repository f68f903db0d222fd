"""The pages as a reader gives them, and the map from Document.text back to them.

A reader hands `assemble` one `PageText` per page. `RawPages` lays the pages end to end (a
newline after each) and cleans them into physical lines whose offsets point into that raw text;
`SourceMap` turns an offset of the assembled ``Document.text`` back into its page, the characters
as printed (evidence for a normalised figure) and the boxes the PDF reader measured.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from parsers.model import BBox
from parsers.normalise import CleanLine, clean_lines


@dataclass(slots=True)
class PageText:
    number: int | None  # 1-based page number; None for text files
    text: str  # the page's prose, lines separated by "\n"; table_marker() lines where tables sit
    char_boxes: list[BBox | None] | None = None  # optional, one per character of ``text``


@dataclass(slots=True)
class RawPages:
    """The pages' text laid end to end (a newline after each): where each page starts, its number,
    the box of each character, and the cleaned physical lines (offsets into this raw text)."""

    pages: list[PageText]
    starts: list[int]
    numbers: list[int | None]
    boxes: list[BBox | None]
    lines: list[CleanLine]
    has_boxes: bool = False  # the reader measured at least one character

    @classmethod
    def read(cls, pages: list[PageText]) -> RawPages:
        raw = cls(pages, [], [], [], [])
        base = 0
        for page in pages:
            raw.starts.append(base)
            raw.numbers.append(page.number)
            raw.lines.extend(clean_lines(page.text, base))
            width = len(page.text) + 1
            boxes = page.char_boxes if page.char_boxes is not None else []
            raw.boxes.extend(boxes + [None] * (width - len(boxes)))
            base += width
        raw.has_boxes = any(b is not None for b in raw.boxes)
        return raw

    @property
    def numbered(self) -> bool:
        """The pages have numbers (a PDF), not a text file's one unnumbered page."""
        return any(n is not None for n in self.numbers)

    def page(self, raw_offset: int) -> int | None:
        k = bisect.bisect_right(self.starts, raw_offset) - 1
        return self.numbers[k] if k >= 0 else None

    def char(self, raw_offset: int) -> str:
        return pages_text_at(self.pages, self.starts, raw_offset)


def pages_text_at(pages: list[PageText], raw_starts: list[int], raw_offset: int) -> str:
    k = bisect.bisect_right(raw_starts, raw_offset) - 1
    if k < 0:
        return ""
    local = raw_offset - raw_starts[k]
    text = pages[k].text
    return text[local] if 0 <= local < len(text) else ""


@dataclass(slots=True)
class SourceMap:
    """Offsets of Document.text → where they came from: the page, the raw characters, the boxes."""

    raw: RawPages
    src: list[int]  # for each character of Document.text, its offset in the raw text

    def page_of(self, offset: int) -> int | None:
        src = self.src
        if not src or offset >= len(src):
            return self.raw.page(src[-1]) if src else None
        return self.raw.page(src[offset])

    def page_starts(self) -> list[int]:
        """The offset in Document.text where each page begins (a page without text begins where
        the next one does)."""
        starts: list[int] = []
        last = None
        for off, raw_offset in enumerate(self.src):
            p = self.raw.page(raw_offset)
            if p is not None and p != last:
                starts.extend([off] * (p - len(starts)))
                last = p
        return starts[: max(p for p in self.raw.numbers if p is not None)]

    def bbox(self, start: int, end: int) -> BBox | None:
        """The box around the characters ``start:end`` of Document.text, if the reader gave boxes."""
        boxes = self.raw.boxes
        return _union([boxes[self.src[i]] for i in range(start, end) if self.src[i] < len(boxes)])

    def raw_text(self, start: int, end: int) -> str:
        """The characters ``start:end`` of Document.text as the page printed them."""
        return "".join(self.raw.char(self.src[i]) for i in range(start, end))


def _union(boxes: list[BBox | None]) -> BBox | None:
    real = [b for b in boxes if b is not None]
    if not real:
        return None
    return (min(b[0] for b in real), min(b[1] for b in real), max(b[2] for b in real), max(b[3] for b in real))
