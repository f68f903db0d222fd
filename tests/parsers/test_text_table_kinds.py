"""Tables of a text disclosure take the standard kind their title (or, for a table of 科目 rows,
their columns) names, as a PDF's tables do, so the prose is bound to them (rule ``prose.table``);
a table whose rows are periods (a chart's data, an analysis table) is no standard table whatever
its columns are called. Both text layouts are covered: tab-separated rows and one cell per line."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import load_document
from parsers.table_kinds import recognise_text
from tui_review.engine import check_document

PROSE = "某某局2024年部门预算\n一、收支预算总体情况说明\n本部门2024年收入总计354.72万元，支出总计354.72万元。\n二、部门预算公开表\n"

TAB_SEPARATED = (
    "一、收支预算总表\n单位：万元\n"
    "收入\t\t支出\t\n"
    "项目\t预算数\t项目\t预算数\n"
    "一、一般公共预算拨款收入\t354.72\t一、一般公共服务支出\t300.00\n"
    "二、事业收入\t0\t二、社会保障和就业支出\t54.72\n"
    "收入总计\t{total}\t支出总计\t354.72\n"
)

ONE_CELL_PER_LINE = (
    "一、收支预算总表\n单位：万元\n"
    "\t项目\n\t预算数\n"
    "\t一、一般公共预算拨款收入\n\t354.72\n"
    "\t二、事业收入\n\t0\n"
    "\t收入总计\n\t{total}\n"
)

LAYOUTS = {"tab-separated": TAB_SEPARATED, "one-cell-per-line": ONE_CELL_PER_LINE}


def _doc(tmp_path: Path, table: str, total: str = "354.72"):
    path = tmp_path / "doc.txt"
    path.write_text(PROSE + table.format(total=total), encoding="utf-8")
    return load_document(path)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_titled_text_table_takes_the_kind_its_title_names(tmp_path, layout):
    (table,) = _doc(tmp_path, LAYOUTS[layout]).tables
    assert table.kind == "income_expenditure_summary"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_prose_total_is_bound_to_the_text_tables_cell(tmp_path, layout):
    agreeing = check_document(_doc(tmp_path, LAYOUTS[layout]))
    bound = [f for f in agreeing.findings if f.rule == "prose.table"]
    assert bound and not [f for f in bound if f.failed]
    slipped = check_document(_doc(tmp_path, LAYOUTS[layout], total="345.72"))
    failing = [f for f in slipped.findings if f.rule == "prose.table" and f.failed]
    assert failing and all(str(f.severity) == "error" for f in failing)


def test_an_untitled_table_of_economic_classes_is_known_by_its_columns(tmp_path):
    table = "科目编码\t科目名称\t合计\t人员经费\t公用经费\n301\t工资福利支出\t90.00\t90.00\t0\n302\t商品和服务支出\t10.00\t0\t10.00\n"
    (found,) = _doc(tmp_path, table).tables
    assert found.kind == "basic_expenditure"


@pytest.mark.parametrize(
    "table",
    [
        "\t人员经费\t公用经费\t项目支出\n2021年度预算\t218.42\t8.00\t39.18\n2021年度决算\t404.96\t62.78\t0\n",
        "\t\n\t人员经费\n\t公用经费\n\t预算\n\t218.42\n\t8.00\n\t决算\n\t404.96\n\t62.78\n",
    ],
    ids=["tab-separated", "one-cell-per-line"],
)
def test_a_table_whose_rows_are_periods_is_no_standard_table(tmp_path, table):
    (found,) = _doc(tmp_path, table).tables
    assert [r[0] for r in found.rows][:2] in (["2021年度预算", "2021年度决算"], ["预算", "决算"])
    assert found.kind is None


def test_the_rule_for_text_tables():
    assert recognise_text("单位情况表", ["序号", "单位名称", "单位性质"], False) is None
    assert recognise_text("项目支出绩效自评表", ["一级指标", "二级指标"], False) == "performance"
    assert recognise_text("", ["项目", "人员经费", "公用经费"], True) is None
    assert recognise_text("一般公共预算财政拨款基本支出表", ["年度", "人员经费", "公用经费"], True) == "basic_expenditure"


SPENDING = (
    "某某局2024年部门预算\n一、支出预算情况说明\n本部门2024年基本支出300.00万元。\n二、部门预算公开表\n支出预算表\n单位：万元\n"
    "科目编码\t科目名称\t合计\t基本支出\t\t\t项目支出\n"
    "\t\t\t小计\t人员经费\t公用经费\t\n"
    "201\t一般公共服务支出\t354.72\t300.00\t{staff}\t50.00\t54.72\n"
    "合计\t\t354.72\t300.00\t250.00\t50.00\t54.72\n"
)


def _spending(tmp_path: Path, staff: str = "250.00"):
    path = tmp_path / "doc.txt"
    path.write_text(SPENDING.format(staff=staff), encoding="utf-8")
    return load_document(path)


def test_a_header_cell_printed_once_spans_the_sub_headers_after_it(tmp_path):
    (table,) = _spending(tmp_path).tables
    assert table.kind == "expenditure"
    assert table.columns == ["科目编码", "科目名称", "合计", "基本支出 › 小计", "基本支出 › 人员经费", "基本支出 › 公用经费", "项目支出"]
    assert table.rows[0][:2] == ["201", "一般公共服务支出"]


def test_the_spanned_header_lets_the_tables_own_sums_and_the_prose_bind(tmp_path):
    report = check_document(_spending(tmp_path))
    assert not [f for f in report.failing() if f.rule.startswith(("table.", "prose."))]
    assert {f.rule for f in report.findings} >= {"prose.table", "table.columns", "table.total"}
    slipped = check_document(_spending(tmp_path, staff="260.00"))
    failing = {(f.rule, f.stated) for f in slipped.failing() if f.rule.startswith("table.")}
    assert ("table.columns", "300.00 万元") in failing  # 基本支出 › 小计 = 人员经费 + 公用经费 of its row


CODED = (
    "某某局2024年部门预算\n一、部门预算公开表\n一般公共预算支出表\n单位：万元\n"
    "科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出\n"
    "类\t款\t项\t\t\t\t\n"
    "201\t\t\t一般公共服务支出\t100.00\t80.00\t20.00\n"
    "\t03\t\t政府办公厅（室）及相关机构事务\t100.00\t80.00\t20.00\n"
    "\t\t01\t行政运行\t{running}\t80.00\t0\n"
    "\t\t02\t一般行政管理事务\t20.00\t0\t20.00\n"
)


def test_a_code_header_over_its_levels_reads_the_classification_hierarchy(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(CODED.format(running="80.00"), encoding="utf-8")
    doc = load_document(path)
    (table,) = doc.tables
    assert table.kind == "general_budget_expenditure"
    assert table.columns[:4] == ["科目编码 › 类", "科目编码 › 款", "科目编码 › 项", "科目名称"]
    assert not [f for f in check_document(doc).failing() if f.rule.startswith("table.")]
    path.write_text(CODED.format(running="88.00"), encoding="utf-8")
    failing = {f.rule for f in check_document(load_document(path)).failing()}
    assert {"table.hierarchy", "table.columns"} <= failing  # 款 = Σ 项, and 合计 = 基本 + 项目 in its row
