"""Outline sums: a table whose rows form a 合计 ← parts tree by where their labels stand.

Tables outside the standard set (政府采购预算表, the Jiangsu 收入预算总表 with its single 金额
column) print their breakdown as an outline across several label columns: 合计 first, then
``一、货物`` in the first label column, a 专项 and its 经济科目 further right, the items bought
further right still; or ``一般公共预算资金 | 小计`` over the sources of that fund. A row's depth is
the rightmost label column it fills (a 小计/合计 word there names the group to its left, so it
does not count); ``其中`` rows are never parts.

Two claims per value column (rule ``table.total``):

- a row followed by rows standing deeper sums the shallowest of them (up to the next row at its
  own depth or shallower);
- a total row (合计 / 总计 / 收入总计 …) with no deeper rows under it sums the rows of its own depth
  after it (when it opens the table) or before it (when it closes it), up to another total.

Only tables none of whose rows the standard table finders (`tables`) could sum are read this way,
and only when the table's own figures confirm the outline: at least as many of its sums hold as
fail (with rounding), one at least. An outline misread from attribute columns gives sums that do
not hold; it is then not the table's, and no claim is made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from parsers.model import Figure
from tui_review.contracts.relation import Relation
from tui_review.relations.table_index import ORDINAL, Panel, TableView, leaf
from tui_review.relations.table_relation import sum_relation

TOTAL = re.compile(r"^(?:小计|.{0,8}(?:合计|总计))$")  # on the label without spaces
NOT_A_PART = re.compile(r"^\s*其中")

@dataclass(frozen=True, slots=True)
class _Row:
    row: int
    depth: int
    label: str
    total: bool  # labelled by a total word (合计 / 总计 / 小计 …)
    grand: bool  # labelled by nothing but a total word (合计, 收入总计): no group's 小计
    part: bool  # may be a part of a sum (not a 其中 row)


def _label_columns(view: TableView, panel: Panel) -> list[int]:
    """The text columns between the previous panel's values and this panel's first value column."""
    first = panel.value_cols[0]
    before = [c for p in view.panels for c in p.value_cols if c < first]
    start = max(before) + 1 if before else 0
    return [c for c in range(start, first) if any(c < len(r) and r[c].strip() for r in view.table.rows)]


def _outline(view: TableView, panel: Panel) -> list[_Row]:
    out = []
    cols = _label_columns(view, panel)
    for r, cells in enumerate(view.table.rows):
        texts = [(c, cells[c].strip()) for c in cols if c < len(cells) and cells[c].strip()]
        if not texts:
            continue
        named = [c for c, t in texts if not TOTAL.match(re.sub(r"\s+", "", t))]
        depth = max(named) if named else min(c for c, _ in texts)
        label = " ".join(t for _, t in texts)
        total = any(TOTAL.match(re.sub(r"\s+", "", t)) for _, t in texts)
        out.append(_Row(r, depth, label, total, not named, not any(NOT_A_PART.match(t) for _, t in texts)))
    return out


def _children(rows: list[_Row], i: int, open_end: bool = False) -> list[_Row]:
    """The rows right under ``rows[i]``: the shallowest of the deeper run that follows it. With
    ``open_end`` a run that reaches the table's last row may go on in the next table (a page whose
    continuation was read as a table of its own): it is no complete list."""
    run = []
    for below in rows[i + 1 :]:
        if below.depth <= rows[i].depth:
            break
        run.append(below)
    if open_end and run and run[-1] is rows[-1]:
        return []
    parts = [r for r in run if r.part]
    if not parts:
        return []
    top = min(r.depth for r in parts)
    return [r for r in parts if r.depth == top]


def _same_depth(rows: list[_Row], i: int, step: int) -> list[_Row]:
    """The part rows of ``rows[i]``'s depth after (step 1) or before (step −1) it, up to another
    total of its depth or a shallower row."""
    out = []
    k = i + step
    while 0 <= k < len(rows):
        row = rows[k]
        if row.depth < rows[i].depth or (row.depth == rows[i].depth and row.grand):
            break
        if row.depth == rows[i].depth and row.part:
            out.append(row)
        k += step
    return out


def _claims(rows: list[_Row], open_end: bool) -> list[tuple[_Row, list[_Row]]]:
    out = []
    for i, row in enumerate(rows):
        if not row.part:
            continue
        kids = _children(rows, i, open_end)
        if kids:
            out.append((row, kids))
        elif row.grand:
            after, before = _same_depth(rows, i, 1), _same_depth(rows, i, -1)
            if i == 0 and after:
                out.append((row, after))
            elif i == len(rows) - 1 and before:
                out.append((row, before))
    return out


def _holds(relation: Relation) -> bool:
    """Σ parts meets the total within the rounding of the printed figures (blanks read as 0)."""
    figures = relation.figures()
    if any(f.unit != figures[0].unit for f in figures):
        return False
    assert relation.target is not None
    gap = relation.target.value - sum((t.figure.value * t.coeff for t in relation.terms), Decimal(0))
    slack = sum((f.half_ulp for f in figures if f.text), Decimal(0))
    return abs(gap) <= slack


def _name(row: _Row) -> str:
    return ORDINAL.sub("", row.label)


def _continued(view: TableView) -> bool:
    """The next table has the same title and columns: possibly this one's continuation."""
    tables = view.doc.tables
    k = next((i for i, t in enumerate(tables) if t is view.table), len(tables))
    nxt = tables[k + 1] if k + 1 < len(tables) else None
    return nxt is not None and nxt.columns == view.table.columns and nxt.title in ("", view.table.title)


def outline_sums(view: TableView) -> list[Relation]:
    """The outline's sums of ``view``, when its figures confirm the outline (see the module)."""
    out: list[Relation] = []
    open_end = _continued(view)
    for panel in view.panels:
        rows = _outline(view, panel)
        for total, parts in _claims(rows, open_end):
            for col in panel.value_cols:
                target: Figure | None = view.figure(total.row, col)
                rel = sum_relation(
                    "table.total", view, target, [(view.figure(p.row, col), 1) for p in parts],
                    f"{_name(total)} = Σ 其下各项（{leaf(view.table.columns[col])}）",
                    f"{_name(total)} = sum of the items under it ({leaf(view.table.columns[col])})",
                    "合计",
                )
                if rel is not None and any(t.figure.text for t in rel.terms):
                    out.append(rel)
    held = sum(1 for r in out if _holds(r))
    return out if held >= 1 and held >= len(out) - held else []
