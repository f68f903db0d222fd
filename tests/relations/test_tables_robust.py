"""Table finders on tables the parser could not split into label and value columns."""

from __future__ import annotations

from parsers.model import DocKind, Document, Table
from tui_review.relations import tables


def test_a_summary_table_without_value_columns_gives_no_cross_relation():
    # a 收支总表 whose cells are all text (its numbers were not read) beside a 收入表 that has values
    summary = Table("T1", [["一、财政拨款收入", "一千"], ["本年收入合计", "一千"]], ["项目", "预算数"], title="收支预算总表", kind="income_expenditure_summary")
    income = Table("T2", [["合计", "1.00"]], ["项目", "本年收入合计"], title="收入预算总表", kind="income")
    doc = Document(path="x.pdf", sha256="", text="", kind=DocKind.BUDGET, tables=[summary, income])
    assert [r for r in tables.find(doc) if r.rule == "table.cross"] == []
