"""Each rule on hand-made figures in the seeds' styles: what holds, what fails, what the message says."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest
from check_builders import direction, document, fig, pct, ratio, total

from parsers.model import CellRef, Role
from tui_review.checks.evaluate import evaluate
from tui_review.contracts.finding import Verdict
from tui_review.config import Config

PACK = Config.default()

# 000: （一）人员经费 284.32 万元。主要包括：… ten items that add to 284.33
PERSONNEL = [("基本工资", "83.72"), ("津贴补贴", "53.16"), ("奖金", "1.43"), ("绩效工资", "65.42"),
             ("住房公积金", "19.66"), ("职工基本医疗保险缴费", "16.71"), ("机关事业单位基本养老保缴费", "31.46"),
             ("职业年金缴费", "7.8"), ("其他社会保障缴费", "1.91"), ("其他交通费用", "3.06")]
# 000: （二）公用经费 70.40 万元。主要包括：办公费 32.40万元、印刷费 6 万元、水费 2 万元 …
PUBLIC = [("办公费", "32.40"), ("印刷费", "6"), ("水费", "2"), ("电费", "10"), ("邮电费", "2.5"), ("物业管理费", "7.5"),
          ("差旅费", "1"), ("维修（护）费", "3"), ("培训费", "1"), ("劳务费", "2"), ("公务用车运行维护费", "2"),
          ("其他交通费用", "1")]


def check(relation, rule_id=None, **overrides):
    rule = PACK.rule(rule_id or relation.rule)
    rule = replace(rule, **overrides) if overrides else rule
    return evaluate(relation, document(relation.figures()), rule)


# --- sum.parts ----------------------------------------------------------------------------------


def test_personnel_items_adding_to_284_33_against_284_32_are_rounding_not_an_error():
    finding = check(total(fig("284.32", "人员经费", section="1.1"), *(fig(v, s, section="1.1") for s, v in PERSONNEL)))
    assert (finding.holds, finding.verdict) == (True, Verdict.ROUNDING)
    # ten items at 0.01 (one at 0.1) plus the total: ±0.1 of rounding, 0.01 of gap
    assert "= 284.33（±0.1），与所列人员经费 284.32 一致" in finding.message_zh
    assert finding.expected == "284.33 [284.23, 284.43]"


def test_a_total_that_does_not_add_up_is_an_error_naming_every_figure():
    finding = check(total(fig("284.12", "人员经费"), *(fig(v, s) for s, v in PERSONNEL)))
    assert (finding.failed, finding.severity, finding.verdict) == (True, "error", Verdict.FAILS)
    assert "与所列人员经费 284.12 不一致，差 0.21（超出舍入允许的 ±0.1）" in finding.message_zh
    assert all(f"{s} {v}" in finding.message_zh for s, v in PERSONNEL)
    assert "does not agree with the stated 人员经费 284.12: off by 0.21" in finding.message_en
    assert [e.part for e in finding.evidence] == ["stated"] + ["term"] * len(PERSONNEL)


def test_integer_items_stand_for_half_a_unit_each():
    parts = [fig(v, s) for s, v in PUBLIC]
    assert check(total(fig("70.40", "公用经费"), *parts)).verdict == Verdict.HOLDS
    # nine integers (±0.5 each), two at 0.1, one at 0.01 and the total: ±4.615 — 75.00 still agrees
    assert check(total(fig("75.00", "公用经费"), *parts)).holds
    assert check(total(fig("75.02", "公用经费"), *parts)).verdict == Verdict.FAILS


def test_message_in_the_issue_style():
    finding = check(total(fig("354.72", "本年支出合计"), fig("277.19"), fig("41.17"), fig("16.71"), fig("19.66")))
    assert "数字 277.19 + 数字 41.17 + 数字 16.71 + 数字 19.66 = 354.73（±0.025），与所列本年支出合计 354.72 一致" in finding.message_zh
    assert finding.expected == "354.73 [354.705, 354.755]"
    assert finding.stated == "354.72 万元"


# --- balance, change, components-of-change ------------------------------------------------------


def test_balance_total_income_is_this_year_plus_carry_over():
    relation = total(fig("354.72", "收入预算总计"), fig("354.72", "本年收入合计"), fig("0", "上年结转结余"), rule="balance")
    assert check(relation).verdict == Verdict.HOLDS


def test_change_is_current_minus_previous_with_the_sign_of_its_words():
    current, previous = fig("277.19", "一般公共服务"), fig("531.95", "一般公共服务", role=Role.PREVIOUS)
    decrease = fig("254.76", "一般公共服务", role=Role.CHANGE, sign=-1)
    assert check(total(decrease, current, (previous, -1), rule="change")).verdict == Verdict.HOLDS
    said_increase = fig("254.76", "一般公共服务", role=Role.CHANGE, sign=1)
    finding = check(total(said_increase, current, (previous, -1), rule="change"))
    assert finding.verdict == Verdict.FAILS and "差 509.52" in finding.message_zh


def test_components_of_change_add_up_with_their_signs():
    head = fig("8.31", "社会保障和就业", role=Role.CHANGE, sign=-1)
    parts = [fig("20.78", "其他", role=Role.CHANGE, sign=-1), fig("11.85", "养老", role=Role.CHANGE),
             fig("0.62", "其他社会保障", role=Role.CHANGE)]
    assert check(total(head, *parts, rule="components-of-change")).verdict == Verdict.HOLDS
    finding = check(total(head, *parts[1:], rule="components-of-change"))
    assert finding.verdict == Verdict.FAILS  # 12.47 listed against −8.31: changes offset, never "binding"
    assert "= 12.47（±0.015），与所列社会保障和就业（增减额） -8.31 不一致" in finding.message_zh


# --- repeat, prose.table, table.total -----------------------------------------------------------


def test_repeat_names_both_places():
    first = fig("254.76", "一般公共服务", role=Role.CHANGE, sign=-1)
    again = fig("254.73", "一般公共服务", role=Role.CHANGE, sign=-1, section="2")
    finding = check(total(again, first, rule="repeat"))
    assert finding.verdict == Verdict.FAILS
    assert f"（{first.cell or '@' + str(first.start)}）" in finding.message_zh
    assert finding.location == f"@{again.start}"
    assert check(total(fig("19.66", "住房公积金"), fig("19.66", "住房公积金"), rule="repeat")).verdict == Verdict.HOLDS


def test_prose_against_a_table_cell_in_another_unit():
    prose = fig("213.28", "一般公共服务支出")
    cell = fig("2,132,777.54", "一般公共服务支出", unit="元", cell=CellRef("T1", 3, 2))
    finding = check(total(prose, cell, rule="prose.table"))
    assert finding.holds
    assert "2,132,777.54 元（T1[r4,c3]） = 213.277754 万元（±0.0050005）" in finding.message_zh  # 50.005 元
    off = fig("2,131,777.54", "一般公共服务支出", unit="元", cell=CellRef("T1", 4, 2))
    assert check(total(prose, off, rule="prose.table")).verdict == Verdict.FAILS


# --- growth, share, completion ------------------------------------------------------------------


def test_growth_over_a_printed_base_and_over_current_minus_change():
    change = fig("8.31", "社会保障和就业", role=Role.CHANGE, sign=-1)
    current = fig("41.17", "社会保障和就业")
    stated = pct("16.79", "社会保障和就业", sign=-1)
    assert check(ratio(stated, [change], [fig("49.48", role=Role.PREVIOUS)])).verdict == Verdict.HOLDS
    assert check(ratio(stated, [change], [current, (change, -1)])).verdict == Verdict.HOLDS
    wrong = pct("16.97", "社会保障和就业", sign=-1)
    finding = check(ratio(wrong, [change], [current, (change, -1)]))
    assert finding.verdict == Verdict.FAILS and finding.severity == "error"
    assert "× 100 = -16.7947%" in finding.message_zh and "没有数值四舍五入后等于 -16.97%" in finding.message_zh
    assert finding.expected.startswith("-16.79 [")


def test_share_uses_its_denominator():
    part, whole = fig("41.17", "社会保障和就业支出"), fig("354.72", "本年支出合计")
    assert check(ratio(pct("11.61", role=Role.SHARE), [part], [whole], rule="share")).verdict == Verdict.HOLDS
    assert check(ratio(pct("100", role=Role.SHARE), [whole], [fig("354.72")], rule="share")).verdict == Verdict.HOLDS
    assert check(ratio(pct("12.61", role=Role.SHARE), [part], [whole], rule="share")).verdict == Verdict.FAILS


@pytest.mark.parametrize("actual, budget, stated", [("97.64", "100.00", "98"), ("375.54", "55.99", "670.73"),
                                                    ("0.36", "7.8", "4.62"), ("6.04", "6.04", "100.00")])
def test_completion_holds_when_some_value_in_range_rounds_to_the_printed_rate(actual, budget, stated):
    relation = ratio(pct(stated, role=Role.COMPLETION), [fig(actual, role=Role.ACTUAL)],
                     [fig(budget, role=Role.BUDGET)], rule="completion")
    assert check(relation).holds


def test_a_fixed_tenth_of_a_point_would_be_wrong_both_ways():
    # 97.64 against 97.5: 0.14 apart, and no value in [97.635, 97.645] rounds to 97.5
    relation = ratio(pct("97.5", role=Role.COMPLETION), [fig("97.64")], [fig("100.00")], rule="completion")
    assert check(relation).verdict == Verdict.FAILS


def test_completion_over_a_zero_budget_stated_as_100_is_a_warning():
    relation = ratio(pct("100", role=Role.COMPLETION), [fig("791.16", role=Role.ACTUAL)],
                     [fig("0", role=Role.BUDGET)], rule="completion")
    finding = check(relation)
    assert (finding.severity, finding.failed, finding.verdict) == ("warning", True, Verdict.ZERO_BASE)
    assert "以 0 为基数的百分比没有意义" in finding.message_zh


def test_growth_over_a_zero_base_computed_as_current_minus_change():
    # 000 三公: 预算支出 2 万元，比上年预算增加 2 万元，增长 100%
    change = fig("2", role=Role.CHANGE)
    relation = ratio(pct("100"), [change], [fig("2"), (change, -1)])
    finding = check(relation)
    assert finding.verdict == Verdict.ZERO_BASE
    assert finding.severity == "info"  # 增长 100% is the usual way to say an item is new: a note


def test_a_rate_over_zero_that_is_not_100_cannot_be_checked():
    relation = ratio(pct("0", role=Role.COMPLETION), [fig("0.00")], [fig("0.00")], rule="completion")
    finding = check(relation)
    assert (finding.severity, finding.verdict) == ("info", Verdict.UNCHECKED)


# --- direction, definition ----------------------------------------------------------------------


def test_direction_words_against_the_numbers():
    actual, budget = fig("3.71", "行政单位医疗", role=Role.ACTUAL), fig("3.48", "行政单位医疗", role=Role.BUDGET)
    wrong = check(direction(-1, (actual, 1), (budget, -1), word="小于"))
    assert wrong.verdict == Verdict.FAILS and "与“小于”不符" in wrong.message_zh and wrong.stated == "小于"
    assert check(direction(1, (actual, 1), (budget, -1), word="大于")).verdict == Verdict.HOLDS


def test_direction_cannot_be_contradicted_inside_rounding():
    a, b = fig("5.00"), fig("5.01")
    assert check(direction(0, (a, 1), (b, -1), word="持平")).verdict == Verdict.ROUNDING
    # 5.00 stands for at most 5.005 and 5.01 for at least 5.005: "大于" is impossible
    assert check(direction(1, (a, 1), (b, -1), word="大于")).verdict == Verdict.FAILS


def test_definition_mismatch_is_a_warning_citing_the_glossary():
    relation = total(fig("54.24", "机关运行经费"), fig("7.50", "公用经费"), rule="definition",
                     cites="机关运行经费：是指为保障行政单位运行，用于购买货物和服务等的各项公用经费")
    finding = check(relation)
    assert (finding.severity, finding.verdict) == ("warning", Verdict.FAILS)
    assert "（名词解释：机关运行经费：是指为保障行政单位运行" in finding.message_zh


# --- configured tolerances ----------------------------------------------------------------------


def test_an_absolute_tolerance_widens_what_agrees():
    relation = total(fig("284.50", "人员经费"), *(fig(v, s) for s, v in PERSONNEL))
    assert check(relation).verdict == Verdict.FAILS
    finding = check(relation, abs_tolerance=D("0.1"))
    assert finding.verdict == Verdict.ROUNDING and "舍入及配置容差允许的" in finding.message_zh


def test_a_relative_tolerance_is_a_fraction_of_the_stated_figure():
    relation = ratio(pct("15.00"), [fig("45.76", role=Role.CHANGE)], [fig("308.96", role=Role.PREVIOUS)])
    assert check(relation).verdict == Verdict.FAILS  # 14.81%
    assert check(relation, rel_tolerance=D("0.02")).holds  # ±0.3 points


def test_a_rate_no_value_of_a_base_near_zero_can_give_is_a_warning():
    # 1.5 万元，比上年增加 1 万元，增长 7%: the base 1.5 − 1 is in [−0.05, 1.05], so the rate is at
    # most −1000% or at least 0.5 ÷ 1.05 = 47.6%: 7% is out of reach
    change = fig("1", role=Role.CHANGE)
    finding = check(ratio(pct("7"), [change], [fig("1.5"), (change, -1)]))
    assert (finding.verdict, finding.severity) == (Verdict.FAILS, "warning")
    assert "47.61%" in finding.message_zh
    assert check(ratio(pct("50"), [change], [fig("1.5"), (change, -1)])).verdict == Verdict.UNCHECKED


def test_a_rate_over_a_printed_zero_base_is_a_warning_only_where_no_rounding_of_it_can_give_the_rate():
    change = fig("2", role=Role.CHANGE)  # 2 − 2 stands for anything in [−1, 1]: 400% = 2 ÷ 0.5 is possible
    assert check(ratio(pct("400"), [change], [fig("2"), (change, -1)])).verdict == Verdict.UNCHECKED
    exact = fig("2.00", role=Role.CHANGE)  # 2.00 − 2.00 is in [−0.01, 0.01]: the rate is beyond ±19950%
    finding = check(ratio(pct("400"), [exact], [fig("2.00"), (exact, -1)]))
    assert (finding.verdict, finding.severity) == (Verdict.FAILS, "warning")
