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


def test_a_kuan_code_printed_without_its_leading_zero_still_adds_up_under_its_class():
    # 301 | 2 | 津贴补贴: the 款 column holds two digits, so "2" is 30102
    rows = [["301", "", "工资福利支出", "30"], ["301", "01", "基本工资", "10"], ["301", "2", "津贴补贴", "20"]]
    table = Table("T1", rows, ["编码 › 类", "编码 › 款", "科目名称", "合计"], title="基本支出预算表", kind="basic_expenditure")
    from parsers.table_figures import table_figures

    figures, _, _ = table_figures(table, "元", 2024)
    doc = Document(path="x.pdf", sha256="", text="", kind=DocKind.BUDGET, tables=[table], figures=figures)
    (rel,) = [r for r in tables.find(doc) if r.rule == "table.hierarchy"]
    assert [t.figure.text for t in rel.terms] == ["10", "20"]
