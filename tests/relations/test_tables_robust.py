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


JIANGSU_SUMMARY = [
    ["一、财政拨款", "100.00", "一、一般公共服务支出", "70.00", "一、基本支出", "60.00"],
    ["1.一般公共预算", "100.00", "二、外交支出", "", "二、项目支出", "40.00"],
    ["二、其他资金", "", "三、住房保障支出", "30.00", "", ""],
    ["当年收入小计", "100.00", "当年支出小计", "", "", "100.00"],
    ["上年结转资金", "", "结转下年资金", "", "", ""],
    ["收入合计", "100.00", "支出合计", "", "", "100.00"],
]
JIANGSU_COLUMNS = ["收入 › 项目名称", "收入 › 金额", "支出 › 功能分类 › 功能科目名称", "支出 › 功能分类 › 金额",
                   "支出 › 支出用途 › 项目名称", "支出 › 支出用途 › 金额"]


def _summary_totals(rows):
    from parsers.table_figures import table_figures

    table = Table("T1", rows, JIANGSU_COLUMNS, title="收支预算总表", kind="income_expenditure_summary", unit="万元")
    figures, _, _ = table_figures(table, "万元", 2019)
    doc = Document(path="x.pdf", sha256="", text="", kind=DocKind.BUDGET, year=2019, tables=[table], figures=figures)
    return {(r.target.cell.row, r.target.cell.col, tuple(t.figure.text for t in r.terms))
            for r in tables.find(doc) if r.rule == "table.total"}


def test_a_total_row_printed_once_across_two_spending_breakdowns_totals_both():
    # 当年支出小计's label is under 功能分类, its amount under 支出用途: both breakdowns add up to it
    found = _summary_totals(JIANGSU_SUMMARY)
    assert (3, 5, ("70.00", "30.00")) in found  # 功能分类: the blank cells of 二、外交支出 are structurally empty
    assert (3, 5, ("60.00", "40.00")) in found  # 支出用途
    assert (3, 1, ("100.00",)) in found  # 当年收入小计 = 一、财政拨款 (二、 is blank in an otherwise filled column)
    assert (5, 1, ("100.00",)) in found and (5, 5, ("100.00",)) in found  # 合计 = 小计 + 结转


def test_a_subtotal_over_items_cut_by_a_wrapped_label_is_not_summed():
    rows = [list(r) for r in JIANGSU_SUMMARY]
    rows.insert(2, ["", "", "出", "", "", ""])  # 二、外交支\n出: a label broken over two rows
    found = _summary_totals(rows)
    assert not any(row == 4 and terms == ("70.00",) for row, _, terms in found)
    assert not [f for f in found if f[0] == 4 and f[2] and f[2][0] == "30.00"]
