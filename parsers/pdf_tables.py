"""Table fragments → `Table`s: continued tables joined, header rows flattened into column paths.

A table that runs over several pages arrives as one `Fragment` per page. `group_fragments` first
reads a table's first fragment on its printed columns and rows (`parsers.table_spans`,
`parsers.table_wraps`), then joins a fragment to the previous table when it opens its page
untitled (or titled 续表) right after a table that closed the previous page, with columns that
fit the table's; a header the continuation repeats is dropped. A first page that holds only the
top of a header (收入 | 支出) is joined to the next page's columns under it. The header is the
run of rows above the first row that carries data (an amount, a classification code or a row
label such as 合计 / 一、), with the figure-less rows under it that a header cell reaches down
into; each column's path is the chain of header cells that cover it, top to bottom
(`支出 › 基本支出 › 人员经费`), a name wrapped into the next ruled row read as one. Blank rows carry
nothing and are dropped; blank cells stay "" (never "0").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.model import Table
from parsers.pdf_grid import RawCell, RawTable
from parsers.numbers import UNIT_NOTE
from parsers.pdf_layout import Fragment
from parsers.table_codes import CodeHeader, code_header, label_columns, turn
from parsers.table_kinds import recognise
from parsers.table_spans import column_targets, columns_within, logical_columns, merge_columns
from parsers.table_wraps import fills_cell, printed_rows

PATH_SEPARATOR = " › "
AMOUNT = re.compile(r"^[-−]?\s*[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?\s*%?$")
CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
ROW_LABEL = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.]|合\s*计|总\s*计|小\s*计|其中|本年|年初|年末)")
CODE_HEADER_WORDS = frozenset(("类", "款", "项"))
HEADER_ROW_WORDS = re.compile(r"^(?:栏次|行次)$")


@dataclass(slots=True)
class _Rows:
    """One fragment's rows as cell lists (the cell that starts at each position, else None)."""

    fragment: Fragment
    starts: list[list[RawCell | None]]

    @classmethod
    def of(cls, fragment: Fragment) -> _Rows:
        t = fragment.table
        starts: list[list[RawCell | None]] = [[None] * t.n_cols for _ in range(t.n_rows)]
        for cell in t.cells:
            starts[cell.row][cell.col] = cell
        return cls(fragment, starts)

    def texts(self, r: int) -> list[str]:
        return [c.text if c is not None else "" for c in self.starts[r]]


def _is_data_row(texts: list[str]) -> bool:
    """An amount or a code, or only row labels (合计, 一、… in an empty table); never column names."""
    cells = [t for t in texts if t]
    if not cells or HEADER_ROW_WORDS.match(cells[0]):
        return False
    return any(AMOUNT.match(t) or CODE.match(t) for t in cells) or all(ROW_LABEL.match(t) for t in cells)


def _header_height(rows: _Rows) -> tuple[int, CodeHeader | None]:
    """How many top rows are header, and the pair of 科目 code and name rows among them."""
    texts = [rows.texts(r) for r in range(len(rows.starts))]
    pair = code_header(texts)
    for header in ([pair, None] if pair else [None]):
        skip = {header.code_row, header.name_row} if header else set()
        first_data = next((r for r, t in enumerate(texts) if r not in skip and _is_data_row(t)), len(texts))
        if header is None or max(skip) < first_data:
            height = max((r + 1 for r in range(first_data) if any(texts[r])), default=0)
            return _header_continued(rows.fragment.table, texts, height), header
    return 0, None  # not reached: the last try has no pair


def _header_continued(table: RawTable, texts: list[list[str]], height: int) -> int:
    """The header height counting the rows under it that only continue it: rows with no figure
    (no amount, no code) that a cell drawn from the header reaches down into — the tail of a
    wrapped column name (因公出 / 国（境） / 费), a sub-column's 小计 — not the table's first rows."""
    if height == 0:
        return 0
    r = height
    while r < len(texts):
        cells = [t for t in texts[r] if t]
        if cells:
            if any(AMOUNT.match(t) or CODE.match(t) for t in cells) or not _reached_from_header(table, r, height):
                break
            height = r + 1
        r += 1
    return height


def _reached_from_header(table: RawTable, r: int, height: int) -> bool:
    return any(cell.row < height and cell.row < r < cell.row + cell.row_span for cell in table.cells)


def _column_paths(table: RawTable, height: int, extra: dict[int, str]) -> tuple[list[str], str | None]:
    owners = table.owners()
    unit = None
    paths = []
    for c in range(table.n_cols):
        parts: list[str] = []
        seen: set[int] = set()
        above: RawCell | None = None
        for r in range(height):
            cell = owners[r][c]
            if cell is None or id(cell) in seen or not cell.text:
                continue
            seen.add(id(cell))
            m = UNIT_NOTE.search(cell.text)
            if m:
                unit = unit or m.group(1)
                continue
            if above is not None and table.ruled and _wraps_into(above, cell):
                parts[-1] += cell.text
            else:
                parts.append(cell.text)
            above = cell
        if c in extra:
            parts.append(extra[c])
        paths.append(PATH_SEPARATOR.join(parts))
    return paths, unit


def _wraps_into(upper: RawCell, lower: RawCell) -> bool:
    """Is ``lower`` the rest of ``upper``'s name, wrapped into the next ruled row (因公出 / 国（境） / 费)?
    It is drawn right under it over exactly the same columns, and ``upper``'s text fills its
    cell's width (no room for one more character): a name that wrapped, not a group's name
    centred over a column."""
    return (lower.col, lower.col_span) == (upper.col, upper.col_span) and lower.row == upper.row + upper.row_span and fills_cell(upper)


def _column_map(first: RawTable, other: RawTable) -> list[int] | None:
    """Where each column of a continuation fragment sits in the first fragment (None: no fit)."""
    if other.n_cols == first.n_cols:
        return list(range(other.n_cols))
    return column_targets(first, other)


def _page_turn(last: Fragment, fragment: Fragment) -> bool:
    """Does ``fragment`` open the page after the one ``last`` closed, with no title of its own?"""
    return (
        fragment.table.page == last.table.page + 1
        and last.last_on_page
        and not last.notes
        and fragment.first_on_page
        and (not fragment.title or fragment.continued)
    )


def _columns_of(group: list[Fragment]) -> Fragment:
    """The fragment whose columns the group's continuations are placed in: the first, or the one
    under a header top that the first held alone."""
    return group[1] if len(group) > 1 and group[1].carries_header else group[0]


def _continues(group: list[Fragment], fragment: Fragment) -> bool:
    return _page_turn(group[-1], fragment) and _column_map(_columns_of(group).table, fragment.table) is not None


def _header_only(fragment: Fragment) -> bool:
    rows = _Rows.of(fragment)
    height = _header_height(rows)[0]
    return height > 0 and not any(any(rows.texts(r)) for r in range(height, len(rows.starts)))


def _carries_header(group: list[Fragment], fragment: Fragment) -> bool:
    """Does ``fragment`` go on with the header of a table whose page held only its top header rows
    (收入 | 支出), its own columns each under one of them (项目名称 金额 | 项目名称 金额)?"""
    return (
        len(group) == 1
        and _page_turn(group[0], fragment)
        and _header_only(group[0])
        and columns_within(group[0].table, fragment.table) is not None
    )


def _as_printed(fragment: Fragment) -> None:
    """The fragment on its printed columns, and its body on its printed rows."""
    height = _header_height(_Rows.of(fragment))[0]
    fragment.table = merge_columns(fragment.table, logical_columns(fragment.table, height > 0))
    fragment.table = printed_rows(fragment.table, height)


def _continuation_as_printed(fragment: Fragment) -> None:
    """A continuation's rows from its first row of figures on its printed rows (its columns are
    placed in the table's by `_column_map`)."""
    rows = _Rows.of(fragment)
    first_data = next((r for r in range(len(rows.starts)) if _is_data_row(rows.texts(r))), len(rows.starts))
    fragment.table = printed_rows(fragment.table, first_data)


def group_fragments(fragments: list[Fragment]) -> list[list[Fragment]]:
    """Fragments joined into tables; the first fragment of each on its logical columns
    (`parsers.table_spans`), which its continuations are then placed in."""
    groups: list[list[Fragment]] = []
    for fragment in fragments:
        if groups and _continues(groups[-1], fragment):
            _continuation_as_printed(fragment)
            groups[-1].append(fragment)
        elif groups and _carries_header(groups[-1], fragment):
            _as_printed(fragment)
            fragment.carries_header = True
            groups[-1].append(fragment)
        else:
            _as_printed(fragment)
            groups.append([fragment])
    return groups


def _under_top_header(table_id: str, group: list[Fragment]) -> Table:
    """The table of a group whose first fragment is only the top of the header: read from the
    rest, each column's path led by the top header's path of the column it sits under."""
    top = group[0]
    table = build_table(table_id, group[1:])
    within = columns_within(top.table, group[1].table)
    if within is not None and len(within) == len(table.columns):
        height = _header_height(_Rows.of(top))[0]
        paths, _ = _column_paths(top.table, height, {})
        table.columns = [PATH_SEPARATOR.join(p for p in (paths[t], own) if p) for t, own in zip(within, table.columns)]
        first_under = {t: c for c, t in reversed(list(enumerate(within)))}
        top_rows = _Rows.of(top)
        above = [[top_rows.texts(r)[within[c]] if first_under[within[c]] == c else "" for c in range(len(within))] for r in range(height)]
        table.header_rows = above + table.header_rows
    table.title = f"{top.tag} {top.title}".strip()
    table.unit = top.unit or table.unit
    table.page = top.table.page
    table.pages = sorted({f.table.page for f in group})
    table.notes = [note for f in group for note in f.notes]
    table.kind = recognise(top.title or top.tag, table.columns)
    return table


def build_table(table_id: str, group: list[Fragment]) -> Table:
    if len(group) > 1 and group[1].carries_header:
        return _under_top_header(table_id, group)
    first = _Rows.of(group[0])
    height, code_rows = _header_height(first)
    header_texts = [first.texts(r) for r in range(height)]
    extra: dict[int, str] = {}
    if height < len(first.starts):
        for c, text in enumerate(first.texts(height)):
            if text in CODE_HEADER_WORDS:
                extra[c] = text
    columns, header_unit = _column_paths(group[0].table, height, extra)
    width = len(columns)
    table = Table(id=table_id, rows=[], columns=columns, header_rows=[[t for t in row] for row in header_texts])
    for n, fragment in enumerate(group):
        rows = first if n == 0 else _Rows.of(fragment)
        mapping = _column_map(group[0].table, fragment.table) or list(range(width))
        start = height if n == 0 else _repeated_header(rows, header_texts)
        for r in range(start, len(rows.starts)):
            out = [""] * width
            boxes = {}
            for c, cell in enumerate(rows.starts[r]):
                if cell is None or not cell.text:
                    continue
                col = mapping[c]
                if not (n == 0 and r == height and col in extra):
                    out[col] = cell.text
                    boxes[col] = cell.bbox
            if not any(out):
                continue
            i = len(table.rows)
            table.rows.append(out)
            for col, box in boxes.items():
                table.cell_bboxes[(i, col)] = box
                table.cell_pages[(i, col)] = fragment.table.page
    head = group[0]
    table.title = f"{head.tag} {head.title}".strip()
    table.unit = head.unit or header_unit
    table.page = head.table.page
    table.pages = sorted({f.table.page for f in group})
    table.notes = [note for f in group for note in f.notes]
    table.kind = recognise(head.title or head.tag, columns)
    if code_rows is not None:
        return turn(table, code_rows, label_columns(table, code_rows)) or table
    return table


def _repeated_header(rows: _Rows, header_texts: list[list[str]]) -> int:
    """How many of a continuation's top rows repeat the table's header."""
    wanted = [sorted(t for t in row if t) for row in header_texts]
    k = 0
    while k < len(rows.starts) and k < len(wanted) and sorted(t for t in rows.texts(k) if t) == wanted[k]:
        k += 1
    return k if k == len(wanted) else 0
