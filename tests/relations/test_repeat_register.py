"""The register of quantities behind the ``repeat`` rule: names outside the standard rows, aliases
the document establishes, and what keeps two statements apart (period, scope, sentence)."""

from __future__ import annotations

from parsers.text import parse_text
from tui_review.relations import aliases, register, repeat

BUDGET_DOC = "2023 年度某某局（部门）预算\n第二部分 2023 年度部门预算情况说明\n"
ONE_FUND_INCOME = (
    "一、收入预算\n"
    "（1）一般公共预算拨款收入 354.72 万元。\n"
    "（2）政府性基金预算拨款收入 0 万元。\n"
    "（3）国有资本经营预算拨款收入 0 万元。\n"
)


def repeats(text: str):
    return [(r.target.text, r.terms[0].figure.text, r.uncertain) for r in repeat.find(parse_text(BUDGET_DOC + text))]


def test_a_free_name_stated_in_two_sections_with_two_values_is_a_warning():
    # the document's income is one fund, so the 财政拨款 section speaks of the same money
    (rel,) = repeats(
        ONE_FUND_INCOME + "二、收入预算说明\n收入增加，主要原因是：三是2022年大楼取暖费36.42万元纳入了预算收入。\n"
        "三、财政拨款收支预算\n财政拨款收入增加，主要原因是：三是2022年大楼取暖费36.45万元纳入了预算收入。\n"
    )
    assert rel[:2] == ("36.45", "36.42")
    assert rel[2] is not None and "大楼取暖费" in rel[2][0]  # a free name: at most a warning, saying why


def test_a_free_name_keeps_its_year():
    # last year's 取暖费 (2022年) and this year's are two amounts
    assert repeats(
        "一、收入预算\n一是2022年大楼取暖费36.42万元纳入了预算收入。\n"
        "二、支出预算\n一是2023年大楼取暖费40.00万元纳入了预算收入。\n"
    ) == []


def test_a_free_name_twice_in_one_sentence_is_no_repeat():
    assert repeats("一、支出预算\n大楼取暖费36.42万元，比上年的大楼取暖费40.00万元有所减少。\n") == []


def test_clauses_and_catch_alls_are_no_names():
    assert not register.free_name("基本支出包含一次性补助")
    assert not register.free_name("其他交通费用")
    assert not register.free_name("资金")
    assert not register.free_name("新考入人员")  # no noun of money
    assert register.free_name("大楼取暖费")
    assert register.clean("主要原因是上年基本支出") == "上年基本支出"


def test_free_names_in_two_scopes_are_not_compared():
    assert repeats(
        "一、一般公共预算“三公”经费支出预算情况说明\n公务接待费用补助12.00万元。\n"
        "二、项目支出预算情况说明\n公务接待费用补助30.00万元。\n"
    ) == []


def test_different_quantities_with_equal_names_only_by_value_are_no_repeat():
    # 卫生健康（类） and 职工基本医疗保险缴费 often print one value: they are still two quantities
    assert repeats(
        "一、一般公共预算支出\n卫生健康支出（类）本年财政拨款预算数为16.71万元。\n"
        "二、基本支出\n人员经费284.32万元，主要包括：职工基本医疗保险缴费16.72万元、基本工资83.72万元。\n"
    ) == []


def test_the_general_budget_income_under_its_aliases_is_one_quantity():
    (rel,) = repeats(ONE_FUND_INCOME + "二、收入预算总体情况\n其中：本年一般公共预算收入354.79万元，占100%。\n")
    assert rel[:2] == ("354.79", "354.72") and rel[2] is None


def test_appropriation_income_is_the_general_budget_income_only_where_the_document_has_one_fund():
    one_fund = ONE_FUND_INCOME + "二、财政拨款收支\n财政拨款收入354.79万元。\n"
    assert [r[:2] for r in repeats(one_fund)] == [("354.79", "354.72")]
    two_funds = one_fund.replace("政府性基金预算拨款收入 0 万元", "政府性基金预算拨款收入 10.00 万元")
    assert repeats(two_funds) == []


def test_a_total_stated_for_both_sides_is_each_sides_total():
    found = repeats(
        "一、收支预算总体情况\n收入、支出预算总计354.72万元。\n（一）收入预算总计354.72万元。\n（二）支出预算总计354.79万元。\n"
    )
    assert [r[:2] for r in found] == [("354.79", "354.72")]


def test_income_and_spending_names_are_never_aliases():
    assert aliases.names("一般公共预算拨款收入", True) != aliases.names("一般公共预算财政拨款支出", True)
    assert repeats(ONE_FUND_INCOME + "二、支出预算\n一般公共预算财政拨款支出354.79万元。\n") == []


def test_a_name_in_a_reason_clause_without_a_year_is_uncertain():
    (rel,) = repeats(
        "一、支出预算\n大楼取暖费36.42万元。\n"
        "二、支出预算说明\n支出增加，主要原因是大楼取暖费36.40万元纳入预算。\n"
    )
    assert rel[2] is not None and "原因" in rel[2][0]


def test_last_years_amount_in_a_reason_clause_keeps_its_period():
    assert repeats(
        "一、支出预算\n基本支出预算300.00万元，比上年预算减少20.00万元。\n"
        "二、财政拨款支出预算\n支出减少，主要原因是上年基本支出预算320.00万元包含一次性补助。\n"
    ) == []


def test_a_funds_total_listed_under_the_departments_spending_is_the_funds_total():
    found = repeats(
        "一、收支预算总体情况\n2023年本部门预算支出159.89万元，其中一般公共预算拨款支出159.89万元，政府性基金预算拨款支出0万元。\n"
        "二、一般公共预算支出\n2023年本部门一般公共预算支出159.80万元。\n"
    )
    assert [r[:2] for r in found] == [("159.80", "159.89")]


def test_a_part_of_the_appropriations_total_is_not_the_departments_where_there_are_two_funds():
    assert repeats(
        "一、收入预算\n政府性基金预算拨款收入 10.00 万元。\n"
        "二、支出预算\n基本支出预算数为12323.46万元。\n"
        "三、财政拨款支出\n财政拨款支出合计900.00万元，其中：基本支出800.00万元，项目支出100.00万元。\n"
    ) == []


def test_the_appropriations_basic_spending_is_the_departments_where_there_is_one_fund():
    (rel,) = repeats(ONE_FUND_INCOME + "二、支出预算\n基本支出354.72万元。\n三、基本支出预算\n一般公共预算财政拨款基本支出354.79万元。\n")
    assert rel[:2] == ("354.79", "354.72")


def test_one_name_under_two_printed_codes_is_two_quantities():
    assert repeats(
        "一、一般公共预算支出\n其他一般公共服务支出（项）（2019999）10.00万元。\n"
        "二、项目支出\n其他一般公共服务支出（项）（2010399）12.00万元。\n"
    ) == []


def test_the_departments_income_named_without_total_is_compared_loosely():
    (rel,) = repeats(
        "一、部门预算收支总体情况说明\n收入预算176.65万元，比2022年预算减少28.00万元。\n"
        "（一）部门预算收入情况说明\n部门预算收入176.56万元，其中：一般公共预算拨款收入176.65万元。\n"
    )
    assert rel[:2] == ("176.56", "176.65")
    assert rel[2] is not None and "总计" in rel[2][0]


def test_an_expense_item_named_with_its_stage_is_the_item_itself():
    # 因公出国（境）费预算支出 in a 预算 is the 因公出国（境）费 stated just before; the stage is the period
    (rel,) = repeats(
        "九、“三公”经费预算情况说明\n“三公”经费预算支出中，因公出国（境）费支出199.25万元，占“三公”经费的25.96%。具体情况如下：\n"
        "1．因公出国（境）费预算支出199.22万元，比上年预算减少23.25万元。\n"
    )
    assert rel[:2] == ("199.22", "199.25") and rel[2] is None
    assert repeat.subject_key("一般公共预算支出") == "一般公共预算"  # a fund's name keeps its 预算


def test_the_economic_class_of_an_expense_is_not_the_sangong_item_of_that_name():
    assert repeats(
        "六、基本支出\n商品和服务支出（类）100万元，其中：（1）公务接待费（款）支出16万元。\n"
        "九、“三公”经费预算情况说明\n“三公”经费预算支出中，公务接待费支出443.50万元，占“三公”经费的50%。\n"
    ) == []


def test_totals_of_two_funds_are_two_quantities_not_a_repeat():
    from parsers.text import parse_text
    from tui_review.relations import repeat

    text = ("某区2021年财政预算执行情况\n一、2021年财政预算执行情况\n1. 一般公共预算执行情况\n"
            "一般公共预算收入合计196.3亿元。\n2. 政府性基金预算执行情况\n政府性基金预算收入合计164.0亿元。\n")
    assert not [r for r in repeat.find(parse_text(text)) if r.target.text in ("196.3", "164.0")]


def test_the_whole_regions_and_its_own_levels_figures_are_two_quantities():
    from parsers.text import parse_text
    from tui_review.relations import repeat

    text = ("某市2018年上半年财政收支情况\n一、财政收支概况\n(一)全市收支情况\n"
            "上半年,全市一般公共预算总收入完成865,696万元。一般公共预算支出完成1,580,349万元,比上年同期增支129,266万元。\n"
            "(二)市本级收支情况\n上半年,市本级一般公共预算总收入完成249,735万元。一般公共预算支出完成255,325万元,比上年同期增支14,484万元。\n")
    assert not [r for r in repeat.find(parse_text(text)) if {r.target.text, r.terms[0].figure.text} == {"1,580,349", "255,325"}]


def test_figures_under_headings_of_two_years_are_two_quantities():
    from parsers.text import parse_text
    from tui_review.relations import repeat

    text = ("某市2014年国有资本经营预算执行情况和2015年国有资本经营预算\n二、2014年国有资本经营预算执行情况\n"
            "国有资本经营预算收入合计79亿元，支出合计75.7亿元。\n三、2015年国有资本经营预算安排情况\n"
            "国有资本经营预算收入合计81.6亿元，支出合计78.3亿元。\n")
    assert not repeat.find(parse_text(text))
    carried = ("上海市2014年国有资本经营预算执行情况\n二、2014年本市国有资本经营预算的执行情况\n"
               "全市国有资本经营收入61.6亿元,加上上年结转收入2.1亿元。\n市本级国有资本经营收入46亿元,增长18.8%。加上上年结转收入0.1亿元。\n")
    assert not [r for r in repeat.find(parse_text(carried)) if r.target.text in ("2.1", "0.1")]  # the level named last before each


def outturn_repeats(text: str):
    return [(r.target.text, r.terms[0].figure.text) for r in repeat.find(parse_text(text))]


def test_a_place_of_the_region_opening_its_clause_is_another_scope():
    # the whole district's 中央财政收入 and one of its parts' (其中：鄞州区…；加上…)
    text = "某区2017年财政收支执行情况\n一、收入\n2017年，全区完成一般公共预算收入2416460万元，为预算的103.9%，同比增长9.0%。" \
        "加上中央财政收入1692661万元，合计财政总收入4109121万元，为预算的105.1%，同比增长11.1%。其中：鄞州区完成一般公共预算收入" \
        "1917837万元，为预算的102.9%，同比增长7.5%；加上中央财政收入1321480万元，合计财政总收入3239317万元，为预算的104.0%，同比增长9.5%。\n"
    assert outturn_repeats(text) == []
    assert outturn_repeats(text.replace("其中：鄞州区", "其中：")) == [("1321480", "1692661")]  # no place: one scope


def test_two_places_named_before_one_free_name_are_two_scopes():
    text = "南昌市2019年一季度财政收入情况\n南昌市财政总收入完成263.7亿元，同比增长8.3%；地方一般公共预算收入完成136.5亿元，同比增长7.5%。\n" \
        "南昌县财政总收入完成38亿元，较上年同期增长13.8%；地方一般公共预算收入完成21.8亿元，较上年同期增长3%。\n"
    assert outturn_repeats(text) == []
    assert outturn_repeats(text.replace("南昌县财政", "南昌市财政")) == [("38", "263.7"), ("21.8", "136.5")]  # one place: one scope


LBX = "某县2024年1-5月财政预算收支执行情况\n一、一般公共预算收支情况\n(一)收入情况。1-5月,全县完成财政总收入4348万元,占年初预算10065万元的43.2%,同比下降6.5%。" \
    "其中:税收收入3511万元,占年初预算8465万元的41.5%,同比下降5.2%;非税收入837万元,占年初预算1600万元的52.3%,同比下降11.7%。" \
    "完成地方一般公共预算收入1720万元,占年初预算3800万元的45.3%,同比下降23.6%。\n" \
    "地方收入按构成分:税收收入1035万元,占年初预算2400万元的43.1%,同比下降28.7%;非税收入685万元,占年初预算1400万元的48.9%,同比下降14.3%。\n"


def test_parts_of_a_breakdown_whose_total_is_named_are_that_totals():
    assert outturn_repeats(LBX) == []
    assert ("1035", "3511") in outturn_repeats(LBX.replace("地方收入按构成分:", "地方收入:"))  # no breakdown named


def test_a_free_name_in_two_fund_paragraphs_is_two_quantities():
    text = "某市2023年市本级决算草案\n一、收支情况\n" \
        "2023年，市本级一般公共预算总收入164.47亿元，市本级一般公共预算总支出153.81亿元。收支相抵，年终结余10.66亿元。\n" \
        "2023年，市本级政府性基金预算总收入87.32亿元，市本级政府性基金预算总支出84.37亿元。收支相抵，年终结余2.95亿元。\n"
    assert outturn_repeats(text) == []
    assert ("2.95", "10.66") in outturn_repeats(text.replace("政府性基金预算总", "一般公共预算总"))  # one fund named


def test_a_statement_under_a_level_and_one_naming_none_are_at_most_a_warning():
    text = "某市2021年预算执行情况\n一般公共预算收入2141亿元，加上中央转移支付和税收返还538.8亿元，预算总收入为3424.8亿元。\n" \
        "(2)市级收支。一般公共预算收入890.7亿元，完成预算102.6%，比上年增长12.9%。\n"
    ((_, _, uncertain),) = [(r.target.text, r.terms[0].figure.text, r.uncertain) for r in repeat.find(parse_text(text))]
    assert uncertain is not None and "本级" in uncertain[0]


def test_another_body_opening_its_clause_is_another_scope():
    text = "北京部门“三公”决算比预算降22.3%\n一、各部门情况\n但也有个别部门超预算。比如市旅游委，2015年“三公”经费财政拨款决算数413.89万元，" \
        "比年初预算325.55万元增加了88.34万元。\n市食药监局2015年“三公”经费财政拨款决算数1848.26万元，比2015年“三公”经费财政拨款年初预算2184.89万元减少336.63万元。\n"
    assert outturn_repeats(text) == []


def test_a_spending_total_with_what_is_paid_up_and_carried_is_not_the_spending():
    text = "某区2024年决算草案\n一、一般公共预算\n一般公共预算支出104.02亿元，同比下降4.2%，加上上解上级支出14.13亿元、债务还本支出6.40亿元、" \
        "安排预算稳定调节基金0.82亿元、年终结转结余0.50亿元，一般公共预算支出总计125.87亿元。\n"
    assert outturn_repeats(text) == []
    assert aliases.names("一般公共预算支出合计", False) == ("一般公共预算财政拨款支出",)


def test_amounts_given_several_quantities_respectively_are_no_repeat():
    text = "四川省2015年省级部门“三公”经费决算情况\n一、三公经费\n其中，公务接待费0.98亿元，减少0.43亿元，下降30.5%；" \
        "因公出国（境）经费与公务用车购置及运行维护费分别为0.34亿元和4.23亿元，均与去年持平。\n"
    assert outturn_repeats(text) == []


def test_a_fund_the_document_makes_immaterial_keeps_no_free_name_apart():
    # seed 000 names 一般公共预算 in one 取暖费 paragraph and not in the other: one fund only, one quantity
    from pathlib import Path
    text = (Path(__file__).resolve().parents[2] / "sample_docs" / "000_c776e60c2084e5b6.txt").read_text(encoding="utf-8")
    at = text.rindex("36.42")
    slipped = parse_text(text[:at] + "36.24" + text[at + 5 :])
    assert [(r.target.text, r.terms[0].figure.text) for r in repeat.find(slipped) if "36.24" in (r.target.text, r.terms[0].figure.text)]
