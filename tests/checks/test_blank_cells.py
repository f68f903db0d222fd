"""A blank table cell where the table's arithmetic needs a figure (rule ``table.blank``)."""

from __future__ import annotations

from parsers.model import DocKind, Document, Table
from parsers.table_figures import table_figures
from tui_review.checks import check_relations
from tui_review.relations import tables

COLUMNS = ["项目", "合计", "基本支出", "项目支出"]


def _report(rows: list[list[str]]):
    table = Table("T1", rows, COLUMNS, title="支出预算表", unit="万元")
    figures, _, _ = table_figures(table, "万元", 2024)
    doc = Document(path="x.pdf", sha256="", text="", kind=DocKind.BUDGET, year=2024, tables=[table], figures=figures)
    return check_relations(doc, tables.find(doc))


def _blank(report):
    return [f for f in report.findings if f.rule == "table.blank"]


def test_a_blank_cell_two_totals_need_the_same_figure_for_is_missing():
    (found,) = _blank(_report([
        ["一、甲", "100.00", "60.00", "40.00"],
        ["二、乙", "50.00", "", "20.00"],
        ["合计", "150.00", "90.00", "60.00"],
    ]))
    assert str(found.severity) == "warning" and str(found.verdict) == "fails"
    assert (found.place.row, found.place.column) == (1, 2)
    assert found.expected == "30.00 万元"
    assert "2 处合计均需此处为 30.00万元" in found.message_zh


def test_a_blank_cell_one_total_needs_a_figure_for_is_a_possible_slip():
    found = {(f.place.row, f.place.column): f for f in _blank(_report([
        ["一、甲", "100.00", "60.00", "40.00"],
        ["二、乙", "50.00", "", "20.00"],
        ["合计", "150.00", "", "60.00"],
    ]))}
    # 乙's 基本支出 by its row (50 − 20); the 合计 row's by its row (150 − 60); its column has two blanks
    assert {k: f.expected for k, f in found.items()} == {(1, 2): "30.00 万元", (2, 2): "90.00 万元"}
    assert "也可能是其他数字有误" in found[(1, 2)].message_zh


def test_totals_that_disagree_on_the_blank_say_nothing_of_it():
    # the row asks 30.00, the column 35.00: something else is wrong, not certainly this cell
    assert _blank(_report([
        ["一、甲", "100.00", "60.00", "40.00"],
        ["二、乙", "50.00", "", "20.00"],
        ["合计", "150.00", "95.00", "60.00"],
    ])) == []


def test_a_blank_that_a_total_closes_with_zero_is_a_zero():
    # the column 合计 holds with the blank as 0 (90 = 60 + 30 + 0): the row's failure is not the blank's
    assert _blank(_report([
        ["一、甲", "100.00", "60.00", "40.00"],
        ["二、乙", "50.00", "", "20.00"],
        ["三、丙", "30.00", "30.00", ""],
        ["合计", "180.00", "90.00", "60.00"],
    ])) == []


def test_a_table_that_adds_up_has_no_blank_finding():
    assert _blank(_report([
        ["一、甲", "100.00", "60.00", "40.00"],
        ["二、乙", "20.00", "", "20.00"],
        ["合计", "120.00", "60.00", "60.00"],
    ])) == []


CODED = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]


def _coded(project: str):
    rows = [
        ["201", "一般公共服务支出", "300.00", "100.00", "200.00"],
        ["20108", "审计事务", "300.00", "100.00", "200.00"],
        ["2010801", "行政运行", "100.00", "100.00", ""],
        ["2010802", "一般行政管理事务", "200.00", "", project],
    ]
    table = Table("T1", rows, CODED, title="支出决算表", unit="万元")
    figures, _, _ = table_figures(table, "万元", 2024)
    doc = Document(path="x.pdf", sha256="", text="", kind=DocKind.FINAL, year=2024, tables=[table], figures=figures)
    return check_relations(doc, tables.find(doc))


def test_a_blank_the_table_confirms_as_zero_is_read_as_zero_and_the_slip_beside_it_is_found():
    # 一般行政管理事务's 基本支出 is blank, and the 基本支出 column's 款 = Σ 项 holds with it as 0: its row
    # 合计 200.00 = 基本支出 (0) + 项目支出 190.00 then fails, and so does the 项目支出 column's 款 = Σ 项
    report = _coded("190.00")
    failing = {(f.rule, f.stated, str(f.severity)) for f in report.findings if str(f.verdict) == "fails"}
    assert ("table.columns", "200.00 万元", "error") in failing
    assert ("table.hierarchy", "200.00 万元", "error") in failing
    (row,) = [f for f in report.findings if f.rule == "table.columns" and str(f.verdict) == "fails"]
    assert "表中其他合计按 0 计均成立，故按 0 计" in row.message_zh
    assert not _blank(report)  # the blank is a 0, no missing figure


def test_a_table_whose_blanks_are_zeros_and_adds_up_has_no_failure():
    report = _coded("200.00")
    assert not [f for f in report.findings if str(f.verdict) == "fails"]


def test_a_deleted_cell_beside_blanks_the_tables_read_as_zero_is_a_missing_figure():
    # 行政运行's 基本支出 deleted: its row (100.00 = blank + 项目支出 blank) has a second blank, which the
    # 项目支出 column reads as 0 (200.00 = 0 + 200.00): the row and the 基本支出 column both ask 100.00
    rows = [
        ["201", "一般公共服务支出", "300.00", "100.00", "200.00"],
        ["20108", "审计事务", "300.00", "100.00", "200.00"],
        ["2010801", "行政运行", "100.00", "", ""],
        ["2010802", "一般行政管理事务", "200.00", "", "200.00"],
    ]
    table = Table("T1", rows, CODED, title="支出决算表", unit="万元")
    figures, _, _ = table_figures(table, "万元", 2024)
    doc = Document(path="x.pdf", sha256="", text="", kind=DocKind.FINAL, year=2024, tables=[table], figures=figures)
    (found,) = _blank(check_relations(doc, tables.find(doc)))
    assert (found.place.row, found.place.column, found.expected) == (2, 3, "100.00 万元")


def _one_column(rows):
    table = Table("T1", rows, ["", "项目名称", "", "金额"], title="收入预算总表", kind="income", unit="万元")
    figures, _, _ = table_figures(table, "万元", 2017)
    doc = Document(path="x.pdf", sha256="", text="", kind=DocKind.BUDGET, year=2017, tables=[table], figures=figures)
    return _blank(check_relations(doc, tables.find(doc)))


INCOME_OUTLINE = [
    ["", "收入总计", "", "20,849.45"],
    ["", "一般公共预算资金", "小计", "20,702.25"],
    ["", "", "公共财政拨款(补助)资金", "20,702.25"],
    ["", "财政专户管理资金", "小计", "147.20"],
    ["", "", "其他非税收入", "147.20"],
]


def test_a_blank_total_row_of_a_one_column_table_is_a_missing_figure():
    rows = [list(r) for r in INCOME_OUTLINE]
    rows[0][3] = ""  # 收入总计 deleted: its row is blank all along, yet it is no wrapped label's second line
    (found,) = _one_column(rows)
    assert (found.place.row, found.expected) == (0, "20849.45 万元")


def test_a_blank_row_that_names_no_total_is_still_no_figure():
    rows = [list(r) for r in INCOME_OUTLINE]
    rows[2][3] = ""  # a part's row blank: the outline reads nothing there, so no missing figure is claimed
    assert all(f.place.row != 2 for f in _one_column(rows))
