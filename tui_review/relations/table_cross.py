"""Between tables (``table.cross``): the same quantity in two standard tables — the 收支总表's
totals, income sources and 类 rows against the 收入表 / 支出表; the 财政拨款收支总表's
一般公共预算 column against the 一般公共预算支出表; its 本年支出合计 per fund against that
fund's table; the 一般公共预算支出表's 基本支出 against 人员经费 + 公用经费 of the 基本支出表.
Rows are matched by label or code, never by 行次.
"""

from __future__ import annotations

import re

from parsers.model import Figure
from tui_review.contracts.relation import Relation
from tui_review.relations.table_index import TableView, column
from tui_review.relations.table_relation import row_matching as _row
from tui_review.relations.table_relation import sum_relation as _relation
from tui_review.relations.table_relation import title as _title

FUNDS = ("一般公共预算", "政府性基金", "国有资本经营")


def _of_kind(vs: list[TableView], kind: str) -> TableView | None:
    """The first table of ``kind`` whose columns could be told apart (a table read without any
    value column has nothing to compare)."""
    return next((v for v in vs if v.table.kind == kind and v.panels), None)


def _equal(a: TableView, fa: Figure | None, b: TableView, fb: Figure | None, what: str, what_en: str) -> Relation | None:
    if fa is None or fb is None:
        return None
    return _relation("table.cross", b, fb, [(fa, 1)], f"{what} 应与《{_title(a)}》一致", f"{what_en} should agree with {_title(a)}", "一致")


def _classes(view: TableView, col_pattern: str) -> dict[str, Figure]:
    """类 rows of a table by name: the coded 3-digit rows, or the 一、 rows of a spending side."""
    out: dict[str, Figure] = {}
    for panel in view.panels:
        cols = [c for c in panel.value_cols if re.search(col_pattern, view.table.columns[c])]
        if not cols:
            continue
        for row in view.rows(panel):
            if (len(row.code) == 3 or (not row.code and row.top_ordinal)) and row.key.endswith("支出"):
                fig = view.figure(row.row, cols[0])
                if fig is not None:
                    out.setdefault(row.key, fig)
    return out


def _income_sources(summary: TableView, income: TableView) -> list[Relation | None]:
    """收支总表 ↔ 收入表: 本年收入合计, each non-appropriation source, Σ appropriation rows."""
    out = [_equal(summary, summary.cell(r"本年收入合计"), income, income.cell(r"^合计$", column("本年收入合计")), "本年收入合计", "total income")]
    panel = summary.panels[0]
    total = _row(summary, panel, r"本年收入合计")
    if total is None:
        return out
    fiscal_rows: list[tuple[Figure | None, int]] = []
    for row in summary.rows(panel):
        if row.row >= total.row:
            break
        source = re.sub(r"收入$", "", row.key)
        if "财政拨款" in source:
            fiscal_rows.append((summary.figure(row.row, panel.value_cols[0]), 1))
            continue
        theirs = income.cell(r"^合计$", column(rf"{re.escape(source)}(?:收入)?"))
        out.append(_equal(summary, summary.figure(row.row, panel.value_cols[0]), income, theirs, row.key, row.key))
    target = income.cell(r"^合计$", column("财政拨款(?:收入)?"))
    if fiscal_rows:
        out.append(_relation("table.cross", income, target, fiscal_rows, f"财政拨款收入 = 《{_title(summary)}》各项财政拨款收入之和", f"appropriation income = the sum of {_title(summary)}'s appropriation rows", "一致"))
    return out


def _spending_classes(summary: TableView, spending: TableView) -> list[Relation | None]:
    """收支总表 ↔ 支出表: 本年支出合计 and each 类."""
    out = [_equal(summary, summary.cell(r"本年支出合计"), spending, spending.cell(r"^合计$", column("本年支出合计")), "本年支出合计", "total expenditure")]
    theirs = _classes(spending, column("本年支出合计"))
    for name, fig in _classes(summary, r".").items():
        out.append(_equal(summary, fig, spending, theirs.get(name), name, name))
    return out


def _general_budget(fiscal: TableView, general: TableView) -> list[Relation | None]:
    """财政拨款收支总表's 一般公共预算 column ↔ the 一般公共预算支出表: each 类 and the total."""
    theirs = _classes(general, column("合计"))
    out = [_equal(fiscal, fig, general, theirs.get(name), name, name) for name, fig in _classes(fiscal, r"一般公共预算").items()]
    out.append(_equal(fiscal, fiscal.cell(r"本年支出合计", r"一般公共预算"), general, general.cell(r"^合计$", column("合计")), "一般公共预算财政拨款支出合计", "general-budget expenditure total"))
    return out


def _fiscal_funds(vs: list[TableView], fiscal: TableView, income: TableView | None, summary: TableView | None) -> list[Relation | None]:
    """财政拨款收支总表 ↔ 收入表 (财政拨款收入), 收支总表 (each fund's income) and each fund's own table."""
    out: list[Relation | None] = []
    if income:
        out.append(_equal(fiscal, fiscal.cell(r"本年收入合计"), income, income.cell(r"^合计$", column("财政拨款(?:收入)?")), "财政拨款收入", "appropriation income"))
    if summary:
        for fund in FUNDS:
            out.append(_equal(fiscal, fiscal.cell(rf"^{fund}"), summary, summary.cell(rf"^{fund}"), f"{fund}财政拨款收入", f"{fund} appropriation income"))
    for kind, fund in (("gov_fund", "政府性基金"), ("state_capital", "国有资本经营")):
        own = _of_kind(vs, kind)
        if own is not None:
            out.append(_equal(fiscal, fiscal.cell(r"本年支出合计", fund), own, own.cell(r"^合计$", column("本年支出")), f"{fund}预算财政拨款支出", f"{fund} appropriation expenditure"))
    return out


def _basic_parts(general: TableView, basic: TableView) -> list[Relation | None]:
    """一般公共预算支出表's 基本支出 = 人员经费 + 公用经费 of the 基本支出表."""
    target = general.cell(r"^合计$", column("基本支出"))
    staff, office = basic.cell(r"^人员经费"), basic.cell(r"^公用经费")
    if target is None or staff is None or office is None:
        return []
    return [_relation("table.cross", general, target, [(staff, 1), (office, 1)], f"基本支出 = 《{_title(basic)}》人员经费 + 公用经费", f"basic expenditure = staff costs + office costs of {_title(basic)}", "一致")]


def cross(vs: list[TableView]) -> list[Relation]:
    summary = _of_kind(vs, "income_expenditure_summary")
    income = _of_kind(vs, "income")
    spending = _of_kind(vs, "expenditure")
    fiscal = _of_kind(vs, "fiscal_summary")
    general = _of_kind(vs, "general_budget_expenditure")
    basic = _of_kind(vs, "basic_expenditure")
    out: list[Relation | None] = []
    if summary and income:
        out += _income_sources(summary, income)
    if summary and spending:
        out += _spending_classes(summary, spending)
    if fiscal and general:
        out += _general_budget(fiscal, general)
    if fiscal:
        out += _fiscal_funds(vs, fiscal, income, summary)
    if general and basic:
        out += _basic_parts(general, basic)
    return [r for r in out if r is not None]
