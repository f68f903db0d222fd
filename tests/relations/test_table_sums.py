"""Outline sums (`tui_review.relations.table_sums`): tables whose rows form a 合计 ← parts tree by
where their labels stand (政府采购预算表, a 收入预算总表 with one 金额 column) get their totals checked."""

from __future__ import annotations

from parsers.model import DocKind, Document, Table
from parsers.table_figures import table_figures
from tui_review.checks import check_relations
from tui_review.relations import tables

PROCUREMENT_COLUMNS = ["采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"]


def _procurement(item: str = "35.00") -> list[list[str]]:
    return [
        ["合计", "", "", "", "", "195.00"],
        ["一、货物A", "", "", "", "", "95.00"],
        ["", "办公设备购置费", "办公设备购置", "", "", "80.00"],
        ["", "", "", "台式计算机", "政府集中采购", item],
        ["", "", "", "便携式计算机", "政府集中采购", "45.00"],
        ["", "", "专用设备购置", "", "", "15.00"],
        ["", "", "", "其他专用设备", "分散自行组织", "15.00"],
        ["三、服务C", "", "", "", "", "100.00"],
        ["", "物业管理费", "物业管理费", "", "", "100.00"],
        ["", "", "", "物业管理服务", "分散自行组织", "60.00"],
        ["", "", "", "其他维修和保养服务", "分散自行组织", "40.00"],
        ["", "", "", "", "", ""],
    ]


def _doc(rows: list[list[str]], columns: list[str], title: str) -> Document:
    table = Table("T1", [r for r in rows if any(r)], columns, title=title, unit="万元")
    figures, _, _ = table_figures(table, "万元", 2024)
    return Document(path="x.pdf", sha256="", text="", kind=DocKind.BUDGET, year=2024, tables=[table], figures=figures)


def _sums(doc: Document) -> dict[str, list[str]]:
    return {r.target.text + " " + r.label_zh.split("：")[1]: [t.figure.text for t in r.terms] for r in tables.find(doc) if r.rule == "table.total"}


def _failing(doc: Document) -> list[str]:
    report = check_relations(doc, tables.find(doc))
    return sorted(f.stated for f in report.findings if f.rule == "table.total" and str(f.verdict) == "fails")


def test_a_procurement_outline_sums_each_level():
    doc = _doc(_procurement(), PROCUREMENT_COLUMNS, "2024年政府采购预算表")
    sums = _sums(doc)
    assert sums["195.00 合计 = Σ 其下各项（总计）"] == ["95.00", "100.00"]
    assert sums["95.00 货物A = Σ 其下各项（总计）"] == ["80.00", "15.00"]
    assert sums["80.00 办公设备购置费 办公设备购置 = Σ 其下各项（总计）"] == ["35.00", "45.00"]
    assert sums["100.00 物业管理费 物业管理费 = Σ 其下各项（总计）"] == ["60.00", "40.00"]
    assert _failing(doc) == []


def test_a_slipped_item_fails_its_group():
    assert _failing(_doc(_procurement(item="53.00"), PROCUREMENT_COLUMNS, "2024年政府采购预算表")) == ["80.00 万元"]


INCOME = [
    ["收入总计", "", "1,015.00"],
    ["一般公共预算资金", "小计", "1,000.00"],
    ["", "公共财政拨款(补助)资金", "990.00"],
    ["", "专项收入", "10.00"],
    ["政府性基金", "小计", ""],
    ["其他资金", "小计", "15.00"],
    ["", "事业收入", ""],
    ["", "其他收入", "15.00"],
    ["上年结转和结余资金", "小计", ""],
    ["", "其中：动用上年结转和结余资金", ""],
]


def test_a_one_column_income_table_sums_its_groups_and_its_total():
    sums = _sums(_doc(INCOME, ["项目名称", "", "金额"], "收入预算总表"))
    assert sums["1,015.00 收入总计 = Σ 其下各项（金额）"] == ["1,000.00", "15.00"]  # blank rows with nothing in them are no terms
    assert sums["1,000.00 一般公共预算资金 小计 = Σ 其下各项（金额）"] == ["990.00", "10.00"]
    assert sums["15.00 其他资金 小计 = Σ 其下各项（金额）"] == ["15.00"]


def test_a_group_total_that_misses_a_source_is_found():
    rows = [list(r) for r in INCOME]
    rows[0][2] = "1,030.00"
    assert _failing(_doc(rows, ["项目名称", "", "金额"], "收入预算总表")) == ["1,030.00 万元"]


def test_rows_of_independent_items_give_no_outline():
    # a list whose attribute column is sometimes blank: the "outline" it suggests does not add up
    rows = [
        ["会议费", "", "12.00"],
        ["", "住宿", "30.00"],
        ["培训费", "", "7.00"],
        ["", "餐饮", "21.00"],
    ]
    assert _sums(_doc(rows, ["项目", "类别", "金额"], "项目明细表")) == {}


def test_a_group_running_to_the_end_of_a_table_continued_in_the_next_is_not_summed():
    # the next table has the same title and columns: the last group may go on there
    doc = _doc(_procurement(), PROCUREMENT_COLUMNS, "2024年政府采购预算表")
    doc.tables.append(Table("T2", [["", "", "", "其他维修和保养服务", "分散自行组织", "1.00"]], PROCUREMENT_COLUMNS, title="2024年政府采购预算表"))
    sums = _sums(doc)
    assert not any(key.startswith("100.00 物业管理费") for key in sums)
    assert "95.00 货物A = Σ 其下各项（总计）" in sums
