"""Unruled tables: rows of figures whose columns are only aligned text, with no ruling lines.

The fallback for pages where the ruled-line finder found nothing there. A run of consecutive lines
that each split into several column-separated runs, one of them an amount, is a table body when it
has at least ``MIN_ROWS`` lines, or ``MIN_ROWS_UNDER_HEADER`` under a header whose runs stand in the
body's columns (a short 三公经费 table: 项目 | 预算数 | 决算数 over two rows). Up to
``MAX_HEADER_ROWS`` multi-run lines just above the body without amounts are its header. Column
boundaries are the gaps left free by every body row, so right-aligned figures of different widths
still fall into one column.
"""

from __future__ import annotations

import re

from parsers.pdf_grid import RawTable, grid_from_rows
from parsers.pdf_text import Glyph, glyph_rows, segments, spell

MIN_ROWS = 3
MIN_ROWS_UNDER_HEADER = 2
MAX_HEADER_ROWS = 3
AMOUNT = re.compile(r"^-?[\d,，]+(?:\.\d+)?%?$")


def _has_amount(row: list[Glyph]) -> bool:
    return any(AMOUNT.match("".join(g.text for g in seg)) for seg in segments(row))


def _free_gaps(rows: list[list[Glyph]]) -> list[float]:
    """Inner column boundaries: x positions that no run of any row covers, between runs."""
    spans = sorted((seg[0].x0, seg[-1].x1) for row in rows for seg in segments(row))
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a[1] + b[0]) / 2 for a, b in zip(merged, merged[1:])]


def _aligned(header: list[Glyph], body: list[list[Glyph]], gaps: list[float]) -> bool:
    """Does every run of the header line stand in a column of the body, one run a column?"""
    bounds = [min(g.x0 for row in body for g in row), *gaps, max(g.x1 for row in body for g in row)]
    columns = []
    for seg in segments(header):
        middle = (seg[0].x0 + seg[-1].x1) / 2
        inside = [k for k in range(len(bounds) - 1) if bounds[k] <= middle <= bounds[k + 1]]
        if not inside:
            return False
        columns.append(inside[0])
    return len(columns) == len(set(columns)) == len(bounds) - 1


def find_unruled(page: int, glyphs: list[Glyph]) -> list[tuple[RawTable, list[Glyph]]]:
    """Unruled tables among ``glyphs`` (those outside any ruled table), each with its glyphs."""
    rows = glyph_rows(glyphs)
    found: list[tuple[RawTable, list[Glyph]]] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and len(segments(rows[j])) >= 2 and _has_amount(rows[j]):
            j += 1
        if j - i >= MIN_ROWS_UNDER_HEADER:
            start = i
            while start > 0 and i - start < MAX_HEADER_ROWS and len(segments(rows[start - 1])) >= 2 and not _has_amount(rows[start - 1]):
                start -= 1
            gaps = _free_gaps(rows[i:j])
            if gaps and (j - i >= MIN_ROWS or (start < i and _aligned(rows[i - 1], rows[i:j], gaps))):
                lines = [spell(r) for r in rows[start:j]]
                table = grid_from_rows(page, lines, gaps)
                found.append((table, [g for r in rows[start:j] for g in r]))
            i = j
        else:
            i = max(j, i + 1)
    return found
