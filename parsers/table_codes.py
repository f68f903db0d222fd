"""Header rows of 科目 codes: a table whose columns are 科目, printed as a row of codes over (or
under) a row of their names, and the table turned so that its 科目 head rows as everywhere else.

Some templates print a classified table the other way round: the 类 (or 款, 项) as columns, a
header row ``201 | 208 | 221`` above ``一般公共服务支出 | 社会保障和就业支出 | 住房保障支出``, and
the periods as rows (年初预算数 / 调整预算数 / 决算数). Read naively, the codes look like amounts,
the header rows become body rows and every column comes out unnamed.

`code_header` recognises such a pair of rows. It is strict, because a row of integer amounts in
元 can look like codes: at least two codes of one classification (same first digit, 3/5/7 digits,
distinct, ascending), a 科目 name (Chinese, no digits) over or under every code, no amount in
either row, and every other column headed once (a header cell spanning both rows) — except a
``科目编码`` / ``科目名称`` pair of labels.

`turn` gives such a table its canonical shape: one row per 科目 (and per 合计 column), a code
column and a name column, and the printed rows as value columns named by their labels. Each cell
keeps the box and page it was printed at, so a finding still points at the printed place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.model import BBox, Table
from parsers.numbers import parse_cell

CODE = re.compile(r"^[1-9]\d{2}(?:\d{2}){0,2}$")  # 类 201, 款 20101, 项 2010101; 经济分类 301, 30101
NAME = re.compile(r"^[^\d０-９]*[\u4e00-\u9fff][^\d０-９]*$")
CODE_LABEL = re.compile(r"编码|代码")
NAME_LABEL = re.compile(r"名称")
TOTAL = re.compile(r"^(?:合\s*计|总\s*计|小\s*计)$")


@dataclass(frozen=True, slots=True)
class CodeHeader:
    """A recognised pair of header rows: which row holds the codes, which the names."""

    code_row: int
    name_row: int
    code_cols: tuple[int, ...]


def _codes(cells: list[str]) -> list[int]:
    return [c for c, text in enumerate(cells) if CODE.match(text.strip())]


def _one_classification(codes: list[str]) -> bool:
    return len(set(codes)) == len(codes) and len({c[0] for c in codes}) == 1 and codes == sorted(codes, key=lambda c: (c.ljust(7, "0"), len(c)))


def is_pair(code_row: list[str], name_row: list[str]) -> tuple[int, ...] | None:
    """The code columns when ``code_row`` prints 科目 codes and ``name_row`` their names, else None."""
    width = max(len(code_row), len(name_row))
    code_row = [c.strip() for c in code_row] + [""] * (width - len(code_row))
    name_row = [c.strip() for c in name_row] + [""] * (width - len(name_row))
    cols = _codes(code_row)
    if len(cols) < 2 or not _one_classification([code_row[c] for c in cols]):
        return None
    for c in range(width):
        code, name = code_row[c], name_row[c]
        if c in cols:
            if not NAME.match(name):
                return None
            continue
        if any(parse_cell(t) is not None for t in (code, name)):
            return None  # an amount in either row: these are body rows
        if code and name and not (CODE_LABEL.search(code) and NAME_LABEL.search(name)):
            return None  # a column headed twice: the pair is not one header
    return tuple(cols)


def code_header(rows: list[list[str]], limit: int = 4) -> CodeHeader | None:
    """A code row with its names row among the first ``limit`` rows (codes over names first)."""
    for r in range(min(limit, len(rows))):
        for other in (r + 1, r - 1):
            if 0 <= other < len(rows) and (cols := is_pair(rows[r], rows[other])) is not None:
                return CodeHeader(r, other, cols)
    return None


def label_columns(table: Table, header: CodeHeader) -> list[int]:
    """The columns that hold the printed rows' labels: no code over them, only text in the body."""
    out = []
    for c in range(len(table.columns)):
        cells = [row[c].strip() for row in table.rows if c < len(row) and row[c].strip()]
        if c not in header.code_cols and cells and not any(parse_cell(t) is not None for t in cells):
            out.append(c)
    return out


def turned(table: Table) -> Table:
    """``table`` turned when its header rows hold a 科目 code header (see `turn`), else itself."""
    header = code_header(table.header_rows)
    if header is None:
        return table
    return turn(table, header, label_columns(table, header)) or table


def _label(cells: list[str], label_cols: list[int]) -> str:
    return " ".join(cells[c].strip() for c in label_cols if c < len(cells) and cells[c].strip())


def turn(table: Table, header: CodeHeader, label_cols: list[int]) -> Table | None:
    """``table`` (its header rows holding ``header``) with one row per 科目 or 合计 column.

    ``label_cols``: the columns that hold the printed rows' labels. None when a value column is
    neither a 科目 nor a total, or a printed row has no label: the table is then kept as printed."""
    width = len(table.columns)
    code_row = table.header_rows[header.code_row]
    name_row = table.header_rows[header.name_row]
    value_cols = [c for c in range(width) if c not in label_cols]
    names: dict[int, tuple[str, str]] = {}
    for c in value_cols:
        if c in header.code_cols:
            names[c] = (code_row[c].strip(), name_row[c].strip())
        elif TOTAL.match(heading := " ".join(h[c].strip() for h in table.header_rows if c < len(h) and h[c].strip())):
            names[c] = ("", re.sub(r"\s+", "", heading))
        else:
            return None
    labels = [_label(row, label_cols) for row in table.rows]
    if not labels or not all(labels):
        return None
    rows = [[code, name] + [row[c] if c < len(row) else "" for row in table.rows] for c, (code, name) in names.items()]
    boxes: dict[tuple[int, int], BBox] = {}
    pages: dict[tuple[int, int], int] = {}
    for i, c in enumerate(names):
        for r in range(len(table.rows)):
            if (r, c) in table.cell_bboxes:
                boxes[(i, r + 2)] = table.cell_bboxes[(r, c)]
            if (r, c) in table.cell_pages:
                pages[(i, r + 2)] = table.cell_pages[(r, c)]
    columns = ["科目编码", "科目名称", *labels]
    return Table(
        id=table.id, rows=rows, columns=columns, header_rows=[list(columns)], title=table.title, unit=table.unit,
        kind=table.kind, section_id=table.section_id, page=table.page, pages=list(table.pages), start=table.start,
        end=table.end, notes=list(table.notes), cell_bboxes=boxes, cell_pages=pages,
    )
