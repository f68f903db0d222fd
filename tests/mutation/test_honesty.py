"""The honesty rules of the mutation harness (scripts/mutation/honesty.py) set aside a slip only when
the document's own words cannot decide it, and keep the near case the words do decide: each rule
with one case it sets aside and one it keeps; the report shows both rates and the CSV the rule."""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from mutation import honesty as H  # noqa: E402
from mutation.harness import Mutator, Outcome  # noqa: E402
from mutation.report import by_kind, kind_table, write_csv  # noqa: E402
from mutation.source import load_source, text_source  # noqa: E402


def aside(text: str, printed: str, mutated: str, kinds: tuple[str, ...], nth: int = 0) -> dict[str, str]:
    source = text_source(text)
    tokens = source.tokens()
    token = [t for t in tokens if t.text == printed][nth]
    return H.set_aside(H.Words.of(source, tokens), token, mutated, kinds)


# R2 -----------------------------------------------------------------------------------------------

def test_r2_a_kpi_statistic_is_no_growth_claim():
    assert aside("通过优化流程，减少跑动次数76.78%。", "76.78", "76.87", ("growth",)) == {"growth": "R2"}


@pytest.mark.parametrize("sentence", ["本单位编制50人，比上年增加5人，增长11.1%。", "支出100.00万元，增长11.1%。"])
def test_r2_a_rate_with_a_base_word_or_an_amount_is_kept(sentence):
    assert aside(sentence, "11.1", "11.7", ("growth",)) == {}


# R4 -----------------------------------------------------------------------------------------------

def cell_aside(header: str, kinds: tuple[str, ...] = ("completion",)) -> dict[str, str]:
    source = text_source("某某局\n")
    token = H.Token(0, "25", -1, 0, 2, "", "", table=0, row=0, col=1)
    return H.set_aside(H.Words.of(source, []), token, "52", kinds, header)


@pytest.mark.parametrize("header", ["产出指标 › 提高工作效率 › 实际完成值", "效率指标 › 年度指标值", "分值执行率(%)",
                                    "预算执行率 › 分值"])
def test_r4_a_cell_is_no_rate_when_its_leaf_header_names_none(header):
    assert cell_aside(header) == {"completion": "R4"}


@pytest.mark.parametrize("header", ["预算执行 › 执行率（%）", "年度预算执行率 › %", "完成率"])
def test_r4_a_leaf_header_that_names_the_rate_keeps_it(header):
    assert cell_aside(header) == {}


def test_r4_judges_each_rate_kind_by_the_leaf():
    assert cell_aside("增长率（%） › 占比", ("growth", "share")) == {"growth": "R4"}


# R6 -----------------------------------------------------------------------------------------------

def test_r6_zero_over_zero_is_no_share_claim():
    sentence = "预算项目0个，公开项目0个，公开项目占全部预算项目的100%。"
    assert aside(sentence, "100", "10", ("share",)) == {"share": "R6"}


def test_r6_a_share_of_counts_that_are_not_all_zero_is_kept():
    sentence = "预算项目3个，公开项目3个，公开项目占全部预算项目的100%。"
    assert aside(sentence, "100", "10", ("share",)) == {}


# R3 -----------------------------------------------------------------------------------------------

NO_BASE = "某某局预算\n1.一般公共服务类110.91万元，比上年预算数减少46.07万元。\n"


def test_r3_a_change_whose_base_is_printed_nowhere_is_set_aside():
    assert aside(NO_BASE, "46.07", "46.01", ("change",)) == {"change": "R3"}


@pytest.mark.parametrize("text", [
    "某某局预算\n1.一般公共服务类110.91万元，比上年预算数减少46.07万元，下降29.3%。\n",  # a rate in its sentence
    NO_BASE + "上年一般公共服务类156.98万元。\n",  # the previous amount is printed
    NO_BASE + "减少的46.07万元主要是会议费。\n",  # the change is printed twice
    "某某局预算\n1.一般公共服务类110.91万元，比上年预算数减少46.07万元，其中会议费减少6.00万元。\n",  # two changes
])
def test_r3_a_change_the_words_can_check_is_kept(text):
    assert aside(text, "46.07", "46.01", ("change",)) == {}


def test_r3_an_increase_slipped_past_the_amount_it_led_to_is_kept():
    text = "某某局预算\n1.一般公共服务类110.91万元，比上年预算数增加46.07万元。\n"
    assert aside(text, "46.07", "46.01", ("change",)) == {"change": "R3"}
    assert aside(text, "46.07", "460.7", ("change",)) == {}


def test_r3_numbered_sibling_changes_that_add_up_to_a_printed_change_are_kept():
    siblings = ("（1）事业运行111.00万元，较上年增加41.87万元。\n"
                "（2）其他支出50.00万元，较上年增加4.91万元。\n")
    assert aside("某某局预算\n支出比上年增加46.78万元。\n" + siblings, "41.87", "41.78", ("change",)) == {}
    assert aside("某某局预算\n支出比上年增加。\n" + siblings, "41.87", "41.78", ("change",)) == {"change": "R3"}


# R1 -----------------------------------------------------------------------------------------------

OPEN_LIST = "某某局预算\n人员经费284.32万元。主要包括：基本工资83.72万元，津贴补贴50.00万元，奖金10.00万元。\n"


def test_r1_a_down_slip_of_a_part_of_a_list_not_claimed_complete_is_set_aside():
    assert aside(OPEN_LIST, "83.72", "63.72", ("sum", "repeat")) == {"sum": "R1"}


def test_r1_an_up_slip_past_the_head_is_kept():
    assert aside(OPEN_LIST, "83.72", "833.72", ("sum",)) == {}


def test_r1_a_head_slip_that_stays_above_its_parts_is_set_aside_and_one_below_them_kept():
    assert aside(OPEN_LIST, "284.32", "284.23", ("sum",)) == {"sum": "R1"}
    assert aside(OPEN_LIST, "284.32", "28.432", ("sum",)) == {}


@pytest.mark.parametrize("text", [
    "某某局预算\n人员经费284.32万元。主要包括：基本工资83.72万元，津贴补贴50.00万元，合计133.72万元。\n",  # closed by 合计
    "某某局预算\n基本支出354.72万元，其中：人员经费83.72万元，公用经费271.00万元。\n",  # a standard partition
    "某某局预算\n人员经费284.32万元，包括：基本工资83.72万元，津贴补贴200.60万元。\n",  # 包括 claims the whole
])
def test_r1_a_list_complete_by_its_words_is_kept(text):
    assert aside(text, "83.72", "63.72", ("sum",)) == {}


NUMBERED_BREAKDOWN = ("某某局预算\n基本支出预算354.72万元，其中：（一）人员经费284.32万元。主要包括：基本工资83.72万元，"
                      "其他交通费用3.06万元。（二）公用经费70.40万元。主要包括：办公费32.40万元，印刷费1.00万元。\n")


def test_r1_a_head_of_an_open_list_that_is_also_an_item_of_a_numbered_breakdown_is_kept():
    # 70.40 is the head of the ≤-list 办公费… and item (二) of 基本支出's numbered breakdown, complete by its words
    assert aside(NUMBERED_BREAKDOWN, "70.40", "70.04", ("sum", "repeat")) == {}
    # a part of the open list under it is still undecided
    assert aside(NUMBERED_BREAKDOWN, "32.40", "22.40", ("sum",)) == {"sum": "R1"}


def test_r1_a_numbered_section_heading_makes_no_breakdown():
    text = "某某局预算\n一、总体情况。\n（一）收入情况说明部门预算收入176.65万元，其中：事业收入100.00万元，捐赠收入20.00万元。\n"
    assert aside(text, "176.65", "176.56", ("sum",)) == {"sum": "R1"}


# R7 -----------------------------------------------------------------------------------------------

def test_r7_the_figures_a_key_file_lists_as_planted_are_set_aside(tmp_path):
    doc = tmp_path / "demo_errors.txt"
    doc.write_text("某某局决算\n基本支出2212.22万元，项目支出562.96万元，合计2775.18万元。\n", encoding="utf-8")
    (tmp_path / "demo_errors.key.md").write_text(
        "| 5 | 情况说明 | 基本支出 stated as 2212.22 万元 | … |\n| 1 | 公开03表 | 356.68 printed for 345.68 | … |\n",
        encoding="utf-8")
    source = load_source(doc)
    tokens = source.tokens()
    words = H.Words.of(source, tokens)
    assert words.planted == {H.decimal("2212.22"), H.decimal("356.68")}
    planted, other = (next(t for t in tokens if t.text == n) for n in ("2212.22", "562.96"))
    assert H.set_aside(words, planted, "2122.22", ("sum", "prose↔table")) == {"sum": "R7", "prose↔table": "R7"}
    assert H.set_aside(words, other, "526.96", ("sum",)) == {}
    (tmp_path / "demo.txt").write_text(doc.read_text(encoding="utf-8"), encoding="utf-8")  # no _errors: no key read
    assert H.Words.of(load_source(tmp_path / "demo.txt"), []).planted == frozenset()


# harness and report -------------------------------------------------------------------------------

def test_the_harness_names_the_rule_per_slip_and_keeps_the_kinds():
    mutator = Mutator(text_source("某某局2023年部门预算\n一、绩效情况\n通过优化流程，减少跑动次数76.78%。\n", "k.txt"))
    token = next(t for t in mutator.tokens if t.text == "76.78")
    outcomes, why = mutator.run_token(token, random.Random(0))
    values = [o for o in outcomes if o.slip != "delete"]
    assert why is None and values
    assert all(o.kinds == ("growth",) and o.set_aside == "growth:R2" and o.aside() == {"growth": "R2"} for o in values)


def test_the_report_keeps_checkable_and_adds_the_decidable_rate(tmp_path):
    def slip(kinds, localised, hidden=False, set_aside=""):
        return Outcome("d.txt", 1, "76.78", "digit", "76.87", kinds, "@10", "减少【76.78】%", True, localised, localised,
                       localised, localised, "", within_rounding=hidden, set_aside=set_aside)

    outcomes = [slip(("growth",), True), slip(("growth",), False), slip(("growth",), False, set_aside="growth:R2"),
                slip(("growth",), False, hidden=True), slip(("sum", "repeat"), True, set_aside="sum:R1")]
    tallies = by_kind(outcomes)
    growth = tallies["growth"]
    assert (growth.slips, growth.localised, growth.hidden, growth.aside, dict(growth.rules)) == (4, 1, 1, 1, {"R2": 1})
    cells = growth.row("growth").split()
    assert cells[7:10] == ["33.3%", "1", "50.0%"]  # checkable 1 of 3, 1 set aside, decidable 1 of 2
    assert cells[-1] == "R2:1"
    # a detected slip set aside leaves both sides: sum is undecided, repeat still counts it
    assert (tallies["sum"].aside, tallies["sum"].row("sum").split()[9]) == (1, "—")
    assert tallies["repeat"].row("repeat").split()[9] == "100.0%"
    assert tallies["all claims (value)"].aside == 1  # the growth slip set aside; the sum/repeat one keeps repeat
    assert "decidable" in kind_table(outcomes, "t")
    path = tmp_path / "slips.csv"
    write_csv(str(path), outcomes)
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert [r["set_aside"] for r in rows] == ["", "", "growth:R2", "", "sum:R1"]
