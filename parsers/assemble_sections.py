"""The section tree: headings in the laid-out units → `Section`s, heading/paragraph/目录 blocks.

Headings are found at the start of a prose unit and inside run-on paragraphs (``…。2.xxx…``); a
第X部分 printed without its marker is recognised from the 目录's entries. `build_sections` fills
``doc.root`` and ``doc.blocks`` and returns the spans of the heading markers, which hold no
figures. `SectionIndex` then answers which section an offset of the text lies in.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from parsers import headings
from parsers.assemble_units import Placed
from parsers.model import Block, Document, Section

PageOf = Callable[[int], int | None]
Cut = tuple[int, headings.Marker]  # a heading marker and its offset in the unit's line


def build_sections(doc: Document, placed: list[Placed], page_of: PageOf) -> list[tuple[int, int]]:
    """Headings (at line starts and inside run-on lines) → the section tree and heading blocks.

    Returns the spans of heading markers in Document.text (they hold no figures).
    """
    tree = _SectionTree(doc, page_of)
    for start, unit in placed:
        if unit.kind == "toc":
            tree.read_toc(start, unit.line.text)
        elif unit.kind == "prose":
            tree.read_prose(start, unit.line.text)
    _close_sections(tree.sections, len(doc.text))
    return tree.marker_spans


class _SectionTree:
    """The sections opened so far, the open numbering at each level and the 目录's parts."""

    def __init__(self, doc: Document, page_of: PageOf) -> None:
        self.doc = doc
        self.page_of = page_of
        self.stack: list[Section] = [doc.root]  # the open sections, root first
        self.open_numbers: dict[int, int] = {}  # level → the last number opened at that level
        self.counters: dict[str, int] = {}  # section id → children opened
        self.sections: list[Section] = []  # every section, in document order
        self.marker_spans: list[tuple[int, int]] = []
        self.parts: dict[str, headings.Marker] = {}  # the 目录's 第X部分 entries by title

    def read_toc(self, start: int, text: str) -> None:
        self.doc.blocks.append(Block("toc", start, start + len(text), self.stack[-1].id, self.page_of(start)))
        self.parts.update(headings.toc_parts(text.split("\n")))

    def read_prose(self, start: int, line: str) -> None:
        """Open the sections whose headings the line holds; the rest are paragraph blocks."""
        cuts: list[Cut] = []
        first = headings.heading_at(line) or _unmarked_part(line, self.parts, self.open_numbers)
        if first is not None:
            cuts.append((0, first))
            self.open(start, line, 0, first)
        run_on = _run_on(line, self.open_numbers, self.stack[-1].level)
        for pos, marker in run_on:
            self.open(start, line, pos, marker)
        cuts += run_on
        self.add_paragraphs(start, line, cuts)

    def open(self, offset: int, line: str, pos: int, marker: headings.Marker) -> None:
        """Open the section whose heading ``marker`` stands at ``pos`` of the line at ``offset``."""
        while len(self.stack) > 1 and self.stack[-1].level >= marker.level:
            self.stack.pop()
        parent = self.stack[-1]
        self.counters[parent.id] = self.counters.get(parent.id, 0) + 1
        sid = f"{parent.id}.{self.counters[parent.id]}" if parent.id else str(self.counters[parent.id])
        title_end = headings.title_span(line, marker.end)
        title = line[marker.end : title_end].strip()
        at = offset + pos
        section = Section(sid, title, marker.text, marker.level, at, len(self.doc.text), self.page_of(at), parent.id)
        parent.children.append(section)
        self.stack.append(section)
        self.sections.append(section)
        self.marker_spans.append((offset + marker.start, offset + marker.end))
        self.doc.blocks.append(Block("heading", at, offset + title_end, sid, section.page))
        self.open_numbers[marker.level] = marker.number
        for deeper in [level for level in self.open_numbers if level > marker.level]:
            del self.open_numbers[deeper]

    def add_paragraphs(self, start: int, line: str, cuts: list[Cut]) -> None:
        """A paragraph block for each stretch of the line between headings (titles left out)."""
        bounds = [p for p, _ in cuts] + [len(line)]
        if not cuts or cuts[0][0] > 0:
            bounds.insert(0, 0)
        for a, b in zip(bounds, bounds[1:]):
            heading_end = next((headings.title_span(line, mk.end) for p, mk in cuts if p == a), a)
            if b > heading_end:
                at = start + heading_end
                sid = _section_for(self.sections, at) or ""
                self.doc.blocks.append(Block("paragraph", at, start + b, sid, self.page_of(at)))


def _close_sections(sections: list[Section], text_end: int) -> None:
    """A section ends where the next section at the same or a higher level starts, else at the
    end of the text."""
    open_ones: list[Section] = []  # levels strictly rising: each is closed by the first later
    for section in sections:  # section at its level or above
        while open_ones and open_ones[-1].level >= section.level:
            open_ones.pop().end = section.start
        open_ones.append(section)
    for section in open_ones:
        section.end = text_end


def _unmarked_part(line: str, parts: dict[str, headings.Marker], open_numbers: dict[int, int]) -> headings.Marker | None:
    """A 第X部分 heading printed without its marker (a part's cover page reads “…部门决算表”): the
    line is the title of the 目录's next part entry."""
    marker = parts.get(headings.toc_title_key(line))
    if marker is None or marker.number != open_numbers.get(1, 0) + 1:
        return None
    return headings.Marker(1, marker.number, 0, 0, marker.text)


def _run_on(line: str, open_numbers: dict[int, int], deepest: int) -> list[Cut]:
    """Mid-line headings; a new list (number 1) may start one level below the deepest open one."""
    found = headings.split_run_on(line, open_numbers)
    if found:
        return found
    for i in range(1, len(line)):
        if line[i - 1] not in headings.SENTENCE_END:
            continue
        marker = headings.heading_at(line, i)
        if marker is not None and marker.number == 1 and marker.level > deepest and marker.level >= 4:
            open_numbers[marker.level] = 1
            rest = headings.split_run_on(line[i:], open_numbers)
            return [(i, marker)] + [(i + p, mk) for p, mk in rest]
    return []


def _section_for(sections: list[Section], offset: int) -> str | None:
    """The last section (in document order) that starts at or before ``offset``."""
    k = bisect.bisect_right(sections, offset, key=lambda s: s.start)
    return sections[k - 1].id if k else None


class SectionIndex:
    """Which section an offset of Document.text lies in: the last to start at or before it."""

    def __init__(self, doc: Document) -> None:
        starts = sorted((s.start, s.id) for s in doc.sections())
        self._starts = [start for start, _ in starts]
        self._ids = [sid for _, sid in starts]

    def at(self, offset: int) -> str:
        k = bisect.bisect_right(self._starts, offset) - 1
        return self._ids[k] if k >= 0 else ""
