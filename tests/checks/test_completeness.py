"""Completeness: a table the 目录 lists and the document lacks; a text published apart from its tables."""

from __future__ import annotations

from parsers.text import parse_text
from tui_review.checks import completeness
from tui_review.config import Config

TOC = "目录\n一、收支预算总表\n二、收入预算总表\n三、支出预算总表\n"
BODY = "第一部分 情况说明\n一、收支预算总体情况\n本年收入预算 100.00 万元。\n"
TABLE = "一、收支预算总表\n单位：万元\n收入\t金额\t支出\t金额\n一般公共预算拨款收入\t100.00\t一般公共服务支出\t100.00\n收入总计\t100.00\t支出总计\t100.00\n"


def missing(text: str) -> list:
    found = completeness.findings(parse_text("某某局2024年部门预算\n" + text), Config.default())
    return [f for f in found if f.rule == "completeness.table_missing"]


def test_a_text_carrying_none_of_the_tables_its_contents_list_gets_one_warning_naming_them_all():
    (finding,) = missing(TOC + BODY)
    assert finding.severity == "warning" and "3 张表" in finding.message_zh
    assert all(name in finding.message_zh for name in ("收支预算总表", "收入预算总表", "支出预算总表"))


def test_a_listed_table_missing_beside_present_ones_is_named_on_its_own():
    found = missing(TOC + BODY + TABLE)
    assert sorted(f.stated for f in found) == ["三、支出预算总表", "二、收入预算总表"]


SANGONG_PAGE = (
    "某某县委办2023年一般公共预算财政拨款“三公”经费支出决算情况说明\n"
    "2023年“三公”经费支出决算3.00万元。\n三公经费支出决算表\n单位：万元\n项目\t决算数\n公务接待费\t3.00\n合计\t3.00\n"
)


def test_a_page_publishing_only_its_sangong_table_is_not_held_to_the_whole_template():
    assert missing(SANGONG_PAGE) == []


def test_a_disclosure_carrying_standard_tables_is_held_to_the_template():
    text = BODY + TABLE + "二、收入预算总表\n单位：万元\n项目\t合计\n一般公共预算拨款收入\t100.00\n合计\t100.00\n"
    found = missing(text)
    assert found and all(f.severity == "warning" for f in found)
    assert "支出预算总表" not in [f.stated for f in found]
