"""Titles printed inside a table's ruling: a grid row that names a table, not a header or data.

Some publishers (WPS/Excel exports of whole workbooks) draw the table title and its
``部门：…  单位：万元`` line as cells of the grid, and several tables follow one another in one
ruled block. `split_titled` cuts a fragment at every row that is a table title, hands the title,
unit and department line to the fragment they belong to, and drops those rows from the grid, so
the header the table parser sees starts at the real column names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from parsers.numbers import UNIT_NOTE
from parsers.pdf_grid import RawCell, RawTable
from parsers.pdf_layout import Fragment

TITLE_END = re.compile(r"表(?:\s*[（(][^（()）]{1,12}[）)])?$")  # …表, …表（续）, …表（功能科目）
# a tag typeset after the title in the same cell: 收支预算总表公开表一, …预算表 公开05表, …表 表3-1
TRAILING_TAG = re.compile(r"\s*(?:公开\s*表\s*[一二三四五六七八九十]{1,3}|公开\s*\d{1,2}\s*表|附?表\s*\d{1,2}(?:-\d{1,2})?)$")
BARE_LABEL = re.compile(r"^(?:编制)?(?:部门|单位)(?:名称)?\s*[:：]$")
META = re.compile(r"^(?:(?:编制)?(?:部门|单位)(?:名称)?\s*[:：].*|(?:金额)?单位\s*[:：]\s*(?:万元|千元|亿元|元)|(?:19|20)\d{2}\s*年(?:度)?)$")
META_SPLIT = re.compile(r"(?=(?:编制)?(?:部门|单位)(?:名称)?\s*[:：])")
DIGITS = re.compile(r"\d[\d,，.]*\d|\d")
MAX_TITLE = 60


def _row_texts(table: RawTable, r: int) -> list[str]:
    """The texts of the distinct cells that start in row ``r`` (spanning cells counted once)."""
    return [c.text.strip() for c in table.cells if c.row == r and c.text.strip()]


def _pieces(texts: list[str]) -> list[str]:
    """Cell texts split where a 部门：/单位： annotation was typeset in the same cell as a title."""
    out: list[str] = []
    for text in texts:
        for piece in (p.strip() for p in META_SPLIT.split(text) if p.strip()):
            if out and BARE_LABEL.match(out[-1]):
                out[-1] += piece  # “部门：” and the department printed in the next cell
            else:
                out.append(piece)
    return out


def _title_of(texts: list[str]) -> str | None:
    """The table title a row prints, when the row holds nothing but a title and annotations."""
    pieces = _pieces(texts)
    titles = [p for p in pieces if not META.match(p)]
    if len(titles) != 1:
        return None
    title = TRAILING_TAG.sub("", re.sub(r"\s+", "", titles[0]))
    if len(title) > MAX_TITLE or not TITLE_END.search(title) or DIGITS.fullmatch(title):
        return None
    return title


def _is_meta_row(texts: list[str]) -> bool:
    pieces = _pieces(texts)
    return bool(pieces) and all(META.match(re.sub(r"\s+", "", p)) or META.match(p) for p in pieces)


def _unit_of(texts: list[str]) -> str | None:
    for text in texts:
        m = UNIT_NOTE.search(text)
        if m:
            return m.group(1)
    return None


def _rows(table: RawTable, start: int, end: int) -> RawTable:
    """Rows [start, end) of ``table`` as a table of their own (cells clipped to the range)."""
    ys = table.ys[start : end + 1]
    cells = []
    for c in table.cells:
        top, bottom = max(c.row, start), min(c.row + c.row_span, end)
        if bottom <= top:
            continue
        box = (c.bbox[0], ys[top - start], c.bbox[2], ys[bottom - start])
        kept = c.row >= start  # a cell cut at the range's top keeps none of its text
        cells.append(RawCell(top - start, c.col, bottom - top, c.col_span, box, c.text if kept else "", c.ink if kept else None, c.size))
    return RawTable(table.page, (table.bbox[0], ys[0], table.bbox[2], ys[-1]), list(table.xs), ys, cells, table.ruled)


def split_titled(fragment: Fragment) -> list[Fragment]:
    """The fragment cut at the table titles printed inside its grid (itself when there are none)."""
    table = fragment.table
    kinds = [("title", t) if (t := _title_of(_row_texts(table, r))) else ("meta", None) if _is_meta_row(_row_texts(table, r)) else ("body", None) for r in range(table.n_rows)]
    if all(k == "body" for k, _ in kinds):
        return [fragment]
    out: list[Fragment] = []
    current: Fragment | None = None
    body_start: int | None = None

    def close(end: int) -> None:
        if current is not None and body_start is not None and end > body_start:
            current.table = _rows(table, body_start, end)
            out.append(current)

    for r, (kind, title) in enumerate(kinds):
        texts = _row_texts(table, r)
        if kind == "title" or (kind == "meta" and (current is None or body_start is not None)):
            if kind == "title" or current is None:
                close(r)
                current = replace(fragment, title=title or fragment.title, unit=fragment.unit, notes=[], first_on_page=fragment.first_on_page and not out, last_on_page=False)
                if kind == "title" and out:
                    current.tag = ""
                body_start = None
            current.unit = _unit_of(texts) or current.unit
        elif kind == "meta":
            assert current is not None  # a meta row before any title took the branch above
            current.unit = _unit_of(texts) or current.unit
        else:
            if current is None:
                current = replace(fragment, notes=[], last_on_page=False)
            if body_start is None:
                body_start = r
    close(table.n_rows)
    if not out:
        return [fragment]
    out[-1].notes = list(fragment.notes)
    out[-1].last_on_page = fragment.last_on_page
    return out
