"""A table as the relation finders read it: panels, row codes and labels, and each cell's figure.

Standard tables are often printed two-sided (收入 | 支出 side by side, or 经济分类 codes in two
halves), so a table is split into *panels*: runs of columns that open with label or code columns
(科目编码 › 类 | 款 | 项, 科目名称, 项目) followed by value columns. Each panel row has a code
(类|款|项 cells joined, a parent level inherited when only the lower level is printed, or a code
leading the label) and a label (ordinal such as ``一、`` kept apart). `TableView.figure` gives the
`Figure` of a cell — the parser's, or for a blank cell a stand-in with empty text, which the checks
read as "unknown, 0 if the identity closes with it".

Rows are matched by label or code, never by 行次.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from parsers import lexicon
from parsers.model import CellRef, Document, Figure, Role, Table
from parsers.numbers import parse_cell
from parsers.table_figures import CODE_COLUMN, column_role

SEPARATOR = " › "
NAME_COLUMN = re.compile(r"名称|^项目$|科目$|^项\s*目$|^摘要$|^单位名称$")
SKIP_COLUMN = re.compile(r"序号|行次|栏次|计量单位|^单位$|备注|说明")
CODE = re.compile(r"^\d{2,7}$")
LEADING_CODE = re.compile(r"^\s*(\d{3}(?:\d{2}){0,2})\s*(?=[\u4e00-\u9fff])")
ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[、．.](?!\d))\s*")
TOP_ORDINAL = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、．.]")
BLANK = re.compile(r"^\s*$")


def column(name: str) -> str:
    """A pattern for the column called ``name`` (a regex) at any header depth, or its 小计/合计."""
    return rf"(?:^|› ){name}(?: › (?:小计|合计))?$"


def leaf(path: str) -> str:
    return path.split(SEPARATOR)[-1].strip() if path else ""


def segments(path: str) -> list[str]:
    return [s.strip() for s in path.split(SEPARATOR)] if path else []


def name_key(label: str) -> str:
    """A row or column name for matching: no ordinal, spaces, brackets' width or quotes."""
    t = ORDINAL.sub("", label)
    t = re.sub(r"[\s“”\"'‘’]", "", t)
    return t.replace("(", "（").replace(")", "）")


@dataclass(slots=True)
class Panel:
    code_cols: list[int]
    label_col: int | None
    value_cols: list[int]


@dataclass(slots=True)
class PanelRow:
    row: int
    code: str  # "" when the row has none
    label: str  # as printed (ordinal kept)
    key: str  # name_key(label)

    @property
    def top_ordinal(self) -> bool:
        return bool(TOP_ORDINAL.match(self.label))


@dataclass(slots=True)
class TableView:
    doc: Document
    table: Table
    figures: dict[tuple[int, int], Figure]
    panels: list[Panel] = field(default_factory=list)
    _rows: dict[int, list[PanelRow]] = field(default_factory=dict)
    _by_row: dict[int, Figure] = field(default_factory=dict)  # a figure of each row, of each column
    _by_col: dict[int, Figure] = field(default_factory=dict)
    _filled_cols: set[int] = field(default_factory=set)
    # a total row printed once across the panels of one side (label in the first, amount in the
    # last): the panel whose amount cell is empty reads the amount, the one without a label the label
    _spanned: dict[tuple[int, int], Figure] = field(default_factory=dict)
    _borrowed: dict[tuple[int, int], PanelRow] = field(default_factory=dict)  # (id(panel), row) → row

    def rows(self, panel: Panel) -> list[PanelRow]:
        """The panel's rows that carry a label or a code, top to bottom."""
        key = id(panel)
        if key not in self._rows:
            own = _panel_rows(self.table, panel)
            borrowed = [r for (pid, _), r in self._borrowed.items() if pid == key]
            self._rows[key] = sorted(own + borrowed, key=lambda r: r.row) if borrowed else own
        return self._rows[key]

    def figure(self, row: int, col: int) -> Figure | None:
        """The cell's figure; a blank stand-in for an empty cell; None for text."""
        found = self.figures.get((row, col)) or self._spanned.get((row, col))
        if found is not None:
            return found
        cells = self.table.rows[row]
        if col >= len(cells) or not BLANK.match(cells[col]):
            return None
        return self._blank(row, col)

    def has_value(self, row: int, col: int) -> bool:
        return (row, col) in self.figures

    def structurally_empty(self, fig: Figure) -> bool:
        """A blank cell whose whole column, or whose whole row in its panel, is blank: the table
        itself says this category does not occur, so it is no term of any sum."""
        if fig.text or fig.cell is None or fig.cell.table_id != self.table.id:
            return False
        row, col = fig.cell.row, fig.cell.col
        if col not in self._filled_cols:
            return True
        panel = next((p for p in self.panels if col in p.value_cols), None)
        return panel is not None and not any(self.has_value(row, c) for c in panel.value_cols)

    def row_name(self, row: int, col: int) -> str:
        """The code and label of ``row`` in the panel that holds column ``col``."""
        panel = next((p for p in self.panels if col in p.value_cols), None)
        found = next((r for r in self.rows(panel) if r.row == row), None) if panel else None
        return f"{found.code} {ORDINAL.sub('', found.label)}".strip() if found else ""

    def cell(self, row_pattern: str | None, col_pattern: str | None = None) -> Figure | None:
        """The figure at the first uncoded row whose name matches (None: the first row with a
        figure), in the first value column of that row's panel whose header matches."""
        for panel in self.panels:
            if row_pattern is None:
                row = next((r for r in range(len(self.table.rows)) if any(self.has_value(r, c) for c in panel.value_cols)), None)
            else:
                row = next((r.row for r in self.rows(panel) if not r.code and re.search(row_pattern, r.key)), None)
            if row is None:
                continue
            cols = panel.value_cols if col_pattern is None else [c for c in panel.value_cols if re.search(col_pattern, self.table.columns[c])]
            if cols:
                return self.figure(row, cols[0])
        return None

    def _blank(self, row: int, col: int) -> Figure:
        table = self.table
        same_col = self._by_col.get(col)
        same_row = self._by_row.get(row)
        neighbour = same_col or same_row
        return Figure(
            id=f"{table.id}.{row}.{col}",
            text="",
            value=Decimal(0),
            decimals=0,
            unit=neighbour.unit if neighbour else table.unit or self.doc.unit,
            subject=same_row.subject if same_row else "",
            role=same_col.role if same_col else column_role(table.columns[col], self.doc.year) if col < len(table.columns) else Role.AMOUNT,
            section_id=table.section_id,
            page=table.cell_pages.get((row, col), table.page),
            cell=CellRef(table.id, row, col),
            bbox=table.cell_bboxes.get((row, col)),
            column=table.columns[col] if col < len(table.columns) else "",
        )


def _is_value_column(table: Table, col: int) -> bool:
    cells = [r[col] for r in table.rows if col < len(r) and not BLANK.match(r[col])]
    return all(parse_cell(c) is not None or c.strip() in ("-", "—", "/") for c in cells)


def _column_kinds(table: Table) -> list[str]:
    """code / label / value / skip for each column, from its header and its cells."""
    kinds = []
    for col, path in enumerate(table.columns):
        name = leaf(path)
        if CODE_COLUMN.search(name) or (CODE_COLUMN.search(path) and not NAME_COLUMN.search(name)):
            kinds.append("code")
        elif SKIP_COLUMN.search(name):
            kinds.append("skip")
        elif NAME_COLUMN.search(name) or not _is_value_column(table, col):
            kinds.append("label")
        else:
            kinds.append("value")
    return kinds


def _panels(table: Table) -> list[Panel]:
    panels: list[Panel] = []
    current: Panel | None = None
    for col, kind in enumerate(_column_kinds(table)):
        if kind in ("code", "label"):
            if current is None or current.value_cols:
                current = Panel([], None, [])
                panels.append(current)
            if kind == "code":
                current.code_cols.append(col)
            elif current.label_col is None:
                current.label_col = col
        elif kind == "value":
            if current is None:
                current = Panel([], None, [])
                panels.append(current)
            current.value_cols.append(col)
    return [p for p in panels if p.value_cols]


def _panel_rows(table: Table, panel: Panel) -> list[PanelRow]:
    out: list[PanelRow] = []
    parents: list[str] = []
    for r, cells in enumerate(table.rows):
        parts = [_cell(cells, c) for c in panel.code_cols]
        # 款 and 项 codes are two digits in their own columns: a printed "2" under 款 is 02
        parts = [p.zfill(2) if i and len(p) == 1 and p.isdigit() else p for i, p in enumerate(parts)]
        label = _cell(cells, panel.label_col) if panel.label_col is not None else ""
        code = ""
        if any(parts) and all(CODE.match(p) or not p for p in parts):
            if len(parts) > 1:
                first = next(i for i, p in enumerate(parts) if p)
                filled = parents[:first] + parts[first:] if first and len(parents) >= first else parts
                last = max(i for i, p in enumerate(filled) if p) if any(filled) else -1
                if all(filled[: last + 1]):
                    code = "".join(filled[: last + 1])
                    parents = filled[: last + 1]
            else:
                code = parts[0]
        else:
            label = label or "".join(p for p in parts if not CODE.match(p))  # 合计 spanning the code cells
            m = LEADING_CODE.match(label)
            if m:
                code, label = m.group(1), label[m.end() :].strip()
        if code or label:
            out.append(PanelRow(r, code, label, name_key(label)))
    return out


def view(doc: Document, table: Table, figures: dict[tuple[int, int], Figure]) -> TableView:
    v = TableView(doc, table, figures)
    v.panels = _panels(table)
    for (r, c), f in figures.items():
        v._by_row.setdefault(r, f)
        v._by_col.setdefault(c, f)
        v._filled_cols.add(c)
    _totals_across_panels(v)
    return v


SHARED_TOTAL = lexicon.ENDS_IN_TOTAL


def _totals_across_panels(v: TableView) -> None:
    """“当年支出小计 | (blank) | (blank) | 18,330.37”: a 收支总表 whose spending side shows two
    breakdowns (功能分类 and 支出用途) prints the rows they share (小计, 结转下年资金, 合计) once
    across both — the label under the first, the amount under the last. Both panels read that row."""
    table = v.table
    for left, right in zip(v.panels, v.panels[1:]):
        lcols = [c for c in left.value_cols if c in v._filled_cols]  # empty columns of a ruled grid are no amounts
        rcols = [c for c in right.value_cols if c in v._filled_cols]
        if len(lcols) != 1 or len(rcols) != 1 or left.label_col is None or right.label_col is None:
            continue
        lcol, rcol = lcols[0], rcols[0]
        side = segments(table.columns[lcol])[:1] if lcol < len(table.columns) else []
        if not side or len(segments(table.columns[lcol])) < 2 or segments(table.columns[rcol])[:1] != side:
            continue
        shared = False  # from the first total row on, the rows are the two breakdowns' shared rows
        for r, cells in enumerate(table.rows):
            label = _cell(cells, left.label_col)
            shared = shared or bool(SHARED_TOTAL.search(name_key(label)))
            if not shared or not label or _cell(cells, right.label_col) or (r, lcol) in v.figures:
                continue
            amount = v.figures.get((r, rcol))
            if amount is None or _cell(cells, lcol):
                continue
            v._spanned[(r, lcol)] = amount
            v._borrowed[(id(right), r)] = PanelRow(r, "", label, name_key(label))


def _cell(cells: list[str], col: int) -> str:
    return cells[col].strip() if col < len(cells) else ""


def standard_views(doc: Document) -> dict[str, TableView]:
    """The first table of each standard kind the document prints, by kind."""
    by_kind: dict[str, TableView] = {}
    for v in views(doc):
        if v.table.kind and v.table.kind not in by_kind:
            by_kind[v.table.kind] = v
    return by_kind


def views(doc: Document) -> list[TableView]:
    """A view of every table, with the figures the parser made from its cells."""
    by_table: dict[str, dict[tuple[int, int], Figure]] = {t.id: {} for t in doc.tables}
    for f in doc.figures:
        if f.cell is not None and f.cell.table_id in by_table:
            by_table[f.cell.table_id][(f.cell.row, f.cell.col)] = f
    return [view(doc, t, by_table[t.id]) for t in doc.tables]
