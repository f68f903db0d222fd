"""Prose ↔ table: a 科目 whose amount cell holds a dash binds nothing, and costs no other figure
its binding (the finder used to fail on it, losing every prose ↔ table relation)."""

from __future__ import annotations

from decimal import Decimal

from parsers.model import DocKind, Document, Figure, Role, Table
from parsers.table_figures import table_figures
from tui_review.relations import prose_table


def prose_figure(subject: str, code: str, text: str, start: int) -> Figure:
    return Figure(id=f"P{start}", text=text, value=Decimal(text), decimals=2, unit="万元", subject=subject, role=Role.BUDGET, start=start, end=start + len(text), code=code)


def test_a_classified_row_whose_total_cell_is_a_dash_binds_nothing_and_the_others_still_bind():
    table = Table(
        "T1",
        [["201", "一般公共服务支出", "-", "10.00", "5.00"], ["205", "教育支出", "8.00", "6.00", "2.00"]],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        title="一般公共预算支出表",
        kind="general_budget_expenditure",
    )
    cells, _, _ = table_figures(table, "万元", 2017)
    prose = [prose_figure("一般公共服务支出", "201", "15.00", 10), prose_figure("教育支出", "205", "8.00", 30)]
    doc = Document(path="x.pdf", sha256="", text="x" * 100, kind=DocKind.BUDGET, year=2017, unit="万元", tables=[table], figures=prose + cells)
    bound = {r.target.text: r.terms[0].figure.id for r in prose_table.find(doc)}
    assert bound == {"8.00": "T1.1.2"}  # 教育支出's 合计 cell; 一般公共服务支出's 合计 is a dash
