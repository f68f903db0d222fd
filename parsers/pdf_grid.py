"""A table fragment on one page as a grid of cells with spans, filled with the page's glyphs.

`grid_from_cells` turns the cell rectangles of pdfplumber's ruled-line table finder into a
`RawTable`: the distinct cell edges become the grid's column and row boundaries, so a merged
header cell (支出 over 基本支出 | 项目支出) keeps its span. `grid_from_rows` builds the same
structure for an unruled table from text lines and the columns their gaps line up on. `fill`
puts each glyph into the cell that holds its centre and spells each cell's text.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from parsers.model import BBox
from parsers.pdf_text import Glyph, Line, cell_text, group_lines

EDGE_TOLERANCE = 2.0  # points: cell edges closer than this are one grid line


@dataclass(slots=True)
class RawCell:
    row: int
    col: int
    row_span: int
    col_span: int
    bbox: BBox
    text: str = ""
    ink: BBox | None = None  # the extent of the cell's glyphs (None: no glyph)
    size: float = 0.0  # the cell's font size (its tallest glyph)


@dataclass(slots=True)
class RawTable:
    """One table fragment: the part of a table printed on one page."""

    page: int
    bbox: BBox
    xs: list[float]  # column boundaries (len = columns + 1)
    ys: list[float]  # row boundaries (len = rows + 1)
    cells: list[RawCell] = field(default_factory=list)
    ruled: bool = True  # drawn with rulings (False: columns found from the text's alignment)

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    def owners(self) -> list[list[RawCell | None]]:
        """For every grid position, the cell that covers it (None where no cell was drawn)."""
        grid: list[list[RawCell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.row_span):
                for c in range(cell.col, cell.col + cell.col_span):
                    grid[r][c] = cell
        return grid


def _boundaries(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= EDGE_TOLERANCE:
            continue
        out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    i = bisect_left(bounds, v - EDGE_TOLERANCE)
    return min(i, len(bounds) - 1)


def grid_from_cells(page: int, cells: list[BBox]) -> RawTable:
    xs = _boundaries([b[0] for b in cells] + [b[2] for b in cells])
    ys = _boundaries([b[1] for b in cells] + [b[3] for b in cells])
    table = RawTable(page, (xs[0], ys[0], xs[-1], ys[-1]), xs, ys)
    for x0, top, x1, bottom in cells:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 > c0 and r1 > r0:
            table.cells.append(RawCell(r0, c0, r1 - r0, c1 - c0, (x0, top, x1, bottom)))
    table.cells.sort(key=lambda c: (c.row, c.col))
    return table


def grid_from_rows(page: int, rows: list[Line], xs: list[float]) -> RawTable:
    """An unruled table: one grid row per text line, columns split at ``xs`` (inner boundaries)."""
    left = min(line.x0 for line in rows) - 1
    right = max(line.x1 for line in rows) + 1
    bounds = [left, *xs, right]
    ys = [rows[0].top - 1] + [(a.bottom + b.top) / 2 for a, b in zip(rows, rows[1:])] + [rows[-1].bottom + 1]
    table = RawTable(page, (left, ys[0], right, ys[-1]), bounds, ys, ruled=False)
    for r in range(len(rows)):
        for c in range(len(bounds) - 1):
            table.cells.append(RawCell(r, c, 1, 1, (bounds[c], ys[r], bounds[c + 1], ys[r + 1])))
    return table


def inside(g: Glyph, box: BBox) -> bool:
    x = (g.x0 + g.x1) / 2
    y = (g.top + g.bottom) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def fill(table: RawTable, glyphs: list[Glyph]) -> None:
    """Spell every cell's text from the glyphs whose centre falls in it."""
    owners = table.owners()
    per_cell: dict[int, list[Glyph]] = {}
    for g in glyphs:
        x = (g.x0 + g.x1) / 2
        y = (g.top + g.bottom) / 2
        c = bisect_left(table.xs, x) - 1
        r = bisect_left(table.ys, y) - 1
        if 0 <= r < table.n_rows and 0 <= c < table.n_cols and owners[r][c] is not None:
            per_cell.setdefault(id(owners[r][c]), []).append(g)
    for cell in table.cells:
        glyphs = per_cell.get(id(cell), [])
        cell.text = cell_text(group_lines(glyphs))
        if glyphs:
            cell.ink = (min(g.x0 for g in glyphs), min(g.top for g in glyphs), max(g.x1 for g in glyphs), max(g.bottom for g in glyphs))
            cell.size = max(g.bottom - g.top for g in glyphs)
