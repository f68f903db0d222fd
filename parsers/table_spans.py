"""Logical columns of a ruled table fragment: the physical columns that print one column, merged.

Some publishers draw every logical column as two or three ruled columns — a border printed twice
a few points apart, rows whose cells are offset against the header's — so the grid gets narrow
slivers between the real columns, and a row's value lands in whichever physical column its cell
happens to start in. `logical_columns` groups the physical columns from the fragment's own
structure, under one rule that every group keeps: no row has two non-blank cells within a group
(the header rows are rows too, so a group never holds two column names side by side):

- a non-blank cell drawn across several physical columns makes them one column, when the rule
  holds for them (a header cell over two named sub-columns does not: the row below names both).
  Only in a fragment that has a header: without one, nothing says the columns are not two;
- a group that holds no non-blank cell of its own (a sliver, a gap; at most crossed by a cell
  that spans further) joins the neighbour it is drawn together with — the side more cells cross
  into — when the rule holds for the two together.

`merge_columns` rebuilds the grid on the groups (`regrid`, which `parsers.table_wraps` uses for rows): each cell keeps its box and text and spans the
groups its physical columns fall in; a blank cell that would then overlap another is dropped (it
carries nothing; the header's blank cells that stay still say how far down the header reaches).
"""

from __future__ import annotations

from parsers.pdf_grid import RawCell, RawTable


def intervals(cuts: list[int], n_cols: int) -> list[tuple[int, int]]:
    bounds = [0, *cuts, n_cols]
    return list(zip(bounds, bounds[1:]))


def _end(cell: RawCell) -> int:
    return cell.col + cell.col_span


class _Structure:
    """The fragment's non-blank cells, per row they cover, for the one-cell-per-row rule."""

    def __init__(self, table: RawTable) -> None:
        self.table = table
        self.filled = [c for c in table.cells if c.text.strip()]
        self.per_row: list[list[RawCell]] = [[] for _ in range(table.n_rows)]
        for cell in self.filled:
            for r in range(cell.row, min(cell.row + cell.row_span, table.n_rows)):
                self.per_row[r].append(cell)

    def one_per_row(self, lo: int, hi: int) -> bool:
        """At most one non-blank cell of every row lies (even partly) in columns [lo, hi)."""
        for cells in self.per_row:
            inside = [c for c in cells if c.col < hi and _end(c) > lo]
            if len(inside) > 1:
                return False
        return True

    def holds_text(self, lo: int, hi: int) -> bool:
        """Some non-blank cell lies wholly within columns [lo, hi)."""
        return any(c.col >= lo and _end(c) <= hi for c in self.filled)

    def crossing(self, boundary: int) -> int:
        """How many cells (blank ones too) are drawn across the boundary before column ``boundary``."""
        return sum(1 for c in self.table.cells if c.col < boundary < _end(c))


def logical_columns(table: RawTable, has_header: bool) -> list[tuple[int, int]]:
    """The fragment's logical columns as [first, last + 1) ranges of physical columns."""
    structure = _Structure(table)
    cuts = list(range(1, table.n_cols))
    if has_header:
        for cell in sorted((c for c in structure.filled if c.col_span > 1), key=lambda c: c.col_span):
            cuts = _merge_span(structure, cuts, cell.col, _end(cell))
    changed = True
    while changed:
        changed = False
        for lo, hi in intervals(cuts, table.n_cols):
            if structure.holds_text(lo, hi):
                continue
            joined = _join_neighbour(structure, cuts, lo, hi)
            if joined is not None:
                cuts, changed = joined, True
                break
    return intervals(cuts, table.n_cols)


def _merge_span(structure: _Structure, cuts: list[int], lo: int, hi: int) -> list[int]:
    """``cuts`` without the boundaries inside the groups that columns [lo, hi) touch, if the rule allows."""
    lo = max((c for c in cuts if c <= lo), default=0)
    hi = min((c for c in cuts if c >= hi), default=structure.table.n_cols)
    if not structure.one_per_row(lo, hi):
        return cuts
    return [c for c in cuts if not lo < c < hi]


def _join_neighbour(structure: _Structure, cuts: list[int], lo: int, hi: int) -> list[int] | None:
    """A text-free group [lo, hi) joined to the neighbour more cells cross into (None: neither may)."""
    sides = []
    if lo > 0:
        sides.append((structure.crossing(lo), 1, lo))  # on ties the left neighbour
    if hi < structure.table.n_cols:
        sides.append((structure.crossing(hi), 0, hi))
    for _, _, boundary in sorted(sides, reverse=True):
        left = max((c for c in cuts if c < boundary), default=0)
        right = min((c for c in cuts if c > boundary), default=structure.table.n_cols)
        if structure.one_per_row(left, right):
            return [c for c in cuts if c != boundary]
    return None


def merge_columns(table: RawTable, groups: list[tuple[int, int]]) -> RawTable:
    """The fragment on its logical columns (the same object when nothing merges)."""
    if len(groups) == table.n_cols or not table.ruled:
        return table
    return regrid(table, intervals(list(range(1, table.n_rows)), table.n_rows), groups)


def regrid(table: RawTable, row_groups: list[tuple[int, int]], col_groups: list[tuple[int, int]]) -> RawTable:
    """The fragment with each group of rows and of columns made one: every cell spans the groups
    its rows and columns fall in, keeping its box and text; a blank cell that would overlap a
    kept one is dropped."""
    row_of = [i for i, (lo, hi) in enumerate(row_groups) for _ in range(lo, hi)]
    col_of = [i for i, (lo, hi) in enumerate(col_groups) for _ in range(lo, hi)]
    xs = [table.xs[lo] for lo, _ in col_groups] + [table.xs[-1]]
    ys = [table.ys[lo] for lo, _ in row_groups] + [table.ys[-1]]
    taken: set[tuple[int, int]] = set()
    cells = []
    for cell in sorted(table.cells, key=lambda c: not c.text.strip()):  # the non-blank cells first
        top, bottom = row_of[cell.row], row_of[cell.row + cell.row_span - 1]
        first, last = col_of[cell.col], col_of[_end(cell) - 1]
        area = {(r, g) for r in range(top, bottom + 1) for g in range(first, last + 1)}
        if area & taken:
            continue
        taken |= area
        cells.append(RawCell(top, first, bottom - top + 1, last - first + 1, cell.bbox, cell.text, cell.ink, cell.size))
    cells.sort(key=lambda c: (c.row, c.col))
    return RawTable(table.page, table.bbox, xs, ys, cells, table.ruled)


def columns_within(first: RawTable, other: RawTable) -> list[int] | None:
    """The column of ``first`` each column of ``other`` lies within, by its middle (None: one lies
    in none)."""
    targets = []
    for c in range(other.n_cols):
        middle = (other.xs[c] + other.xs[c + 1]) / 2
        hit = [i for i in range(first.n_cols) if first.xs[i] <= middle < first.xs[i + 1]]
        if len(hit) != 1:
            return None
        targets.append(hit[0])
    return targets


def column_targets(first: RawTable, other: RawTable) -> list[int] | None:
    """Where each physical column of a continuation fragment sits among ``first``'s columns, by its
    middle (None: no fit). Several may sit in one column of ``first`` only when ``first`` has fewer
    columns (it was merged) and no row of ``other`` has two non-blank cells that would land there."""
    targets = columns_within(first, other)
    if targets is None or len(set(targets)) == len(targets):
        return targets
    if first.n_cols >= other.n_cols:
        return None
    seen: set[tuple[int, int]] = set()
    for cell in other.cells:
        if not cell.text.strip():
            continue
        for r in range(cell.row, cell.row + cell.row_span):
            for target in {targets[c] for c in range(cell.col, _end(cell))}:
                if (r, target) in seen:
                    return None
                seen.add((r, target))
    return targets
