"""Prose ↔ table binds by identity: header segments and the period of each cell, never by position."""

from __future__ import annotations

from parsers.model import CellRef, DocKind, Document, Figure, Role, Table
from parsers.table_figures import table_figures
from tui_review.relations import prose_table


def doc_with(table: Table, prose: list[Figure], kind: DocKind = DocKind.BUDGET) -> Document:
    figures, _, _ = table_figures(table, "万元", 2017)
    return Document(path="x.pdf", sha256="", text="x" * 100, kind=kind, year=2017, unit="万元", tables=[table], figures=prose + figures)


def prose_figure(subject: str, text: str, role: Role = Role.BUDGET, start: int = 10) -> Figure:
    return Figure(id=f"P{start}", text=text, value=__import__("decimal").Decimal(text), decimals=2, unit="万元", subject=subject, role=role, start=start, end=start + len(text))


THREE_PUBLIC_COLUMNS = [
    "合计", "“三公”经费 › 小计", "“三公”经费 › 因公出国（境）费", "“三公”经费 › 公务用车购置及运行维护费 › 小计",
    "“三公”经费 › 公务用车购置及运行维护费 › 公务用车购置费", "“三公”经费 › 公务用车购置及运行维护费 › 公务用车运行维护费",
    "“三公”经费 › 公务接待费", "会议费", "培训费",
]


def test_an_item_binds_to_its_own_column_not_to_the_subtotal_above_it():
    table = Table("T1", [["1,452.35", "584.35", "110.00", "317.80", "50.00", "267.80", "156.55", "168.00", "700.00"]], THREE_PUBLIC_COLUMNS, title="三公经费预算表", kind="three_public")
    doc = doc_with(table, [prose_figure("公务用车运行维护费", "267.80"), prose_figure("三公经费", "584.35", start=30)])
    bound = {r.target.text: r.terms[0].figure.text for r in prose_table.find(doc)}
    assert bound == {"267.80": "267.80", "584.35": "584.35"}  # 三公 total is the 小计: 合计 also holds 会议费 + 培训费


def test_a_table_with_periods_as_rows_binds_by_the_rows_period():
    table = Table("T1", [["上年预算数", "120.00", "20.00"], ["本年预算数", "100.00", "10.00"]], ["项目", "因公出国（境）费", "公务接待费"], title="三公经费预算表", kind="three_public")
    doc = doc_with(table, [prose_figure("公务接待费", "10.00")])
    (rel,) = prose_table.find(doc)
    assert rel.terms[0].figure.cell == CellRef("T1", 1, 2)
