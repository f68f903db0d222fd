"""Glyphs → lines → paragraphs: the geometry of a PDF page's text, independent of any PDF library.

A `Glyph` is one printed character with its box in page points (x0, top, x1, bottom; origin at the
top-left, as pdfplumber measures). `group_lines` sorts glyphs into visual lines and spells each
line with the spaces its gaps imply — never between two CJK characters, so justified or
letter-spaced Chinese reads as written. `join_lines` merges a cell's or a paragraph's wrapped lines
the same way. `paragraphs` rebuilds prose paragraphs from a page's lines: a line that runs to the
right margin continues on the next one unless that one starts a heading or is indented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from parsers.model import BBox


class Glyph(NamedTuple):
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    direction: int = 0  # a turned glyph: +1 its text runs down the page, -1 up; 0 upright
    @property
    def size(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Line:
    text: str
    boxes: list[BBox | None]  # one per character of ``text`` (None for inserted spaces)
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # the median glyph height: font size, near enough

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’、]")
COLUMN_GAP = 0.9  # a gap wider than this many font sizes separates columns, CJK or not
WORD_GAP = 0.2  # a gap wider than this between two non-CJK characters is a space


def is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


def _needs_space(left: str, right: str, gap: float, size: float) -> bool:
    if gap > COLUMN_GAP * size:
        return True
    return gap > WORD_GAP * size and not is_cjk(left) and not is_cjk(right)


def glyph_rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs (any order) → the glyphs of each visual line, top to bottom, left to right.

    Taken by vertical middle, a glyph joins the current line when its middle falls within the
    line's extent so far or near the line's middle."""
    rows: list[list[Glyph]] = []
    top = bottom = 0.0
    for g in sorted(glyphs, key=lambda g: (g.top + g.bottom, g.x0)):
        middle = (g.top + g.bottom) / 2
        if rows and (top <= middle <= bottom or abs(middle - (top + bottom) / 2) < 0.3 * max(g.bottom - g.top, 1.0)):
            rows[-1].append(g)
            top, bottom = min(top, g.top), max(bottom, g.bottom)
        else:
            rows.append([g])
            top, bottom = g.top, g.bottom
    return [sorted(row, key=lambda g: g.x0) if len(row) > 1 else row for row in rows]


def group_lines(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs (any order) → lines, top to bottom, each spelt left to right; a vertical run
    (`split_vertical`) is one line of its own, spelt in its reading order."""
    rows = glyph_rows(glyphs)
    runs = _vertical_runs(rows)
    if not runs:
        return [spell(row) for row in rows]
    taken = {id(g) for run in runs for g in run}
    rest = [g for g in glyphs if id(g) not in taken]
    return merge_lines([spell(row) for row in glyph_rows(rest)], [_vertical_line(run) for run in runs])


def merge_lines(lines: list[Line], vertical: list[Line]) -> list[Line]:
    """Horizontal lines and vertical runs in one top-to-bottom order."""
    if not vertical:
        return lines
    return sorted(lines + vertical, key=lambda line: (line.top, line.x0))


VERTICAL_GAP = 0.5  # stacked characters of a vertical run sit closer than this many font sizes
MIN_VERTICAL = 3  # upright characters that make a vertical run (turned glyphs: 2)


def _isolated(rows: list[list[Glyph]]) -> list[Glyph]:
    """Single-character glyphs with no neighbour on their visual row within a column gap: a
    character of a vertical run, never one of a horizontal line (a paragraph's characters, however
    well they align in columns, have neighbours on their rows)."""
    out = []
    for row in rows:
        last = len(row) - 1
        for k, g in enumerate(row):
            gap = COLUMN_GAP * max(g.size, 1.0)
            if (k and g.x0 - row[k - 1].x1 <= gap) or (k < last and row[k + 1].x0 - g.x1 <= gap):
                continue  # a neighbour on its row: part of a horizontal line
            if len(g.text) == 1 and (g.direction or is_cjk(g.text)):
                out.append(g)
    return out


def _columns(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs stacked in one column (their horizontal extents overlap), top to bottom, cut where
    the vertical gap between two exceeds ``VERTICAL_GAP``."""
    columns: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: (g.x0 + g.x1) / 2):
        middle = (g.x0 + g.x1) / 2
        home = next((c for c in columns if c[0].x0 - 0.2 * g.size <= middle <= c[0].x1 + 0.2 * g.size), None)
        if home is None:
            columns.append([g])
        else:
            home.append(g)
    runs: list[list[Glyph]] = []
    for column in columns:
        column.sort(key=lambda g: g.top)
        run = [column[0]]
        for prev, g in zip(column, column[1:]):
            if g.top - prev.bottom > VERTICAL_GAP * max(prev.size, g.size, 1.0):
                runs.append(run)
                run = []
            run.append(g)
        runs.append(run)
    return runs


def spell_rows(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs → horizontal lines only (what is left once the vertical runs are taken out)."""
    return [spell(row) for row in glyph_rows(glyphs)]


def split_vertical(glyphs: list[Glyph]) -> tuple[list[Line], list[Glyph]]:
    """Runs of characters set vertically (stacked one per row, or turned a quarter), each as one
    `Line` in reading order (top to bottom; bottom to top for text turned to run up the page),
    and the glyphs that are not in one."""
    runs = _vertical_runs(glyph_rows(glyphs)) if len(glyphs) >= 2 else []
    if not runs:
        return [], glyphs
    taken = {id(g) for run in runs for g in run}
    return [_vertical_line(run) for run in runs], [g for g in glyphs if id(g) not in taken]


def _vertical_runs(rows: list[list[Glyph]]) -> list[list[Glyph]]:
    """The vertical runs among a page's rows of glyphs, each in reading order."""
    runs = []
    for run in _columns(_isolated(rows)):
        turned = sum(1 for g in run if g.direction)
        if len(run) >= MIN_VERTICAL or (len(run) >= 2 and turned == len(run)):
            runs.append(run[::-1] if sum(g.direction for g in run) < 0 else run)
    return runs


def _vertical_line(run: list[Glyph]) -> Line:
    sizes = sorted(g.x1 - g.x0 for g in run)
    return Line(
        "".join(g.text for g in run),
        [(g.x0, g.top, g.x1, g.bottom) for g in run],
        min(g.x0 for g in run),
        min(g.top for g in run),
        max(g.x1 for g in run),
        max(g.bottom for g in run),
        sizes[len(sizes) // 2] or 1.0,
    )


def segments(row: list[Glyph]) -> list[list[Glyph]]:
    """A line's runs of glyphs separated by column-wide gaps."""
    out: list[list[Glyph]] = [[row[0]]]
    for prev, g in zip(row, row[1:]):
        if g.x0 - prev.x1 > COLUMN_GAP * max(prev.size, g.size):
            out.append([g])
        else:
            out[-1].append(g)
    return out


def spell(row: list[Glyph]) -> Line:
    """One line's text from its glyphs (left to right), with the spaces its gaps imply."""
    sizes = sorted(g.size for g in row)
    size = sizes[len(sizes) // 2] or 1.0
    chars: list[str] = []
    boxes: list[BBox | None] = []
    prev: Glyph | None = None
    for g in row:
        if prev is not None and _needs_space(prev.text[-1], g.text[0], g.x0 - prev.x1, size):
            chars.append(" ")
            boxes.append(None)
        for ch in g.text:
            chars.append(ch)
            boxes.append((g.x0, g.top, g.x1, g.bottom))
        prev = g
    return Line(
        "".join(chars),
        boxes,
        min(g.x0 for g in row),
        min(g.top for g in row),
        max(g.x1 for g in row),
        max(g.bottom for g in row),
        size,
    )


def join_text(left: str, right: str) -> str:
    """Two pieces of one wrapped text: no space across a CJK or digit boundary."""
    if not left or not right:
        return left + right
    a, b = left[-1], right[0]
    if a.isascii() and a.isalpha() and b.isascii() and b.isalpha():
        return f"{left} {right}"
    return left + right


def join_lines(lines: list[Line]) -> Line:
    """One wrapped text from its lines (a cell's content, a paragraph)."""
    first = lines[0]
    text, boxes = first.text, list(first.boxes)
    for line in lines[1:]:
        joined = join_text(text, line.text)
        if len(joined) > len(text) + len(line.text):
            boxes.append(None)
        text = joined
        boxes.extend(line.boxes)
    return Line(
        text,
        boxes,
        min(x.x0 for x in lines),
        min(x.top for x in lines),
        max(x.x1 for x in lines),
        max(x.bottom for x in lines),
        first.size,
    )


_CJK_SPACE = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”])\s+(?=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”])")


def cell_text(lines: list[Line]) -> str:
    """A table cell's text: wrapped lines merged, letter-spacing between CJK characters removed."""
    if not lines:
        return ""
    return _CJK_SPACE.sub("", join_lines(lines).text).strip()


# A line that begins one of these starts a new paragraph (headings, list items, notes).
PARAGRAPH_START = re.compile(
    r"^\s*(?:[-•·]\s*)?(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|\d{1,2}[、．.](?!\d)|[（(]\d{1,2}[）)]|注[:：]|说明[:：]|备注[:：]|附[件表])"
)


def line_pitch(lines: list[Line], right: float) -> float | None:
    """The page's measured line pitch (top to top) of wrapped prose: the median step from a line
    that runs to the right margin to the same-size line under it; None when no line wraps."""
    steps = sorted(
        b.top - a.top
        for a, b in zip(lines, lines[1:])
        if a.x1 >= right - 1.5 * a.size and abs(a.size - b.size) <= 0.15 * a.size and 0 < b.top - a.top <= 3.5 * a.size
    )
    return steps[len(steps) // 2] if steps else None


def paragraphs(lines: list[Line], left: float, right: float) -> list[Line]:
    """Merge wrapped prose lines (already in reading order) into paragraphs.

    ``left`` and ``right`` are the page's text margins. A line continues the previous one when the
    two share a font size, the gap between them is no more than a line, this one opens no heading
    or list item, and either the previous one reaches the right margin and this one is not
    indented, or both are set larger than the page's body text (a wrapped, centred heading).
    """
    out: list[list[Line]] = []
    sizes = sorted(line.size for line in lines)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    pitch = line_pitch(lines, right)
    for line in lines:
        if out:
            prev = out[-1][-1]
            same_size = abs(prev.size - line.size) <= 0.15 * max(prev.size, line.size)
            gap = line.top - prev.bottom
            close = gap <= 1.0 * max(prev.size, line.size) or (pitch is not None and line.top - prev.top <= 1.1 * pitch)
            if same_size and close and not PARAGRAPH_START.match(line.text):
                display = line.size > 1.1 * body  # a title or heading wrapped over centred lines
                reaches_margin = prev.x1 >= right - 1.5 * prev.size
                indented = line.x0 - left > 1.2 * line.size
                if display or (reaches_margin and not indented):
                    out[-1].append(line)
                    continue
        out.append([line])
    return [join_lines(group) for group in out]
