"""What a stated change or rate implies when its base is not printed: an increase cannot exceed the
amount it brought about (the base would be negative), and a rate over an amount and a change both
printed as 0 can only be 0%. Both rest on a reading the figures do not prove (the base is inferred, a
printed 0 may be a rounded small amount), so they are warnings that say so."""

from __future__ import annotations

from parsers.text import parse_text
from tui_review.contracts.finding import Severity
from tui_review.engine import check_document

HEAD = "2023年度某某局部门预算\n第二部分 2023年度部门预算情况说明\n一、“三公”经费预算情况说明\n"


def failing(text: str, rule: str):
    report = check_document(parse_text(HEAD + text))
    return [f for f in report.findings if f.failed and f.rule == rule]


def test_an_increase_larger_than_the_current_amount_is_a_warning_naming_both():
    (found,) = failing("公务接待费预算0.07万元，较上年增加0.13万元，主要原因是接待任务增加。\n", "change")
    assert found.severity == Severity.WARNING
    assert {e.text for e in found.evidence} == {"0.07", "0.13"}
    assert "不为负" in found.message_zh and "基数未列出" in found.message_zh


def test_an_increase_within_the_current_amount_or_a_decrease_of_any_size_is_no_finding():
    assert not failing("公务接待费预算0.20万元，较上年增加0.13万元，主要原因是接待任务增加。\n", "change")
    assert not failing("公务接待费预算0.07万元，较上年减少0.13万元，主要原因是压减开支。\n", "change")
    # a new item: all of it is the increase (base 0)
    assert not failing("公务用车运行维护费预算2万元，比上年预算增加2万元，主要原因是新购车辆。\n", "change")


def test_an_increase_equal_to_the_current_amount_within_rounding_holds():
    assert not failing("公务用车运行维护费预算1.5万元，比上年增加1.54万元，主要原因是新购车辆。\n", "change")


def test_a_rate_over_nothing_from_nothing_is_a_warning_and_zero_percent_is_none():
    (found,) = failing("上级补助收入0万元，与上年相比增加0万元，增长8%。主要原因是不存在此项内容。\n", "growth")
    assert found.severity == Severity.WARNING
    assert "只能为 0%" in found.message_zh
    assert not failing("上级补助收入0万元，与上年相比增加0万元，增长0%。主要原因是不存在此项内容。\n", "growth")
    assert not failing("上级补助收入0.00万元，与上年相比增加0.00万元，增长0.00%。\n", "growth")


def test_a_rate_over_a_base_of_zero_with_a_real_change_is_still_left_unchecked():
    # 增加 5 over 0: not nothing over nothing — a growth over a zero base, which is not this rule's
    assert not [f for f in failing("事业收入5万元，与上年相比增加5万元，增长8%。\n", "growth")
                if "只能为 0%" in f.message_zh]
