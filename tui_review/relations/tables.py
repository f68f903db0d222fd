"""Table identities as `Relation`s: what every standard table's own arithmetic claims.

Within a table (each panel of a two-sided table on its own):

- ``table.hierarchy``: a classification row equals the sum of its sub-items, by code prefix —
  功能分类 类 (3 digits) = Σ 款 (5) = Σ 项 (7), 经济分类 301 = Σ 301xx — in every value column;
- ``table.total``: a 合计 row equals the sum of the top-level coded rows; a 合计 row under a run of
  ``一、二、…`` rows equals their sum; a row followed by a run of sub-items (年初结转和结余 over
  ``一、一般公共预算财政拨款 …``) equals their sum; 总计 = the 合计 above it + the rows between
  (使用非财政拨款结余, 年初结转和结余 …); 人员经费 = 301 + 303, 公用经费 = 302 + 310 (+ 307/309/399);
- ``table.columns``: a 合计/小计 column equals its sibling columns under the same header
  (本年支出合计 = 基本支出 + 项目支出 + …; 三公 合计 = 出国 + 公务用车 小计 + 接待, and 小计 =
  购置 + 运行, for 预算数 and 决算数 alike);
- ``table.balance``: 收入总计 = 支出总计; per row 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余;
  per fund in the 财政拨款收支总表, 年初结转 + 本年收入 − 本年支出 = 年末结转.

Tables none of these can sum get their outline's sums (`table_sums`). Between tables
(``table.cross``): see `table_cross`. Rows are matched by label or code, never by 行次.
"""

from __future__ import annotations

import re

from parsers import lexicon
from parsers.model import Document
from tui_review.contracts.relation import Relation
from tui_review.relations.table_cross import FUNDS, cross
from tui_review.relations.table_relation import row_matching as _row
from tui_review.relations.table_relation import sum_relation as _relation
from tui_review.relations.table_sums import outline_sums
from tui_review.relations.table_index import (
    ORDINAL,
    Panel,
    PanelRow,
    TableView,
    leaf,
    segments,
    views,
)

TOTAL_WORD = re.compile(rf"^(?:{lexicon.TOTAL_WORDS}|本年收入合计|本年支出合计|收入合计|支出合计)$")
ROW_TOTAL = lexicon.ENDS_IN_SUBTOTAL
GRAND_TOTAL = lexicon.ENDS_IN_GRAND_TOTAL
NOT_A_PART = re.compile(r"^其中|机关运行经费")
SUB_ITEM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[、．.](?!\d))")
STAFF = ("人员经费", ("301", "303"))
OFFICE = ("公用经费", ("302", "307", "309", "310", "399"))


def _level(row: PanelRow) -> int:
    """0 a plain row, 1 a 一、 row, 2 a （一）/1. sub-item, 3 a 其中 row."""
    if row.label.startswith("其中"):
        return 3
    if row.top_ordinal:
        return 1
    if SUB_ITEM.match(row.label):
        return 2
    return 0


def _name(row: PanelRow) -> str:
    return f"{row.code} {ORDINAL.sub('', row.label)}".strip()



# --- within one table ---------------------------------------------------------------------------


def _nearest_parent(code: str, present: set[str]) -> str | None:
    for cut in range(len(code) - 2, 2, -2):
        if code[:cut] in present:
            return code[:cut]
    return None


def _coded(view: TableView, panel: Panel) -> tuple[dict[str, PanelRow], dict[str | None, list[PanelRow]]]:
    """The panel's coded rows by code (a code printed twice is left out) and by parent."""
    seen: dict[str, PanelRow] = {}
    twice: set[str] = set()
    for row in view.rows(panel):
        if row.code and len(row.code) in (3, 5, 7):
            if row.code in seen:
                twice.add(row.code)
            seen[row.code] = row
    by_code = {c: r for c, r in seen.items() if c not in twice}
    children: dict[str | None, list[PanelRow]] = {}
    for code, row in by_code.items():
        children.setdefault(_nearest_parent(code, set(by_code)), []).append(row)
    return by_code, children


def _hierarchy(view: TableView) -> list[Relation]:
    out = []
    for panel in view.panels:
        by_code, children = _coded(view, panel)
        for code, parent in by_code.items():
            kids = children.get(code)
            if not kids:
                continue
            for col in panel.value_cols:
                rel = _relation(
                    "table.hierarchy",
                    view,
                    view.figure(parent.row, col),
                    [(view.figure(k.row, col), 1) for k in kids],
                    f"{_name(parent)} = Σ 下级科目（{leaf(view.table.columns[col])}）",
                    f"{_name(parent)} = sum of its sub-items ({leaf(view.table.columns[col])})",
                    "合计",
                )
                if rel:
                    out.append(rel)
    return out


def _sum_rows(view: TableView, panel: Panel, total: PanelRow, parts: list[PanelRow], zh: str, en: str) -> list[Relation]:
    out = []
    for col in panel.value_cols:
        rel = _relation("table.total", view, view.figure(total.row, col), [(view.figure(p.row, col), 1) for p in parts], zh, en, "合计")
        if rel:
            out.append(rel)
    return out


def _coded_totals(view: TableView) -> list[Relation]:
    """合计 = Σ the top-level coded rows (类, or 经济分类 类)."""
    out = []
    for panel in view.panels:
        _, children = _coded(view, panel)
        top = children.get(None, [])
        if not top:
            continue
        for row in view.rows(panel):
            if not row.code and row.key in ("合计", "总计"):
                out += _sum_rows(view, panel, row, top, f"{row.key} = Σ 各类", f"{row.key} = sum of the top-level items")
    return out


def _ordinal_totals(view: TableView) -> list[Relation]:
    """Totals of uncoded rows: 合计 over 一、二、…; a row over its sub-items; 总计 = 合计 + the rows after it."""
    out = []
    for panel in view.panels:
        rows = [r for r in view.rows(panel) if not r.code]
        if len(rows) != len(view.rows(panel)):
            continue  # a coded panel: see _coded_totals
        for i, row in enumerate(rows):
            level = _level(row)
            if ROW_TOTAL.search(row.key) and level == 0:
                out += _total_of_rows_above(view, panel, row, rows[:i])
            elif GRAND_TOTAL.search(row.key) and level == 0:
                total = next((j for j in range(i - 1, -1, -1) if ROW_TOTAL.search(rows[j].key) and _level(rows[j]) == 0), None)
                if total is not None:
                    parts = [rows[total]] + [r for r in rows[total + 1 : i] if _level(r) == 0]
                    out += _sum_rows(view, panel, row, parts, f"{row.key} = {' + '.join(p.key for p in parts)}", f"{row.key} = {' + '.join(p.key for p in parts)}")
            elif level in (0, 1) and not ROW_TOTAL.search(row.key) and not GRAND_TOTAL.search(row.key):
                run = []
                for nxt in rows[i + 1 :]:
                    if _level(nxt) == level + 1 or (level == 0 and _level(nxt) == 1):
                        run.append(nxt)
                    else:
                        break
                if len(run) >= 2:
                    out += _sum_rows(view, panel, row, run, f"{row.key} = Σ 其下各项", f"{row.key} = sum of the items under it")
    return out


def _total_of_rows_above(view: TableView, panel: Panel, row: PanelRow, above: list[PanelRow]) -> list[Relation]:
    """A 合计/小计 row = Σ the run of 一、二、… rows right above it; else 合计 = the 小计 above it +
    the plain rows between (收入合计 = 当年收入小计 + 上年结转资金)."""
    run, stop = [], None
    for prev in reversed(above):
        if _level(prev) == 1:
            run.append(prev)
        elif _level(prev) in (2, 3) and run:
            continue
        else:
            stop = prev
            break
    if row.key.endswith("小计") and stop is not None and not TOTAL_WORD.search(stop.key):
        run = []  # a 小计 sums every item above it: a plain row between (a label cut by a line break) is unsure
    if run:
        return _sum_rows(view, panel, row, run[::-1], f"{row.key} = Σ 各项", f"{row.key} = sum of the items above it")
    if row.key.endswith("合计") and (parts := _subtotal_and_after(above)):
        names = " + ".join(p.key for p in parts)
        return _sum_rows(view, panel, row, parts, f"{row.key} = {names}", f"{row.key} = {names}")
    return []


def _subtotal_and_after(above: list[PanelRow]) -> list[PanelRow]:
    """收入合计 under “当年收入小计, 上年结转资金”: the nearest 小计 above and the plain rows
    between it and the 合计; [] when there is no 小计 or an ordinal row stands between."""
    for j in range(len(above) - 1, -1, -1):
        row = above[j]
        if row.key.endswith("小计") and _level(row) == 0:
            between = above[j + 1 :]
            return [row, *between] if all(_level(r) == 0 and not ROW_TOTAL.search(r.key) for r in between) else []
        if _level(row) != 0 or ROW_TOTAL.search(row.key) or GRAND_TOTAL.search(row.key):
            return []
    return []


def _staff_and_office(view: TableView) -> list[Relation]:
    """Two-sided 基本支出表: 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 310 (+ 307/309/399)."""
    coded = {r.code: (p, r) for p in view.panels for r in view.rows(p) if len(r.code) == 3}
    out = []
    for panel in view.panels:
        for row in view.rows(panel):
            for name, codes in (STAFF, OFFICE):
                if row.code or not row.key.startswith(name):
                    continue
                parts = [(coded[c][0], coded[c][1]) for c in codes if c in coded]
                if not parts:
                    continue
                col = panel.value_cols[0]
                rel = _relation(
                    "table.total",
                    view,
                    view.figure(row.row, col),
                    [(view.figure(r.row, p.value_cols[0]), 1) for p, r in parts],
                    f"{name} = {' + '.join(r.code for _, r in parts)}",
                    f"{name} = {' + '.join(r.code for _, r in parts)}",
                    "合计",
                )
                if rel:
                    out.append(rel)
    return out


def _sibling_columns(view: TableView, panel: Panel, col: int, depth: int) -> list[int] | None:
    """The columns a total column at ``depth`` of its header adds up (None: they cannot be told)."""
    path = segments(view.table.columns[col])
    prefix, suffix = path[:depth], path[depth + 1 :]
    members: dict[str, list[list[str]]] = {}
    for other in panel.value_cols:
        segs = segments(view.table.columns[other])
        if other == col or segs[:depth] != prefix or len(segs) <= depth or TOTAL_WORD.match(segs[depth]):
            continue
        members.setdefault(segs[depth], []).append(segs)
    if not members or any(NOT_A_PART.search(name) and name.startswith("其中") for name in members):
        return None
    paths = [tuple(segments(view.table.columns[c])) for c in panel.value_cols]
    if len(set(paths)) != len(paths):
        return None  # two value columns under one header path: the header was not read whole
    columns = dict(zip(paths, panel.value_cols))
    out = []
    for name in members:
        if NOT_A_PART.search(name):
            continue
        exact = tuple(prefix + [name] + suffix)
        found = columns.get(exact)
        if found is None:
            found = next((columns[k] for k in columns if len(k) == len(exact) + 1 and list(k[: depth + 1]) == prefix + [name] and TOTAL_WORD.match(k[depth + 1]) and list(k[depth + 2 :]) == suffix), None)
        if found is None:
            return None
        out.append(found)
    return out or None


def _column_totals(view: TableView) -> list[Relation]:
    out = []
    table = view.table
    for panel in view.panels:
        for col in panel.value_cols:
            segs = segments(table.columns[col])
            depth = next((d for d, s in enumerate(segs) if TOTAL_WORD.match(s)), None)
            if depth is None:
                continue
            parts = _sibling_columns(view, panel, col, depth)
            if not parts:
                continue
            names = " + ".join(leaf(table.columns[c]) if len(segments(table.columns[c])) <= depth + 1 else segments(table.columns[c])[depth] for c in parts)
            what = table.columns[col]
            for r in range(len(table.rows)):
                label = next((pr for pr in view.rows(panel) if pr.row == r), None)
                where = f"{_name(label)}：" if label else ""
                rel = _relation(
                    "table.columns",
                    view,
                    view.figure(r, col),
                    [(view.figure(r, c), 1) for c in parts],
                    f"{where}{what} = {names}",
                    f"{where}{what} = {names}",
                    "合计",
                )
                if rel:
                    out.append(rel)
    return out


def _column(view: TableView, panel: Panel, pattern: str, total_leaf: bool = False) -> int | None:
    """The panel's value column whose header starts with ``pattern`` (its 合计/小计 if split)."""
    for col in panel.value_cols:
        segs = segments(view.table.columns[col])
        if segs and re.match(pattern, segs[0]) and (len(segs) == 1 or (total_leaf and TOTAL_WORD.match(segs[-1]))):
            return col
    return None


def _carry_over(view: TableView) -> list[Relation]:
    """Per row: 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余."""
    out = []
    for panel in view.panels:
        opening = _column(view, panel, r"年初结转")
        income = _column(view, panel, r"本年收入", total_leaf=True)
        spending = _column(view, panel, r"本年支出", total_leaf=True)
        closing = _column(view, panel, r"年末结转")
        if opening is None or income is None or spending is None or closing is None:
            continue
        for row in view.rows(panel):
            rel = _relation(
                "table.balance",
                view,
                view.figure(row.row, closing),
                [(view.figure(row.row, opening), 1), (view.figure(row.row, income), 1), (view.figure(row.row, spending), -1)],
                f"{_name(row)}：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出",
                f"{_name(row)}: closing balance = opening balance + income − expenditure",
                "结转",
            )
            if rel:
                out.append(rel)
    return out


def _sides_balance(view: TableView) -> list[Relation]:
    """Two-sided tables: 收入总计 = 支出总计."""
    totals = [(p, r) for p in view.panels for r in [_row(view, p, r"总计$")] if r is not None]
    if len(totals) != 2:
        return []
    (pa, ra), (pb, rb) = totals
    rel = _relation(
        "table.balance",
        view,
        view.figure(rb.row, pb.value_cols[0]),
        [(view.figure(ra.row, pa.value_cols[0]), 1)],
        "收入总计 = 支出总计",
        "total income = total expenditure",
        "总计",
    )
    return [rel] if rel else []


def _fund_balances(view: TableView) -> list[Relation]:
    """财政拨款收支总表, per fund: 年初结转 + 本年收入 − 本年支出 = 年末结转."""
    income_side = next((p for p in view.panels if _row(view, p, r"本年收入合计")), None)
    spending_side = next((p for p in view.panels if _row(view, p, r"本年支出合计")), None)
    if income_side is None or spending_side is None or income_side is spending_side:
        return []
    in_rows = view.rows(income_side)
    in_total = _row(view, income_side, r"本年收入合计")
    opening = _row(view, income_side, r"^年初")
    sp_total = _row(view, spending_side, r"本年支出合计")
    closing = _row(view, spending_side, r"^年末")
    if in_total is None or sp_total is None or opening is None or closing is None:
        return []
    out = []
    for fund in FUNDS:
        income = next((r for r in in_rows if r.row < in_total.row and fund in r.key), None)
        opened = next((r for r in in_rows if r.row > opening.row and fund in r.key), None)
        col = next((c for c in spending_side.value_cols if fund in view.table.columns[c]), None)
        if income is None or opened is None or col is None:
            continue
        value = income_side.value_cols[0]
        rel = _relation(
            "table.balance",
            view,
            view.figure(closing.row, col),
            [(view.figure(opened.row, value), 1), (view.figure(income.row, value), 1), (view.figure(sp_total.row, col), -1)],
            f"{fund}财政拨款：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出",
            f"{fund} appropriation: closing balance = opening balance + income − expenditure",
            "结转",
        )
        if rel:
            out.append(rel)
    return out


def find(doc: Document) -> list[Relation]:
    vs = views(doc)
    out: list[Relation] = []
    for v in vs:
        own = _hierarchy(v) + _coded_totals(v) + _ordinal_totals(v) + _staff_and_office(v) + _column_totals(v)
        own += _carry_over(v) + _sides_balance(v)
        if v.table.kind == "fiscal_summary":
            own += _fund_balances(v)
        out += own or outline_sums(v)
    out += cross(vs)
    return out
