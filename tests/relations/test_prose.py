"""Prose relation finders on hand-made sentences in the styles the seed disclosures use."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.model import DocKind
from parsers.text import parse_text
from tui_review.contracts.relation import RelationKind
from tui_review.engine import check_document
from tui_review.relations import prose, repeat


def relations(text: str, rule: str | None = None):
    doc = parse_text(text)
    found = prose.find(doc) + repeat.find(doc)
    return [r for r in found if rule is None or r.rule == rule]


def texts(terms) -> list[tuple[int, str]]:
    return [(t.coeff, t.figure.text) for t in terms]


BUDGET_DOC = "2023 年度某某局（部门）预算\n第二部分 2023 年度部门预算情况说明\n"


def test_sub_sections_under_a_total_are_its_parts():
    text = BUDGET_DOC + (
        "一、收支预算总体情况说明\n"
        "1．本年支出合计 354.72 万元。\n"
        "（1）一般公共服务（类）支出 277.19 万元，主要用于人员工资。\n"
        "（2）社会保障和就业（类）支出 41.17 万元。\n"
        "（3）卫生健康（类）支出 16.71 万元。\n"
        "（4）住房保障（类）支出 19.66 万元。\n"
    )
    (rel,) = relations(text, "sum.parts")
    assert rel.kind == RelationKind.SUM
    assert rel.target.text == "354.72"
    assert texts(rel.terms) == [(1, "277.19"), (1, "41.17"), (1, "16.71"), (1, "19.66")]


def test_inline_list_after_qizhong():
    text = BUDGET_DOC + "六、基本支出\n（一）人员经费 284.32 万元。主要包括：基本工资 83.72万元、津贴补贴 53.16 万元、奖金 1.43 万元。\n"
    (rel,) = relations(text, "sum.parts")
    assert rel.target.text == "284.32"
    assert [t.figure.text for t in rel.terms] == ["83.72", "53.16", "1.43"]


def test_nested_bracket_list_has_its_own_head():
    text = BUDGET_DOC + (
        "一、支出\n部门预算支出176.65万元，其中：基本支出129.91万元（其中：人员经费122.41万元、公用经费7.50万元），"
        "占比73.54%；项目支出46.74万元，占比26.46%。\n"
    )
    sums = {r.target.text: [t.figure.text for t in r.terms] for r in relations(text, "sum.parts")}
    assert sums == {"176.65": ["129.91", "46.74"], "129.91": ["122.41", "7.50"]}
    shares = {r.target.text: (r.terms[0].figure.text, r.denominator[0].figure.text) for r in relations(text, "share")}
    assert shares == {"73.54": ("129.91", "176.65"), "26.46": ("46.74", "176.65")}


def test_growth_without_printed_base_uses_current_minus_change():
    text = BUDGET_DOC + "一、总体\n收入预算总计 354.72 万元，与上年相比增加 45.76 万元，增长 14.81 %。\n"
    (rel,) = relations(text, "growth")
    assert rel.kind == RelationKind.RATIO
    assert rel.target.value == Decimal("14.81")
    assert texts(rel.terms) == [(1, "45.76")]
    assert texts(rel.denominator) == [(1, "354.72"), (-1, "45.76")]


def test_decrease_flips_the_base():
    text = BUDGET_DOC + "一、总体\n社会保障和就业支出 41.17 万元，比上年预算数减少 8.31 万元，减少 16.79%。\n"
    (rel,) = relations(text, "growth")
    assert texts(rel.denominator) == [(1, "41.17"), (-1, "8.31")]  # 41.17 − (−8.31)
    assert rel.terms[0].figure.signed_value == Decimal("-8.31") and rel.target.signed_value == Decimal("-16.79")


def test_change_with_printed_base_is_a_difference():
    text = "2021年度决算分析报告\n一、收支\n2021年度决算收入为4,677,326.79元，比2020年度收入2,615,391.63元增加2,061,935.16元，同比增加78.84%。\n"
    (change,) = relations(text, "change")
    assert change.target.text == "2,061,935.16"
    assert texts(change.terms) == [(1, "4,677,326.79"), (-1, "2,615,391.63")]
    (growth,) = relations(text, "growth")
    assert texts(growth.denominator) == [(1, "2,615,391.63")]


def test_completion_is_actual_over_budget_and_zero_base_is_flagged():
    text = "2023 年度某某局决算\n五、支出\n1. 人大事务(款)行政运行(项)。年初预算 55.99 万元,支出决算 375.54 万元,完成年初预算的 670.73%。\n"
    (rel,) = relations(text, "completion")
    assert texts(rel.terms) == [(1, "375.54")]
    assert texts(rel.denominator) == [(1, "55.99")]


def test_components_of_change_follow_the_sub_sections():
    text = BUDGET_DOC + (
        "五、一般公共预算\n（一）一般公共服务（类）\n一般公共服务类年初预算数为 277.19 万元，与上年相比减少 254.73 万元。其中：\n"
        "1.政府办公厅（室）及相关机构事务（款）行政运行（项）。年初预算 55.99 万元，与上年相比增加 0.44 万元，增长 0.79 %。\n"
        "2.政府办公厅（室）及相关机构事务（款）事业运行（项）。年初预算 221.20万元，与上年相比增加 44.81 万元，增长 25.40 %。\n"
    )
    (rel,) = relations(text, "components-of-change")
    assert rel.target.text == "254.73"
    # signed values: −254.73 stated against +0.44 + 44.81
    assert texts(rel.terms) == [(1, "0.44"), (1, "44.81")]
    assert rel.target.signed_value == Decimal("-254.73")


RESTATED = BUDGET_DOC + (
    "三、一般公共预算拨款支出情况\n1. 规模变化情况。\n2023 年本部门一般公共预算拨款支出 159.89 万元，较上年增加 46.78 万元，主要原因是人员经费增长。\n"
    "2. 支出按功能科目分类的明细情况。\n本部门 2023 年一般公共预算支出 159.89 万元，其中：\n"
    "（1）事业运行（2010350）92.74 万元，较上年增加 41.87 万元，原因工资增长。\n"
    "（2）其他一般公共服务支出（2019999）67.15 万元，较上年增加 4.91 万元，原因是人员增加。\n"
)


def test_components_of_change_take_the_totals_change_where_the_document_restates_the_total():
    (rel,) = relations(RESTATED, "components-of-change")
    assert rel.target.text == "46.78" and texts(rel.terms) == [(1, "41.87"), (1, "4.91")]
    assert rel.uncertain is not None  # 一般公共预算拨款支出 restated as 一般公共预算支出: an alias
    assert relations(RESTATED.replace("支出 159.89 万元，较上年", "支出 159.80 万元，较上年"), "components-of-change") == []


def test_an_inline_list_whose_parts_state_their_changes_adds_the_changes_up():
    text = BUDGET_DOC + (
        "六、基本支出\n基本支出 300.00 万元，比上年增加 30.00 万元，其中：人员经费 200.00 万元，比上年增加 20.00 万元；"
        "公用经费 100.00 万元，比上年增加 10.00 万元。\n"
    )
    (rel,) = relations(text, "components-of-change")
    assert rel.target.text == "30.00" and texts(rel.terms) == [(1, "20.00"), (1, "10.00")] and rel.uncertain is None
    partial = text.replace("人员经费", "工资福利").replace("公用经费", "商品服务")
    (rel,) = relations(partial, "components-of-change")
    assert rel.uncertain is not None  # not a standard partition: complete only by its amounts
    assert relations(partial.replace("100.00 万元，比上年增加 10", "90.00 万元，比上年增加 10"), "components-of-change") == []


def test_combined_income_and_expenditure_total_is_not_summed_over_its_details():
    text = BUDGET_DOC + (
        "一、收支预算总体情况说明\n某某局 2023 年度收入、支出预算总计 354.72 万元。其中：\n"
        "（一）收入预算总计 354.72 万元。\n（二）支出预算总计 354.72 万元。\n"
    )
    assert relations(text, "sum.parts") == []


def test_definition_from_glossary():
    text = BUDGET_DOC + (
        "一、基本支出\n（二）公用经费 7.50 万元。\n"
        "二、机关运行经费\n2023年，我单位机关运行经费财政拨款预算54.24万元。\n"
        "第四部分 名词解释\n十、机关运行经费：是指为保障行政单位运行，用于购买货物和服务等的各项公用经费。\n"
    )
    (rel,) = relations(text, "definition")
    assert rel.target.text == "54.24"
    assert texts(rel.terms) == [(1, "7.50")]
    assert "公用经费" in rel.cites


def test_repeat_compares_standard_quantities_only():
    text = BUDGET_DOC + (
        "一、基本支出\n（一）人员经费 284.32 万元。主要包括：基本工资 83.72万元、其他交通费用 3.06 万元。\n"
        "（二）公用经费 70.40 万元。主要包括：办公费 67.40万元、其他交通费用 3 万元。\n"
        "二、机构运行经费\n机构运行经费预算支出 70.40万元。公用经费 70.41 万元。\n"
    )
    reps = relations(text, "repeat")
    assert [(r.target.text, r.terms[0].figure.text) for r in reps] == [("70.41", "70.40")]


@pytest.mark.parametrize(
    "sentence",
    [
        "政府性基金预算拨款收入 0 万元，与上年相比增加 0 万元，增长 0 %。",  # nothing that could disagree
        "收入 10 万元，增加（减少）2 万元。",  # no base printed and no growth: a change alone is not checkable
    ],
)
def test_unbindable_sentences_make_no_relation(sentence):
    assert [r for r in relations(BUDGET_DOC + "一、收入\n" + sentence + "\n") if r.rule in ("growth", "change")] == []


def test_one_name_in_two_scopes_is_at_most_a_warning():
    # 公务接待费 is an 经济分类 款 of 基本支出 in one section and a 三公 item in another
    text = BUDGET_DOC + (
        "六、一般公共预算基本支出预算情况说明\n"
        "（1）公务接待费（款）支出16万元。\n"
        "七、一般公共预算“三公”经费支出预算情况说明\n"
        "（1）公务接待费（款）支出443.50万元。\n"
    )
    (rel,) = relations(text, "repeat")
    assert rel.uncertain is not None and "三公" in rel.uncertain[0]


def test_one_name_in_one_scope_is_certain():
    text = BUDGET_DOC + (
        "一、一般公共预算支出预算情况说明\n"
        "一般公共服务（类）支出277.19万元，与上年相比减少254.76万元。\n"
        "二、一般公共预算支出结构情况说明\n"
        "一般公共服务（类）支出277.19万元，与上年相比减少254.73万元。\n"
    )
    rels = relations(text, "repeat")
    assert rels and all(r.uncertain is None for r in rels)


FINAL_DOC = "2023 年度某某局（部门）决算\n第三部分 2023 年度部门决算情况说明\n"


def test_a_qizhong_list_followed_by_the_rest_is_a_partial_list():
    text = BUDGET_DOC + (
        "一、机关运行经费安排情况说明\n"
        "机关运行经费财政拨款预算54.24万元，其中：办公费1.08万元，印刷费0.5万元，差旅费1万元。项目支出46.74万元。\n"
    )
    (rel,) = relations(text, "sum.parts")
    assert rel.partial and rel.target.text == "54.24"


def test_a_list_closed_by_its_total_is_complete_and_the_total_is_no_part():
    text = BUDGET_DOC + "一、项目情况\n2025年度项目总预算1410.00万，其中支持引进品牌集聚340.00万，支持打造示范地标1070.00万，合计1410.00万。\n"
    (rel,) = relations(text, "sum.parts")
    assert not rel.partial
    assert texts(rel.terms) == [(1, "340.00"), (1, "1070.00")]


def test_a_closing_total_of_another_amount_sums_a_chain_and_does_not_complete_the_list():
    # 4402 + 1884 + 60 + 103 = 6449: the 合计 sums the 加 chain, not the 其中 list under 1884
    text = BUDGET_DOC + (
        "一、收支情况\n全镇一般公共预算收入4402万元，加上级转移支付收入1884万元，其中：一般转移支付收入1478万元"
        "（含结算补助收入132万元，专项转移支付收入406万元），上年结转结余60万元，基金调入103万元，收入合计为6449万元。\n"
    )
    (rel,) = relations(text, "sum.parts")
    assert rel.partial
    assert "6449" not in [t for _, t in texts(rel.terms)]


def test_last_years_amount_an_item_is_compared_with_is_no_part_of_the_list():
    text = BUDGET_DOC + (
        "一、三公经费\n2020年三公经费支出431万元，比上年累计支出433万元减少2万元。其中，因公出国（境）费用没有；"
        "公务用车运行维护费支出251万元，比上年累计支出285万元下降34万元；公务用车购置支出56万元，比上年增加56万元；"
        "公务接待支出124万元，比上年累计支出148万元下降24万元。\n"
    )
    (rel,) = relations(text, "sum.parts")
    assert rel.target.text == "431"
    assert texts(rel.terms) == [(1, "251"), (1, "56"), (1, "124")]
    (change,) = relations(text, "components-of-change")
    assert change.target.text == "2" and [t for _, t in texts(change.terms)] == ["34", "56", "24"]


def test_a_standard_partition_is_complete():
    text = BUDGET_DOC + "一、支出预算情况\n本年支出合计354.72万元，其中：基本支出254.72万元，项目支出100.00万元。\n"
    (rel,) = relations(text, "sum.parts")
    assert not rel.partial


def test_the_parts_of_a_final_account_break_down_the_actual_not_the_budget():
    text = FINAL_DOC + (
        "七、“三公”经费支出决算情况说明\n"
        "“三公”经费全年预算20.00万元，支出决算18.00万元，完成全年预算的90%。其中：因公出国（境）费决算10.00万元，公务接待费决算8.00万元。\n"
    )
    (rel,) = relations(text, "sum.parts")
    assert rel.target.text == "18.00"


def test_a_section_that_opens_with_one_of_its_parts_states_no_total():
    text = BUDGET_DOC + (
        "十一、“三公”经费支出预算情况说明\n"
        "因公出国（境）费支出110万元，占“三公”经费的18.85%；公务接待费支出156.55万元，占“三公”经费的26.72%。具体情况如下：\n"
        "1．因公出国（境）费预算支出110万元，与上年预算数相等。\n"
        "2．公务接待费预算支出156.55万元。\n"
    )
    assert relations(text, "sum.parts") == []


def test_a_standard_part_stated_alone_is_the_one_listed_under_the_departments_total():
    text = BUDGET_DOC + (
        "一、支出预算\n此外，基本支出预算数为12323.46万元。\n"
        "二、支出预算情况说明\n本年支出预算合计17996.68万元，其中：基本支出12323.48万元，项目支出5673.20万元。\n"
    )
    (rel,) = relations(text, "repeat")
    assert {rel.target.text, rel.terms[0].figure.text} == {"12323.46", "12323.48"}
    assert "amount" not in rel.label_zh


def test_parts_of_a_funds_total_are_not_the_departments():
    text = BUDGET_DOC + (
        "一、支出预算\n基本支出预算数为12323.46万元。\n"
        "二、一般公共预算支出\n一般公共预算财政拨款支出合计900.00万元，其中：基本支出800.00万元，项目支出100.00万元。\n"
    )
    assert relations(text, "repeat") == []


def test_lists_under_equal_totals_share_their_parts():
    text = BUDGET_DOC + (
        "一、总体情况\n支出预算总计500.00万元，其中：基本支出400.00万元，项目支出100.00万元。\n"
        "二、支出情况\n本年支出合计500.00万元，其中：基本支出400.10万元，项目支出99.90万元。\n"
    )
    assert sorted(r.target.text for r in relations(text, "repeat")) == ["400.10", "99.90"]


def test_an_item_of_changes_only_compares_the_item_before_once_more():
    text = BUDGET_DOC + (
        "四、“三公”经费预算情况说明\n"
        "3、公务用车购置及运行维护费1.5万元，比上年预算增加0.5万元，增长50%。其中，公务用车购置0万元，"
        "比上年预算增加0万元，增长0%，本年预算比上年执行数增加0万元，增长0%；公务用车运行维护费1.5万元，"
        "本年预算比上年预算增加0.5万元，增长50%；本年预算比上年执行数增加0.1万元，增长7%。\n"
    )
    (rel,) = relations(text, "sum.parts")
    assert (rel.target.text, texts(rel.terms), rel.partial) == ("1.5", [(1, "0"), (1, "1.5")], False)


@pytest.mark.parametrize("sentence, total", [
    ("政府采购预算总额3万元，其中：政府采购货物预算0万元，政府采购工程预算0万元，政府采购服务预算0万元。", "3"),
    ("本部门2023年度政府采购支出预算总额8万元，其中：拟采购货物支出0万元、拟采购工程支出0万元、拟购买服务支出0万元。", "8"),
])
def test_government_procurement_by_goods_works_and_services_is_a_complete_partition(sentence, total):
    (rel,) = relations(BUDGET_DOC + "二、政府采购预算情况说明\n" + sentence + "\n", "sum.parts")
    assert rel.target.text == total and not rel.partial


def test_one_procurement_kind_among_other_items_claims_no_completeness():
    other = BUDGET_DOC + "二、其他\n办公经费30万元，其中：货物采购5万元，会议费3万元。\n"
    (loose,) = relations(other, "sum.parts")
    assert loose.partial  # a list naming one procurement kind among other items claims no completeness


def test_an_item_said_to_be_level_with_last_year_is_an_item_whose_change_is_zero():
    text = BUDGET_DOC + (
        "三、支出预算情况说明\n"
        "一般公共预算拨款支出159.89万元，较上年增加46.78万元，主要原因是人员经费增长。\n"
        "四、按经济分类\n"
        "2023年本部门一般公共预算支出159.89万元, 其中: 工资福利支出(301) 111.91万元, 较上年增加20.3万元, 原因是人员增加;\n"
        "商品和服务支出(302) 21.50万元, 较上年持平;\n"
        "对个人和家庭的补助支出(303) 26.48万元, 较上年增加26.48万元, 原因是新设科目。\n"
    )
    (parts,) = [r for r in relations(text, "sum.parts") if r.target.text == "159.89"]
    assert [t.figure.text for t in parts.terms] == ["111.91", "21.50", "26.48"]
    (changes,) = relations(text, "components-of-change")
    assert changes.target.text == "46.78" and [t.figure.text for t in changes.terms] == ["20.3", "26.48"]
    assert changes.uncertain is not None  # found by restatement and not a standard partition
    roughly = text.replace("较上年持平", "较上年基本持平")
    assert not relations(roughly, "components-of-change")  # 基本持平 claims no exact zero


ANALYSIS_DOC = "某某中心2021年度部门决算分析报告\n一、收支情况\n"


def test_a_change_of_the_actual_over_the_budget_takes_both_amounts_named_before_it():
    text = ANALYSIS_DOC + (
        "本年度预算收入2,656,000.00元。其中：人员经费支出2,184,200.00元，公用经费支出80,000.00元。"
        "本年度决算收入4,677,326.79元。其中人员经费支出4,049,552.76元，公用经费支出627,774.03元。"
        "本年度决算收入比预算收入增加2,021,326.79元，其中人员经费支出增加1,865,352.76元。\n"
    )
    found = {r.target.text: texts(r.terms) for r in relations(text, "change")}
    assert found["2,021,326.79"] == [(1, "4,677,326.79"), (-1, "2,656,000.00")]
    assert found["1,865,352.76"] == [(1, "4,049,552.76"), (-1, "2,184,200.00")]
    assert all(r.uncertain is not None for r in relations(text, "change"))  # bound by name across sentences
    twice = text.replace("本年度决算收入比", "本年度决算收入4,000,000.00元。本年度决算收入比")
    assert "2,021,326.79" not in {r.target.text for r in relations(twice, "change")}  # two 决算 amounts: no binding


def test_three_gong_and_vehicle_items_named_with_their_stage_are_standard_partitions():
    from tui_review.relations.partitions import one_partition

    assert one_partition(["公务用车购置预算支出", "公务用车运行维护费预算支出"])
    assert one_partition(["因公出国（境）费决算支出", "公务接待费决算支出"])


def test_a_list_of_income_sources_is_complete_only_when_it_names_the_catch_all():
    from tui_review.relations.partitions import one_partition

    assert not one_partition(["一般公共预算拨款收入", "事业收入"])  # 其他收入 and the rest may follow elsewhere
    assert one_partition(["财政拨款收入", "事业收入", "其他收入"])
    partial = "一、收入预算\n本年收入预算 100.00 万元，其中：财政拨款收入 80.00 万元，事业收入 10.00 万元。\n"
    (rel,) = relations(partial, "sum.parts")
    assert rel.partial  # Σ parts ≤ total, not =: 10.00 of other sources is no slip
    whole = partial.replace("事业收入 10.00 万元", "其他收入 10.00 万元")
    (rel,) = relations(whole, "sum.parts")
    assert not rel.partial
    enumerated = partial.replace("事业收入 10.00 万元", "事业收入 10.00 万元，经营收入 0 万元")
    (rel,) = relations(enumerated, "sum.parts")
    assert not rel.partial  # a source stated as 0: the list goes through the template's categories


def test_a_listed_parts_completion_is_not_taken_over_the_totals_budget():
    text = "某某局2017年度部门决算\n一、“三公”经费支出决算情况说明\n" + (
        "2017年度“三公”经费财政拨款支出年初预算为22.00万元,支出决算为8.77万元,完成预算的39.86%,其中:"
        "公务用车购置及运行维护费支出决算为8.47万元,完成预算的60.50%;公务接待费支出决算为0.30万元,完成预算的3.75%。\n"
    )
    assert [r.target.text for r in relations(text, "completion")] == ["39.86"]  # the parts' budgets are not printed


THREE_GONG_BUDGET = "某区教育局2024年部门预算\n三、“三公”经费预算情况说明\n"


def test_a_rate_stated_before_the_change_that_restates_it_in_money_is_checked_against_it():
    text = THREE_GONG_BUDGET + "2024年会议费预算 10.00 万元，较上年下降 9%，比上年减少 0.53 万元。\n"
    (rel,) = relations(text, "growth")
    assert rel.target.text == "9" and [t.figure.text for t in rel.terms] == ["0.53"]
    explained = THREE_GONG_BUDGET + (
        "会议费预算 146.48 万元，与上年相比增加 16.48 万元，增长 12.68%。主要原因是会议费按照规定压减10%，增减相抵后增加16.48万元。\n")
    assert [r.target.text for r in relations(explained, "growth") + relations(explained, "direction")] == ["12.68"]


def test_the_rate_of_a_part_listed_after_a_change_is_not_the_totals_rate():
    text = THREE_GONG_BUDGET + (
        "2024年度“三公”经费预算较2023年度增加1.68万元,其中公务接待较上年同期减少0.58万元,减少4.68%。\n"
        "公务用车购置支出56万元比上年增加56万元;公务接待支出124万元,比上年支出148万元下降24万元,下降16%。\n")
    rated = {r.target.text: [t.figure.text for t in r.terms] for r in relations(text, "growth") + relations(text, "direction")}
    assert "1.68" not in {t for terms in rated.values() for t in terms}
    assert "56" not in {t for terms in rated.values() for t in terms}
    assert rated["16"] == ["24"]


def test_a_failing_direction_is_explained_in_the_terms_unit_not_the_rates():
    from tui_review.engine import check_document

    text = THREE_GONG_BUDGET + "会议费预算 10.00 万元，比上年增加 0.53 万元，下降 5%。\n"
    (found,) = [f for f in check_document(parse_text(text)).findings if f.rule == "direction"]
    assert found.failed  # and the suspect search, which solves the change in 万元, ran without error


def test_a_change_after_the_last_part_of_a_list_may_be_the_totals_and_is_at_most_a_warning():
    text = "某某局2025年部门预算\n一、机关运行经费\n" + (
        "事业运行经费总预算安排37337407.64元,其中:基本支出预算488180.64元,项目支出预算36849227元,"
        "同比增加27125219.46元,增长265.6%,增加主要原因为业务增加。\n")
    (growth,) = relations(text, "growth")
    assert [t.figure.text for t in growth.terms] == ["27125219.46"] and growth.uncertain is not None
    each = text.replace("基本支出预算488180.64元,", "基本支出预算488180.64元,同比增加100.00元,")
    assert all(r.uncertain is None for r in relations(each, "growth"))  # every part states its own change


def test_sub_sections_that_describe_fewer_parts_than_the_sentence_lists_are_not_summed():
    text = "某某办公室2016年部门预算\n二、“三公”经费支出预算情况说明\n" + (
        "“三公”经费支出预算为57.9万元,比2015年预算增加2.5万元。其中:因公出国(境)费支出预算为13.9万元,"
        "公务接待费支出预算为9万元,公务用车购置及运行费支出预算为35万元。具体情况如下:\n"
        "(一)因公出国(境)费支出\n因公出国(境)费支出13.9万元,比2015年预算增加1.7万元。\n"
        "(二)公务接待费支出\n公务接待费支出9万元,比2015年预算增加2万元。\n")
    sums = relations(text, "sum.parts")
    assert [[t.figure.text for t in r.terms] for r in sums] == [["13.9", "9", "35"]]  # the sentence's list, complete
    assert not relations(text, "components-of-change")  # the vehicle's change is not stated


def test_a_list_in_a_text_without_headings_is_summed_and_items_named_with_fei_yong_are_standard():
    text = ("2023年区级部门“三公”经费预算\n经汇总,2023年区级部门一般公共预算“三公”经费支出预算为2493.77万元,其中:"
            "因公出国(境)费用83万元,公务用车购置及运行维护费1534.95万元,公务接待费875.82万元。\n")
    (rel,) = relations(text, "sum.parts")
    assert [t.figure.text for t in rel.terms] == ["83", "1534.95", "875.82"] and not rel.partial


def test_a_change_naming_its_quantity_takes_the_amount_the_sentence_before_states_under_that_name_as_a_warning():
    text = "临沧市某单位2018年部门预算\n二、“三公”经费预算收支增减情况\n" + (
        "2018年财政拨款“三公”经费预算总额为2.7万元,其中,因公出国(境)费支出0万元,公务用车购置及运行费支出1.5万元,"
        "公务接待费支出1.2万元。\n2018年“三公”经费预算数比2017年预算数减少0.06万元,减幅 0.02%。\n")
    (growth,) = relations(text, "growth")
    assert [t.figure.text for t in growth.denominator] == ["2.7", "0.06"] and growth.uncertain is not None
    unnamed = text.replace("2018年“三公”经费预算数比2017年预算数减少", "比2017年减少")
    assert not relations(unnamed, "growth")  # a change naming nothing is not bound across the list


def test_an_execution_reports_change_over_last_year_is_not_taken_against_the_budget_it_completes():
    text = "大姚县2024年4月财政预算执行情况\n一、一般公共预算收支完成情况\n" + (
        "4月,一般公共预算收入累计完成24627万元,完成年初预算数60999万元的40.4%,比上年减收1070万元,下降4.2%。"
        "其中:税收收入8103万元,非税收入16524万元。\n")
    doc = parse_text(text)
    assert doc.kind == DocKind.FINAL  # a 预算执行情况 reports outturns
    (growth,) = relations(text, "growth")
    assert [t.figure.text for t in growth.denominator] == ["24627", "1070"]  # (current − change), never the budget
    assert [r.target.text for r in relations(text, "completion")] == ["40.4"]
    assert [[t.figure.text for t in r.terms] for r in relations(text, "sum.parts")] == [["8103", "16524"]]


def test_lists_named_for_other_totals_nested_details_and_a_parts_change_are_kept_apart():
    doc = "某单位2023年部门预算\n四、财政拨款收支预算总体情况说明\n"
    two_lists = doc + ("2023 年财政拨款收支总预算 7,057,486.18 元。收入包\n括:一般公共预算拨款 7,034,418.94 元、上年结转结余\n"
                       "23,067.24 元;支出包括:教育支出 5,806,105.16 元、社会\n保障和就业支出 557,718.56 元、卫生健康支出 275,373.54\n"
                       "元、住房保障支出 418,288.92 元。\n")
    assert not any("5,806,105.16" in [t.figure.text for t in r.terms] and r.target.text != "7,057,486.18"
                   for r in relations(two_lists, "sum.parts"))  # 支出包括 lists the spending, not an income item's parts
    nested = doc + "一是收入增加3627万元,其中:本级收入增加365万元(税收增加146万元、非税增加219万元)、上级补助收入增加3262万元。\n"
    (rel,) = relations(nested, "components-of-change")
    assert [t.figure.text for t in rel.terms] == ["365", "3262"]
    total = "某单位2021年度部门决算\n一、收入决算情况\n" + (
        "(一)本单位2021年度总收入581.45万元,其中本年收入390.55万元,较2020年度决算数减少175.26万元。收入具体情况如下。\n"
        "1.一般公共预算财政拨款收入\n一般公共预算财政拨款收入382.17万元,较2020年度决算数减少157.86万元。\n"
        "2.上级补助收入\n上级补助收入8.38万元,较2020年度决算数减少17.40万元。\n"
        "3.上年结转和结余\n上年结转和结余190.89万元,较2020年度决算数减少7.63万元。\n")
    assert not any(r.target.text == "175.26" for r in relations(total, "components-of-change"))  # 本年收入's change, not 总收入's


def test_the_amount_a_completion_rate_follows_is_the_outturn_whatever_words_name_it():
    text = "西藏自治区2023年预算执行情况和2024年预算草案的报告\n一、2023年预算执行情况\n" + (
        "加上中央补助 2537.1 亿元、上年结转 436.2 亿元, 收入总量 3838.3亿元。全区预算支出 2809.1 亿元,为年初预算数的 103.7%,"
        "比上年决算数增长 8.3%。\n")
    assert not relations(text, "completion")  # the budget is named, not printed: nothing to divide by


def test_a_rate_before_a_change_said_as_zengshou_is_checked_against_it():
    text = "某区2021年预算执行情况\n一、一般公共预算收入\n一般公共预算收入61475万元,同比增长10.7%,增收5939万元。\n"
    (growth,) = relations(text, "growth")
    assert [t.figure.text for t in growth.terms] == ["5939"]


def test_a_list_set_out_one_part_a_line_after_its_opener_is_summed():
    text = "某中心2023年度部门决算\n六、一般公共预算财政拨款基本支出决算情况说明\n" + (
        "2023年一般公共预算财政拨款基本支出911.7万元,其中:\n人员经费489.18万元,主要包括:基本工资、津贴补贴、奖金。\n"
        "公用经费46.89万元,主要包括:办公费、印刷费、咨询费。\n")
    (rel,) = relations(text, "sum.parts")
    assert rel.target.text == "911.7" and [t.figure.text for t in rel.terms] == ["489.18", "46.89"] and not rel.partial
    siblings = "某单位2021年部门预算\n五、一般公共预算支出情况说明\n" + (
        "机关事业单位基本养老保险缴费支出 150384 元,其中:\n基本支出 150384 元,项目支出 0元。主要用于养老保险缴费支出。\n"
        "事业单位医疗 76142.1 元,其中:基本支出 76142.1 元,项目支出 0元。主要用于基本医疗保险缴费支出。\n"
        "住房公积金 112788 元,其中:基本支出 112788 元,项目支出 0元。主要用于住房公积金支出。\n")
    listed = [[t.figure.text for t in r.terms] for r in relations(siblings, "sum.parts") if r.target.text == "150384"]
    assert listed == [["150384", "0"]]  # its own line's list, not the sibling categories after it


def test_a_share_of_the_budget_is_a_completion_and_its_budget_no_current_amount():
    text = "某区2021年1-6月预算执行情况\n一、一般公共预算收入\n" + (
        "1-6月份全区一般公共预算收入累计完成61646万元,占年初预算数109466万元的56.3%,同比增长10.7%,增收5939万元。\n")
    (growth,) = relations(text, "growth")
    assert [t.figure.text for t in growth.denominator] == ["61646", "5939"]
    assert [r.target.text for r in relations(text, "completion")] == ["56.3"]
    assert not relations(text, "change")  # 5939 is over last year: the budget is no base of it


def test_a_partial_list_of_free_names_may_nest_and_is_at_most_a_warning():
    text = "栾川县2021年教育经费统计公告\n一、教育经费总投入情况\n" + (
        "全县教育经费总投入为73728万元,其中:国家财政性教育经费64507万元,一般公共预算教育经费64469万元。\n")
    (rel,) = relations(text, "sum.parts")
    assert rel.partial and rel.uncertain is not None  # 一般公共预算教育经费 is part of 国家财政性教育经费
    kinds = "某中心2019年度单位决算\n一、支出决算情况\n" + (
        "单位支出3000.00万元，其中：人员经费支出1200.00万元，公用经费支出800.00万元，项目支出900.00万元。\n")
    (rel,) = relations(kinds, "sum.parts")
    assert rel.uncertain is None  # 人员经费 + 公用经费 + 项目支出 cannot overlap


def test_a_change_is_measured_on_its_own_quantity_not_on_a_bracketed_part_or_another_item():
    text = FINAL_DOC + (
        "一、收入\n全县一般公共预算总收入完成126.05亿元（县本级98.88亿元，高新区27.17亿元），同比增收9.74亿元，增长8.38%。\n"
        "二、三公\n其中：因公出国（境）费支出0.00元；公务用车运行维护费支出决算减少40217.50元，下降54.19%。\n"
    )
    growth = relations(text, "growth")
    assert [texts(r.denominator) for r in growth] == [[(1, "126.05"), (-1, "9.74")]]


GOVERNMENT_ACCOUNT = (
    "某省2020年预算执行情况\n一、一般公共预算\n全省一般公共预算收入816.1亿元，加上中央补助收入999.5亿元，收入总计1815.6亿元。"
    "全省一般公共预算支出1673.9亿元，加上上解中央支出45.1亿元，支出总计1719.0亿元。{left}\n"
)


def test_totals_that_leave_a_stated_balance_add_up_with_it():
    (rel,) = relations(GOVERNMENT_ACCOUNT.format(left="收支相抵，年终结余结转96.6亿元。"), "balance")
    assert rel.target.text == "1815.6" and texts(rel.terms) == [(1, "1719.0"), (1, "96.6")]


def test_totals_that_leave_a_balance_whose_figure_is_unreadable_are_not_claimed_equal():
    assert relations(GOVERNMENT_ACCOUNT.format(left="收支相抵，略有结余。"), "balance") == []
    (rel,) = relations(GOVERNMENT_ACCOUNT.format(left=""), "balance")
    assert texts(rel.terms) == [(1, "1815.6")]


def test_a_completion_pairs_an_outturn_with_the_budget_of_its_own_quantity():
    text = (
        "某市2023年预算执行情况\n一、社会保险基金预算\n全市社会保险基金预算收入347.7亿元，完成预算的97.9%；"
        "社会保险基金预算支出325.9亿元，完成预算的99.6%。市级社会保险基金预算收入217.4亿元，完成预算的99.4%。\n"
    )
    # 社会保险基金预算 is a fund's name: its 收入 and 支出 are outturns here, no budgets
    assert {f.text: f.role.value for f in parse_text(text).figures if f.unit == "亿元"} == dict.fromkeys(("347.7", "325.9", "217.4"), "amount")
    assert relations(text, "completion") == []


def test_shares_of_listed_items_are_not_taken_over_their_sum_when_an_items_share_is_unread():
    text = FINAL_DOC + (
        "一、三公经费\n“三公”经费支出决算中,因公出国(境)费支出0元,占0%;公务用车购置及运行维护费支出23,005.58元,占,88.19%;"
        "公务接待费支出3,080元,占11.81%。\n"
    )
    assert relations(text, "share") == []


def test_a_list_in_its_totals_sentence_breaks_down_the_nearest_total_that_can_hold_its_parts():
    text = FINAL_DOC + (
        "一、支出\n年初全区一般公共预算支出预算为336亿元，调整后全区一般公共预算支出预算为378.83亿元，"
        "其中区本级为371.32亿元，其他镇为7.51亿元。\n"
    )
    (rel,) = relations(text, "sum.parts")
    assert rel.target.text == "378.83"


def test_a_list_opening_its_own_sentence_breaks_down_the_first_total_of_the_sentence_before():
    text = BUDGET_DOC + (
        "一、收入\n收入预算总计354.72万元，包括本年收入300.00万元，上年结转结余54.72万元。其中：\n"
        "本年一般公共预算收入300.00万元，占84.57%；\n上年结转结余的一般公共预算收入54.72万元，占15.43%。\n"
    )
    listed = relations(text, "sum.parts")  # after 包括 and after 其中
    assert len(listed) == 2 and {r.target.text for r in listed} == {"354.72"}


LIST_THEN_CHANGE = BUDGET_DOC + (
    "一、事业运行经费\n事业运行经费总预算安排37337407.64元，其中：基本支出预算488180.64元，项目支出预算36849227元，"
    "同比增加27125219.46元，增长{rate}%。\n"
)


def test_a_change_after_a_lists_last_part_is_not_reported_when_it_holds_as_the_totals():
    failing = [f for f in check_document(parse_text(LIST_THEN_CHANGE.format(rate="265.6"))).findings if f.failed and f.rule == "growth"]
    assert failing == []  # 27125219.46 ÷ (37337407.64 − 27125219.46) = 265.6%
    (wrong,) = [f for f in check_document(parse_text(LIST_THEN_CHANGE.format(rate="200.6"))).findings if f.failed and f.rule == "growth"]
    assert wrong.severity == "warning"


def test_a_compound_items_sub_sections_are_its_parts_though_the_first_starts_its_name():
    text = BUDGET_DOC + (
        "一、三公经费\n"
        "2．公务用车购置及运行维护费预算支出 2 万元。其中：\n"
        "（1）公务用车购置预算支出 0 万元。\n"
        "（2）公务用车运行维护费预算支出 2 万元。\n"
    )
    (rel,) = relations(text, "sum.parts")
    assert rel.target.text == "2" and texts(rel.terms) == [(1, "0"), (1, "2")]


def test_a_section_listing_items_breaks_down_the_total_its_heading_names_in_the_section_before():
    text = BUDGET_DOC + (
        "二、一般公共预算财政拨款收支情况说明\n（一）财政拨款规模情况\n"
        "财政拨款收支预算176.65万元，包括：一般公共预算财政拨款176.65万元，政府性基金预算财政拨款0万元。\n"
        "（二）一般公共预算财政拨款具体使用安排情况\n1.一般公共服务类110.91万元，主要用于机构运转。\n"
        "2、社会保障和就业类38.1万元，主要用于养老保险缴费。\n3、卫生健康支出类 14.01万元。\n4、住房保障支出类13.63万元。\n"
    )
    (rel,) = [r for r in relations(text, "sum.parts") if r.uncertain is not None]
    assert rel.target.text == "176.65" and [t for _, t in texts(rel.terms)] == ["110.91", "38.1", "14.01", "13.63"]


def test_an_itemised_lists_item_may_detail_its_amount_in_brackets():
    text = FINAL_DOC + (
        "一、三公经费\n“三公”经费支出1095万元，比上年减少5万元。其中：公车购置及运行费995万元（其中公务用车购置费38万元，"
        "公务用车运行费957万元），比上年减少10万元；公务接待费100万元，比上年增加5万元。\n"
    )
    (rel,) = relations(text, "sum.parts")
    assert rel.target.text == "1095" and [t for _, t in texts(rel.terms)] == ["995", "100"]


def test_an_amount_paid_and_the_rest_left_add_up_to_it():
    text = FINAL_DOC + "一、项目\n中标价 1734.047万元，目前已支付建设资金 1650 万元，剩余尾款 84.047万元。\n"
    (rel,) = relations(text, "sum.parts")
    assert rel.target.text == "1734.047" and texts(rel.terms) == [(1, "1650"), (1, "84.047")] and not rel.partial
    assert relations(FINAL_DOC + "一、项目\n预算 100 万元，执行 80 万元，剩余 20 万元。\n", "sum.parts") == []  # nothing said paid


def test_a_budget_stating_its_income_and_spending_by_bare_names_balances_at_most_as_a_warning():
    text = BUDGET_DOC + (
        "一、收支预算总体情况\n2023年本部门预算收入159.89万元，较上年增加46.78万元。"
        "2023年本部门预算支出159.89万元，较上年增加46.78万元。\n"
    )
    balances = relations(text, "balance")
    assert [(r.target.text, texts(r.terms)) for r in balances] == [("159.89", [(1, "159.89")]), ("46.78", [(1, "46.78")])]
    assert all(r.uncertain is not None for r in balances)
    assert relations(FINAL_DOC + text[len(BUDGET_DOC):], "balance") == []  # a 决算's 收入 and 支出 need not be equal


def test_a_sentence_naming_nothing_past_a_sentence_about_something_else_restates_nothing_for_certain():
    text = FINAL_DOC + (
        "一、三公经费\n2015年“三公”经费财政拨款决算数413.89万元，比年初预算325.55万元增加了88.34万元。"
        "超预算原因主要是因公出国(境)费用增加。2015年决算数236.25万元，比2015年年初预算数91.76万元增加144.49万元。\n"
    )
    repeats = [r for r in relations(text, "repeat") if {t.figure.text for t in r.terms} | {r.target.text} >= {"413.89", "236.25"}]
    assert repeats and all(r.uncertain is not None for r in repeats)
    follows = FINAL_DOC + "一、支出\n（1）一般公共服务（类）支出 277.19 万元，主要用于运行。与上年相比减少 254.76 万元。\n"
    assert not any(f.subject_from_before for f in parse_text(follows).figures)  # the sentence right after its amount's


def test_a_change_after_a_bracketed_breakdown_is_of_the_amount_before_the_bracket():
    text = FINAL_DOC + "一、三公\n公务用车购置及运行费42.68亿元(包括购置费9.26亿元、运行费33.42亿元),减少3.11亿元,下降6.8%。\n"
    (growth,) = relations(text, "growth")
    assert texts(growth.denominator) == [(1, "42.68"), (-1, "3.11")]


def test_a_full_stop_inside_brackets_does_not_end_a_list():
    text = FINAL_DOC + (
        "一、三公\n“三公”经费502.4万元，比上年减少14.6万元。其中：因公出国(境)费0万元；公务用车购置及运行费500.00万元"
        "(公务用车购置费100.00万元；公务用车运行维护费400.00万元。)；公务接待费2.4万元。\n"
    )
    (rel,) = relations(text, "sum.parts")
    assert [t for _, t in texts(rel.terms)] == ["0", "500.00", "2.4"]


def test_a_direction_claim_naming_its_quantity_compares_that_quantitys_figures():
    text = FINAL_DOC + (
        "一、三公\n“三公”经费财政拨款支出决算为28.98万元，完成预算21.55万元的134%。其中：公务接待费支出决算为6.15万元，"
        "完成预算6.16万元的99.8%。“三公”经费支出决算大于预算数的主要原因是公车运行费增加。\n"
    )
    (rel,) = relations(text, "direction")
    assert [t.figure.text for t in rel.terms] == ["28.98", "21.55"]


def test_a_second_share_of_one_part_is_over_the_base_it_names():
    text = BUDGET_DOC + (
        "一、支出\n省级一般公共预算总支出安排6571.85亿元，其中：省本级支出1478.55亿元，占22.5%；"
        "预备费24亿元，占总支出的0.4%，占省本级支出的1.6%。\n"
    )
    by_rate = {r.target.text: [t.figure.text for t in r.denominator] for r in relations(text, "share")}
    assert by_rate["1.6"] == ["1478.55"] and by_rate["0.4"] == ["6571.85"]


def test_one_name_stated_for_two_years_named_in_its_items_is_two_quantities():
    text = FINAL_DOC + "一、三公经费\n2023年三公经费的财政拨款预算数2711.65万元、决算数2488.79万元，2024年预算数2687.06万元。\n"
    assert relations(text, "repeat") == []


def test_an_average_is_no_part_of_a_list():
    text = FINAL_DOC + (
        "一、三公\n公务用车购置及运行维护费支出22.83万元，其中：公务用车购置支出为0万元；公务用车运行及维护支出22.83万元，"
        "单位公务用车保有量为11辆，平均每辆2.08万元。\n"
    )
    (rel,) = relations(text, "sum.parts")
    assert [t for _, t in texts(rel.terms)] == ["0", "22.83"]


def test_a_list_the_text_breaks_off_in_is_not_known_complete():
    cut = FINAL_DOC + "一、收入\n本年收入合计4680.58万元，其中：财政拨款收入2982.61万元，占本年收入63%；上级补助收入0万"
    (rel,) = relations(cut, "sum.parts")
    assert rel.partial
    (whole,) = relations(cut + "元。\n", "sum.parts")
    assert not whole.partial  # the income sources stated as 0 go through the template: complete


def test_an_amount_a_year_word_alone_makes_last_years_may_be_the_year_reported_on():
    news = "某盟财政收支（2021年1月）\n一、收入\n去年全年全盟一般公共预算收入累计完成310682万元，同比增加23188万元，增长{rate}%。\n"
    assert [f for f in check_document(parse_text(news.format(rate="8.1"))).findings if f.failed and f.rule == "growth"] == []
    assert [f.rule for f in check_document(parse_text(news.format(rate="9.1"))).findings if f.failed and f.rule == "growth"] == ["growth"]


NESTED = FINAL_DOC + "一、教育经费\n全县教育经费总投入为73728万元，其中：国家财政性教育经费64507万元，一般公共预算教育经费{inner}万元。\n"


def test_items_that_may_nest_need_not_add_up_but_none_exceeds_the_total():
    def failing(inner: str) -> list:
        return [f for f in check_document(parse_text(NESTED.format(inner=inner))).findings if f.failed and f.rule == "sum.parts"]
    assert failing("64469") == []  # 64507 + 64469 > 73728, but the second may be part of the first
    (over,) = failing("84469")
    assert over.severity == "warning"


EXECUTION = "某区2023年财政预算执行情况\n一、一般公共预算\n"


def test_a_year_on_year_change_is_never_measured_from_the_adjusted_budget():
    text = EXECUTION + "税收收入完成251767万元，完成年初预算245000万元的102.8%，完成调整预算252500万元99.7%，同比增加46106万元增长22.4%。\n"
    assert [r for r in relations(text) if r.rule in ("change", "growth") and any(t.figure.text == "252500" for t in r.terms + r.denominator)] == []


def test_a_rates_base_and_the_heads_own_spending_are_no_parts_of_its_list():
    text = EXECUTION + (
        "1-5月，全县完成财政总收入4348万元，占年初预算10065万元的43.2%。其中：税收收入3511万元，占年初预算8465万元的41.5%；"
        "非税收入837万元，占年初预算1600万元的52.3%。完成政府性基金收入969万元，其中：国有土地使用权出让收入866万元，"
        "城市基础设施配套费收入35万元；完成政府性基金支出4093万元。\n"
    )
    listed = {r.target.text: [t.figure.text for t in r.terms] for r in relations(text, "sum.parts")}
    assert listed == {"4348": ["3511", "837"], "969": ["866", "35"]}


def test_a_governments_general_and_special_bonds_are_all_of_its_bonds():
    text = EXECUTION + "全国发行再融资债券41.842亿元，其中一般债券13.799亿元，专项债券28.43亿元。\n"
    (rel,) = relations(text, "sum.parts")
    assert not rel.partial


def test_one_name_stated_for_two_insurance_funds_is_two_quantities():
    text = FINAL_DOC + (
        "一、社会保险基金\n全国社会保险基金收入32829亿元，支出27916亿元，本年收支结余4915亿元。\n"
        "企业职工基本养老保险基金收入18634亿元，支出16090亿元，本年收支结余2544亿元。\n"
    )
    assert relations(text, "repeat") == []


def test_items_of_different_kinds_are_still_summed_against_the_total():
    text = FINAL_DOC + "一、机关运行经费\n机关运行经费54.24万元，其中：办公费1.08万元，印刷费60.5万元，水费0.62万元。\n"
    (over,) = [f for f in check_document(parse_text(text)).findings if f.failed and f.rule == "sum.parts"]
    assert over.severity == "warning"
    text = FINAL_DOC + "一、机关运行经费\n机关运行经费54.24万元，其中：办公费31.08万元，印刷费20.5万元，水费3.62万元。\n"
    assert [f.rule for f in check_document(parse_text(text)).findings if f.failed and f.rule == "sum.parts"] == ["sum.parts"]


def test_an_amount_in_brackets_before_a_list_is_not_its_head():
    text = FINAL_DOC + "一、债务\n全市政府直接债务余额为856440万元(含政府债券832612万元、其它债务23828万元),其中:市级债务733852万元;区级债务122588万元。\n"
    heads = {r.target.text for r in relations(text, "sum.parts")}
    assert "832612" not in heads


ADJUSTED_EXECUTION = "某开发区2023年财政预算执行情况\n一、收入情况\n"


def test_a_second_completion_rate_over_the_adjusted_budget_is_checked():
    # 完成调整预算 X 万元 Y%: X is the same quantity's adjusted budget, the base of the second rate
    text = ADJUSTED_EXECUTION + (
        "其中税收收入完成251767万元，完成年初预算251200万元的100.2%，完成调整预算252500万元99.7%，"
        "同比增加46106万元，增长22.4%。\n")
    rates = {r.target.text: (texts(r.terms), texts(r.denominator)) for r in relations(text, "completion")}
    assert rates == {"100.2": ([(1, "251767")], [(1, "251200")]), "99.7": ([(1, "251767")], [(1, "252500")])}
    assert not [r for r in relations(text, "growth") if "252500" in str(texts(r.denominator))]  # 同比: never a budget


def test_the_opening_and_the_adjusted_budget_of_one_quantity_are_no_repeat():
    text = ADJUSTED_EXECUTION + "一般公共预算收入年初预算为32.4亿元，调整预算数为31.5亿元，决算数为31.9亿元，为调整预算的101.3%。\n"
    assert not relations(text, "repeat")
    ((actual, budget),) = [(texts(r.terms), texts(r.denominator)) for r in relations(text, "completion")]
    assert (actual, budget) == ([(1, "31.9")], [(1, "31.5")])


def test_items_after_an_item_opening_its_own_list_may_be_its_parts():
    text = "某区2020年转移支付情况说明\n一、转移性收入\n" + (
        "我区转移性补助收入10.77亿元，其中：一般公共转移支付补助收入10.72亿元，主要为税收返还收入0.75亿元；"
        "一般性转移支付收入6.95亿元；专项转移收入3.02亿元。\n")
    doc = parse_text(text)
    (rel,) = [r for r in prose.find(doc) if r.rule == "sum.parts"]
    assert rel.partial and [t.figure.text for t in rel.alternative.terms] == ["10.72"]
    assert not [f for f in check_document(doc).findings if f.rule == "sum.parts" and f.failed]
    slipped = parse_text(text.replace("10.72亿元", "17.72亿元"))  # then no reading holds
    assert [f for f in check_document(slipped).findings if f.rule == "sum.parts" and f.failed]


UNNAMED = "某局2020年部门预算\n一、机关运行经费安排情况说明\n" + (
    "2020年，我单位机关运行经费财政拨款预算54.24万元，其中：办公费1.08万元，印刷费0.5万元，差旅费1万元。"
    "项目支出46.74万元，其中房屋租金27.18万元，专家劳务报酬12万元，取暖费7.56万元。比上年增加14万元，增长34.8%。\n")


def test_a_change_naming_no_amount_is_read_against_each_amount_it_may_report_on():
    (rate,) = [r for r in relations(UNNAMED, "growth")]
    readings = []
    while rate is not None:
        readings.append(rate.denominator[0].figure.text)
        rate = rate.alternative
    assert readings == ["46.74", "7.56", "54.24"]  # the sentence before's first and last, the paragraph's first

    def failing(text):
        return [(f.rule, f.severity.value) for f in check_document(parse_text(text)).findings if f.failed and f.rule == "growth"]

    assert failing(UNNAMED) == []  # 14 ÷ (54.24 − 14) = 34.8%
    assert failing(UNNAMED.replace("增长34.8%", "增长38.4%")) == [("growth", "warning")]  # none fits: a warning


PERSONNEL = FINAL_DOC + "一、基本支出\n（一）人员经费 396.62 万元。主要包括：基本工资 {wage} 万元、津贴补贴 55.34 万元、绩效工资 110.65 万元、" \
    "机关事业单位基本养老保险缴费 44.07 万元、职工基本医疗保险缴费 22.47 万元、住房公积金 27.54 万元。\n"


def test_two_kinds_of_one_thing_do_not_nest_so_a_slipped_part_is_found():
    # 养老保险缴费 and 医疗保险缴费 share a name's end but neither is part of the other
    def failing(wage: str) -> list:
        return [f for f in check_document(parse_text(PERSONNEL.format(wage=wage))).findings if f.failed and f.rule == "sum.parts"]
    assert failing("120.41") == []
    assert failing("190.41")  # 190.41 + … = 450.08 > 396.62


DEBT = "2025年1-8月地方政府债券发行和债务余额情况\n一、还本付息\n" + (
    "1-8月，地方政府债券到期偿还本金19755亿元，其中发行再融资债券偿还本金17027亿元，安排财政资金等偿还本金{second}亿元；"
    "地方政府债券支付利息9863亿元。\n")


def test_a_list_whose_parts_make_up_the_total_at_a_semicolon_ends_there():
    def failing(second: str) -> list:
        return [f for f in check_document(parse_text(DEBT.format(second=second))).findings if f.failed and f.rule == "sum.parts"]
    assert failing("2728") == []  # 17027 + 2728 = 19755: the interest after the ； is another quantity
    assert failing("3728")  # then no reading holds


def test_items_each_closed_by_a_semicolon_are_all_parts():
    text = "某中心2021年度决算分析报告\n一、收入\n本年度单位收入预算为2,264,200.00元。其中：人员经费支出为2,184,200.00元；" \
        "公用经费支出为80,000.00元；项目支出为391,800.00元。\n"
    assert [f.rule for f in check_document(parse_text(text)).findings if f.failed] == ["sum.parts"]


def test_the_spending_kinds_with_basic_spending_split_are_a_complete_breakdown():
    text = "某中心2021年度部门预算\n一、支出\n支出预算总计2,656,000.00元，其中人员经费2,184,200.00元，公用经费80,000.00元，项目支出391,800.00元。\n"
    (rel,) = relations(text, "sum.parts")
    assert not rel.partial  # 人员经费 + 公用经费 = 基本支出; with 项目支出 the whole
    (rel,) = relations(text.replace("，公用经费80,000.00元", ""), "sum.parts")
    assert rel.partial  # 公用经费 left out: only part of the whole


def test_a_budgets_own_amounts_are_never_the_base_of_its_change():
    # in a 预算 the 年初预算数 are this year's amounts: 基本支出增加 20 is not 300 − 50
    text = "某单位2025年单位预算情况说明\n二、单位收支总体情况\n(二)支出预算:2025年年初预算数300.00万元,其中:一般公共服务支出250.00万元," \
        "住房保障支出50.00万元;支出比2024年增加30.00万元,主要是基本支出增加20.00万元,项目支出增加10.00万元。\n"
    assert not relations(text, "change")
    assert not [f for f in check_document(parse_text(text)).findings if f.failed and f.severity.value == "error"]


def test_a_list_inside_an_enumerated_item_ends_where_the_next_item_begins():
    text = "某卫生院2015年部门决算\n二、支出\n其中：按支出项目类别：1、基本支出173.89万元，包括：人员经费支出161.57万元，公用经费支出12.23万元；" \
        "2、项目支出110.56万元，包括：商品服务支出72.74万元，其他支出类项目37.82万元；3、事业单位经营支出0万元。\n"
    heads = {r.target.text: [t.figure.text for t in r.terms] for r in relations(text, "sum.parts")}
    assert heads["173.89"] == ["161.57", "12.23"] and heads["110.56"] == ["72.74", "37.82"]
    (slip,) = [f for f in check_document(parse_text(text)).findings if f.failed and f.rule == "sum.parts"]
    assert slip.severity.value == "error"  # 161.57 + 12.23 = 173.80, not 173.89


APPROPRIATIONS = BUDGET_DOC + "二、财政拨款收支情况\n2023 年本部门财政拨款收入 159.89 万元，较上年增加 46.78 万元；" \
    "2023 年本部门财政拨款支出 159.89 万元，较上年增加 {spend} 万元。\n"


def test_a_budgets_appropriation_income_and_spending_and_their_changes_balance():
    rels = relations(APPROPRIATIONS.format(spend="46.78"), "balance")
    assert sorted(r.target.text for r in rels) == ["159.89", "46.78"] and all(r.uncertain for r in rels)
    failing = [f for f in check_document(parse_text(APPROPRIATIONS.format(spend="46.28"))).findings if f.failed and f.rule == "balance"]
    assert [f.severity.value for f in failing] == ["warning"]


def test_changes_measured_against_two_bases_need_not_balance():
    text = APPROPRIATIONS.format(spend="46.28").replace("较上年增加 46.78", "比2022年预算执行数增加 46.78").replace(
        "较上年增加 46.28", "比2022年预算增加 46.28")
    assert [r.target.text for r in relations(text, "balance")] == ["159.89"]


def test_a_list_joined_by_enumeration_commas_ends_with_its_clause_when_it_makes_up_the_total():
    text = "某市2024年上半年预算执行情况\n一、转移支付\n上半年市本级共收到上级一般公共预算转移支付资金62.86亿元，" \
        "其中一般性转移支付51.43亿元、专项转移支付{second}亿元，共向下级转移支付资金55.50亿元。\n"

    def failing(second: str) -> list:
        return [f for f in check_document(parse_text(text.format(second=second))).findings if f.failed and f.rule == "sum.parts"]
    assert failing("11.43") == []  # 51.43 + 11.43 = 62.86: 共向下级… is another quantity
    assert failing("11.48")


def test_a_share_naming_its_part_takes_that_amount_not_the_nearest():
    text = "某县2023年决算\n一、收入\n2023年，全县地方一般公共预算收入完成109489万元，增长3%，其中税收收入77864万元，占预算的101.6%，" \
        "非税收入31625万元，占预算的96.3%，税收占地方一般公共预算收入的比重为{rate}%。\n"
    (share,) = relations(text.format(rate="71.1"), "share")
    assert [t.figure.text for t in share.terms] == ["77864"]
    assert [f.rule for f in check_document(parse_text(text.format(rate="61.1"))).findings if f.failed and f.rule == "share"] == ["share"]


def test_the_amount_a_share_follows_directly_is_its_part_not_its_base():
    text = "某省上半年财政收支\n一、支出\n上半年全省地方一般公共预算支出949.49亿元，同比增长12.9%，其中，全省民生支出666.1亿元占地方一般公共预算支出的70.2%。\n"
    assert not [f for f in check_document(parse_text(text)).findings if f.failed and f.rule == "share"]
    assert all(t.figure.text != "949.49" for r in relations(text, "share") for t in r.terms)  # 949.49 is never the part


def test_a_breakdown_going_on_in_the_next_sentence_is_not_complete():
    text = "某小学2025年单位预算情况说明\n二、单位收支总体情况\n(一)收入预算：2025年年初预算数1282.73万元，其中：一般公共预算拨款1125.76万元，" \
        "上年结转0.00万元。事业收入86.97万元，其他收入70.00万元。\n"
    (rel,) = relations(text, "sum.parts")
    assert rel.partial  # the sources go on after the full stop: only ≤ is claimed
    assert not [f for f in check_document(parse_text(text)).findings if f.failed and f.rule == "sum.parts"]


TOWN = "某镇2024年上半年财政收支\n一、2024年上半年度财政收支情况\n" \
    "2024年上半年度，全镇公共财政总收入完成5756.3万元，其中，一般公共预算收入2848.54万元，上划中央及省收入完成2907.76万元。\n" \
    "2024年上半年度，全镇公共财政预算支出完成5472.90万元，主要预算项目执行情况如下：\n" \
    "1、一般公共服务支出534.06万元，占总支出的9.76%。\n2、城乡社区支出2539.12万元，占总支出的46.39%。\n3、农林水支出2399.72万元，占总支出的43.85%。\n"
SECOND_LIST = "同时编制了经济分类支出报表，上半年度我镇经济分类支出如下：\n1、工资奖金津补贴支出362.61万元。\n2、基础设施建设支出3014.58万元。\n" \
    "3、其他支出2095.71万元。\n"


def test_numbered_spending_items_are_no_parts_of_the_sections_income_total():
    assert not [r for r in relations(TOWN, "sum.parts") if r.target.text == "5756.3" and any(t.figure.text == "534.06" for t in r.terms)]


def test_sub_sections_numbered_as_two_enumerations_are_not_summed_as_one():
    assert not [r for r in relations(TOWN + SECOND_LIST, "sum.parts") if len(r.terms) > 3]


def test_a_completion_rate_is_checked_over_the_budget_its_stated_shortfall_implies():
    text = "某检察院2019年度部门决算\n一、收入\n本部门2019年度财政拨款本年收入1205.11万元，完成年初预算的{rate}%，比年初预算减少537.35万元。\n"
    (rel,) = relations(text.format(rate="69.16"), "completion")
    assert texts(rel.denominator) == [(1, "1205.11"), (-1, "537.35")]  # budget = 1205.11 + 537.35
    assert not [f for f in check_document(parse_text(text.format(rate="69.16"))).findings if f.failed and f.rule == "completion"]
    assert [f.rule for f in check_document(parse_text(text.format(rate="70"))).findings if f.failed and f.rule == "completion"] == ["completion"]


def test_an_increase_named_as_more_spending_is_the_change():
    text = "某区2014年民生支出情况\n一、民生支出\n2014年1—10月，全区民生支出达19.83亿元，较2013年同期增加支出3.52亿元，增幅达{rate}%。\n"
    (growth,) = relations(text.format(rate="21.56"), "growth")
    assert texts(growth.terms) == [(1, "3.52")]
    assert not [f for f in check_document(parse_text(text.format(rate="21.56"))).findings if f.failed and f.rule == "growth"]


def test_a_change_after_a_lone_inserted_part_may_be_the_totals():
    text = "县委党校2020年度部门决算\n一、收入决算情况说明\n本部门2020年度收入总计231.24万元，其中年初结转和结余0万元，较2019年增加5.24万元，增长{rate}%。\n"
    assert not [f for f in check_document(parse_text(text.format(rate="2.3"))).findings if f.failed and f.rule == "growth"]
    assert [f.rule for f in check_document(parse_text(text.format(rate="3.3"))).findings if f.failed and f.rule == "growth"] == ["growth"]


def test_an_average_is_no_total_of_the_averages_listed_after_it():
    text = "2021年全国教育经费执行情况统计公告\n一、生均经费\n全国按在校学生人数平均的一般公共预算教育经费为15356.59元，其中：全国幼儿园为9505.84元，" \
        "全国普通小学为12380.73元，全国普通初中为17772.06元。\n"
    assert not relations(text, "sum.parts")


def test_a_rate_over_a_nil_budget_is_a_zero_base_warning_whatever_it_says():
    text = "某局2023年度部门决算\n五、支出\n1. 人大事务(款)行政运行(项)。年初预算 0 万元,支出决算 791.16 万元,完成年初预算的 {rate}%。\n"
    for rate in ("100", "170"):
        (found,) = [f for f in check_document(parse_text(text.format(rate=rate))).findings if f.failed and f.rule == "completion"]
        assert found.severity.value == "warning" and "没有意义" in found.message_zh
