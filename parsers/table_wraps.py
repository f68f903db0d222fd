"""Names wrapped into ruled rows of their own, and the rows one printed row spans, in a ruled fragment.

Where a publisher draws each row's cells offset against its neighbours' (the 省法院 收支总表), a
name too long for its cell goes on in a ruled row of its own (九、医疗卫生与计划生育支 / 出), and
a printed row's name, figure and neighbours start in different ruled rows
(三、单位预留机动经 | 3,258.06 one row lower | 费 one lower still). For the body of a fragment
(the rows from ``start``):

- `join_wrapped`: a cell whose text fills its width (no room for one more character) and the
  cell right under it over the same columns are one name, joined into one cell over both, when the
  lower one holds no digit, opens no item of its own (一、…, 合计), sits a line's spacing under the
  upper text (not a row's) and shares its rows with no other non-blank cell;
- `logical_rows`: the rows a non-blank cell is drawn over are one printed row, when no column
  has two non-blank cells within them (a name over two rows each with a sub-item of its own is
  a group of rows, not one row).

Header names wrapped the same way are joined by the table parser when it reads the column paths.
"""

from __future__ import annotations

import re

from parsers.model import BBox
from parsers.pdf_grid import RawCell, RawTable
from parsers.table_spans import intervals, regrid

WRAP_ROOM = 1.5  # font sizes: a cell whose text leaves less room than this is full (its text wrapped)
DIGIT = re.compile(r"\d")
# what opens an item of its own: an ordinal (一、 （一） 1.) or a total's word
ITEM_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.]|其中|[合小总]\s*计)")


def fills_cell(cell: RawCell) -> bool:
    """Does the cell's text leave no room for one more character?"""
    if cell.ink is None:
        return False
    room = (cell.bbox[2] - cell.bbox[0]) - (cell.ink[2] - cell.ink[0])
    return room < WRAP_ROOM * cell.size


def _union(a: BBox, b: BBox) -> BBox:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _wraps_into(upper: RawCell, lower: RawCell) -> bool:
    """Does ``lower`` read as the rest of ``upper``'s text: ``upper`` full, ``lower`` no item of its
    own (一、… 合计 …), set a line's spacing under it rather than a row's?"""
    if not fills_cell(upper) or ITEM_START.match(lower.text.strip()) or upper.ink is None or lower.ink is None:
        return False
    return lower.ink[1] - upper.ink[3] < upper.size


def join_wrapped(table: RawTable, start: int) -> RawTable:
    """The fragment with every body name that wrapped into a ruled row of its own joined."""
    if not table.ruled:
        return table
    cells = list(table.cells)
    filled = [c for c in cells if c.text.strip()]
    starts: dict[int, list[RawCell]] = {}
    for c in filled:
        starts.setdefault(c.row, []).append(c)
    above: dict[tuple[int, int, int], RawCell] = {(c.col, c.col_span, c.row + c.row_span): c for c in filled if c.row >= start}
    joined = False
    for lower in sorted(filled, key=lambda c: c.row):
        if lower.row <= start or DIGIT.search(lower.text):
            continue
        upper = above.get((lower.col, lower.col_span, lower.row))
        alone = all(c is lower for r in range(lower.row, lower.row + lower.row_span) for c in starts.get(r, []))
        if upper is None or not alone or not _wraps_into(upper, lower):
            continue
        merged = RawCell(upper.row, upper.col, upper.row_span + lower.row_span, upper.col_span, _union(upper.bbox, lower.bbox),
                         upper.text + lower.text, _union(upper.ink, lower.ink) if upper.ink and lower.ink else upper.ink,
                         max(upper.size, lower.size))
        cells = [merged if c is upper else c for c in cells if c is not lower]
        above.pop((lower.col, lower.col_span, lower.row), None)
        above[(merged.col, merged.col_span, merged.row + merged.row_span)] = merged
        joined = True
    if not joined:
        return table
    return RawTable(table.page, table.bbox, list(table.xs), list(table.ys), cells, table.ruled)


def logical_rows(table: RawTable, start: int) -> list[tuple[int, int]]:
    """The fragment's printed rows as [first, last + 1) ranges of ruled rows (the body's merged)."""
    filled = [c for c in table.cells if c.text.strip()]
    cuts = list(range(1, table.n_rows))
    for cell in sorted((c for c in filled if c.row >= start and c.row_span > 1), key=lambda c: c.row_span):
        lo = max((c for c in cuts if c <= cell.row), default=0)
        hi = min((c for c in cuts if c >= cell.row + cell.row_span), default=table.n_rows)
        if lo >= start and _one_per_column(filled, lo, hi, table.n_cols):
            cuts = [c for c in cuts if not lo < c < hi]
    return intervals(cuts, table.n_rows)


def _one_per_column(filled: list[RawCell], lo: int, hi: int, n_cols: int) -> bool:
    for col in range(n_cols):
        inside = [c for c in filled if c.col <= col < c.col + c.col_span and c.row < hi and c.row + c.row_span > lo]
        if len(inside) > 1:
            return False
    return True


def printed_rows(table: RawTable, start: int) -> RawTable:
    """The fragment with wrapped names joined and its body on its printed rows."""
    table = join_wrapped(table, start)
    groups = logical_rows(table, start)
    if len(groups) == table.n_rows:
        return table
    return regrid(table, groups, intervals(list(range(1, table.n_cols)), table.n_cols))
