"""The comparison phrases of the prose, each read into a role and sign (and checked by a relation),
in both number formats (1,234.56 and 1234.56) and with half- and full-width %."""

from __future__ import annotations

import pytest

from parsers.model import Role
from parsers.text import parse_text
from tui_review.engine import check_document

FINAL = "2023 年度科左中旗政务服务局（部门）决算\n第三部分 2023 年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
FORMATS = [("1,100.00", "1,000.00", "100.00"), ("1100.00", "1000.00", "100.00")]


BUDGET = "2023 年度科左中旗政务服务局（部门）预算\n第三部分 2023 年度部门预算情况说明\n一、支出预算情况说明\n"


def figures(sentence: str):
    return parse_text(FINAL + sentence + "\n").figures


def failing(sentence: str, head: str = FINAL) -> list[str]:
    report = check_document(parse_text(head + sentence + "\n"))
    return sorted(f.rule for f in report.findings if f.failed and f.severity.value in ("error", "warning"))


@pytest.mark.parametrize("current,previous,change", FORMATS)
@pytest.mark.parametrize(
    "word,sign",
    [("增长", 1), ("增幅", 1), ("增长率为", 1), ("上升", 1), ("下降", -1), ("降幅", -1), ("减幅", -1), ("降幅为", -1), ("下降了", -1), ("减少了", -1)],
)
@pytest.mark.parametrize("percent", ["%", "％"])
def test_rate_words_give_a_signed_growth_rate(word, sign, percent, current, previous, change):
    change_word = "增加" if sign > 0 else "减少"
    now = current if sign > 0 else previous
    before = previous if sign > 0 else current
    rate = "10.00" if sign > 0 else "9.09"
    sentence = f"支出总计{now}万元，比上年{before}万元{change_word}{change}万元，{word}{rate}{percent}。"
    (growth,) = [f for f in figures(sentence) if f.role == Role.GROWTH]
    assert growth.sign == sign and growth.unit == "%"
    assert failing(sentence) == []
    slipped = sentence.replace(f"{word}{rate}", f"{word}1{rate}")
    assert "growth" in failing(slipped)


@pytest.mark.parametrize("current,previous,change", FORMATS)
@pytest.mark.parametrize("printed,sign", [("下降-9.09", -1), ("下降9.09", -1), ("增长-9.09", -1)])
def test_a_minus_after_a_falling_word_restates_the_fall(printed, sign, current, previous, change):
    sentence = f"支出总计{previous}万元，比上年{current}万元减少{change}万元，{printed}%。"
    (growth,) = [f for f in figures(sentence) if f.role == Role.GROWTH]
    assert growth.sign == sign
    assert failing(sentence) == []


@pytest.mark.parametrize("current,previous,change", FORMATS)
def test_a_rate_without_its_percent_sign_is_read_as_the_rate_and_reported(current, previous, change):
    sentence = f"支出总计{current}万元，与上年相比增加{change}万元，增长110.00。"
    (growth,) = [f for f in figures(sentence) if f.role == Role.GROWTH]
    assert growth.unit == "%"
    assert failing(sentence) == ["growth", "parse.missing_percent"]
    assert failing(sentence.replace("110.00", "10.00")) == ["parse.missing_percent"]


@pytest.mark.parametrize("current,previous,change", FORMATS)
@pytest.mark.parametrize("word", ["持平", "相同", "一致", "不变", "没有变化", "相比持平"])
def test_a_claim_of_no_change_against_the_previous_year(word, current, previous, change):
    assert failing(f"支出总计{current}万元，与上年{previous}万元{word}。") == ["direction"]
    assert failing(f"支出总计{current}万元，与上年{current}万元{word}。") == []


@pytest.mark.parametrize("current,previous,change", FORMATS)
@pytest.mark.parametrize("phrase,holds_when_higher", [("决算数大于预算数", True), ("决算数超过年初预算", True), ("决算数小于预算数", False), ("决算数低于预算数", False)])
def test_bigger_and_smaller_between_actual_and_budget(phrase, holds_when_higher, current, previous, change):
    higher = f"支出决算{current}万元，年初预算{previous}万元，{phrase}。"
    assert (failing(higher) == []) is holds_when_higher


@pytest.mark.parametrize("current,previous,change", FORMATS)
@pytest.mark.parametrize("phrase", ["决算数等于预算数", "决算数与预算数一致", "决算与年初预算持平", "决算数与预算数相同"])
def test_equal_between_actual_and_budget(phrase, current, previous, change):
    assert failing(f"支出决算{current}万元，年初预算{previous}万元，{phrase}。") == ["direction"]
    assert failing(f"支出决算{current}万元，年初预算{current}万元，{phrase}。") == []


@pytest.mark.parametrize("current,previous,change", FORMATS)
@pytest.mark.parametrize("percent", ["%", "％"])
def test_share_and_completion_phrases(percent, current, previous, change):
    share = f"本年支出合计{current}万元，其中：基本支出{previous}万元，占本年支出合计的90.91{percent}；项目支出{change}万元，占9.09{percent}。"
    assert failing(share) == []
    assert "share" in failing(share.replace("90.91", "90.19"))
    completion = f"支出决算{previous}万元，完成年初预算{current}万元的90.91{percent}。"
    assert failing(completion) == []
    assert "completion" in failing(completion.replace("90.91", "99.91"))


@pytest.mark.parametrize("current,previous,change", FORMATS)
def test_a_rate_stated_without_the_change_is_checked_against_the_two_amounts(current, previous, change):
    sentence = f"2022年当年预算执行数为{previous}万元，2023年预算安排{current}万元，比2022年预算执行数增加10.00%。"
    assert failing(sentence, BUDGET) == []
    assert failing(sentence.replace("10.00%", "17.66%"), BUDGET) == ["growth"]
    assert failing(sentence.replace("增加10.00%", "减少10.00%"), BUDGET) == ["growth"]


def test_a_rate_without_a_change_between_more_than_two_amounts_is_not_bound():
    sentence = "2022年执行数为1000.00万元，2023年预算安排1100.00万元，其中基本支出900.00万元，比2022年增加17.66%。"
    assert "growth" not in failing(sentence, BUDGET)


@pytest.mark.parametrize(
    "sentence",
    [
        "一般公共服务支出（类）万元，与上年相比增加10.00万元。", "公务接待费 万元，比上年减少1.00万元。", "本年支出合计万元，其中基本支出80.00万元。",
        "支出总计100.00万元，比上年增长%。", "完成率为%，主要原因是…",
        # wherever a unit stands after a word instead of a number
        "支出总计100.00万元，与上年相比增加万元，增长10.00%。", "主要包括：基本工资万元、津贴补贴53.16万元。",
        "事业运行（2010350）万元，较上年增加41.87万元。", "基本支出80.00万元，占比%。", "减少环节比率为%；精简要件643件。",
        "单价万元（含）以上的设备0台。", "比上年增加**万元**。", "“一般公共服务支出（类）审计事务（款）行政运行（项）”万元，主要用于…", "公用经费支出减少元。", "占总收入（4,677,326.79）的%。",
    ],
)
def test_a_unit_or_percent_with_its_number_left_out_is_a_missing_figure(sentence):
    assert "parse.missing_figure" in failing(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "单位：万元。", "金额单位为万元，下同。", "上千万元的项目", "支出（万元）见下表。", "以万元为单位。", "每万元产值能耗下降。",
        "近万元的设备", "数十万元", "住宅单元改造", "折合美元", "多元化投入", "增长率（%）见下表。", "人均万元/人",
        "注：本表金额单位转换成万元时，因四舍五入可能存在尾数误差。",
        # 元 beginning a place's name: 大英县金元镇, 某乡万元村
        "大英县金元镇人民政府2023年部门预算", "资助万元村修路",
        # a header row states no amount: its units name its columns
        "金额 | 占调整预算% | 比上年增长% | |||", "增减值 增减%", "2016年比2015年增减%",
    ],
)
def test_a_unit_named_without_a_figure_being_due_is_no_missing_figure(sentence):
    assert "parse.missing_figure" not in failing(sentence)
