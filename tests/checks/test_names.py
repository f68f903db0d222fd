"""Names and identity checks on generated documents: placeholders, years, department, 科目 names."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import load_document
from tui_review.checks import names
from tui_review.config import Config

TABLE = (
    "一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\n"
    "221\t住房保障支出\t30.00\n22102\t住房改革支出\t30.00\n2210201\t住房公积金\t30.00\n"
    "210\t卫生健康支出\t20.00\n21011\t行政事业单位医疗\t20.00\n2101101\t行政单位医疗\t20.00\n"
)


def _doc(tmp_path: Path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def _rules(tmp_path: Path, text: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in names.findings(_doc(tmp_path, text), Config.default()):
        out.setdefault(f.rule, []).append(f)
    return out


def _disclosure(year: int = 2024, kind: str = "决算", dept: str = "示例区审计局", body: str = "") -> str:
    return (f"{dept}{year}年度部门{kind}\n\n第一部分 {dept}概况\n\n一、主要职能\n\n{dept}（部门）负责审计监督。\n\n"
            f"第二部分 {year}年度部门{kind}情况说明\n\n一、收入支出情况\n\n本年收入合计 100.00 万元。{body}\n")


@pytest.mark.parametrize("placeholder", ["XX局", "××", "某某", "ＸＸ", "（单位名称）"])
def test_a_placeholder_left_in_the_text_is_one_warning_per_section(tmp_path, placeholder):
    found = _rules(tmp_path, _disclosure(body=f"其中{placeholder}负责，另有{placeholder}。"))
    (finding,) = found["names.placeholder"]
    assert finding.severity == "warning" and "2 个" in finding.message_zh and placeholder.strip("（）") in finding.message_zh


def test_latin_words_with_x_are_no_placeholders(tmp_path):
    assert "names.placeholder" not in _rules(tmp_path, _disclosure(body="使用 XXL-Job 与 Linux x86 系统。"))


def test_a_heading_of_another_year_and_a_wrong_year_end_are_warned_with_the_title(tmp_path):
    text = _disclosure(2024).replace("第二部分 2024年度部门决算情况说明", "第二部分 2023年度部门决算情况说明")
    text += "\n二、国有资产占有使用情况\n\n截至2023年12月31日，共有车辆 2 辆。\n"
    found = _rules(tmp_path, text)
    messages = [f.message_zh for f in found["names.year"]]
    assert len(messages) == 2
    assert any("2023 年" in m and "2024 年" in m and "示例区审计局2024年度部门决算" in m for m in messages)
    assert any("截至2023年12月31日" in m for m in messages)


@pytest.mark.parametrize(("kind", "year_end", "warned"), [
    ("决算", 2024, False), ("决算", 2023, True), ("预算", 2023, False), ("预算", 2022, False), ("预算", 2024, True),
])
def test_year_end_dates_by_kind(tmp_path, kind, year_end, warned):
    text = _disclosure(2024, kind) + f"\n二、资产\n\n截至{year_end}年12月31日，共有车辆 2 辆。\n"
    assert ("names.year" in _rules(tmp_path, text)) is warned


def test_comparisons_and_quoted_titles_name_other_years_freely(tmp_path):
    text = _disclosure(2024, body="") + "\n二、2024年度决算与2023年度决算对比\n\n无。\n\n三、落实《2023年预算工作要点》情况\n\n无。\n"
    assert "names.year" not in _rules(tmp_path, text)


@pytest.mark.parametrize(("kind", "heading", "warned"), [
    ("预算", "二、2023年“三公”经费决算情况", False),  # a budget reports last year's outturn
    ("预算", "二、2023年“三公”经费预算情况", True),
    ("预算", "二、2022年“三公”经费决算情况", True),
    ("决算", "二、2023年“三公”经费决算情况", True),
])
def test_a_budget_may_head_a_section_with_last_years_outturn(tmp_path, kind, heading, warned):
    text = _disclosure(2024, kind) + f"\n{heading}\n\n合计 2.00 万元。\n"
    assert ("names.year" in _rules(tmp_path, text)) is warned


def test_another_department_named_as_the_disclosures_own_is_warned(tmp_path):
    text = _disclosure(dept="示例区审计局") + "\n二、说明\n\n示例区财政局（部门）本年无政府性基金。\n"
    (finding,) = _rules(tmp_path, text)["names.department"]
    assert "示例区财政局" in finding.message_zh and "示例区审计局" in finding.message_zh


@pytest.mark.parametrize(("a", "b", "same"), [
    ("科左中旗政务服务局", "科尔沁左翼中旗政务服务局", True), ("翼中旗政务服务局", "科尔沁左翼中旗政务服务局", True),
    ("上海市普陀区财政局", "上海市普陀区司法局", False), ("奈曼旗政务服务局", "奈曼旗政务服务中心", False),
])
def test_same_department(a, b, same):
    assert names.same_department(a, b) is same


def test_a_prose_subject_named_by_another_level_or_code_is_warned_with_the_tables_name(tmp_path):
    body = ("\n二、支出明细\n\n1、住房保障支出（类）住房保障支出（款）住房公积金（项）30.00 万元。\n"
            "2、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）20.00 万元。\n"
            "3、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）30.00 万元。\n")
    text = _disclosure(body="") + body + "\n" + TABLE
    found = _rules(tmp_path, text)["names.subject"]
    assert len(found) == 2
    assert "是类级科目，不是款" in found[0].message_zh
    assert "编码 210 的名称是“卫生健康支出”" in found[1].message_zh


def test_subject_names_are_not_judged_without_coded_tables_or_for_an_abbreviated_category(tmp_path):
    no_table = _disclosure(body="") + "\n二、明细\n\n1、住房保障（款）30.00 万元。\n"
    assert "names.subject" not in _rules(tmp_path, no_table)
    short = _disclosure(body="") + "\n二、明细\n\n1、住房保障（类）30.00 万元。\n\n" + TABLE
    assert "names.subject" not in _rules(tmp_path, short)


def test_a_name_starts_after_a_tab_or_an_ordinal_never_inside_another_cell():
    chains = names._chains("2210201\t住房公积金（项）\t30.00\n12、住房保障支出（221类）住房改革支出（02款）")
    assert [[n.name for n in chain] for chain in chains] == [["住房公积金"], ["住房保障支出", "住房改革支出"]]


def test_a_report_titled_with_two_years_may_head_sections_with_either(tmp_path):
    text = ("某市2014年预算执行情况和2015年预算草案的报告\n\n一、2014年预算执行情况\n\n收入合计 79.00 亿元。\n\n"
            "二、2015年预算草案\n\n收入合计 81.60 亿元。\n\n三、2016年预算展望\n\n收入合计 85.00 亿元。\n")
    found = _rules(tmp_path, text).get("names.year", [])
    assert [f.stated for f in found] == ["2016年预算"]
